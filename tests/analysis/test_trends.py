from __future__ import annotations

from netlead.analysis.trends import chart_points, trend


def test_the_change_skips_rounds_where_the_figure_was_not_shown() -> None:
    found = trend([None, 3.2, None, 3.9, None])
    assert (found.first, found.last, found.change) == (3.2, 3.9, 0.7)


def test_one_shown_value_has_no_change() -> None:
    assert trend([None, 4.0]).change is None
    assert trend([]).first is None


def test_chart_points_keep_gaps_and_the_given_range() -> None:
    points = chart_points([1, None, 3, 5], width=90, height=40, low=1, high=5)
    assert points == ((0.0, 40.0), None, (60.0, 20.0), (90.0, 0.0))


def test_a_flat_series_sits_in_the_middle() -> None:
    assert chart_points([2, 2], width=10, height=40) == ((0.0, 20.0), (10.0, 20.0))
    assert chart_points([None], width=10, height=40) == (None,)
