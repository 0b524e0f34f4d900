"""Reads of programmes and cohorts: the curriculum, progress, submissions a viewer may see,
the sessions, and the cohort's skills figures (over at least k participants, frozen once the
measurement closes)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from netlead.core.errors import NotFound
from netlead.core.language import active_language
from netlead.development.models import SelfAssessment
from netlead.frameworks import phases
from netlead.frameworks.competences import competence_framework
from netlead.meetings.models import Meeting
from netlead.networks.models import Network
from netlead.programmes.models import (
    Assignment,
    AssignmentKind,
    Attachment,
    Cohort,
    Enrolment,
    EnrolmentRole,
    Lesson,
    LessonDone,
    Module,
    Programme,
    Submission,
    SubmissionFeedback,
    SubmissionStatus,
)
from netlead.surveys import texts as survey_texts
from netlead.surveys.readmodels import UnknownSchema
from netlead.workspaces.models import Person, Workspace


def programmes_of(workspace: Workspace) -> QuerySet[Programme]:
    return workspace.programmes.annotate(
        cohort_count=Count("cohorts", distinct=True), pair_count=Count("pairs", distinct=True)
    ).order_by("title")


def curriculum(programme: Programme) -> list[Module]:
    """Modules in order, with their lessons (and files) and assignments."""
    return list(
        programme.modules.prefetch_related(
            Prefetch(
                "lessons",
                queryset=Lesson.objects.order_by("number").prefetch_related(
                    Prefetch("attachments", queryset=_file_rows())
                ),
            ),
            Prefetch("assignments", queryset=Assignment.objects.order_by("number")),
        ).order_by("number")
    )


def _file_rows() -> QuerySet[Attachment]:
    # Never load the bytes of files into a list page.
    return Attachment.objects.defer("data").order_by("uploaded_at", "pk")


def enrolments_of(person: Person) -> QuerySet[Enrolment]:
    return person.enrolments.select_related("cohort__programme").order_by(
        "cohort__status", "-cohort__starts_on"
    )


def cohorts_of(programme: Programme) -> QuerySet[Cohort]:
    return programme.cohorts.annotate(
        participants=Count("enrolments", filter=Q(enrolments__role=EnrolmentRole.PARTICIPANT))
    ).order_by("-starts_on")


def participants(cohort: Cohort) -> list[Enrolment]:
    return list(
        cohort.enrolments.filter(role=EnrolmentRole.PARTICIPANT)
        .select_related("person__organization")
        .order_by("person__name")
    )


def facilitators(cohort: Cohort) -> list[Enrolment]:
    return list(
        cohort.enrolments.filter(role=EnrolmentRole.FACILITATOR)
        .select_related("person")
        .order_by("person__name")
    )


def peer_group_of(enrolment: Enrolment) -> list[Enrolment]:
    """The other participants in the enrolment's peer group."""
    if enrolment.peer_group is None:
        return []
    return list(
        enrolment.cohort.enrolments.filter(peer_group=enrolment.peer_group)
        .exclude(pk=enrolment.pk)
        .select_related("person")
        .order_by("person__name")
    )


def sessions(cohort: Cohort, *, upcoming: bool, limit: int = 5) -> list[Meeting]:
    """The cohort's next (or last) sessions; an ended cohort has no next ones, even where its
    meeting plan still had dates after the end."""
    now = timezone.now()
    meetings = cohort.network.meetings.filter(is_cancelled=False)
    if upcoming:
        if cohort.is_closed:
            return []
        return list(meetings.filter(ends_at__gte=now).order_by("starts_at")[:limit])
    return list(meetings.filter(ends_at__lt=now).order_by("-starts_at")[:limit])


# -- Progress ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ModuleProgress:
    module: Module
    lessons_done: int
    lessons: int
    handed_in: int
    assignments: int

    @property
    def complete(self) -> bool:
        return self.lessons_done == self.lessons and self.handed_in == self.assignments


@dataclass(frozen=True)
class ParticipantProgress:
    enrolment: Enrolment
    modules: list[ModuleProgress]

    @property
    def handed_in(self) -> int:
        return sum(m.handed_in for m in self.modules)

    @property
    def lessons_done(self) -> int:
        return sum(m.lessons_done for m in self.modules)


