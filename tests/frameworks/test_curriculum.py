"""Content checks of the default masterclass curriculum.

Plain tests without a database: they walk the raw TOML so that a missing, empty or
untranslated text anywhere in the file fails here, not in front of a participant.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

from netlead.frameworks import curriculum
from netlead.frameworks.curriculum import (
    ASSIGNMENT_KINDS,
    Curriculum,
    curriculum_data,
    default_curriculum,
)

LANGUAGES = ("en", "nl", "da")
KEY = re.compile(r"^[a-z][a-z0-9_]*$")
MODULE_KEYS = [
    "choosing_to_network",
    "setting_up_and_governing",
    "strategy_and_game_management",
    "monitoring_and_accountability",
    "home_organization",
    "leadership_in_networks",
]


def _texts(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every translated text in `node`: a table with at least one language key."""
    if isinstance(node, dict):
        if any(language in node for language in LANGUAGES):
            yield path, node
        for name, child in node.items():
            if name not in LANGUAGES:
                yield from _texts(child, f"{path}.{name}" if path else name)
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _texts(child, f"{path}[{index}]")


def _all_texts() -> list[tuple[str, dict[str, Any]]]:
    return list(_texts(curriculum_data()))


def _strings(value: Any) -> list[str]:
    """A text is a string, except learning goals: a list of strings per language."""
    return list(value) if isinstance(value, list) else [value]


def _all_strings(curriculum: Curriculum) -> list[str]:
    strings = [curriculum.title, curriculum.intro]
    for module in curriculum.modules:
        strings += [module.title, module.summary, *module.learning_goals]
        for lesson in module.lessons:
            strings += [lesson.title, lesson.body]
        for assignment in module.assignments:
            strings += [assignment.title, assignment.instructions]
    return strings


def test_the_walk_finds_the_texts() -> None:
    # Guards the walk itself: title and intro, then per module title, summary and learning
    # goals (3), two lessons with title and body (4) and one or two assignments with title
    # and instructions (2 each). Six modules with 10 assignments in all: 2 + 6 * 7 + 10 * 2.
    assert len(_all_texts()) == 64


