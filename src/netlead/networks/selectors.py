"""Reads of a network, with the joins they need."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from netlead import frameworks
from netlead.accounts.models import User
from netlead.analysis.decisions import RuleProgress, progress
from netlead.analysis.textdiff import DiffRow, side_by_side
from netlead.networks.models import (
    CONTRIBUTORS,
    CharterMandate,
    CharterResponse,
    CharterStatus,
    CharterVersion,
    Measurement,
    Network,
    NetworkMember,
    NetworkRole,
    PhaseCheck,
    PhaseTransition,
    Result,
)
from netlead.networks.rules import can_restore, leaves_no_leader
from netlead.workspaces.models import Layer, Organization, Workspace


def user_networks(workspace: Workspace, user: User) -> QuerySet[NetworkMember]:
    """The user's current memberships of networks in the workspace, with member counts."""
    return (
        NetworkMember.objects.current()
        .filter(network__workspace=workspace, person__user=user)
        .select_related("network")
        .annotate(
            member_count=Count(
                "network__members", filter=Q(network__members__left_on__isnull=True), distinct=True
            )
        )
        .order_by("network__name")
    )


@dataclass
class OrganizationGroup:
    organization: Organization | None
    by_layer: dict[str, list[NetworkMember]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(len(members) for members in self.by_layer.values())

    @property
    def layers_present(self) -> list[str]:
        return [layer for layer in Layer.values if self.by_layer.get(layer)]

    @property
    def single_layer(self) -> bool:
        return len(self.layers_present) == 1


@dataclass(frozen=True)
class MembersOverview:
    groups: list[OrganizationGroup]
    former: list[NetworkMember]
    total: int

    @property
    def single_layer_organizations(self) -> list[OrganizationGroup]:
        return [g for g in self.groups if g.organization is not None and g.single_layer]


def members_overview(network: Network) -> MembersOverview:
    """Current members grouped by organization and layer, and the former members."""
    members = list(
        network.members.select_related("person", "person__organization", "person__user").order_by(
            "person__organization__name", "person__name"
        )
    )
    groups: dict[int | None, OrganizationGroup] = {}
    for member in members:
        if member.left_on is not None:
            continue
        organization = member.person.organization
        key = organization.pk if organization else None
        group = groups.setdefault(key, OrganizationGroup(organization=organization))
        group.by_layer.setdefault(member.person.layer or "", []).append(member)
    layer_order = [*Layer.values, ""]
    for group in groups.values():
        group.by_layer = {
            layer: group.by_layer[layer] for layer in layer_order if layer in group.by_layer
        }
    ordered = sorted(
        groups.values(),
        key=lambda g: (g.organization is None, g.organization.name if g.organization else ""),
    )
    return MembersOverview(
        groups=ordered,
        former=[m for m in members if m.left_on is not None],
        total=sum(g.total for g in ordered),
    )


@dataclass(frozen=True)
class CharterState:
    agreed: CharterVersion | None
    proposal: CharterVersion | None
    not_responded: list[NetworkMember]
    history: list[CharterVersion]
    rule: RuleProgress | None = None
    versions: list[CharterVersion] = field(default_factory=list)


def charter_rule_progress(version: CharterVersion) -> RuleProgress:
    """Where a proposed version stands under the network's decision rule: the current
    contributing members decide; responses of people who left since do not count."""
    network = version.network
    deciders = set(
        network.members.current().filter(role__in=CONTRIBUTORS).values_list("pk", flat=True)
    )
    agreed = objections = 0
    for member_id, agrees in version.responses.values_list("member_id", "agrees"):
        if member_id in deciders:
            agreed += agrees
            objections += not agrees
    return progress(
        kind=network.decision_rule,
        days=network.decision_days,
        eligible=len(deciders),
        agreed=agreed,
        objections=objections,
        opened_on=timezone.localdate(version.proposed_at),
        today=timezone.localdate(),
    )


#: The texts of a version that are compared, in the order the charter shows them.
CHARTER_TEXTS = ("necessity", "shared_interest", "values", "rules", "decision_rules")


@dataclass(frozen=True)
class ComparedSection:
    label: str
    rows: list[DiffRow]

    @property
    def changed(self) -> bool:
        return any(row.kind != "equal" for row in self.rows)


@dataclass(frozen=True)
class CharterComparison:
    """Two versions' texts side by side, section by section (mandates per organization last)."""

    left: CharterVersion
    right: CharterVersion
    sections: list[ComparedSection]


def charter_compare(left: CharterVersion, right: CharterVersion) -> CharterComparison:
    sections = [
        ComparedSection(
            label=str(getattr(CharterVersion._meta.get_field(name), "verbose_name", name)),
            rows=side_by_side(getattr(left, name), getattr(right, name)),
        )
        for name in CHARTER_TEXTS
    ]
    left_mandates = {
        m.organization: m.mandate for m in left.mandates.select_related("organization")
    }
    right_mandates = {
        m.organization: m.mandate for m in right.mandates.select_related("organization")
    }
    for organization in sorted({*left_mandates, *right_mandates}, key=lambda o: o.name):
        sections.append(
            ComparedSection(
                label=_("Mandate: %(organization)s") % {"organization": organization.name},
                rows=side_by_side(
                    left_mandates.get(organization, ""), right_mandates.get(organization, "")
                ),
            )
        )
    return CharterComparison(left=left, right=right, sections=sections)


def charter_state(network: Network) -> CharterState:
    versions = list(
        network.charter_versions.select_related("proposed_by").prefetch_related(
            Prefetch("mandates", queryset=CharterMandate.objects.select_related("organization")),
            Prefetch(
                "responses", queryset=CharterResponse.objects.select_related("member__person")
            ),
        )
    )
    agreed = next((v for v in versions if v.status == CharterStatus.AGREED), None)
    proposal = next((v for v in versions if v.status == CharterStatus.PROPOSED), None)
    not_responded: list[NetworkMember] = []
    if proposal is not None:
        responded = {r.member_id for r in proposal.responses.all()}
        not_responded = list(
            network.members.current()
            .filter(role__in=CONTRIBUTORS)
            .exclude(pk__in=responded)
            .select_related("person")
        )
    history = [v for v in versions if v.status in (CharterStatus.AGREED, CharterStatus.SUPERSEDED)]
    return CharterState(
        agreed=agreed,
        proposal=proposal,
        not_responded=not_responded,
        history=history,
        rule=charter_rule_progress(proposal) if proposal is not None else None,
        versions=versions,
    )


@dataclass(frozen=True)
class ResultRow:
    result: Result
    latest: Measurement | None
    progress: float | None  # share of the way from baseline to target, 0..1 (may exceed)


def _progress(result: Result, latest: Measurement | None) -> float | None:
    if latest is None or result.target == result.baseline:
        return None
    return float((latest.value - result.baseline) / (result.target - result.baseline))


def results_overview(network: Network) -> list[ResultRow]:
    results = network.results.select_related("owner_organization").prefetch_related(
        Prefetch("measurements", queryset=Measurement.objects.order_by("measured_on", "pk"))
    )
    rows = []
    for result in results:
        measurements = list(result.measurements.all())
        latest = measurements[-1] if measurements else None
        rows.append(ResultRow(result=result, latest=latest, progress=_progress(result, latest)))
    return rows


def result_series(result: Result) -> dict[str, list[str] | list[float] | float]:
    """The data behind a result's progress chart."""
    measurements = list(result.measurements.order_by("measured_on", "pk"))
    return {
        "labels": [m.measured_on.isoformat() for m in measurements],
        "values": [float(m.value) for m in measurements],
        "baseline": float(result.baseline),
        "target": float(result.target),
    }


@dataclass(frozen=True)
class PhaseView:
    phase: frameworks.Phase
    all_phases: tuple[frameworks.Phase, ...]
    done: set[str]
    transitions: list[PhaseTransition]

    @property
    def next_phase(self) -> frameworks.Phase | None:
        return next((p for p in self.all_phases if p.number == self.phase.number + 1), None)

    @property
    def open_items(self) -> list[frameworks.PhaseItem]:
        return [i for i in self.phase.checklist if i.key not in self.done]


def phase_view(network: Network, language: str, number: int | None = None) -> PhaseView:
    all_phases = frameworks.phases(language)
    chosen = number or network.phase
    phase = next(p for p in all_phases if p.number == chosen)
    done = set(
        PhaseCheck.objects.filter(network=network, phase=phase.number).values_list(
            "item", flat=True
        )
    )
    transitions = list(network.phase_transitions.select_related("decided_by"))
    return PhaseView(phase=phase, all_phases=all_phases, done=done, transitions=transitions)


def layer_counts(network: Network) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for layer in network.members.current().values_list("person__layer", flat=True):
        counts[layer or ""] += 1
    return dict(counts)


@dataclass(frozen=True)
class LeaveConsequences:
    """What follows when a member leaves the network, shown before it happens."""

    open_actions: int
    counts_on_proposal: bool
    last_leader: bool


def leave_consequences(member: NetworkMember) -> LeaveConsequences:
    network = member.network
    proposal = network.charter_versions.filter(status=CharterStatus.PROPOSED).first()
    return LeaveConsequences(
        # Actions live in the meetings app; the reverse relation keeps this app unaware of it.
        open_actions=member.actions.filter(status="open").count(),
        counts_on_proposal=proposal is not None
        and proposal.responses.filter(member=member).exists(),
        last_leader=leaves_no_leader(
            member,
            new_role=None,
            other_leaders=network.members.current()
            .filter(role=NetworkRole.LEADER)
            .exclude(pk=member.pk)
            .count(),
        ),
    )


def restorable_members(overview: MembersOverview) -> set[int]:
    """The former members whose leaving can still be undone: recent, and not back already."""
    today = timezone.localdate()
    current = {m.person_id for g in overview.groups for ms in g.by_layer.values() for m in ms}
    return {
        m.pk for m in overview.former if can_restore(m, today=today) and m.person_id not in current
    }
