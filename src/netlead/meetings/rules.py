"""The meetings app's pure checks, shared by services, selectors and views (no queries)."""

from __future__ import annotations

from netlead.meetings.models import AgendaItem, AgendaItemStatus
from netlead.networks.models import NetworkMember


def can_change_agenda_item(item: AgendaItem, by: NetworkMember) -> bool:
    """Editors change any item; a proposer changes their own item while it is proposed."""
    return by.is_editor or (
        by.is_contributor
        and item.proposed_by_id == by.pk
        and item.status == AgendaItemStatus.PROPOSED
    )
