"""Issue 17 (parts 2, 3, 5, 6) in the engine: trust and value per pair of organizations under
the k rule, communities across organizations, key-player sets (KPP-Neg), diverse weaving
suggestions, and the command line naming members by label."""

from __future__ import annotations

import itertools
import random

import igraph as ig
import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netlead.analysis import Member, Network, Tie, diagnose, render_text, to_dict
from netlead.analysis.keyplayers import distance_fragmentation, key_players
from netlead.analysis.results import Suggestion
from netlead.analysis.sna import community_mix
from netlead.analysis.suggestions import MOST_PER_PERSON, TOP, diversify
from tests.analysis.helpers import to_network

# -- Trust and value per pair of organizations ------------------------------------------------


def _rated(source: str, target: str, trust: int, value: int | None = None) -> Tie:
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


def _orgs_network(ties: list[Tie]) -> Network:
    orgs = {"x1": "X", "x2": "X", "x3": "X", "y1": "Y", "y2": "Y", "z1": "Z", "z2": "Z"}
    return Network(tuple(Member(i, organization=o) for i, o in orgs.items()), tuple(ties))


def test_the_matrix_shows_a_pair_of_organizations_only_over_k_raters() -> None:
    network = _orgs_network(
        [
            _rated("x1", "y1", 4, 3),
            _rated("x2", "y1", 3, 3),
            _rated("x3", "y2", 2, 3),  # three raters from X rate Y: shown, trust 3.0
            _rated("z1", "y1", 4, 4),
            _rated("z2", "y2", 4, 4),  # two raters from Z: not shown
            _rated("x1", "x2", 4),
        ]
    )
    cells = {(c.source, c.target): c.ratings for c in diagnose(network, k=3).rating_matrix}
    assert set(cells) == {("X", "Y"), ("Z", "Y"), ("X", "X")}
    shown = cells[("X", "Y")]
    assert (shown.raters, shown.trust, shown.value, shown.suppressed) == (3, 3.0, 3.0, None)
    for hidden in (cells[("Z", "Y")], cells[("X", "X")]):
        assert hidden.suppressed == "fewer_than_k_raters"
        assert (hidden.trust, hidden.value, hidden.trust_share, hidden.value_share) == (None,) * 4
    # each organization as the others rate it: Y received from X and Z (5 raters)
    received = {o.organization: o.ratings_received for o in diagnose(network, k=3).organizations}
    assert received["Y"].raters == 5 and received["Y"].trust == pytest.approx(17 / 5)


def test_one_rater_naming_many_members_of_an_organization_counts_once() -> None:
    network = _orgs_network([_rated("y1", t, 4) for t in ("x1", "x2", "x3")])
    (cell,) = diagnose(network, k=3).rating_matrix
    assert (cell.source, cell.target, cell.ratings.raters, cell.ratings.ratings) == ("Y", "X", 1, 3)
    assert cell.ratings.trust is None


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 8), st.integers(0, 8), st.integers(1, 4)),
        min_size=0,
        max_size=40,
        unique_by=lambda t: (t[0], t[1]),
    ),
    st.integers(1, 5),
)
def test_no_cell_or_organization_figure_rests_on_fewer_than_k_raters(
    raw: list[tuple[int, int, int]], k: int
) -> None:
    orgs = "AABBBCCDD"
    members = tuple(Member(str(i), organization=orgs[i]) for i in range(9))
    ties = tuple(_rated(str(a), str(b), r, r) for a, b, r in raw if a != b)
    diagnosis = diagnose(Network(members, ties), k=k)
    raters: dict[tuple[str, str], set[str]] = {}
    for tie in ties:
        pair = (orgs[int(tie.source)], orgs[int(tie.target)])
        raters.setdefault(pair, set()).add(tie.source)
    assert {(c.source, c.target) for c in diagnosis.rating_matrix} == set(raters)
    for cell in diagnosis.rating_matrix:
        assert cell.ratings.raters == len(raters[(cell.source, cell.target)])
        if cell.ratings.raters < k:
            assert cell.ratings.trust is None and cell.ratings.value is None
        else:
            assert cell.ratings.trust is not None
    for org in diagnosis.organizations:
        for aggregate in (org.ratings_received, org.ratings_given):
            assert aggregate.trust is None or aggregate.raters >= k
    for member in diagnosis.members:
        assert member.ratings_received.trust is None or member.ratings_received.raters >= k


# -- Communities across organizations ---------------------------------------------------------


def test_communities_are_counted_per_organization() -> None:
    mix = community_mix([0, 0, 0, 1, 1], ["X", "Y", None, "Y", "Y"])
    assert [(c.community, c.members, c.organizations, c.without_organization) for c in mix] == [
        (0, 3, {"X": 1, "Y": 1}, 1),
        (1, 2, {"Y": 2}, 0),
    ]


def test_the_diagnosis_stores_each_communitys_organizations() -> None:
    karate = nx.karate_club_graph()
    clubs = {v: karate.nodes[v]["club"] for v in karate}
    diagnosis = diagnose(to_network(karate, clubs))
    mix = diagnosis.community_organizations
    assert sum(c.members for c in mix) == 34 == sum(sum(c.organizations.values()) for c in mix)
    assert len(mix) == diagnosis.network.communities.count
    assert [c.members for c in mix] == list(diagnosis.network.communities.sizes)


# -- Key players (KPP-Neg) --------------------------------------------------------------------


