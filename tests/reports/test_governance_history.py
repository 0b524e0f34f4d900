"""The accountability report tells the governance form the network had at the end of the
period and its changes during it, as recorded when the leader changed the profile."""

from __future__ import annotations

from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from netlead.networks.models import GovernanceChange
from netlead.reports import services
from netlead.reports.selectors import report_contents
from tests.networks.conftest import Net, net

__all__ = ["net"]

PROFILE = {"name": "Youth care network", "kind": "learning", "scope": "local", "status": "active"}


def _change(net: Net, governance: str) -> int:
    url = reverse("networks:profile", args=[net.world.workspace.slug, net.network.pk])
    response = net.world.client_for(net.world.owner).post(
        url, {**PROFILE, "governance": governance}
    )
    return response.status_code


def test_a_change_of_governance_form_is_recorded_once_with_who_and_when(net: Net) -> None:
    before = net.network.governance
    assert _change(net, "lead_organization") == 302
    assert _change(net, "lead_organization") == 302  # saved again, unchanged: no new record
    change = GovernanceChange.objects.get()
    assert (change.from_form, change.to_form, change.changed_by) == (
        before,
        "lead_organization",
        net.world.owner,
    )
    assert change.changed_on == timezone.localdate()


def test_a_refused_profile_records_no_change(net: Net) -> None:
    url = reverse("networks:profile", args=[net.world.workspace.slug, net.network.pk])
    response = net.world.client_for(net.world.owner).post(
        url, {**PROFILE, "name": "", "governance": "lead_organization"}
    )
    assert response.status_code == 400
    assert not GovernanceChange.objects.exists()


def test_the_report_gives_the_form_at_the_end_of_its_period_and_the_changes_in_it(
    net: Net,
) -> None:
    today = timezone.localdate()
    first = net.network.governance
    assert _change(net, "lead_organization") == 302
    GovernanceChange.objects.update(changed_on=today - timedelta(days=40))
    assert _change(net, "nao") == 302
    last_year = services.report_create(
        network=net.network,
        user=net.world.owner,
        title="Until last month",
        starts_on=today - timedelta(days=400),
        ends_on=today - timedelta(days=10),
        language="en",
    )
    charter = report_contents(last_year).charter
    steps = [(s.changed_on, s.from_form, s.to_form) for s in charter.governance_history]
    assert len(steps) == 1 and steps[0][0] == today - timedelta(days=40)
    # At the end of that period the network had the form it changed to 40 days ago, not today's.
    assert charter.governance == steps[0][2] != ""
    assert first != "lead_organization"

    before_any = services.report_create(
        network=net.network,
        user=net.world.owner,
        title="Long ago",
        starts_on=date(2020, 1, 1),
        ends_on=date(2020, 12, 31),
        language="en",
    )
    old = report_contents(before_any).charter
    assert old.governance_history == []
    assert old.governance == steps[0][1]  # the first form, before any change