def progress(cohort: Cohort, enrolments: list[Enrolment]) -> list[ParticipantProgress]:
    """Per participant and module: lessons done and assignments handed in (four queries,
    whatever the size of the cohort)."""
    modules = list(cohort.programme.modules.order_by("number"))
    lessons = dict(
        Lesson.objects.filter(module__programme=cohort.programme).values_list("pk", "module_id")
    )
    assignments = dict(
        Assignment.objects.filter(module__programme=cohort.programme).values_list("pk", "module_id")
    )
    lesson_totals: dict[int, int] = defaultdict(int)
    for module_id in lessons.values():
        lesson_totals[module_id] += 1
    assignment_totals: dict[int, int] = defaultdict(int)
    for module_id in assignments.values():
        assignment_totals[module_id] += 1
    ids = [e.pk for e in enrolments]
    done: dict[tuple[int, int], int] = defaultdict(int)
    for enrolment_id, lesson_id in LessonDone.objects.filter(enrolment_id__in=ids).values_list(
        "enrolment_id", "lesson_id"
    ):
        if lesson_id in lessons:
            done[(enrolment_id, lessons[lesson_id])] += 1
    handed: dict[tuple[int, int], int] = defaultdict(int)
    for enrolment_id, assignment_id in (
        Submission.objects.filter(enrolment_id__in=ids, status=SubmissionStatus.SUBMITTED)
        .exclude(assignment__kind=AssignmentKind.SKILLS_MEASUREMENT)
        .values_list("enrolment_id", "assignment_id")
    ):
        handed[(enrolment_id, assignments[assignment_id])] += 1
    # A skills measurement is "handed in" by completing the self-assessment it stands for: the
    # programme's first measurement assignment is the start, any later one the end.
    measurements = list(
        Assignment.objects.filter(
            module__programme=cohort.programme, kind=AssignmentKind.SKILLS_MEASUREMENT
        )
        .order_by("module__number", "number")
        .values_list("module_id", flat=True)
    )
    complete = set(
        SelfAssessment.objects.filter(
            pk__in=[
                pk for e in enrolments for pk in (e.start_assessment_id, e.end_assessment_id) if pk
            ],
            completed_at__isnull=False,
        ).values_list("pk", flat=True)
    )
    for e in enrolments:
        for i, module_id in enumerate(measurements):
            assessment_id = e.start_assessment_id if i == 0 else e.end_assessment_id
            if assessment_id in complete:
                handed[(e.pk, module_id)] += 1
    return [
        ParticipantProgress(
            enrolment=e,
            modules=[
                ModuleProgress(
                    module=m,
                    lessons_done=done[(e.pk, m.pk)],
                    lessons=lesson_totals[m.pk],
                    handed_in=handed[(e.pk, m.pk)],
                    assignments=assignment_totals[m.pk],
                )
                for m in modules
            ],
        )
        for e in enrolments
    ]


def lessons_done_by(enrolment: Enrolment) -> set[int]:
    return set(enrolment.lessons_done.values_list("lesson_id", flat=True))


def my_submissions(enrolment: Enrolment) -> dict[int, Submission]:
    """The participant's own work, by assignment id."""
    return {s.assignment_id: s for s in enrolment.submissions.all()}


# -- Submissions a viewer may see ----------------------------------------------------------


def visible_submissions(viewer: Enrolment) -> QuerySet[Submission]:
    """Work the viewer may read: their own; as a facilitator, all handed-in work of the
    cohort; as a participant, the handed-in work of their peer group. Nobody else's."""
    base = Submission.objects.filter(enrolment__cohort_id=viewer.cohort_id).select_related(
        "assignment__module", "enrolment__person", "network"
    )
    own = Q(enrolment=viewer)
    if viewer.role == EnrolmentRole.FACILITATOR:
        return base.filter(own | Q(status=SubmissionStatus.SUBMITTED))
    if viewer.peer_group is None:
        return base.filter(own)
    return base.filter(
        own
        | Q(
            status=SubmissionStatus.SUBMITTED,
            enrolment__peer_group=viewer.peer_group,
            enrolment__role=EnrolmentRole.PARTICIPANT,
        )
    )


def submission_for(viewer: Enrolment, submission_id: int) -> Submission:
    submission = visible_submissions(viewer).filter(pk=submission_id).first()
    if submission is None:
        raise NotFound(f"submission {submission_id}")
    return submission


