"""Weaving suggestions with their marks, and whether the introductions marked in earlier rounds
became ties. A tie is recorded when at least one of the two answered: "no tie recorded" never
says who did not answer."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from netlead.surveys import texts
from netlead.surveys.models import Introduction, RoundStatus, SurveyRound
from netlead.surveys.readmodels import read_diagnosis, read_map

#: How many suggestions the results page lists.
SHOWN = 10


@dataclass(frozen=True)
class SuggestionRow:
    text: str
    source: str
    target: str
    introduced: bool


@dataclass(frozen=True)
class IntroductionOutcome:
    first: str
    second: str
    #: The round whose suggestion it was.
    suggested_in: str
    tied: bool


def suggestion_rows(
    survey_round: SurveyRound, data: Mapping[str, Any], labels: Callable[[Any], str]
) -> list[SuggestionRow]:
    """The round's first suggestions in words, each with whether it was marked introduced."""
    marked = set(survey_round.introductions.values_list("first", "second"))
    return [
        SuggestionRow(
            text=texts.suggestion_text(asdict(s), labels),
            source=s.source,
            target=s.target,
            introduced=tuple(sorted((s.source, s.target))) in marked,
        )
        for s in read_diagnosis(data).suggestions[:SHOWN]
    ]


def introduction_outcomes(
    survey_round: SurveyRound, data: Mapping[str, Any], labels: Callable[[Any], str]
) -> list[IntroductionOutcome]:
    """The introductions marked in the network's earlier relationship rounds, each with
    whether this round records a tie between the two."""
    if survey_round.closed_at is None:
        return []
    earlier = (
        Introduction.objects.filter(
            round__network_id=survey_round.network_id,
            round__instrument=survey_round.instrument,
            round__status=RoundStatus.CLOSED,
            round__closed_at__lt=survey_round.closed_at,
        )
        .select_related("round")
        .order_by("round__closed_at", "marked_at", "pk")
    )
    introductions = list(earlier)
    if not introductions:
        return []
    tied = {frozenset((e.source, e.target)) for e in read_map(data).edges}
    return [
        IntroductionOutcome(
            first=labels(i.first),
            second=labels(i.second),
            suggested_in=i.round.title,
            tied=frozenset((i.first, i.second)) in tied,
        )
        for i in introductions
    ]
