"""Personal network: summary figures with known answers, every suggestion at its
boundary, bad input, the ego-network map's geometry, and properties."""

from __future__ import annotations

import math
import random
import re
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netlead.analysis.personal import (
    KINDS,
    LEVELS,
    SUGGESTION_KEYS,
    AuditRating,
    Contact,
    KindBalance,
    Suggestion,
    ego_layout,
    sector_path,
    summarize,
)

TODAY = date(2025, 3, 1)
RECENT = TODAY - timedelta(days=10)


def _c(
    id: str,
    kind: str = "operational",
    *,
    internal: bool = True,
    level: str = "",
    function_area: str = "",
    organization: str = "",
    strength: int = 3,
    last_contact: date | None = RECENT,
) -> Contact:
    return Contact(id, kind, internal, level, function_area, organization, strength, last_contact)


def _suggestions(
    contacts: list[Contact], audit: tuple[AuditRating, ...], days: int
) -> tuple[Suggestion, ...]:
    return summarize(contacts, today=TODAY, stale_after_days=days, audit=audit).suggestions


def _keys(
    contacts: list[Contact], *, audit: tuple[AuditRating, ...] = (), days: int = 90
) -> list[str]:
    return [s.key for s in _suggestions(contacts, audit, days)]


def _params(contacts: list[Contact], key: str, *, days: int = 90) -> dict[str, int | float | str]:
    found = [s for s in _suggestions(contacts, (), days) if s.key == key]
    assert len(found) == 1
    return found[0].params


def test_known_summary() -> None:
    contacts = [
        _c("o1", level="peer", function_area="finance", strength=5),
        _c("o2", level="below", function_area="finance", strength=4),
        _c("o3", internal=False, organization="Acme", function_area="it", strength=2),
        _c("p1", "personal", internal=False, organization="Club", level="peer", strength=4),
        _c(
            "s1",
            "strategic",
            internal=False,
            organization="Ministry",
            level="above",
            function_area="policy",
            strength=1,
            last_contact=None,
        ),
        _c("s2", "strategic", level="above", function_area="it", last_contact=date(2024, 1, 5)),
    ]
    s = summarize(contacts, today=TODAY)
    assert s.contacts == 6
    assert s.balance == (
        KindBalance("operational", 3, 0.5, external=1, strong=2, stale=0),
        KindBalance("personal", 1, 1 / 6, external=1, strong=1, stale=0),
        KindBalance("strategic", 2, 1 / 3, external=1, strong=0, stale=2),
    )
    assert s.external_share == 0.5
    assert s.strategic_share == pytest.approx(1 / 3)
    assert s.strategic_external_share == 0.5
    assert s.levels == {"above": 2, "peer": 2, "below": 1, "": 1}
    # finance, it, policy; own organization + Acme + Club + Ministry
    assert (s.function_areas, s.organizations) == (3, 4)
    # areas finance 2, it 2, policy 1 (of 5): 1 - (4 + 4 + 1) / 25
    assert s.function_diversity == pytest.approx(16 / 25)
    # own 3 (o1, o2, s2), Acme, Club, Ministry (of 6): 1 - (9 + 1 + 1 + 1) / 36
    assert s.organization_diversity == pytest.approx(24 / 36)
    assert s.stale == ("s1", "s2") and s.stale_after_days == 90
    assert s.suggestions == (
        Suggestion("strategic_stale", {"count": 2, "days": 90}),
        Suggestion("stale", {"count": 2, "days": 90}),
    )


def test_no_contacts() -> None:
    s = summarize([], today=TODAY, audit=[AuditRating("strategic", 5, 1)])
    assert s.suggestions == (Suggestion("no_contacts", {}),)
    assert [b.share for b in s.balance] == [None, None, None]
    assert [b.kind for b in s.balance] == list(KINDS)
    assert s.external_share is s.strategic_share is s.strategic_external_share is None
    assert s.function_diversity is s.organization_diversity is None
    assert s.levels == {"above": 0, "peer": 0, "below": 0, "": 0}
    assert s.organizations == 0


