"""The privacy app's pure checks, shared by its services and pages."""

from __future__ import annotations

from django.utils.translation import gettext as _

from netlead.workspaces.models import Membership, Person, Role


def person_erasure_refusal(
    *, by: Membership, person: Person, person_membership: Membership | None, owners: int
) -> str | None:
    """Why the owner `by` may not erase `person` (None: they may). Their own person goes through
    the erasure of their account; the last owner stays, as a workspace needs one."""
    if person.user_id is not None and person.user_id == by.user_id:
        return _(
            "You cannot erase yourself here: ask for the erasure of your account on your "
            "profile page."
        )
    if person_membership is not None and person_membership.role == Role.OWNER and owners <= 1:
        return _("A workspace needs at least one owner.")
    return None


def last_owner_of(memberships: list[Membership], owners: dict[int, int]) -> Membership | None:
    """The first of the user's `memberships` in which they are the last owner (`owners`: the
    number of owners per workspace id), so their account cannot be erased yet."""
    for membership in memberships:
        if membership.role == Role.OWNER and owners.get(membership.workspace_id, 0) <= 1:
            return membership
    return None
