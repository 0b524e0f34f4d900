"""Signal receivers of the workspaces app, connected in `WorkspacesConfig.ready`."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from netlead.accounts.models import User
from netlead.workspaces.services import persons_link


@receiver(user_logged_in, dispatch_uid="netlead.workspaces.link_persons")
def link_persons(sender: type, user: User, **kwargs: Any) -> None:
    persons_link(user=user)
