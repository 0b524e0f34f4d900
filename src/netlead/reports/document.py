"""The report as a document: its body rendered from the read model in the report's language,
and the PDF WeasyPrint makes of it (cover, contents, page numbers). The same body is shown on
the page, stored when the report is issued, and offered as a standalone HTML file."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from netlead.core.errors import NotFound
from netlead.reports.models import Report
from netlead.reports.selectors import report_contents

#: The report's own stylesheet: linked from the page (the site's CSP allows no inline style),
#: inlined in the PDF and the standalone file.
STYLESHEET = Path(__file__).resolve().parent.parent / "static" / "css" / "report.css"


@cache
def stylesheet() -> str:
    return STYLESHEET.read_text(encoding="utf-8")


def render_body(report: Report) -> str:
    """The report's body, as of now, in the report's language."""
    with translation.override(report.language):
        contents = report_contents(report)
        return render_to_string("reports/_document.html", {"doc": contents, "report": report})


def standalone(report: Report, body: str) -> str:
    """A whole HTML document around a rendered body: the PDF's source and the HTML download.
    ``body`` is our own template's output, escaped there (never user input as such)."""
    with translation.override(report.language):
        return render_to_string(
            "reports/standalone.html",
            {
                "report": report,
                "body": mark_safe(body),  # noqa: S308 - rendered by _document.html, escaped
                "css": mark_safe(stylesheet()),  # noqa: S308 - our own file
                "language": report.language,
            },
        )


#: The site's stylesheet, whose print rules the PDF of a page (the development report) uses.
SITE_STYLESHEET = STYLESHEET.parent / "netlead.css"


@cache
def site_stylesheet() -> str:
    return SITE_STYLESHEET.read_text(encoding="utf-8")


def page_pdf(body: str, *, title: str, language: str) -> bytes:
    """A page's printable body (already rendered and escaped) as a PDF with the site's print
    rules and numbered A4 pages: the PDF of a small document, made while the user waits."""
    html = render_to_string(
        "reports/page_pdf.html",
        {
            "title": title,
            "language": language,
            "body": mark_safe(body),  # noqa: S308 - rendered by our own template, escaped
            # The site's rules, then the report's (tables, key figures, charts).
            "css": mark_safe(site_stylesheet() + stylesheet()),  # noqa: S308 - our own files
        },
    )
    return render_pdf(html)


def stored_body(report: Report) -> SafeString:
    """An issued report's stored body for the page (rendered and escaped when generated)."""
    return mark_safe(report.html)  # noqa: S308 - our own template's output, stored as sent


def _no_fetch(url: str, *args: object, **kwargs: object) -> dict[str, object]:
    # The document is self-contained (inline SVG, inline style): nothing is fetched, so no
    # text in a report can make the renderer reach a file or a host.
    raise ValueError(f"reports fetch nothing: {url}")


def layout(html: str) -> Any:
    """WeasyPrint's laid-out document (its pages, its outline) of a standalone report."""
    from weasyprint import HTML  # loads Pango: only where a PDF is rendered

    return HTML(string=html, url_fetcher=_no_fetch).render()


def render_pdf(html: str) -> bytes:
    return bytes(layout(html).write_pdf())


def render(report: Report, progress: Callable[[int], None]) -> tuple[str, bytes]:
    """The body and the PDF; `progress` hears 0..100 as they are made."""
    progress(10)
    body = render_body(report)
    progress(40)
    pdf = render_pdf(standalone(report, body))
    progress(95)
    return body, pdf


def stored_download(report: Report, fmt: str) -> bytes | str:
    """The stored document as a file of `fmt` ("pdf" or "html"): for an issued report, the
    document as it was sent. ``NotFound`` for another format or a document not made yet."""
    if fmt not in ("pdf", "html"):
        raise NotFound(f"no report as {fmt!r}")
    if not report.has_document:
        raise NotFound("the report's document is not ready")
    return bytes(report.pdf) if fmt == "pdf" else standalone(report, report.html)
