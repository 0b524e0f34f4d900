"""Every metric against NetworkX on small hand-made graphs and classic data sets that
NetworkX ships (Zachary's karate club, Padgett's Florentine families, Krackhardt's
kite, Petersen, house-x). Davis' southern women and Les Miserables are kept out of
the tests on purpose: bench/analysis/verify_published.py checks the command on them."""

from __future__ import annotations

import math
from dataclasses import asdict
from typing import Any

import networkx as nx
import pytest

from netlead.analysis import Network, diagnose
from tests.analysis.helpers import brokerage_brute, fragmentation_of, nx_views, to_network

APPROX = {"rel": 1e-9, "abs": 1e-12}


def _orgs(graph: Any, attr: str | None) -> dict[Any, str | None]:
    if attr is not None:
        return {v: str(graph.nodes[v][attr]) for v in graph}
    # Deterministic synthetic organizations, some members without one.
    return {v: (None if i % 7 == 6 else f"org{i % 3}") for i, v in enumerate(graph)}


def _directed_variant(graph: nx.Graph) -> nx.DiGraph:
    """Orient edges deterministically, reciprocating every third one."""
    d = nx.DiGraph()
    d.add_nodes_from(graph)
    for i, (a, b) in enumerate(sorted(graph.edges(), key=str)):
        d.add_edge(a, b)
        if i % 3 == 0:
            d.add_edge(b, a)
    return d


def _hand_made() -> nx.Graph:
    g = nx.Graph()
    g.add_edges_from([(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4), (7, 8)])
    g.add_node(9)
    return g


GRAPHS = {
    "karate": (nx.karate_club_graph, "club"),
    "florentine": (nx.florentine_families_graph, None),
    "petersen": (nx.petersen_graph, None),
    "house_x": (nx.house_x_graph, None),
    "kite": (nx.krackhardt_kite_graph, None),
    "hand_made": (_hand_made, None),
}


