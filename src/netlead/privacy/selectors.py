"""Reads of the privacy pages."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet

from netlead.accounts.models import User
from netlead.privacy.models import DataExport, ErasureRequest, RetentionPeriods
from netlead.privacy.parts import Line
from netlead.privacy.registry import PARTS
from netlead.workspaces.models import Person, Workspace


def data_exports_of(user: User) -> QuerySet[DataExport]:
    """The user's data exports, newest first (without the archives)."""
    return DataExport.objects.filter(user=user).defer("archive")[:5]


@dataclass(frozen=True)
class ErasurePreview:
    """What erasing a person deletes, and what it keeps as anonymous records or aggregates."""

    person: Person
    deleted: list[Line] = field(default_factory=list)
    kept: list[Line] = field(default_factory=list)


def erasure_preview(person: Person) -> ErasurePreview:
    lines = [line for part in PARTS for line in part.erasure_of(person)]
    return ErasurePreview(
        person=person,
        deleted=[line for line in lines if not line.kept and line.count],
        kept=[line for line in lines if line.kept and line.count],
    )


def account_erasure_preview(user: User) -> list[ErasurePreview]:
    """Per workspace of the user: what erasing their account deletes and keeps there."""
    persons = Person.objects.filter(user=user).select_related("workspace").order_by("pk")
    return [erasure_preview(person) for person in persons]


def erasure_preview_in(erasure: ErasureRequest, workspace: Workspace) -> ErasurePreview | None:
    """What erasing the account of `erasure` deletes and keeps in `workspace`."""
    if erasure.user_id is None:
        return None
    person = Person.objects.filter(workspace=workspace, user_id=erasure.user_id).first()
    return erasure_preview(person) if person else None


def erasure_request_of(user: User) -> ErasureRequest | None:
    return ErasureRequest.objects.filter(user=user, done_at__isnull=True).first()


def erasure_requests_in(workspace: Workspace) -> QuerySet[ErasureRequest]:
    """Open erasure requests of members of the workspace, for its owners."""
    return (
        ErasureRequest.objects.filter(done_at__isnull=True, user__memberships__workspace=workspace)
        .select_related("user")
        .order_by("due_at")
    )


def retention_of(workspace: Workspace) -> RetentionPeriods:
    """The workspace's retention periods: stored, or the defaults (not saved)."""
    return RetentionPeriods.objects.filter(workspace=workspace).first() or RetentionPeriods(
        workspace=workspace
    )
