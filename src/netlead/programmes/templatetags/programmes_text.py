from django import template
from django.utils.safestring import SafeString, mark_safe

from netlead.programmes.text import render_markdown

register = template.Library()


@register.filter
def markdown(text: str) -> SafeString:
    # Safe: markdown-it escapes raw HTML and refuses unsafe link targets (see text.py).
    return mark_safe(render_markdown(text))  # noqa: S308
