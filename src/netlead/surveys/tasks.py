"""Background tasks of surveys: invitations, reminders, and the diagnosis of a closed round."""

from __future__ import annotations

from django.core.mail.message import EmailMessage
from django.db import transaction
from django.db.models import Q, QuerySet
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from netlead.core.tokens import repeatable_message_id, token_for
from netlead.surveys import diagnosis
from netlead.surveys.models import (
    SURVEY_LINK_PURPOSE,
    DiagnosisStatus,
    SurveyInvitation,
    SurveyRound,
)
from netlead.surveys.services import REMINDER_GAP


def _send(invitations: QuerySet[SurveyInvitation], base_url: str, *, reminder: bool) -> int:
    """Mail each invitation its personal link, in its language. Each invitation is locked,
    mailed and marked sent (or reminded) in one transaction: a second run of the task finds it
    marked, a run at the same time waits for the row and then finds it marked, and a worker
    that dies mid-way leaves the ones it had not committed for the next run (RQ runs its job
    again: netlead.core.rq_queue). A locked row is waited for, not skipped: the lock may be a
    respondent's save, and a skipped row would stay unsent. Only a crash in the instant between
    the mail leaving and the COMMIT reaching the database can send one twice; that mail then
    goes out again as the same message (`_message_id`), which mail clients that sort by
    Message-ID show once."""
    field = "reminded_at" if reminder else "sent_at"
    sent = 0
    for pk in list(invitations.order_by("pk").values_list("pk", flat=True)):
        with transaction.atomic():
            invitation = (
                invitations.select_for_update(of=("self",))
                .select_related("round__network", "member__person")
                .filter(pk=pk)
                .first()
            )
            if invitation is None:
                continue
            # Marked first, within the transaction: the COMMIT then follows the mail at once,
            # which keeps that window as short as it can be.
            SurveyInvitation.objects.filter(pk=pk).update(**{field: timezone.now()})
            EmailMessage(
                *_message(invitation, base_url, reminder=reminder),
                None,
                [invitation.member.person.email],
                headers={"Message-ID": _message_id(invitation, reminder=reminder)},
            ).send()
        sent += 1
    return sent


def _message_id(invitation: SurveyInvitation, *, reminder: bool) -> str:
    """The same Message-ID each time this mail is sent again after a crash: the invitation, or
    the reminder that follows the last one (its time is read before this run changes it)."""
    after = invitation.reminded_at.isoformat() if reminder and invitation.reminded_at else ""
    kind = "reminder" if reminder else "invitation"
    return repeatable_message_id(f"survey-{kind}:{invitation.pk}:{after}")


def _message(invitation: SurveyInvitation, base_url: str, *, reminder: bool) -> tuple[str, str]:
    """The subject and body of an invitation's mail, in its language."""
    link = base_url.rstrip("/") + reverse(
        "surveys:answer", args=[token_for(invitation.salt, SURVEY_LINK_PURPOSE)]
    )
    survey_round = invitation.round
    with translation.override(invitation.language):
        context = {
            "invitation": invitation,
            "round": survey_round,
            "network": survey_round.network,
            "link": link,
            "reminder": reminder,
        }
        subject = (_("Reminder: %(title)s") if reminder else _("Your voice in %(title)s")) % {
            "title": survey_round.title
        }
        return subject, render_to_string("email/survey_invitation.txt", context)


@task()
def send_invitations(*, round_id: int, base_url: str) -> int:
    invitations = SurveyInvitation.objects.filter(round_id=round_id, sent_at__isnull=True)
    return _send(invitations, base_url, reminder=False)


@task()
def send_reminders(*, round_id: int, base_url: str) -> int:
    """Remind everyone who has not submitted and was not reminded in the last REMINDER_GAP,
    so a second run of the same reminder sends nothing."""
    recently = timezone.now() - REMINDER_GAP
    invitations = SurveyInvitation.objects.filter(
        Q(reminded_at__isnull=True) | Q(reminded_at__lt=recently),
        round_id=round_id,
        submitted_at__isnull=True,
        round__status="open",
    )
    return _send(invitations, base_url, reminder=True)


@task()
def compute_diagnosis(*, round_id: int) -> str:
    """Compute and store a closed round's diagnosis, holding the round's row meanwhile: a run
    at the same time waits, then finds it stored and leaves it, as does any later run (a
    round's answers do not change once it is closed). A failed one is computed again."""
    try:
        with transaction.atomic():
            survey_round = (
                SurveyRound.objects.select_for_update(of=("self",))
                .select_related("network__workspace", "previous")
                .get(pk=round_id)
            )
            if survey_round.diagnosis_status == DiagnosisStatus.READY:
                return survey_round.diagnosis_status
            diagnosis.compute(survey_round)
    except Exception:
        # compute() marks the round failed, but inside the transaction that was rolled back.
        SurveyRound.objects.filter(pk=round_id).update(diagnosis_status=DiagnosisStatus.FAILED)
        raise
    survey_round.refresh_from_db(fields=["diagnosis_status"])
    return survey_round.diagnosis_status
