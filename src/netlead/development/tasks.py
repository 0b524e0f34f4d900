"""Background tasks of leader development: the observer's e-mail with their personal link, and
the same link sent again (a reminder). Safe to run twice: each marks its invitation in the
transaction that sends the mail (the invitation) or claims it first (the reminder)."""

from __future__ import annotations

from datetime import timedelta

from django.core.mail.message import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from netlead.core.tokens import repeatable_message_id
from netlead.development.links import observer_token
from netlead.development.models import ObserverInvitation

#: A link is sent again at most once in this time, however often it is asked.
RESEND_GAP = timedelta(hours=1)


def _message(invitation: ObserverInvitation, base_url: str, *, reminder: bool) -> EmailMessage:
    link = base_url.rstrip("/") + reverse(
        "development:observer_answer", args=[observer_token(invitation)]
    )
    with translation.override(invitation.language):
        context = {
            "invitation": invitation,
            "request": invitation.request,
            "link": link,
            "reminder": reminder,
        }
        leader = {"leader": invitation.request.owner.name}
        subject = (
            _("Reminder: %(leader)s asks for your feedback")
            if reminder
            else _("%(leader)s asks for your feedback")
        ) % leader
        body = render_to_string("email/observer_invitation.txt", context)
    return EmailMessage(subject, body, None, [invitation.email])


@task()
def send_observer_invitation(*, invitation_id: int, base_url: str) -> bool:
    """Mail one observer their link, in their language; marks it sent in the transaction that
    sends it, so a second run finds it sent, a concurrent run waits for the row and then finds
    it sent, and a run that dies before the commit leaves it for the next. The row is waited
    for, not skipped: a lock held for another reason must not leave it unsent."""
    with transaction.atomic():
        invitation = (
            ObserverInvitation.objects.select_for_update(of=("self",))
            .select_related("request__owner")
            .filter(pk=invitation_id, sent_at__isnull=True)
            .first()
        )
        if invitation is None:
            return False
        ObserverInvitation.objects.filter(pk=invitation.pk).update(sent_at=timezone.now())
        message = _message(invitation, base_url, reminder=False)
        # Sent again only if this run dies before its COMMIT: then as the same message.
        message.extra_headers["Message-ID"] = repeatable_message_id(
            f"observer-invitation:{invitation.pk}"
        )
        message.send()
    return True


@task()
def send_observer_reminder(*, invitation_id: int, base_url: str) -> bool:
    """Mail one observer their link again, unless they answered, the request closed, or it
    was sent again less than RESEND_GAP ago. The invitation is claimed before the mail goes
    out, so a second run of the task sends nothing."""
    now = timezone.now()
    claimed = ObserverInvitation.objects.filter(
        Q(reminded_at__isnull=True) | Q(reminded_at__lt=now - RESEND_GAP),
        pk=invitation_id,
        has_answered=False,
        request__closed_at__isnull=True,
        request__closes_on__gte=timezone.localdate(now),
    ).update(reminded_at=now)
    if not claimed:
        return False
    invitation = ObserverInvitation.objects.select_related("request__owner").get(pk=invitation_id)
    _message(invitation, base_url, reminder=True).send()
    return True
