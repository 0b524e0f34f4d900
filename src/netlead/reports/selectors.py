"""The accountability report as a read model: what the network agreed, what it achieved and how
it holds together over one period, gathered from the networks, meetings and surveys apps' own
read models. Only aggregates and words: no member's name (action owners appear by their
organization, findings pseudonymised), no individual rating, nothing under k."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from netlead import frameworks
from netlead.meetings.models import Action, ActionStatus, AgendaItem, Attendance, Decision, Meeting
from netlead.meetings.models import AttendanceStatus as Present
from netlead.networks.models import (
    CharterStatus,
    CharterVersion,
    Governance,
    Measurement,
    Network,
)
from netlead.reports.models import Narrative, Report, Section
from netlead.surveys import selectors as surveys
from netlead.surveys.models import RoundStatus, SurveyRound
from netlead.surveys.readmodels import read_diagnosis
from netlead.workspaces.models import Layer

#: Long lists in a report end with "and N more": a board reads the first ones.
LIST_LIMIT = 40


# -- The reports of a network ---------------------------------------------------------------


def reports_of(network: Network, *, include_drafts: bool) -> list[Report]:
    reports = network.reports.select_related("issued_by").defer("html", "pdf")
    if not include_drafts:
        reports = reports.filter(status="issued")
    return list(reports)


def narratives_of(report: Report) -> dict[str, str]:
    """Section key -> the leader's text ("" when none)."""
    texts = dict(report.narratives.values_list("section", "text"))
    return {key: texts.get(key, "") for key in Section.values}


def last_narratives(network: Network) -> dict[str, str]:
    """The texts of the network's latest report, where a new draft starts from."""
    latest = network.reports.order_by("-ends_on", "-created_at").first()
    return narratives_of(latest) if latest else {}


# -- The contents ---------------------------------------------------------------------------


def _day_bounds(starts_on: date, ends_on: date) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    return (
        datetime.combine(starts_on, time.min, tzinfo=tz),
        datetime.combine(ends_on, time.max, tzinfo=tz),
    )


@dataclass(frozen=True)
class PhaseStep:
    decided_on: date
    from_phase: str
    to_phase: str
    note: str


@dataclass(frozen=True)
class GovernanceStep:
    changed_on: date
    from_form: str
    to_form: str


@dataclass(frozen=True)
class CharterPart:
    version: int | None
    agreed_on: date | None
    necessity: str
    shared_interest: str
    values: str
    decision_rules: str
    #: Versions agreed within the period (number, date).
    agreed_in_period: list[tuple[int, date]]
    governance: str
    governance_summary: str
    phase: str
    #: The phase at the start of the period, when it changed during it.
    phase_at_start: str
    phase_history: list[PhaseStep]
    #: Changes of the governance form in the period; `governance` is the form at its end.
    governance_history: list[GovernanceStep] = field(default_factory=list)


@dataclass(frozen=True)
class TrailItem:
    day: date | None
    text: str


@dataclass(frozen=True)
class ResultPart:
    title: str
    indicator: str
    unit: str
    baseline: Decimal
    target: Decimal
    deadline: date | None
    status: str
    status_key: str
    owner: str
    #: Measurements within the period, oldest first.
    measurements: list[tuple[date, Decimal]]
    latest: Decimal | None
    #: Share of the way from baseline to target at the latest measurement (may exceed 1).
    progress: float | None
    meetings: list[TrailItem]
    decisions: list[TrailItem]
    actions: list[TrailItem]


@dataclass(frozen=True)
class AttendanceGroup:
    name: str
    present: int
    recorded: int

    @property
    def share(self) -> float | None:
        return self.present / self.recorded if self.recorded else None


@dataclass(frozen=True)
class MeetingLine:
    day: date
    title: str
    present: int
    recorded: int
    decisions: int


@dataclass(frozen=True)
class ActionLine:
    title: str
    organization: str
    due_on: date | None


