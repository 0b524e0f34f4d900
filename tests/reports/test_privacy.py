"""What a report may show: aggregates, organizations and pseudonyms; no member's name (but the
issuer's, on the cover), no individual rating; every view and download in the audit log."""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse
from weasyprint import HTML

from netlead.reports import document
from netlead.reports.models import Report
from netlead.surveys.models import SurveyInvitation
from netlead.workspaces.models import AuditEvent
from tests.reports.conftest import Demo


def test_no_member_is_named_and_no_individual_rating_is_shown(
    demo: Demo, draft: Report, issue: Callable[[Report], Report]
) -> None:
    # A member who chose not to be named on a map of the period, to be sure.
    SurveyInvitation.objects.filter(round=demo.relationship_round).update(not_named=True)
    issued = issue(draft)
    text = document.standalone(issued, issued.html)
    names = set(
        demo.network.members.exclude(person__user=demo.leader).values_list(
            "person__name", flat=True
        )
    )
    assert names
    shown = sorted(name for name in names if name in text)
    assert shown == []
    assert "Anouk de Vries" in text  # the issuer, on the cover
    # Member figures of the map (a person's position) stay on the map.
    for word in ("constraint", "betweenness", "harmonic"):
        assert word not in text.lower()


def test_every_view_and_download_is_audited(
    demo: Demo, draft: Report, issue: Callable[[Report], Report]
) -> None:
    issued = issue(draft)
    args = [demo.workspace.slug, demo.network.pk, issued.pk]
    client = demo.client(demo.member)
    before = AuditEvent.objects.count()
    client.get(reverse("reports:detail", args=args))
    client.get(reverse("reports:download", args=[*args, "pdf"]))
    client.get(reverse("reports:download", args=[*args, "html"]))
    events = list(AuditEvent.objects.order_by("-pk")[:3])
    assert AuditEvent.objects.count() == before + 3
    assert {e.action for e in events} == {
        "report page",
        "report download pdf",
        "report download html",
    }
    assert all(e.user == demo.member and issued.title in e.target for e in events)


def test_the_pdf_has_a_cover_contents_and_numbered_pages(
    demo: Demo, draft: Report, issue: Callable[[Report], Report]
) -> None:
    issued = issue(draft)
    assert bytes(issued.pdf).startswith(b"%PDF")
    laid_out = HTML(string=document.standalone(issued, issued.html)).render()
    assert len(laid_out.pages) >= 5
    # Cover first, then the contents, then each section on a page of its own.
    # Each entry: (label, (page, x, y), children, state).
    ((label, _where, children, _state),) = laid_out.make_bookmark_tree()
    assert label == demo.network.name
    assert len(children) == 1 + 5  # the contents and the five sections
    pages = [child[1][0] for child in children]
    assert pages == sorted(pages) and pages[0] == 1  # page 2: the contents
    css = document.stylesheet()
    assert "counter(page)" in css and "target-counter" in css
