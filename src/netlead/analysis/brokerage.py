"""Gould & Fernandez (1989) brokerage roles across organizations.

Member j brokers for an ordered pair (i, k) when ties i -> j and j -> k exist but
i -> k does not (i != k). The role depends on the organizations of i, j and k:

===============  ======================================================
coordinator      i, j and k in one organization
gatekeeper       j and k in one organization, i outside it
representative   i and j in one organization, k outside it
consultant       i and k in one organization, j outside it (itinerant)
liaison          i, j and k in three different organizations
===============  ======================================================

Members without an organization take no part (as broker or as end point).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from netlead.analysis.graph import edge_ends
from netlead.analysis.results import Brokerage

__all__ = ["brokerage_roles"]


def brokerage_roles(
    directed: Any, org: list[int], *, ends: Any = None, undirected: Any = None
) -> list[Brokerage]:
    """Count each member's brokerage roles on a simple directed graph.

    ``org`` gives an organization code per vertex (``-1`` for none); ``ends`` (the graph's
    edges as an ``(m, 2)`` array) and ``undirected`` (its collapsed undirected view) are passed
    when the caller has them. Counting is per tie i -> j (i and j with an organization): every
    out-neighbour k of j is a candidate, split by organization with one table lookup, minus the
    k that i reaches directly (the transitive triples, found from the triangles of the
    undirected view) and i itself when j -> i. All of it is array work (numpy), with no loop
    over ties in Python.

    Reference: Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: A
    formal approach to brokerage in transaction networks. Sociological
    Methodology, 19, 89-126.

    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (1, 2)], directed=True)
    >>> brokerage_roles(g, [0, 1, 2])[1].liaison
    1
    """
    n = directed.vcount()
    empty = Brokerage()
    if n == 0 or directed.ecount() == 0:
        return [empty] * n
    codes = np.asarray(org, dtype=np.int64)
    groups = int(codes.max()) + 1
    edges = ends if ends is not None else edge_ends(directed.get_edgelist())
    edges = edges[(codes[edges[:, 0]] >= 0) & (codes[edges[:, 1]] >= 0)]
    if not len(edges) or groups <= 0:
        return [empty] * n
    src, dst = edges[:, 0], edges[:, 1]
    edge_keys = src * n + dst
    order = np.argsort(edge_keys)
    edge_keys, src, dst = edge_keys[order], src[order], dst[order]
    # Out-neighbours of each j with an organization, in all and per organization.
    out_all = np.bincount(src, minlength=n)
    cell_keys, cell_counts = np.unique(src * groups + codes[dst], return_counts=True)

    def out_in(j: Any, g: Any) -> Any:
        key = j * groups + g
        at = np.minimum(np.searchsorted(cell_keys, key), len(cell_keys) - 1)
        return np.where(cell_keys[at] == key, cell_counts[at], 0)

    def has_edge(a: Any, b: Any) -> Any:
        key = a * n + b
        at = np.minimum(np.searchsorted(edge_keys, key), len(edge_keys) - 1)
        return edge_keys[at] == key

    # Per tie i -> j (i = src, j = dst): the candidates k, before exclusions.
    gi, gj = codes[src], codes[dst]
    total = out_all[dst].astype(np.int64)
    same_j = out_in(dst, gj)
    same_i = out_in(dst, gi)
    # Exclusions: k = i when j -> i, and every k with i -> k (transitive triples i, j, k).
    back = has_edge(dst, src)
    excluded = back.astype(np.int64)
    excluded_j = (back & (gi == gj)).astype(np.int64)
    excluded_i = back.astype(np.int64)
    if undirected is None:
        undirected = directed.as_undirected()
    triangles = np.asarray(undirected.list_triangles(), dtype=np.int64)
    if len(triangles):
        a, b, c = triangles[:, 0], triangles[:, 1], triangles[:, 2]
        for i, j, k in ((a, b, c), (a, c, b), (b, a, c), (b, c, a), (c, a, b), (c, b, a)):
            keep = (codes[i] >= 0) & (codes[j] >= 0) & (codes[k] >= 0)
            i, j, k = i[keep], j[keep], k[keep]
            keep = has_edge(i, j) & has_edge(j, k) & has_edge(i, k)
            i, j, k = i[keep], j[keep], k[keep]
            tie = np.searchsorted(edge_keys, i * n + j)
            gk = codes[k]
            excluded += np.bincount(tie, minlength=len(edge_keys))
            excluded_j += np.bincount(tie, weights=gk == codes[j], minlength=len(edge_keys)).astype(
                np.int64
            )
            excluded_i += np.bincount(tie, weights=gk == codes[i], minlength=len(edge_keys)).astype(
                np.int64
            )
    total -= excluded
    same_j = same_j - excluded_j
    same_i = same_i - excluded_i
    inside = gi == gj
    roles = np.zeros((5, n), dtype=np.int64)
    roles[0] = np.bincount(dst, weights=np.where(inside, same_j, 0), minlength=n)
    roles[1] = np.bincount(dst, weights=np.where(inside, 0, same_j), minlength=n)
    roles[2] = np.bincount(dst, weights=np.where(inside, total - same_j, 0), minlength=n)
    roles[3] = np.bincount(dst, weights=np.where(inside, 0, same_i), minlength=n)
    roles[4] = np.bincount(dst, weights=np.where(inside, 0, total - same_j - same_i), minlength=n)
    return [
        Brokerage(c, g, r, s, li) if c or g or r or s or li else empty
        for c, g, r, s, li in zip(*roles.tolist(), strict=True)
    ]
