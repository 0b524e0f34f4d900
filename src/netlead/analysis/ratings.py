"""Trust and value from tie ratings, as aggregates with a minimum number of raters.

Following Varda's PARTNER tool (Varda et al. 2012), each rated tie gets
``trust = mean(reliability, mission, openness)`` and
``value = mean(influence, involvement, resources)`` on a 1-4 scale (the mean of the
items present). Aggregates average these per-tie scores. An aggregate over fewer
than ``k`` distinct raters is suppressed: its figures are ``None`` and
``suppressed`` says why, so no individual answer can be read off.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

import numpy as np

from netlead.analysis.model import RATING_FIELDS, Tie
from netlead.analysis.results import RatingAggregate, RatingsSummary

__all__ = [
    "FEWER_THAN_K",
    "MAX_RATING",
    "NO_RATINGS",
    "RatingsResult",
    "aggregate_ratings",
    "tie_scores",
]

MAX_RATING = 4.0
FEWER_THAN_K = "fewer_than_k_raters"
NO_RATINGS = RatingAggregate(0, 0, None, None, None, None, "no_ratings")


def tie_scores(tie: Tie) -> tuple[float | None, float | None]:
    """Trust and value of one tie (mean of the items present, else ``None``).

    >>> tie_scores(Tie("a", "b", reliability=4, mission=3, openness=2))
    (3.0, None)
    """
    return tie.trust, tie.value


def _aggregate(
    raters: int,
    ratings: int,
    trust_sum: float,
    trust_n: int,
    value_sum: float,
    value_n: int,
    k: int,
) -> RatingAggregate:
    if ratings == 0:
        return NO_RATINGS
    if raters < k:
        return RatingAggregate(raters, ratings, None, None, None, None, FEWER_THAN_K)
    trust = trust_sum / trust_n if trust_n else None
    value = value_sum / value_n if value_n else None
    return RatingAggregate(
        raters,
        ratings,
        trust,
        value,
        trust / MAX_RATING if trust is not None else None,
        value / MAX_RATING if value is not None else None,
    )


def _mean_present(columns: Any) -> Any:
    """Per row, the mean of the three columns' numbers (NaN: not given), summed left to right
    as :attr:`Tie.trust` does, so the figures are the same to the last bit; NaN if none."""
    given = ~np.isnan(columns)
    zeroed = np.where(given, columns, 0.0)
    total = (zeroed[:, 0] + zeroed[:, 1]) + zeroed[:, 2]
    count = given.sum(axis=1)
    return np.where(count > 0, total / np.maximum(count, 1), np.nan)


@dataclass(frozen=True, slots=True)
class RatingsResult:
    """Aggregates per member (received), per organization (received from and given
    to members of other organizations) and network-wide; ``summary`` is ``None``
    when no tie carries a rating."""

    members: list[RatingAggregate]
    org_received: list[RatingAggregate]
    org_given: list[RatingAggregate]
    summary: RatingsSummary | None
    #: (rater's organization, rated member's organization) -> trust and value over the
    #: ratings of that pair, the diagonal included; only pairs with a rating.
    org_matrix: dict[tuple[int, int], RatingAggregate] = field(default_factory=dict)


def aggregate_ratings(
    ties: tuple[Tie, ...],
    index: dict[str, int],
    org: list[int],
    organizations: int,
    layer: list[int],
    *,
    k: int = 3,
    ends: tuple[Any, Any] | None = None,
) -> RatingsResult:
    """Aggregate tie ratings per member received, per organization and overall.

    Raters are the distinct sources of rated ties. Organizations' figures count
    only ties that cross the organization's boundary. ``within``/``across``
    compare ties inside one organization (or layer) with ties between two.
    ``org_matrix`` holds one aggregate per ordered pair of organizations (rater's, rated
    member's), inside one organization included, each under the same k rule. ``ends``: the
    vertex numbers of each tie's source and target, when the caller has them (else looked up
    in ``index``).

    >>> ties = tuple(Tie(s, "x", reliability=3) for s in "abc")
    >>> r = aggregate_ratings(ties, {"a": 0, "b": 1, "c": 2, "x": 3}, [-1] * 4, 0,
    ...                       [-1] * 4, k=3)
    >>> r.members[3].trust, r.summary.network.trust_share
    (3.0, 0.75)
    """
    n = len(index)
    # One pass in Python reads the ties' ratings (None becomes NaN); every mean, sum and
    # count after it is numpy's.
    if ends is None:
        ends = (
            np.fromiter((index[t.source] for t in ties), dtype=np.int64, count=len(ties)),
            np.fromiter((index[t.target] for t in ties), dtype=np.int64, count=len(ties)),
        )
    read = attrgetter(*RATING_FIELDS)
    table = np.array([read(t) for t in ties], dtype=np.float64).reshape(-1, len(RATING_FIELDS))
    with np.errstate(invalid="ignore", divide="ignore"):
        trust_all = _mean_present(table[:, :3])
        value_all = _mean_present(table[:, 3:])
    keep = ~(np.isnan(trust_all) & np.isnan(value_all))
    if not keep.any():
        none = [NO_RATINGS] * organizations
        return RatingsResult([NO_RATINGS] * n, none, none[:], None)
    src = np.asarray(ends[0], dtype=np.int64)[keep]
    tgt = np.asarray(ends[1], dtype=np.int64)[keep]
    trust, value = trust_all[keep], value_all[keep]
    scores = _Scores(src, trust, value)
    # Member aggregates: ties are unique per (source, target), so each rated tie to a member
    # comes from a distinct rater and the count of ratings is the count of raters.
    members = scores.grouped(tgt, n, distinct=False)
    codes = np.asarray(org, dtype=np.int64)
    gs, gt = codes[src], codes[tgt]
    levels = np.asarray(layer, dtype=np.int64)
    ls, lt = levels[src], levels[tgt]
    both = (gs >= 0) & (gt >= 0)
    inside = both & (gs == gt)
    across = both & (gs != gt)
    both_layers = (ls >= 0) & (lt >= 0)
    pair_key = gs * max(organizations, 1) + gt
    pairs, pair_index = np.unique(pair_key[both], return_inverse=True)
    summary = RatingsSummary(
        network=scores.one(None, k),
        within_organizations=scores.one(inside, k),
        across_organizations=scores.one(across, k),
        within_layers=scores.one(both_layers & (ls == lt), k),
        across_layers=scores.one(both_layers & (ls != lt), k),
    )
    matrix = scores.subset(both).grouped(pair_index, len(pairs))
    width = max(organizations, 1)
    return RatingsResult(
        members.results(k, skip_empty=True),
        scores.subset(across).grouped(gt[across], organizations).results(k, skip_empty=True),
        scores.subset(across).grouped(gs[across], organizations).results(k, skip_empty=True),
        summary,
        {
            (key // width, key % width): aggregate
            for key, aggregate in zip(pairs.tolist(), matrix.results(k), strict=True)
        },
    )


class _Grouped:
    """Per group: distinct raters, ratings, and the sums and counts of trust and value."""

    def __init__(self, raters: Any, ratings: Any, sums: tuple[Any, Any, Any, Any]) -> None:
        self.raters = raters.tolist()
        self.ratings = ratings.tolist()
        self.sums = [column.tolist() for column in sums]

    def results(self, k: int, *, skip_empty: bool = False) -> list[RatingAggregate]:
        t_sum, t_n, v_sum, v_n = self.sums
        return [
            NO_RATINGS
            if skip_empty and not count
            else _aggregate(raters, count, t_sum[i], int(t_n[i]), v_sum[i], int(v_n[i]), k)
            for i, (raters, count) in enumerate(zip(self.raters, self.ratings, strict=True))
        ]


class _Scores:
    """The rated ties as arrays: rater, trust and value (NaN where not given)."""

    def __init__(self, rater: Any, trust: Any, value: Any) -> None:
        self.rater, self.trust, self.value = rater, trust, value
        self.has_trust = ~np.isnan(trust)
        self.has_value = ~np.isnan(value)

    def subset(self, mask: Any) -> _Scores:
        return _Scores(self.rater[mask], self.trust[mask], self.value[mask])

    def grouped(self, group: Any, groups: int, *, distinct: bool = True) -> _Grouped:
        ratings = np.bincount(group, minlength=groups)
        if distinct and len(group):
            pairs = np.unique(group * (int(self.rater.max()) + 1) + self.rater)
            raters = np.bincount(pairs // (int(self.rater.max()) + 1), minlength=groups)
        else:
            raters = ratings
        sums = (
            np.bincount(group, weights=np.where(self.has_trust, self.trust, 0.0), minlength=groups),
            np.bincount(group, weights=self.has_trust, minlength=groups),
            np.bincount(group, weights=np.where(self.has_value, self.value, 0.0), minlength=groups),
            np.bincount(group, weights=self.has_value, minlength=groups),
        )
        return _Grouped(raters, ratings, sums)

    def one(self, mask: Any, k: int) -> RatingAggregate:
        part = self if mask is None else self.subset(mask)
        if not len(part.rater):
            return NO_RATINGS
        return _aggregate(
            len(np.unique(part.rater)),
            len(part.rater),
            float(part.trust[part.has_trust].sum()),
            int(part.has_trust.sum()),
            float(part.value[part.has_value].sum()),
            int(part.has_value.sum()),
            k,
        )
