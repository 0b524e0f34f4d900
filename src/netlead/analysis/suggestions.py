"""Weaving suggestions: introductions that would connect or open up the network.

Three kinds of candidate (Krebs & Holley's "network weaving"):

* ``connect_components``: a member of a smaller component meets a well-connected
  member of the largest one (reduces fragmentation);
* ``connect_organization``: a member of an organization with no external tie meets a
  well-connected member of another organization;
* ``close_triad``: a highly constrained member meets a partner's partner in another
  organization, introduced by that shared partner (reduces Burt's constraint).

Each is scored by the exact fragmentation reduction (share of ordered pairs newly
connected) and by the reduction of the constraint of the two people introduced.

The ranking is then made diverse (:func:`diversify`): nobody is named (introduced or
introducing) in more than two of the first ten, so a leader's list is not ten introductions of
the same well-connected person.
"""

from __future__ import annotations

from collections.abc import Callable

from netlead.analysis.graph import Graphs
from netlead.analysis.results import Suggestion

__all__ = ["MOST_PER_PERSON", "TOP", "diversify", "local_constraint", "suggest"]

#: The diversity rule: nobody in more than MOST_PER_PERSON of the first TOP suggestions.
TOP = 10
MOST_PER_PERSON = 2

_TOP_CONSTRAINED = 20
_CANDIDATES = 12
_HUBS = 50


def local_constraint(i: int, neighbours: Callable[[int], set[int]]) -> float | None:
    """Burt's constraint of vertex ``i`` on an undirected unweighted graph given by
    a neighbour function: ``sum_j (1/d_i + sum_{q in N(i) & N(j)} 1/(d_i d_q))^2``.

    >>> adj = {0: {1, 2}, 1: {0, 2}, 2: {0, 1}}
    >>> local_constraint(0, adj.__getitem__)
    1.125
    """
    own = neighbours(i)
    d = len(own)
    if d == 0:
        return None
    total = 0.0
    for j in own:
        indirect = sum(1.0 / len(neighbours(q)) for q in own & neighbours(j))
        total += ((1.0 + indirect) / d) ** 2
    return total


