"""The meeting plan picker: patterns in words in en, nl and da, the rule it writes, the preview
of the dates, and plans shown in words (never as FREQ=... text)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.dates import WEEKDAYS

from netlead.meetings.models import MeetingPlan
from netlead.meetings.recurrence import (
    MONTHLY_DAY,
    MONTHLY_WEEKDAY,
    WEEKLY,
    Pattern,
    nth_of_month,
    pattern_rrule,
    plan_dates,
    rrule_in_words,
)
from tests.meetings.conftest import Net

#: Thursday 7 January 2027, 19:30: the first Thursday of the month.
FIRST = timezone.make_aware(datetime(2027, 1, 7, 19, 30))


@pytest.mark.parametrize(
    ("pattern", "rule", "dates"),
    [
        (
            Pattern(MONTHLY_WEEKDAY, count=3),
            "FREQ=MONTHLY;INTERVAL=1;BYDAY=1TH;COUNT=3",
            [date(2027, 1, 7), date(2027, 2, 4), date(2027, 3, 4)],
        ),
        (
            Pattern(WEEKLY, interval=2, until=date(2027, 2, 5)),
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;UNTIL=20270205T235959",
            [date(2027, 1, 7), date(2027, 1, 21), date(2027, 2, 4)],
        ),
        (
            Pattern(MONTHLY_DAY, interval=3, count=2),
            "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=7;COUNT=2",
            [date(2027, 1, 7), date(2027, 4, 7)],
        ),
    ],
)
def test_a_pattern_writes_the_rule_that_gives_its_dates(
    pattern: Pattern, rule: str, dates: list[date]
) -> None:
    assert pattern_rrule(pattern, first_starts_at=FIRST) == rule
    starts, capped = plan_dates(rule, first_starts_at=FIRST, last_day=None)
    assert [s.date() for s in starts] == dates and not capped
    assert {(s.hour, s.minute) for s in starts} == {(19, 30)}


def test_the_fifth_weekday_of_a_month_is_its_last() -> None:
    assert nth_of_month(date(2027, 1, 29)) == -1  # the fifth Friday
    assert nth_of_month(date(2027, 1, 28)) == 4


@pytest.mark.parametrize("language", ["en", "nl", "da"])
def test_plans_in_words_in_each_language(language: str) -> None:
    with translation.override(language):
        thursday = str(WEEKDAYS[3])
        first = rrule_in_words("FREQ=MONTHLY;BYDAY=1TH;COUNT=6", first_starts_at=FIRST)
        weekly = rrule_in_words(
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;UNTIL=20270630T235959", first_starts_at=FIRST
        )
        june = formats.date_format(date(2027, 6, 30), "DATE_FORMAT")
    assert thursday in first and "6" in first
    assert thursday in weekly and june in weekly
    for words in (first, weekly):
        assert "FREQ" not in words and "=" not in words
    if language == "en":
        assert first == "every first Thursday of the month, 6 times"
        assert weekly == "every 2 weeks on Thursday, until 30 June 2027"


def test_a_rule_that_cannot_be_said_simply_is_not_shown_as_code() -> None:
    words = rrule_in_words("FREQ=MONTHLY;BYSETPOS=2;BYDAY=MO,TU", first_starts_at=FIRST)
    assert "FREQ" not in words and words == "a custom recurrence"


def test_the_leader_picks_a_plan_and_the_list_says_it_in_words(net: Net) -> None:
    data = {
        "title": "Core team",
        "first_starts_at": "2027-01-07T19:30",
        "duration_minutes": "90",
        "repeat": MONTHLY_WEEKDAY,
        "interval": "1",
        "ends": "count",
        "count": "6",
        "location": "",
    }
    client = net.client("leader")
    response = client.post(reverse("meetings:plan_create", args=net.args()), data)
    assert response.status_code == 302
    plan = MeetingPlan.objects.get(title="Core team", first_starts_at=FIRST)
    assert plan.rrule == "FREQ=MONTHLY;INTERVAL=1;BYDAY=1TH;COUNT=6"
    assert plan.meetings.count() == 6
    page = client.get(reverse("meetings:list", args=net.args()))
    assert "Every first Thursday of the month, 6 times" in page.text
    assert "FREQ=" not in page.text


def test_the_preview_shows_the_words_and_the_next_dates(net: Net) -> None:
    query = {
        "title": "Core team",
        "first_starts_at": "2027-01-07T19:30",
        "duration_minutes": "90",
        "repeat": WEEKLY,
        "interval": "2",
        "ends": "count",
        "count": "10",
    }
    url = reverse("meetings:plan_preview", args=net.args())
    response = net.client("leader").get(url, query)
    assert response.status_code == 200
    assert "Every 2 weeks on Thursday, 10 times" in response.text
    assert "10 meetings will be planned" in response.text
    assert "Thursday 7 January 2027, 19:30" in response.text
    assert "and 2 more" in response.text
    assert not MeetingPlan.objects.filter(first_starts_at=FIRST).exists()
    incomplete = net.client("leader").get(url, {"repeat": WEEKLY})
    assert "to see their dates here" in incomplete.text


@pytest.mark.parametrize(("role", "status"), [("member", 403), ("outsider", 404)])
def test_only_editors_preview_plans(net: Net, role: str, status: int) -> None:
    url = reverse("meetings:plan_preview", args=net.args())
    assert net.client(role).get(url).status_code == status