def submissions_of_assignment(viewer: Enrolment, assignment: Assignment) -> list[Submission]:
    return list(
        visible_submissions(viewer)
        .filter(assignment=assignment)
        .exclude(enrolment=viewer)
        .annotate(feedback_count=Count("feedback"))
        .order_by("enrolment__person__name")
    )


def to_review(viewer: Enrolment) -> list[Submission]:
    """Handed-in work of others that the viewer has not given feedback on yet."""
    return list(
        visible_submissions(viewer)
        .filter(status=SubmissionStatus.SUBMITTED)
        .exclude(enrolment=viewer)
        .exclude(feedback__author=viewer)
        .order_by("submitted_at")
    )


# -- Skills measurement figures -------------------------------------------------------------


@dataclass(frozen=True)
class CompetenceFigure:
    """One competence in the stored cohort figures, with its name in the reader's language.
    Means on 1..5, ``None`` where fewer than k participants count; the end mean, change and
    number who improved only in the change at the end of the cohort."""

    competence: str
    name: str
    start_mean: float | None
    end_mean: float | None
    change: float | None
    improved: int | None
    participants: int


@dataclass(frozen=True)
class CohortFigures:
    """Figures as stored on the cohort (services/measurement.py): the start figures, or the
    change at the end. ``held_back``: the change may not be shown at all (1..k-1 of those
    counted at the start have no end measurement); ``shown``: enough pairs to show it."""

    k: int
    participants: int
    rows: tuple[CompetenceFigure, ...]
    shown: bool
    held_back: bool


#: Versions of the stored cohort figures this code reads. They carry no ``schema`` key yet:
#: figures without one are version 1.
COHORT_FIGURES_SCHEMAS = (1,)


def read_cohort_figures(stored: Mapping[str, Any], names: Mapping[str, str]) -> CohortFigures:
    """Stored start or change figures of a cohort, with competence names from ``names``."""
    version = stored.get("schema", 1)
    if type(version) is not int or version not in COHORT_FIGURES_SCHEMAS:
        raise UnknownSchema("cohort figures", version, COHORT_FIGURES_SCHEMAS)
    rows = tuple(
        CompetenceFigure(
            competence=row["competence"],
            name=names.get(row["competence"], ""),
            start_mean=row["start_mean"],
            end_mean=row["end_mean"],
            change=row["change"],
            improved=row["improved"],
            participants=row["participants"],
        )
        for row in stored["rows"]
    )
    return CohortFigures(
        k=stored["k"],
        participants=stored["participants"],
        rows=rows,
        # Start figures say nothing of it: they are shown where any mean is.
        shown=stored.get("shown", any(r.start_mean is not None for r in rows)),
        held_back=stored.get("held_back", False),
    )


@dataclass(frozen=True)
class MeasurementFigures:
    """What the facilitators see of the skills measurement: the stored cohort figures
    (services/measurement.py), never a participant's own self-assessment."""

    k: int
    started: int
    start_closed: bool
    cohort_closed: bool
    start_rows: tuple[CompetenceFigure, ...] | None
    start_participants: int
    change: CohortFigures | None
    #: 1..k-1 participants counted at the start have no end measurement: comparing the start
    #: figures with the change would give their start scores away.
    change_held_back: bool = False

    @property
    def start_shown(self) -> bool:
        rows = self.start_rows or ()
        return any(r.start_mean is not None for r in rows)


def measurement_figures(cohort: Cohort) -> MeasurementFigures:
    k = cohort.programme.workspace.anonymity_threshold
    started = SelfAssessment.objects.filter(
        pk__in=cohort.enrolments.filter(role=EnrolmentRole.PARTICIPANT).values(
            "start_assessment_id"
        ),
        completed_at__isnull=False,
    ).count()
    language = active_language()
    names = {c.key: c.name for c in competence_framework(language).competences}
    start = read_cohort_figures(cohort.start_figures, names) if cohort.start_figures else None
    change = read_cohort_figures(cohort.change_figures, names) if cohort.change_figures else None
    return MeasurementFigures(
        k=start.k if start else k,
        started=started,
        start_closed=start is not None,
        cohort_closed=cohort.is_closed,
        start_rows=start.rows if start else None,
        start_participants=start.participants if start else 0,
        change=None if change is None or change.held_back else change,
        change_held_back=change is not None and change.held_back,
    )


