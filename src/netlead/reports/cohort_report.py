"""The cohort report for facilitators, as a read model (a selector of the reports app): progress
per module, attendance per session, hand-ins, the cohort's skills figures (over k, as stored)
and the four-principles trend, gathered from the programmes and meetings apps' own reads.
Participants appear by name, as on the progress page, which only facilitators see; no one's
self-assessment score is in it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from netlead.analysis.programmes import PRINCIPLES
from netlead.exports.tables import Column, Kind, Table
from netlead.meetings.selectors import attendance_rates
from netlead.programmes.forms.leader_networks import PRINCIPLE_TEXTS  # the principles' names
from netlead.programmes.models import Cohort
from netlead.programmes.selectors import cohorts
from netlead.programmes.selectors.leader_networks import PrinciplesOverview, principles_trend_of


@dataclass(frozen=True)
class ModuleRow:
    number: int
    title: str
    lessons: int
    assignments: int
    #: Participants who marked every lesson of the module done.
    lessons_complete: int
    handed_in: int
    #: Hand-ins expected: assignments x participants.
    expected: int

    @property
    def handed_in_share(self) -> float | None:
        return self.handed_in / self.expected if self.expected else None


@dataclass(frozen=True)
class SessionRow:
    day: date
    title: str
    present: int
    recorded: int

    @property
    def share(self) -> float | None:
        return self.present / self.recorded if self.recorded else None


@dataclass(frozen=True)
class CohortReport:
    cohort: Cohort
    participants: int
    modules: list[ModuleRow]
    progress: list[cohorts.ParticipantProgress]
    sessions: list[SessionRow]
    present: int
    recorded: int
    figures: cohorts.MeasurementFigures
    principles: PrinciplesOverview
    #: The four principles' names, in the order of each trend row's cells.
    principle_names: list[str]

    @property
    def attendance_share(self) -> float | None:
        return self.present / self.recorded if self.recorded else None


def cohort_report(cohort: Cohort) -> CohortReport:
    participants = cohorts.participants(cohort)
    progress = cohorts.progress(cohort, participants)
    modules: list[ModuleRow] = []
    for index, module in enumerate(cohort.programme.modules.order_by("number")):
        cells = [row.modules[index] for row in progress if index < len(row.modules)]
        lessons = cells[0].lessons if cells else 0
        assignments = cells[0].assignments if cells else 0
        modules.append(
            ModuleRow(
                number=module.number,
                title=module.title,
                lessons=lessons,
                assignments=assignments,
                lessons_complete=sum(1 for c in cells if c.lessons and c.lessons_done == c.lessons),
                handed_in=sum(c.handed_in for c in cells),
                expected=assignments * len(participants),
            )
        )
    rates = attendance_rates(cohort.network)

    sessions = [
        SessionRow(
            day=timezone.localdate(point.meeting.starts_at),
            title=point.meeting.title,
            present=point.rate.present,
            recorded=point.rate.recorded,
        )
        for point in rates.trend
    ]
    k = cohort.programme.workspace.anonymity_threshold
    return CohortReport(
        cohort=cohort,
        participants=len(participants),
        modules=modules,
        progress=progress,
        sessions=sessions,
        present=rates.overall.present,
        recorded=rates.overall.recorded,
        figures=cohorts.measurement_figures(cohort),
        principles=principles_trend_of(cohort.network, k=k),
        principle_names=[str(PRINCIPLE_TEXTS[p][0]) for p in PRINCIPLES],
    )


def cohort_report_tables(report: CohortReport) -> tuple[Table, ...]:
    """The report's tables for the XLSX file (the participants' sheet is the progress export's)."""
    modules = Table(
        name=_("Modules"),
        columns=(
            Column(_("Module"), Kind.INT),
            Column(_("Title")),
            Column(_("Lessons"), Kind.INT),
            Column(_("Participants with every lesson done"), Kind.INT),
            Column(_("Assignments"), Kind.INT),
            Column(_("Handed in"), Kind.INT),
            Column(_("Hand-ins expected"), Kind.INT),
        ),
        rows=[
            (
                m.number,
                m.title,
                m.lessons,
                m.lessons_complete,
                m.assignments,
                m.handed_in,
                m.expected,
            )
            for m in report.modules
        ],
    )
    sessions = Table(
        name=_("Sessions"),
        columns=(
            Column(_("Date"), Kind.DATE),
            Column(_("Session")),
            Column(_("Present"), Kind.INT),
            Column(_("Recorded"), Kind.INT),
        ),
        rows=[(s.day, s.title, s.present, s.recorded) for s in report.sessions],
    )
    change = report.figures.change
    figure_rows = (
        [(r.name, r.start_mean, r.end_mean, r.change, r.participants) for r in change.rows]
        if change is not None and change.shown
        else [
            (r.name, r.start_mean, None, None, r.participants)
            for r in (report.figures.start_rows or ())
            if report.figures.start_shown
        ]
    )
    figures = Table(
        name=_("Skills measurement"),
        columns=(
            Column(_("Competence")),
            Column(_("Mean at the start"), Kind.NUMBER),
            Column(_("Mean at the end"), Kind.NUMBER),
            Column(_("Change"), Kind.NUMBER),
            Column(_("Participants"), Kind.INT),
        ),
        rows=figure_rows,
    )
    return modules, sessions, figures