def test_organizations_count_the_own_organization_once() -> None:
    contacts = [
        _c("a", organization="Own Ltd"),
        _c("b"),
        _c("c", internal=False, organization="Acme"),
        _c("d", internal=False, organization="Acme"),
        _c("e", internal=False),  # unknown organization: not counted
    ]
    s = summarize(contacts, today=TODAY)
    assert s.organizations == 2
    assert s.organization_diversity == 0.5
    only_internal = summarize([_c("a"), _c("b")], today=TODAY)
    assert only_internal.organizations == 1 and only_internal.organization_diversity == 0.0
    assert summarize([_c("e", internal=False)], today=TODAY).organization_diversity is None


def test_stale_boundary_and_order() -> None:
    contacts = [
        _c("exact", last_contact=TODAY - timedelta(days=90)),
        _c("b-old", last_contact=TODAY - timedelta(days=91)),
        _c("a-old", last_contact=TODAY - timedelta(days=91)),
        _c("older", last_contact=TODAY - timedelta(days=400)),
        _c("z-never", last_contact=None),
        _c("a-never", last_contact=None),
        _c("future", last_contact=TODAY + timedelta(days=3)),
    ]
    s = summarize(contacts, today=TODAY)
    assert s.stale == ("a-never", "z-never", "older", "a-old", "b-old")
    assert summarize(contacts, today=TODAY, stale_after_days=400).stale == ("a-never", "z-never")
    assert _params(contacts, "stale", days=30) == {"count": 6, "days": 30}
    assert "strategic_stale" not in _keys(contacts)


def test_strategic_suggestions() -> None:
    operational = [_c(f"o{i}", internal=False, organization=f"O{i}") for i in range(5)]
    assert _keys(operational)[0] == "no_strategic"
    one_internal = [*operational, _c("s", "strategic")]  # 1 of 6: below 0.2
    keys = _keys(one_internal)
    assert keys[:2] == ["strategic_all_internal", "strategic_low"]
    assert _params(one_internal, "strategic_low") == {"share": pytest.approx(1 / 6)}
    assert _params(one_internal, "strategic_all_internal") == {"count": 1}
    at_limit = [*operational[:4], _c("s", "strategic", internal=False, organization="X")]
    assert not {"strategic_low", "strategic_all_internal"} & set(_keys(at_limit))  # 1 of 5


def test_strategic_weak_needs_more_than_half() -> None:
    weak = [_c("a", "strategic", strength=1), _c("b", "strategic", strength=2)]
    assert _params([*weak, _c("c", "strategic", strength=4)], "strategic_weak") == {"count": 2}
    assert "strategic_weak" not in _keys([weak[0], _c("c", "strategic", strength=3)])
    assert "strategic_weak" not in _keys([weak[0]])  # fewer than two strategic contacts


def test_personal_suggestions() -> None:
    assert "no_personal" in _keys([_c("a", "strategic")])
    internal = [_c("p", "personal"), _c("q", "personal"), _c("s", "strategic")]
    assert _params(internal, "personal_all_internal") == {"count": 2}
    mixed = [*internal, _c("r", "personal", internal=False)]
    assert not {"personal_all_internal", "no_personal"} & set(_keys(mixed))


def test_operational_heavy_above_sixty_percent() -> None:
    base = [_c("p", "personal", internal=False), _c("s", "strategic", internal=False)]
    heavy = [*base, *(_c(f"o{i}") for i in range(4))]  # 4 of 6
    assert _params(heavy, "operational_heavy") == {"share": pytest.approx(4 / 6)}
    assert "operational_heavy" not in _keys([*base, *(_c(f"o{i}") for i in range(3))])  # 0.6


def test_few_functions_and_no_above() -> None:
    two = [_c(f"c{i}", function_area="ab"[i % 2], level="peer") for i in range(6)]
    assert _params(two, "few_functions") == {"count": 2}
    assert "no_above" in _keys(two)
    three = [*two[:5], _c("x", function_area="c", level="above")]
    assert not {"few_functions", "no_above"} & set(_keys(three))
    assert not {"few_functions", "no_above"} & set(_keys(two[:5]))
    # unknown function areas and levels are not evidence of either
    unknown = [_c(f"u{i}") for i in range(8)]
    assert not {"few_functions", "no_above"} & set(_keys(unknown))


