"""netlead's default masterclass curriculum in network leadership, as data.

Pure Python (no Django), like the rest of :mod:`netlead.frameworks`. Six modules follow a
network through its life, each with a summary, learning goals, lessons and assignments.
Texts are returned in the requested language with English as fallback. Lesson bodies and
assignment instructions are plain text with paragraphs separated by a blank line.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import cache
from typing import Any

from netlead.frameworks import FALLBACK, _load, _text

__all__ = [
    "ASSIGNMENT_KINDS",
    "CURRICULUM",
    "Assignment",
    "Curriculum",
    "Lesson",
    "Module",
    "curriculum_data",
    "default_curriculum",
]

CURRICULUM = "network_leadership_masterclass"
ASSIGNMENT_KINDS = ("reflection", "case_analysis", "skills_measurement")


@dataclass(frozen=True)
class Lesson:
    key: str
    title: str
    body: str


@dataclass(frozen=True)
class Assignment:
    key: str
    kind: str
    title: str
    instructions: str


@dataclass(frozen=True)
class Module:
    key: str
    number: int
    title: str
    summary: str
    learning_goals: tuple[str, ...]
    lessons: tuple[Lesson, ...]
    assignments: tuple[Assignment, ...]


@dataclass(frozen=True)
class Curriculum:
    key: str
    version: int
    title: str
    intro: str
    modules: tuple[Module, ...]


def curriculum_data() -> dict[str, Any]:
    """The default curriculum as stored, in all languages, to copy into a workspace.

    A deep copy: changing it does not change what :func:`default_curriculum` returns.
    """
    return copy.deepcopy(_load("curriculum.toml"))


def _goals(goals: dict[str, list[str]], language: str) -> tuple[str, ...]:
    return tuple(goals.get(language) or goals[FALLBACK])


def _assignment(data: dict[str, Any], language: str) -> Assignment:
    kind = data["kind"]
    if kind not in ASSIGNMENT_KINDS:
        raise ValueError(f"assignment {data['key']!r}: unknown kind {kind!r}")
    return Assignment(
        key=data["key"],
        kind=kind,
        title=_text(data["title"], language),
        instructions=_text(data["instructions"], language),
    )


def _module(data: dict[str, Any], language: str) -> Module:
    return Module(
        key=data["key"],
        number=int(data["number"]),
        title=_text(data["title"], language),
        summary=_text(data["summary"], language),
        learning_goals=_goals(data["learning_goals"], language),
        lessons=tuple(
            Lesson(
                key=lesson["key"],
                title=_text(lesson["title"], language),
                body=_text(lesson["body"], language),
            )
            for lesson in data["lessons"]
        ),
        assignments=tuple(_assignment(a, language) for a in data.get("assignments", [])),
    )


@cache
def default_curriculum(language: str) -> Curriculum:
    """The default masterclass curriculum in `language`, modules ordered by number."""
    data = _load("curriculum.toml")
    return Curriculum(
        key=data["key"],
        version=int(data["version"]),
        title=_text(data["title"], language),
        intro=_text(data["intro"], language),
        modules=tuple(
            _module(m, language) for m in sorted(data["module"], key=lambda m: int(m["number"]))
        ),
    )
