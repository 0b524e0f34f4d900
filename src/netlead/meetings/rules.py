"""The meetings app's pure checks, shared by services, selectors and views (no queries)."""

from __future__ import annotations

from datetime import datetime, timedelta

from netlead.meetings.models import AgendaItem, AgendaItemStatus, Minutes, MinutesStatus
from netlead.networks.models import NetworkMember

#: How long after minutes were approved an editor can re-open the approval (a premature
#: declaration, a forgotten correction); later the minutes stay as they are.
REOPEN_HOURS = 48


def can_change_agenda_item(item: AgendaItem, by: NetworkMember) -> bool:
    """Editors change any item; a proposer changes their own item while it is proposed."""
    return by.is_editor or (
        by.is_contributor
        and item.proposed_by_id == by.pk
        and item.status == AgendaItemStatus.PROPOSED
    )


def can_reopen_minutes(minutes: Minutes, *, now: datetime) -> bool:
    """True when approved `minutes` may go back to approval: within REOPEN_HOURS."""
    return (
        minutes.status == MinutesStatus.APPROVED
        and minutes.approved_at is not None
        and now - minutes.approved_at <= timedelta(hours=REOPEN_HOURS)
    )
