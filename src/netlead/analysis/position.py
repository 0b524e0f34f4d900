"""A member's own position in a network, read from a stored diagnosis.

Pure Python. The input is the JSON form of a diagnosis (``to_dict(diagnose(...))``);
only its ``"members"`` list is read: per member ``id``, ``degree``, ``betweenness``,
``brokerage`` (with ``total``, or the five Gould & Fernandez role counts) and
``constraint``. Positions are relative to the other members of the same network:
a share "below" is the share of the other members with a strictly lower figure.

Roles (Freeman 1979 for degree and betweenness centrality, Burt 1992 for brokerage
across structural holes, counted as Gould & Fernandez 1989 roles):

- ``isolated``: degree 0 (and then no other role);
- ``broker``: betweenness above at least 80% of the others, betweenness > 0 and at
  least one brokerage role (members without an organization broker nothing);
- ``hub``: degree above at least 80% of the others and degree >= 3;
- ``peripheral``: degree <= 1, or at least 80% of the others have a higher degree (not a hub).

A member with none of these is ``connected``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["CONNECTED", "ROLES", "Position", "member_position"]

#: Roles in the order they are listed.
ROLES = ("broker", "hub", "peripheral", "isolated")
CONNECTED = "connected"
_HIGH = 0.8
_LOW = 0.2
_HUB_DEGREE = 3
# Betweenness values are floats: equal positions may differ in the last bits, so
# "lower" means lower by more than this share of the member's own value.
_RELATIVE = 1e-9
_BROKERAGE_ROLES = ("coordinator", "gatekeeper", "representative", "consultant", "liaison")


@dataclass(frozen=True, slots=True)
class Position:
    """Where one member stands in their network (see the module docstring)."""

    member: str
    members: int
    roles: tuple[str, ...]
    degree: int
    degree_share_below: float
    betweenness_share_below: float
    brokerage: int
    constraint: float | None

    @property
    def main_role(self) -> str:
        """The first role, or ``"connected"`` without one."""
        return self.roles[0] if self.roles else CONNECTED


def _share_below(value: float, others: Sequence[float]) -> float:
    if not others:
        return 0.0
    return sum(1 for other in others if other < value - _RELATIVE * abs(value)) / len(others)


def _brokerage(member: Mapping[str, Any]) -> int:
    roles = member.get("brokerage") or {}
    total = roles.get("total")
    if total is None:
        total = sum(roles.get(role, 0) for role in _BROKERAGE_ROLES)
    return int(total)


def _betweenness(member: Mapping[str, Any]) -> float:
    return float(member.get("betweenness") or 0.0)


def member_position(diagnosis: Mapping[str, Any], member_id: str) -> Position | None:
    """The position of ``member_id`` in a diagnosis dict, ``None`` when not a member.

    ``degree_share_below`` is the share of the other members with a lower degree,
    ``betweenness_share_below`` the same for betweenness (0 in a one-member network);
    roles and their order (broker, hub, peripheral; or isolated alone) as in the module
    docstring. References: Freeman (1979) for degree and betweenness centrality,
    Burt (1992) for brokerage and constraint.

    >>> def m(id, degree, betweenness, brokerage):
    ...     return {"id": id, "degree": degree, "betweenness": betweenness,
    ...             "brokerage": {"total": brokerage}, "constraint": None}
    >>> star = {"members": [m("c", 3, 1.0, 2), m("a", 1, 0.0, 0), m("b", 1, 0.0, 0),
    ...                     m("d", 1, 0.0, 0)]}
    >>> centre = member_position(star, "c")
    >>> centre.roles, centre.main_role, centre.degree_share_below
    (('broker', 'hub'), 'broker', 1.0)
    >>> member_position(star, "a").main_role, member_position(star, "x")
    ('peripheral', None)
    """
    members = diagnosis.get("members")
    if not isinstance(members, Sequence) or isinstance(members, str):
        raise ValueError("the diagnosis has no 'members' list (expected to_dict(diagnose(...)))")
    me = next((m for m in members if m.get("id") == member_id), None)
    if me is None:
        return None
    others = [m for m in members if m is not me]
    degree = int(me["degree"])
    betweenness = _betweenness(me)
    degree_below = _share_below(degree, [int(m["degree"]) for m in others])
    betweenness_below = _share_below(betweenness, [_betweenness(m) for m in others])
    brokerage = _brokerage(me)
    roles: list[str] = []
    if degree == 0:
        roles.append("isolated")
    else:
        hub = degree_below >= _HIGH and degree >= _HUB_DEGREE
        if betweenness_below >= _HIGH and betweenness > 0 and brokerage > 0:
            roles.append("broker")
        if hub:
            roles.append("hub")
        # At the edge: at least 80% of the others have more ties (so in a network where
        # everyone has the same degree, nobody is peripheral).
        degree_above = (
            sum(1 for m in others if int(m["degree"]) > degree) / len(others) if others else 0.0
        )
        if degree <= 1 or (degree_above >= 1 - _LOW and not hub):
            roles.append("peripheral")
    constraint = me.get("constraint")
    return Position(
        member=member_id,
        members=len(members),
        roles=tuple(roles),
        degree=degree,
        degree_share_below=degree_below,
        betweenness_share_below=betweenness_below,
        brokerage=brokerage,
        constraint=None if constraint is None else float(constraint),
    )
