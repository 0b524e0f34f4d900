"""Meeting plans (RRULE), single meetings, and the iCalendar feeds calendar programs fetch."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from netlead.core.tokens import hash_token
from netlead.meetings.models import CalendarFeed, Meeting, MeetingPlan
from netlead.meetings.services import meeting_plan_create
from netlead.networks.models import Network
from tests.meetings.conftest import Net, join

PLAN = {
    "title": "Network meeting",
    "repeat": "monthly_weekday",
    "interval": "1",
    "ends": "count",
    "count": "6",
    "first_starts_at": "2027-01-05T19:30",
    "duration_minutes": "120",
    "location": "Town hall",
}


def _plan(net: Net, **changes: str):  # type: ignore[no-untyped-def]
    return net.client("leader").post(
        reverse("meetings:plan_create", args=net.args()), {**PLAN, **changes}
    )


def _feed_url(net: Net, kind: str, role: str = "leader") -> str:
    client = net.client(role)
    response = client.post(reverse("meetings:feed_create", args=net.args()), {"kind": kind})
    assert response.status_code == 302
    page = client.get(response["Location"])
    url: str = page.context["new_feed"]["url"]
    assert url in page.text
    # Shown once: the next visit no longer has it.
    assert client.get(response["Location"]).context["new_feed"] is None
    return url


def test_monthly_plan_makes_meetings_on_the_first_tuesday(net: Net) -> None:
    response = _plan(net)
    assert response.status_code == 302
    plan = MeetingPlan.objects.get(title="Network meeting")
    starts = [timezone.localtime(m.starts_at) for m in plan.meetings.order_by("starts_at")]
    assert [s.date() for s in starts] == [
        date(2027, 1, 5),
        date(2027, 2, 2),
        date(2027, 3, 2),
        date(2027, 4, 6),
        date(2027, 5, 4),
        date(2027, 6, 1),
    ]
    # The wall time stays at 19:30 across daylight saving time (end of March).
    assert {(s.hour, s.minute) for s in starts} == {(19, 30)}
    assert all(m.ends_at - m.starts_at == timedelta(hours=2) for m in plan.meetings.all())
    assert {m.location for m in plan.meetings.all()} == {"Town hall"}


@pytest.mark.parametrize(
    ("rrule", "message"),
    [
        ("every month", "not a valid recurrence rule"),
        ("FREQ=SOMETIMES", "daily, weekly, monthly or yearly"),
        ("FREQ=HOURLY;COUNT=3", "daily, weekly, monthly or yearly"),
        ("FREQ=MONTHLY;BYDAY=XX", "not a valid recurrence rule"),
        ("FREQ=MONTHLY;INTERVAL=0", "INTERVAL must be a whole number"),
        ("FREQ=MONTHLY;COUNT=0", "COUNT must be a whole number"),
        ("FREQ=MONTHLY;COUNT=3;UNTIL=20271231", "either COUNT or UNTIL"),
        ("FREQ=MONTHLY;UNTIL=20200101", "gives no meetings"),
        ("FREQ=DAILY;COUNT=2\nEXDATE:20270106T193000", "not a valid recurrence rule"),
        ("FREQ=YEARLY;BYEASTER=0", "not a valid recurrence rule"),
    ],
)
def test_a_bad_rrule_is_refused_and_changes_nothing(net: Net, rrule: str, message: str) -> None:
    """The service still takes a rule (the API, the demo): a bad one is refused."""
    before = Meeting.objects.count()
    with pytest.raises(ValidationError) as error:
        meeting_plan_create(
            network=net.network,
            title="Network meeting",
            rrule=rrule,
            first_starts_at=timezone.make_aware(datetime(2027, 1, 5, 19, 30)),
            duration_minutes=120,
        )
    assert message in " ".join(error.value.messages)
    assert Meeting.objects.count() == before
    assert not MeetingPlan.objects.filter(title="Network meeting").exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"repeat": "yearly"}, "repeat"),
        ({"interval": "0"}, "interval"),
        ({"count": ""}, "count"),
        ({"count": "25"}, "count"),
        ({"ends": "until", "until": ""}, "until"),
        ({"ends": "until", "until": "2026-12-31"}, "until"),
    ],
)
def test_a_bad_pick_is_refused_and_changes_nothing(
    net: Net, changes: dict[str, str], field: str
) -> None:
    response = _plan(net, **changes)
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not MeetingPlan.objects.filter(title="Network meeting").exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("title", ""), ("first_starts_at", "tomorrow"), ("duration_minutes", "0")],
)
def test_other_bad_plan_input_is_refused(net: Net, field: str, value: str) -> None:
    response = _plan(net, **{field: value})
    assert response.status_code == 400
    assert not MeetingPlan.objects.filter(title="Network meeting").exists()


@pytest.mark.parametrize(
    "rrule",
    [
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=4",
        "FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=4;UNTIL=20271231",
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=3",
        # 2027 + 4n is never a leap year.
        "FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29",
        # Every twelfth month from January is always January, never April.
        "FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=-31;BYMONTH=4",
    ],
)
def test_a_rule_that_can_never_match_is_refused_at_once(net: Net, rrule: str) -> None:
    """dateutil searches such a rule up to the year 9999 whatever UNTIL says (seconds, for a
    daily rule minutes): the rule is refused before it is run."""
    import signal

    def too_slow(signum: int, frame: object) -> None:
        raise TimeoutError(rrule)

    # A safety net only (the refusal's speed is not what is asserted): a regression hangs no run.
    previous = signal.signal(signal.SIGALRM, too_slow)
    signal.alarm(10)
    try:
        with pytest.raises(ValidationError) as error:
            meeting_plan_create(
                network=net.network,
                title="Network meeting",
                rrule=rrule,
                first_starts_at=timezone.make_aware(datetime(2027, 1, 5, 19, 30)),
                duration_minutes=120,
            )
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert "gives no date in the next 5 years" in " ".join(error.value.messages)
    assert "30th of February" in " ".join(error.value.messages)
    assert not MeetingPlan.objects.filter(title="Network meeting").exists()


@pytest.mark.parametrize(
    "rrule",
    [
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=2",  # leap days exist: 2028 and 2032
        "FREQ=MONTHLY;BYMONTHDAY=31;COUNT=3",  # the months that have a 31st
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=SU;COUNT=1",  # 29 February 2032 is a Sunday
    ],
)
def test_a_rare_but_possible_rule_is_kept(net: Net, rrule: str) -> None:
    created = meeting_plan_create(
        network=net.network,
        title="Network meeting",
        rrule=rrule,
        first_starts_at=timezone.make_aware(datetime(2027, 1, 5, 19, 30)),
        duration_minutes=120,
    )
    assert created.meetings


def test_a_rule_without_end_is_capped(net: Net) -> None:
    client = net.client("leader")
    url = reverse("meetings:plan_create", args=net.args())
    data = {**PLAN, "repeat": "weekly", "ends": "until", "until": "2030-12-31"}
    response = client.post(url, data, follow=True)
    assert MeetingPlan.objects.get(title="Network meeting").meetings.count() == 24
    page = response
    assert "more meetings than are planned at once" in page.text


def test_no_meetings_after_the_planned_end(net: Net) -> None:
    Network.objects.filter(pk=net.network.pk).update(planned_end_on=date(2027, 3, 31))
    assert _plan(net).status_code == 302
    plan = MeetingPlan.objects.get(title="Network meeting")
    assert plan.meetings.count() == 3


def test_a_first_meeting_after_the_planned_end_is_refused(net: Net) -> None:
    Network.objects.filter(pk=net.network.pk).update(planned_end_on=date(2026, 12, 31))
    response = _plan(net)
    assert response.status_code == 400
    assert "after the network&#x27;s planned end" in response.text
    assert not MeetingPlan.objects.filter(title="Network meeting").exists()


def test_removing_a_plan_keeps_meetings_that_were_held(net: Net) -> None:
    response = net.client("leader").post(
        reverse("meetings:plan_delete", args=net.args(net.plan.pk))
    )
    assert response.status_code == 302
    assert Meeting.objects.filter(pk=net.past.pk, plan__isnull=True).exists()
    assert not Meeting.objects.filter(pk=net.future.pk).exists()


def test_single_meeting_with_dates_in_the_wrong_order_is_refused(net: Net) -> None:
    url = reverse("meetings:meeting_create", args=net.args())
    data = {"title": "Extra", "starts_at": "2027-02-01T10:00", "ends_at": "2027-02-01T09:00"}
    response = net.client("leader").post(url, data)
    assert response.status_code == 400
    assert "The end must come after the start." in response.text
    assert not Meeting.objects.filter(title="Extra").exists()
    data["ends_at"] = "2027-02-01T11:00"
    assert net.client("leader").post(url, data).status_code == 302


def test_editing_a_meeting_with_bad_dates_changes_nothing(net: Net) -> None:
    url = reverse("meetings:meeting_edit", args=net.args(net.future.pk))
    data = {"title": "Moved", "starts_at": "2027-02-01T10:00", "ends_at": "2027-01-01T09:00"}
    assert net.client("leader").post(url, data).status_code == 400
    net.future.refresh_from_db()
    assert net.future.title == "Core team"


def test_network_feed_parses_with_the_right_occurrences(net: Net) -> None:
    assert _plan(net).status_code == 302
    cancelled = Meeting.objects.filter(title="Network meeting").order_by("starts_at")[1]
    cancelled.is_cancelled = True
    cancelled.save()
    url = _feed_url(net, "network")
    response = net.client("anonymous").get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = [e for e in calendar.walk("VEVENT") if "Network meeting" in str(e["SUMMARY"])]
    starts = sorted(e.decoded("DTSTART") for e in events)
    assert starts == [
        datetime(2027, 1, 5, 18, 30, tzinfo=UTC),
        datetime(2027, 2, 2, 18, 30, tzinfo=UTC),
        datetime(2027, 3, 2, 18, 30, tzinfo=UTC),
        datetime(2027, 4, 6, 17, 30, tzinfo=UTC),  # summer time: 19:30 in Amsterdam
        datetime(2027, 5, 4, 17, 30, tzinfo=UTC),
        datetime(2027, 6, 1, 17, 30, tzinfo=UTC),
    ]
    by_start = {e.decoded("DTSTART"): e for e in events}
    assert str(by_start[datetime(2027, 2, 2, 18, 30, tzinfo=UTC)]["STATUS"]) == "CANCELLED"
    assert str(by_start[datetime(2027, 1, 5, 18, 30, tzinfo=UTC)]["STATUS"]) == "CONFIRMED"
    assert str(by_start[datetime(2027, 1, 5, 18, 30, tzinfo=UTC)]["LOCATION"]) == "Town hall"
    assert by_start[datetime(2027, 1, 5, 18, 30, tzinfo=UTC)].decoded("DTEND") == datetime(
        2027, 1, 5, 20, 30, tzinfo=UTC
    )
    # The UID is stable per meeting: fetching again gives the same ones.
    again = Calendar.from_ical(net.client("anonymous").get(url).content)
    assert {str(e["UID"]) for e in again.walk("VEVENT")} == {
        str(e["UID"]) for e in calendar.walk("VEVENT")
    }
    assert len(calendar.walk("VEVENT")) == 8  # plus the fixture's two meetings


def test_only_the_hash_is_stored_and_a_reset_switches_the_old_url_off(net: Net) -> None:
    old = _feed_url(net, "person", role="member")
    token = old.rsplit("/", 1)[1].removesuffix(".ics")
    feed = CalendarFeed.objects.get(person=net.member.person)
    assert feed.token_hash == hash_token(token) != token
    new = _feed_url(net, "person", role="member")
    assert new != old
    assert net.client("anonymous").get(old).status_code == 404
    assert net.client("anonymous").get(new).status_code == 200
    assert CalendarFeed.objects.filter(person=net.member.person).count() == 1


def test_person_feed_has_the_meetings_of_all_their_current_networks(net: Net) -> None:
    join(net.other_network, net.world.member, "member", net.second_organization)
    elsewhere = Meeting.objects.create(
        network=net.other_network,
        title="School meeting",
        starts_at=net.future.starts_at,
        ends_at=net.future.ends_at,
    )
    unrelated = Network.objects.create(workspace=net.world.workspace, name="Not theirs")
    Meeting.objects.create(
        network=unrelated,
        title="Secret",
        starts_at=net.future.starts_at,
        ends_at=net.future.ends_at,
    )
    url = _feed_url(net, "person", role="member")
    calendar = Calendar.from_ical(net.client("anonymous").get(url).content)
    summaries = sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT"))
    assert summaries == [
        "Core team · Youth care network",
        "Core team · Youth care network",
        "School meeting · School network",
    ]
    assert elsewhere.pk
    # After leaving a network, its meetings drop out of the person's feed.
    net.other_network.members.filter(person=net.member.person).update(left_on=date.today())
    calendar = Calendar.from_ical(net.client("anonymous").get(url).content)
    assert len(calendar.walk("VEVENT")) == 2


def test_unknown_token_is_404(db: None) -> None:
    assert net_client_get("/calendar/nope.ics") == 404


def net_client_get(path: str) -> int:
    from django.test import Client

    return Client().get(path).status_code
