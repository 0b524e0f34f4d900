"""The few audited ways a view reaches a workspace. Anything outside the user's workspaces is a
404 (it does not exist for them); a role too low inside their workspace is a 403."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from netlead.workspaces.models import Membership, Role

SESSION_KEY = "netlead_workspace"

MANAGERS = (Role.OWNER, Role.FACILITATOR)


def get_membership_for(request: HttpRequest, slug: str, *roles: str) -> Membership:
    """The request user's membership of the workspace `slug`, requiring one of `roles` if given."""
    membership = get_object_or_404(
        Membership.objects.select_related("workspace", "user"),
        workspace__slug=slug,
        user_id=request.user.pk,
    )
    if roles and membership.role not in roles:
        raise PermissionDenied
    request.session[SESSION_KEY] = slug
    return membership


def can_manage(membership: Membership) -> bool:
    """Owners and facilitators manage organizations, persons and invitations."""
    return membership.role in MANAGERS


def is_owner(membership: Membership) -> bool:
    return membership.role == Role.OWNER
