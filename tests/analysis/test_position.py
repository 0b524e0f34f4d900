"""A member's position from a stored diagnosis: roles on a hand-made dict at the
thresholds, on a real diagnosis of a star with a bridge, and properties."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings

from netlead.analysis import Member, Network, Tie, diagnose, to_dict
from netlead.analysis.position import CONNECTED, ROLES, Position, member_position
from tests.analysis.test_random_graphs import networks


def _m(
    id: str,
    degree: int,
    betweenness: float = 0.0,
    brokerage: int = 0,
    constraint: float | None = 0.5,
) -> dict[str, Any]:
    return {
        "id": id,
        "degree": degree,
        "in_degree": degree,
        "out_degree": degree,
        "betweenness": betweenness,
        "constraint": constraint,
        "effective_size": None,
        "organization": None,
        "brokerage": {
            "coordinator": brokerage,
            "gatekeeper": 0,
            "representative": 0,
            "consultant": 0,
            "liaison": 0,
            "total": brokerage,
        },
    }


def _roles(members: list[dict[str, Any]], member: str) -> tuple[str, ...]:
    position = member_position({"members": members}, member)
    assert position is not None
    return position.roles


# Six members: the shares below are of the five others, so 4/5 = 0.8 and 1/5 = 0.2.
SIX = [
    _m("hub", 5, betweenness=0.3, brokerage=0),
    _m("broker", 3, betweenness=0.5, brokerage=2),
    _m("mid", 2, betweenness=0.1, brokerage=1),
    _m("low", 2),
    _m("leaf", 1),
    _m("alone", 0, constraint=None),
]


def test_hand_made_positions() -> None:
    hub = member_position({"members": SIX}, "hub")
    assert hub == Position(
        member="hub",
        members=6,
        roles=("hub",),  # betweenness above 4 of 5 but no brokerage role
        degree=5,
        degree_share_below=1.0,
        betweenness_share_below=0.8,
        brokerage=0,
        constraint=0.5,
    )
    # degree 3 is above 4 of 5 (0.8) and >= 3: a hub; the highest betweenness with
    # brokerage: a broker, listed first
    assert _roles(SIX, "broker") == ("broker", "hub")
    broker = member_position({"members": SIX}, "broker")
    assert broker is not None and broker.main_role == "broker"
    # mid: degree 2 above 2 of 5 (0.4), betweenness above 3 of 5 (0.6): none
    mid = member_position({"members": SIX}, "mid")
    assert mid is not None and mid.roles == () and mid.main_role == CONNECTED
    assert (mid.degree_share_below, mid.betweenness_share_below) == (0.4, 0.6)
    assert _roles(SIX, "leaf") == ("peripheral",)
    alone = member_position({"members": SIX}, "alone")
    assert alone is not None and alone.roles == ("isolated",) and alone.constraint is None
    assert member_position({"members": SIX}, "nobody") is None


def test_thresholds() -> None:
    # degree 2 above everyone, but a hub needs degree >= 3
    pair = [_m("a", 2), _m("b", 1), _m("c", 1)]
    assert _roles(pair, "a") == ()
    # degree 2 above only 1 of 5 others (0.2): peripheral
    crowd = [_m("x", 2), _m("y", 1), *(_m(f"z{i}", 3) for i in range(4))]
    assert _roles(crowd, "x") == ("peripheral",)
    # the same with 2 of 5 below (0.4): connected
    crowd[2] = _m("z0", 1)
    assert _roles(crowd, "x") == ()
    # betweenness above 3 of 5 only: no broker whatever the brokerage
    five = [
        _m("b", 2, 0.2, 5),
        _m("c", 2, 0.3),
        _m("d", 2, 0.4),
        *(_m(f"e{i}", 1) for i in range(3)),
    ]
    assert _roles(five, "b") == ()
    # the highest betweenness without a brokerage role: no broker either
    assert _roles(five, "d") == ()
    five[3] = _m("e0", 1, 0.0, 1)
    five[2] = _m("d", 2, 0.4, 1)
    assert _roles(five, "d") == ("broker",)
    # zero betweenness is never brokerage, however the others compare
    flat = [_m("f", 2, 0.0, 3), _m("g", 1)]
    assert "broker" not in _roles(flat, "f")
    # equal degrees put nobody at the edge: in a ring of degree-2 members all are connected
    ring = [_m(f"r{i}", 2, 0.1) for i in range(6)]
    assert {_roles(ring, f"r{i}") for i in range(6)} == {()}
    # ...but one with fewer ties than at least 80% of the others is
    ring[0] = _m("r0", 2, 0.1)
    wider = [ring[0], *(_m(f"w{i}", 4, 0.1) for i in range(5))]
    assert _roles(wider, "r0") == ("peripheral",)


def test_equal_betweenness_up_to_rounding_is_not_lower() -> None:
    members = [_m("a", 2, 0.1 + 0.2, 1), *(_m(f"b{i}", 2, 0.3, 1) for i in range(5))]
    position = member_position({"members": members}, "a")
    assert position is not None and position.betweenness_share_below == 0.0
    assert "broker" not in position.roles


def test_brokerage_total_from_the_roles_and_one_member() -> None:
    member = _m("a", 0)
    member["brokerage"] = {"gatekeeper": 2, "liaison": 1}
    position = member_position({"members": [member]}, "a")
    assert position is not None
    assert position.brokerage == 3 and position.members == 1
    assert position.degree_share_below == position.betweenness_share_below == 0.0
    assert position.roles == ("isolated",)


def test_bad_diagnosis() -> None:
    with pytest.raises(ValueError, match="no 'members' list"):
        member_position({}, "a")
    with pytest.raises(ValueError, match="no 'members' list"):
        member_position({"members": "abc"}, "a")


def test_star_with_a_bridge() -> None:
    # c is the centre of a star of five leaves without an organization; b (org B)
    # bridges c (org A) to the clique d1..d4 (org B). Ties in both directions.
    members = (
        Member("c", organization="A"),
        *(Member(f"l{i}") for i in range(5)),
        Member("b", organization="B"),
        *(Member(f"d{i}", organization="B") for i in range(1, 5)),
    )
    edges = [("c", f"l{i}") for i in range(5)] + [("c", "b"), ("b", "d1")]
    edges += [(f"d{i}", f"d{j}") for i in range(1, 5) for j in range(i + 1, 5)]
    ties = tuple(Tie(s, t) for a, b in edges for s, t in ((a, b), (b, a)))
    data = to_dict(diagnose(Network(members, ties)))

    centre = member_position(data, "c")
    bridge = member_position(data, "b")
    leaf = member_position(data, "l0")
    assert centre is not None and bridge is not None and leaf is not None
    # the centre: degree 6, above all 10 others; brokers nothing (leaves have no organization)
    assert centre.roles == ("hub",) and centre.degree == 6 and centre.brokerage == 0
    assert centre.degree_share_below == 1.0 and centre.betweenness_share_below == 1.0
    # the bridge: degree 2, second highest betweenness, gatekeeper and representative
    assert bridge.roles == ("broker",) and bridge.degree == 2
    assert bridge.betweenness_share_below == pytest.approx(0.9)
    assert bridge.degree_share_below == pytest.approx(0.5)
    assert bridge.brokerage == 2 and bridge.constraint is not None
    assert leaf.roles == ("peripheral",) and leaf.main_role == "peripheral"
    assert leaf.members == 11


@settings(max_examples=60, deadline=None)
@given(networks())
def test_roles_are_consistent(case: tuple[Network, dict[str, str | None]]) -> None:
    network, _ = case
    data = to_dict(diagnose(network))
    positions = [member_position(data, m.id) for m in network.members]
    for p in positions:
        assert p is not None
        assert 0.0 <= p.degree_share_below <= 1.0 and 0.0 <= p.betweenness_share_below <= 1.0
        assert list(p.roles) == [r for r in ROLES if r in p.roles]  # listed in order
        assert (p.degree == 0) == (p.roles == ("isolated",))
        if "hub" in p.roles:
            assert p.degree >= 3 and p.degree_share_below >= 0.8
        if "broker" in p.roles:
            assert p.brokerage > 0 and p.betweenness_share_below >= 0.8
        if p.degree == 1:
            assert "peripheral" in p.roles
        assert p.main_role == (p.roles[0] if p.roles else CONNECTED)
    # shares follow the degrees: a higher degree never has a lower share
    for p in positions:
        for q in positions:
            assert p is not None and q is not None
            if p.degree > q.degree:
                assert p.degree_share_below > q.degree_share_below
            elif p.degree == q.degree:
                assert p.degree_share_below == q.degree_share_below
