"""Recurrence rules of meeting plans: an iCalendar RRULE, checked before dateutil runs it; the
picker's patterns that make one, and a rule said in words."""

from __future__ import annotations

import calendar
import contextlib
import itertools
import re
from dataclasses import dataclass
from datetime import date, datetime, time

from dateutil.rrule import rrule, rrulestr  # type: ignore[import-untyped]
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

# A plan makes concrete meetings (each with its own agenda); a rule without an end is capped.
MAX_OCCURRENCES = 24
ALLOWED_FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
RRULE_EXAMPLE = "FREQ=MONTHLY;BYDAY=1TU;COUNT=12"
# A rule must give a date within this many years of the first meeting (see _check_reachable).
REACH_YEARS = 5
# dateutil's own parts that iCalendar does not have; BYEASTER also breaks _check_reachable's
# calendar look-alike (Easter does not follow the weekday and leap-year pattern).
REFUSED_PARTS = ("BYEASTER",)


def _rrule_parts(text: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for chunk in text.split(";"):
        key, sep, value = chunk.partition("=")
        if not sep or not key.strip():
            raise ValueError(chunk)
        parts[key.strip().upper()] = value.strip()
    return parts


def parse_rrule(text: str, *, first_starts_at: datetime) -> rrule:
    """The recurrence rule `text` (an iCalendar RRULE) from the local wall time of
    `first_starts_at`, so a 19:30 meeting stays at 19:30 across daylight saving time."""
    text = text.strip()
    if text.upper().startswith("RRULE:"):
        text = text[len("RRULE:") :]
    invalid = ValidationError(
        {
            "rrule": _(
                "This is not a valid recurrence rule. Write an iCalendar RRULE, for example %(example)s."
            )
            % {"example": RRULE_EXAMPLE}
        }
    )
    if not text or any(c in text for c in "\r\n:"):
        raise invalid
    try:
        parts = _rrule_parts(text)
    except ValueError as error:
        raise invalid from error
    if parts.get("FREQ", "").upper() not in ALLOWED_FREQUENCIES:
        raise ValidationError(
            {"rrule": _("Meetings repeat daily, weekly, monthly or yearly (FREQ=MONTHLY, ...).")}
        )
    # dateutil loops forever on INTERVAL=0: check the numbers before handing the rule over.
    for key in ("INTERVAL", "COUNT"):
        if key in parts and (not parts[key].isdigit() or int(parts[key]) < 1):
            raise ValidationError(
                {"rrule": _("%(key)s must be a whole number of 1 or more.") % {"key": key}}
            )
    if "COUNT" in parts and "UNTIL" in parts:
        raise ValidationError({"rrule": _("Use either COUNT or UNTIL, not both.")})
    if any(key in parts for key in REFUSED_PARTS):
        raise invalid
    local_start = timezone.localtime(first_starts_at).replace(tzinfo=None)
    try:
        rule = rrulestr(text, dtstart=local_start, forceset=False)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError) as error:
        raise invalid from error
    if not isinstance(rule, rrule):
        raise invalid
    _check_reachable(rule, local_start)
    return rule


def _look_alike_year(year: int, span: int) -> int | None:
    """A year near the end of dateutil's calendar (9999) whose next `span` years start on the
    same weekdays and have the same leap years as the `span` years from `year`, so a rule runs
    the same there; None when `year` is itself that late."""
    last = datetime.max.year
    if year > last - REACH_YEARS:
        return None

    def same(candidate: int, years: int) -> bool:
        return calendar.weekday(candidate, 1, 1) == calendar.weekday(year, 1, 1) and all(
            calendar.isleap(candidate + i) == calendar.isleap(year + i) for i in range(years)
        )

    candidates = range(last - span, last - span - 60, -1)
    exact = next((c for c in candidates if same(c, min(last - c + 1, last - year + 1))), None)
    # A window over a century year that is no leap year (2100) has no exact look-alike in
    # 9901..9999: one leap day may then differ, which does not matter for "any date at all".
    return exact if exact is not None else next((c for c in candidates if same(c, 1)), None)


