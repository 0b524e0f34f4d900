"""netlead's default frameworks as data files in English, Dutch and Danish.

Pure Python (no Django): the caller passes the language. Texts fall back to English when a
language is missing, so a partly translated custom framework still shows something.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

__all__ = [
    "GovernanceForm",
    "NetworkKindText",
    "Phase",
    "PhaseItem",
    "PhaseTool",
    "governance_forms",
    "network_kinds",
    "phases",
]

DATA_DIR = Path(__file__).resolve().parent
FALLBACK = "en"


@dataclass(frozen=True)
class PhaseItem:
    key: str
    text: str


@dataclass(frozen=True)
class PhaseTool:
    key: str
    name: str
    description: str


@dataclass(frozen=True)
class Phase:
    key: str
    number: int
    title: str
    purpose: str
    checklist: tuple[PhaseItem, ...]
    tools: tuple[PhaseTool, ...]
    reflection: tuple[PhaseItem, ...]
    exit_criteria: tuple[PhaseItem, ...]


@dataclass(frozen=True)
class GovernanceForm:
    key: str
    name: str
    summary: str
    fits_when: str
    watch_out: str


@dataclass(frozen=True)
class NetworkKindText:
    key: str
    name: str
    description: str


@cache
def _load(name: str) -> dict[str, Any]:
    with (DATA_DIR / name).open("rb") as file:
        return tomllib.load(file)


def _text(texts: dict[str, str], language: str) -> str:
    return texts.get(language) or texts[FALLBACK]


def _items(entries: list[dict[str, str]], language: str) -> tuple[PhaseItem, ...]:
    return tuple(PhaseItem(key=e["key"], text=_text(e, language)) for e in entries)


@cache
def phases(language: str) -> tuple[Phase, ...]:
    """The phases of network work in `language`, ordered by number."""
    data = _load("phases.toml")["phase"]
    return tuple(
        Phase(
            key=p["key"],
            number=int(p["number"]),
            title=_text(p["title"], language),
            purpose=_text(p["purpose"], language),
            checklist=_items(p["checklist"], language),
            tools=tuple(
                PhaseTool(
                    key=t["key"],
                    name=_text(t["name"], language),
                    description=_text(t["description"], language),
                )
                for t in p["tools"]
            ),
            reflection=_items(p["reflection"], language),
            exit_criteria=_items(p["exit_criteria"], language),
        )
        for p in sorted(data, key=lambda p: int(p["number"]))
    )


@cache
def governance_forms(language: str) -> tuple[GovernanceForm, ...]:
    return tuple(
        GovernanceForm(
            key=f["key"],
            name=_text(f["name"], language),
            summary=_text(f["summary"], language),
            fits_when=_text(f["fits_when"], language),
            watch_out=_text(f["watch_out"], language),
        )
        for f in _load("governance.toml")["form"]
    )


@cache
def network_kinds(language: str) -> tuple[NetworkKindText, ...]:
    return tuple(
        NetworkKindText(
            key=k["key"],
            name=_text(k["name"], language),
            description=_text(k["description"], language),
        )
        for k in _load("governance.toml")["kind"]
    )
