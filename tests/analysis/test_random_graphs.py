"""Random directed graphs (hypothesis) against NetworkX and brute force."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netlead.analysis import Member, Network, Tie, diagnose
from netlead.analysis.centrality import centralities
from netlead.analysis.graph import build_graphs
from tests.analysis.test_reference import check_against_networkx

ORGS = st.sampled_from([None, "A", "B", "C", "D"])


@st.composite
def networks(draw: st.DrawFn) -> tuple[Network, dict[str, str | None]]:
    n = draw(st.integers(min_value=3, max_value=18))
    ids = [f"v{i}" for i in range(n)]
    org = {v: draw(ORGS) for v in ids}
    pairs = [(a, b) for a in ids for b in ids if a != b]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=min(len(pairs), 45)))
    members = tuple(Member(v, organization=org[v]) for v in ids)
    return Network(members, tuple(Tie(a, b) for a, b in chosen)), org


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(networks())
def test_random_networks_match_networkx(case: tuple[Network, dict[str, str | None]]) -> None:
    network, org = case
    check_against_networkx(network, org)


@settings(max_examples=25, deadline=None)
@given(networks(), st.integers(min_value=0, max_value=2**16))
def test_same_seed_same_result(case: tuple[Network, dict[str, str | None]], seed: int) -> None:
    network, _ = case
    assert diagnose(network, seed=seed) == diagnose(network, seed=seed)


def test_estimated_betweenness_follows_exact() -> None:
    graph = nx.connected_watts_strogatz_graph(600, 6, 0.1, seed=7)
    network = Network(
        tuple(Member(str(v)) for v in graph), tuple(Tie(str(a), str(b)) for a, b in graph.edges())
    )
    u = build_graphs(network).undirected
    exact = centralities(u)
    estimated = centralities(u, exact_limit=100, sample=300, seed=5)
    assert exact.method == "exact" and exact.sample is None
    assert estimated.method == "estimated" and estimated.sample is not None
    assert 300 <= estimated.sample <= 600  # the first stage and the top's neighbours
    mean_abs = sum(
        abs(a - b) for a, b in zip(exact.betweenness, estimated.betweenness, strict=True)
    )
    assert mean_abs / 600 < 0.1 * (sum(exact.betweenness) / 600)
    assert max(abs(a - b) for a, b in zip(exact.harmonic, estimated.harmonic, strict=True)) < 0.03
    # the best brokers are found
    top_exact = set(sorted(range(600), key=lambda v: -exact.betweenness[v])[:10])
    top_estimated = set(sorted(range(600), key=lambda v: -estimated.betweenness[v])[:10])
    assert len(top_exact & top_estimated) >= 8
    assert centralities(u, exact_limit=100, sample=300, seed=5) == estimated


def test_estimation_is_reported() -> None:
    graph = nx.path_graph(50)
    network = Network(
        tuple(Member(str(v)) for v in graph), tuple(Tie(str(a), str(b)) for a, b in graph.edges())
    )
    result = diagnose(network, exact_limit=10, sample=20, seed=9)
    assert result.network.centrality_method == "estimated"
    assert result.network.centrality_sample is not None and result.network.centrality_sample >= 20
    assert result.network.seed == 9
    assert diagnose(network).network.centrality_method == "exact"
    assert diagnose(network).network.centrality_sample is None


@pytest.mark.parametrize("sample", [49, 50, 80])
def test_a_sample_of_at_least_n_is_exact(sample: int) -> None:
    graph = nx.path_graph(50)
    network = Network(
        tuple(Member(str(v)) for v in graph), tuple(Tie(str(a), str(b)) for a, b in graph.edges())
    )
    result = diagnose(network, exact_limit=10, sample=sample)
    expected = "estimated" if sample < 50 else "exact"
    assert result.network.centrality_method == expected
