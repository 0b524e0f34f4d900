"""Ratings with k-suppression, findings, suggestions, comparison, report texts,
cut points against brute force, and the docstring examples."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import random

import igraph as ig
import networkx as nx
import pytest

import netlead.analysis
from netlead.analysis import Member, Network, NetworkError, Tie, compare, diagnose, to_dict
from netlead.analysis.cutpoints import cut_points, fragmentation
from netlead.analysis.findings import FINDING_KEYS
from netlead.analysis.report import MESSAGES, SUGGESTION_MESSAGES, finding_text
from tests.analysis.helpers import fragmentation_of


def _rated(source: str, target: str, trust: float, value: float) -> Tie:
    return Tie(
        source,
        target,
        reliability=trust,
        mission=trust,
        openness=trust,
        influence=value,
        involvement=value,
        resources=value,
    )


def test_ratings_suppressed_below_k() -> None:
    members = tuple(
        Member(x, organization="A" if x in "abc" else "B", layer="L1" if x in "ab" else "L2")
        for x in "abcdxy"
    )
    ties = (
        _rated("a", "x", 4, 2),
        _rated("b", "x", 3, 2),
        _rated("c", "x", 2, 2),
        _rated("a", "y", 1, 1),
        _rated("b", "y", 1, 1),
        _rated("a", "b", 4, 4),
        _rated("b", "c", 4, 4),
        _rated("c", "a", 4, 4),
    )
    d = diagnose(Network(members, ties), k=3)
    by_id = {m.id: m.ratings_received for m in d.members}
    assert by_id["x"].trust == pytest.approx(3.0) and by_id["x"].value == pytest.approx(2.0)
    assert by_id["x"].raters == 3 and by_id["x"].trust_share == pytest.approx(0.75)
    assert by_id["y"].trust is None and by_id["y"].suppressed == "fewer_than_k_raters"
    assert by_id["d"].suppressed == "no_ratings"
    assert d.ratings is not None
    assert d.ratings.within_organizations.trust == pytest.approx(4.0)
    assert d.ratings.across_organizations.trust == pytest.approx((4 + 3 + 2 + 1 + 1) / 5)
    orgs = {o.organization: o for o in d.organizations}
    assert orgs["B"].ratings_received.raters == 3
    assert orgs["A"].ratings_given.ratings == 5
    assert orgs["A"].ratings_received.suppressed == "no_ratings"
    # with k = 2, y is shown
    assert diagnose(Network(members, ties), k=2).members[5].ratings_received.trust == 1.0
    keys = {f.key for f in d.findings}
    assert "trust_across_organizations_lower" in keys and "ratings_suppressed" in keys


def test_partial_ratings_average_what_is_given() -> None:
    tie = Tie("a", "b", reliability=4, openness=2, influence=3)
    assert (tie.trust, tie.value) == (3.0, 3.0)


def test_cut_points_against_brute_force() -> None:
    for seed in range(5):
        ig.set_random_number_generator(random.Random(seed))
        try:
            g = ig.Graph.Erdos_Renyi(n=60, m=70, directed=False)
        finally:
            ig.set_random_number_generator(random)
        result = cut_points(g)
        G = nx.Graph(g.get_edgelist())
        G.add_nodes_from(range(60))
        base = fragmentation_of(G)
        for v in range(60):
            H = G.copy()
            H.remove_node(v)
            after = fragmentation_of(H)
            is_cut = v in set(nx.articulation_points(G))
            assert result.is_cut[v] == is_cut
            if is_cut:
                assert result.fragmentation_without[v] == pytest.approx(after)
                assert result.disconnected_share[v] is not None
                assert result.disconnected_share[v] > 0
            else:
                assert result.fragmentation_without[v] is None
        assert fragmentation([len(c) for c in nx.connected_components(G)]) == pytest.approx(base)


def test_cut_point_finding_reads_as_in_the_issue() -> None:
    g = nx.barbell_graph(5, 1)
    net = Network(
        tuple(Member(str(v), name=f"P{v}") for v in g),
        tuple(Tie(str(a), str(b)) for a, b in g.edges()),
    )
    d = diagnose(net)
    cut = next(f for f in d.findings if f.key == "cut_point" and f.params["member"] == "5")
    # Removing the bridge of a barbell K5 - 5 - K5: of the 90 ordered pairs of the
    # other 10 members, 50 lose their connection.
    assert (
        finding_text(cut)
        == "If P5 (5) leaves, 56% of the pairs of other members lose their connection."
    )
    assert cut.figure == pytest.approx(50 / 90)


def test_suggestions_connect_and_rank() -> None:
    members = (
        Member("a", organization="X"),
        Member("b", organization="X"),
        Member("c", organization="Y"),
        Member("d", organization="Y"),
        Member("e", organization="Z"),
    )
    ties = (Tie("a", "b"), Tie("b", "c"), Tie("c", "d"))
    d = diagnose(Network(members, ties))
    first = d.suggestions[0]
    assert first.kind == "connect_components" and first.source == "e"
    assert first.fragmentation_reduction == pytest.approx(2 * 4 * 1 / 20)
    fr = [s.fragmentation_reduction for s in d.suggestions]
    assert fr == sorted(fr, reverse=True)


def test_isolated_organization_suggestion() -> None:
    # Q (e, f) is reached only through g, who has no organization: Q has no tie
    # with another organization although it is in the same component.
    members = tuple(
        Member(x, organization=o)
        for x, o in (("a", "X"), ("b", "X"), ("c", "Y"), ("e", "Q"), ("f", "Q"), ("g", None))
    )
    ties = (Tie("a", "b"), Tie("b", "c"), Tie("e", "f"), Tie("f", "g"), Tie("g", "a"))
    d = diagnose(Network(members, ties))
    assert any(f.key == "org_isolated" and f.params["organization"] == "Q" for f in d.findings)
    lone = [s for s in d.suggestions if s.kind == "connect_organization"]
    assert lone and lone[0].source_organization == "Q" and lone[0].fragmentation_reduction == 0.0


def test_compare_joined_left_and_changes() -> None:
    before = Network((Member("a"), Member("b"), Member("c")), (Tie("a", "b"), Tie("b", "c")))
    after = Network(
        (Member("a"), Member("b"), Member("d")), (Tie("a", "b"), Tie("b", "d"), Tie("d", "a"))
    )
    c = compare(before, after, diagnose(before), diagnose(after))
    assert (c.ties_new, c.ties_lost, c.ties_kept) == (2, 1, 1)
    assert (c.members_joined, c.members_left) == (("d",), ("c",))
    changes = {m.metric: m for m in c.network}
    assert changes["ties"].change == 1
    assert changes["transitivity"].after == 1.0
    assert set(c.members) == {"a", "b"}


def test_every_key_has_english_text() -> None:
    comparison = {
        "ties_changed",
        "ties_not_compared",
        "fragmentation_rose",
        "fragmentation_fell",
        "cross_organization_rose",
        "cross_organization_fell",
        "trust_rose",
        "trust_fell",
    }
    assert set(FINDING_KEYS) | comparison == set(MESSAGES)
    assert set(SUGGESTION_MESSAGES) == {"connect_components", "connect_organization", "close_triad"}


def test_library_guards_bad_networks() -> None:
    with pytest.raises(NetworkError, match="unknown"):
        diagnose(Network((Member("a"),), (Tie("a", "b"),)))
    with pytest.raises(NetworkError, match="self tie"):
        diagnose(Network((Member("a"),), (Tie("a", "a"),)))
    with pytest.raises(NetworkError, match="duplicate tie"):
        diagnose(Network((Member("a"), Member("b")), (Tie("a", "b"), Tie("a", "b"))))
    with pytest.raises(NetworkError, match="duplicate member"):
        diagnose(Network((Member("a"), Member("a"))))


@pytest.mark.parametrize("n", [0, 1, 2])
def test_tiny_networks(n: int) -> None:
    net = Network(tuple(Member(str(i)) for i in range(n)), (Tie("0", "1"),) if n == 2 else ())
    out = to_dict(diagnose(net))
    assert out["network"]["members"] == n


def test_docstring_examples() -> None:
    failures = 0
    modules = ["netlead.analysis"] + [
        f"netlead.analysis.{m.name}"
        for m in pkgutil.walk_packages(netlead.analysis.__path__, prefix="")
    ]
    for name in modules:
        result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
        failures += result.failed
    assert failures == 0
