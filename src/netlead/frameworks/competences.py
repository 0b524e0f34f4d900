"""The network-leader competence framework and the personal network map, as data.

Pure Python (no Django), like the rest of :mod:`netlead.frameworks`. Texts are returned in
the requested language with English as fallback; ``{leader}`` in the observer texts is left
for the caller to fill in with the name of the leader who asked for feedback.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import cache
from typing import Any

from netlead.frameworks import _load, _text

__all__ = [
    "COMPETENCE_FRAMEWORK",
    "Competence",
    "CompetenceFramework",
    "ObserverGroupText",
    "PersonalNetworkKind",
    "PersonalNetworkTexts",
    "ReflectionQuestion",
    "ScalePoint",
    "competence_framework",
    "competence_framework_data",
    "personal_network_texts",
]

COMPETENCE_FRAMEWORK = "network_leader"


@dataclass(frozen=True)
class ScalePoint:
    value: int
    label: str
    description: str


@dataclass(frozen=True)
class ReflectionQuestion:
    key: str
    text: str


@dataclass(frozen=True)
class Competence:
    key: str
    number: int
    name: str
    description: str
    behaviours: tuple[str, ...]
    questions: tuple[ReflectionQuestion, ...]


@dataclass(frozen=True)
class ObserverGroupText:
    key: str
    name: str


@dataclass(frozen=True)
class CompetenceFramework:
    key: str
    version: int
    title: str
    intro: str
    scale: tuple[ScalePoint, ...]
    competences: tuple[Competence, ...]
    observer_intro: str
    observer_thank_you: str
    observer_groups: tuple[ObserverGroupText, ...]


@dataclass(frozen=True)
class PersonalNetworkKind:
    key: str
    name: str
    purpose: str
    description: str
    audit_question: str


@dataclass(frozen=True)
class PersonalNetworkTexts:
    kinds: tuple[PersonalNetworkKind, ...]
    audit_intro: str
    importance_label: str
    quality_label: str


def competence_framework_data() -> dict[str, Any]:
    """The default framework as stored, in all languages, to copy into a workspace.

    A deep copy: changing it does not change what :func:`competence_framework` returns.
    """
    return copy.deepcopy(_load("competences.toml"))


@cache
def competence_framework(language: str) -> CompetenceFramework:
    """The default network-leader competence framework in `language`, ordered by number."""
    data = _load("competences.toml")
    observer = data["observer"]
    return CompetenceFramework(
        key=data["key"],
        version=int(data["version"]),
        title=_text(data["title"], language),
        intro=_text(data["intro"], language),
        scale=tuple(
            ScalePoint(
                value=int(p["value"]),
                label=_text(p["label"], language),
                description=_text(p["description"], language),
            )
            for p in sorted(data["scale"], key=lambda p: int(p["value"]))
        ),
        competences=tuple(
            Competence(
                key=c["key"],
                number=int(c["number"]),
                name=_text(c["name"], language),
                description=_text(c["description"], language),
                behaviours=tuple(_text(b, language) for b in c["behaviours"]),
                questions=tuple(
                    ReflectionQuestion(key=q["key"], text=_text(q, language))
                    for q in c["questions"]
                ),
            )
            for c in sorted(data["competence"], key=lambda c: int(c["number"]))
        ),
        observer_intro=_text(observer["intro"], language),
        observer_thank_you=_text(observer["thank_you"], language),
        observer_groups=tuple(
            ObserverGroupText(key=g["key"], name=_text(g["name"], language))
            for g in data["observer_group"]
        ),
    )


@cache
def personal_network_texts(language: str) -> PersonalNetworkTexts:
    """Texts of the personal network map in `language`: three networks and the audit."""
    data = _load("personal_network.toml")
    audit = data["audit"]
    return PersonalNetworkTexts(
        kinds=tuple(
            PersonalNetworkKind(
                key=k["key"],
                name=_text(k["name"], language),
                purpose=_text(k["purpose"], language),
                description=_text(k["description"], language),
                audit_question=_text(k["audit_question"], language),
            )
            for k in data["kind"]
        ),
        audit_intro=_text(audit["intro"], language),
        importance_label=_text(audit["importance_label"], language),
        quality_label=_text(audit["quality_label"], language),
    )
