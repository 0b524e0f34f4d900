"""Network and member metrics on the igraph views (see :mod:`.graph`).

Conventions (so results can be checked against NetworkX): density and reciprocity on
the directed graph; everything else on the undirected, unweighted view.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Any

import igraph as ig  # type: ignore[import-untyped,unused-ignore]
import numpy as np

from netlead.analysis.results import CommunityMix

__all__ = [
    "GroupTies",
    "average_clustering",
    "community_mix",
    "constraint",
    "degree_centralization",
    "density",
    "effective_size",
    "ei_index",
    "group_ties",
    "leiden",
    "local_clustering",
    "modularity",
    "partition_agreement",
    "reciprocity",
    "transitivity",
]


def _clean(x: float) -> float | None:
    return x if math.isfinite(x) else None


def density(directed: Any) -> float:
    """Directed density: ties / (n (n - 1)) (Wasserman & Faust 1994, 4.2).

    Equals NetworkX's ``density`` of the directed graph.

    >>> density(ig.Graph([(0, 1)], directed=True))
    0.5
    """
    n = directed.vcount()
    return directed.ecount() / (n * (n - 1)) if n > 1 else 0.0


def reciprocity(directed: Any) -> float | None:
    """Share of directed ties whose reverse tie also exists (Wasserman & Faust
    1994, 13.2); ``None`` without ties. Equals NetworkX's ``reciprocity``.

    >>> reciprocity(ig.Graph([(0, 1), (1, 0), (1, 2)], directed=True))
    0.6666666666666666
    """
    if directed.ecount() == 0:
        return None
    return float(directed.reciprocity(ignore_loops=True, mode="default"))


def transitivity(undirected: Any) -> float:
    """Share of connected triples that are closed: 3 x triangles / triples
    (Wasserman & Faust 1994, 6.2); 0 when there is no triple (as NetworkX).

    >>> transitivity(ig.Graph.Full(3))
    1.0
    """
    value = undirected.transitivity_undirected()
    return float(value) if math.isfinite(value) else 0.0


def local_clustering(undirected: Any) -> list[float]:
    """Watts & Strogatz (1998) local clustering: ties among a member's partners
    over the possible ones; 0 below two partners (NetworkX's ``clustering``).

    >>> local_clustering(ig.Graph([(0, 1), (1, 2)]))
    [0.0, 0.0, 0.0]
    """
    return [float(c) for c in undirected.transitivity_local_undirected(mode="zero")]


def average_clustering(clustering: list[float]) -> float:
    """Mean local clustering over all members, zeros included (NetworkX's
    ``average_clustering``).

    >>> average_clustering([1.0, 0.0])
    0.5
    """
    return sum(clustering) / len(clustering) if clustering else 0.0


def degree_centralization(degrees: list[int]) -> float | None:
    """Freeman (1979) degree centralization of the undirected view:
    ``sum(max - d_i) / ((n - 1)(n - 2))``; 1 for a star, 0 when all are equal.

    >>> degree_centralization([3, 1, 1, 1])
    1.0
    """
    n = len(degrees)
    if n < 3:
        return None
    top = max(degrees)
    return sum(top - d for d in degrees) / ((n - 1) * (n - 2))


def constraint(undirected: Any) -> list[float | None]:
    """Burt's (1992) constraint: ``c_i = sum_j (p_ij + sum_q p_iq p_qj)^2`` with
    ``p_ij = 1/deg(i)`` on the undirected unweighted view; ``None`` for isolates.
    Equals NetworkX's ``constraint`` on that view.

    >>> [round(c, 3) for c in constraint(ig.Graph.Full(3))]
    [1.125, 1.125, 1.125]
    """
    return [_clean(float(c)) for c in undirected.constraint()]


def effective_size(degrees: list[int], clustering: list[float]) -> list[float | None]:
    """Burt's (1992) effective size, in Borgatti's (1997) form for undirected
    unweighted ties: ``n - 2t/n`` with n partners and t ties among them, i.e.
    ``n - C (n - 1)`` with C the local clustering; ``None`` for isolates. Equals
    NetworkX's ``effective_size``.

    >>> effective_size([2, 1], [0.0, 0.0])
    [2.0, 1.0]
    """
    return [
        float(d) - c * (d - 1) if d > 0 else None for d, c in zip(degrees, clustering, strict=True)
    ]


@dataclass(frozen=True, slots=True)
class GroupTies:
    """Undirected ties between members that both have a group: internal (same
    group) and external, overall and per group code."""

    internal: int
    external: int
    internal_by_group: list[int]
    external_by_group: list[int]


def group_ties(edges: Any, group: list[int], groups: int) -> GroupTies:
    """Count internal and external undirected ties (the undirected view's edges: a list of
    pairs or an ``(m, 2)`` array) for a grouping (``-1``: no group).

    >>> group_ties([(0, 1), (1, 2)], [0, 0, 1], 2).external
    1
    """
    codes = np.asarray(group, dtype=np.int64)
    ends = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
    ga, gb = codes[ends[:, 0]], codes[ends[:, 1]]
    both = (ga >= 0) & (gb >= 0)
    same = both & (ga == gb)
    other = both & (ga != gb)
    internal_by = np.bincount(ga[same], minlength=groups).tolist()
    external_by = (
        np.bincount(ga[other], minlength=groups) + np.bincount(gb[other], minlength=groups)
    ).tolist()
    internal, external = int(same.sum()), int(other.sum())
    return GroupTies(internal, external, internal_by, external_by)


def ei_index(external: int, internal: int) -> float | None:
    """Krackhardt & Stern (1988) E-I index: ``(E - I) / (E + I)``, from -1 (all ties
    inside groups) to +1 (all ties across); ``None`` without ties.

    >>> ei_index(1, 3)
    -0.5
    """
    total = external + internal
    return (external - internal) / total if total else None


def modularity(undirected: Any, membership: list[int]) -> float | None:
    """Newman (2006) modularity of a partition of the undirected view; ``None``
    without ties. Equals NetworkX's ``community.modularity``.

    >>> modularity(ig.Graph([(0, 1), (2, 3)]), [0, 0, 1, 1])
    0.5
    """
    if undirected.ecount() == 0:
        return None
    return float(undirected.modularity(membership))


def leiden(undirected: Any, *, seed: int) -> list[int]:
    """Leiden communities maximizing modularity (Traag, Waltman & van Eck 2019),
    run to convergence with igraph's RNG seeded by ``random.Random(seed)``.
    Communities are numbered by decreasing size, ties broken by first member, so
    the result is reproducible.

    >>> leiden(ig.Graph([(0, 1), (2, 3)]), seed=1)
    [0, 0, 1, 1]
    """
    if undirected.vcount() == 0:
        return []
    ig.set_random_number_generator(random.Random(seed))  # noqa: S311 (not crypto)
    try:
        raw = undirected.community_leiden(
            objective_function="modularity", n_iterations=-1
        ).membership
    finally:
        ig.set_random_number_generator(random)
    first: dict[int, int] = {}
    size: dict[int, int] = {}
    for v, c in enumerate(raw):
        first.setdefault(c, v)
        size[c] = size.get(c, 0) + 1
    order = sorted(first, key=lambda c: (-size[c], first[c]))
    renumber = {c: i for i, c in enumerate(order)}
    return [renumber[c] for c in raw]


def partition_agreement(a: list[int], b: list[int]) -> tuple[float | None, float | None]:
    """Normalized mutual information (Danon et al. 2005) and adjusted Rand index
    (Hubert & Arabie 1985) of two partitions of the same members.

    >>> partition_agreement([0, 0, 1, 1], [1, 1, 0, 0])
    (1.0, 1.0)
    """
    if len(a) < 2:
        return None, None
    nmi = ig.compare_communities(a, b, method="nmi")
    ari = ig.compare_communities(a, b, method="adjusted_rand")
    return _clean(float(nmi)), _clean(float(ari))


def community_mix(
    communities: list[int], organizations: list[str | None]
) -> tuple[CommunityMix, ...]:
    """How each community (numbered 0.. by size) spreads over organizations: per community
    its size, the members of each organization in it, and the members without one. A
    community inside one organization follows organization lines; one spread over several
    cuts across them.

    >>> [(c.community, c.organizations) for c in community_mix([0, 0, 1], ["X", "Y", "Y"])]
    [(0, {'X': 1, 'Y': 1}), (1, {'Y': 1})]
    """
    counts: dict[int, dict[str, int]] = {}
    sizes: dict[int, int] = {}
    without: dict[int, int] = {}
    for community, organization in zip(communities, organizations, strict=True):
        sizes[community] = sizes.get(community, 0) + 1
        spread = counts.setdefault(community, {})
        if organization is None:
            without[community] = without.get(community, 0) + 1
        else:
            spread[organization] = spread.get(organization, 0) + 1
    return tuple(
        CommunityMix(
            community=c,
            members=sizes[c],
            organizations=dict(sorted(counts[c].items())),
            without_organization=without.get(c, 0),
        )
        for c in sorted(sizes)
    )
