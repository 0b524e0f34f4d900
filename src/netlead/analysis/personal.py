"""A leader's personal network: balance of the three kinds of network, diversity,
stale contacts, plain suggestions, and an ego-network map.

Pure Python. Ibarra & Hunter (2007, "How leaders create and use networks", *Harvard
Business Review* 85(1)) tell three networks apart: *operational* (getting today's work
done, mostly inside the organization), *personal* (development and advice, mostly
outside) and *strategic* (future priorities and stakeholders, inside and outside).
Leaders moving into strategic roles tend to over-invest in the operational network
and under-invest in the strategic one; the suggestions below point at that.

Diversity is Blau's index of heterogeneity (Blau 1977, *Inequality and Heterogeneity*):
``1 - sum(p_i ** 2)`` over the categories' shares, 0 when every contact is in one
category, approaching 1 with many equally sized categories.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from netlead.core.scales import SCORE

__all__ = [
    "KINDS",
    "LEVELS",
    "SECTOR_RADIUS",
    "SUGGESTION_KEYS",
    "AuditRating",
    "Contact",
    "KindBalance",
    "PersonalNetworkSummary",
    "PlacedContact",
    "Suggestion",
    "ego_layout",
    "sector_middle",
    "sector_path",
    "summarize",
]

KINDS = ("operational", "personal", "strategic")
LEVELS = ("above", "peer", "below")
#: Every suggestion key, most important first (the order of ``summary.suggestions``).
SUGGESTION_KEYS = (
    "no_contacts",
    "no_strategic",
    "strategic_all_internal",
    "audit_gap",
    "strategic_low",
    "strategic_weak",
    "strategic_stale",
    "no_personal",
    "personal_all_internal",
    "operational_heavy",
    "no_above",
    "few_functions",
    "one_external_organization",
    "stale",
)
_STRONG = 4  # strength >= 4: a strong tie
_WEAK = 2  # strength <= 2: a weak tie
_STRATEGIC_LOW = 0.2
_OPERATIONAL_HEAVY = 0.6
_MIN_CONTACTS = 6  # for few_functions and no_above
_FEW_FUNCTIONS = 2
_MIN_EXTERNAL = 3
_AUDIT_GAP = 2


@dataclass(frozen=True, slots=True)
class Contact:
    """One contact of the leader. ``level`` is relative to the leader ("" unknown)."""

    id: str
    kind: str
    internal: bool
    level: str
    function_area: str
    organization: str
    strength: int
    last_contact: date | None


@dataclass(frozen=True, slots=True)
class AuditRating:
    """The leader's own view of one network: importance for their goals and quality now."""

    kind: str
    importance: int
    quality: int


@dataclass(frozen=True, slots=True)
class KindBalance:
    kind: str
    contacts: int
    share: float | None
    external: int
    strong: int
    stale: int


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A plain suggestion: a message key (translated by the web app) and its parameters."""

    key: str
    params: dict[str, int | float | str]


@dataclass(frozen=True, slots=True)
class PersonalNetworkSummary:
    contacts: int
    balance: tuple[KindBalance, ...]
    external_share: float | None
    strategic_share: float | None
    strategic_external_share: float | None
    levels: dict[str, int]
    function_areas: int
    organizations: int
    function_diversity: float | None
    organization_diversity: float | None
    stale: tuple[str, ...]
    stale_after_days: int
    suggestions: tuple[Suggestion, ...]


@dataclass(frozen=True, slots=True)
class PlacedContact:
    """A contact's dot on the ego-network map (SVG user units, y pointing down)."""

    id: str
    kind: str
    x: float
    y: float
    radius: float


def _is_score(value: object) -> bool:
    return value in SCORE


def _check_contacts(contacts: Sequence[Contact]) -> None:
    seen: set[str] = set()
    for c in contacts:
        if not c.id:
            raise ValueError("a contact has an empty id")
        if c.id in seen:
            raise ValueError(f"duplicate contact id {c.id!r}")
        seen.add(c.id)
        if c.kind not in KINDS:
            raise ValueError(
                f"contact {c.id!r}: unknown kind {c.kind!r}; expected one of {', '.join(KINDS)}"
            )
        if c.level and c.level not in LEVELS:
            raise ValueError(
                f"contact {c.id!r}: unknown level {c.level!r}; "
                f"expected one of {', '.join(LEVELS)} or '' (unknown)"
            )
        if not _is_score(c.strength):
            raise ValueError(
                f"contact {c.id!r}: strength must be a whole number 1..5, got {c.strength!r}"
            )