def _check_reachable(rule: rrule, local_start: datetime) -> None:
    """Refuse a rule that gives no date within REACH_YEARS of its start (the 30th of February,
    the 31st of April, the 29th of February every fourth year from a year that is no leap
    year...). dateutil looks for a next date period by period up to the year 9999 whatever
    UNTIL or COUNT say, which takes seconds (minutes for a daily rule); so the rule runs from
    a look-alike start in the last years of the calendar, where that search ends by itself
    after REACH_YEARS to REACH_YEARS + 60 years."""
    twin = _look_alike_year(local_start.year, REACH_YEARS)
    if twin is None:
        return
    try:
        start = local_start.replace(year=twin)
    except ValueError:  # 29 February into a year that is no leap year: no look-alike then
        return
    probe = rule.replace(dtstart=start, count=None, until=None)
    if next(iter(probe), None) is None:
        raise ValidationError(
            {
                "rrule": _(
                    "This rule gives no date in the next %(years)s years: it asks for a day "
                    "that does not exist (such as the 30th of February or the 31st of April) "
                    "or that its interval never reaches. Check BYMONTH, BYMONTHDAY, BYDAY "
                    "and INTERVAL."
                )
                % {"years": REACH_YEARS}
            }
        )


# -- The picker: a few everyday patterns, written as an RRULE and read back in words ---------

#: iCalendar's weekday codes, Monday first (as `date.weekday()`).
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WEEKLY = "weekly"
MONTHLY_DAY = "monthly_day"
MONTHLY_WEEKDAY = "monthly_weekday"
REPEATS = (WEEKLY, MONTHLY_DAY, MONTHLY_WEEKDAY)


@dataclass(frozen=True)
class Pattern:
    """A meeting plan as the picker asks it: how it repeats (the weekday, day of the month or
    nth weekday are those of the first meeting), every how many weeks or months, and until a
    date or a number of times."""

    repeat: str
    interval: int = 1
    count: int | None = None
    until: date | None = None


def nth_of_month(day: date) -> int:
    """Which of its weekday in the month `day` is: 1..4, or -1 for a fifth (the last)."""
    nth = (day.day - 1) // 7 + 1
    return -1 if nth == 5 else nth


def pattern_rrule(pattern: Pattern, *, first_starts_at: datetime) -> str:
    """The iCalendar RRULE of `pattern`, anchored on the first meeting's local date."""
    if pattern.repeat not in REPEATS:
        raise ValueError(pattern.repeat)
    first = timezone.localtime(first_starts_at).date()
    weekday = WEEKDAY_CODES[first.weekday()]
    if pattern.repeat == WEEKLY:
        parts = ["FREQ=WEEKLY", f"INTERVAL={pattern.interval}", f"BYDAY={weekday}"]
    elif pattern.repeat == MONTHLY_DAY:
        parts = ["FREQ=MONTHLY", f"INTERVAL={pattern.interval}", f"BYMONTHDAY={first.day}"]
    else:
        parts = [
            "FREQ=MONTHLY",
            f"INTERVAL={pattern.interval}",
            f"BYDAY={nth_of_month(first)}{weekday}",
        ]
    if pattern.count is not None:
        parts.append(f"COUNT={pattern.count}")
    elif pattern.until is not None:
        parts.append(f"UNTIL={pattern.until:%Y%m%d}T235959")
    return ";".join(parts)


def plan_dates(
    text: str, *, first_starts_at: datetime, last_day: date | None
) -> tuple[list[datetime], bool]:
    """The local start times a plan makes: at most MAX_OCCURRENCES and none after `last_day`
    (the network's planned end); and whether the rule gives more than that."""
    rule = parse_rrule(text, first_starts_at=first_starts_at)
    starts = list(itertools.islice(rule, MAX_OCCURRENCES + 1))
    capped = len(starts) > MAX_OCCURRENCES
    starts = starts[:MAX_OCCURRENCES]
    if last_day is not None:
        limit = datetime.combine(last_day, time.max)
        capped = capped or any(start > limit for start in starts)
        starts = [start for start in starts if start <= limit]
    return starts, capped