def suggest(
    graphs: Graphs,
    *,
    betweenness: list[float],
    constraint: list[float | None],
    external_ties: list[int] | None = None,
    limit: int = 20,
) -> tuple[Suggestion, ...]:
    """Rank introductions by fragmentation reduction, then constraint reduction.

    >>> from netlead.analysis.model import Member, Network
    >>> from netlead.analysis.graph import build_graphs
    >>> g = build_graphs(Network((Member("a", organization="X"), Member("b", organization="Y"))))
    >>> suggest(g, betweenness=[0.0, 0.0], constraint=[None, None])[0].kind
    'connect_components'
    """
    u = graphs.undirected
    n = graphs.n
    if n < 2:
        return ()
    org = graphs.org
    cache: dict[int, set[int]] = {}

    def neighbours(v: int) -> set[int]:
        found = cache.get(v)
        if found is None:
            found = cache[v] = set(u.neighbors(v))
        return found

    components = u.connected_components()
    comp_of = components.membership
    sizes = components.sizes()
    pairs = n * (n - 1)
    rank_key = sorted(range(n), key=lambda v: (-betweenness[v], -u.degree(v), v))

    degree: list[int] = u.degree()

    # Per member i: for each partner j, the indirect part sum(1/d_q) over their common
    # partners q, and the sum over j of (1 + that)^2. A new tie i-other changes these only
    # through the partners i and other share, so each candidate costs one set intersection.
    through_cache: dict[int, tuple[dict[int, float], float]] = {}

    def through(i: int) -> tuple[dict[int, float], float]:
        found = through_cache.get(i)
        if found is None:
            own = neighbours(i)
            indirect = {j: sum(1.0 / degree[q] for q in own & neighbours(j)) for j in own}
            squares = sum((1.0 + x) ** 2 for x in indirect.values())
            found = through_cache[i] = (indirect, squares)
        return found

    def constraint_with(i: int, other: int) -> float:
        # Burt's constraint of i once the tie i-other exists (see local_constraint): other
        # becomes a partner, reached through the shared partners, and adds 1/(d_other + 1)
        # to the indirect part of each shared partner.
        indirect, squares = through(i)
        shared = neighbours(i) & neighbours(other)
        added = 1.0 / (degree[other] + 1)
        via_shared = 0.0
        for j in shared:
            before = 1.0 + indirect[j]
            squares += (before + added) ** 2 - before * before
            via_shared += 1.0 / degree[j]
        squares += (1.0 + via_shared) ** 2
        return squares / (len(indirect) + 1) ** 2

    def score(a: int, b: int) -> tuple[float, float]:
        frag = 0.0
        if comp_of[a] != comp_of[b]:
            frag = 2.0 * sizes[comp_of[a]] * sizes[comp_of[b]] / pairs
        before = (constraint[a] or 0.0) + (constraint[b] or 0.0)
        return frag, before - constraint_with(a, b) - constraint_with(b, a)

    chosen: dict[tuple[int, int], Suggestion] = {}

    def add(kind: str, a: int, b: int, via: int | None) -> None:
        key = (min(a, b), max(a, b))
        if key in chosen or a == b or b in neighbours(a):
            return
        frag, constr = score(a, b)
        chosen[key] = Suggestion(
            kind=kind,
            source=graphs.ids[a],
            target=graphs.ids[b],
            via=graphs.ids[via] if via is not None else None,
            source_organization=_name(graphs.org_names, org[a]),
            target_organization=_name(graphs.org_names, org[b]),
            fragmentation_reduction=frag,
            constraint_reduction=constr,
        )

    # Best representative of every component and of every organization.
    best_in_comp: dict[int, int] = {}
    best_in_org: dict[int, int] = {}
    for v in rank_key:
        best_in_comp.setdefault(comp_of[v], v)
        if org[v] >= 0:
            best_in_org.setdefault(org[v], v)
    hubs = rank_key[:_HUBS]
    main = max(range(len(sizes)), key=lambda c: (sizes[c], -best_in_comp[c]))

    def partner_for(a: int, *, other_component: bool) -> int | None:
        for h in hubs:
            if other_component and comp_of[h] == comp_of[a]:
                continue
            if org[a] >= 0 and org[h] == org[a]:
                continue
            if h != a and h not in neighbours(a):
                return h
        return None

    small = sorted(
        (c for c in range(len(sizes)) if c != main), key=lambda c: (-sizes[c], best_in_comp[c])
    )
    for c in small[:limit]:
        a = best_in_comp[c]
        b = partner_for(a, other_component=True)
        if b is not None:
            add("connect_components", a, b, None)

    external = external_ties
    if external is None:
        external = [0] * len(graphs.org_names)
        for x, y in u.get_edgelist():
            if org[x] >= 0 and org[y] >= 0 and org[x] != org[y]:
                external[org[x]] += 1
                external[org[y]] += 1
    for g in sorted((g for g in best_in_org if external[g] == 0), key=lambda g: best_in_org[g])[
        :limit
    ]:
        a = best_in_org[g]
        b = partner_for(a, other_component=False)
        if b is not None:
            add("connect_organization", a, b, None)

    constrained = sorted(
        (v for v in range(n) if org[v] >= 0 and u.degree(v) >= 2 and constraint[v] is not None),
        key=lambda v: (-(constraint[v] or 0.0), v),
    )[:_TOP_CONSTRAINED]
    for a in constrained:
        own = neighbours(a)
        candidates = {
            w
            for j in own
            for w in neighbours(j)
            if w != a and w not in own and org[w] >= 0 and org[w] != org[a]
        }
        ranked = sorted(candidates, key=lambda w: (-betweenness[w], w))[:_CANDIDATES]
        best: tuple[float, int] | None = None
        for w in ranked:
            gain = score(a, w)[1]
            if best is None or gain > best[0]:
                best = (gain, w)
        if best is not None and best[0] > 0:
            w = best[1]
            via = max(own & neighbours(w), key=lambda j: (betweenness[j], -j))
            add("close_triad", a, w, via)

    ordered = sorted(
        chosen.values(),
        key=lambda s: (-s.fragmentation_reduction, -s.constraint_reduction, s.source, s.target),
    )
    return diversify(ordered)[:limit]


def diversify(
    ranked: list[Suggestion] | tuple[Suggestion, ...],
    *,
    top: int = TOP,
    most: int = MOST_PER_PERSON,
) -> tuple[Suggestion, ...]:
    """The ranked suggestions with nobody (source, target or via) in more than ``most`` of
    the first ``top``: walking the ranking, a suggestion that would name someone a
    ``most + 1``-th time among the first ``top`` is held back; held-back suggestions follow
    once the first ``top`` are filled, in their order, and are dropped when the ranking runs
    out before (they would only repeat the same people). Order is otherwise kept.

    >>> s = [Suggestion("close_triad", "hub", t, None, None, None, 0.0, 1.0) for t in "abc"]
    >>> [x.target for x in diversify(s)]
    ['a', 'b']
    """
    shown: list[Suggestion] = []
    held: list[Suggestion] = []
    times: dict[str, int] = {}
    for suggestion in ranked:
        if len(shown) >= top:
            held.append(suggestion)
            continue
        people = {suggestion.source, suggestion.target}
        if suggestion.via is not None:
            people.add(suggestion.via)
        if any(times.get(p, 0) >= most for p in people):
            held.append(suggestion)
            continue
        shown.append(suggestion)
        for p in people:
            times[p] = times.get(p, 0) + 1
    return tuple(shown + held) if len(shown) >= top else tuple(shown)


def _name(names: tuple[str, ...], code: int) -> str | None:
    return names[code] if code >= 0 else None