def _check_audit(audit: Sequence[AuditRating]) -> None:
    seen: set[str] = set()
    for a in audit:
        if a.kind not in KINDS:
            raise ValueError(f"audit: unknown kind {a.kind!r}; expected one of {', '.join(KINDS)}")
        if a.kind in seen:
            raise ValueError(f"audit: kind {a.kind!r} is rated twice")
        seen.add(a.kind)
        for name, value in (("importance", a.importance), ("quality", a.quality)):
            if not _is_score(value):
                raise ValueError(
                    f"audit {a.kind!r}: {name} must be a whole number 1..5, got {value!r}"
                )


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _blau(values: Iterable[Hashable]) -> float | None:
    counts = Counter(values)
    total = sum(counts.values())
    if not total:
        return None
    return 1.0 - sum((c / total) ** 2 for c in counts.values())


def _is_stale(contact: Contact, today: date, days: int) -> bool:
    return contact.last_contact is None or (today - contact.last_contact).days > days


def _suggestions(
    contacts: Sequence[Contact],
    by_kind: dict[str, list[Contact]],
    stale: list[Contact],
    stale_after_days: int,
    audit: Sequence[AuditRating],
) -> tuple[Suggestion, ...]:
    n = len(contacts)
    if not n:
        return (Suggestion("no_contacts", {}),)
    out: list[Suggestion] = []
    strategic = by_kind["strategic"]
    personal = by_kind["personal"]
    if not strategic:
        out.append(Suggestion("no_strategic", {}))
    else:
        if all(c.internal for c in strategic):
            out.append(Suggestion("strategic_all_internal", {"count": len(strategic)}))
        if len(strategic) / n < _STRATEGIC_LOW:
            out.append(Suggestion("strategic_low", {"share": len(strategic) / n}))
        weak = sum(1 for c in strategic if c.strength <= _WEAK)
        if len(strategic) >= 2 and 2 * weak > len(strategic):
            out.append(Suggestion("strategic_weak", {"count": weak}))
    gaps = sorted(
        (a for a in audit if a.importance - a.quality >= _AUDIT_GAP),
        key=lambda a: (a.quality - a.importance, KINDS.index(a.kind)),
    )
    out.extend(
        Suggestion("audit_gap", {"kind": a.kind, "importance": a.importance, "quality": a.quality})
        for a in gaps
    )
    stale_strategic = sum(1 for c in stale if c.kind == "strategic")
    if stale_strategic:
        out.append(
            Suggestion("strategic_stale", {"count": stale_strategic, "days": stale_after_days})
        )
    if not personal:
        out.append(Suggestion("no_personal", {}))
    elif all(c.internal for c in personal):
        out.append(Suggestion("personal_all_internal", {"count": len(personal)}))
    operational = len(by_kind["operational"]) / n
    if operational > _OPERATIONAL_HEAVY:
        out.append(Suggestion("operational_heavy", {"share": operational}))
    levels = [c.level for c in contacts if c.level]
    if len(levels) >= _MIN_CONTACTS and "above" not in levels:
        out.append(Suggestion("no_above", {}))
    functions = [c.function_area for c in contacts if c.function_area]
    distinct = len(set(functions))
    if len(functions) >= _MIN_CONTACTS and distinct <= _FEW_FUNCTIONS:
        out.append(Suggestion("few_functions", {"count": distinct}))
    external = [c.organization for c in contacts if not c.internal]
    if len(external) >= _MIN_EXTERNAL and len(set(external)) == 1 and external[0]:
        out.append(Suggestion("one_external_organization", {"organization": external[0]}))
    if stale:
        out.append(Suggestion("stale", {"count": len(stale), "days": stale_after_days}))
    # A stable sort by key importance keeps the audit gaps largest first.
    return tuple(sorted(out, key=lambda s: SUGGESTION_KEYS.index(s.key)))


