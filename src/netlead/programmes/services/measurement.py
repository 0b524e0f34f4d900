"""The cohort's skills figures, computed once and stored on the cohort: the start figures when
the start measurement closes, the change when the cohort ends. Only complete self-assessments
linked as a participant's start or end measurement count, and only means over at least k
participants (netlead.analysis.programmes). Storing them freezes them: a participant who
corrects a measurement later, or a person who is erased, never moves a figure already shown."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict
from typing import Any

from netlead.analysis.programmes import MeasurementPair, cohort_change, start_only_means
from netlead.development.models import CompetenceScore, SelfAssessment
from netlead.development.selectors import default_framework_of
from netlead.programmes.models import Cohort, EnrolmentRole


def _complete(ids: list[int]) -> set[int]:
    return set(
        SelfAssessment.objects.filter(pk__in=ids, completed_at__isnull=False).values_list(
            "pk", flat=True
        )
    )


def _scores(assessment_ids: set[int]) -> dict[int, dict[str, int]]:
    scores: dict[int, dict[str, int]] = defaultdict(dict)
    for assessment_id, key, score in CompetenceScore.objects.filter(
        assessment_id__in=assessment_ids, score__isnull=False
    ).values_list("assessment_id", "competence__key", "score"):
        if score is not None:
            scores[assessment_id][key] = score
    return scores


def _inputs(cohort: Cohort) -> tuple[int, list[str], list[tuple[int | None, int | None]]]:
    workspace = cohort.programme.workspace
    framework = default_framework_of(workspace)
    competences = list(framework.competences.order_by("number").values_list("key", flat=True))
    rows: list[tuple[int | None, int | None]] = list(
        cohort.enrolments.filter(role=EnrolmentRole.PARTICIPANT).values_list(
            "start_assessment_id", "end_assessment_id"
        )
    )
    return workspace.anonymity_threshold, competences, rows


def start_figures(cohort: Cohort) -> dict[str, Any]:
    k, competences, rows = _inputs(cohort)
    starts = _complete([s for s, _e in rows if s is not None])
    scores = _scores(starts)
    means = start_only_means([scores[i] for i in sorted(starts)], competences, k=k)
    return {
        "k": k,
        "participants": len(starts),
        "rows": [asdict(r) for r in means],
        # Which measurements were counted (not shown): the change compares the same people.
        "counted": sorted(starts),
    }


def change_figures(cohort: Cohort) -> dict[str, Any]:
    """The change from the start to the end measurement. Held back when 1..k-1 participants
    counted in the start figures have no end measurement: comparing the two sets of figures
    would give their start scores away."""
    k, competences, rows = _inputs(cohort)
    ids = [i for pair in rows for i in pair if i is not None]
    complete = _complete(ids)
    scores = _scores(complete)
    counted_starts = (
        set(cohort.start_figures["counted"])
        if cohort.start_figures
        else {s for s, _e in rows if s in complete}
    )
    pairs = [
        MeasurementPair(start=scores[s], end=scores[e])
        for s, e in rows
        if s in counted_starts and s in complete and e in complete
    ]
    dropped = len(counted_starts) - len(pairs)
    if 0 < dropped < k:
        return {"k": k, "participants": len(pairs), "held_back": True, "shown": False, "rows": []}
    change = cohort_change(pairs, competences, k=k)
    return {
        "k": k,
        "participants": change.participants,
        "held_back": False,
        "shown": change.shown,
        "rows": [asdict(r) for r in change.rows],
    }
