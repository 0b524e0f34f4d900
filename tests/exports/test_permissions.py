"""Every export is for exactly those who see its page, is audited, and is a download."""

from __future__ import annotations

import pytest
from django.urls import reverse

from netlead.workspaces.models import AuditEvent, Membership, Role
from tests.exports.conftest import EXPORTS, Demo
from tests.factories import UserFactory


@pytest.mark.parametrize(("key", "fmt"), EXPORTS)
def test_each_export_is_an_audited_download(demo: Demo, key: str, fmt: str) -> None:
    user = demo.facilitator if key == "cohort" else demo.member
    before = AuditEvent.objects.count()
    response = demo.client(user).get(demo.url(key, fmt))
    assert response.status_code == 200, response.content[:500]
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; filename=")
    assert disposition.rstrip('"').endswith(f".{fmt}")
    assert "no-store" in response["Cache-Control"]
    assert AuditEvent.objects.count() == before + 1
    event = AuditEvent.objects.latest("pk")
    assert event.user == user
    assert "export" in event.action
    assert event.path == demo.url(key, fmt)


@pytest.mark.parametrize(("key", "fmt"), EXPORTS)
def test_another_workspace_gets_404_and_no_audit(demo: Demo, key: str, fmt: str) -> None:
    before = AuditEvent.objects.count()
    assert demo.client(demo.outsider).get(demo.url(key, fmt)).status_code == 404
    assert AuditEvent.objects.count() == before


@pytest.mark.parametrize(("key", "fmt"), EXPORTS)
def test_anonymous_is_sent_to_log_in(demo: Demo, key: str, fmt: str) -> None:
    response = demo.client(None).get(demo.url(key, fmt))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    "key", ["members", "results", "meetings", "actions", "matrix", "health", "network"]
)
def test_a_workspace_member_outside_the_network_gets_404(demo: Demo, key: str) -> None:
    # The workspace facilitator is not a member of the demo network.
    fmt = "gexf" if key == "network" else "csv"
    assert demo.client(demo.facilitator).get(demo.url(key, fmt)).status_code == 404


def test_a_participant_may_not_export_the_cohort(demo: Demo) -> None:
    assert demo.client(demo.participant).get(demo.url("cohort", "xlsx")).status_code == 403
    # A member of the workspace who is not in the cohort: it does not exist for them.
    stranger = UserFactory(email="stranger@example.test")
    Membership.objects.create(workspace=demo.workspace, user=stranger, role=Role.FACILITATOR)
    assert demo.client(stranger).get(demo.url("cohort", "xlsx")).status_code == 404


@pytest.mark.parametrize(
    ("key", "fmt"),
    [
        (k, f)
        for k, f in {(k, "pdf") for k, _ in EXPORTS} | {("network", "csv"), ("members", "gexf")}
    ],
)
def test_an_unknown_format_is_404_before_anything_is_read(demo: Demo, key: str, fmt: str) -> None:
    before = AuditEvent.objects.count()
    user = demo.facilitator if key == "cohort" else demo.member
    assert demo.client(user).get(demo.url(key, fmt)).status_code == 404
    assert AuditEvent.objects.count() == before


def test_a_round_export_of_the_wrong_kind_is_404(demo: Demo) -> None:
    slug, n = demo.workspace.slug, demo.network.pk
    client = demo.client(demo.member)
    health, relationships = demo.health_round.pk, demo.relationship_round.pk
    assert (
        client.get(reverse("exports:round_network", args=[slug, n, health, "gexf"])).status_code
        == 404
    )
    assert (
        client.get(reverse("exports:round_matrix", args=[slug, n, health, "xlsx"])).status_code
        == 404
    )
    assert (
        client.get(
            reverse("exports:round_health", args=[slug, n, relationships, "csv"])
        ).status_code
        == 404
    )


def test_an_open_round_has_no_export(demo: Demo) -> None:
    open_round = demo.network.survey_rounds.filter(status="open").first()
    assert open_round is not None
    url = reverse(
        "exports:round_network", args=[demo.workspace.slug, demo.network.pk, open_round.pk, "gexf"]
    )
    assert demo.client(demo.leader).get(url).status_code == 404


def test_the_import_template_is_for_those_who_import(demo: Demo) -> None:
    args = [demo.workspace.slug, demo.network.pk]
    for fmt in ("csv", "xlsx"):
        url = reverse("exports:import_template", args=[*args, fmt])
        assert demo.client(demo.leader).get(url).status_code == 200
        assert demo.client(demo.member).get(url).status_code == 403
        assert demo.client(demo.outsider).get(url).status_code == 404
    url = reverse("exports:import_template", args=[*args, "ods"])
    assert demo.client(demo.leader).get(url).status_code == 404
