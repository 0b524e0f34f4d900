"""Who reaches which report: drafts only the network's editors, issued reports its members,
nobody outside the network or the workspace; wrong roles get 403 or 404."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.urls import reverse

from netlead.reports.models import Report
from tests.reports.conftest import Demo


def _urls(demo: Demo, report: Report) -> dict[str, str]:
    args = [demo.workspace.slug, demo.network.pk, report.pk]
    return {
        "detail": reverse("reports:detail", args=args),
        "edit": reverse("reports:edit", args=args),
        "progress": reverse("reports:progress", args=args),
        "pdf": reverse("reports:download", args=[*args, "pdf"]),
        "html": reverse("reports:download", args=[*args, "html"]),
    }


def test_a_user_of_another_workspace_finds_nothing(demo: Demo, draft: Report) -> None:
    client = demo.client(demo.outsider)
    list_url = reverse("reports:list", args=[demo.workspace.slug, demo.network.pk])
    assert client.get(list_url).status_code == 404
    for url in _urls(demo, draft).values():
        assert client.get(url).status_code == 404, url
    create = reverse("reports:create", args=[demo.workspace.slug, demo.network.pk])
    assert client.post(create, {"title": "x"}).status_code == 404


def test_a_workspace_member_outside_the_network_finds_nothing(demo: Demo, draft: Report) -> None:
    client = demo.client(demo.facilitator)
    for url in _urls(demo, draft).values():
        assert client.get(url).status_code == 404, url


def test_a_draft_does_not_exist_for_a_member_who_does_not_edit(demo: Demo, draft: Report) -> None:
    client = demo.client(demo.member)
    for url in _urls(demo, draft).values():
        assert client.get(url).status_code in (403, 404), url
    response = client.get(reverse("reports:list", args=[demo.workspace.slug, demo.network.pk]))
    assert response.status_code == 200
    assert draft.title not in response.content.decode()


def test_a_member_may_not_draft_edit_or_issue(
    demo: Demo, draft: Report, issue: Callable[[Report], Report]
) -> None:
    client = demo.client(demo.member)
    slug, n = demo.workspace.slug, demo.network.pk
    create = reverse("reports:create", args=[slug, n])
    before = Report.objects.count()
    response = client.post(
        create,
        {"title": "Mine", "starts_on": "2026-01-01", "ends_on": "2026-12-31", "language": "en"},
    )
    assert response.status_code == 403
    assert Report.objects.count() == before
    for name in ("generate", "issue"):
        url = reverse(f"reports:{name}", args=[slug, n, draft.pk])
        assert client.post(url, {"confirm": "yes"}).status_code == 403
    draft.refresh_from_db()
    assert not draft.is_issued
    issued = issue(draft)
    assert client.get(_urls(demo, issued)["edit"]).status_code == 403


def test_an_issued_report_is_for_every_member_of_the_network(
    demo: Demo, draft: Report, issue: Callable[[Report], Report]
) -> None:
    issued = issue(draft)
    client = demo.client(demo.member)
    urls = _urls(demo, issued)
    assert client.get(urls["detail"]).status_code == 200
    pdf = client.get(urls["pdf"])
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"].startswith("attachment;")
    assert bytes(pdf.content).startswith(b"%PDF")


def test_anonymous_visitors_are_sent_to_log_in(demo: Demo, draft: Report) -> None:
    response = demo.client(None).get(_urls(demo, draft)["detail"])
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("fmt", ["docx", "PDF", "pdf.exe"])
def test_an_unknown_format_is_not_found(
    demo: Demo, draft: Report, issue: Callable[[Report], Report], fmt: str
) -> None:
    issued = issue(draft)
    url = reverse("reports:download", args=[demo.workspace.slug, demo.network.pk, issued.pk, fmt])
    assert demo.client(demo.leader).get(url).status_code == 404
