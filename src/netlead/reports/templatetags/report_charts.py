"""The report's charts for its templates: read-model parts in, SVG (reports/charts.py) out,
with labels formatted in the report's language."""

from __future__ import annotations

from django import template
from django.utils.formats import date_format, number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from netlead.core.scales import SCORE
from netlead.reports import charts
from netlead.reports.cohort_report import ModuleRow
from netlead.reports.selectors import AttendanceGroup, HealthTrend, RelationshipRound, ResultPart
from netlead.surveys.selectors import HealthDimension
from netlead.surveys.texts import pct

register = template.Library()


def _safe(svg: str) -> SafeString:
    return mark_safe(svg)  # noqa: S308 - charts.py escapes every text it draws


@register.filter
def percent(share: float | None) -> str:
    """A share as a rounded whole percentage, as the survey pages show them."""
    return pct(share)


@register.simple_tag
def result_chart(result: ResultPart) -> SafeString:
    return _safe(
        charts.measurement_chart(
            [
                (date_format(day, "SHORT_DATE_FORMAT"), float(value))
                for day, value in result.measurements
            ],
            baseline=float(result.baseline),
            target=float(result.target),
            baseline_label=_("baseline %(value)s") % {"value": number_format(result.baseline)},
            target_label=_("target %(value)s") % {"value": number_format(result.target)},
            title=_("Measurements of %(result)s") % {"result": result.title},
        )
    )


@register.simple_tag
def attendance_chart(groups: list[AttendanceGroup], title: str) -> SafeString:
    return _safe(
        charts.bar_chart(
            [(g.name, g.share, pct(g.share)) for g in groups], maximum=1.0, title=title
        )
    )


@register.simple_tag
def module_chart(modules: list[ModuleRow], title: str) -> SafeString:
    return _safe(
        charts.bar_chart(
            [
                (f"{m.number}. {m.title}", m.handed_in_share, pct(m.handed_in_share))
                for m in modules
            ],
            maximum=1.0,
            title=title,
        )
    )


@register.simple_tag
def health_chart(dimensions: list[HealthDimension], title: str) -> SafeString:
    return _safe(
        charts.bar_chart(
            [(d.name, d.mean, d.shown) for d in dimensions],
            minimum=SCORE.low,
            maximum=SCORE.high,
            title=title,
        )
    )


@register.simple_tag
def health_trend_chart(trend: list[HealthTrend], series: list[str], title: str) -> SafeString:
    return _safe(
        charts.trend_chart(
            [(t.name, t.scores) for t in trend],
            series=series,
            minimum=SCORE.low,
            maximum=SCORE.high,
            title=title,
        )
    )


@register.simple_tag
def organization_map(survey_round: RelationshipRound) -> SafeString:
    return _safe(
        charts.organization_map(
            [(o.name, o.members, o.isolated) for o in survey_round.organizations],
            survey_round.organization_ties,
            title=_("Ties between the organizations in %(round)s") % {"round": survey_round.title},
        )
    )