def check_against_networkx(network: Network, org: dict[str, str | None]) -> None:
    d, u = nx_views(network)
    n = d.number_of_nodes()
    result = diagnose(network, seed=3)
    net = result.network
    assert net.members == n
    assert net.ties == d.number_of_edges()
    assert net.density == pytest.approx(nx.density(d), **APPROX)
    if d.number_of_edges():
        assert net.reciprocity == pytest.approx(nx.reciprocity(d), **APPROX)
    assert net.components == nx.number_weakly_connected_components(d)
    assert net.fragmentation == pytest.approx(fragmentation_of(u), **APPROX)
    assert net.transitivity == pytest.approx(nx.transitivity(u), **APPROX)
    assert net.average_clustering == pytest.approx(nx.average_clustering(u), **APPROX)
    degrees = dict(u.degree())
    top = max(degrees.values())
    assert net.degree_centralization == pytest.approx(
        sum(top - x for x in degrees.values()) / ((n - 1) * (n - 2)), **APPROX
    )
    internal = sum(
        1 for a, b in u.edges() if org[a] is not None and org[b] is not None and org[a] == org[b]
    )
    external = sum(
        1 for a, b in u.edges() if org[a] is not None and org[b] is not None and org[a] != org[b]
    )
    if internal + external:
        assert net.cross_organization_share == pytest.approx(external / (internal + external))
        assert net.ei_index == pytest.approx((external - internal) / (external + internal))
    partition: dict[str, set[str]] = {}
    for v in u:
        partition.setdefault(org[v] if org[v] is not None else f"__{v}", set()).add(v)
    if u.number_of_edges() and any(o is not None for o in org.values()):
        assert net.organization_modularity == pytest.approx(
            nx.community.modularity(u, partition.values()), **APPROX
        )
    communities: dict[int, set[str]] = {}
    for m in result.members:
        communities.setdefault(m.community, set()).add(m.id)
    if u.number_of_edges():
        assert net.communities.modularity == pytest.approx(
            nx.community.modularity(u, communities.values()), **APPROX
        )

    betweenness = nx.betweenness_centrality(u)
    harmonic = nx.harmonic_centrality(u)
    constraint = nx.constraint(u)
    esize = nx.effective_size(u)
    core = nx.core_number(u)
    clustering = nx.clustering(u)
    articulation = set(nx.articulation_points(u))
    roles = brokerage_brute(d, org)
    for m in result.members:
        v = m.id
        assert m.degree == u.degree(v)
        assert m.in_degree == d.in_degree(v)
        assert m.out_degree == d.out_degree(v)
        assert m.betweenness == pytest.approx(betweenness[v], **APPROX)
        assert m.harmonic_closeness == pytest.approx(harmonic[v] / (n - 1), **APPROX)
        if math.isnan(constraint[v]):
            assert m.constraint is None
        else:
            assert m.constraint == pytest.approx(constraint[v], **APPROX)
        if math.isnan(esize[v]):
            assert m.effective_size is None
        else:
            assert m.effective_size == pytest.approx(esize[v], **APPROX)
        assert m.core == core[v]
        assert m.clustering == pytest.approx(clustering[v], **APPROX)
        assert m.cut_point == (v in articulation)
        if m.cut_point:
            h = u.copy()
            h.remove_node(v)
            assert m.fragmentation_without == pytest.approx(fragmentation_of(h), **APPROX)
        else:
            assert m.fragmentation_without is None
        expected = roles[v]
        got = asdict(m.brokerage)
        assert got == expected, v


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_undirected_data_sets(name: str) -> None:
    factory, attr = GRAPHS[name]
    graph = factory()
    org = {str(k): v for k, v in _orgs(graph, attr).items()}
    check_against_networkx(to_network(graph, _orgs(graph, attr)), org)


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_directed_variants(name: str) -> None:
    factory, attr = GRAPHS[name]
    graph = factory()
    orgs = _orgs(graph, attr)
    check_against_networkx(
        to_network(_directed_variant(graph), orgs), {str(k): v for k, v in orgs.items()}
    )


def test_kite_known_values() -> None:
    """Krackhardt's kite: Heather (7) has the highest betweenness, Diane (3) the
    highest degree; Heather and Ike (8) are the cut points, and without Ike, Jane
    (9) is alone."""
    result = diagnose(to_network(nx.krackhardt_kite_graph()))
    by_id = {m.id: m for m in result.members}
    assert max(result.members, key=lambda m: m.betweenness).id == "7"
    assert max(result.members, key=lambda m: m.degree).id == "3"
    cuts = sorted(m.id for m in result.members if m.cut_point)
    assert cuts == ["7", "8"]
    # Without Ike (8), Jane (9) is alone: 8 of the 9 remaining can still reach
    # each other, so 1 - 8*7/(9*8) of ordered pairs are disconnected.
    assert by_id["8"].fragmentation_without == pytest.approx(1 - 56 / 72)


def test_weaving_constraint_reduction_matches_networkx() -> None:
    """Each introduction's constraint reduction is the two people's constraint now minus
    their constraint (NetworkX) in the network with the new tie."""

    def zero_if_nan(x: float) -> float:  # an isolated member has no constraint (None)
        return 0.0 if math.isnan(x) else x

    checked = 0
    for factory, attr in GRAPHS.values():
        graph = factory()
        network = to_network(graph, _orgs(graph, attr))
        _, u = nx_views(network)
        before = nx.constraint(u)
        for s in diagnose(network, seed=3).suggestions:
            with_tie = u.copy()
            with_tie.add_edge(s.source, s.target)
            after = nx.constraint(with_tie, nodes=[s.source, s.target])
            expected = (
                zero_if_nan(before[s.source])
                + zero_if_nan(before[s.target])
                - after[s.source]
                - after[s.target]
            )
            assert s.constraint_reduction == pytest.approx(expected, **APPROX), s
            checked += 1
    assert checked >= 10