def test_one_external_organization() -> None:
    acme = [_c(f"e{i}", internal=False, organization="Acme") for i in range(3)]
    assert _params(acme, "one_external_organization") == {"organization": "Acme"}
    assert "one_external_organization" not in _keys(acme[:2])
    assert "one_external_organization" not in _keys(
        [*acme, _c("x", internal=False, organization="Beta")]
    )
    assert "one_external_organization" not in _keys([*acme, _c("x", internal=False)])
    unknown = [_c(f"u{i}", internal=False) for i in range(3)]
    assert "one_external_organization" not in _keys(unknown)


def test_audit_gaps_largest_first() -> None:
    contacts = [_c("s", "strategic", internal=False), _c("p", "personal", internal=False)]
    audit = [
        AuditRating("operational", 4, 2),
        AuditRating("personal", 3, 2),
        AuditRating("strategic", 5, 1),
    ]
    gaps = summarize(contacts, today=TODAY, audit=audit).suggestions
    assert [(s.key, s.params) for s in gaps if s.key == "audit_gap"] == [
        ("audit_gap", {"kind": "strategic", "importance": 5, "quality": 1}),
        ("audit_gap", {"kind": "operational", "importance": 4, "quality": 2}),
    ]


def test_suggestions_follow_the_documented_order() -> None:
    contacts = [
        *(_c(f"o{i}", level="peer", function_area="ops", strength=4) for i in range(7)),
        _c("s1", "strategic", level="peer", strength=1, last_contact=None),
        _c("s2", "strategic", level="peer", strength=2),
    ]
    keys = _keys(contacts, audit=(AuditRating("personal", 5, 1),))
    assert keys == [
        "strategic_all_internal",
        "audit_gap",
        "strategic_weak",
        "strategic_stale",
        "no_personal",
        "operational_heavy",
        "no_above",
        "few_functions",
        "stale",
    ]
    assert keys == sorted(keys, key=SUGGESTION_KEYS.index)


