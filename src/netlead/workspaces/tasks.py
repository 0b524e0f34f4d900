"""Background tasks of the workspaces app."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from netlead.core.tokens import token_for
from netlead.workspaces.models import INVITATION_PURPOSE, Invitation
from netlead.workspaces.selectors import invitation_addressee


@task()
def send_workspace_invitation(*, invitation_id: int, base_url: str) -> bool:
    """Mail an open invitation its link, built here from the invitation's salt, so no token
    travels in the task's arguments. Safe to run twice: the first run claims the invitation
    (`mailed_at`) before sending; a run that finds it claimed sends nothing."""
    claimed = Invitation.objects.filter(
        pk=invitation_id, mailed_at__isnull=True, accepted_at__isnull=True
    ).update(mailed_at=timezone.now())
    if not claimed:
        return False
    invitation = Invitation.objects.select_related("workspace", "invited_by").get(pk=invitation_id)
    try:
        link = base_url.rstrip("/") + reverse(
            "workspaces:invitation_accept", args=[token_for(invitation.salt, INVITATION_PURPOSE)]
        )
        name, language = invitation_addressee(invitation)
        with translation.override(language):
            subject = _("Invitation to %(workspace)s on netlead") % {
                "workspace": invitation.workspace.name
            }
            body = render_to_string(
                "email/invitation.txt",
                {
                    "invitation": invitation,
                    "link": link,
                    "inviter": invitation.invited_by,
                    "name": name,
                },
            )
        EmailMessage(subject, body, None, [invitation.email]).send()
    except Exception:
        # Not sent: let a retry claim it again.
        Invitation.objects.filter(pk=invitation_id).update(mailed_at=None)
        raise
    return True
