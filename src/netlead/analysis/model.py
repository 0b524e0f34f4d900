"""Input data: members, directed ties and the network they form.

Plain frozen dataclasses, no behaviour beyond small conveniences. Readers in
:mod:`netlead.analysis.io` build them from files; the web app builds them from
survey answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "RATING_FIELDS",
    "TRUST_FIELDS",
    "VALUE_FIELDS",
    "Member",
    "Network",
    "NetworkError",
    "Tie",
]

#: Ratings that make up trust (Varda's PARTNER tool): reliability, support of the
#: shared mission, openness to discussion.
TRUST_FIELDS: tuple[str, ...] = ("reliability", "mission", "openness")
#: Ratings that make up value: influence, level of involvement, resource
#: contribution.
VALUE_FIELDS: tuple[str, ...] = ("influence", "involvement", "resources")
RATING_FIELDS: tuple[str, ...] = TRUST_FIELDS + VALUE_FIELDS


class NetworkError(ValueError):
    """A network that cannot be analysed (unknown member, self tie, duplicate)."""


@dataclass(frozen=True, slots=True)
class Member:
    """A member of the network: a person, usually in an organization and a layer.

    ``attributes`` holds any other columns as sorted ``(name, value)`` pairs.
    ``rounds`` lists the survey rounds the member belongs to; empty means all.
    ``responded`` is false for a member who did not answer the survey: their own ties are
    unknown, not absent (see :mod:`netlead.analysis.missing`).
    """

    id: str
    name: str = ""
    organization: str | None = None
    layer: str | None = None
    attributes: tuple[tuple[str, str], ...] = ()
    rounds: tuple[str, ...] = ()
    responded: bool = True


@dataclass(frozen=True, slots=True)
class Tie:
    """A directed tie: ``source`` names ``target`` as someone they work with.

    ``weight`` is > 0. Ratings are 1-4 or ``None`` when not given. ``round`` is the
    survey round the tie was reported in, if any.
    """

    source: str
    target: str
    weight: float = 1.0
    reliability: float | None = None
    mission: float | None = None
    openness: float | None = None
    influence: float | None = None
    involvement: float | None = None
    resources: float | None = None
    round: str | None = None

    @property
    def trust(self) -> float | None:
        """Mean of the trust ratings present on this tie, ``None`` if none."""
        return _mean_present((self.reliability, self.mission, self.openness))

    @property
    def value(self) -> float | None:
        """Mean of the value ratings present on this tie, ``None`` if none."""
        return _mean_present((self.influence, self.involvement, self.resources))

    @property
    def rated(self) -> bool:
        """Whether the tie carries at least one rating."""
        return any(
            r is not None
            for r in (
                self.reliability,
                self.mission,
                self.openness,
                self.influence,
                self.involvement,
                self.resources,
            )
        )


def _mean_present(values: tuple[float | None, ...]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


@dataclass(frozen=True, slots=True)
class Network:
    """Members and the directed ties between them.

    Example:
        >>> Network(members=(Member("a"), Member("b")), ties=(Tie("a", "b"),)).size
        2
    """

    members: tuple[Member, ...]
    ties: tuple[Tie, ...] = field(default=())

    @property
    def size(self) -> int:
        return len(self.members)

    def rounds(self) -> tuple[str, ...]:
        """The distinct rounds named by ties, sorted."""
        return tuple(sorted({t.round for t in self.ties if t.round is not None}))

    def for_round(self, round_: str) -> Network:
        """The network of one round: its ties, and the members in that round.

        A member with no ``rounds`` belongs to every round.
        """
        members = tuple(m for m in self.members if not m.rounds or round_ in m.rounds)
        return Network(members=members, ties=tuple(t for t in self.ties if t.round == round_))
