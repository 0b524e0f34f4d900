"""The workspaces app's pure checks (no queries), shared by services, selectors and views."""

from __future__ import annotations

from netlead.workspaces.models import Membership, Role


def leaves_no_owner(membership: Membership, *, new_role: str | None, owners: int) -> bool:
    """True when `membership` stops owning (`new_role` not owner, or None: removed) while it is
    one of `owners` owners and the last: a workspace needs at least one owner."""
    return membership.role == Role.OWNER and new_role != Role.OWNER and owners == 1


def invitable_roles(inviter_role: str) -> list[str]:
    """The roles an inviter may give: owners any; facilitators members and facilitators, not
    owners."""
    return [role for role in Role.values if inviter_role == Role.OWNER or role != Role.OWNER]
