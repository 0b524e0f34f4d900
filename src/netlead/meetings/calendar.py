"""Meetings as an iCalendar feed (RFC 5545) that calendar programs subscribe to."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC

from django.utils import timezone
from icalendar import Calendar, Event

from netlead.meetings.models import Meeting

PRODID = "-//netlead//meetings//EN"


def meeting_uid(meeting: Meeting, domain: str) -> str:
    """Stable per meeting, so a changed or cancelled meeting updates the same event."""
    return f"meeting-{meeting.pk}@{domain}"


def meetings_ical(
    meetings: Iterable[Meeting],
    *,
    name: str,
    domain: str,
    link: Callable[[Meeting], str] | None = None,
) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now().astimezone(UTC)
    for meeting in meetings:
        event = Event()
        event.add("uid", meeting_uid(meeting, domain))
        event.add("dtstamp", stamp)
        event.add("dtstart", meeting.starts_at.astimezone(UTC))
        event.add("dtend", meeting.ends_at.astimezone(UTC))
        event.add("summary", f"{meeting.title} · {meeting.network.name}")
        if meeting.location:
            event.add("location", meeting.location)
        event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
        if link is not None:
            event.add("url", link(meeting))
        calendar.add_component(event)
    return calendar.to_ical()
