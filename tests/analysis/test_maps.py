"""The map's layout (netlead.analysis.maps): the same on every load, organizations as discs
that do not overlap, members inside their disc and apart, and a next round in the same places."""

from __future__ import annotations

import math
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netlead.analysis import maps
from netlead.analysis.maps import SPACING, MapLayout, from_dict, layout, member_roles, to_dict
from netlead.analysis.model import Member


def _network(
    members: int, ties: int, orgs: int, seed: int
) -> tuple[list[Member], list[tuple[str, str]]]:
    rng = random.Random(seed)
    people = [
        Member(f"m{i}", organization=f"org {i % orgs}" if i % 11 else None) for i in range(members)
    ]
    edges = [(f"m{rng.randrange(members)}", f"m{rng.randrange(members)}") for _ in range(ties)]
    return people, edges


def _check(found: MapLayout, members: list[Member]) -> None:
    discs = found.organizations
    names = sorted(discs)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            (ax, ay, ar), (bx, by, br) = discs[a], discs[b]
            assert math.hypot(ax - bx, ay - by) >= ar + br, (a, b)
    points = []
    for m in members:
        x, y = found.members[m.id]
        cx, cy, r = discs[m.organization or ""]
        assert math.hypot(x - cx, y - cy) <= r, m.id  # inside its organization's disc
        points.append((x, y))
    points.sort()
    for i, (x, y) in enumerate(points):
        for qx, qy in points[i + 1 : i + 40]:
            if qx - x > SPACING:
                break
            assert math.hypot(qx - x, qy - y) >= 0.8 * SPACING


def test_the_same_network_gives_the_same_layout_in_any_order() -> None:
    members, edges = _network(150, 600, 6, seed=1)
    first = layout(members, edges)
    assert layout(list(reversed(members)), list(reversed(edges))) == first
    assert layout(members, edges, seed=2) != first
    _check(first, members)


def test_a_thousand_members_are_laid_out_without_overlap() -> None:
    members, edges = _network(1000, 5000, 40, seed=2)
    _check(layout(members, edges), members)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 60), st.integers(0, 200), st.integers(1, 8), st.integers(0, 1000))
def test_random_networks_never_overlap(members: int, ties: int, orgs: int, seed: int) -> None:
    people, edges = _network(members, ties, orgs, seed)
    _check(layout(people, edges, seed=seed), people)


def test_the_next_round_keeps_everyone_in_place() -> None:
    members, edges = _network(150, 600, 6, seed=3)
    before = layout(members, edges)
    # A member leaves, two join (one in a new organization), ties change.
    after_members = [
        *members[1:],
        Member("new1", organization="org 2"),
        Member("new2", organization="new org"),
    ]
    after_edges = [*edges[50:], ("new1", "m5"), ("new2", "m7"), ("new2", "new1")]
    after = layout(after_members, after_edges, previous=before)
    # Each organization stays where it was, give or take the room a grown neighbour needs,
    # and its members keep their place in it.
    for name, (x, y, _r) in before.organizations.items():
        ax, ay, _ = after.organizations[name]
        assert math.hypot(ax - x, ay - y) < SPACING / 2, name
    for m in members[1:]:
        (x, y), (ax, ay) = before.members[m.id], after.members[m.id]
        cx, cy, _ = before.organizations[m.organization or ""]
        dx, dy, _ = after.organizations[m.organization or ""]
        assert math.hypot((ax - dx) - (x - cx), (ay - dy) - (y - cy)) < 0.5, m.id
    _check(after, after_members)


def test_stored_layouts_read_back() -> None:
    members, edges = _network(30, 60, 4, seed=4)
    found = layout(members, edges)
    assert from_dict(to_dict(found)) == found
    assert from_dict(None) is None
    assert from_dict({**to_dict(found), "version": maps.LAYOUT_VERSION + 1}) is None


def test_roles() -> None:
    degree = {f"m{i}": i for i in range(20)}
    brokerage = {f"m{i}": (5 if i == 3 else 0) for i in range(20)}
    roles = member_roles(degree, brokerage, ["m0"])
    assert roles["m19"] == ("hub",) and roles["m18"] == ("hub",) and roles["m17"] == ()
    assert roles["m3"] == ("broker",) and roles["m0"] == ("broker",)
