"""Scores of the network health check: per dimension, per organization and per layer.

Pure Python. A respondent's dimension score is the mean of the statements they answered in
that dimension (reverse statements count as ``scale_max + 1 - answer``); a dimension's score is
the mean over respondents. Any group of fewer than ``k`` respondents is suppressed, and when
exactly one group of a breakdown is suppressed, the smallest shown group is suppressed with it,
so that nobody can work out the hidden group from the total and the others.

Bands follow the product's rule on the score rounded to one decimal, as shown:
strength 4.0 and above, worth discussing 3.0 to 3.9, concern below 3.0. `shown_score` is that
one rounding (half up, on the decimal the reader sees): the band, the bar and the figure on the
page all use it, so they cannot disagree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from statistics import fmean

__all__ = [
    "DimensionChange",
    "DimensionScore",
    "GroupHealth",
    "HealthItemSpec",
    "HealthResponse",
    "HealthSummary",
    "band",
    "compare_health",
    "score_health",
    "shown_score",
]

STRENGTH = "strength"
DISCUSS = "discuss"
CONCERN = "concern"
#: Why a figure is not shown.
FEWER_THAN_K = "fewer_than_k"
SECONDARY = "secondary_suppression"


@dataclass(frozen=True, slots=True)
class HealthItemSpec:
    key: str
    dimension: str
    reverse: bool = False


@dataclass(frozen=True, slots=True)
class HealthResponse:
    """One respondent's submitted answers (item key -> 1..scale_max), with their group."""

    answers: Mapping[str, int]
    organization: str | None = None
    layer: str | None = None


@dataclass(frozen=True, slots=True)
class DimensionScore:
    dimension: str
    respondents: int
    mean: float | None
    band: str | None


@dataclass(frozen=True, slots=True)
class GroupHealth:
    """Dimension scores of one organization or layer; empty with a reason when suppressed."""

    group: str
    respondents: int
    dimensions: tuple[DimensionScore, ...]
    suppressed: str | None = None


@dataclass(frozen=True, slots=True)
class HealthSummary:
    respondents: int
    k: int
    dimensions: tuple[DimensionScore, ...]
    items: dict[str, float | None]
    by_organization: tuple[GroupHealth, ...]
    by_layer: tuple[GroupHealth, ...]
    suppressed: str | None = None


@dataclass(frozen=True, slots=True)
class DimensionChange:
    dimension: str
    before: float | None
    after: float | None
    change: float | None


def shown_score(mean: float | None) -> float | None:
    """A dimension score as shown: rounded half up to one decimal (2.95 -> 3.0, 2.25 ->
    2.3), on its shortest decimal form, so binary floating point never tips it.

    >>> shown_score(2.95), shown_score(2.25), shown_score(2.8333), shown_score(None)
    (3.0, 2.3, 2.8, None)
    """
    if mean is None:
        return None
    return float(Decimal(repr(mean)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def band(mean: float | None) -> str | None:
    """The band of a dimension score, on the score as shown (`shown_score`).

    >>> band(3.95), band(3.94), band(2.96), band(2.95), band(None)
    ('strength', 'discuss', 'discuss', 'discuss', None)
    """
    shown = shown_score(mean)
    if shown is None:
        return None
    if shown >= 4.0:
        return STRENGTH
    return DISCUSS if shown >= 3.0 else CONCERN


def _respondent_scores(
    response: HealthResponse, items: Mapping[str, HealthItemSpec], scale_max: int
) -> dict[str, float]:
    per_dimension: dict[str, list[int]] = defaultdict(list)
    for key, answer in response.answers.items():
        spec = items.get(key)
        if spec is None or not 1 <= answer <= scale_max:
            continue  # unknown or out-of-range answers never count
        per_dimension[spec.dimension].append(scale_max + 1 - answer if spec.reverse else answer)
    return {dimension: fmean(values) for dimension, values in per_dimension.items()}


def _dimension_scores(
    scores: list[dict[str, float]], dimensions: Iterable[str], k: int
) -> tuple[DimensionScore, ...]:
    out = []
    for dimension in dimensions:
        values = [s[dimension] for s in scores if dimension in s]
        mean = fmean(values) if len(values) >= k and values else None
        out.append(DimensionScore(dimension, len(values), mean, band(mean)))
    return tuple(out)


def _groups(
    scores: list[tuple[str | None, dict[str, float]]], dimensions: tuple[str, ...], k: int
) -> tuple[GroupHealth, ...]:
    by_group: dict[str, list[dict[str, float]]] = defaultdict(list)
    for group, score in scores:
        if group:
            by_group[group].append(score)
    small = {g for g, members in by_group.items() if len(members) < k}
    secondary: set[str] = set()
    if len(small) == 1:
        shown = sorted((len(m), g) for g, m in by_group.items() if g not in small)
        if shown:
            secondary.add(shown[0][1])
    out = []
    for group in sorted(by_group):
        members = by_group[group]
        if group in small or group in secondary:
            reason = FEWER_THAN_K if group in small else SECONDARY
            out.append(GroupHealth(group, len(members), (), reason))
        else:
            out.append(GroupHealth(group, len(members), _dimension_scores(members, dimensions, k)))
    return tuple(out)


def score_health(
    responses: Iterable[HealthResponse],
    items: Iterable[HealthItemSpec],
    *,
    k: int = 3,
    scale_max: int = 5,
) -> HealthSummary:
    """Score submitted health-check responses.

    >>> specs = [HealthItemSpec("a1", "a"), HealthItemSpec("a2", "a", reverse=True)]
    >>> answers = [HealthResponse({"a1": 5, "a2": 1}), HealthResponse({"a1": 4, "a2": 2}),
    ...            HealthResponse({"a1": 3})]
    >>> summary = score_health(answers, specs, k=3)
    >>> summary.dimensions[0].mean, summary.dimensions[0].band
    (4.0, 'strength')
    >>> score_health(answers[:2], specs, k=3).suppressed
    'fewer_than_k'
    """
    specs = {spec.key: spec for spec in items}
    dimensions = tuple(dict.fromkeys(spec.dimension for spec in specs.values()))
    responses = list(responses)
    scored = [(r, _respondent_scores(r, specs, scale_max)) for r in responses]
    scored = [(r, s) for r, s in scored if s]
    n = len(scored)
    if n < k:
        return HealthSummary(
            respondents=n,
            k=k,
            dimensions=tuple(DimensionScore(d, 0, None, None) for d in dimensions),
            items={},
            by_organization=(),
            by_layer=(),
            suppressed=FEWER_THAN_K,
        )
    item_values: dict[str, list[int]] = defaultdict(list)
    for response, _ in scored:
        for key, answer in response.answers.items():
            if key in specs and 1 <= answer <= scale_max:
                item_values[key].append(answer)
    return HealthSummary(
        respondents=n,
        k=k,
        dimensions=_dimension_scores([s for _, s in scored], dimensions, k),
        items={
            key: fmean(item_values[key]) if len(item_values[key]) >= k else None for key in specs
        },
        by_organization=_groups([(r.organization, s) for r, s in scored], dimensions, k),
        by_layer=_groups([(r.layer, s) for r, s in scored], dimensions, k),
    )


def compare_health(before: HealthSummary, after: HealthSummary) -> tuple[DimensionChange, ...]:
    """Change per dimension between two rounds (``None`` where either is not shown)."""
    earlier = {d.dimension: d.mean for d in before.dimensions}
    out = []
    for score in after.dimensions:
        old = earlier.get(score.dimension)
        change = None if old is None or score.mean is None else score.mean - old
        out.append(DimensionChange(score.dimension, old, score.mean, change))
    return tuple(out)
