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

from netlead.analysis.model import Tie
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


class _Acc:
    """Running sums of trust and value for one aggregate, with its raters."""

    __slots__ = ("raters", "ratings", "trust_n", "trust_sum", "value_n", "value_sum")

    def __init__(self) -> None:
        self.raters: set[int] = set()
        self.ratings = 0
        self.trust_sum = 0.0
        self.trust_n = 0
        self.value_sum = 0.0
        self.value_n = 0

    def add(self, rater: int, trust: float | None, value: float | None) -> None:
        self.raters.add(rater)
        self.ratings += 1
        if trust is not None:
            self.trust_sum += trust
            self.trust_n += 1
        if value is not None:
            self.value_sum += value
            self.value_n += 1

    def result(self, k: int) -> RatingAggregate:
        return _aggregate(
            len(self.raters),
            self.ratings,
            self.trust_sum,
            self.trust_n,
            self.value_sum,
            self.value_n,
            k,
        )


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


def _mean3(a: float | None, b: float | None, c: float | None) -> float | None:
    if a is not None and b is not None and c is not None:
        return (a + b + c) / 3.0
    present = [x for x in (a, b, c) if x is not None]
    return sum(present) / len(present) if present else None


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
) -> RatingsResult:
    """Aggregate tie ratings per member received, per organization and overall.

    Raters are the distinct sources of rated ties. Organizations' figures count
    only ties that cross the organization's boundary. ``within``/``across``
    compare ties inside one organization (or layer) with ties between two.
    ``org_matrix`` holds one aggregate per ordered pair of organizations (rater's, rated
    member's), inside one organization included, each under the same k rule.

    >>> ties = tuple(Tie(s, "x", reliability=3) for s in "abc")
    >>> r = aggregate_ratings(ties, {"a": 0, "b": 1, "c": 2, "x": 3}, [-1] * 4, 0,
    ...                       [-1] * 4, k=3)
    >>> r.members[3].trust, r.summary.network.trust_share
    (3.0, 0.75)
    """
    n = len(index)
    # Member aggregates: ties are unique per (source, target), so each rated tie to
    # a member comes from a distinct rater and plain counters suffice.
    count = [0] * n
    t_sum = [0.0] * n
    t_n = [0] * n
    v_sum = [0.0] * n
    v_n = [0] * n
    received: dict[int, _Acc] = {}
    given: dict[int, _Acc] = {}
    pairs: dict[tuple[int, int], _Acc] = {}
    # Summary aggregates: 0 network, 1/2 within/across organizations, 3/4 layers.
    summary_accs = [_Acc() for _ in range(5)]
    for tie in ties:
        trust = _mean3(tie.reliability, tie.mission, tie.openness)
        value = _mean3(tie.influence, tie.involvement, tie.resources)
        if trust is None and value is None:
            continue
        s, t = index[tie.source], index[tie.target]
        count[t] += 1
        if trust is not None:
            t_sum[t] += trust
            t_n[t] += 1
        if value is not None:
            v_sum[t] += value
            v_n[t] += 1
        gs, gt = org[s], org[t]
        ls, lt = layer[s], layer[t]
        targets = [summary_accs[0]]
        if gs >= 0 and gt >= 0:
            targets.append(_get(pairs, (gs, gt)))
            if gs == gt:
                targets.append(summary_accs[1])
            else:
                targets += (summary_accs[2], _get(received, gt), _get(given, gs))
        if ls >= 0 and lt >= 0:
            targets.append(summary_accs[3] if ls == lt else summary_accs[4])
        for acc in targets:
            acc.raters.add(s)
            acc.ratings += 1
            if trust is not None:
                acc.trust_sum += trust
                acc.trust_n += 1
            if value is not None:
                acc.value_sum += value
                acc.value_n += 1
    network, in_org, across_org, in_layer, across_layer = summary_accs
    if network.ratings == 0:
        none = [NO_RATINGS] * organizations
        return RatingsResult([NO_RATINGS] * n, none, none[:], None)
    summary = RatingsSummary(
        network=network.result(k),
        within_organizations=in_org.result(k),
        across_organizations=across_org.result(k),
        within_layers=in_layer.result(k),
        across_layers=across_layer.result(k),
    )
    return RatingsResult(
        [_aggregate(count[i], count[i], t_sum[i], t_n[i], v_sum[i], v_n[i], k) for i in range(n)],
        _results(received, organizations, k),
        _results(given, organizations, k),
        summary,
        {pair: acc.result(k) for pair, acc in sorted(pairs.items())},
    )


def _get[K](accs: dict[K, _Acc], key: K) -> _Acc:
    acc = accs.get(key)
    if acc is None:
        acc = accs[key] = _Acc()
    return acc


def _results(accs: dict[int, _Acc], n: int, k: int) -> list[RatingAggregate]:
    return [accs[i].result(k) if i in accs else NO_RATINGS for i in range(n)]