@dataclass(frozen=True)
class CohortEndConsequences:
    """What ending a cohort settles, shown before it happens: the change in skills compares
    complete start and end measurements of the same participants, over at least `k`."""

    k: int
    participants: int
    started: int
    ended: int
    paired: int
    start_still_open: bool

    @property
    def missing_end(self) -> int:
        return self.started - self.paired

    @property
    def change_impossible(self) -> bool:
        return self.paired < self.k

    @property
    def change_held_back(self) -> bool:
        # Mirrors programmes.services.measurement.change_figures: 1..k-1 starters without an
        # end measurement would give their start scores away.
        return 0 < self.missing_end < self.k


def cohort_end_consequences(cohort: Cohort) -> CohortEndConsequences:
    rows = list(
        cohort.enrolments.filter(role=EnrolmentRole.PARTICIPANT).values_list(
            "start_assessment_id", "end_assessment_id"
        )
    )
    complete = set(
        SelfAssessment.objects.filter(
            pk__in=[i for pair in rows for i in pair if i is not None], completed_at__isnull=False
        ).values_list("pk", flat=True)
    )
    counted = (
        set(cohort.start_figures["counted"])
        if cohort.start_figures
        else {s for s, _e in rows if s in complete}
    )
    return CohortEndConsequences(
        k=cohort.programme.workspace.anonymity_threshold,
        participants=len(rows),
        started=len(counted),
        ended=sum(1 for _s, e in rows if e in complete),
        paired=sum(1 for s, e in rows if s in counted and e in complete),
        start_still_open=cohort.start_measurement_closed_at is None,
    )


@dataclass(frozen=True)
class RemovalConsequences:
    """What follows when a participant is taken out of a cohort, shown before it happens:
    counts only, never what they wrote or answered."""

    lessons_done: int
    work: int
    feedback_given: int
    counted_at_start: bool
    in_peer_group: bool


def removal_consequences(enrolment: Enrolment) -> RemovalConsequences:
    cohort = enrolment.cohort
    counted = set(cohort.start_figures["counted"]) if cohort.start_figures else set()
    return RemovalConsequences(
        lessons_done=enrolment.lessons_done.count(),
        work=enrolment.submissions.count(),
        feedback_given=SubmissionFeedback.objects.filter(author=enrolment).count(),
        counted_at_start=enrolment.start_assessment_id in counted,
        in_peer_group=enrolment.peer_group is not None,
    )


# -- Files ------------------------------------------------------------------------------------


def lesson_files(programme: Programme) -> QuerySet[Attachment]:
    return Attachment.objects.filter(lesson__module__programme=programme)


def networks_for_case(person: Person) -> list[Network]:
    """The real networks a participant may link a case to: those they lead or belong to now.
    Not the learning networks of cohorts, and not a confidential leader network: what is said
    there stays in the group, and a case is read by facilitators and peers outside it."""
    return list(
        Network.objects.filter(
            members__person=person, members__left_on__isnull=True, cohort__isnull=True
        )
        .exclude(leader_profile__is_confidential=True)
        .distinct()
        .order_by("name")
    )


def case_context_view(case: dict[str, Any]) -> dict[str, Any]:
    """A stored case context (`services.cohorts.case_context_of`) in the reader's language: the
    phase's title and the figures' labels and number formats are looked up now. Contexts
    pulled before only keys were stored keep their figures as they were written."""
    if not case or not case.get("network"):
        return {}
    view = dict(case)
    phase = case.get("phase") or {}
    number = phase.get("number")
    found = next((p for p in phases(active_language()) if p.number == number), None)
    view["phase"] = {"number": number, "title": found.title if found else phase.get("title", "")}
    try:
        view["pulled_on"] = date.fromisoformat(str(case.get("pulled_on")))
    except ValueError:
        view["pulled_on"] = case.get("pulled_on")
    diagnosis = case.get("diagnosis")
    if diagnosis:
        if "metrics" in diagnosis:
            figures = [
                [str(label), survey_texts.metric(key, diagnosis["metrics"].get(key))]
                for key, label in survey_texts.NETWORK_METRICS.items()
                if key in diagnosis["metrics"]
            ]
        else:
            figures = list(diagnosis.get("figures", []))
        view["diagnosis"] = {"round": diagnosis.get("round", ""), "figures": figures}
    return view