def summarize(
    contacts: Sequence[Contact],
    *,
    today: date,
    stale_after_days: int = 90,
    audit: Sequence[AuditRating] = (),
) -> PersonalNetworkSummary:
    """Summarize a leader's personal network (Ibarra & Hunter 2007).

    Shares are of all contacts (``None`` without contacts); ``strategic_external_share``
    is the share of the strategic contacts outside the own organization. A strong tie
    has strength >= 4. A contact is stale when never reached (``last_contact`` None)
    or reached more than ``stale_after_days`` days before ``today``; ``stale`` lists
    them by last contact (never first), then id. ``organizations`` counts the own
    organization once when any contact is internal, plus the distinct known
    organizations of the external contacts. ``function_diversity`` is Blau's index
    ``1 - sum(p_i ** 2)`` over the contacts with a known function area;
    ``organization_diversity`` the same over organizations (all internal contacts in
    one "own organization" category, external ones with an unknown organization left
    out). Diversity is ``None`` when no contact has the attribute.

    Suggestions, most important first (:data:`SUGGESTION_KEYS`): ``no_contacts``
    (alone); ``no_strategic``; ``strategic_all_internal``; ``audit_gap`` per kind
    with importance - quality >= 2 (largest gap first); ``strategic_low`` (share
    < 0.2); ``strategic_weak`` (>= 2 strategic contacts, more than half with strength
    <= 2); ``strategic_stale``; ``no_personal``; ``personal_all_internal``;
    ``operational_heavy`` (share > 0.6); ``no_above`` (>= 6 contacts with a known
    level, none above); ``few_functions`` (>= 6 contacts with a known function area,
    at most 2 distinct); ``one_external_organization`` (>= 3 external contacts, all
    in one known organization); ``stale``.

    Raises ``ValueError`` for an unknown kind or level, a strength or audit rating
    outside 1..5, an empty or duplicate id, a kind audited twice, or negative
    ``stale_after_days``.

    >>> people = [
    ...     Contact("ann", "operational", True, "peer", "finance", "", 4, date(2024, 5, 1)),
    ...     Contact("bob", "strategic", False, "above", "policy", "Ministry", 2, None),
    ... ]
    >>> s = summarize(people, today=date(2024, 6, 1), audit=[AuditRating("strategic", 5, 2)])
    >>> s.strategic_share, s.organizations, s.organization_diversity, s.stale
    (0.5, 2, 0.5, ('bob',))
    >>> [(x.key, x.params) for x in s.suggestions][:2]
    [('audit_gap', {'kind': 'strategic', 'importance': 5, 'quality': 2}), ('strategic_stale', {'count': 1, 'days': 90})]
    """
    _check_contacts(contacts)
    _check_audit(audit)
    if stale_after_days < 0:
        raise ValueError(f"stale_after_days must be >= 0, got {stale_after_days!r}")
    n = len(contacts)
    by_kind: dict[str, list[Contact]] = {kind: [] for kind in KINDS}
    for c in contacts:
        by_kind[c.kind].append(c)
    stale = sorted(
        (c for c in contacts if _is_stale(c, today, stale_after_days)),
        key=lambda c: (c.last_contact is not None, c.last_contact or date.min, c.id),
    )
    stale_ids = {c.id for c in stale}
    balance = tuple(
        KindBalance(
            kind=kind,
            contacts=len(members),
            share=_share(len(members), n),
            external=sum(1 for c in members if not c.internal),
            strong=sum(1 for c in members if c.strength >= _STRONG),
            stale=sum(1 for c in members if c.id in stale_ids),
        )
        for kind, members in by_kind.items()
    )
    strategic = by_kind["strategic"]
    levels = dict.fromkeys((*LEVELS, ""), 0)
    for c in contacts:
        levels[c.level] += 1
    functions = [c.function_area for c in contacts if c.function_area]
    # None stands for the own organization: it cannot clash with an organization name.
    organizations: list[str | None] = [
        None if c.internal else c.organization for c in contacts if c.internal or c.organization
    ]
    return PersonalNetworkSummary(
        contacts=n,
        balance=balance,
        external_share=_share(sum(1 for c in contacts if not c.internal), n),
        strategic_share=_share(len(strategic), n),
        strategic_external_share=_share(
            sum(1 for c in strategic if not c.internal), len(strategic)
        ),
        levels=levels,
        function_areas=len(set(functions)),
        organizations=len(set(organizations)),
        function_diversity=_blau(functions),
        organization_diversity=_blau(organizations),
        stale=tuple(c.id for c in stale),
        stale_after_days=stale_after_days,
        suggestions=_suggestions(contacts, by_kind, stale, stale_after_days, audit),
    )


# The ego-network map. Angles in degrees, SVG orientation (y down, so growing angles
# turn clockwise on screen); -90 is straight up. Distances are shares of ``size``.
_SECTOR = 120.0
_SECTOR_START = {"operational": -90.0, "personal": 30.0, "strategic": 150.0}
_NEAREST = 0.16  # dot centres of strength-5 ties
_FARTHEST = 0.44  # dot centres of strength-1 ties
_STAGGER = 0.02  # every other dot of a sector a little farther out, against overlaps
_WEDGE = 0.48  # radius of the sector wedges
#: The sector wedges' radius as a share of the map's size.
SECTOR_RADIUS = _WEDGE
_REFERENCE_SIZE = 480.0  # dot radii are 4 + 2 * strength units at this size


