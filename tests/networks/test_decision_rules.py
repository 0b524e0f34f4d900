"""The decision rule the charter names: set by the leader, shown as progress, recorded with the
adoption; charter versions side by side; a member's leaving confirmed and undone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from netlead.meetings.models import Action
from netlead.networks.models import CharterStatus, CharterVersion, NetworkRole
from netlead.networks.rules import RESTORE_DAYS
from tests.networks.conftest import Net


def _u(net: Net, name: str, *args: object) -> str:
    return reverse(f"networks:{name}", args=[net.slug, net.network.pk, *args])


def _client(net: Net, who: str):  # type: ignore[no-untyped-def]
    user = {
        "leader": net.world.owner,
        "member": net.world.member,
        "associate": net.associate_user,
        "facilitator": net.world.facilitator,
        "outsider": net.world.outsider,
    }[who]
    return net.world.client_for(user)


def _proposal(net: Net, number: int = 1, **texts: str) -> CharterVersion:
    return CharterVersion.objects.create(
        network=net.network,
        number=number,
        necessity=texts.get("necessity", "Nobody can do it alone."),
        shared_interest=texts.get("shared_interest", "Help in time."),
        values=texts.get("values", ""),
        status=texts.get("status", CharterStatus.PROPOSED),
    )


# -- The rule ---------------------------------------------------------------------------------


def test_the_leader_sets_the_decision_rule(net: Net) -> None:
    response = _client(net, "leader").post(
        _u(net, "decision_rule"), {"rule": "majority", "days": "7"}
    )
    assert response.status_code == 302
    net.network.refresh_from_db()
    assert (net.network.decision_rule, net.network.decision_days) == ("majority", 7)
    page = _client(net, "member").get(_u(net, "charter")).text
    assert "A majority of those who decide agrees, within 7 days" in page


@pytest.mark.parametrize(
    "data",
    [
        {"rule": "majority", "days": "0"},
        {"rule": "majority", "days": "91"},
        {"rule": "lottery", "days": "7"},
        {"rule": "consent", "days": "soon"},
        {},
    ],
)
def test_a_bad_decision_rule_is_refused_and_nothing_changes(net: Net, data: dict[str, str]) -> None:
    response = _client(net, "leader").post(_u(net, "decision_rule"), data)
    assert response.status_code == 400
    assert 'class="errorlist' in response.text
    net.network.refresh_from_db()
    assert (net.network.decision_rule, net.network.decision_days) == ("consent", 14)


@pytest.mark.parametrize(("who", "status"), [("member", 403), ("associate", 403)])
def test_only_editors_set_the_rule(net: Net, who: str, status: int) -> None:
    client = _client(net, who)
    assert client.get(_u(net, "decision_rule")).status_code == status
    assert client.post(_u(net, "decision_rule"), {"rule": "everyone", "days": "3"}).status_code == (
        status
    )
    net.network.refresh_from_db()
    assert net.network.decision_rule == "consent"


@pytest.mark.parametrize("who", ["facilitator", "outsider"])
def test_the_rule_and_comparison_do_not_exist_outside_the_network(net: Net, who: str) -> None:
    _proposal(net, 1, status=CharterStatus.AGREED)
    _proposal(net, 2)
    client = _client(net, who)
    for name in ("decision_rule", "charter_compare"):
        assert client.get(_u(net, name)).status_code == 404
    assert client.post(_u(net, "decision_rule"), {"rule": "everyone", "days": "3"}).status_code == (
        404
    )
    net.network.refresh_from_db()
    assert net.network.decision_rule == "consent"


def test_the_charter_shows_progress_under_the_rule(net: Net) -> None:
    version = _proposal(net)
    version.responses.create(member=net.member, agrees=True)
    page = _client(net, "associate").get(_u(net, "charter")).text
    # Leader and member decide; the associate reads only.
    assert "1 of 2 agreed, 0 objections, 14 days left." in page
    assert "Not met yet." in page


def test_one_day_left_is_singular(net: Net) -> None:
    version = _proposal(net)
    CharterVersion.objects.filter(pk=version.pk).update(
        proposed_at=timezone.now() - timedelta(days=13)
    )
    page = _client(net, "leader").get(_u(net, "charter")).text
    assert "0 of 2 agreed, 0 objections, 1 day left." in page


# -- Adopting ---------------------------------------------------------------------------------


def test_adopting_when_the_rule_is_not_met_needs_a_confirmation_and_is_recorded(
    net: Net,
) -> None:
    version = _proposal(net)
    version.responses.create(member=net.member, agrees=True)
    leader = _client(net, "leader")
    page = leader.get(_u(net, "charter_adopt", version.pk))
    assert page.status_code == 200
    assert "1 member has not responded: their response will not count." in page.text
    assert 'name="despite_rule"' in page.text

    refused = leader.post(_u(net, "charter_adopt", version.pk), {})
    assert refused.status_code == 400
    version.refresh_from_db()
    assert version.status == CharterStatus.PROPOSED

    leader.post(_u(net, "charter_adopt", version.pk), {"despite_rule": "on"})
    version.refresh_from_db()
    assert version.status == CharterStatus.AGREED
    assert (version.adopted_rule, version.adopted_rule_days, version.adopted_rule_met) == (
        "consent",
        14,
        False,
    )
    assert version.adopted_by == net.world.owner
    charter = _client(net, "member").get(_u(net, "charter")).text
    assert "The rule was not met: the leader decided anyway." in charter


def test_consent_is_met_by_silence_after_the_period(net: Net) -> None:
    version = _proposal(net)
    CharterVersion.objects.filter(pk=version.pk).update(
        proposed_at=timezone.now() - timedelta(days=15)
    )
    leader = _client(net, "leader")
    assert "The rule is met." in leader.get(_u(net, "charter_adopt", version.pk)).text
    leader.post(_u(net, "charter_adopt", version.pk), {})
    version.refresh_from_db()
    assert (version.status, version.adopted_rule_met) == (CharterStatus.AGREED, True)


def test_a_majority_adopts_despite_an_objection_and_the_record_says_met(net: Net) -> None:
    net.network.decision_rule = "majority"
    net.network.save()
    third = net.network.members.create(
        person=net.associate.person.__class__.objects.create(
            workspace=net.world.workspace, name="Cor Core"
        ),
        role=NetworkRole.CORE,
    )
    version = _proposal(net)
    version.responses.create(member=net.leader, agrees=True)
    version.responses.create(member=net.member, agrees=True)
    version.responses.create(member=third, agrees=False, objection="Too vague.")
    leader = _client(net, "leader")
    assert "2 of 3 agreed, 1 objection" in leader.get(_u(net, "charter")).text
    leader.post(_u(net, "charter_adopt", version.pk), {})
    version.refresh_from_db()
    assert (version.status, version.adopted_rule, version.adopted_rule_met) == (
        CharterStatus.AGREED,
        "majority",
        True,
    )


def test_responses_of_people_who_left_do_not_count(net: Net) -> None:
    net.network.decision_rule = "everyone"
    net.network.save()
    version = _proposal(net)
    version.responses.create(member=net.leader, agrees=True)
    version.responses.create(member=net.member, agrees=True)
    net.member.left_on = timezone.localdate()
    net.member.save()
    page = _client(net, "leader").get(_u(net, "charter_adopt", version.pk)).text
    assert "1 of 1 agreed" in page


def test_the_adopt_page_is_for_editors_and_proposals_only(net: Net) -> None:
    agreed = _proposal(net, 1, status=CharterStatus.AGREED)
    version = _proposal(net, 2)
    assert _client(net, "member").get(_u(net, "charter_adopt", version.pk)).status_code == 403
    assert _client(net, "associate").get(_u(net, "charter_adopt", version.pk)).status_code == 403
    assert _client(net, "outsider").get(_u(net, "charter_adopt", version.pk)).status_code == 404
    assert _client(net, "leader").get(_u(net, "charter_adopt", agreed.pk)).status_code == 404


# -- Comparing --------------------------------------------------------------------------------


def test_two_versions_side_by_side_with_differences_marked_and_escaped(net: Net) -> None:
    _proposal(net, 1, values="Openness.\nWe meet monthly.", status=CharterStatus.AGREED)
    _proposal(net, 2, values="Openness.\nWe meet <script>alert(1)</script> weekly.")
    page = _client(net, "associate").get(_u(net, "charter_compare"))
    assert page.status_code == 200
    assert "<del> monthly.</del>" in page.text
    assert "<ins> &lt;script&gt;alert(1)&lt;/script&gt; weekly.</ins>" in page.text
    assert "<script>alert(1)" not in page.text
    assert "(unchanged)" in page.text  # the necessity is the same


def test_comparing_a_version_with_itself_or_an_unknown_one_is_refused(net: Net) -> None:
    _proposal(net, 1, status=CharterStatus.AGREED)
    _proposal(net, 2)
    client = _client(net, "member")
    same = client.get(_u(net, "charter_compare"), {"left": "1", "right": "1"})
    assert same.status_code == 400 and "Choose two different versions." in same.text
    unknown = client.get(_u(net, "charter_compare"), {"left": "1", "right": "9"})
    assert unknown.status_code == 400
    chosen = client.get(_u(net, "charter_compare"), {"left": "2", "right": "1"})
    assert chosen.status_code == 200


def test_comparing_with_one_version_says_so(net: Net) -> None:
    _proposal(net)
    page = _client(net, "member").get(_u(net, "charter_compare")).text
    assert "nothing to compare yet" in page


# -- A member leaves, and the leaving is undone --------------------------------------------------


def test_leaving_is_confirmed_with_what_follows(net: Net) -> None:
    Action.objects.create(network=net.network, title="Call the school", owner=net.member)
    version = _proposal(net)
    version.responses.create(member=net.member, agrees=True)
    page = _client(net, "leader").get(_u(net, "member_leave", net.member.pk))
    assert page.status_code == 200
    assert "They own 1 open action" in page.text
    assert "Their response to the proposed charter version will no longer count." in page.text
    net.member.refresh_from_db()
    assert net.member.left_on is None  # looking changes nothing


def test_leaving_without_a_date_is_refused_and_nothing_changes(net: Net) -> None:
    response = _client(net, "leader").post(_u(net, "member_leave", net.member.pk), {})
    assert response.status_code == 400
    assert "Enter the date on which the person left." in response.text
    net.member.refresh_from_db()
    assert net.member.left_on is None


def test_the_only_leader_is_warned_before_leaving(net: Net) -> None:
    page = _client(net, "leader").get(_u(net, "member_leave", net.leader.pk)).text
    assert "They are the only network leader" in page


def test_a_recent_leaving_is_undone(net: Net) -> None:
    leader = _client(net, "leader")
    today = timezone.localdate().isoformat()
    leader.post(_u(net, "member_leave", net.member.pk), {"left_on": today})
    net.member.refresh_from_db()
    assert net.member.left_on is not None
    members_page = leader.get(_u(net, "members")).text
    assert "is a member again" in members_page
    leader.post(_u(net, "member_restore", net.member.pk))
    net.member.refresh_from_db()
    assert net.member.left_on is None
    assert _client(net, "member").get(_u(net, "dashboard")).status_code == 200


def test_an_old_leaving_cannot_be_undone(net: Net) -> None:
    net.member.left_on = timezone.localdate() - timedelta(days=RESTORE_DAYS + 1)
    net.member.save()
    response = _client(net, "leader").post(_u(net, "member_restore", net.member.pk), follow=True)
    assert "can be undone only within 30 days" in response.text
    net.member.refresh_from_db()
    assert net.member.left_on is not None


def test_a_current_member_cannot_be_restored(net: Net) -> None:
    response = _client(net, "leader").post(_u(net, "member_restore", net.member.pk))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("who", "status"), [("member", 403), ("facilitator", 404), ("outsider", 404)]
)
def test_only_editors_undo_a_leaving(net: Net, who: str, status: int) -> None:
    net.associate.left_on = timezone.localdate()
    net.associate.save()
    client = _client(net, who)
    assert client.post(_u(net, "member_restore", net.associate.pk)).status_code == status
    assert client.get(_u(net, "member_leave", net.leader.pk)).status_code == status
    net.associate.refresh_from_db()
    assert net.associate.left_on is not None


def test_restoring_is_post_only(net: Net) -> None:
    net.associate.left_on = timezone.localdate()
    net.associate.save()
    assert (
        _client(net, "leader").get(_u(net, "member_restore", net.associate.pk)).status_code == 405
    )
