"""Background tasks of leader development: the observer's e-mail with their personal link."""

from __future__ import annotations

from django.core.mail.message import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from netlead.development.links import observer_token
from netlead.development.models import ObserverInvitation


@task()
def send_observer_invitation(*, invitation_id: int, base_url: str) -> bool:
    """Mail one observer their link, in their language; marks it sent once the mail is out."""
    invitation = (
        ObserverInvitation.objects.select_related("request__owner")
        .filter(pk=invitation_id, sent_at__isnull=True)
        .first()
    )
    if invitation is None:
        return False
    link = base_url.rstrip("/") + reverse(
        "development:observer_answer", args=[observer_token(invitation)]
    )
    with translation.override(invitation.language):
        context = {"invitation": invitation, "request": invitation.request, "link": link}
        subject = _("%(leader)s asks for your feedback") % {"leader": invitation.request.owner.name}
        body = render_to_string("email/observer_invitation.txt", context)
    EmailMessage(subject, body, None, [invitation.email]).send()
    ObserverInvitation.objects.filter(pk=invitation.pk).update(sent_at=timezone.now())
    return True
