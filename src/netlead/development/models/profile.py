"""A leader's choices about their own development data."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from netlead.workspaces.models import Person


class DevelopmentProfile(models.Model):
    """A leader's choices about their own development data."""

    owner = models.OneToOneField(
        Person, on_delete=models.CASCADE, related_name="development_profile"
    )
    report_shared = models.BooleanField(
        _("share my development report with the workspace's facilitators"),
        default=False,
        help_text=_(
            "They then see your self-assessments, the combined feedback and your plan. "
            "Never your journal, your personal network or any single observer's answers."
        ),
    )
    stale_after_days = models.PositiveSmallIntegerField(
        _("flag contacts not reached in this many days"),
        default=90,
        validators=[MinValueValidator(7), MaxValueValidator(730)],
    )

    def __str__(self) -> str:
        return str(self.owner)
