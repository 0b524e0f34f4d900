"""A stable layout of the network map: organizations as non-overlapping discs, members inside.

The map is read in a meeting, so it must look the same on every load and in the next round:
the layout is a pure function of the members, the ties and a ``seed`` (no clock, no global
random state), and a round's layout can start from the previous round's, so members and
organizations in both keep their place.

How it is laid out:

1. Each organization is a disc just large enough for its members on a sunflower (Vogel's
   spiral: point *i* at radius ``c·√i`` and angle ``i·137.5°``), which packs points evenly with
   no two closer than about ``SPACING``.
2. The discs are placed by a force-directed layout (Fruchterman and Reingold 1991): every pair
   repels, organizations with ties between them attract (more ties, more pull), a weak gravity
   keeps unconnected ones near; then overlaps are pushed apart until no two discs (with a gap
   for their labels) overlap.
3. Inside its disc, the members with most ties sit in the middle; each ring of the spiral is
   given to the next members by number of ties, and a member with ties to other organizations
   takes the place of the ring that faces them, so ties across organizations stay short.

With a previous layout, organizations stay where they were (they move only as far as new or
grown discs need), and a member in the same organization keeps
their place in its disc; newcomers take the free places.

Reference: T. M. J. Fruchterman and E. M. Reingold (1991), Graph drawing by force-directed
placement, Software: Practice and Experience 21(11); H. Vogel (1979), A better way to construct
the sunflower head, Mathematical Biosciences 44.

>>> from netlead.analysis.model import Member
>>> members = [Member("a", organization="x"), Member("b", organization="x"), Member("c")]
>>> first = layout(members, [("a", "b"), ("b", "c")], seed=1)
>>> first == layout(members, [("a", "b"), ("b", "c")], seed=1)
True
>>> sorted(first.organizations)
['', 'x']
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from netlead.analysis.model import Member

__all__ = [
    "LAYOUT_VERSION",
    "SPACING",
    "MapLayout",
    "from_dict",
    "layout",
    "member_roles",
    "to_dict",
]

#: Version of the stored layout (the ``map`` key of a round's stored diagnosis).
LAYOUT_VERSION = 1
#: Distance between neighbouring members, in map units (pixels at zoom 1).
SPACING = 44.0
#: Room around the members of a disc, and between two discs (for the organization's label).
_PADDING = 0.9 * SPACING
_GAP = 1.2 * SPACING
_GOLDEN_ANGLE = math.pi * (3.0 - math.sqrt(5.0))
#: Sunflower constant: point i at radius _C·√i leaves about SPACING between neighbours.
_C = SPACING / math.sqrt(math.pi) * 1.05
_ITERATIONS = 300
_OVERLAP_ROUNDS = 400


@dataclass(frozen=True, slots=True)
class MapLayout:
    """Organization discs (``name -> (x, y, radius)``; ``""`` for members without an
    organization) and member positions (``member id -> (x, y)``), centred on (0, 0)."""

    organizations: Mapping[str, tuple[float, float, float]]
    members: Mapping[str, tuple[float, float]]
    seed: int = 0


def _organization(member: Member) -> str:
    return member.organization or ""


def _sunflower(count: int, start: int = 0) -> list[tuple[float, float]]:
    """Points ``start .. start+count-1`` of Vogel's spiral, around (0, 0)."""
    out = []
    for i in range(start, start + count):
        radius = _C * math.sqrt(i + 1) if i else 0.0
        angle = i * _GOLDEN_ANGLE
        out.append((radius * math.cos(angle), radius * math.sin(angle)))
    return out


def _disc_radius(count: int) -> float:
    return (_C * math.sqrt(count) if count > 1 else 0.0) + _PADDING


