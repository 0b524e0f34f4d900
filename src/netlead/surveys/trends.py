"""Trends across a network's closed rounds: the main network figures of its relationship rounds
and the health per dimension of its health rounds, for the whole network, an organization or a
layer. Read from the stored results only, so a round shows what it showed when it closed: a
group under k in a round is a gap, never a figure."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netlead.analysis.health import shown_score
from netlead.analysis.trends import chart_points, trend
from netlead.core.scales import SCORE
from netlead.frameworks.instruments import health_check
from netlead.networks.models import Network
from netlead.surveys import texts
from netlead.surveys.models import RoundStatus, SurveyRound
from netlead.surveys.readmodels import DimensionScore, GroupHealth, read_diagnosis, read_health
from netlead.workspaces.models import Layer

#: The size of each small chart (SVG user units; the page scales it).
CHART_WIDTH = 120
CHART_HEIGHT = 32

RESPONSE_RATE = gettext_lazy("Response rate")

#: The health trend of the whole network (the default group).
WHOLE_NETWORK = ""
_ORGANIZATION = "organization:"
_LAYER = "layer:"


@dataclass(frozen=True)
class TrendRound:
    pk: int
    title: str
    closed_on: date | None


@dataclass(frozen=True)
class Chart:
    """A small line chart: one polyline per run of shown values (a gap breaks the line), and
    a dot per shown value. The table beside it holds the same figures in words."""

    lines: list[str]
    dots: list[tuple[float, float]]


@dataclass(frozen=True)
class TrendRow:
    label: str
    #: Each round's figure as shown; a dash where the round did not show it.
    shown: list[str]
    change: str
    chart: Chart


@dataclass(frozen=True)
class GroupChoice:
    value: str
    label: str


@dataclass(frozen=True)
class NetworkTrends:
    rounds: list[TrendRound]
    rows: list[TrendRow]


@dataclass(frozen=True)
class HealthTrends:
    rounds: list[TrendRound]
    rows: list[TrendRow]
    groups: list[GroupChoice]
    #: The chosen group (`WHOLE_NETWORK`, "organization:NAME" or "layer:KEY").
    group: str
    group_label: str
    k: int


def _closed_rounds(network: Network, *, health: bool) -> list[SurveyRound]:
    """The rounds with results, oldest first (the order of a trend)."""
    rounds = network.survey_rounds.filter(status=RoundStatus.CLOSED, diagnosis__isnull=False)
    return [
        r
        for r in rounds.order_by("closed_at", "created_at", "pk")
        if r.has_results and r.is_health == health
    ]


def _round(survey_round: SurveyRound) -> TrendRound:
    closed = survey_round.closed_at
    return TrendRound(
        pk=survey_round.pk,
        title=survey_round.title,
        closed_on=timezone.localdate(closed) if closed else None,
    )


def _chart(values: Sequence[float | None], *, low: float | None, high: float | None) -> Chart:
    points = chart_points(values, width=CHART_WIDTH, height=CHART_HEIGHT, low=low, high=high)
    lines: list[str] = []
    run: list[str] = []
    for point in [*points, None]:
        if point is None:
            if len(run) > 1:
                lines.append(" ".join(run))
            run = []
        else:
            run.append(f"{point[0]},{point[1]}")
    return Chart(lines=lines, dots=[p for p in points if p is not None])


def _row(
    label: str,
    values: Sequence[float | None],
    *,
    show: Callable[[float | None], str],
    show_change: Callable[[float | None], str],
    low: float | None = None,
    high: float | None = None,
) -> TrendRow:
    found = trend(values)
    return TrendRow(
        label=label,
        shown=[show(v) for v in values],
        change=show_change(found.change),
        chart=_chart(values, low=low, high=high),
    )


def network_trends(network: Network) -> NetworkTrends:
    """The main figures of every closed relationship round, oldest first."""
    rounds = _closed_rounds(network, health=False)
    diagnoses = [read_diagnosis(r.diagnosis) for r in rounds]
    rows = [
        _row(
            str(RESPONSE_RATE),
            [d.response.rate if d.response else None for d in diagnoses],
            show=partial(texts.metric, "response_rate"),
            show_change=partial(texts.metric_change, "response_rate"),
            low=0,
            high=1,
        )
    ]
    for key, label in texts.NETWORK_METRICS.items():
        share = key in texts.SHARES
        rows.append(
            _row(
                str(label),
                [d.network.value(key) for d in diagnoses],
                show=partial(texts.metric, key),
                show_change=partial(texts.metric_change, key),
                low=0 if share else None,
                high=1 if share else None,
            )
        )
    return NetworkTrends(rounds=[_round(r) for r in rounds], rows=rows)


def _group_scores(group: str, found: tuple[GroupHealth, ...]) -> tuple[DimensionScore, ...]:
    row = next((g for g in found if g.group == group), None)
    return () if row is None or row.suppressed else row.dimensions


def _layer_label(key: str) -> str:
    return str(Layer(key).label) if key in Layer.values else key


def health_trends(network: Network, *, group: str, language: str) -> HealthTrends | None:
    """Health per dimension across the closed health rounds for `group`; ``None`` when the
    group is unknown (the page answers 404)."""
    rounds = _closed_rounds(network, health=True)
    healths = [read_health(r.diagnosis) for r in rounds]
    organizations = sorted({g.group for h in healths for g in h.summary.by_organization})
    layers = sorted({g.group for h in healths for g in h.summary.by_layer})
    groups = [GroupChoice(WHOLE_NETWORK, _("The whole network"))]
    groups += [GroupChoice(_ORGANIZATION + name, name) for name in organizations]
    groups += [GroupChoice(_LAYER + key, _layer_label(key)) for key in layers]
    chosen = next((g for g in groups if g.value == group), None)
    if chosen is None:
        return None

    def scores(health_index: int) -> tuple[DimensionScore, ...]:
        summary = healths[health_index].summary
        if group.startswith(_ORGANIZATION):
            return _group_scores(group.removeprefix(_ORGANIZATION), summary.by_organization)
        if group.startswith(_LAYER):
            return _group_scores(group.removeprefix(_LAYER), summary.by_layer)
        return () if summary.suppressed else summary.dimensions

    # The trend of the scores as shown, so that the change agrees with the figures beside it.
    per_round = [{d.dimension: shown_score(d.mean) for d in scores(i)} for i in range(len(healths))]
    rows = [
        _row(
            dimension.name,
            [means.get(dimension.key) for means in per_round],
            show=texts.score,
            show_change=lambda change: texts.DASH if change is None else texts.signed(change, 1),
            low=SCORE.low,
            high=SCORE.high,
        )
        for dimension in health_check(language).dimensions
    ]
    k = healths[-1].summary.k if healths else network.workspace.anonymity_threshold
    return HealthTrends(
        rounds=[_round(r) for r in rounds],
        rows=rows,
        groups=groups,
        group=group,
        group_label=chosen.label,
        k=k,
    )