@dataclass(frozen=True)
class MeetingsPart:
    held: int
    cancelled: int
    meetings: list[MeetingLine]
    by_organization: list[AttendanceGroup]
    by_layer: list[AttendanceGroup]
    overall: AttendanceGroup
    decisions: list[TrailItem]
    decisions_total: int
    actions_done: int
    actions_open: int
    overdue: list[ActionLine]
    overdue_total: int


@dataclass(frozen=True)
class OrganizationNode:
    name: str
    members: int
    external_ties: int
    isolated: bool


@dataclass(frozen=True)
class RelationshipRound:
    title: str
    closed_on: date | None
    respondents: int | None
    members: int | None
    figures: list[surveys.Figure]
    changes: list[surveys.FigureChange]
    ties_new: int | None
    ties_lost: int | None
    ratings: list[surveys.RatingRow]
    findings: list[str]
    organizations: list[OrganizationNode]
    #: Ties between two organizations, both directions added: (a, b, ties), a < b.
    organization_ties: list[tuple[str, str, int]]


@dataclass(frozen=True)
class HealthRound:
    title: str
    closed_on: date | None
    dashboard: surveys.HealthDashboard


@dataclass(frozen=True)
class HealthTrend:
    """One dimension's score in each health round of the period, oldest first."""

    name: str
    scores: list[float | None]
    shown: list[str]
    change: str


@dataclass(frozen=True)
class CohesionPart:
    relationship_rounds: list[RelationshipRound]
    health_rounds: list[HealthRound]
    health_trend: list[HealthTrend]
    k: int

    @property
    def health_round_titles(self) -> list[str]:
        return [h.title for h in self.health_rounds]


@dataclass(frozen=True)
class ReportContents:
    network_name: str
    network_purpose: str
    title: str
    starts_on: date
    ends_on: date
    language: str
    charter: CharterPart
    results: list[ResultPart]
    meetings: MeetingsPart
    cohesion: CohesionPart
    narratives: dict[str, str] = field(default_factory=dict)
    #: Section key -> title, in the report's order.
    sections: list[tuple[str, str]] = field(default_factory=list)


def _charter(network: Network, starts_on: date, ends_on: date, language: str) -> CharterPart:
    _start, end = _day_bounds(starts_on, ends_on)
    agreed = list(
        CharterVersion.objects.filter(
            network=network,
            status__in=(CharterStatus.AGREED, CharterStatus.SUPERSEDED),
            agreed_at__isnull=False,
            agreed_at__lte=end,
        ).order_by("-number")
    )
    in_force = agreed[0] if agreed else None
    in_period = sorted(
        (v.number, timezone.localdate(v.agreed_at))
        for v in agreed
        if v.agreed_at is not None and timezone.localdate(v.agreed_at) >= starts_on
    )
    forms = {g.key: g for g in frameworks.governance_forms(language)}
    changes = list(
        network.governance_changes.filter(changed_on__range=(starts_on, ends_on)).order_by(
            "changed_on", "pk"
        )
    )
    changed_after = (
        network.governance_changes.filter(changed_on__gt=ends_on)
        .order_by("changed_on", "pk")
        .first()
    )
    governance_at_end = changed_after.from_form if changed_after else network.governance
    governance = forms.get(governance_at_end)

    def form_name(key: str) -> str:
        found = forms.get(key)
        return found.name if found else str(Governance(key).label)

    phases = {p.number: p.title for p in frameworks.phases(language)}
    transitions = list(
        network.phase_transitions.filter(decided_on__range=(starts_on, ends_on)).order_by(
            "decided_on", "pk"
        )
    )
    after = network.phase_transitions.filter(decided_on__gt=ends_on).order_by("decided_on", "pk")
    first_after = after.first()
    phase_at_end = first_after.from_phase if first_after else network.phase
    phase_at_start = transitions[0].from_phase if transitions else phase_at_end
    return CharterPart(
        version=in_force.number if in_force else None,
        agreed_on=timezone.localdate(in_force.agreed_at)
        if in_force and in_force.agreed_at
        else None,
        necessity=in_force.necessity if in_force else "",
        shared_interest=in_force.shared_interest if in_force else "",
        values=in_force.values if in_force else "",
        decision_rules=in_force.decision_rules if in_force else "",
        agreed_in_period=in_period,
        governance=form_name(governance_at_end),
        governance_summary=governance.summary if governance else "",
        phase=f"{phase_at_end}. {phases.get(phase_at_end, '')}",
        phase_at_start=f"{phase_at_start}. {phases.get(phase_at_start, '')}"
        if phase_at_start != phase_at_end
        else "",
        phase_history=[
            PhaseStep(
                decided_on=t.decided_on,
                from_phase=f"{t.from_phase}. {phases.get(t.from_phase, '')}",
                to_phase=f"{t.to_phase}. {phases.get(t.to_phase, '')}",
                note=t.note,
            )
            for t in transitions
        ],
        governance_history=[
            GovernanceStep(
                changed_on=c.changed_on,
                from_form=form_name(c.from_form),
                to_form=form_name(c.to_form),
            )
            for c in changes
        ],
    )


