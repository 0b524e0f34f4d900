"""The networks app's pure checks (no queries), shared by services, selectors and views."""

from __future__ import annotations

from datetime import date, timedelta

from netlead.networks.models import NetworkMember, NetworkRole

#: How long after someone left the network a leader can undo it (a mistaken click, a wrong
#: person); later, the person is added again as a new membership.
RESTORE_DAYS = 30


def leaves_no_leader(member: NetworkMember, *, new_role: str | None, other_leaders: int) -> bool:
    """True when `member` stops leading (`new_role` not leader, or None: they leave) while
    `other_leaders` current members lead: a network needs at least one network leader."""
    return (
        member.role == NetworkRole.LEADER and new_role != NetworkRole.LEADER and not other_leaders
    )


def can_restore(member: NetworkMember, *, today: date) -> bool:
    """True when `member` left no longer than RESTORE_DAYS before `today`, counted from the
    leaving date or from today when the date lies in the future."""
    if member.left_on is None:
        return False
    return member.left_on >= today - timedelta(days=RESTORE_DAYS)
