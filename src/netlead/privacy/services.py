"""Use cases of the privacy rights: a copy of one's data, the erasure of a person by an owner,
and the erasure of an account at its user's request. The apps' parts (`registry.PARTS`) do the
work in each app; these functions hold the rules, the transaction and the audit record."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks_db.models import DBTaskResult

from netlead.accounts.models import User
from netlead.accounts.services import account_delete
from netlead.accounts.tasks import send_email
from netlead.core.errors import NotFound
from netlead.core.tokens import hash_token, new_salt, token_for, token_matches
from netlead.development import privacy as development_privacy
from netlead.notifications.models import SentMail
from netlead.privacy import rules
from netlead.privacy.models import (
    DATA_EXPORT_PURPOSE,
    DataExport,
    ErasureRequest,
    ExportStatus,
    RetentionPeriods,
)
from netlead.privacy.registry import PARTS
from netlead.privacy.tasks import build_data_export
from netlead.surveys import privacy as surveys_privacy
from netlead.workspaces import privacy as workspaces_privacy
from netlead.workspaces.audit import record_read
from netlead.workspaces.models import Membership, Person, Role, Workspace

# -- Download my data -------------------------------------------------------------------------


def data_export_token(export: DataExport) -> str:
    """The token of the export's download link, derived again from its salt (never stored)."""
    return token_for(export.salt, DATA_EXPORT_PURPOSE)


@transaction.atomic
def data_export_request(*, user: User) -> DataExport:
    """Queue a new copy of everything netlead holds about `user`. A copy still being built is
    returned instead of a second one (a double click asks once)."""
    User.objects.select_for_update().filter(pk=user.pk).first()  # one request at a time
    pending = DataExport.objects.filter(
        user=user, status__in=(ExportStatus.QUEUED, ExportStatus.BUILDING)
    ).first()
    if pending is not None:
        return pending
    salt = new_salt()
    export = DataExport(
        user=user, salt=salt, token_hash=hash_token(token_for(salt, DATA_EXPORT_PURPOSE))
    )
    export.full_clean(exclude=["archive"])
    export.save()
    transaction.on_commit(lambda: build_data_export.enqueue(export_id=export.pk))
    return export


@transaction.atomic
def data_export_take(*, export: DataExport, token: str, path: str) -> bytes | None:
    """The archive, once: the link then stops working and the archive is deleted. None when it
    was downloaded already or has expired. A wrong token is NotFound. Recorded in the audit log
    of each of the user's workspaces."""
    locked = DataExport.objects.select_for_update().get(pk=export.pk)
    if not token_matches(token, locked.token_hash):
        raise NotFound("data export token")
    if not locked.can_download or locked.archive is None:
        return None
    data = bytes(locked.archive)
    locked.archive = None
    locked.status = ExportStatus.DOWNLOADED
    locked.downloaded_at = timezone.now()
    locked.save(update_fields=["archive", "status", "downloaded_at"])
    for membership in Membership.objects.filter(user_id=locked.user_id).select_related(
        "workspace", "user"
    ):
        record_read(membership=membership, action="data export", target="own data", path=path)
    return data


def data_exports_expire(*, now: datetime) -> int:
    """Delete the archives whose link has expired, and the records of finished requests after
    TASK_RECORDS_DAYS (run daily by apply_retention)."""
    expired = DataExport.objects.filter(archive__isnull=False, expires_at__lt=now).update(
        archive=None, status=ExportStatus.EXPIRED
    )
    DataExport.objects.filter(
        status__in=(ExportStatus.DOWNLOADED, ExportStatus.EXPIRED, ExportStatus.FAILED),
        requested_at__lt=now - timedelta(days=settings.TASK_RECORDS_DAYS),
    ).delete()
    return expired


# -- Erasure ----------------------------------------------------------------------------------


def _owners(workspace_ids: list[int]) -> dict[int, int]:
    return dict(
        Membership.objects.filter(workspace_id__in=workspace_ids, role=Role.OWNER)
        .values("workspace_id")
        .annotate(n=Count("pk"))
        .values_list("workspace_id", "n")
    )


def _not_found(pk: int) -> Person:
    raise NotFound(f"person {pk}")


def _erase(person: Person) -> None:
    for part in PARTS:
        part.erase(person)


@transaction.atomic
def person_erase(*, person: Person, by: Membership, path: str) -> None:
    """An owner erases a person of their workspace: each app deletes the person's own data and
    keeps what others' records and the stored aggregates need (see the apps' privacy.py), then
    the person record is emptied. Recorded in the audit log without the person's name."""
    found = Person.objects.select_for_update().select_related("workspace").filter(pk=person.pk)
    person = found.first() or _not_found(person.pk)
    person_membership = (
        Membership.objects.filter(workspace=person.workspace, user_id=person.user_id).first()
        if person.user_id
        else None
    )
    refusal = rules.person_erasure_refusal(
        by=by,
        person=person,
        person_membership=person_membership,
        owners=_owners([person.workspace_id]).get(person.workspace_id, 0),
    )
    if refusal:
        raise ValidationError(refusal)
    _erase(person)
    record_read(membership=by, action="person erased", target=f"person {person.pk}", path=path)


def account_erasure_refusal(user: User) -> str | None:
    memberships = list(Membership.objects.filter(user=user).select_related("workspace"))
    last = rules.last_owner_of(memberships, _owners([m.workspace_id for m in memberships]))
    if last is not None:
        return _("You are the last owner of %(workspace)s: make someone else an owner first.") % {
            "workspace": last.workspace.name
        }
    return None


