"""Mentoring: a facilitator proposes a pair of mentor and mentee; both accept; they keep goals,
meetings and a closing reflection. What the pair writes is theirs: the facilitator sees only
the status and how many meetings took place."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netlead.programmes.models.curricula import Programme
from netlead.workspaces.models import Person


class PairStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACTIVE = "active", _("Running")
    DECLINED = "declined", _("Declined")
    CLOSED = "closed", _("Closed")


class MentoringPair(models.Model):
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="pairs", verbose_name=_("programme")
    )
    mentor = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="mentoring_as_mentor",
        verbose_name=_("mentor"),
    )
    mentee = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="mentoring_as_mentee",
        verbose_name=_("mentee"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PairStatus.choices, default=PairStatus.PROPOSED
    )
    proposal_note = models.TextField(_("why this pair"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    proposed_at = models.DateTimeField(default=timezone.now)
    mentor_accepted_at = models.DateTimeField(null=True, blank=True)
    mentee_accepted_at = models.DateTimeField(null=True, blank=True)
    goals = models.TextField(_("goals of the mentoring"), blank=True)
    mentor_reflection = models.TextField(_("closing reflection of the mentor"), blank=True)
    mentee_reflection = models.TextField(_("closing reflection of the mentee"), blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("mentoring pair")
        verbose_name_plural = _("mentoring pairs")
        ordering = ("programme", "proposed_at", "pk")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(mentor=models.F("mentee")), name="mentoring_pair_two_people"
            ),
            models.UniqueConstraint(
                fields=["programme", "mentor", "mentee"],
                condition=models.Q(status__in=["proposed", "active"]),
                name="mentoring_pair_once_at_a_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentor} → {self.mentee}"

    def clean(self) -> None:
        if self.mentor_id and self.mentor_id == self.mentee_id:
            raise ValidationError(_("A mentor and a mentee are two different people."))


class MentoringMeeting(models.Model):
    pair = models.ForeignKey(
        MentoringPair, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("pair")
    )
    held_on = models.DateField(_("date"))
    topic = models.CharField(_("topic"), max_length=200)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("mentoring meeting")
        verbose_name_plural = _("mentoring meetings")
        ordering = ("-held_on", "-pk")

    def __str__(self) -> str:
        return f"{self.pair} · {self.held_on}"