def _held(network: Network, starts_on: date, ends_on: date) -> QuerySet[Meeting]:
    start, end = _day_bounds(starts_on, ends_on)
    return network.meetings.filter(starts_at__range=(start, end))


def _results(network: Network, starts_on: date, ends_on: date) -> list[ResultPart]:
    start, end = _day_bounds(starts_on, ends_on)
    meetings = _held(network, starts_on, ends_on).filter(is_cancelled=False)
    results = network.results.select_related("owner_organization").prefetch_related(
        Prefetch(
            "measurements",
            queryset=Measurement.objects.filter(measured_on__range=(starts_on, ends_on)).order_by(
                "measured_on", "pk"
            ),
        ),
        Prefetch(
            "decisions",
            queryset=Decision.objects.filter(meeting__in=meetings)
            .select_related("meeting")
            .order_by("meeting__starts_at", "pk"),
        ),
        Prefetch(
            "actions",
            queryset=Action.objects.filter(
                Q(due_on__range=(starts_on, ends_on))
                | Q(done_at__range=(start, end))
                | Q(meeting__in=meetings)
            )
            .select_related("owner__person__organization")
            .order_by("due_on", "pk"),
        ),
    )
    discussed: dict[int, dict[int, Meeting]] = defaultdict(dict)
    for item in AgendaItem.objects.filter(
        meeting__in=meetings, result__network=network
    ).select_related("meeting"):
        if item.result_id is not None:
            discussed[item.result_id][item.meeting_id] = item.meeting
    rows = []
    for result in results:
        measurements = [(m.measured_on, m.value) for m in result.measurements.all()]
        latest = measurements[-1][1] if measurements else None
        progress = (
            None
            if latest is None or result.target == result.baseline
            else float((latest - result.baseline) / (result.target - result.baseline))
        )
        decisions = list(result.decisions.all())
        actions = list(result.actions.all())
        worked = dict(discussed.get(result.pk, {}))
        worked.update({d.meeting_id: d.meeting for d in decisions})
        rows.append(
            ResultPart(
                title=result.title,
                indicator=result.indicator,
                unit=result.unit,
                baseline=result.baseline,
                target=result.target,
                deadline=result.deadline,
                status=str(result.get_status_display()),
                status_key=result.status,
                owner=result.owner_organization.name if result.owner_organization else "",
                measurements=measurements,
                latest=latest,
                progress=progress,
                meetings=[
                    TrailItem(timezone.localdate(m.starts_at), m.title)
                    for m in sorted(worked.values(), key=lambda m: m.starts_at)
                ],
                decisions=[
                    TrailItem(timezone.localdate(d.meeting.starts_at), d.text) for d in decisions
                ],
                actions=[TrailItem(a.due_on, f"{a.title} ({_action_state(a)})") for a in actions],
            )
        )
    return rows