@pytest.mark.parametrize(
    ("contacts", "audit", "message"),
    [
        ([_c("a", "family")], [], "contact 'a': unknown kind 'family'"),
        ([_c("a", level="boss")], [], "unknown level 'boss'"),
        ([_c("a", strength=0)], [], "strength must be a whole number 1..5, got 0"),
        ([_c("a", strength=6)], [], "got 6"),
        ([_c("a"), _c("a")], [], "duplicate contact id 'a'"),
        ([_c("")], [], "empty id"),
        ([], [AuditRating("family", 3, 3)], "audit: unknown kind"),
        ([], [AuditRating("personal", 0, 3)], "importance must be"),
        ([], [AuditRating("personal", 3, 6)], "quality must be"),
        ([], [AuditRating("personal", 3, 3)] * 2, "rated twice"),
    ],
)
def test_bad_input(contacts: list[Contact], audit: list[AuditRating], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        summarize(contacts, today=TODAY, audit=audit)


def test_bad_options() -> None:
    with pytest.raises(ValueError, match="stale_after_days"):
        summarize([], today=TODAY, stale_after_days=-1)
    with pytest.raises(ValueError, match="unknown kind"):
        ego_layout([_c("a", "family")])
    with pytest.raises(ValueError, match="size"):
        ego_layout([], size=0)
    with pytest.raises(ValueError, match="unknown kind 'family'"):
        sector_path("family")


# The ego-network map -------------------------------------------------------------------

SECTORS = {"operational": (-90.0, 30.0), "personal": (30.0, 150.0), "strategic": (150.0, 270.0)}


def _polar(x: float, y: float, size: float) -> tuple[float, float]:
    dx, dy = x - size / 2, y - size / 2
    angle = math.degrees(math.atan2(dy, dx))
    return math.hypot(dx, dy), angle + 360 if angle < -90 else angle


def test_layout_known_points() -> None:
    placed = ego_layout(
        [_c("s", "strategic", strength=1), _c("a", strength=5), _c("b", strength=3)], size=480
    )
    assert [p.id for p in placed] == ["a", "b", "s"]  # by kind, then strongest first
    a, b, s = placed
    # a: operational, first of two, at -90 + 30 = -60 degrees, 0.16 * 480 from the centre
    assert (a.x, a.y) == (
        round(240 + 76.8 * math.cos(math.radians(-60)), 2),
        round(240 + 76.8 * math.sin(math.radians(-60)), 2),
    )
    assert a.radius == 14.0 and b.radius == 10.0 and s.radius == 6.0
    # b: second (staggered), strength 3 at 0.30 + 0.02 of the size, at 0 degrees
    assert (b.x, b.y) == (pytest.approx(240 + 0.32 * 480), 240.0)
    # s: alone in the strategic sector, in its middle (210 degrees), farthest ring
    assert _polar(s.x, s.y, 480) == pytest.approx((0.44 * 480, 210.0), abs=0.02)


def test_stronger_ties_are_nearer() -> None:
    contacts = [_c(f"p{s}{i}", "personal", strength=s) for s in range(1, 6) for i in range(2)]
    placed = {p.id: p for p in ego_layout(contacts)}
    for s in range(1, 5):
        for i in range(2):
            for j in range(2):
                weaker, stronger = placed[f"p{s}{i}"], placed[f"p{s + 1}{j}"]
                assert _polar(stronger.x, stronger.y, 480)[0] < _polar(weaker.x, weaker.y, 480)[0]
                assert stronger.radius > weaker.radius


def test_sector_paths() -> None:
    assert sector_path("operational", size=100) == "M50 50 L50 2 A48 48 0 0 1 91.57 74 Z"
    assert sector_path("personal", size=100) == "M50 50 L91.57 74 A48 48 0 0 1 8.43 74 Z"
    assert sector_path("strategic") == "M240 240 L40.47 355.2 A230.4 230.4 0 0 1 240 9.6 Z"


CONTACTS = st.lists(
    st.builds(
        Contact,
        id=st.text("abcdefgh", min_size=1, max_size=4),
        kind=st.sampled_from(KINDS),
        internal=st.booleans(),
        level=st.sampled_from((*LEVELS, "")),
        function_area=st.sampled_from(("", "it", "hr", "sales", "policy")),
        organization=st.sampled_from(("", "Acme", "Beta", "Gamma")),
        strength=st.integers(1, 5),
        last_contact=st.none() | st.dates(date(2023, 1, 1), date(2025, 6, 1)),
    ),
    max_size=40,
    unique_by=lambda c: c.id,
)


@settings(max_examples=150, deadline=None)
@given(CONTACTS, st.floats(50, 2000))
def test_layout_stays_in_canvas_and_sector(contacts: list[Contact], size: float) -> None:
    placed = ego_layout(contacts, size=size)
    assert sorted(p.id for p in placed) == sorted(c.id for c in contacts)
    kinds = {c.id: c.kind for c in contacts}
    for p in placed:
        assert p.kind == kinds[p.id]
        distance, angle = _polar(p.x, p.y, size)
        low, high = SECTORS[p.kind]
        assert low < angle < high
        assert p.radius <= p.x <= size - p.radius and p.radius <= p.y <= size - p.radius
        assert distance + p.radius <= 0.48 * size + 0.02  # inside the drawn wedge
        assert distance - p.radius >= 0.12 * size - 0.02  # clear of the leader
    shuffled = list(contacts)
    random.Random(len(contacts)).shuffle(shuffled)
    assert sorted(ego_layout(shuffled, size=size), key=lambda p: p.id) == sorted(
        placed, key=lambda p: p.id
    )


@settings(max_examples=150, deadline=None)
@given(CONTACTS, st.integers(0, 400))
def test_summary_invariants(contacts: list[Contact], days: int) -> None:
    s = summarize(contacts, today=TODAY, stale_after_days=days)
    n = len(contacts)
    assert s.contacts == n == sum(b.contacts for b in s.balance) == sum(s.levels.values())
    if n:
        assert sum(b.share or 0.0 for b in s.balance) == pytest.approx(1.0)
    for value in (s.function_diversity, s.organization_diversity):
        assert value is None or 0.0 <= value < 1.0
    stale = {
        c.id for c in contacts if c.last_contact is None or (TODAY - c.last_contact).days > days
    }
    assert set(s.stale) == stale and len(s.stale) == sum(b.stale for b in s.balance)
    keys = [x.key for x in s.suggestions]
    assert keys == sorted(keys, key=SUGGESTION_KEYS.index)
    assert ("no_contacts" in keys) == (n == 0)
    assert ("stale" in keys) == bool(stale)
    # input order does not matter
    assert summarize(contacts[::-1], today=TODAY, stale_after_days=days) == s
