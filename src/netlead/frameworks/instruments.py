"""Survey instruments as data: the network health check and the relationship survey.

Pure Python (no Django), like the rest of :mod:`netlead.frameworks`. Texts are returned in
the requested language; ``{k}`` in a text is left for the caller to fill in with the
workspace's anonymity threshold.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from netlead.frameworks import _load, _text

__all__ = [
    "HEALTH_CHECK",
    "RELATIONSHIP_SURVEY",
    "Dimension",
    "HealthCheck",
    "HealthItem",
    "RelationshipSurvey",
    "ScalePoint",
    "TieQuestion",
    "health_check",
    "relationship_survey",
]

HEALTH_CHECK = "health_check"
RELATIONSHIP_SURVEY = "relationship_survey"


@dataclass(frozen=True)
class ScalePoint:
    value: int
    label: str


@dataclass(frozen=True)
class HealthItem:
    key: str
    dimension: str
    reverse: bool
    text: str


@dataclass(frozen=True)
class Dimension:
    key: str
    name: str
    description: str
    discuss: str
    items: tuple[HealthItem, ...]


@dataclass(frozen=True)
class HealthCheck:
    key: str
    version: int
    title: str
    purpose: str
    duration: str
    thank_you: str
    scale: tuple[ScalePoint, ...]
    bands: dict[str, str]
    dimensions: tuple[Dimension, ...]

    @property
    def items(self) -> tuple[HealthItem, ...]:
        return tuple(item for d in self.dimensions for item in d.items)


@dataclass(frozen=True)
class TieQuestion:
    key: str
    group: str
    text: str
    scale: tuple[ScalePoint, ...]


@dataclass(frozen=True)
class RelationshipSurvey:
    key: str
    version: int
    title: str
    purpose: str
    duration: str
    thank_you: str
    find_yourself: str
    name_ties: str
    prefilled: str
    rate_ties: str
    not_named_option: str
    questions: tuple[TieQuestion, ...]


def _scale(points: list[dict[str, Any]], language: str) -> tuple[ScalePoint, ...]:
    return tuple(
        ScalePoint(value=int(p["value"]), label=_text(p["label"], language)) for p in points
    )


@cache
def health_check(language: str) -> HealthCheck:
    """The network health check in `language`: ten dimensions of three statements, 1-5."""
    data = _load("instruments/health_check.toml")
    items = [
        HealthItem(
            key=i["key"],
            dimension=i["dimension"],
            reverse=bool(i["reverse"]),
            text=_text(i["text"], language),
        )
        for i in data["item"]
    ]
    return HealthCheck(
        key=data["key"],
        version=int(data["version"]),
        title=_text(data["title"], language),
        purpose=_text(data["purpose"], language),
        duration=_text(data["duration"], language),
        thank_you=_text(data["thank_you"], language),
        scale=_scale(data["scale"], language),
        bands={band: _text(texts, language) for band, texts in data["bands"].items()},
        dimensions=tuple(
            Dimension(
                key=d["key"],
                name=_text(d["name"], language),
                description=_text(d["description"], language),
                discuss=_text(d["discuss"], language),
                items=tuple(i for i in items if i.dimension == d["key"]),
            )
            for d in data["dimension"]
        ),
    )


@cache
def relationship_survey(language: str) -> RelationshipSurvey:
    """The relationship and trust survey in `language`: seven 1-4 questions per tie."""
    data = _load("instruments/relationship_survey.toml")
    texts = {
        name: _text(data[name], language)
        for name in (
            "title",
            "purpose",
            "duration",
            "thank_you",
            "find_yourself",
            "name_ties",
            "prefilled",
            "rate_ties",
            "not_named_option",
        )
    }
    return RelationshipSurvey(
        key=data["key"],
        version=int(data["version"]),
        questions=tuple(
            TieQuestion(
                key=q["key"],
                group=q["group"],
                text=_text(q["text"], language),
                scale=_scale(q["scale"], language),
            )
            for q in data["question"]
        ),
        **texts,
    )