def _point(centre: float, distance: float, degrees: float) -> tuple[float, float]:
    angle = math.radians(degrees)
    return centre + distance * math.cos(angle), centre + distance * math.sin(angle)


def ego_layout(
    contacts: Sequence[Contact], *, size: float = 480.0, group_by_level: bool = False
) -> tuple[PlacedContact, ...]:
    """Place contacts on an ego-network map of ``size`` x ``size`` around the leader
    at the centre (size/2, size/2).

    Three 120-degree sectors: operational from the top (-90 degrees) clockwise to 30,
    personal 30 to 150, strategic 150 to 270. In its sector, contact i of m (sorted by
    strength, strongest first, then id) sits at angle start + (i + 0.5) * 120 / m.
    Its distance from the centre shrinks with strength: 0.44 * size for strength 1
    down to 0.16 * size for strength 5 in equal steps, every second contact of a sector
    0.02 * size farther out so neighbours overlap less. The dot radius is
    (4 + 2 * strength) * size / 480. Dots stay inside the canvas, outside 0.12 * size
    around the centre; the layout is deterministic. Coordinates are rounded to 0.01.
    The sector drawing follows Ibarra & Hunter's (2007) three networks.

    With ``group_by_level`` the contacts of a sector are sorted by their position
    relative to the leader first (above, peer, below, unknown), then by strength and id,
    so each position fills one stretch of the sector's arc.

    >>> [(p.id, p.x, p.y, p.radius) for p in ego_layout(
    ...     [Contact("a", "operational", True, "", "", "", 5, None)], size=100)]
    [('a', 63.86, 42.0, 2.92)]
    """
    _check_contacts(contacts)
    if not size > 0:
        raise ValueError(f"size must be > 0, got {size!r}")
    centre = size / 2
    scale = size / _REFERENCE_SIZE
    out: list[PlacedContact] = []
    for kind in KINDS:
        members = sorted(
            (c for c in contacts if c.kind == kind),
            key=lambda c: (_level_rank(c.level) if group_by_level else 0, -c.strength, c.id),
        )
        step = _SECTOR / len(members) if members else 0.0
        for i, c in enumerate(members):
            distance = _NEAREST + (_FARTHEST - _NEAREST) * (5 - c.strength) / 4
            distance += _STAGGER * (i % 2)
            x, y = _point(centre, distance * size, _SECTOR_START[kind] + (i + 0.5) * step)
            radius = (4 + 2 * c.strength) * scale
            out.append(PlacedContact(c.id, kind, round(x, 2), round(y, 2), round(radius, 2)))
    return tuple(out)


def _level_rank(level: str) -> int:
    return LEVELS.index(level) if level in LEVELS else len(LEVELS)


def sector_middle(kind: str, *, size: float = 480.0, distance: float) -> tuple[float, float]:
    """The point ``distance`` units from the centre of an ego-network map of ``size`` in
    the middle of a kind's sector (see :func:`ego_layout`): where its name goes.

    >>> sector_middle("personal", size=100, distance=10)
    (50.0, 60.0)
    """
    if kind not in _SECTOR_START:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    x, y = _point(size / 2, distance, _SECTOR_START[kind] + _SECTOR / 2)
    return round(x, 2), round(y, 2)


def _number(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def sector_path(kind: str, *, size: float = 480.0) -> str:
    """The SVG path ``d`` of a kind's wedge on the ego-network map (see
    :func:`ego_layout`): from the centre to the sector's start on a circle of radius
    0.48 * size, clockwise along it 120 degrees, and back.

    >>> sector_path("operational", size=100)
    'M50 50 L50 2 A48 48 0 0 1 91.57 74 Z'
    """
    if kind not in _SECTOR_START:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    if not size > 0:
        raise ValueError(f"size must be > 0, got {size!r}")
    centre = size / 2
    r = _WEDGE * size
    start = _point(centre, r, _SECTOR_START[kind])
    end = _point(centre, r, _SECTOR_START[kind] + _SECTOR)
    c, rr = _number(centre), _number(r)
    return (
        f"M{c} {c} L{_number(start[0])} {_number(start[1])} "
        f"A{rr} {rr} 0 0 1 {_number(end[0])} {_number(end[1])} Z"
    )
