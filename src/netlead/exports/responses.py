"""Files as downloads (for the pages and the API): the content type, `Content-Disposition: attachment` with a
clear file name (what it is from, what it holds, today's date), and no caching of personal data."""

from __future__ import annotations

from collections.abc import Sequence

from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.text import slugify

from netlead.core.errors import NotFound
from netlead.core.language import active_language
from netlead.exports.tables import Table, write_csv, write_xlsx

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "graphml": "application/graphml+xml; charset=utf-8",
    "gexf": "application/gexf+xml; charset=utf-8",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}
TABLE_FORMATS = ("csv", "xlsx")
GRAPH_FORMATS = ("graphml", "gexf")


def check_format(fmt: str, allowed: Sequence[str]) -> str:
    """`fmt` if this export offers it; a 404 otherwise (before any data is opened)."""
    if fmt not in allowed:
        raise NotFound(f"no export as {fmt!r}")
    return fmt


def file_name(parts: Sequence[str], fmt: str) -> str:
    """E.g. ``jeugdnetwerk-west-members-2026-05-01.csv``."""
    stem = "-".join(s for s in (slugify(p) for p in parts) if s)
    return f"{stem or 'export'}-{timezone.localdate().isoformat()}.{fmt}"


def attachment(content: bytes | str, *, fmt: str, parts: Sequence[str]) -> HttpResponse:
    body = content.encode("utf-8") if isinstance(content, str) else content
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=file_name(parts, fmt)
    )
    patch_cache_control(response, private=True, no_store=True)
    return response


def table_response(
    table: Table, *, fmt: str, parts: Sequence[str], more: Sequence[Table] = ()
) -> HttpResponse:
    """`table` as CSV or XLSX; `more` tables are further sheets of the XLSX."""
    content = write_csv(table, active_language()) if fmt == "csv" else write_xlsx(table, *more)
    return attachment(content, fmt=fmt, parts=parts)
