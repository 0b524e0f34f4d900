"""Two rounds of one network compared: ties and members gained and lost, and the
change of every metric."""

from __future__ import annotations

from dataclasses import dataclass

from netlead.analysis.findings import rank
from netlead.analysis.model import Network
from netlead.analysis.results import Comparison, Diagnosis, Finding, MetricChange

__all__ = [
    "MEMBER_METRICS",
    "NETWORK_METRICS",
    "ORGANIZATION_METRICS",
    "PairChanges",
    "compare",
    "pair_changes",
]

NETWORK_METRICS: tuple[str, ...] = (
    "members",
    "ties",
    "density",
    "reciprocity",
    "components",
    "largest_component_share",
    "fragmentation",
    "isolates",
    "transitivity",
    "average_clustering",
    "degree_centralization",
    "cross_organization_share",
    "ei_index",
    "layer_ei_index",
    "organization_modularity",
    "max_core",
    "cut_points",
    "organizations_without_external_tie",
)
MEMBER_METRICS: tuple[str, ...] = (
    "degree",
    "in_degree",
    "out_degree",
    "betweenness",
    "harmonic_closeness",
    "constraint",
    "effective_size",
    "efficiency",
    "clustering",
    "core",
)
ORGANIZATION_METRICS: tuple[str, ...] = (
    "members",
    "internal_ties",
    "external_ties",
    "internal_density",
    "partners",
    "ei_index",
)
_TRUST = "trust"


def _change(metric: str, before: object, after: object) -> MetricChange:
    b = float(before) if isinstance(before, (int, float)) else None
    a = float(after) if isinstance(after, (int, float)) else None
    return MetricChange(metric, b, a, a - b if a is not None and b is not None else None)


def compare(
    before: Network, after: Network, before_diagnosis: Diagnosis, after_diagnosis: Diagnosis
) -> Comparison:
    """Compare two rounds: ``after`` against the earlier ``before``.

    Ties are matched by (source, target): new (only after), lost (only before),
    kept (both). A tie in one round only whose source is a member of the other round but
    did not answer it (``Member.responded``) is neither new nor lost: nobody knows whether
    it is still there; such ties are counted as ``ties_not_compared``. Members joined / left by id. Every network metric, every metric of
    the members present in both rounds and of the organizations in both is given
    before, after and as a change (after - before).

    >>> from netlead.analysis.model import Member, Tie
    >>> from netlead.analysis.diagnosis import diagnose
    >>> a = Network((Member("x"), Member("y")), ())
    >>> b = Network((Member("x"), Member("y")), (Tie("x", "y"),))
    >>> compare(a, b, diagnose(a), diagnose(b)).ties_new
    1
    """
    ties_before = {(t.source, t.target) for t in before.ties}
    ties_after = {(t.source, t.target) for t in after.ties}
    ids_before = {m.id for m in before.members}
    ids_after = {m.id for m in after.members}
    network = tuple(
        _change(m, getattr(before_diagnosis.network, m), getattr(after_diagnosis.network, m))
        for m in NETWORK_METRICS
    )
    trust_before = before_diagnosis.ratings.network.trust if before_diagnosis.ratings else None
    trust_after = after_diagnosis.ratings.network.trust if after_diagnosis.ratings else None
    network += (_change(_TRUST, trust_before, trust_after),)
    old_members = {m.id: m for m in before_diagnosis.members}
    members = {
        m.id: tuple(
            _change(metric, getattr(old_members[m.id], metric), getattr(m, metric))
            for metric in MEMBER_METRICS
        )
        for m in after_diagnosis.members
        if m.id in old_members
    }
    old_orgs = {o.organization: o for o in before_diagnosis.organizations}
    organizations = {
        o.organization: tuple(
            _change(metric, getattr(old_orgs[o.organization], metric), getattr(o, metric))
            for metric in ORGANIZATION_METRICS
        )
        for o in after_diagnosis.organizations
        if o.organization in old_orgs
    }
    silent_before = _silent(before)
    silent_after = _silent(after)
    only_after = [t for t in ties_after - ties_before if t[0] not in silent_before]
    only_before = [t for t in ties_before - ties_after if t[0] not in silent_after]
    new, lost, kept = len(only_after), len(only_before), len(ties_after & ties_before)
    unknown = len(ties_after ^ ties_before) - new - lost
    return Comparison(
        ties_new=new,
        ties_lost=lost,
        ties_kept=kept,
        members_joined=tuple(sorted(ids_after - ids_before)),
        members_left=tuple(sorted(ids_before - ids_after)),
        network=network,
        members=dict(sorted(members.items())),
        organizations=dict(sorted(organizations.items())),
        findings=_findings(network, new, lost, unknown),
        ties_not_compared=unknown,
    )


