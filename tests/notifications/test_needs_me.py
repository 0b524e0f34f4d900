"""'What needs me': one page and a count in the navigation, over all the user's networks and
programmes, in a fixed number of queries; the preferences page is the user's own."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from netlead.accounts.models import User
from netlead.demo import load_demo
from netlead.demo.programmes_common import MEMBER_EMAIL
from netlead.meetings.models import Action, Attendance, AttendanceStatus, Meeting, Minutes
from netlead.networks.models import (
    CharterStatus,
    CharterVersion,
    Network,
    NetworkKind,
    NetworkRole,
)
from netlead.notifications import selectors
from netlead.notifications.models import Notification, Preference
from tests.meetings.conftest import Net, join

PAGES = ["notifications:needs_me", "notifications:needs_me_count", "notifications:preferences"]


def _waiting(net: Net) -> None:
    """A proposed charter version, minutes up for approval (the member was there), an
    overdue action of the member."""
    CharterVersion.objects.create(
        network=net.network, number=1, status=CharterStatus.PROPOSED, necessity="n"
    )
    Attendance.objects.create(meeting=net.past, member=net.member, status=AttendanceStatus.PRESENT)
    Minutes.objects.create(meeting=net.past, text="We met.", status="ready")
    Action.objects.create(
        network=net.network,
        title="Call the school",
        owner=net.member,
        due_on=timezone.localdate() - timedelta(days=2),
    )


def test_the_member_sees_what_waits_with_links(net: Net) -> None:
    _waiting(net)
    page = net.client("member").get(reverse("notifications:needs_me"))
    assert page.status_code == 200
    text = page.text
    assert reverse("networks:charter", args=net.args()) in text
    assert reverse("meetings:detail", args=net.args(net.past.pk)) in text
    assert "Call the school" in text and "overdue" in text
    count = net.client("member").get(reverse("notifications:needs_me_count"))
    assert ">3<" in count.text


def test_others_see_nothing_of_it(net: Net) -> None:
    _waiting(net)
    # The associate does not decide on the charter, was not present, owns no action.
    assert selectors.needs_me(net.associate_user).count == 0
    assert selectors.needs_me(net.world.outsider).count == 0
    assert selectors.needs_me(net.world.facilitator).count == 0


def test_the_count_takes_a_fixed_number_of_queries(
    net: Net, django_assert_num_queries: Any
) -> None:
    _waiting(net)
    with django_assert_num_queries(9):
        small = selectors.needs_me(net.world.member).count
    for index in range(4):
        network = Network.objects.create(workspace=net.world.workspace, name=f"Network {index}")
        member = join(network, net.world.member, NetworkRole.MEMBER, net.world.organization)
        CharterVersion.objects.create(network=network, number=1, status=CharterStatus.PROPOSED)
        meeting = Meeting.objects.create(
            network=network,
            title="Past",
            starts_at=net.past.starts_at,
            ends_at=net.past.ends_at,
        )
        Attendance.objects.create(meeting=meeting, member=member, status=AttendanceStatus.PRESENT)
        Minutes.objects.create(meeting=meeting, text="x", status="ready")
        Action.objects.create(
            network=network, title="Do", owner=member, due_on=timezone.localdate()
        )
    with django_assert_num_queries(9):
        large = selectors.needs_me(net.world.member).count
    assert large == small + 12


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_visitors_are_sent_to_log_in(net: Net, name: str) -> None:
    response = Client().get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_preferences_are_the_users_own(net: Net) -> None:
    member, owner = net.world.member, net.world.owner
    url = reverse("notifications:preferences")
    page = net.client("member").get(url)
    assert page.status_code == 200 and 'value="immediate"' in page.text
    data = {row.kind: "digest" for row in selectors.preferences_of(member)}
    response = net.client("member").post(url, {**data, "user": owner.pk})
    assert response.status_code == 302
    assert set(Preference.objects.values_list("user_id", flat=True)) == {member.pk}
    assert all(row.delivery == "digest" for row in selectors.preferences_of(member))
    assert all(
        row.delivery != "digest" or row.kind.startswith("action_")
        for row in selectors.preferences_of(owner)
    )
    # There is no address for another user's preferences.
    assert net.client("member").get(url + f"{owner.pk}/").status_code == 404


def test_an_unknown_choice_is_refused(net: Net) -> None:
    response = net.client("member").post(
        reverse("notifications:preferences"), {"charter_proposed": "hourly"}
    )
    assert response.status_code == 400
    assert not Preference.objects.exists()


def test_the_demo_member_in_danish_sees_charter_minutes_and_overdue_action_told_once(
    db: None,
) -> None:
    demo = load_demo()
    member = User.objects.get(email=MEMBER_EMAIL)
    client = Client()
    client.force_login(member)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "da"
    page = client.get(reverse("notifications:needs_me"))
    assert page.status_code == 200 and '<html lang="da">' in page.text
    network = Network.objects.get(workspace=demo.workspace, kind=NetworkKind.INTER_ORGANIZATIONAL)
    slug = demo.workspace.slug
    assert reverse("networks:charter", args=[slug, network.pk]) in page.text
    minutes = Minutes.objects.get(meeting__network=network, status="ready")
    assert reverse("meetings:detail", args=[slug, network.pk, minutes.meeting_id]) in page.text
    overdue = Action.objects.filter(
        owner__person__user=member, status="open", due_on__lt=timezone.localdate()
    )
    assert overdue and all(action.title in page.text for action in overdue)

    def told() -> list[str]:
        return sorted(
            e.split(":")[0]
            for e in Notification.objects.filter(recipient=member).values_list("event", flat=True)
            if e.split(":")[0] in ("charter_proposed", "minutes_ready", "action_overdue")
        )

    assert told() == ["action_overdue", "charter_proposed", "minutes_ready"]
    load_demo()
    assert told() == ["action_overdue", "charter_proposed", "minutes_ready"]
    # The demo enrolled her through the programmes' services and gave feedback on her work.
    kinds = set(Notification.objects.filter(recipient=member).values_list("kind", flat=True))
    assert {"enrolled", "feedback_received"} <= kinds


def test_work_to_review_follows_the_cohort_rules(db: None) -> None:
    """The facilitator and the member (in a peer group) see the handed-in work they may give
    feedback on and have not: what the cohort page's `to_review` lists, in all their cohorts."""
    from netlead.programmes.models import CohortStatus, Enrolment
    from netlead.programmes.selectors.cohorts import to_review

    load_demo()
    for email in ("facilitator@example.org", MEMBER_EMAIL):
        user = User.objects.get(email=email)
        expected = {
            s.pk
            for e in Enrolment.objects.filter(person__user=user, cohort__status=CohortStatus.OPEN)
            for s in to_review(e)
        }
        (group,) = [g for g in selectors.needs_me(user).groups if g.key == "reviews"]
        shown = {int(item.link.rstrip("/").rsplit("/", 1)[1]) for item in group.items}
        assert shown == expected and expected
