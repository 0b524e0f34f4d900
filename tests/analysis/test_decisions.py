"""The decision rules and the side-by-side text comparison: plain functions, plain tests."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from netlead.analysis.decisions import progress
from netlead.analysis.textdiff import side_by_side

OPENED = date(2026, 3, 1)


def _p(kind: str, *, eligible: int, agreed: int, objections: int = 0, day: int = 0, days=14):  # type: ignore[no-untyped-def]
    return progress(
        kind=kind,
        days=days,
        eligible=eligible,
        agreed=agreed,
        objections=objections,
        opened_on=OPENED,
        today=OPENED + timedelta(days=day),
    )


def test_consent_is_met_by_silence_once_the_period_ends() -> None:
    assert not _p("consent", eligible=14, agreed=9, day=9).met
    ended = _p("consent", eligible=14, agreed=9, day=14)
    assert ended.met and ended.period_over and ended.days_left == 0


def test_consent_is_met_early_when_everyone_agreed() -> None:
    rule = _p("consent", eligible=3, agreed=3, day=1)
    assert rule.met and rule.days_left == 13


def test_one_objection_breaks_consent_even_after_the_period() -> None:
    rule = _p("consent", eligible=14, agreed=13, objections=1, day=30)
    assert not rule.met
    assert not rule.open  # waiting does not help


def test_majority_needs_more_than_half() -> None:
    assert _p("majority", eligible=14, agreed=8).needed == 8
    assert _p("majority", eligible=14, agreed=8).met
    assert not _p("majority", eligible=14, agreed=7).met
    assert not _p("majority", eligible=4, agreed=2).met  # a tie is no majority
    assert _p("majority", eligible=14, agreed=9, objections=5).met


def test_everyone_needs_every_decider() -> None:
    assert not _p("everyone", eligible=5, agreed=4).met
    assert _p("everyone", eligible=5, agreed=5).met


def test_nobody_to_decide_never_meets_a_counting_rule() -> None:
    assert not _p("majority", eligible=0, agreed=0).met
    assert not _p("everyone", eligible=0, agreed=0).met


def test_counts_and_days_left_for_the_progress_line() -> None:
    rule = _p("consent", eligible=14, agreed=9, day=9)
    assert (rule.agreed, rule.eligible, rule.objections, rule.days_left) == (9, 14, 0, 5)
    assert rule.not_answered == 5
    assert rule.ends_on == date(2026, 3, 15)


@pytest.mark.parametrize("bad", [{"kind": "vote"}, {"days": -1}, {"eligible": -1}, {"agreed": -2}])
def test_bad_input_is_refused(bad: dict[str, object]) -> None:
    args: dict[str, object] = {
        "kind": "consent",
        "days": 14,
        "eligible": 3,
        "agreed": 1,
        "objections": 0,
        "opened_on": OPENED,
        "today": OPENED,
    }
    with pytest.raises(ValueError):
        progress(**{**args, **bad})  # type: ignore[arg-type]


def test_side_by_side_pairs_lines_and_marks_changed_words() -> None:
    rows = side_by_side(
        "Trust first.\nWe meet monthly.\nOld rule.", "Trust first.\nWe meet weekly."
    )
    assert [r.kind for r in rows] == ["equal", "replace", "delete"]
    changed_left = [s.text for s in rows[1].left if s.changed]
    changed_right = [s.text for s in rows[1].right if s.changed]
    assert changed_left == [" monthly."] and changed_right == [" weekly."]
    assert rows[2].right == () and rows[2].left_text == "Old rule."


def test_side_by_side_of_an_added_text() -> None:
    rows = side_by_side("", "New values.")
    assert [(r.kind, r.left_text, r.right_text) for r in rows] == [("insert", "", "New values.")]
    assert side_by_side("Same.", "Same.")[0].kind == "equal"
