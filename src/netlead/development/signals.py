"""Signal receivers of leader development, connected in `DevelopmentConfig.ready`."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from netlead.development.services import default_framework_ensure
from netlead.workspaces.models import Workspace


@receiver(post_save, sender=Workspace, dispatch_uid="netlead.development.default_framework")
def make_default_framework(
    sender: type[Workspace], instance: Workspace, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    """A new workspace gets its copy of the default framework at once, so pages that show
    frameworks only read (fixtures loaded raw bring their own rows)."""
    if created and not raw:
        default_framework_ensure(workspace=instance)
