from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from netlead.programmes.selectors.cohorts import case_context_view
from netlead.programmes.text import render_markdown

register = template.Library()


@register.filter
def markdown(text: str) -> SafeString:
    # Safe: markdown-it escapes raw HTML and refuses unsafe link targets (see text.py).
    return mark_safe(render_markdown(text))  # noqa: S308


@register.filter
def case_view(case: dict[str, Any]) -> dict[str, Any]:
    """A stored case context in the reader's language."""
    return case_context_view(case)