def _brute(graph: ig.Graph, size: int) -> tuple[float, float]:
    best = (-1.0, -1.0)
    for removed in itertools.combinations(range(graph.vcount()), size):
        rest = graph.copy()
        rest.delete_vertices(removed)
        sizes = rest.connected_components().sizes()
        n = rest.vcount()
        frag = 1.0 - sum(s * (s - 1) for s in sizes) / (n * (n - 1))
        best = max(best, (frag, distance_fragmentation(rest)))
    return best


def test_distance_fragmentation_matches_networkx() -> None:
    kite = nx.krackhardt_kite_graph()
    graph = ig.Graph(edges=list(kite.edges()), n=kite.number_of_nodes())
    n = kite.number_of_nodes()
    harmonic = sum(nx.harmonic_centrality(kite).values())
    assert distance_fragmentation(graph) == pytest.approx(1 - harmonic / (n * (n - 1)))
    split = ig.Graph(edges=[(0, 1), (2, 3)], n=4)  # two pairs: F = D_F = 2/3
    assert distance_fragmentation(split) == pytest.approx(2 / 3)


@pytest.mark.parametrize(
    "graph",
    [nx.krackhardt_kite_graph(), nx.karate_club_graph(), nx.florentine_families_graph()],
    ids=["kite", "karate", "florentine"],
)
@pytest.mark.parametrize("size", [2, 3])
def test_the_greedy_search_finds_the_best_set_on_classic_networks(
    graph: nx.Graph, size: int
) -> None:
    graph = nx.convert_node_labels_to_integers(graph)
    g = ig.Graph(edges=list(graph.edges()), n=graph.number_of_nodes())
    found = key_players(g, [str(v) for v in graph], g.betweenness(), sizes=(size,))
    assert found is not None and found.method == "exact"
    (chosen,) = found.sets
    assert (chosen.fragmentation, chosen.distance_fragmentation) == pytest.approx(_brute(g, size))


def test_a_pair_of_key_players_can_split_what_no_single_member_splits() -> None:
    ring = nx.cycle_graph(8)  # no cut point; any two opposite members split it
    diagnosis = diagnose(to_network(ring))
    assert diagnosis.network.cut_points == 0
    assert diagnosis.key_players is not None
    pair = diagnosis.key_players.sets[0]
    assert pair.size == 2 and pair.fragmentation > 0 == diagnosis.key_players.fragmentation_before
    a, b = sorted(int(m) for m in pair.members)
    assert b - a == 4


def test_key_players_are_deterministic_and_sampled_above_the_exact_limit() -> None:
    rng = random.Random(3)
    graph = ig.Graph.Erdos_Renyi(n=300, m=900)
    ids = [str(v) for v in range(300)]
    del rng
    first = key_players(graph, ids, graph.betweenness(), seed=1)
    again = key_players(graph, ids, graph.betweenness(), seed=1)
    assert first == again and first is not None and first.method == "sampled"
    assert [s.size for s in first.sets] == [2, 3]
    assert key_players(graph, ids, graph.betweenness(), max_members=100) is None


def test_too_small_a_network_has_no_key_players() -> None:
    four = tuple(Member(i) for i in "abcd")
    assert diagnose(Network(four)).key_players is not None
    assert diagnose(Network(four[:3])).key_players is None  # removing two leaves one


def test_key_players_reach_the_json() -> None:
    data = to_dict(diagnose(to_network(nx.krackhardt_kite_graph())))
    assert data["schema"] == 4
    assert {s["size"] for s in data["key_players"]["sets"]} == {2, 3}
    assert {"rating_matrix", "community_organizations"} <= set(data)


# -- Weaving suggestions: diverse ------------------------------------------------------------


def _suggestion(source: str, target: str, via: str | None = None) -> Suggestion:
    return Suggestion("close_triad", source, target, via, None, None, 0.0, 1.0)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from("abcdefgh"), st.sampled_from("abcdefgh"), st.booleans()),
        max_size=40,
    )
)
def test_nobody_is_in_more_than_two_of_the_top_ten(raw: list[tuple[str, str, bool]]) -> None:
    ranked = list(
        dict.fromkeys(_suggestion(a, b, "v" if via else None) for a, b, via in raw if a != b)
    )
    diverse = diversify(ranked)
    top = diverse[:TOP]
    for person in {p for s in top for p in (s.source, s.target, s.via) if p is not None}:
        assert sum(person in (s.source, s.target, s.via) for s in top) <= MOST_PER_PERSON
    # nothing invented, and the ranking order is kept among the ones shown first
    assert all(s in ranked for s in diverse)
    positions = [ranked.index(s) for s in top]
    assert positions == sorted(positions)


def test_a_hub_is_named_at_most_twice_in_a_diagnosis() -> None:
    # Twelve isolated members and one hub: every introduction would involve the hub.
    members = (
        Member("hub", organization="H"),
        *tuple(Member(f"m{i}", organization=f"O{i}") for i in range(12)),
    )
    ties = tuple(Tie("hub", f"m{i}") for i in range(6))
    diagnosis = diagnose(Network(members, ties))
    top = diagnosis.suggestions[:TOP]
    assert top
    for person in {p for s in top for p in (s.source, s.target, s.via) if p}:
        assert sum(person in (s.source, s.target, s.via) for s in top) <= MOST_PER_PERSON


# -- The command line names people by label ----------------------------------------------


def test_the_text_output_names_the_only_bridge_by_label_not_by_id() -> None:
    members = (
        Member("1", name="Anna", organization="Police"),
        Member("2", name="Bram", organization="Police"),
        Member("3", name="Cleo", organization="Care"),
    )
    ties = (Tie("1", "2"), Tie("2", "3"))
    text = render_text(diagnose(Network(members, ties)))
    assert "run through one person: Bram (2)." in text
    assert "run through one person: 2." not in text
