"""Scoring of the health check (pure): reverse items, bands, k and secondary suppression."""

from __future__ import annotations

from netlead.analysis.health import (
    HealthItemSpec,
    HealthResponse,
    band,
    compare_health,
    score_health,
)

SPECS = [
    HealthItemSpec("a1", "a"),
    HealthItemSpec("a2", "a", reverse=True),
    HealthItemSpec("b1", "b"),
]


def _responses(org_sizes: dict[str, int], value: int = 4) -> list[HealthResponse]:
    return [
        HealthResponse({"a1": value, "a2": 6 - value, "b1": value}, organization=org, layer="x")
        for org, size in org_sizes.items()
        for _ in range(size)
    ]


def test_reverse_items_count_the_other_way() -> None:
    summary = score_health(_responses({"P": 3}, value=5), SPECS, k=3)
    assert summary.dimensions[0].mean == 5.0
    assert summary.dimensions[0].band == "strength"


def test_bands_follow_the_shown_score() -> None:
    assert [band(x) for x in (4.0, 3.96, 3.94, 3.0, 2.94)] == [
        "strength",
        "strength",
        "discuss",
        "discuss",
        "concern",
    ]


def test_fewer_than_k_respondents_shows_nothing() -> None:
    summary = score_health(_responses({"P": 2}), SPECS, k=3)
    assert summary.suppressed == "fewer_than_k"
    assert all(d.mean is None for d in summary.dimensions)
    assert summary.items == {}


def test_small_group_hidden_and_its_complement_too() -> None:
    summary = score_health(_responses({"P": 5, "S": 4, "T": 1}), SPECS, k=3)
    groups = {g.group: g for g in summary.by_organization}
    assert groups["T"].suppressed == "fewer_than_k" and groups["T"].dimensions == ()
    # With T hidden alone, total minus P minus S would give T away: the smaller of them hides.
    assert groups["S"].suppressed == "secondary_suppression"
    assert groups["P"].suppressed is None and groups["P"].dimensions[0].mean == 4.0


def test_out_of_range_and_unknown_answers_never_count() -> None:
    responses = [HealthResponse({"a1": 9, "zz": 1, "b1": 2}) for _ in range(3)]
    summary = score_health(responses, SPECS, k=3)
    assert summary.dimensions[0].respondents == 0 and summary.dimensions[0].mean is None
    assert summary.dimensions[1].mean == 2.0


def test_compare_gives_change_only_where_both_rounds_are_shown() -> None:
    before = score_health(_responses({"P": 3}, value=3), SPECS, k=3)
    after = score_health(_responses({"P": 3}, value=4), SPECS, k=3)
    change = compare_health(before, after)
    assert change[0].change == 1.0
    hidden = score_health(_responses({"P": 2}), SPECS, k=3)
    assert compare_health(hidden, after)[0].change is None
