"""The one way a view reaches leader development: the request user's own person in the
workspace. Every object is then looked up through that person, so another leader's data is a
404, whoever asks (workspace owners included)."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest

from netlead.accounts.models import User
from netlead.networks.services import person_for_user
from netlead.workspaces.access import get_membership_for
from netlead.workspaces.models import Membership, Person


@dataclass(frozen=True)
class LeaderAccess:
    membership: Membership
    person: Person

    @property
    def slug(self) -> str:
        return self.membership.workspace.slug


def get_leader_for(request: HttpRequest, slug: str) -> LeaderAccess:
    """The request user as a leader in workspace `slug` (404 outside their workspaces)."""
    membership = get_membership_for(request, slug)
    user: User = request.user  # type: ignore[assignment]
    person = person_for_user(workspace=membership.workspace, user=user)
    return LeaderAccess(membership=membership, person=person)
