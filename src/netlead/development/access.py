"""The one way anyone reaches leader development: the user's own person in the workspace.
Every object is then looked up through that person, so another leader's data is NotFound,
whoever asks (workspace owners included). No request, no side effects: the person is linked
when the user joins the workspace or logs in (`workspaces.services.persons_link`)."""

from __future__ import annotations

from dataclasses import dataclass

from netlead.accounts.models import User
from netlead.core.errors import NotFound
from netlead.development.models import FeedbackRequest
from netlead.workspaces.access import MANAGERS, membership_for, own_person
from netlead.workspaces.audit import record_read
from netlead.workspaces.models import Membership, Person


@dataclass(frozen=True)
class LeaderAccess:
    membership: Membership
    person: Person

    @property
    def slug(self) -> str:
        return self.membership.workspace.slug


@dataclass(frozen=True)
class SharedReport:
    membership: Membership
    person: Person


def leader_for(user: User, slug: str) -> LeaderAccess:
    """`user` as a leader in workspace `slug`."""
    membership = membership_for(user, slug)
    person = own_person(membership)
    if person is None:
        raise NotFound(f"no person of user {user.pk} in workspace {slug!r}")
    return LeaderAccess(membership=membership, person=person)


def shared_report_for(user: User, slug: str, person_id: int, *, path: str) -> SharedReport:
    """A development report its leader chose to share, for the workspace's owners and
    facilitators (never their own through this door); the read is recorded."""
    membership = membership_for(user, slug, *MANAGERS)
    person = (
        membership.workspace.persons.filter(development_profile__report_shared=True, pk=person_id)
        .exclude(user_id=user.pk)
        .first()
    )
    if person is None:
        raise NotFound(f"shared development report of person {person_id}")
    record_read(
        membership=membership,
        action="viewed",
        target=f"shared development report of person {person.pk}",
        path=path,
    )
    return SharedReport(membership=membership, person=person)


def feedback_report_for(access: LeaderAccess, request_id: int, *, path: str) -> FeedbackRequest:
    """One of the leader's own feedback requests. Once it is closed its report shows what
    observers said, so from then on every read is recorded."""
    feedback_request = (
        access.person.feedback_requests.select_related("assessment__framework", "owner__workspace")
        .filter(pk=request_id)
        .first()
    )
    if feedback_request is None:
        raise NotFound(f"feedback request {request_id}")
    if feedback_request.is_closed:
        record_read(
            membership=access.membership,
            action="viewed",
            target=f"feedback report {feedback_request.pk}",
            path=path,
        )
    return feedback_request