@pytest.mark.parametrize(
    ("path", "text"), _all_texts(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_text_is_present_in_every_language(path: str, text: dict[str, Any]) -> None:
    assert set(text) == set(LANGUAGES), f"{path}: languages {sorted(text)}"
    for language in LANGUAGES:
        strings = _strings(text[language])
        assert strings, f"{path}: no {language} text"
        for value in strings:
            assert isinstance(value, str), f"{path}: {language} is not text"
            assert value.strip(), f"{path}: empty {language} text"
            assert value == value.strip(), f"{path}: stray whitespace in {language}"
            assert "\n\n\n" not in value, f"{path}: more than one blank line in {language}"


@pytest.mark.parametrize(
    ("path", "text"), _all_texts(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_dutch_and_danish_are_real_translations(path: str, text: dict[str, Any]) -> None:
    en, nl, da = (_strings(text[language]) for language in LANGUAGES)
    assert len(nl) == len(en) == len(da), f"{path}: different number of items"
    for index, (en_text, nl_text, da_text) in enumerate(zip(en, nl, da, strict=True)):
        assert nl_text != en_text, f"{path}[{index}]: nl is a copy of en"
        assert da_text != en_text, f"{path}[{index}]: da is a copy of en"
        assert da_text != nl_text, f"{path}[{index}]: da is a copy of nl"


@pytest.mark.parametrize(
    ("path", "text"), _all_texts(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_paragraphs_line_up_across_languages(path: str, text: dict[str, Any]) -> None:
    counts = {
        language: [value.count("\n\n") for value in _strings(text[language])]
        for language in LANGUAGES
    }
    assert counts["nl"] == counts["en"] == counts["da"], f"{path}: paragraphs {counts}"


def test_header() -> None:
    data = curriculum_data()
    assert data["key"] == "network_leadership_masterclass"
    assert data["version"] == 1
    curriculum = default_curriculum("en")
    assert curriculum.key == "network_leadership_masterclass"
    assert curriculum.version == 1
    assert curriculum.title == "Masterclass in network leadership"


def test_six_modules_in_order() -> None:
    assert [m["number"] for m in curriculum_data()["module"]] == [1, 2, 3, 4, 5, 6]
    for language in LANGUAGES:
        modules = default_curriculum(language).modules
        assert [m.number for m in modules] == [1, 2, 3, 4, 5, 6]
        assert [m.key for m in modules] == MODULE_KEYS


def test_keys_are_unique_and_well_formed() -> None:
    modules = default_curriculum("en").modules
    lesson_keys = [lesson.key for m in modules for lesson in m.lessons]
    assignment_keys = [a.key for m in modules for a in m.assignments]
    keys = [m.key for m in modules] + lesson_keys + assignment_keys
    assert len(lesson_keys) == 12
    assert len(assignment_keys) == 10
    assert [key for key, n in Counter(keys).items() if n > 1] == []
    assert [key for key in keys if not KEY.match(key)] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_module_shape(language: str) -> None:
    for module in default_curriculum(language).modules:
        # Titles are stored in 200-character fields when a programme copies the curriculum.
        titles = [module.title, *(x.title for x in (*module.lessons, *module.assignments))]
        assert max(len(title) for title in titles) <= 120, module.key
        assert 3 <= len(module.learning_goals) <= 4, module.key
        assert len(set(module.learning_goals)) == len(module.learning_goals), module.key
        assert len(module.lessons) == 2, module.key
        assert 1 <= len(module.assignments) <= 2, module.key
        for lesson in module.lessons:
            assert 2 <= len(lesson.body.split("\n\n")) <= 4, lesson.key
        for assignment in module.assignments:
            assert 1 <= len(assignment.instructions.split("\n\n")) <= 3, assignment.key


def test_assignment_kinds_are_valid() -> None:
    kinds = [a.kind for m in default_curriculum("en").modules for a in m.assignments]
    assert set(kinds) <= set(ASSIGNMENT_KINDS)
    assert Counter(kinds) == {"reflection": 6, "case_analysis": 2, "skills_measurement": 2}


def test_skills_measurement_at_start_and_end() -> None:
    modules = default_curriculum("en").modules
    measured = [m.number for m in modules for a in m.assignments if a.kind == "skills_measurement"]
    assert measured == [1, 6]
    assert modules[0].assignments[0].key == "start_measurement"
    assert modules[-1].assignments[0].key == "end_measurement"


def test_case_analyses_in_modules_two_and_three() -> None:
    modules = default_curriculum("en").modules
    cases = [(m.number, a.key) for m in modules for a in m.assignments if a.kind == "case_analysis"]
    assert len(cases) >= 2
    assert {number for number, _ in cases} >= {2, 3}
    # A case analysis ends in improvement proposals and can draw on a network in netlead.
    for module in modules:
        for assignment in module.assignments:
            if assignment.kind == "case_analysis":
                assert "propos" in assignment.instructions, assignment.key
                assert "netlead" in assignment.instructions, assignment.key


def test_unknown_kind_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    data = curriculum_data()
    data["module"][0]["assignments"][0]["kind"] = "quiz"
    monkeypatch.setattr(curriculum, "_load", lambda name: data)
    default_curriculum.cache_clear()
    try:
        with pytest.raises(ValueError, match="quiz"):
            default_curriculum("en")
    finally:
        default_curriculum.cache_clear()


def test_texts_are_given_in_the_requested_language() -> None:
    en, nl, da = (default_curriculum(language) for language in LANGUAGES)
    assert nl.title == "Masterclass netwerkleiderschap"
    assert da.title == "Masterclass i netværksledelse"
    en_strings, nl_strings, da_strings = (_all_strings(c) for c in (en, nl, da))
    assert len(en_strings) == len(nl_strings) == len(da_strings) == 82
    assert [i for i, (a, b) in enumerate(zip(en_strings, nl_strings, strict=True)) if a == b] == []
    assert [i for i, (a, b) in enumerate(zip(en_strings, da_strings, strict=True)) if a == b] == []


def test_unknown_language_falls_back_to_english() -> None:
    assert default_curriculum("fr") == default_curriculum("en")
    assert default_curriculum("fr").modules[2].learning_goals[0].startswith("Connect the goals")


def test_raw_data_is_a_copy() -> None:
    data = curriculum_data()
    data["module"].clear()
    data["title"]["en"] = "changed"
    assert len(curriculum_data()["module"]) == 6
    assert curriculum_data()["title"]["en"] != "changed"
