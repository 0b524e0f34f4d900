"""The workspaces app's part of the privacy rights (see netlead.privacy.parts): person records,
memberships, invitations and the audit events of the user's own actions. Erasing a person
empties their record rather than deleting it, so the meetings, actions and stored survey
results that point to it keep their counts; it then appears as "Former member"."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netlead.accounts.models import User
from netlead.privacy.parts import Line, Table, count_line, table
from netlead.workspaces.models import AuditEvent, Invitation, Membership, Person


def data_of(user: User, persons: Sequence[Person]) -> list[Table]:
    return [
        table(
            "workspaces_persons",
            gettext_lazy("Your person record in each workspace."),
            Person.objects.filter(pk__in=[p.pk for p in persons]),
            ["workspace__name", "name", "email", "organization__name", "job_title", "layer"],
        ),
        table(
            "workspaces_memberships",
            gettext_lazy("The workspaces you belong to, and your role in each."),
            Membership.objects.filter(user=user),
            ["workspace__name", "role", "created_at"],
        ),
        table(
            "workspaces_invitations",
            gettext_lazy("Invitations to join a workspace sent to your e-mail address."),
            Invitation.objects.filter(email__iexact=user.email),
            ["workspace__name", "role", "created_at", "expires_at", "accepted_at"],
        ),
        table(
            "workspaces_audit_events",
            gettext_lazy("The audit log's records of what you viewed or downloaded."),
            AuditEvent.objects.filter(user=user),
            ["workspace__name", "action", "target", "path", "at"],
        ),
        table(
            "workspaces_reads_of_your_data",
            gettext_lazy("When others opened your shared development report (not who)."),
            # The development app records these reads with the person's number as the target.
            AuditEvent.objects.filter(
                target__in=[f"shared development report of person {p.pk}" for p in persons]
            ),
            ["workspace__name", "action", "at"],
        ),
    ]


def erasure_of(person: Person) -> list[Line]:
    lines = [
        Line(_("Person record: name, e-mail address, organization, job title, layer"), 1),
        count_line(
            _("Access to the workspace"),
            Membership.objects.filter(workspace=person.workspace, user_id=person.user_id)
            if person.user_id
            else Membership.objects.none(),
        ),
        count_line(
            _("Invitations to the workspace"),
            Invitation.objects.filter(workspace=person.workspace, email__iexact=person.email)
            if person.email
            else Invitation.objects.none(),
        ),
        Line(_("An empty record named “Former member” in its place"), 1, kept=True),
    ]
    return lines


def former_member_name(person: Person) -> str:
    with translation.override(person.workspace.default_language):
        return _("Former member")


def erase(person: Person) -> None:
    workspace = person.workspace
    if person.email:
        Invitation.objects.filter(workspace=workspace, email__iexact=person.email).delete()
    if person.user_id:
        Membership.objects.filter(workspace=workspace, user_id=person.user_id).delete()
        Invitation.objects.filter(workspace=workspace, invited_by_id=person.user_id).update(
            invited_by=None
        )
    Person.everyone.filter(pk=person.pk).update(
        name=former_member_name(person),
        email="",
        organization=None,
        job_title="",
        layer="",
        user=None,
        erased_at=timezone.now(),
    )


def apply_retention(
    workspace_id: int, *, invitations_before: datetime, audit_before: datetime
) -> int:
    """Delete the workspace's invitations that expired or were accepted before
    `invitations_before`, and its audit events from before `audit_before`."""
    invitations, _per_model = (
        Invitation.objects.filter(workspace_id=workspace_id)
        .filter(Q(expires_at__lt=invitations_before) | Q(accepted_at__lt=invitations_before))
        .delete()
    )
    events, _per_model = AuditEvent.objects.filter(
        workspace_id=workspace_id, at__lt=audit_before
    ).delete()
    return invitations + events