def _place_organizations(
    radius: Mapping[str, float],
    weights: Mapping[tuple[str, str], int],
    seed: int,
    previous: Mapping[str, tuple[float, float, float]],
) -> dict[str, tuple[float, float]]:
    """Force-directed placement of the discs, then overlap removal."""
    names = sorted(radius)
    rng = random.Random(seed)  # noqa: S311 (a seeded layout, not a secret)
    total = sum(math.pi * (r + _GAP) ** 2 for r in radius.values())
    spread = math.sqrt(total / math.pi)
    order = names[:]
    rng.shuffle(order)
    pos: dict[str, list[float]] = {}
    for i, name in enumerate(order):
        if name in previous:
            pos[name] = [previous[name][0], previous[name][1]]
        else:
            angle = 2 * math.pi * i / max(len(order), 1) + rng.uniform(-0.2, 0.2)
            pos[name] = [spread * math.cos(angle), spread * math.sin(angle)]
    anchored = {n for n in names if n in previous}
    # Organizations of the previous layout stay where they were; only new ones move (when
    # none is new, nothing moves: the forces need not be computed).
    free = np.array([n not in anchored for n in names])
    if len(names) > 1 and free.any():
        k = math.sqrt(total / len(names))
        heaviest = max(weights.values(), default=1)
        index = {n: i for i, n in enumerate(names)}
        pull = np.zeros((len(names), len(names)))
        for (a, b), w in weights.items():
            pull[index[a], index[b]] = pull[index[b], index[a]] = 0.3 + math.log1p(w) / math.log1p(
                heaviest
            )
        at = np.array([pos[n] for n in names])
        temperature = spread / 4
        for step in range(_ITERATIONS):
            # Every pair repels (k²/d), organizations with ties attract (pull·d²/k), and a
            # weak gravity keeps organizations without ties from drifting off.
            delta = at[:, None, :] - at[None, :, :]
            d2 = np.einsum("ijk,ijk->ij", delta, delta)
            d2[d2 == 0] = 1e-6
            np.fill_diagonal(d2, 1.0)
            force = k * k / d2 - pull * np.sqrt(d2) / k
            np.fill_diagonal(force, 0.0)
            move = np.einsum("ij,ijk->ik", force, delta) - at * 0.05
            length = np.hypot(move[:, 0], move[:, 1])
            cool = temperature * (1 - step / _ITERATIONS)
            scale = np.divide(
                np.minimum(length, cool), length, out=np.zeros_like(length), where=length > 0
            )
            at += move * (scale * free)[:, None]
        for i, n in enumerate(names):
            pos[n] = [float(at[i, 0]), float(at[i, 1])]
    _separate(pos, radius, anchored)
    return {n: (pos[n][0], pos[n][1]) for n in names}


def _separate(pos: dict[str, list[float]], radius: Mapping[str, float], anchored: set[str]) -> None:
    """Push overlapping discs apart; a disc of the previous layout gives way only to another one
    of the previous layout (grown since), never to a new one."""
    names = sorted(pos)
    for _ in range(_OVERLAP_ROUNDS):
        moved = False
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                dx, dy = pos[b][0] - pos[a][0], pos[b][1] - pos[a][1]
                d = math.hypot(dx, dy)
                need = radius[a] + radius[b] + _GAP
                if d >= need:
                    continue
                moved = True
                if d < 1e-6:  # the same place: part them along a fixed direction
                    dx, dy, d = 1.0, 0.0, 1.0
                overlap = (need - d) + 0.5
                share_a = 0.0 if a in anchored and b not in anchored else 0.5
                share_a = 1.0 if b in anchored and a not in anchored else share_a
                pos[a][0] -= dx / d * overlap * share_a
                pos[a][1] -= dy / d * overlap * share_a
                pos[b][0] += dx / d * overlap * (1 - share_a)
                pos[b][1] += dy / d * overlap * (1 - share_a)
        if not moved:
            return


def _angle_gap(a: float, b: float) -> float:
    gap = abs(a - b) % (2 * math.pi)
    return min(gap, 2 * math.pi - gap)


