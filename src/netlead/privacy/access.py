"""Who reaches the privacy pages: a user their own data exports and erasure request; an owner
the erasure of a person of their workspace and the erasure requests of its members. No
request, no side effects."""

from __future__ import annotations

from dataclasses import dataclass

from netlead.accounts.models import User
from netlead.core.errors import NotFound
from netlead.privacy.models import DataExport, ErasureRequest
from netlead.workspaces.access import membership_for
from netlead.workspaces.models import Membership, Person, Role


def data_export_for(user: User, pk: int) -> DataExport:
    """One of the user's own data exports; anyone else's does not exist for them."""
    export = DataExport.objects.filter(pk=pk, user_id=user.pk).defer("archive").first()
    if export is None:
        raise NotFound(f"data export {pk}")
    return export


@dataclass(frozen=True)
class PersonErasure:
    membership: Membership
    person: Person


def person_erasure_for(user: User, slug: str, pk: int) -> PersonErasure:
    """A person of the workspace `slug` whom the user, an owner, may consider erasing."""
    membership = membership_for(user, slug, Role.OWNER)
    person = membership.workspace.persons.select_related("workspace").filter(pk=pk).first()
    if person is None:
        raise NotFound(f"person {pk}")
    return PersonErasure(membership, person)


@dataclass(frozen=True)
class ErasureConfirmation:
    membership: Membership
    erasure: ErasureRequest


def erasure_request_for(user: User, slug: str, pk: int) -> ErasureConfirmation:
    """An open erasure request of a member of the workspace `slug`, for one of its owners."""
    membership = membership_for(user, slug, Role.OWNER)
    erasure = (
        ErasureRequest.objects.select_related("user")
        .filter(
            pk=pk, done_at__isnull=True, user__memberships__workspace_id=membership.workspace_id
        )
        .first()
    )
    if erasure is None:
        raise NotFound(f"erasure request {pk}")
    return ErasureConfirmation(membership, erasure)


def retention_for(user: User, slug: str) -> Membership:
    """The workspace's retention periods are its owners' to set."""
    return membership_for(user, slug, Role.OWNER)