def _action_state(action: Action) -> str:
    if action.status == ActionStatus.OPEN and action.is_overdue:
        return _("overdue")
    return str(action.get_status_display()).lower()


def _organization(action: Action) -> str:
    organization = action.owner.person.organization
    return organization.name if organization else _("No organization")


def _meetings(network: Network, starts_on: date, ends_on: date) -> MeetingsPart:
    start, end = _day_bounds(starts_on, ends_on)
    in_period = _held(network, starts_on, ends_on)
    held = list(
        in_period.filter(is_cancelled=False)
        .annotate(
            n_recorded=Count("attendance", distinct=True),
            n_present=Count(
                "attendance", filter=Q(attendance__status=Present.PRESENT), distinct=True
            ),
            n_decisions=Count("decisions", distinct=True),
        )
        .order_by("starts_at")
    )
    records = Attendance.objects.filter(meeting__in=[m.pk for m in held])
    by_organization: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_layer: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in records.values(
        "member__person__organization__name", "member__person__layer", "status"
    ).annotate(n=Count("pk")):
        present = row["n"] if row["status"] == Present.PRESENT else 0
        for groups, key in (
            (by_organization, row["member__person__organization__name"] or ""),
            (by_layer, row["member__person__layer"] or ""),
        ):
            groups[key][0] += present
            groups[key][1] += row["n"]
    layers = {str(v): str(label) for v, label in Layer.choices}
    decisions = Decision.objects.filter(meeting__in=[m.pk for m in held]).select_related("meeting")
    actions = network.actions.all()
    today = timezone.localdate()
    overdue = (
        actions.filter(status=ActionStatus.OPEN, due_on__lte=ends_on, due_on__lt=today)
        .select_related("owner__person__organization")
        .order_by("due_on", "pk")
    )
    return MeetingsPart(
        held=len(held),
        cancelled=in_period.filter(is_cancelled=True).count(),
        meetings=[
            MeetingLine(
                day=timezone.localdate(m.starts_at),
                title=m.title,
                present=m.n_present,
                recorded=m.n_recorded,
                decisions=m.n_decisions,
            )
            for m in held
        ],
        by_organization=[
            AttendanceGroup(name or _("No organization"), *counts)
            for name, counts in sorted(by_organization.items(), key=lambda i: (not i[0], i[0]))
        ],
        by_layer=[
            AttendanceGroup(layers.get(key, _("No layer")), *by_layer[key])
            for key in [*Layer.values, ""]
            if key in by_layer
        ],
        overall=AttendanceGroup(
            _("Whole network"),
            sum(c[0] for c in by_organization.values()),
            sum(c[1] for c in by_organization.values()),
        ),
        decisions=[
            TrailItem(timezone.localdate(d.meeting.starts_at), d.text)
            for d in decisions.order_by("meeting__starts_at", "pk")[:LIST_LIMIT]
        ],
        decisions_total=decisions.count(),
        actions_done=actions.filter(status=ActionStatus.DONE, done_at__range=(start, end)).count(),
        actions_open=actions.filter(status=ActionStatus.OPEN, created_at__lte=end).count(),
        overdue=[
            ActionLine(title=a.title, organization=_organization(a), due_on=a.due_on)
            for a in overdue[:LIST_LIMIT]
        ],
        overdue_total=overdue.count(),
    )


def _rounds(network: Network, starts_on: date, ends_on: date) -> list[SurveyRound]:
    start, end = _day_bounds(starts_on, ends_on)
    return [
        r
        for r in network.survey_rounds.filter(
            status=RoundStatus.CLOSED, closed_at__range=(start, end)
        ).order_by("closed_at", "pk")
        if r.has_results and r.diagnosis
    ]


