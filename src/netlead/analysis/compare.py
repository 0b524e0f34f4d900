"""Two rounds of one network compared: ties and members gained and lost, and the
change of every metric."""

from __future__ import annotations

from netlead.analysis.findings import rank
from netlead.analysis.model import Network
from netlead.analysis.results import Comparison, Diagnosis, Finding, MetricChange

__all__ = ["MEMBER_METRICS", "NETWORK_METRICS", "ORGANIZATION_METRICS", "compare"]

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
    kept (both). Members joined / left by id. Every network metric, every metric of
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
    new, lost, kept = (
        len(ties_after - ties_before),
        len(ties_before - ties_after),
        len(ties_after & ties_before),
    )
    return Comparison(
        ties_new=new,
        ties_lost=lost,
        ties_kept=kept,
        members_joined=tuple(sorted(ids_after - ids_before)),
        members_left=tuple(sorted(ids_before - ids_after)),
        network=network,
        members=dict(sorted(members.items())),
        organizations=dict(sorted(organizations.items())),
        findings=_findings(network, new, lost),
    )


def _findings(network: tuple[MetricChange, ...], new: int, lost: int) -> tuple[Finding, ...]:
    by_name = {c.metric: c for c in network}
    out = [Finding("ties_changed", {"new": new, "lost": lost}, new - lost, 0.5)]
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
