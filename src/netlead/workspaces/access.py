"""The one way anyone reaches a workspace: the user's membership. Anything outside the user's
workspaces is NotFound (it does not exist for them); a role too low inside their workspace is
Forbidden. No request, no side effects: views, the API and export tasks call the same
functions (`netlead.core.middleware` turns the errors into 404 and 403 for views)."""

from __future__ import annotations

from netlead.accounts.models import User
from netlead.core.errors import Forbidden, NotFound
from netlead.workspaces.models import Membership, Person, Role

MANAGERS = (Role.OWNER, Role.FACILITATOR)


def membership_for(user: User, slug: str, *roles: str) -> Membership:
    """`user`'s membership of the workspace `slug`, requiring one of `roles` if given."""
    membership = (
        Membership.objects.select_related("workspace", "user")
        .filter(workspace__slug=slug, user_id=user.pk)
        .first()
    )
    if membership is None:
        raise NotFound(f"workspace {slug!r}")
    if roles and membership.role not in roles:
        raise Forbidden(f"role {membership.role} in workspace {slug!r}")
    return membership


def own_person(membership: Membership) -> Person | None:
    """The person record linked to the member's account in their workspace, if any."""
    return membership.workspace.persons.filter(user_id=membership.user_id).first()


def can_manage(membership: Membership) -> bool:
    """Owners and facilitators manage organizations, persons and invitations."""
    return membership.role in MANAGERS


def is_owner(membership: Membership) -> bool:
    return membership.role == Role.OWNER
