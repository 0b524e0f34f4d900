"""The exports through the REST API: the same file as the page's download link, the same access
rule and audit record; a token's scope and a bad format are refused."""

from __future__ import annotations

import pytest
from django.test import Client

from netlead.api.services import token_create
from netlead.workspaces.models import AuditEvent
from tests.exports.conftest import EXPORTS, Demo

API = "/api/v1/workspaces/{slug}"


def api_path(demo: Demo, key: str) -> str:
    n = demo.network.pk
    base = API.format(slug=demo.workspace.slug)
    return {
        "organizations": f"{base}/exports/organizations",
        "members": f"{base}/networks/{n}/exports/members",
        "results": f"{base}/networks/{n}/exports/results",
        "meetings": f"{base}/networks/{n}/exports/meetings",
        "actions": f"{base}/networks/{n}/exports/actions",
        "matrix": f"{base}/networks/{n}/surveys/{demo.relationship_round.pk}/organization-matrix",
        "health": f"{base}/networks/{n}/surveys/{demo.health_round.pk}/health-scores",
        "cohort": f"{base}/cohorts/{demo.cohort.pk}/progress/export",
        "network": f"{base}/networks/{n}/surveys/{demo.relationship_round.pk}/network",
    }[key]


def token_client(demo: Demo, user: object, slug: str | None = None) -> Client:
    _, secret = token_create(
        user=user,  # type: ignore[arg-type]
        workspace_slug=slug or demo.workspace.slug,
        name="exports",
        can_write=False,
        days=1,
    )
    return Client(headers={"Authorization": f"Bearer {secret}"})


@pytest.mark.parametrize(("key", "fmt"), EXPORTS)
def test_the_api_gives_the_pages_file_and_audits_it(demo: Demo, key: str, fmt: str) -> None:
    user = demo.facilitator if key == "cohort" else demo.member
    page = demo.client(user).get(demo.url(key, fmt))
    before = AuditEvent.objects.count()
    response = token_client(demo, user).get(api_path(demo, key), {"format": fmt})
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == page["Content-Type"]
    assert response["Content-Disposition"] == page["Content-Disposition"]
    if fmt != "xlsx":  # an XLSX file holds its creation time
        assert response.content == page.content
    assert AuditEvent.objects.count() == before + 1
    assert "export" in AuditEvent.objects.latest("pk").action


@pytest.mark.parametrize("key", ["members", "matrix", "network", "cohort"])
def test_the_api_keeps_the_pages_access_rule(demo: Demo, key: str) -> None:
    fmt = "gexf" if key == "network" else "csv"
    # The workspace facilitator is in no demo network; the participant is no facilitator.
    user = demo.participant if key == "cohort" else demo.facilitator
    expected = 403 if key == "cohort" else 404
    before = AuditEvent.objects.count()
    response = token_client(demo, user).get(api_path(demo, key), {"format": fmt})
    assert response.status_code == expected
    assert response["Content-Type"] == "application/problem+json"
    assert AuditEvent.objects.count() == before


def test_a_token_of_another_workspace_gets_404(demo: Demo) -> None:
    client = token_client(demo, demo.outsider, slug="other-agency")
    response = client.get(api_path(demo, "members"), {"format": "csv"})
    assert response.status_code == 404


def test_a_bad_format_is_a_clear_422_and_reads_nothing(demo: Demo) -> None:
    before = AuditEvent.objects.count()
    response = token_client(demo, demo.member).get(api_path(demo, "members"), {"format": "pdf"})
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["format"]
    assert AuditEvent.objects.count() == before


def test_a_health_export_of_a_relationship_round_is_404(demo: Demo) -> None:
    path = api_path(demo, "health").replace(
        f"/{demo.health_round.pk}/", f"/{demo.relationship_round.pk}/"
    )
    response = token_client(demo, demo.member).get(path, {"format": "csv"})
    assert response.status_code == 404