def _silent(network: Network) -> set[str]:
    """Members of the round who did not answer it."""
    return {m.id for m in network.members if not m.responded}


@dataclass(frozen=True, slots=True)
class PairChanges:
    """Pairs of members (sorted ids) tied, in either direction, in one round only."""

    new: tuple[tuple[str, str], ...]
    lost: tuple[tuple[str, str], ...]
    #: Pairs tied in one round only that are unknown in the other: one of the two is a member
    #: of that round and did not answer it.
    not_compared: tuple[tuple[str, str], ...]


def pair_changes(before: Network, after: Network) -> PairChanges:
    """Pairs tied (in the undirected view) in one round and not in the other. A pair is new
    or lost only when its absence is known: everyone of the two who was a member of the round
    without the tie answered it; otherwise it is not compared.

    >>> from netlead.analysis.model import Member, Tie
    >>> a = Network((Member("x"), Member("y")), (Tie("x", "y"),))
    >>> b = Network((Member("x"), Member("y", responded=False)), ())
    >>> pair_changes(a, b).lost, pair_changes(a, b).not_compared
    ((), (('x', 'y'),))
    """

    def pairs(network: Network) -> set[tuple[str, str]]:
        return {(min(t.source, t.target), max(t.source, t.target)) for t in network.ties}

    p_before, p_after = pairs(before), pairs(after)
    silent_before, silent_after = _silent(before), _silent(after)
    new: list[tuple[str, str]] = []
    lost: list[tuple[str, str]] = []
    unknown: list[tuple[str, str]] = []
    for pair in sorted(p_after - p_before):
        (unknown if silent_before.intersection(pair) else new).append(pair)
    for pair in sorted(p_before - p_after):
        (unknown if silent_after.intersection(pair) else lost).append(pair)
    return PairChanges(new=tuple(new), lost=tuple(lost), not_compared=tuple(sorted(unknown)))


def _findings(
    network: tuple[MetricChange, ...], new: int, lost: int, unknown: int
) -> tuple[Finding, ...]:
    by_name = {c.metric: c for c in network}
    out = [Finding("ties_changed", {"new": new, "lost": lost}, new - lost, 0.5)]
    if unknown:
        out.append(Finding("ties_not_compared", {"count": unknown}, unknown, 0.55))
    frag = by_name["fragmentation"].change
    if frag is not None and abs(frag) >= 0.01:
        key = "fragmentation_rose" if frag > 0 else "fragmentation_fell"
        out.append(Finding(key, {}, frag, 0.6 + min(abs(frag), 0.4)))
    cross = by_name["cross_organization_share"].change
    if cross is not None and abs(cross) >= 0.02:
        key = "cross_organization_rose" if cross > 0 else "cross_organization_fell"
        out.append(Finding(key, {}, cross, 0.5 + min(abs(cross), 0.4)))
    trust = by_name[_TRUST].change
    if trust is not None and abs(trust) >= 0.1:
        key = "trust_rose" if trust > 0 else "trust_fell"
        out.append(Finding(key, {}, trust, 0.55 + min(abs(trust) / 3.0, 0.4)))
    return rank(out)
