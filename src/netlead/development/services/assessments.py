"""A leader's self-assessments: start one on a framework, save and complete it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netlead.development.models import CompetenceFramework, CompetenceScore, SelfAssessment
from netlead.development.rules import check_scores
from netlead.workspaces.models import Person


@transaction.atomic
def assessment_start(
    *,
    owner: Person,
    framework: CompetenceFramework,
    measurement: str = "",
    measured_for: str = "",
) -> SelfAssessment:
    """A new self-assessment; a programme passes `measurement` (a `Measurement` value) and the
    cohort's name when it is a cohort's skills measurement."""
    if framework.workspace_id != owner.workspace_id:
        raise ValidationError(_("Choose a framework of this workspace."))
    assessment = SelfAssessment.objects.create(
        owner=owner, framework=framework, measurement=measurement, measured_for=measured_for
    )
    CompetenceScore.objects.bulk_create(
        CompetenceScore(assessment=assessment, competence=c) for c in framework.competences.all()
    )
    return assessment


@dataclass(frozen=True)
class ScoreInput:
    score: int | None
    reflection_1: str = ""
    reflection_2: str = ""


@transaction.atomic
def assessment_save(
    *, assessment: SelfAssessment, answers: Mapping[int, ScoreInput], complete: bool
) -> SelfAssessment:
    """Save scores and reflections (keyed by competence id). Completing needs a score for every
    competence; a completed assessment can still be corrected, but not emptied."""
    assessment = SelfAssessment.objects.select_for_update().get(pk=assessment.pk)
    rows = {row.competence_id: row for row in assessment.scores.all()}
    unknown = set(answers) - set(rows)
    if unknown:
        raise ValidationError(_("The form was changed and could not be saved."))
    check_scores((answer.score for answer in answers.values()), allow_none=True)
    for competence_id, answer in answers.items():
        row = rows[competence_id]
        row.score = answer.score
        row.reflection_1 = answer.reflection_1.strip()
        row.reflection_2 = answer.reflection_2.strip()
    must_be_complete = complete or assessment.is_complete
    if must_be_complete and any(row.score is None for row in rows.values()):
        raise ValidationError(_("Give every competence a score to complete the assessment."))
    CompetenceScore.objects.bulk_update(
        list(rows.values()), ["score", "reflection_1", "reflection_2"]
    )
    if complete and not assessment.is_complete:
        assessment.completed_at = timezone.now()
        assessment.save(update_fields=["completed_at"])
    return assessment
