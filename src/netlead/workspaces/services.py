"""Use cases of workspaces and people. Every change goes through one of these functions."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from netlead.accounts.models import User
from netlead.core.tokens import hash_token, new_salt, token_for
from netlead.workspaces.models import (
    INVITATION_PURPOSE,
    Invitation,
    Membership,
    Organization,
    Person,
    Role,
    Workspace,
)
from netlead.workspaces.rules import leaves_no_owner
from netlead.workspaces.selectors import owner_count, took_part
from netlead.workspaces.tasks import send_workspace_invitation


def _unique_slug(name: str) -> str:
    base = slugify(name)[:50] or "workspace"
    slug, n = base, 1
    while Workspace.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _own_person(workspace: Workspace, user: User) -> Person | None:
    return workspace.persons.filter(user=user).first()


def person_for_user(*, workspace: Workspace, user: User) -> Person:
    """The user's person in the workspace: linked already, found by e-mail, or new."""
    person = _own_person(workspace, user)
    if person is not None:
        return person
    try:
        with transaction.atomic():
            person = workspace.persons.filter(email__iexact=user.email, user__isnull=True).first()
            if person is None:
                person = Person(workspace=workspace, name=user.get_full_name(), email=user.email)
            person.user = user
            person.full_clean()
            person.save()
    except (IntegrityError, ValidationError):
        # Two first logins at the same moment (two tabs, two devices): the other one linked
        # or made the person first, and that one is the user's.
        person = _own_person(workspace, user)
        if person is None:
            raise
    return person


def persons_link(*, user: User) -> None:
    """Give `user` a person in each of their workspaces (linked by e-mail, or new). Run at
    login, so pages that need the user's own person find it without creating it on a GET."""
    for membership in Membership.objects.filter(user=user).select_related("workspace"):
        person_for_user(workspace=membership.workspace, user=user)


@transaction.atomic
def workspace_create(*, owner: User, name: str, default_language: str = "en") -> Workspace:
    """A new workspace with `owner` as its first owner."""
    for _attempt in range(5):
        workspace = Workspace(name=name, slug=_unique_slug(name), default_language=default_language)
        workspace.full_clean()
        try:
            with transaction.atomic():
                workspace.save()
        except IntegrityError:
            # Another workspace of the same name took this address at the same moment.
            continue
        break
    else:
        raise ValidationError(_("Please try again: the address of this name was just taken."))
    Membership.objects.create(workspace=workspace, user=owner, role=Role.OWNER)
    person_for_user(workspace=workspace, user=owner)
    return workspace


def workspace_update(
    *, workspace: Workspace, name: str, default_language: str, anonymity_threshold: int
) -> Workspace:
    workspace.name = name
    workspace.default_language = default_language
    workspace.anonymity_threshold = anonymity_threshold
    workspace.full_clean()
    workspace.save(update_fields=["name", "default_language", "anonymity_threshold"])
    return workspace


@transaction.atomic
def invitation_send(
    *, workspace: Workspace, email: str, role: str, invited_by: User, base_url: str
) -> Invitation:
    """Invite `email` to the workspace by an e-mail link valid for INVITATION_VALID_DAYS.

    An open invitation to the same address is replaced, so only the newest link works.
    """
    email = email.strip().lower()
    if Membership.objects.filter(workspace=workspace, user__email__iexact=email).exists():
        raise ValidationError(
            _("%(email)s is already a member of this workspace.") % {"email": email}
        )
    Invitation.objects.filter(
        workspace=workspace, email__iexact=email, accepted_at__isnull=True
    ).delete()
    salt = new_salt()
    invitation = Invitation(
        workspace=workspace,
        email=email,
        role=role,
        salt=salt,
        token_hash=hash_token(token_for(salt, INVITATION_PURPOSE)),
        invited_by=invited_by,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    invitation.full_clean()
    invitation.save()
    invitation_id = invitation.pk
    transaction.on_commit(
        lambda: send_workspace_invitation.enqueue(invitation_id=invitation_id, base_url=base_url)
    )
    return invitation


def invitation_find(token: str) -> Invitation | None:
    """The open invitation for `token`, or None when it is unknown, used or expired."""
    invitation = (
        Invitation.objects.select_related("workspace").filter(token_hash=hash_token(token)).first()
    )
    if invitation is None or not invitation.is_open:
        return None
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    """`user` joins the workspace with the invited role; the link cannot be used again."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise ValidationError(_("This invitation has already been used or has expired."))
    membership, _created = Membership.objects.get_or_create(
        workspace=invitation.workspace, user=user, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    # The person record with the same e-mail address becomes the user's, or a new one is made.
    person_for_user(workspace=invitation.workspace, user=user)
    return membership


def invitation_revoke(*, invitation: Invitation) -> None:
    invitation.delete()


@transaction.atomic
def membership_set_role(*, membership: Membership, role: str) -> Membership:
    if role not in Role.values:
        raise ValidationError(_("Unknown role."))
    if membership.role == Role.OWNER and leaves_no_owner(
        membership, new_role=role, owners=owner_count(membership.workspace)
    ):
        raise ValidationError(_("A workspace needs at least one owner."))
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership) -> None:
    if membership.role == Role.OWNER and leaves_no_owner(
        membership, new_role=None, owners=owner_count(membership.workspace)
    ):
        raise ValidationError(_("A workspace needs at least one owner."))
    membership.delete()


def organization_save(*, organization: Organization) -> Organization:
    # The unique name is checked by the database below, with a message people understand.
    organization.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            organization.save()
    except IntegrityError as error:
        raise ValidationError(
            {"name": _("An organization with this name already exists in this workspace.")}
        ) from error
    return organization


def organization_delete(*, organization: Organization) -> None:
    if organization.persons.exists():
        raise ValidationError(
            _("%(organization)s still has people. Move or remove them first.")
            % {"organization": organization.name}
        )
    organization.delete()


def person_save(*, person: Person) -> Person:
    person.email = person.email.strip().lower()
    person.full_clean(validate_constraints=False)  # the unique e-mail: see below
    try:
        with transaction.atomic():
            person.save()
    except IntegrityError as error:
        raise ValidationError(
            {"email": _("A person with this e-mail address already exists in this workspace.")}
        ) from error
    return person


def person_delete(*, person: Person) -> None:
    """Remove a person added by mistake. Someone who took part in a network is erased instead
    (netlead.privacy), which keeps the meetings, actions and results they were part of without
    their name; removing them would change those counts."""
    refusal = _(
        "%(person)s took part in a network, so removing them would change its meetings, "
        "actions and results. An owner can erase them instead: those stay, without their name."
    ) % {"person": person.name}
    if took_part(person):
        raise ValidationError(refusal)
    try:
        with transaction.atomic():
            person.delete()
    except ProtectedError as error:
        raise ValidationError(refusal) from error