def _ordinal(nth: int) -> str:
    return {
        1: pgettext("the nth weekday of the month", "first"),
        2: pgettext("the nth weekday of the month", "second"),
        3: pgettext("the nth weekday of the month", "third"),
        4: pgettext("the nth weekday of the month", "fourth"),
        -1: pgettext("the nth weekday of the month", "last"),
    }[nth]


def _weekday(code: str) -> str:
    return str(WEEKDAYS[WEEKDAY_CODES.index(code)])


def _repeat_in_words(parts: dict[str, str], first: date) -> str | None:
    freq = parts.get("FREQ", "")
    n = int(parts.get("INTERVAL", "1") or "1")
    byday = parts.get("BYDAY", "")
    known = {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "COUNT", "UNTIL", "WKST"}
    if set(parts) - known:
        return None
    if freq == "DAILY" and not byday:
        return ngettext("every day", "every %(n)s days", n) % {"n": n}
    if freq == "YEARLY" and not byday:
        return ngettext("every year", "every %(n)s years", n) % {"n": n}
    if freq == "WEEKLY":
        codes = [c for c in byday.split(",") if c] or [WEEKDAY_CODES[first.weekday()]]
        if any(code not in WEEKDAY_CODES for code in codes):
            return None
        days = ", ".join(_weekday(code) for code in codes)
        return ngettext("every week on %(days)s", "every %(n)s weeks on %(days)s", n) % {
            "n": n,
            "days": days,
        }
    if freq != "MONTHLY":
        return None
    if byday:
        match = re.fullmatch(r"([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)", byday)
        if match is None or match.group(1) is None or int(match.group(1)) not in (1, 2, 3, 4, -1):
            return None
        words = {"ordinal": _ordinal(int(match.group(1))), "weekday": _weekday(match.group(2))}
        if n == 1:
            return _("every %(ordinal)s %(weekday)s of the month") % words
        return _("every %(n)s months on the %(ordinal)s %(weekday)s") % {**words, "n": n}
    day = parts.get("BYMONTHDAY") or str(first.day)
    if not day.isdigit():
        return None
    return ngettext("every month on day %(day)s", "every %(n)s months on day %(day)s", n) % {
        "n": n,
        "day": day,
    }


def rrule_in_words(text: str, *, first_starts_at: datetime) -> str:
    """A plan's rule as people say it, in the active language: "every first Thursday of the
    month, 6 times". Rules the picker does not make (from the API) that cannot be said simply
    are called a custom rule, never shown as FREQ=... text."""
    text = text.strip()
    if text.upper().startswith("RRULE:"):
        text = text[len("RRULE:") :]
    try:
        parts = {k: v.upper() for k, v in _rrule_parts(text).items()}
    except ValueError:
        parts = {}
    first = timezone.localtime(first_starts_at).date()
    repeat = _repeat_in_words(parts, first) if parts else None
    if repeat is None:
        return str(_("a custom recurrence"))
    if parts.get("COUNT", "").isdigit():
        count = int(parts["COUNT"])
        return ngettext("%(repeat)s, %(count)s time", "%(repeat)s, %(count)s times", count) % {
            "repeat": repeat,
            "count": count,
        }
    until = parts.get("UNTIL", "")
    if len(until) >= 8 and until[:8].isdigit():
        with contextlib.suppress(ValueError):
            day = date(int(until[:4]), int(until[4:6]), int(until[6:8]))
            return _("%(repeat)s, until %(date)s") % {
                "repeat": repeat,
                "date": formats.date_format(day, "DATE_FORMAT"),
            }
    return repeat
