"""Betweenness and harmonic closeness on the undirected view, exact or estimated.

Exact up to ``exact_limit`` members (default 2,000: Brandes' algorithm costs one
breadth-first search per member, about 3.5 s at 5,000 members and 50,000 ties on
two cores). Above that both are *estimated* from a sample of source members, and the
diagnosis says so (``centrality_method: "estimated"``, ``centrality_sample``).

The estimate is a stratified one. Uniform source sampling (Brandes & Pich 2007) is
noisy where it matters most: a member's betweenness owes about a third to the
shortest paths that start at its own neighbours (each neighbour's dependency on it is
large), and a sample of one source in eight holds only two or three of them. So the
sources of each member v are split into strata by their distance to v: 1 (its
neighbours), 2, and 3 or more. The size of each stratum is known exactly (the degree,
the second neighbourhood, the rest), so each stratum's mean dependency, taken over
the sampled sources in it, is scaled by its true size (post-stratification; Cochran
1977, 5A.9), not by ``n / sample``. Then the members that rank highest get their
first stratum computed exactly: their neighbours are added as sources (a second
stage), so the top of the ranking rests on exact neighbour dependencies.

Sources go to igraph in groups of 16, one betweenness call each (one call per source costs
about 2.5 times a source in a group: igraph rebuilds its adjacency per call). A call gives the
group's summed dependencies, so the strata are told apart per member by the kind of group: the
groups with no source within distance 2 of the member give the far mean; those with sources at
distance 2 but none at 1 give the distance-2 mean once their far sources are taken off at the
far mean; the rest give the distance-1 mean the same way. At 5,000 and 20,000 members this
keeps the accuracy of one call per source (bench/analysis/ACCURACY.md). A second-stage member's
neighbours form groups of their own, all at distance 1 from it, so its distance-1 stratum is
their exact sum.

Harmonic closeness uses the same strata: sources at distance 1 and 2 contribute
exactly ``1`` and ``1/2`` each and their numbers are known, so only the far stratum
is estimated.

Above 20,000 members (``MEASURED``, the largest network whose accuracy is measured) one
call per source would take minutes: there the estimate is plain source sampling in one
call (Brandes & Pich 2007), sized by time.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = [
    "CANDIDATES",
    "DEFAULT_EXACT_LIMIT",
    "ESTIMATED",
    "EXACT",
    "CentralityResult",
    "centralities",
    "sample_size",
]

EXACT = "exact"
ESTIMATED = "estimated"
DEFAULT_EXACT_LIMIT = 2_000
#: The first-stage sample: one member in ``_SAMPLE_SHARE`` (at least ``_MIN_SAMPLE``) up to
#: ``MEASURED`` members, the range where its accuracy is measured (bench/analysis/ACCURACY.md).
#: Above, the sample is set by time: ``_WORK // undirected ties`` sources (at least
#: ``_MIN_SAMPLE``) in one betweenness call, plain source sampling without strata (one call per
#: source, and counting second neighbourhoods, would cost a pass over the network each).
_SAMPLE_SHARE = 8
_MIN_SAMPLE = 150
MEASURED = 20_000
_WORK = 130_000_000
#: Members of the first-stage top whose neighbours are added as sources.
CANDIDATES = 20
_CHUNK = 64
#: Sources per igraph betweenness call. Each call rebuilds igraph's adjacency (about twice a
#: source's own work at 5,000 members), so sources go in groups; a group's dependencies on a
#: member are told apart by stratum through the groups with none of their sources near it.
#: Larger groups leave the hubs too few groups without a source near them (32 lost a top-ten
#: broker in bench/analysis/accuracy.py runs; 16 kept the accuracy of one call per source).
_GROUP = 16
#: Sources whose distances give the far stratum of harmonic closeness.
_CLOSENESS_SOURCES = 256


@dataclass(frozen=True, slots=True)
class CentralityResult:
    """Normalized betweenness and harmonic closeness per vertex, and how computed:
    ``method`` is ``"exact"`` or ``"estimated"``; ``sample`` the number of source
    members behind an estimate (``None`` when exact)."""

    betweenness: list[float]
    harmonic: list[float]
    method: str
    sample: int | None


def sample_size(n: int, undirected_ties: int) -> int:
    """The first-stage sample for ``n`` members: ``n / 8`` (at least 150, at most ``n``) up
    to 20,000 members; above, ``1.3 x 10^8 / ties`` sources, at least 150.

    >>> sample_size(5_000, 42_000), sample_size(20_000, 170_000), sample_size(100_000, 850_000)
    (625, 2500, 152)
    """
    if n <= MEASURED:
        return min(n, max(n // _SAMPLE_SHARE, _MIN_SAMPLE))
    return max(_WORK // max(undirected_ties, 1), _MIN_SAMPLE)


def centralities(
    graph: Any,
    *,
    exact_limit: int = DEFAULT_EXACT_LIMIT,
    sample: int | None = None,
    seed: int = 0,
) -> CentralityResult:
    """Betweenness and harmonic closeness of every vertex of an undirected graph.

    Betweenness (Freeman 1977; Brandes 2001) of v is the sum over pairs s, t of the
    share of shortest s-t paths through v, normalized by ``(n-1)(n-2)/2`` as in
    NetworkX's ``betweenness_centrality(G)``. Harmonic closeness (Marchiori &
    Latora 2000) is the mean over the other members u of ``1/d(u, v)`` (0 when
    unreachable), i.e. NetworkX's ``harmonic_centrality(G)[v] / (n-1)``.

    Above ``exact_limit`` vertices both are estimated (see the module text) from
    ``sample`` sources drawn with ``random.Random(seed)`` (default
    :func:`sample_size`) plus the neighbours of the :data:`CANDIDATES` highest
    first-stage estimates; ``sample`` in the result counts all the sources used.

    >>> import igraph as ig
    >>> centralities(ig.Graph([(0, 1), (1, 2)])).betweenness
    [0.0, 1.0, 0.0]
    """
    n = graph.vcount()
    if n == 0:
        return CentralityResult([], [], EXACT, None)
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    first = sample_size(n, graph.ecount()) if sample is None else sample
    if n <= exact_limit or first >= n:
        raw = graph.betweenness(directed=False)
        harmonic = graph.harmonic_centrality(normalized=True) if n > 1 else [0.0]
        return CentralityResult(
            [b * scale for b in raw], [_finite(h) for h in harmonic], EXACT, None
        )
    chosen = random.Random(seed).sample(range(n), first)  # noqa: S311 (sampling, not crypto)
    if n > MEASURED:
        return _plain(graph, sorted(chosen), scale)
    strata = _Strata(graph)
    strata.add(chosen, closeness=_CLOSENESS_SOURCES)
    rough = strata.betweenness()
    top = np.argsort(-rough, kind="stable")[:CANDIDATES]
    spent = 0
    used = set(chosen)
    for v in top.tolist():
        near = strata.adjacency[v]
        if spent + len(near) > first:  # a hub's neighbours would double the work
            continue
        spent += len(near)
        used.update(near)
        strata.add(list(near), whole=v)
    estimate = strata.betweenness()
    harmonic = strata.harmonic()
    return CentralityResult((estimate * scale).tolist(), harmonic.tolist(), ESTIMATED, len(used))


def _plain(graph: Any, chosen: list[int], scale: float) -> CentralityResult:
    """Above ``MEASURED`` members: one betweenness call from all the sources (Brandes & Pich
    2007: the sums scaled by ``n / sources``), as one call per source costs a pass over the
    whole network each; closeness exact over the neighbours and estimated beyond."""
    n = graph.vcount()
    raw = np.asarray(graph.betweenness(directed=False, sources=chosen), dtype=np.float64)
    degree = np.asarray(graph.degree(), dtype=np.float64)
    inverse = np.zeros(n)
    seen = np.zeros(n)
    for start in range(0, min(len(chosen), _CLOSENESS_SOURCES), _CHUNK):
        block = chosen[start : min(start + _CHUNK, _CLOSENESS_SOURCES)]
        distance = np.asarray(graph.distances(source=block), dtype=np.float64)
        far = distance >= 2
        with np.errstate(divide="ignore"):
            inverse += np.where(far, 1.0 / distance, 0.0).sum(axis=0)
        seen += far.sum(axis=0)
    far_mean = np.where(seen > 0, inverse / np.maximum(seen, 1.0), 0.0)
    harmonic = (degree + ((n - 1) - degree) * far_mean) / max(n - 1, 1)
    betweenness = raw * (scale * n / len(chosen))
    return CentralityResult(betweenness.tolist(), harmonic.tolist(), ESTIMATED, len(chosen))


class _Strata:
    """Running sums, per member, of the sampled sources' dependencies by kind of group (no
    source of the group within distance 2 of the member; some at distance 2 but none at 1;
    some at 1), with the number of the group's sources in each stratum (distance 1, 2, 3+);
    and the inverse distances of the far stratum of harmonic closeness."""

    def __init__(self, graph: Any) -> None:
        self.graph = graph
        n = self.n = graph.vcount()
        self.adjacency: list[list[int]] = graph.get_adjlist()
        degree = np.asarray(graph.degree(), dtype=np.float64)
        second_ring = np.asarray(graph.neighborhood_size(order=2), dtype=np.float64)
        second_ring -= 1.0 + degree
        self.sizes = np.vstack([degree, second_ring, (n - 1) - degree - second_ring])
        #: ``sums[kind]``: dependencies summed over the groups of that kind for the member;
        #: ``counts[kind, stratum]``: the sources of those groups in each stratum.
        self.sums = np.zeros((3, n))
        self.counts = np.zeros((3, 3, n))
        self.far_inverse = np.zeros(n)
        self.far_seen = np.zeros(n)
        #: Members whose distance-1 stratum was computed whole (all their neighbours as
        #: sources), with that stratum's exact sum.
        self.exact_first: dict[int, float] = {}

    def add(self, sources: list[int], *, closeness: int = 0, whole: int | None = None) -> None:
        """Add the dependencies of ``sources``, in groups of :data:`_GROUP` (one igraph call
        each); the first ``closeness`` of them also give the far stratum of harmonic
        closeness. ``whole``: ``sources`` are all the neighbours of this member, whose
        distance-1 stratum is then exact."""
        graph = self.graph
        betweenness = graph.betweenness
        n = self.n
        adjacency = self.adjacency
        rings = graph.neighborhood(sources, order=2, mindist=2) if sources else []
        sums, counts = self.sums, self.counts
        exact = 0.0
        for start in range(0, len(sources), _GROUP):
            group = sources[start : start + _GROUP]
            # Half of the group's dependencies (igraph counts each unordered pair once).
            row = np.asarray(betweenness(directed=False, sources=group), dtype=np.float64)
            near = np.bincount(_joined([adjacency[s] for s in group]), minlength=n)
            ring = np.bincount(_joined(rings[start : start + len(group)]), minlength=n)
            far = len(group) - near - ring
            far[group] -= 1  # a source is in none of its own strata
            kind = np.where(near > 0, 2, np.where(ring > 0, 1, 0))
            for k in range(3):
                mask = kind == k
                sums[k] += np.where(mask, row, 0.0)
                counts[k, 0] += np.where(mask, near, 0)
                counts[k, 1] += np.where(mask, ring, 0)
                counts[k, 2] += np.where(mask, far, 0)
            if whole is not None:
                exact += float(row[whole])
        if whole is not None:
            self.exact_first[whole] = exact
        for start in range(0, min(closeness, len(sources)), _CHUNK):
            block = sources[start : min(start + _CHUNK, closeness)]
            distance = np.asarray(graph.distances(source=block), dtype=np.float64)
            far_block = distance >= 3
            with np.errstate(divide="ignore"):
                self.far_inverse += np.where(far_block, 1.0 / distance, 0.0).sum(axis=0)
            self.far_seen += far_block.sum(axis=0)

    def betweenness(self) -> Any:
        """Raw betweenness (unordered pairs): per stratum, its true size times its mean
        dependency. The far mean comes from the groups with no source within distance 2 of
        the member; the distance-2 mean from the groups with some there but none at distance
        1, less their far sources at the far mean; the distance-1 mean from the rest, less
        their distance-2 and far sources. A stratum without samples takes the mean over all
        sampled sources; the distance-1 stratum is the exact sum where it was computed whole.
        """
        sums, counts, sizes = self.sums, self.counts, self.sizes
        overall = sums.sum(axis=0) / np.maximum(counts.sum(axis=(0, 1)), 1.0)
        far = np.where(counts[0, 2] > 0, sums[0] / np.maximum(counts[0, 2], 1.0), overall)
        ring = np.where(
            counts[1, 1] > 0,
            (sums[1] - far * counts[1, 2]) / np.maximum(counts[1, 1], 1.0),
            overall,
        )
        ring = np.maximum(ring, 0.0)
        near = np.where(
            counts[2, 0] > 0,
            (sums[2] - far * counts[2, 2] - ring * counts[2, 1]) / np.maximum(counts[2, 0], 1.0),
            overall,
        )
        total = sizes[0] * np.maximum(near, 0.0) + sizes[1] * ring + sizes[2] * far
        if self.exact_first:
            whole = np.fromiter(self.exact_first, dtype=np.int64)
            first = np.fromiter(self.exact_first.values(), dtype=np.float64)
            total[whole] = first + (sizes[1] * ring + sizes[2] * far)[whole]
        return total

    def harmonic(self) -> Any:
        """Harmonic closeness: the neighbours count 1 and the second neighbourhood 1/2
        each, exactly; the far stratum is its size times its sampled mean of 1/d."""
        n = self.n
        degree, second, far = self.sizes
        seen = self.far_seen
        far_mean = np.where(seen > 0, self.far_inverse / np.maximum(seen, 1.0), 0.0)
        return (degree + second / 2.0 + far * far_mean) / max(n - 1, 1)


def _joined(lists: list[list[int]]) -> Any:
    """The members of several lists in one integer array (repeats kept)."""
    return np.fromiter(
        (v for part in lists for v in part), dtype=np.int64, count=sum(map(len, lists))
    )


def _finite(x: float) -> float:
    return x if math.isfinite(x) else 0.0