def _place_members(
    members: Sequence[str],
    degree: Mapping[str, int],
    preferred: Mapping[str, float],
    kept: Mapping[str, tuple[float, float]],
    seed: int,
) -> dict[str, tuple[float, float]]:
    """Members of one disc, as offsets from its centre."""
    out = dict(kept)
    new = sorted((m for m in members if m not in kept), key=lambda m: (-degree.get(m, 0), m))
    if not new:
        return out
    # Free places on the spiral: far enough from every kept member.
    points: list[tuple[float, float]] = []
    start = 0
    while len(points) < len(new):
        for x, y in _sunflower(len(new) - len(points), start):
            start += 1
            if all(math.hypot(x - kx, y - ky) >= 0.8 * SPACING for kx, ky in kept.values()):
                points.append((x, y))
    rng = random.Random(seed)  # noqa: S311 (a seeded layout, not a secret)
    # Rings: points i in [j², (j+1)²) lie between radius c·j and c·(j+1).
    j = 0
    taken = 0
    while taken < len(new):
        size = min(2 * j + 1, len(new) - taken)
        ring = points[taken : taken + size]
        group = new[taken : taken + size]
        angles = [math.atan2(y, x) for x, y in ring]
        free = list(range(size))
        with_preference = sorted(
            (m for m in group if m in preferred), key=lambda m: (-degree.get(m, 0), m)
        )
        others = [m for m in group if m not in preferred]
        rng.shuffle(others)
        for m in with_preference:
            best = min(free, key=lambda i: (_angle_gap(angles[i], preferred[m]), i))
            free.remove(best)
            out[m] = ring[best]
        for m, i in zip(others, free, strict=True):
            out[m] = ring[i]
        taken += size
        j += 1
    return out


def layout(
    members: Sequence[Member],
    edges: Iterable[tuple[str, str]],
    *,
    seed: int = 0,
    previous: MapLayout | None = None,
) -> MapLayout:
    """The map layout of ``members`` (grouped by organization) with undirected ``edges``
    (pairs of member ids; ties to unknown members are ignored). The same input and ``seed``
    give the same layout; with ``previous``, organizations and members already there keep
    their place as far as they can (see the module's docstring)."""
    organization = {m.id: _organization(m) for m in members}
    groups: dict[str, list[str]] = defaultdict(list)
    for member in members:
        groups[organization[member.id]].append(member.id)
    degree: dict[str, int] = defaultdict(int)
    weights: dict[tuple[str, str], int] = defaultdict(int)
    external: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    pairs: set[tuple[str, str]] = set()
    organization_of = organization.get
    for a, b in edges:
        oa, ob = organization_of(a), organization_of(b)
        if oa is None or ob is None or a == b:
            continue
        seen = len(pairs)
        pairs.add((a, b) if a < b else (b, a))
        if len(pairs) == seen:
            continue
        degree[a] += 1
        degree[b] += 1
        if oa != ob:
            weights[(oa, ob) if oa < ob else (ob, oa)] += 1
            external[a][ob] += 1
            external[b][oa] += 1

    before_orgs = previous.organizations if previous else {}
    before_members = previous.members if previous else {}
    kept: dict[str, dict[str, tuple[float, float]]] = defaultdict(dict)
    for org, ids in groups.items():
        if org not in before_orgs:
            continue
        cx, cy, _r = before_orgs[org]
        for m in ids:
            if m in before_members:
                # The previous disc held this member: keep their offset from its centre.
                x, y = before_members[m]
                if _r >= math.hypot(x - cx, y - cy):
                    kept[org][m] = (x - cx, y - cy)
    radius = {}
    for org, ids in groups.items():
        farthest = max((math.hypot(x, y) for x, y in kept[org].values()), default=0.0)
        radius[org] = max(_disc_radius(len(ids)), farthest + _PADDING)
    centres = _place_organizations(radius, weights, seed, before_orgs)

    positions: dict[str, tuple[float, float]] = {}
    for org in sorted(groups):
        cx, cy = centres[org]
        preferred = {}
        for m in groups[org]:
            vx = vy = 0.0
            for other, count in external[m].items():
                ox, oy = centres[other]
                d = math.hypot(ox - cx, oy - cy) or 1.0
                vx += count * (ox - cx) / d
                vy += count * (oy - cy) / d
            if vx or vy:
                preferred[m] = math.atan2(vy, vx)
        offsets = _place_members(groups[org], degree, preferred, kept[org], seed)
        for m, (x, y) in offsets.items():
            positions[m] = (cx + x, cy + y)
        radius[org] = max(
            radius[org], max(math.hypot(x, y) for x, y in offsets.values()) + _PADDING
        )

    # Centre the whole map on (0, 0), unless it continues a previous one (then it stays put).
    if previous is None and centres:
        xs = [c[0] - radius[o] for o, c in centres.items()] + [
            c[0] + radius[o] for o, c in centres.items()
        ]
        ys = [c[1] - radius[o] for o, c in centres.items()] + [
            c[1] + radius[o] for o, c in centres.items()
        ]
        sx, sy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    else:
        sx = sy = 0.0
    return MapLayout(
        organizations={
            o: (round(c[0] - sx, 1), round(c[1] - sy, 1), round(radius[o], 1))
            for o, c in sorted(centres.items())
        },
        members={
            m: (round(x - sx, 1), round(y - sy, 1)) for m, (x, y) in sorted(positions.items())
        },
        seed=seed,
    )


