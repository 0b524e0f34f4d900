"""A leader's self-assessment: a score and two reflections per competence, at one time."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netlead.core.scales import SCORE
from netlead.core.validators import on_scale
from netlead.development.models.frameworks import Competence, CompetenceFramework
from netlead.workspaces.models import Person

SCORE_VALIDATORS = on_scale(SCORE)


class Measurement(models.TextChoices):
    """Why a self-assessment was taken: on the leader's own initiative, or as a programme
    cohort's skills measurement (which the leader's own history keeps apart)."""

    OWN = "", _("Own self-assessment")
    COHORT_START = "cohort_start", _("Cohort start measurement")
    COHORT_END = "cohort_end", _("Cohort end measurement")


class SelfAssessment(models.Model):
    """A leader's scores and reflections on every competence of a framework, at one time."""

    owner = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="self_assessments", verbose_name=_("leader")
    )
    framework = models.ForeignKey(
        CompetenceFramework,
        on_delete=models.RESTRICT,
        related_name="assessments",
        verbose_name=_("framework"),
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    measurement = models.CharField(
        _("measurement"), max_length=12, choices=Measurement.choices, blank=True, default=""
    )
    #: The cohort's name (a proper name, shown as written) when this is a cohort measurement.
    measured_for = models.CharField(_("measured for"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        ordering = ("-started_at",)

    def __str__(self) -> str:
        return f"{self.owner} · {self.started_at:%Y-%m-%d}"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None

    @property
    def is_cohort_measurement(self) -> bool:
        return self.measurement != Measurement.OWN


class CompetenceScore(models.Model):
    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="scores")
    competence = models.ForeignKey(Competence, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(
        _("score"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    reflection_1 = models.TextField(_("answer to the first question"), blank=True)
    reflection_2 = models.TextField(_("answer to the second question"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "competence"], name="score_unique_competence"
            ),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=1, score__lte=5),
                name="score_between_1_and_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.competence} = {self.score}"
