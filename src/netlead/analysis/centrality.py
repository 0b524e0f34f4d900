"""Betweenness and harmonic closeness on the undirected view, exact or sampled.

Exact up to ``exact_limit`` members (default 5,000). Above that both are estimated
from the same uniformly drawn pivots (Brandes & Pich 2007): shortest paths are
followed from the pivots only, and the sums are scaled up by ``n / pivots``.
"""

from __future__ import annotations

import math
import operator
import random
from dataclasses import dataclass
from typing import Any

__all__ = [
    "DEFAULT_EXACT_LIMIT",
    "DEFAULT_PIVOTS",
    "CentralityResult",
    "centralities",
]

DEFAULT_EXACT_LIMIT = 5_000
DEFAULT_PIVOTS = 200
_CHUNK = 16


@dataclass(frozen=True, slots=True)
class CentralityResult:
    """Normalized betweenness and harmonic closeness per vertex, and how computed."""

    betweenness: list[float]
    harmonic: list[float]
    method: str
    pivots: int | None


def centralities(
    graph: Any,
    *,
    exact_limit: int = DEFAULT_EXACT_LIMIT,
    pivots: int = DEFAULT_PIVOTS,
    seed: int = 0,
) -> CentralityResult:
    """Betweenness and harmonic closeness of every vertex of an undirected graph.

    Betweenness (Freeman 1977; Brandes 2001) of v is the sum over pairs s, t of the
    share of shortest s-t paths through v, normalized by ``(n-1)(n-2)/2`` as in
    NetworkX's ``betweenness_centrality(G)``. Harmonic closeness (Marchiori &
    Latora 2000) is the mean over the other members u of ``1/d(u, v)`` (0 when
    unreachable), i.e. NetworkX's ``harmonic_centrality(G)[v] / (n-1)``.

    Above ``exact_limit`` vertices both are estimated from ``pivots`` sources drawn
    with ``random.Random(seed)`` (Brandes & Pich 2007): betweenness as
    ``n/k`` times the dependencies accumulated from the pivots, closeness as the
    mean of ``1/d(p, v)`` over the pivots ``p != v``.

    >>> import igraph as ig
    >>> centralities(ig.Graph([(0, 1), (1, 2)])).betweenness
    [0.0, 1.0, 0.0]
    """
    n = graph.vcount()
    if n == 0:
        return CentralityResult([], [], "exact", None)
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    if n <= exact_limit or pivots >= n:
        raw = graph.betweenness(directed=False)
        harmonic = graph.harmonic_centrality(normalized=True) if n > 1 else [0.0]
        return CentralityResult(
            [b * scale for b in raw], [_finite(h) for h in harmonic], "exact", None
        )
    chosen = sorted(random.Random(seed).sample(range(n), pivots))  # noqa: S311 (sampling, not crypto)
    raw = graph.betweenness(directed=False, sources=chosen)
    factor = scale * n / pivots
    betweenness = [b * factor for b in raw]
    harmonic = _sampled_harmonic(graph, chosen)
    return CentralityResult(betweenness, harmonic, "sampled", pivots)


def _sampled_harmonic(graph: Any, chosen: list[int]) -> list[float]:
    n = graph.vcount()
    total = [0.0] * n
    inverse = (1.0).__truediv__
    for start in range(0, len(chosen), _CHUNK):
        block = chosen[start : start + _CHUNK]
        for pivot, row in zip(block, graph.distances(source=block), strict=True):
            row[pivot] = math.inf  # a pivot does not count itself
            total = list(map(operator.add, total, map(inverse, row)))
    k = len(chosen)
    result = [t / k for t in total]
    for pivot in chosen:
        result[pivot] = total[pivot] / (k - 1) if k > 1 else 0.0
    return result


def _finite(x: float) -> float:
    return x if math.isfinite(x) else 0.0
