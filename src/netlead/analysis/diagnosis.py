"""The one entry point: ``diagnose(network) -> Diagnosis``, and ``to_dict``."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import fields, is_dataclass, replace
from typing import Any

import numpy as np

from netlead.analysis import sna
from netlead.analysis.brokerage import brokerage_roles
from netlead.analysis.centrality import DEFAULT_EXACT_LIMIT, centralities
from netlead.analysis.cutpoints import cut_points, fragmentation
from netlead.analysis.findings import find, low_response, rank
from netlead.analysis.graph import Graphs, build_graphs
from netlead.analysis.keyplayers import key_players
from netlead.analysis.missing import (
    DEFAULT_RESPONSE_THRESHOLD,
    MISSING_METHODS,
    Response,
    estimated_cross_share,
    observed_density,
    observed_reciprocity,
    reconstruct,
    respondents_only,
    response_of,
)
from netlead.analysis.model import Network
from netlead.analysis.ratings import aggregate_ratings
from netlead.analysis.results import (
    Brokerage,
    Communities,
    Diagnosis,
    MemberMetrics,
    NetworkMetrics,
    OrganizationMetrics,
    OrganizationResponse,
    OrgRatingCell,
    OrgTieCell,
)
from netlead.analysis.suggestions import suggest

__all__ = ["SCHEMA_VERSION", "diagnose", "to_dict"]

#: 2: the response rate and the method for missing answers (network.respondents,
#: response_rate, missing_data, reconstructed_ties, response_threshold, low_response;
#: organizations[].respondents, response_rate; comparison.ties_not_compared).
#: 3: trust and value per pair of organizations (rating_matrix), communities across
#: organizations (community_organizations), key-player sets (key_players); the finding
#: org_single_bridge names its member (params.name).
#: 4: betweenness and closeness exact or estimated: ``centrality_method`` ("exact" |
#: "estimated") and ``centrality_sample`` replace betweenness_method, betweenness_pivots and
#: closeness_method.
SCHEMA_VERSION = 4


def diagnose(
    network: Network,
    *,
    k: int = 3,
    seed: int = 0,
    exact_limit: int = DEFAULT_EXACT_LIMIT,
    sample: int | None = None,
    suggestions: int = 20,
    missing: str = "reconstruct",
    response_threshold: float = DEFAULT_RESPONSE_THRESHOLD,
) -> Diagnosis:
    """Diagnose a network: whole-network, member, organization and rating figures,
    ranked findings and weaving suggestions.

    ``k`` is the minimum number of raters behind any rating aggregate; ``seed``
    fixes Leiden and, above ``exact_limit`` members, the sources from which betweenness
    and closeness are estimated (``sample`` of them in the first stage; default
    :func:`~netlead.analysis.centrality.sample_size`). Every metric is defined in docs/analysis.md.

    Members with ``responded=False`` did not answer: ``missing`` chooses how
    (:mod:`netlead.analysis.missing`): ``"reconstruct"`` (their ties from the nominations of
    respondents; density, reciprocity and the share across organizations over the observed
    pairs) or ``"respondents"`` (the respondents' network only). Below
    ``response_threshold`` the diagnosis says ``low_response`` and its first finding warns.

    >>> from netlead.analysis.model import Member, Tie
    >>> net = Network((Member("a", organization="X"), Member("b", organization="Y")),
    ...               (Tie("a", "b"),))
    >>> diagnose(net).network.cross_organization_share
    1.0
    """
    if missing not in MISSING_METHODS:
        raise ValueError(f"missing must be one of {', '.join(MISSING_METHODS)}, not {missing!r}")
    response = response_of(network)
    reconstructed = 0
    if missing == "reconstruct":
        network, reconstructed = reconstruct(network)
    else:
        network = respondents_only(network)
    graphs = build_graphs(network)
    g, u = graphs.directed, graphs.undirected
    n = graphs.n
    n_orgs = len(graphs.org_names)
    degrees: list[int] = u.degree()
    in_degrees: list[int] = g.indegree()
    out_degrees: list[int] = g.outdegree()
    clustering = sna.local_clustering(u)
    constraint = sna.constraint(u)
    esize = sna.effective_size(degrees, clustering)
    cores: list[int] = u.coreness() if n else []
    communities = sna.leiden(u, seed=seed)
    central = centralities(u, exact_limit=exact_limit, sample=sample, seed=seed)
    cuts = cut_points(u)
    roles = brokerage_roles(g, graphs.org, ends=graphs.directed_ends, undirected=u)
    # Edge i of the directed view is tie i (build_graphs keeps their order).
    tie_ends = graphs.directed_ends
    rated = aggregate_ratings(
        network.ties,
        graphs.index,
        graphs.org,
        n_orgs,
        graphs.layer,
        k=k,
        ends=(tie_ends[:, 0], tie_ends[:, 1]),
    )
    org_ties = sna.group_ties(graphs.undirected_ends, graphs.org, n_orgs)
    layer_ties = sna.group_ties(graphs.undirected_ends, graphs.layer, len(graphs.layer_names))

    members = tuple(
        MemberMetrics(
            id=m.id,
            name=m.name,
            organization=m.organization,
            layer=m.layer,
            degree=degrees[i],
            in_degree=in_degrees[i],
            out_degree=out_degrees[i],
            betweenness=central.betweenness[i],
            harmonic_closeness=central.harmonic[i],
            constraint=constraint[i],
            effective_size=esize[i],
            efficiency=_ratio(esize[i], degrees[i]),
            clustering=clustering[i],
            core=cores[i],
            community=communities[i],
            cut_point=cuts.is_cut[i],
            fragmentation_without=cuts.fragmentation_without[i],
            disconnected_share=cuts.disconnected_share[i],
            brokerage=roles[i],
            ratings_received=rated.members[i],
        )
        for i, m in enumerate(network.members)
    )
    organizations, matrix = _organizations(graphs, org_ties, rated)
    network_metrics = _network_metrics(
        graphs,
        degrees,
        clustering,
        cores,
        communities,
        org_ties,
        layer_ties,
        seed=seed,
        method=central.method,
        sample=central.sample,
        cut_count=sum(cuts.is_cut),
        isolated_orgs=sum(1 for o in organizations if o.isolated),
    )
    network_metrics = _with_response(
        network_metrics,
        network,
        graphs,
        response,
        missing=missing,
        reconstructed=reconstructed,
        threshold=response_threshold,
    )
    findings = find(network_metrics, members, organizations, rated.summary, k=k)
    warning = low_response(network_metrics)
    if warning is not None:
        findings = rank([warning, *findings])
    names = graphs.org_names
    rating_matrix = tuple(
        OrgRatingCell(source=names[a], target=names[b], ratings=aggregate)
        for (a, b), aggregate in rated.org_matrix.items()
    )
    weaving = suggest(
        graphs,
        betweenness=central.betweenness,
        constraint=constraint,
        external_ties=org_ties.external_by_group,
        limit=suggestions,
    )
    return Diagnosis(
        network=network_metrics,
        members=members,
        organizations=organizations,
        organization_matrix=matrix,
        ratings=rated.summary,
        findings=findings,
        suggestions=weaving,
        k=k,
        rating_matrix=rating_matrix,
        community_organizations=sna.community_mix(
            communities, [m.organization for m in network.members]
        ),
        key_players=key_players(u, graphs.ids, central.betweenness, seed=seed),
    )


def _with_response(
    metrics: NetworkMetrics,
    network: Network,
    graphs: Graphs,
    response: Response,
    *,
    missing: str,
    reconstructed: int,
    threshold: float,
) -> NetworkMetrics:
    """The response figures, and (reconstruction with someone silent) density, reciprocity and
    the mixing across organizations over the observed pairs instead of all pairs."""
    rate = response.rate
    changes: dict[str, Any] = {
        "members_asked": response.members,
        "respondents": response.respondents,
        "response_rate": rate,
        "response_by_organization": {
            name: OrganizationResponse(members, said, said / members if members else None)
            for name, (members, said) in response.by_organization.items()
        },
        "missing_data": missing,
        "reconstructed_ties": reconstructed,
        "response_threshold": threshold,
        "low_response": rate is not None and rate < threshold,
    }
    answered = [m.responded for m in network.members]
    if missing == "reconstruct" and not all(answered):
        edges: list[tuple[int, int]] = graphs.directed.get_edgelist()
        reciprocity = observed_reciprocity(edges, answered)
        share = estimated_cross_share(edges, graphs.org, answered)
        changes.update(
            density=observed_density(len(edges), graphs.n, answered.count(False)),
            reciprocity=reciprocity,
            cross_organization_share=share,
            ei_index=None if share is None else 2 * share - 1,
        )
    return replace(metrics, **changes)


def _ratio(a: float | None, b: int) -> float | None:
    return a / b if a is not None and b else None


def _network_metrics(
    graphs: Graphs,
    degrees: list[int],
    clustering: list[float],
    cores: list[int],
    communities: list[int],
    org_ties: sna.GroupTies,
    layer_ties: sna.GroupTies,
    *,
    seed: int,
    method: str,
    sample: int | None,
    cut_count: int,
    isolated_orgs: int,
) -> NetworkMetrics:
    g, u = graphs.directed, graphs.undirected
    n = graphs.n
    sizes: list[int] = u.connected_components().sizes() if n else []
    org_membership = [c if c >= 0 else len(graphs.org_names) + i for i, c in enumerate(graphs.org)]
    with_org = [i for i, c in enumerate(graphs.org) if c >= 0]
    nmi, ari = sna.partition_agreement(
        [graphs.org[i] for i in with_org], [communities[i] for i in with_org]
    )
    community_sizes = Counter(communities)
    max_core = max(cores, default=0)
    org_total = org_ties.internal + org_ties.external
    return NetworkMetrics(
        members=n,
        ties=g.ecount(),
        undirected_ties=u.ecount(),
        density=sna.density(g),
        reciprocity=sna.reciprocity(g),
        components=len(sizes),
        largest_component_share=max(sizes, default=0) / n if n else 0.0,
        fragmentation=fragmentation(sizes),
        isolates=sum(1 for d in degrees if d == 0),
        transitivity=sna.transitivity(u),
        average_clustering=sna.average_clustering(clustering),
        degree_centralization=sna.degree_centralization(degrees),
        cross_organization_share=org_ties.external / org_total if org_total else None,
        ei_index=sna.ei_index(org_ties.external, org_ties.internal),
        ei_index_by_organization={
            name: sna.ei_index(org_ties.external_by_group[c], org_ties.internal_by_group[c])
            for c, name in enumerate(graphs.org_names)
        },
        layer_ei_index=sna.ei_index(layer_ties.external, layer_ties.internal),
        ei_index_by_layer={
            name: sna.ei_index(layer_ties.external_by_group[c], layer_ties.internal_by_group[c])
            for c, name in enumerate(graphs.layer_names)
        },
        organization_modularity=sna.modularity(u, org_membership) if graphs.org_names else None,
        communities=Communities(
            count=len(community_sizes),
            modularity=sna.modularity(u, communities) if n else None,
            sizes=tuple(community_sizes[c] for c in range(len(community_sizes))),
            nmi_with_organizations=nmi,
            ari_with_organizations=ari,
            seed=seed,
        ),
        max_core=max_core,
        max_core_size=sum(1 for c in cores if c == max_core) if n else 0,
        cut_points=cut_count,
        organizations=len(graphs.org_names),
        organizations_without_external_tie=isolated_orgs,
        centrality_method=method,
        centrality_sample=sample,
        seed=seed,
    )


def _organizations(
    graphs: Graphs,
    org_ties: sna.GroupTies,
    rated: Any,
) -> tuple[tuple[OrganizationMetrics, ...], tuple[OrgTieCell, ...]]:
    names = graphs.org_names
    org = np.asarray(graphs.org, dtype=np.int64)
    size = Counter(c for c in graphs.org if c >= 0)
    groups = max(len(names), 1)
    partners = [0] * len(names)
    bridges: list[list[int]] = [[] for _ in names]
    ends = graphs.undirected_ends
    ga, gb = org[ends[:, 0]], org[ends[:, 1]]
    across = (ga >= 0) & (gb >= 0) & (ga != gb)
    if across.any():
        a, b = ends[across, 0], ends[across, 1]
        ga, gb = ga[across], gb[across]
        # Partners: distinct organizations on the other end; bridges: distinct members.
        linked = np.unique(np.concatenate([ga * groups + gb, gb * groups + ga]))
        for c, count in zip(*np.unique(linked // groups, return_counts=True), strict=True):
            partners[int(c)] = int(count)
        held = np.unique(np.concatenate([ga * graphs.n + a, gb * graphs.n + b]))
        for key in held.tolist():
            bridges[key // graphs.n].append(key % graphs.n)
    directed = graphs.directed_ends
    da, db = org[directed[:, 0]], org[directed[:, 1]]
    both = (da >= 0) & (db >= 0)
    cell_keys, cell_counts = np.unique(da[both] * groups + db[both], return_counts=True)
    cells = {
        (key // groups, key % groups): count
        for key, count in zip(cell_keys.tolist(), cell_counts.tolist(), strict=True)
    }
    organizations = tuple(
        OrganizationMetrics(
            organization=name,
            members=size[c],
            internal_ties=org_ties.internal_by_group[c],
            external_ties=org_ties.external_by_group[c],
            internal_density=(
                2 * org_ties.internal_by_group[c] / (size[c] * (size[c] - 1))
                if size[c] > 1
                else 0.0
            ),
            partners=partners[c],
            ei_index=sna.ei_index(org_ties.external_by_group[c], org_ties.internal_by_group[c]),
            isolated=org_ties.external_by_group[c] == 0,
            bridges=tuple(sorted(graphs.ids[v] for v in bridges[c])),
            ratings_received=rated.org_received[c],
            ratings_given=rated.org_given[c],
        )
        for c, name in enumerate(names)
    )
    matrix = tuple(
        OrgTieCell(
            source=names[a],
            target=names[b],
            ties=count,
            density=count / (size[a] * (size[b] - 1) if a == b else size[a] * size[b])
            if (size[b] > 1 or a != b)
            else 0.0,
        )
        for (a, b), count in sorted(cells.items())
    )
    return organizations, matrix


_FIELDS: dict[type, tuple[str, ...]] = {}


def to_dict(value: Any) -> Any:
    """Convert a diagnosis (or any result dataclass) to JSON-ready plain data:
    dataclasses become dicts, tuples lists, NaN and infinities ``None``, dict keys
    sorted. Brokerage gains its ``total``; a diagnosis gains ``schema``.

    >>> to_dict(float("nan")) is None
    True
    """
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if kind is float:
        return value if value - value == 0.0 else None  # NaN and inf fail this
    names = _FIELDS.get(kind)
    if names is None and is_dataclass(value) and not isinstance(value, type):
        names = _FIELDS[kind] = tuple(f.name for f in fields(value))
    if names is not None:
        out = {}
        for name in names:
            item = getattr(value, name)
            item_kind = type(item)
            if item_kind is float:
                out[name] = item if item - item == 0.0 else None
            elif item_kind is str or item_kind is int or item_kind is bool or item is None:
                out[name] = item
            else:
                out[name] = to_dict(item)
        if kind is Brokerage:
            out["total"] = value.total
        elif kind is Diagnosis:
            out = {"schema": SCHEMA_VERSION, **out}
            if value.comparison is None:
                del out["comparison"]
        return out
    if isinstance(value, (list, tuple)):
        return [to_dict(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_dict(v) for k, v in sorted(value.items())}
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    return value
