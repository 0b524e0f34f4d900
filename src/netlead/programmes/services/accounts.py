"""Who in a programme can log in, and inviting those who cannot yet: enrolled people without
an account would otherwise never see their cohort, groups or pairs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext as _

from netlead.accounts.models import User
from netlead.workspaces.models import Invitation, Membership, Person, Role
from netlead.workspaces.selectors import open_invitations
from netlead.workspaces.services import invitation_send


def can_log_in(person: Person) -> bool:
    """Whether `person` has an active account that is a member of their workspace."""
    return (
        person.user_id is not None
        and Membership.objects.filter(workspace_id=person.workspace_id, user_id=person.user_id)
        .exclude(user__is_active=False)
        .exists()
    )


def with_login(persons: QuerySet[Person]) -> QuerySet[Person]:
    """The persons of `persons` who can log in (see :func:`can_log_in`), in one query."""
    return persons.filter(
        Exists(
            Membership.objects.filter(
                workspace_id=OuterRef("workspace_id"),
                user_id=OuterRef("user_id"),
                user__is_active=True,
            )
        )
    )


@dataclass
class Reach:
    """What became of the people without an account: invited by e-mail now, invited before
    (an open invitation), or out of reach (no e-mail address: somebody must add one)."""

    invited: list[str] = field(default_factory=list)
    invited_before: list[str] = field(default_factory=list)
    unreachable: list[str] = field(default_factory=list)


def invite_without_account(*, persons: Iterable[Person], invited_by: User, base_url: str) -> Reach:
    """Invite each person who cannot log in to their workspace as a member, by the e-mail
    address on their record (the invitation links the account to the person when accepted)."""
    reach = Reach()
    for person in persons:
        if can_log_in(person):
            continue
        email = person.email.strip()
        if not email:
            reach.unreachable.append(person.name)
            continue
        pending: QuerySet[Invitation] = open_invitations(person.workspace).filter(
            email__iexact=email
        )
        if pending.exists():
            reach.invited_before.append(person.name)
            continue
        try:
            invitation_send(
                workspace=person.workspace,
                email=email,
                role=Role.MEMBER,
                invited_by=invited_by,
                base_url=base_url,
            )
        except ValidationError:
            # A member with this address already: the person is linked at their next login.
            continue
        reach.invited.append(person.name)
    return reach


def reach_messages(reach: Reach) -> list[str]:
    """What the person who enrolled should know about those who cannot log in yet."""
    out = []
    if reach.invited:
        out.append(
            _(
                "Without an account yet, so invited to the workspace by e-mail: %(names)s. "
                "They see the cohort once they accept."
            )
            % {"names": ", ".join(reach.invited)}
        )
    if reach.invited_before:
        out.append(
            _("Invited to the workspace before, not accepted yet: %(names)s.")
            % {"names": ", ".join(reach.invited_before)}
        )
    if reach.unreachable:
        out.append(
            _(
                "No account and no e-mail address, so they cannot log in or be invited: "
                "%(names)s. Add an e-mail address to their person record and invite them."
            )
            % {"names": ", ".join(reach.unreachable)}
        )
    return out