@transaction.atomic
def account_erasure_request(*, user: User, base_url: str = "") -> ErasureRequest:
    """The user asks for the erasure of their account. An owner of one of their workspaces may
    carry it out at once (they get an e-mail); otherwise `erasures_due` does after
    ERASURE_WAIT_DAYS."""
    refusal = account_erasure_refusal(user)
    if refusal:
        raise ValidationError(refusal)
    erasure, created = ErasureRequest.objects.get_or_create(
        user=user,
        defaults={"due_at": timezone.now() + timedelta(days=settings.ERASURE_WAIT_DAYS)},
    )
    if created:
        _tell_owners(erasure, base_url)
    return erasure


def _tell_owners(erasure: ErasureRequest, base_url: str) -> None:
    for membership in Membership.objects.filter(user=erasure.user).select_related("workspace"):
        workspace = membership.workspace
        owners = list(
            Membership.objects.filter(workspace=workspace, role=Role.OWNER)
            .exclude(user=erasure.user)
            .values_list("user__email", flat=True)
        )
        if not owners:
            continue
        link = base_url + reverse("workspaces:people", args=[workspace.slug])
        with translation.override(workspace.default_language):
            subject = _("Erasure request in %(workspace)s") % {"workspace": workspace.name}
            body = render_to_string(
                "email/erasure_request.txt",
                {"erasure": erasure, "workspace": workspace, "link": link},
            )
        transaction.on_commit(partial(send_email.enqueue, to=owners, subject=subject, body=body))


def account_erasure_cancel(*, user: User) -> None:
    ErasureRequest.objects.filter(user=user, done_at__isnull=True).delete()


@transaction.atomic
def account_erase(*, erasure: ErasureRequest, by: Membership | None, path: str) -> None:
    """Erase the account of `erasure`: each of its persons as `person_erase` does, then the
    account. `by` is the owner who confirmed it (None: it came due)."""
    erasure = ErasureRequest.objects.select_for_update().get(pk=erasure.pk)
    user = erasure.user
    if user is None or erasure.done_at is not None:
        return  # done already
    refusal = account_erasure_refusal(user)
    if refusal:
        raise ValidationError(refusal)
    for person in Person.objects.filter(user=user).select_related("workspace"):
        _erase(person)
    Membership.objects.filter(user=user).delete()
    if by is not None:
        record_read(
            membership=by, action="account erased", target=f"erasure {erasure.pk}", path=path
        )
    erasure.done_at = timezone.now()
    erasure.save(update_fields=["done_at"])
    account_delete(user=user)


def erasures_due(*, now: datetime) -> tuple[int, list[str]]:
    """Carry out the erasure requests that came due; (number erased, why others were not)."""
    done, problems = 0, []
    due = ErasureRequest.objects.filter(
        done_at__isnull=True, user__isnull=False, due_at__lte=now
    ).order_by("pk")
    for erasure in due:
        try:
            account_erase(erasure=erasure, by=None, path="")
        except ValidationError as error:
            problems.append(f"erasure {erasure.pk}: {'; '.join(error.messages)}")
        else:
            done += 1
    return done, problems


__all__ = [
    "account_erase",
    "account_erasure_cancel",
    "account_erasure_refusal",
    "account_erasure_request",
    "apply_retention",
    "data_export_request",
    "data_export_take",
    "data_export_token",
    "data_exports_expire",
    "erasures_due",
    "person_erase",
    "retention_save",
]


# -- Retention --------------------------------------------------------------------------------


def months_before(moment: datetime, months: int) -> datetime:
    """`moment` minus whole calendar months (the day clamped to the shorter month)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


@dataclass(frozen=True)
class RetentionReport:
    survey_answers: int
    observer_links: int
    workspace_records: int
    login_records: int
    task_records: int
    erased_accounts: int
    expired_archives: int
    problems: list[str]


def retention_save(*, workspace: Workspace, survey_months: int, audit_months: int) -> None:
    periods = RetentionPeriods.objects.filter(workspace=workspace).first() or RetentionPeriods(
        workspace=workspace
    )
    periods.survey_months = survey_months
    periods.audit_months = audit_months
    periods.full_clean()
    periods.save()


def apply_retention(*, now: datetime) -> RetentionReport:
    """Delete what each workspace's periods (or the defaults) and the site's periods say is no
    longer kept, and carry out erasures that came due. Safe to run twice."""
    stored = {p.workspace_id: p for p in RetentionPeriods.objects.all()}
    answers = links = records = 0
    for workspace_id in Workspace.objects.values_list("pk", flat=True).order_by("pk"):
        periods = stored.get(workspace_id) or RetentionPeriods()
        with transaction.atomic():
            closed_before = months_before(now, periods.survey_months)
            answers += surveys_privacy.apply_retention(workspace_id, closed_before)
            links += development_privacy.apply_retention(workspace_id, closed_before)
            records += workspaces_privacy.apply_retention(
                workspace_id,
                invitations_before=closed_before,
                audit_before=months_before(now, periods.audit_months),
            )
    logins_before = now - timedelta(days=settings.LOGIN_RECORDS_DAYS)
    logins = sum(
        model.objects.filter(attempt_time__lt=logins_before).delete()[0]
        for model in (AccessAttempt, AccessFailureLog, AccessLog)
    )
    tasks_before = now - timedelta(days=settings.TASK_RECORDS_DAYS)
    tasks = DBTaskResult.objects.filter(finished_at__lt=tasks_before).delete()[0]
    # The sent-mail ledger only has to outlive a task's second delivery.
    tasks += SentMail.objects.filter(sent_at__lt=tasks_before).delete()[0]
    erased, problems = erasures_due(now=now)
    return RetentionReport(
        survey_answers=answers,
        observer_links=links,
        workspace_records=records,
        login_records=logins,
        task_records=tasks,
        erased_accounts=erased,
        expired_archives=data_exports_expire(now=now),
        problems=problems,
    )
