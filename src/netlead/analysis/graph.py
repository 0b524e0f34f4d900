"""The igraph views of a :class:`~netlead.analysis.model.Network`.

Members become vertices ``0..n-1`` in input order. Two views are built once and
shared by every metric:

* ``directed``: the simple directed graph of ties (source -> target);
* ``undirected``: the undirected view, where a tie in either direction connects two
  members (multiple ties collapsed, unweighted).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

import igraph as ig  # type: ignore[import-untyped,unused-ignore]
import numpy as np

from netlead.analysis.model import Network, NetworkError

__all__ = ["Graphs", "build_graphs", "edge_ends", "group_codes"]


@dataclass(frozen=True, slots=True)
class Graphs:
    """Vertex-indexed views of a network.

    ``org`` and ``layer`` hold a code per member (``-1`` for none) that indexes
    ``org_names`` / ``layer_names`` (sorted). ``directed_ends`` and ``undirected_ends`` are
    the two views' edges as ``(m, 2)`` arrays of vertex numbers, in edge order (edge i of the
    directed view is tie i), read once for every metric that works on arrays.
    """

    ids: tuple[str, ...]
    index: dict[str, int]
    directed: Any
    undirected: Any
    org: list[int]
    org_names: tuple[str, ...]
    layer: list[int]
    layer_names: tuple[str, ...]
    directed_ends: Any
    undirected_ends: Any

    @property
    def n(self) -> int:
        return len(self.ids)


def group_codes(values: list[str | None]) -> tuple[list[int], tuple[str, ...]]:
    """Code each value by its position in the sorted distinct values (None -> -1).

    >>> group_codes(["b", None, "a", "b"])
    ([1, -1, 0, 1], ('a', 'b'))
    """
    names = tuple(sorted({v for v in values if v is not None}))
    code = {name: i for i, name in enumerate(names)}
    return [code[v] if v is not None else -1 for v in values], names


def edge_ends(edges: Sequence[tuple[int, int]]) -> Any:
    """An edge list as an ``(m, 2)`` array of vertex numbers (read in one flat pass: several
    times faster than ``np.asarray`` on a list of pairs).

    >>> edge_ends([(0, 1), (2, 0)]).tolist()
    [[0, 1], [2, 0]]
    """
    flat = np.fromiter(chain.from_iterable(edges), dtype=np.int64, count=2 * len(edges))
    flat.flags.writeable = False  # shared by every metric: none may change it
    return flat.reshape(-1, 2)


def build_graphs(network: Network) -> Graphs:
    """Build the directed and undirected igraph views of ``network``.

    Raises :class:`NetworkError` on duplicate member ids, ties naming unknown
    members, self ties and duplicate ties (readers report these with line numbers
    before this point; this guards library callers).
    """
    ids = tuple(m.id for m in network.members)
    index = {member_id: i for i, member_id in enumerate(ids)}
    if len(index) != len(ids):
        seen: set[str] = set()
        for member_id in ids:
            if member_id in seen:
                raise NetworkError(f"duplicate member id {member_id!r}")
            seen.add(member_id)
    try:
        edges = [(index[t.source], index[t.target]) for t in network.ties]
    except KeyError as exc:
        raise NetworkError(f"tie names unknown member {exc.args[0]!r}") from None
    directed = ig.Graph(n=len(ids), edges=edges, directed=True)
    if any(directed.is_loop()):
        tie = network.ties[directed.is_loop().index(True)]
        raise NetworkError(f"self tie of member {tie.source!r}")
    if directed.has_multiple():
        tie = network.ties[directed.is_multiple().index(True)]
        raise NetworkError(f"duplicate tie {tie.source!r} -> {tie.target!r}")
    undirected = directed.as_undirected(mode="collapse")
    org, org_names = group_codes([m.organization for m in network.members])
    layer, layer_names = group_codes([m.layer for m in network.members])
    return Graphs(
        ids=ids,
        index=index,
        directed=directed,
        undirected=undirected,
        org=org,
        org_names=org_names,
        layer=layer,
        layer_names=layer_names,
        directed_ends=edge_ends(edges),
        undirected_ends=edge_ends(undirected.get_edgelist()),
    )
