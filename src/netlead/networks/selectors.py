"""Reads of a network, with the joins they need."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet

from netlead import frameworks
from netlead.accounts.models import User
from netlead.networks.models import (
    CONTRIBUTORS,
    CharterMandate,
    CharterResponse,
    CharterStatus,
    CharterVersion,
    Measurement,
    Network,
    NetworkMember,
    PhaseCheck,
    PhaseTransition,
    Result,
)
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
        agreed=agreed, proposal=proposal, not_responded=not_responded, history=history
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
