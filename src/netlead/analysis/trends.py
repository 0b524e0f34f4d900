"""A figure across rounds: its series, the change from the first round where it was shown to
the last, and where each point sits on a small chart.

A round where a figure was not shown (a group under k, a measure an earlier version did not
compute) is a gap, never a zero: the change skips it, and so does the chart's line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Trend", "chart_points", "trend"]


@dataclass(frozen=True, slots=True)
class Trend:
    values: tuple[float | None, ...]
    first: float | None
    last: float | None
    #: ``last - first`` over the shown values; ``None`` with fewer than two of them.
    change: float | None


def trend(values: Sequence[float | None]) -> Trend:
    """The series and its change over the rounds where it was shown.

    >>> trend([None, 0.2, None, 0.35]).change
    0.15
    >>> trend([3.1, None]).change is None
    True
    """
    shown = [v for v in values if v is not None]
    first = shown[0] if shown else None
    last = shown[-1] if shown else None
    change = (
        round(last - first, 10)
        if len(shown) >= 2 and first is not None and last is not None
        else None
    )
    return Trend(values=tuple(values), first=first, last=last, change=change)


def chart_points(
    values: Sequence[float | None],
    *,
    width: float,
    height: float,
    low: float | None = None,
    high: float | None = None,
) -> tuple[tuple[float, float] | None, ...]:
    """Each value's (x, y) on a chart of ``width`` by ``height`` (y grows downwards, as in
    SVG), between ``low`` and ``high`` (the values' own range where not given); ``None`` for a
    gap.

    >>> chart_points([1, None, 5], width=100, height=40, low=1, high=5)
    ((0.0, 40.0), None, (100.0, 0.0))
    """
    shown = [v for v in values if v is not None]
    if not shown:
        return tuple(None for _ in values)
    bottom = min(shown) if low is None else low
    top = max(shown) if high is None else high
    span = top - bottom
    step = width / (len(values) - 1) if len(values) > 1 else 0.0

    def y(value: float) -> float:
        # A flat series sits in the middle rather than on an edge.
        share = 0.5 if span == 0 else (value - bottom) / span
        return round(height * (1 - min(max(share, 0.0), 1.0)), 2)

    return tuple(
        None if v is None else (round(step * i if len(values) > 1 else width / 2, 2), y(v))
        for i, v in enumerate(values)
    )
