"""The networks app's pure checks (no queries), shared by services, selectors and views."""

from __future__ import annotations

from netlead.networks.models import NetworkMember, NetworkRole


def leaves_no_leader(member: NetworkMember, *, new_role: str | None, other_leaders: int) -> bool:
    """True when `member` stops leading (`new_role` not leader, or None: they leave) while
    `other_leaders` current members lead: a network needs at least one network leader."""
    return (
        member.role == NetworkRole.LEADER and new_role != NetworkRole.LEADER and not other_leaders
    )