def to_dict(found: MapLayout) -> dict[str, Any]:
    """The layout as plain JSON, as a round stores it under ``map``."""
    return {
        "version": LAYOUT_VERSION,
        "seed": found.seed,
        "organizations": {o: list(v) for o, v in found.organizations.items()},
        "members": {m: list(v) for m, v in found.members.items()},
    }


def from_dict(stored: Mapping[str, Any] | None) -> MapLayout | None:
    """A stored layout, or ``None`` for none or one of an unknown version."""
    if not stored or stored.get("version") != LAYOUT_VERSION:
        return None
    return MapLayout(
        organizations={o: (v[0], v[1], v[2]) for o, v in stored["organizations"].items()},
        members={m: (v[0], v[1]) for m, v in stored["members"].items()},
        seed=int(stored.get("seed", 0)),
    )


#: A member is a hub or a broker when their figure is in the top tenth of the network (and at
#: least this): a role on the map is a prompt to look, not a ranking.
_TOP_SHARE = 0.1
_MIN_HUB_TIES = 3


def _top_threshold(values: Sequence[float]) -> float:
    ordered = sorted(values, reverse=True)
    if not ordered:
        return math.inf
    return ordered[max(0, math.ceil(len(ordered) * _TOP_SHARE) - 1)]


def member_roles(
    degree: Mapping[str, int], brokerage: Mapping[str, int], cut_points: Iterable[str]
) -> dict[str, tuple[str, ...]]:
    """Each member's roles on the map: ``"hub"`` when their number of ties is in the top tenth
    of the network (and at least 3), ``"broker"`` when they are a cut point (their departure
    would split the network) or their brokerage across organizations (Gould and Fernandez 1989)
    is in the top tenth and above zero.

    >>> member_roles({"a": 5, "b": 1, "c": 1}, {"a": 0, "b": 2, "c": 0}, ["c"])
    {'a': ('hub',), 'b': ('broker',), 'c': ('broker',)}
    """
    hub = max(_top_threshold(list(degree.values())), _MIN_HUB_TIES)
    broker = max(_top_threshold([v for v in brokerage.values() if v > 0]), 1)
    cut = set(cut_points)
    out: dict[str, tuple[str, ...]] = {}
    for m in sorted(degree):
        roles = []
        if degree[m] >= hub:
            roles.append("hub")
        if m in cut or brokerage.get(m, 0) >= broker:
            roles.append("broker")
        out[m] = tuple(roles)
    return out
