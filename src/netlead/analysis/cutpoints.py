"""Fragmentation, and the fragmentation left when a cut point leaves, in linear time.

Removing an articulation point v splits its component into the pieces hanging off v
in the block-cut tree (Harary 1969; Hopcroft & Tarjan 1973). The size of each piece
is a subtree sum of that tree, so every cut point is handled in one pass over the
biconnected components instead of deleting members one by one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["CutPoints", "cut_points", "fragmentation"]


def fragmentation(sizes: list[int], n: int | None = None) -> float:
    """Share of ordered member pairs that cannot reach each other (Borgatti 2006).

    ``F = 1 - sum_k s_k (s_k - 1) / (n (n - 1))`` over component sizes ``s_k``;
    0 for fewer than two members.

    >>> fragmentation([2, 2])
    0.6666666666666667
    """
    total = sum(sizes) if n is None else n
    if total < 2:
        return 0.0
    return 1.0 - sum(s * (s - 1) for s in sizes) / (total * (total - 1))


@dataclass(frozen=True, slots=True)
class CutPoints:
    """Per-vertex: whether it is a cut point, the fragmentation without it (cut
    points only) and the share of the other members' pairs that lose their
    connection when it leaves (cut points only)."""

    is_cut: list[bool]
    fragmentation_without: list[float | None]
    disconnected_share: list[float | None]


def cut_points(graph: Any) -> CutPoints:
    """Cut points of an undirected graph and the fragmentation each one's removal
    would leave, from the block-cut tree.

    >>> import igraph as ig
    >>> cut_points(ig.Graph([(0, 1), (1, 2)])).disconnected_share
    [None, 1.0, None]
    """
    n = graph.vcount()
    is_cut = [False] * n
    without: list[float | None] = [None] * n
    lost: list[float | None] = [None] * n
    if n < 3:
        return CutPoints(is_cut, without, lost)
    components = graph.connected_components()
    comp_of = components.membership
    comp_sizes = components.sizes()
    blocks, articulation = graph.biconnected_components(return_articulation_points=True)
    if not articulation:
        return CutPoints(is_cut, without, lost)
    cut_node = {v: len(blocks) + i for i, v in enumerate(articulation)}
    tree_size = len(blocks) + len(articulation)
    weight = [0] * tree_size
    adjacency: list[list[int]] = [[] for _ in range(tree_size)]
    for b, block in enumerate(blocks):
        for v in block:
            node = cut_node.get(v)
            if node is None:
                weight[b] += 1
            else:
                adjacency[b].append(node)
                adjacency[node].append(b)
    for node in cut_node.values():
        weight[node] = 1
    # Subtree weights by an iterative DFS over each tree of the forest.
    parent = [-2] * tree_size
    subtree = weight[:]
    for root in range(tree_size):
        if parent[root] != -2:
            continue
        parent[root] = -1
        order = [root]
        stack = [root]
        while stack:
            node = stack.pop()
            for nxt in adjacency[node]:
                if parent[nxt] == -2:
                    parent[nxt] = node
                    order.append(nxt)
                    stack.append(nxt)
        for node in reversed(order):
            if parent[node] >= 0:
                subtree[parent[node]] += subtree[node]
    connected_pairs = sum(s * (s - 1) for s in comp_sizes)
    remaining = n - 1
    denominator = remaining * (remaining - 1)
    for v, node in cut_node.items():
        s = comp_sizes[comp_of[v]]
        pieces = [subtree[c] for c in adjacency[node] if parent[c] == node]
        above = s - subtree[node]
        if above > 0:
            pieces.append(above)
        others = connected_pairs - s * (s - 1)
        after = others + sum(p * (p - 1) for p in pieces)
        before = others + (s - 1) * (s - 2)
        is_cut[v] = True
        without[v] = 1.0 - after / denominator
        lost[v] = (before - after) / denominator
    return CutPoints(is_cut, without, lost)
