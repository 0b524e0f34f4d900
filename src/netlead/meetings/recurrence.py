"""Recurrence rules of meeting plans: an iCalendar RRULE, checked before dateutil runs it."""

from __future__ import annotations

from datetime import datetime

from dateutil.rrule import rrule, rrulestr  # type: ignore[import-untyped]
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

# A plan makes concrete meetings (each with its own agenda); a rule without an end is capped.
MAX_OCCURRENCES = 24
ALLOWED_FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
RRULE_EXAMPLE = "FREQ=MONTHLY;BYDAY=1TU;COUNT=12"


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
    local_start = timezone.localtime(first_starts_at).replace(tzinfo=None)
    try:
        rule = rrulestr(text, dtstart=local_start, forceset=False)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError) as error:
        raise invalid from error
    if not isinstance(rule, rrule):
        raise invalid
    return rule
