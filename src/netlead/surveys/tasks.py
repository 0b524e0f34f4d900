"""Background tasks of surveys: invitations, reminders, and the diagnosis of a closed round."""

from __future__ import annotations

from django.core.mail.message import EmailMessage
from django.db.models import QuerySet
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from netlead.core.tokens import token_for
from netlead.surveys import diagnosis
from netlead.surveys.models import SURVEY_LINK_PURPOSE, SurveyInvitation, SurveyRound


def _send(invitations: QuerySet[SurveyInvitation], base_url: str, *, reminder: bool) -> int:
    """Mail each invitation its personal link, in its language. Marks each as sent (or
    reminded) as soon as its mail is out, so a retry after a failure sends no duplicates."""
    field = "reminded_at" if reminder else "sent_at"
    sent = 0
    pending = list(invitations.select_related("round__network", "member__person").order_by("pk"))
    for invitation in pending:
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
            body = render_to_string("email/survey_invitation.txt", context)
        EmailMessage(subject, body, None, [invitation.member.person.email]).send()
        SurveyInvitation.objects.filter(pk=invitation.pk).update(**{field: timezone.now()})
        sent += 1
    return sent


@task()
def send_invitations(*, round_id: int, base_url: str) -> int:
    invitations = SurveyInvitation.objects.filter(round_id=round_id, sent_at__isnull=True)
    return _send(invitations, base_url, reminder=False)


@task()
def send_reminders(*, round_id: int, base_url: str) -> int:
    invitations = SurveyInvitation.objects.filter(
        round_id=round_id, submitted_at__isnull=True, round__status="open"
    )
    return _send(invitations, base_url, reminder=True)


@task()
def compute_diagnosis(*, round_id: int) -> str:
    survey_round = SurveyRound.objects.select_related("network__workspace", "previous").get(
        pk=round_id
    )
    diagnosis.compute(survey_round)
    survey_round.refresh_from_db(fields=["diagnosis_status"])
    return survey_round.diagnosis_status
