"""`{% download_links %}`: the small "Download: CSV · XLSX" group a page shows for its data."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

register = template.Library()

LABELS = {"csv": "CSV", "xlsx": "XLSX", "graphml": "GraphML", "gexf": "GEXF"}


@register.inclusion_tag("exports/_download.html")
def download_links(
    url_name: str, *args: object, what: str, formats: str = "csv xlsx", query: str = ""
) -> dict[str, Any]:
    """Links to `url_name` (whose last argument is the format) for each of `formats`; `what`
    names the data for screen readers ("CSV, members")."""
    return {
        "links": [
            (LABELS.get(fmt, fmt.upper()), reverse(url_name, args=[*args, fmt]) + query)
            for fmt in formats.split()
        ],
        "what": what,
    }
