"""A leader's self-assessments, row by row, compared with the one before."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from netlead.core.language import active_language
from netlead.development.models import Measurement, SelfAssessment
from netlead.frameworks import competences as default_content
from netlead.workspaces.models import Person


def assessments_of(owner: Person) -> QuerySet[SelfAssessment]:
    return owner.self_assessments.select_related("framework")


def previous_assessment(assessment: SelfAssessment) -> SelfAssessment | None:
    """The owner's last completed assessment on the same framework before this one; an own
    self-assessment is compared with own ones only (cohort measurements stand apart)."""
    found = SelfAssessment.objects.filter(
        owner_id=assessment.owner_id,
        framework_id=assessment.framework_id,
        completed_at__isnull=False,
        started_at__lt=assessment.started_at,
    )
    if not assessment.is_cohort_measurement:
        found = found.filter(measurement=Measurement.OWN)
    return found.order_by("-started_at").first()


@dataclass(frozen=True)
class AssessmentRow:
    competence_id: int
    competence: default_content.Competence
    score: int | None
    previous: int | None
    reflection_1: str
    reflection_2: str

    @property
    def change(self) -> int | None:
        if self.score is None or self.previous is None:
            return None
        return self.score - self.previous


def assessment_rows(
    assessment: SelfAssessment, previous: SelfAssessment | None = None
) -> list[AssessmentRow]:
    language = active_language()
    before: dict[int, int | None] = {}
    if previous is not None:
        before = dict(previous.scores.values_list("competence_id", "score"))
    return [
        AssessmentRow(
            competence_id=row.competence_id,
            competence=row.competence.localized(language),
            score=row.score,
            previous=before.get(row.competence_id),
            reflection_1=row.reflection_1,
            reflection_2=row.reflection_2,
        )
        for row in assessment.scores.select_related("competence__framework").order_by(
            "competence__number"
        )
    ]


def latest_complete(owner: Person) -> SelfAssessment | None:
    """The leader's latest completed own self-assessment: a cohort's skills measurement is
    listed with its label but never taken for it."""
    return (
        assessments_of(owner)
        .filter(completed_at__isnull=False, measurement=Measurement.OWN)
        .first()
    )