def _relationship_round(survey_round: SurveyRound) -> RelationshipRound:
    diagnosis = read_diagnosis(survey_round.diagnosis or {})
    # Pseudonyms for everyone: a report leaves the network, and the naming choice of a survey
    # round was about its own map. Organizations and counts carry the findings.
    labels = surveys.MemberLabels(survey_round, pseudonymised=True)
    comparison = surveys.comparison(diagnosis, labels)
    pairs: dict[tuple[str, str], int] = defaultdict(int)
    for cell in diagnosis.organization_ties:
        if cell.source != cell.target:
            a, b = sorted((cell.source, cell.target))
            pairs[a, b] += cell.ties
    response = diagnosis.response
    return RelationshipRound(
        title=survey_round.title,
        closed_on=timezone.localdate(survey_round.closed_at) if survey_round.closed_at else None,
        respondents=response.respondents if response else None,
        members=response.members if response else None,
        figures=surveys.network_figures(diagnosis),
        changes=comparison.rows if comparison else [],
        ties_new=comparison.ties_new if comparison else None,
        ties_lost=comparison.ties_lost if comparison else None,
        ratings=surveys.rating_summary(diagnosis),
        findings=surveys.findings(diagnosis, labels),
        organizations=[
            OrganizationNode(o.organization, o.members, o.external_ties, o.isolated)
            for o in sorted(diagnosis.organizations, key=lambda o: o.organization)
        ],
        organization_ties=sorted((a, b, n) for (a, b), n in pairs.items()),
    )


def _cohesion(network: Network, starts_on: date, ends_on: date, language: str) -> CohesionPart:
    rounds = _rounds(network, starts_on, ends_on)
    relationship = [_relationship_round(r) for r in rounds if r.is_relationships]
    health = [
        HealthRound(
            title=r.title,
            closed_on=timezone.localdate(r.closed_at) if r.closed_at else None,
            dashboard=surveys.health_dashboard(r.diagnosis or {}, language),
        )
        for r in rounds
        if r.is_health
    ]
    trend: list[HealthTrend] = []
    if health:
        latest = health[-1].dashboard
        changes = {c.name: c.change for c in latest.changes}
        for dimension in latest.dimensions:
            found = [
                next((d for d in h.dashboard.dimensions if d.key == dimension.key), None)
                for h in health
            ]
            trend.append(
                HealthTrend(
                    name=dimension.name,
                    scores=[d.mean if d else None for d in found],
                    shown=[d.shown if d else "" for d in found],
                    change=changes.get(dimension.name, ""),
                )
            )
    return CohesionPart(
        relationship_rounds=relationship,
        health_rounds=health,
        health_trend=trend,
        k=network.workspace.anonymity_threshold,
    )


def report_contents(report: Report) -> ReportContents:
    """Everything the report shows, in the report's language (call it inside
    ``translation.override(report.language)``)."""
    network = report.network
    start, end, language = report.starts_on, report.ends_on, report.language
    return ReportContents(
        network_name=network.name,
        network_purpose=network.purpose,
        title=report.title,
        starts_on=start,
        ends_on=end,
        language=language,
        charter=_charter(network, start, end, language),
        results=_results(network, start, end),
        meetings=_meetings(network, start, end),
        cohesion=_cohesion(network, start, end, language),
        narratives={key: text for key, text in narratives_of(report).items() if text.strip()},
        sections=[(str(key), str(label)) for key, label in Section.choices],
    )


def narrative_rows(report: Report) -> list[Narrative]:
    """The report's narratives in section order, unsaved ones included (for the editor)."""
    saved = {n.section: n for n in report.narratives.all()}
    return [saved.get(key) or Narrative(report=report, section=key) for key in Section.values]


def report_of(network: Network, report_id: int, *, include_drafts: bool) -> Report | None:
    reports = network.reports.select_related("issued_by", "network__workspace")
    if not include_drafts:
        reports = reports.filter(status="issued")
    return reports.filter(pk=report_id).first()
