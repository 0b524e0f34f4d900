"""The development plan (goals, actions, progress notes) and the reflection journal."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netlead.development.models.frameworks import Competence
from netlead.meetings.models import Meeting
from netlead.workspaces.models import Person


class GoalStatus(models.TextChoices):
    ACTIVE = "active", _("Working on it")
    ACHIEVED = "achieved", _("Achieved")
    PAUSED = "paused", _("Paused")


class DevelopmentGoal(models.Model):
    owner = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="development_goals", verbose_name=_("leader")
    )
    competence = models.ForeignKey(
        Competence,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("competence"),
    )
    title = models.CharField(_("goal"), max_length=200)
    why = models.TextField(_("why this matters"), blank=True)
    support_needed = models.TextField(_("support needed"), blank=True)
    review_on = models.DateField(_("review on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=GoalStatus.choices, default=GoalStatus.ACTIVE
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("development goal")
        verbose_name_plural = _("development goals")
        ordering = ("status", "review_on", "created_at")

    def __str__(self) -> str:
        return self.title


class PlanAction(models.Model):
    goal = models.ForeignKey(
        DevelopmentGoal, on_delete=models.CASCADE, related_name="actions", verbose_name=_("goal")
    )
    title = models.CharField(_("action"), max_length=200)
    due_on = models.DateField(_("due"), null=True, blank=True)
    done_on = models.DateField(_("done"), null=True, blank=True)
    contacts = models.ManyToManyField(
        "Contact", blank=True, related_name="plan_actions", verbose_name=_("people to meet")
    )

    class Meta:
        ordering = ("done_on", "due_on", "pk")

    def __str__(self) -> str:
        return self.title


class ProgressNote(models.Model):
    goal = models.ForeignKey(DevelopmentGoal, on_delete=models.CASCADE, related_name="notes")
    written_on = models.DateField(_("date"), default=timezone.localdate)
    text = models.TextField(_("progress note"))

    class Meta:
        ordering = ("-written_on", "-pk")

    def __str__(self) -> str:
        return f"{self.written_on}: {self.text[:40]}"


class JournalEntry(models.Model):
    """A dated reflection. Private to its owner; it appears in the development report only
    when the owner ticks it for the report."""

    owner = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="journal_entries", verbose_name=_("leader")
    )
    written_on = models.DateField(_("date"), default=timezone.localdate)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("reflection"))
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("meeting"),
    )
    competence = models.ForeignKey(
        Competence,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("competence"),
    )
    action = models.ForeignKey(
        PlanAction,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="journal_entries",
        verbose_name=_("plan action"),
    )
    in_report = models.BooleanField(_("include in my development report"), default=False)

    class Meta:
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")
        ordering = ("-written_on", "-pk")

    def __str__(self) -> str:
        return self.title
