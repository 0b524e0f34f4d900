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

from collections import Counter
from typing import Any

from netlead.analysis.results import Brokerage

__all__ = ["brokerage_roles"]


def brokerage_roles(directed: Any, org: list[int]) -> list[Brokerage]:
    """Count each member's brokerage roles on a simple directed graph.

    ``org`` gives an organization code per vertex (``-1`` for none). Counting is
    per broker j and in-neighbour i: every out-neighbour k of j is a candidate,
    minus i itself and the k that i reaches directly; the excluded k are few, so
    the work is about one set intersection per tie.

    Reference: Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: A
    formal approach to brokerage in transaction networks. Sociological
    Methodology, 19, 89-126.

    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (1, 2)], directed=True)
    >>> brokerage_roles(g, [0, 1, 2])[1].liaison
    1
    """
    n = directed.vcount()
    outs = [
        {k for k in row if org[k] >= 0} if org[j] >= 0 else set()
        for j, row in enumerate(directed.get_adjlist(mode="out"))
    ]
    ins = directed.get_adjlist(mode="in")
    result: list[Brokerage] = []
    empty = Brokerage()
    for j in range(n):
        gj = org[j]
        out_j = outs[j]
        if gj < 0 or not out_j:
            result.append(empty)
            continue
        hist = Counter(org[k] for k in out_j)
        n_out = len(out_j)
        same_j_all = hist[gj]
        coordinator = gatekeeper = representative = consultant = liaison = 0
        for i in ins[j]:
            gi = org[i]
            if gi < 0:
                continue
            excluded = outs[i] & out_j
            if i in out_j:
                excluded.add(i)
            ex_j = ex_i = 0
            for k in excluded:
                gk = org[k]
                if gk == gj:
                    ex_j += 1
                if gk == gi:
                    ex_i += 1
            total = n_out - len(excluded)
            same_j = same_j_all - ex_j
            if gi == gj:
                coordinator += same_j
                representative += total - same_j
            else:
                same_i = hist[gi] - ex_i
                gatekeeper += same_j
                consultant += same_i
                liaison += total - same_j - same_i
        result.append(Brokerage(coordinator, gatekeeper, representative, consultant, liaison))
    return result
