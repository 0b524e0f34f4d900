"""`{{ field|score_radios }}`: a score question's radios, written here in one pass.

A page of several score questions (an observer's competences, the four principles) spent
most of its CPU time rendering each radio through Django's widget templates or a template
loop; this writes the same markup directly."""

from __future__ import annotations

from typing import cast

from django import template
from django.forms import BoundField, ChoiceField
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def score_radios(field: BoundField) -> SafeString:
    """A `<ul class="scale">` with one labelled radio per choice of a required choice field:
    the chosen point checked, every radio marked invalid when the field has an error."""
    choice_field = field.field
    if not isinstance(choice_field, ChoiceField):
        raise TypeError(f"{field.name} is not a choice field")
    name = escape(field.html_name)
    prefix = escape(field.auto_id)
    given = field.value()
    chosen = "" if given is None else str(given)
    invalid = ' aria-invalid="true"' if field.errors else ""
    # A ChoiceField's choices are normalized to (value, label) pairs when set.
    choices = cast("list[tuple[object, str]]", choice_field.choices)
    items = []
    for index, (value, label) in enumerate(choices):
        point = str(value)
        checked = " checked" if point == chosen else ""
        items.append(
            f'<li><label for="{prefix}_{index}"><input type="radio" name="{name}" '
            f'value="{escape(point)}" id="{prefix}_{index}" required{invalid}{checked}> '
            f"<span>{escape(label)}</span></label></li>"
        )
    # Safe: every value written above is escaped.
    return mark_safe(f'<ul class="scale">{"".join(items)}</ul>')  # noqa: S308
