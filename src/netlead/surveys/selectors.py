"""Reads of surveys: response tracking, and the shown form of a stored diagnosis.

Everything here works on counts and on the stored, k-suppressed diagnosis, read through the
typed read models of surveys/readmodels.py; these functions add names, words and formatted
figures. No function returns one person's answers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any, NamedTuple

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from netlead.analysis.health import band, shown_score
from netlead.core.scales import meets_k
from netlead.core.tokens import token_for
from netlead.frameworks.instruments import health_check
from netlead.networks.models import Network
from netlead.surveys import texts
from netlead.surveys.models import SURVEY_LINK_PURPOSE, RoundStatus, SurveyInvitation, SurveyRound
from netlead.surveys.readmodels import (
    Diagnosis,
    DimensionScore,
    Edge,
    Finding,
    GroupHealth,
    Health,
    NetworkMap,
    RatingAggregate,
    Structure,
    read_diagnosis,
    read_health,
    read_map,
    read_member_ratings,
    read_structure,
)
from netlead.workspaces.models import Layer


@dataclass(frozen=True)
class GroupProgress:
    organization: str
    invited: int
    answered: int


@dataclass(frozen=True)
class Progress:
    invited: int
    answered: int
    by_organization: list[GroupProgress]
    not_answered: list[str] | None  # names; None when the round is anonymous

    @property
    def share(self) -> float:
        return self.answered / self.invited if self.invited else 0.0


@dataclass(frozen=True)
class CloseConsequences:
    """What closing an open round settles, in counts only (never who)."""

    invited: int
    answered: int
    started_unsent: int
    k: int
    days_early: int

    @property
    def not_answered(self) -> int:
        return self.invited - self.answered

    @property
    def below_k(self) -> bool:
        return self.answered < self.k


def close_consequences(survey_round: SurveyRound) -> CloseConsequences:
    invitations = survey_round.invitations.aggregate(
        invited=Count("pk"),
        answered=Count("pk", filter=Q(submitted_at__isnull=False)),
        started=Count("pk", filter=Q(submitted_at__isnull=True, started_at__isnull=False)),
    )
    return CloseConsequences(
        invited=invitations["invited"],
        answered=invitations["answered"],
        started_unsent=invitations["started"],
        k=survey_round.network.workspace.anonymity_threshold,
        days_early=max(0, (survey_round.closes_on - timezone.localdate()).days),
    )


def rounds_of(network: Network, *, include_drafts: bool) -> list[SurveyRound]:
    # Meta.ordering does not apply to a grouped query: order explicitly, newest first.
    rounds = network.survey_rounds.annotate(
        invited=Count("invitations"),
        answered=Count("invitations", filter=Q(invitations__submitted_at__isnull=False)),
    ).order_by("-created_at", "-pk")
    if not include_drafts:
        rounds = rounds.exclude(status=RoundStatus.DRAFT)
    return list(rounds)


def progress(survey_round: SurveyRound, *, show_names: bool) -> Progress:
    """How many answered, per organization. Names of who has not answered only when the round
    is not anonymous and the viewer may see them."""
    invitations = SurveyInvitation.objects.filter(round=survey_round)
    rows = (
        invitations.values("member__person__organization__name")
        .annotate(invited=Count("pk"), answered=Count("pk", filter=Q(submitted_at__isnull=False)))
        .order_by("member__person__organization__name")
    )
    groups = [
        GroupProgress(
            row["member__person__organization__name"] or _("No organization"),
            row["invited"],
            row["answered"],
        )
        for row in rows
    ]
    not_answered = None
    if show_names and not survey_round.anonymous:
        not_answered = list(
            invitations.filter(submitted_at__isnull=True)
            .order_by("member__person__name")
            .values_list("member__person__name", flat=True)
        )
    return Progress(
        invited=sum(g.invited for g in groups),
        answered=sum(g.answered for g in groups),
        by_organization=groups,
        not_answered=not_answered,
    )


def my_open_links(network: Network, user_id: int) -> dict[int, str]:
    """Round id -> the signed-in user's own survey token, for open rounds they have not
    submitted yet: members with an account find their surveys in the app too."""
    invitations = SurveyInvitation.objects.filter(
        round__network=network,
        round__status=RoundStatus.OPEN,
        round__closes_on__gte=timezone.localdate(),
        member__person__user_id=user_id,
        submitted_at__isnull=True,
    ).values_list("round_id", "salt")
    return {round_id: token_for(salt, SURVEY_LINK_PURPOSE) for round_id, salt in invitations}


class Figure(NamedTuple):
    """A network figure as shown: its label and its formatted value. A pair, so callers may
    unpack it (``for label, value in figures``)."""

    label: str
    value: str


#: The figures the network page shows of its latest map.
SUMMARY_FIGURES = (
    "fragmentation",
    "cross_organization_share",
    "organizations_without_external_tie",
)


@dataclass(frozen=True)
class SurveySummary:
    """What the network page shows of its surveys: open rounds and the latest results."""

    open_rounds: list[SurveyRound]
    latest_map: SurveyRound | None
    map_figures: list[Figure]
    latest_health: SurveyRound | None
    #: Dimensions per band (strength, discuss, concern). A dict: programmes stores it as JSON
    #: in a case analysis's context.
    health_bands: dict[str, int]


def survey_summary(network: Network) -> SurveySummary:
    rounds = rounds_of(network, include_drafts=False)
    latest_map = next((r for r in rounds if r.is_relationships and r.has_results), None)
    latest_health = next((r for r in rounds if r.is_health and r.has_results), None)
    figures: list[Figure] = []
    if latest_map is not None and latest_map.diagnosis:
        figures = [
            figure
            for figure, key in zip(
                network_figures(latest_map.diagnosis), texts.NETWORK_METRICS, strict=True
            )
            if key in SUMMARY_FIGURES
        ]
    bands = {"strength": 0, "discuss": 0, "concern": 0}
    if latest_health is not None and latest_health.diagnosis:
        for dimension in read_health(latest_health.diagnosis).summary.dimensions:
            if dimension.band in bands:
                bands[dimension.band] += 1
    return SurveySummary(
        open_rounds=[r for r in rounds if r.status == RoundStatus.OPEN],
        latest_map=latest_map,
        map_figures=figures,
        latest_health=latest_health,
        health_bands=bands,
    )


# -- Names on the map ----------------------------------------------------------------------


class MemberLabels:
    """Shown names of a round's members. A member who chose not to be named, and everyone in
    pseudonymised mode, appears as a numbered member of their organization."""

    def __init__(self, survey_round: SurveyRound, *, pseudonymised: bool) -> None:
        rows = survey_round.invitations.values_list(
            "member__person_id",
            "member__person__name",
            "member__person__organization__name",
            "not_named",
        )
        self.labels: dict[str, str] = {}
        self.organizations: dict[str, str | None] = {}
        # Numbers follow a keyed hash, so they reveal neither names nor the order of joining.
        ordered = sorted(
            rows,
            key=lambda r: hashlib.sha256(f"{survey_round.pk}:{r[0]}".encode()).hexdigest(),
        )
        counters: dict[str | None, int] = {}
        for person_id, name, organization, not_named in ordered:
            key = str(person_id)
            self.organizations[key] = organization
            if pseudonymised or not_named:
                counters[organization] = counters.get(organization, 0) + 1
                self.labels[key] = _("%(organization)s member %(number)s") % {
                    "organization": organization or _("No organization"),
                    "number": counters[organization],
                }
            else:
                self.labels[key] = name

    def __call__(self, key: Any) -> str:
        return self.labels.get(str(key), _("a former member"))


# -- A relationship round's results ---------------------------------------------------------
#
# Each selector takes the round's stored JSON (``SurveyRound.diagnosis``), as the views pass it,
# or the read model already read from it, so a caller that needs several reads the JSON once.

StoredRound = Mapping[str, Any]
#: A member key -> their shown name (a `MemberLabels`).
Labels = Callable[[Any], str]


def _diagnosis(data: StoredRound | Diagnosis) -> Diagnosis:
    return data if isinstance(data, Diagnosis) else read_diagnosis(data)


def _health(data: StoredRound | Health) -> Health:
    return data if isinstance(data, Health) else read_health(data)


def _finding_text(finding: Finding, labels: Labels) -> str:
    stored = {"key": finding.key, "params": dict(finding.params), "figure": finding.figure}
    return texts.finding_text(stored, labels)


def findings(data: StoredRound | Diagnosis, labels: Labels) -> list[str]:
    """The findings in words; the response warning is shown apart (`response`)."""
    return [
        _finding_text(f, labels)
        for f in _diagnosis(data).findings
        if f.key not in texts.WARNING_KEYS
    ]


@dataclass(frozen=True)
class FindingRow:
    """A finding in words and where its evidence is: an anchor on the results page, or
    ``"map"`` for the network map (texts.FINDING_EVIDENCE)."""

    text: str
    evidence: str


def findings_with_evidence(data: StoredRound | Diagnosis, labels: Labels) -> list[FindingRow]:
    """The findings in words, each with the table or map behind it."""
    return [
        FindingRow(_finding_text(f, labels), texts.FINDING_EVIDENCE.get(f.key, "figures"))
        for f in _diagnosis(data).findings
        if f.key not in texts.WARNING_KEYS
    ]


@dataclass(frozen=True)
class OrganizationResponseRow:
    organization: str
    members: int
    respondents: int
    rate: str


@dataclass(frozen=True)
class ResponseSummary:
    """The response rate of a closed relationship round, overall and per organization (only
    organizations with at least k members asked), how missing answers were treated, and the
    warning when the rate is below the threshold ("" otherwise). Counts, never who."""

    members: int
    respondents: int
    rate: str
    method: str
    threshold: str
    warning: str
    by_organization: list[OrganizationResponseRow]
    #: Organizations with fewer than k members asked, whose rate is not shown.
    organizations_not_shown: int


def response(data: StoredRound | Diagnosis, labels: Labels) -> ResponseSummary | None:
    """``None`` for a diagnosis stored before the response was recorded (schema 1)."""
    diagnosis = _diagnosis(data)
    found = diagnosis.response
    if found is None:
        return None
    warning = next((f for f in diagnosis.findings if f.key in texts.WARNING_KEYS), None)
    shown = [o for o in found.by_organization if meets_k(o.members, diagnosis.k)]
    return ResponseSummary(
        members=found.members,
        respondents=found.respondents,
        rate=texts.pct(found.rate),
        method=str(texts.MISSING_DATA.get(found.method, "")),
        threshold=texts.pct(found.threshold),
        warning=_finding_text(warning, labels) if found.low and warning is not None else "",
        by_organization=[
            OrganizationResponseRow(o.organization, o.members, o.respondents, texts.pct(o.rate))
            for o in shown
        ],
        organizations_not_shown=len(found.by_organization) - len(shown),
    )


def suggestions(data: StoredRound | Diagnosis, labels: Labels) -> list[str]:
    return [texts.suggestion_text(asdict(s), labels) for s in _diagnosis(data).suggestions]


def network_figures(data: StoredRound | Diagnosis) -> list[Figure]:
    network = _diagnosis(data).network
    return [
        Figure(str(label), texts.metric(key, network.value(key)))
        for key, label in texts.NETWORK_METRICS.items()
    ]


def organization_matrix(data: StoredRound | Diagnosis) -> tuple[list[str], list[list[int]]]:
    """Organizations and the square matrix of ties named from row to column."""
    diagnosis = _diagnosis(data)
    names = sorted(o.organization for o in diagnosis.organizations)
    index = {name: i for i, name in enumerate(names)}
    matrix = [[0] * len(names) for _ in names]
    for cell in diagnosis.organization_ties:
        if cell.source in index and cell.target in index:
            matrix[index[cell.source]][index[cell.target]] = cell.ties
    return names, matrix


@dataclass(frozen=True)
class RatingRow:
    """Trust and value over one kind of tie (whole network, within or across groups)."""

    label: str
    aggregate: RatingAggregate


def rating_summary(data: StoredRound | Diagnosis) -> list[RatingRow]:
    ratings = _diagnosis(data).ratings
    if ratings is None:
        return []
    return [
        RatingRow(_("Whole network"), ratings.network),
        RatingRow(_("Within organizations"), ratings.within_organizations),
        RatingRow(_("Across organizations"), ratings.across_organizations),
        RatingRow(_("Within layers"), ratings.within_layers),
        RatingRow(_("Across layers"), ratings.across_layers),
    ]


@dataclass(frozen=True)
class RatingCell:
    """Trust or value of one pair of organizations as shown: the figure, or "" and why not
    (``reason``: "fewer_than_k", "no_ratings")."""

    shown: str
    reason: str


@dataclass(frozen=True)
class RatingMatrixRow:
    organization: str
    trust: list[RatingCell]
    value: list[RatingCell]


@dataclass(frozen=True)
class RatingMatrix:
    """Mean trust and value given by members of the row's organization to members of the
    column's, each cell over at least k distinct raters; the diagonal is inside one
    organization."""

    organizations: list[str]
    rows: list[RatingMatrixRow]
    #: Cells left blank because fewer than k people rated (never their figures).
    under_k: int


def _cell(aggregate: RatingAggregate | None, figure: str) -> RatingCell:
    if aggregate is None or aggregate.suppressed == "no_ratings" or aggregate.ratings == 0:
        return RatingCell("", "no_ratings")
    value = getattr(aggregate, figure)
    if aggregate.suppressed is not None:
        return RatingCell("", "fewer_than_k")
    return RatingCell(texts.num(value) if value is not None else texts.DASH, "")


def rating_matrix(data: StoredRound | Diagnosis) -> RatingMatrix | None:
    """``None`` for a round analysed before the matrix existed (schema 1 and 2)."""
    diagnosis = _diagnosis(data)
    if diagnosis.rating_matrix is None:
        return None
    names = sorted(o.organization for o in diagnosis.organizations)
    cells = {(c.source, c.target): c.aggregate for c in diagnosis.rating_matrix}
    rows = [
        RatingMatrixRow(
            organization=a,
            trust=[_cell(cells.get((a, b)), "trust") for b in names],
            value=[_cell(cells.get((a, b)), "value") for b in names],
        )
        for a in names
    ]
    under_k = sum(1 for c in cells.values() if c.suppressed == "fewer_than_k_raters")
    return RatingMatrix(organizations=names, rows=rows, under_k=under_k)


@dataclass(frozen=True)
class OrganizationRatingRow:
    """One organization's trust and value as the others rate it (received) and as it rates
    them (given); a figure only over at least k raters."""

    organization: str
    received_trust: RatingCell
    received_value: RatingCell
    received_raters: int
    given_trust: RatingCell
    given_value: RatingCell
    given_raters: int


def organization_ratings(data: StoredRound | Diagnosis) -> list[OrganizationRatingRow]:
    """Each organization with ratings: received from and given to the other organizations."""
    return [
        OrganizationRatingRow(
            organization=o.organization,
            received_trust=_cell(o.received, "trust"),
            received_value=_cell(o.received, "value"),
            received_raters=o.received.raters,
            given_trust=_cell(o.given, "trust"),
            given_value=_cell(o.given, "value"),
            given_raters=o.given.raters,
        )
        for o in sorted(_diagnosis(data).organization_ratings, key=lambda o: o.organization)
        if o.received.ratings or o.given.ratings
    ]


@dataclass(frozen=True)
class MemberRatings:
    """The trust and value one member received, for that member's eyes only: the figures
    over at least k raters, else why not."""

    trust: RatingCell
    value: RatingCell
    raters: int


def member_ratings(data: StoredRound, person_id: int) -> MemberRatings | None:
    """The ratings the member with ``person_id`` received. Call it only with the viewer's own
    person (the results view passes ``access.member.person_id``): nobody else's are shown.
    ``None`` when the viewer was not in the round."""
    found = read_member_ratings(data, str(person_id))
    if found is None:
        return None
    return MemberRatings(_cell(found, "trust"), _cell(found, "value"), found.raters)


# -- Structure -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CommunityRow:
    """A group that works closely together: its size and its organizations (counts)."""

    number: int
    members: int
    organizations: str
    spread: int


@dataclass(frozen=True)
class GroupEIRow:
    name: str
    ei_index: str


@dataclass(frozen=True)
class KeyPlayerRow:
    """A key-player set: who (shown names), and the network without them."""

    size: int
    members: list[str]
    fragmentation: str
    distance_fragmentation: str


@dataclass(frozen=True)
class StructureView:
    communities: int
    modularity: str
    agreement: str
    community_rows: list[CommunityRow]
    max_core: int
    max_core_size: int
    core_members: list[str]
    closeness: list[tuple[str, str]]
    ei_index: str
    ei_by_organization: list[GroupEIRow]
    layer_ei_index: str
    ei_by_layer: list[GroupEIRow]
    #: ``None``: not computed for this round (analysed before schema 3, or too large).
    key_players: list[KeyPlayerRow] | None
    fragmentation_before: str
    distance_fragmentation_before: str
    #: Closeness and betweenness were estimated from this many sampled members (``None``:
    #: computed exactly); the page says so.
    centrality_sample: int | None = None


def structure(data: StoredRound | Structure, labels: Labels) -> StructureView:
    """The structure of a closed round in shown form: names only through ``labels`` (the
    round's naming rules), figures rounded."""
    found = data if isinstance(data, Structure) else read_structure(data)
    layers = {str(value): str(label) for value, label in Layer.choices}
    none = _("No organization")
    players = found.key_players
    return StructureView(
        communities=found.communities,
        modularity=texts.num(found.modularity),
        agreement=texts.num(found.nmi_with_organizations),
        community_rows=[
            CommunityRow(
                number=c.community + 1,
                members=c.members,
                organizations=", ".join(
                    f"{name} {count}"
                    for name, count in (
                        *c.organizations,
                        *(((none, c.without_organization),) if c.without_organization else ()),
                    )
                ),
                spread=len(c.organizations),
            )
            for c in found.community_mix
        ],
        max_core=found.max_core,
        max_core_size=found.max_core_size,
        core_members=sorted(labels(m) for m in found.core_members),
        closeness=[(labels(m), texts.pct(value)) for m, value in found.closeness],
        ei_index=texts.num(found.ei_index),
        ei_by_organization=[
            GroupEIRow(g.group, texts.num(g.ei_index)) for g in found.ei_by_organization
        ],
        layer_ei_index=texts.num(found.layer_ei_index),
        ei_by_layer=[
            GroupEIRow(layers.get(g.group, g.group), texts.num(g.ei_index))
            for g in found.ei_by_layer
        ],
        key_players=None
        if players is None
        else [
            KeyPlayerRow(
                size=p.size,
                members=[labels(m) for m in p.members],
                fragmentation=texts.pct(p.fragmentation),
                distance_fragmentation=texts.pct(p.distance_fragmentation),
            )
            for p in players.sets
        ],
        fragmentation_before=texts.pct(players.fragmentation_before if players else None),
        distance_fragmentation_before=texts.pct(
            players.distance_fragmentation_before if players else None
        ),
        centrality_sample=found.centrality_sample,
    )


@dataclass(frozen=True)
class MapMember:
    """A member on the map, with their shown name; no ratings."""

    id: str
    label: str
    organization: str
    layer: str
    layer_label: str
    degree: int
    betweenness: float
    harmonic_closeness: float
    constraint: float | None
    cut_point: bool
    brokerage: int


_MAP_MEMBER_FIELDS = tuple(f.name for f in fields(MapMember))


@dataclass(frozen=True)
class MapData:
    """Members (named), ties (member ids, no ratings) and ties lost since the last round."""

    members: list[MapMember]
    edges: tuple[Edge, ...]
    lost: tuple[tuple[str, str], ...]
    #: Betweenness and closeness were estimated from this many sampled members (``None``:
    #: computed exactly); the page says so.
    centrality_sample: int | None = None

    @property
    def organizations(self) -> list[str]:
        return sorted({m.organization for m in self.members})

    def as_json(self) -> dict[str, Any]:
        """The map as the page's script reads it (static/js/network-map.js)."""
        return {
            "members": [
                {name: getattr(m, name) for name in _MAP_MEMBER_FIELDS} for m in self.members
            ],
            "edges": [
                {"source": a, "target": b, "strength": strength, "mutual": mutual, "new": new}
                for a, b, strength, mutual, new in self.edges
            ],
            "lost": [{"source": a, "target": b} for a, b in self.lost],
        }


def map_data(data: StoredRound | NetworkMap, labels: Labels) -> MapData:
    """Nodes, organizations and edges for the network map. No ratings per person or tie."""
    graph = data if isinstance(data, NetworkMap) else read_map(data)
    layers = {str(value): str(label) for value, label in Layer.choices}
    return MapData(
        members=[
            MapMember(
                id=m.id,
                label=labels(m.id),
                organization=m.organization or "",
                layer=m.layer or "",
                layer_label=layers.get(m.layer or "", ""),
                degree=m.degree,
                betweenness=round(m.betweenness, 4),
                harmonic_closeness=round(m.harmonic_closeness, 4),
                constraint=None if m.constraint is None else round(m.constraint, 4),
                cut_point=m.cut_point,
                brokerage=m.brokerage,
            )
            for m in graph.members
        ],
        edges=graph.edges,
        lost=graph.lost,
        centrality_sample=graph.centrality_sample,
    )


@dataclass(frozen=True)
class FigureChange:
    """A network figure in the previous round and this one, formatted."""

    label: str
    before: str
    after: str
    change: str


@dataclass(frozen=True)
class RoundComparison:
    ties_new: int
    ties_lost: int
    ties_kept: int
    joined: list[str]
    left: list[str]
    rows: list[FigureChange]
    findings: list[str]
    #: Ties in one round only, of someone who did not answer the other (``None``: not
    #: recorded in a comparison stored before schema 2).
    ties_not_compared: int | None = None


def comparison(data: StoredRound | Diagnosis, labels: Labels) -> RoundComparison | None:
    """Ties and members gained and lost, and the change of each network figure."""
    found = _diagnosis(data).comparison
    if found is None:
        return None
    by_metric = {c.metric: c for c in found.network}
    rows = [
        FigureChange(
            label=str(label),
            before=texts.metric(key, change.before),
            after=texts.metric(key, change.after),
            change=texts.metric_change(key, change.change),
        )
        for key, label in texts.NETWORK_METRICS.items()
        if (change := by_metric.get(key)) is not None
    ]
    return RoundComparison(
        ties_new=found.ties_new,
        ties_lost=found.ties_lost,
        ties_kept=found.ties_kept,
        joined=[labels(m) for m in found.members_joined],
        left=[labels(m) for m in found.members_left],
        rows=rows,
        findings=[_finding_text(f, labels) for f in found.findings],
        ties_not_compared=found.ties_not_compared,
    )


# -- Health ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class HealthDimension:
    """A dimension's score with its name, description and band in the reader's language."""

    key: str
    name: str
    description: str
    discuss: str
    mean: float | None
    #: The score as shown, rounded once (netlead.analysis.health.shown_score): the figure,
    #: the bar (`meter`, machine-readable "3.0") and the band all read it.
    shown: str
    meter: str
    band: str | None
    band_label: str
    respondents: int


@dataclass(frozen=True)
class HealthGroup:
    """An organization or layer: its scores, or the reason they are not shown."""

    name: str
    respondents: int
    scores: list[HealthDimension]
    reason: str


@dataclass(frozen=True)
class HealthChange:
    name: str
    before: str
    after: str
    change: str


@dataclass(frozen=True)
class HealthDashboard:
    respondents: int
    k: int
    #: Why nothing is shown (fewer than k answered), or "".
    reason: str
    dimensions: list[HealthDimension]
    dimension_names: list[str]
    by_organization: list[HealthGroup]
    by_layer: list[HealthGroup]
    changes: list[HealthChange]


def health_dashboard(data: StoredRound | Health, language: str) -> HealthDashboard:
    """The health summary with dimension names, bands and reasons for what is not shown."""
    instrument = health_check(language)
    names = {d.key: d for d in instrument.dimensions}
    health = _health(data)
    summary = health.summary
    k = summary.k

    def reason(code: str | None) -> str:
        return str(texts.SUPPRESSION[code]) % {"k": k} if code else ""

    def scores(dimensions: tuple[DimensionScore, ...]) -> list[HealthDimension]:
        return [
            HealthDimension(
                key=d.dimension,
                name=names[d.dimension].name,
                description=names[d.dimension].description,
                discuss=names[d.dimension].discuss,
                mean=d.mean,
                shown=texts.score(d.mean),
                meter="" if d.mean is None else f"{shown_score(d.mean):.1f}",
                band=band(d.mean),
                band_label=instrument.bands.get(band(d.mean) or "", ""),
                respondents=d.respondents,
            )
            for d in dimensions
            if d.dimension in names
        ]

    def groups(rows: tuple[GroupHealth, ...], layer: bool) -> list[HealthGroup]:
        return [
            HealthGroup(
                name=str(Layer(g.group).label) if layer and g.group in Layer.values else g.group,
                respondents=g.respondents,
                scores=scores(g.dimensions),
                reason=reason(g.suppressed),
            )
            for g in rows
        ]

    return HealthDashboard(
        respondents=summary.respondents,
        k=k,
        reason=reason(summary.suppressed),
        dimensions=scores(summary.dimensions),
        dimension_names=[d.name for d in instrument.dimensions],
        by_organization=groups(summary.by_organization, layer=False),
        by_layer=groups(summary.by_layer, layer=True),
        changes=[
            HealthChange(
                name=names[c.dimension].name,
                before=texts.num(c.before),
                after=texts.num(c.after),
                change=texts.DASH if c.change is None else texts.signed(c.change, 2),
            )
            for c in health.comparison
            if c.dimension in names
        ],
    )
