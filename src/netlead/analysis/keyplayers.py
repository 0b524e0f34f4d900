"""Key-player sets (Borgatti 2006, KPP-Neg): the few members whose departure together
fragments the network most.

A single cut point is found exactly elsewhere (:mod:`netlead.analysis.cutpoints`). A network
can be robust to any one departure and still fall apart, or grow far more distant, when two or
three particular people leave at once: those are the key players of KPP-Neg. Finding the best
set exactly means trying every set. Up to ``exact_limit`` (60) members this module tries
every set of a size when there are at most ``exhaustive`` (500) of them among the candidates,
and otherwise searches like Borgatti's KeyPlayer program, greedily with swaps:

1. **Greedy**: start from the empty set; add the candidate whose removal, together with the
   members already chosen, gives the highest score; repeat up to the largest size.
2. **Swaps**: for each size, replace the member of the set and the candidate outside it whose
   exchange raises the score most; repeat until no swap helps (at most ``passes`` rounds).
3. **Restarts**: run the swaps from ``restarts`` more random sets as well (drawn with
   ``random.Random(seed)``) and keep the best, as one start can stop at a local optimum.

The score of a set S, computed on the undirected view without S (n' = n - |S| members), is
the pair (F, D_F), compared in that order:

* ``F`` fragmentation: the share of ordered pairs of the remaining members that cannot reach
  each other, 1 - sum s_k (s_k - 1) / (n'(n' - 1)) over component sizes s_k;
* ``D_F`` distance-weighted fragmentation: 1 - sum over ordered pairs of 1/d(i, j) /
  (n'(n' - 1)) (1/d = 0 when unreachable): it equals F when the network is a set of cliques
  and also rises when paths grow longer, so it ranks sets in a network no pair of departures
  can split.

Candidates are every member up to ``all_candidates`` (25) members, else the ``candidates``
(12) members with the highest betweenness (then degree). Above ``exact_limit`` members every
trial costs more: the search is the greedy one alone (no swaps, no restarts, about 35 trials),
and ``D_F`` is estimated from ``sources`` (20) remaining members drawn with
``random.Random(seed)`` (the mean of their harmonic sums, as in
:mod:`netlead.analysis.centrality`). Ties between sets go to the lower member positions, so the
result is deterministic. Above ``max_members`` (20,000) no set is searched. Measured: 0.4 s
more for 5,000 members and 50,000 ties.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Sequence
from typing import Any

from netlead.analysis.cutpoints import fragmentation
from netlead.analysis.results import KeyPlayers, KeyPlayerSet

__all__ = ["distance_fragmentation", "key_players"]

ALL_CANDIDATES = 25
CANDIDATES = 12
EXACT_LIMIT = 60
SOURCES = 20
PASSES = 3
RESTARTS = 2
EXHAUSTIVE = 500
#: Above this many members no key-player set is searched (each trial removes members from a
#: copy of the network: at 100,000 members that alone would take longer than the diagnosis).
MAX_MEMBERS = 20_000
SIZES = (2, 3)

Score = tuple[float, float]


def distance_fragmentation(graph: Any, sources: Sequence[int] | None = None) -> float:
    """Borgatti's distance-weighted fragmentation of an undirected igraph graph:
    1 - the mean of 1/d(i, j) over ordered pairs (0 for unreachable pairs), estimated from
    ``sources`` when given.

    >>> import igraph as ig
    >>> distance_fragmentation(ig.Graph([(0, 1), (1, 2)]))  # 1 - (4·1 + 2·½) / 6
    0.16666666666666663
    """
    n: int = graph.vcount()
    if n < 2:
        return 0.0
    vertices = list(range(n)) if sources is None else list(sources)
    if not vertices:
        return 0.0
    sums: list[float] = graph.harmonic_centrality(vertices=vertices, normalized=False)
    mean = math.fsum(sums) / len(vertices)
    return 1.0 - mean / (n - 1)


def key_players(
    graph: Any,
    ids: Sequence[str],
    betweenness: Sequence[float],
    *,
    sizes: Sequence[int] = SIZES,
    seed: int = 0,
    all_candidates: int = ALL_CANDIDATES,
    candidates: int = CANDIDATES,
    exact_limit: int = EXACT_LIMIT,
    sources: int = SOURCES,
    passes: int = PASSES,
    restarts: int = RESTARTS,
    exhaustive: int = EXHAUSTIVE,
    max_members: int = MAX_MEMBERS,
) -> KeyPlayers | None:
    """The KPP-Neg key-player set of each size in ``sizes`` (only sizes that leave at least
    two members), with the network's F and D_F before any leaves; ``None`` when no size
    leaves two members or the network has more than ``max_members``.

    >>> import igraph as ig
    >>> chain = ig.Graph([(0, 1), (0, 2), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (4, 6)])
    >>> found = key_players(chain, "abcdefg", [0.0, 0.0, 0.5, 0.6, 0.5, 0.0, 0.0], sizes=(2,))
    >>> found.sets[0].members, round(found.sets[0].fragmentation, 2)
    (('c', 'e'), 0.8)
    """
    n = graph.vcount()
    wanted = sorted({s for s in sizes if 1 <= s <= n - 2})
    if not wanted or n > max_members:
        return None
    degree: list[int] = graph.degree()
    if n <= all_candidates:
        pool = list(range(n))
    else:
        ranked = sorted(range(n), key=lambda v: (-betweenness[v], -degree[v], v))
        pool = sorted(ranked[:candidates])
    exact = n <= exact_limit
    rng = random.Random(seed)  # noqa: S311 (sampling, not crypto)
    sample = None if exact else sorted(rng.sample(range(n), min(sources + max(wanted), n)))
    cache: dict[frozenset[int], Score] = {}

    def score(removed: frozenset[int]) -> Score:
        found = cache.get(removed)
        if found is None:
            found = cache[removed] = _score(graph, removed, sample, sources)
        return found

    def better(a: tuple[Score, list[int]], b: tuple[Score, list[int]]) -> bool:
        return (a[0][0], a[0][1], [-v for v in a[1]]) > (b[0][0], b[0][1], [-v for v in b[1]])

    before = score(frozenset())

    def climb(start: list[int]) -> tuple[Score, list[int]]:
        state = (score(frozenset(start)), start)
        for _ in range(passes if exact else 0):
            best = state
            for out in state[1]:
                for v in pool:
                    if v in state[1]:
                        continue
                    trial = sorted([*(u for u in state[1] if u != out), v])
                    entry = (score(frozenset(trial)), trial)
                    if better(entry, best):
                        best = entry
            if best is state:
                break
            state = best
        return state

    chosen: list[int] = []
    greedy: dict[int, list[int]] = {}
    for size in range(1, max(wanted) + 1):
        step: tuple[Score, list[int]] | None = None
        for v in pool:
            if v in chosen:
                continue
            trial = sorted([*chosen, v])
            entry = (score(frozenset(trial)), trial)
            if step is None or better(entry, step):
                step = entry
        if step is None:
            break
        chosen = step[1]
        greedy[size] = chosen
    sets = []
    searches = set()
    for size in wanted:
        if size not in greedy:
            continue
        if exact and math.comb(len(pool), size) <= exhaustive:
            searches.add("exhaustive")
            state = max(
                ((score(frozenset(c)), list(c)) for c in itertools.combinations(pool, size)),
                key=lambda e: (e[0][0], e[0][1], [-v for v in e[1]]),
            )
        else:
            searches.add("greedy")
            state = climb(greedy[size])
            for _ in range(restarts if exact else 0):
                entry = climb(sorted(rng.sample(pool, size)))
                if better(entry, state):
                    state = entry
        (frag, dist), members = state
        sets.append(
            KeyPlayerSet(
                size=size,
                members=tuple(ids[v] for v in members),
                fragmentation=frag,
                distance_fragmentation=dist,
            )
        )
    return KeyPlayers(
        fragmentation_before=before[0],
        distance_fragmentation_before=before[1],
        sets=tuple(sets),
        method="exact" if exact else "sampled",
        candidates=len(pool),
        search="greedy" if "greedy" in searches else "exhaustive",
    )


def _score(graph: Any, removed: frozenset[int], sample: list[int] | None, sources: int) -> Score:
    rest = graph.copy() if removed else graph
    if removed:
        rest.delete_vertices(sorted(removed))
    sizes: list[int] = rest.connected_components().sizes()
    frag = fragmentation(sizes)
    if sample is None:
        return frag, distance_fragmentation(rest)
    # Positions of the sampled members in the graph without the removed ones.
    shift = sorted(removed)
    chosen = [v - _below(shift, v) for v in sample if v not in removed][:sources]
    return frag, distance_fragmentation(rest, chosen)


def _below(sorted_values: list[int], v: int) -> int:
    return sum(1 for x in sorted_values if x < v)
