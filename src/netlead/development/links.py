"""An observer's personal link, derived from the invitation's salt and the server's secret
(netlead.core.tokens). Its own module because both the invitation service and the e-mail task
need it, and the service queues the task."""

from __future__ import annotations

from netlead.core.tokens import token_for
from netlead.development.models import OBSERVER_LINK_PURPOSE, ObserverInvitation


def observer_token(invitation: ObserverInvitation) -> str:
    return token_for(invitation.salt, OBSERVER_LINK_PURPOSE)
