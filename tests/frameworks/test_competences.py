"""Content checks of the competence framework and the personal network texts.

Plain tests without a database: they walk the raw TOML so that a missing, empty or
untranslated text anywhere in the files fails here, not in front of a user.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from netlead.frameworks import _load
from netlead.frameworks.competences import (
    competence_framework,
    competence_framework_data,
    personal_network_texts,
)

LANGUAGES = ("en", "nl", "da")
FILES = ("competences.toml", "personal_network.toml")
KEY = re.compile(r"^[a-z][a-z0-9_]*$")
PLACEHOLDER = re.compile(r"\{(\w+)\}")


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
    return [(f"{file}:{path}", text) for file in FILES for path, text in _texts(_load(file))]


def test_the_walk_finds_the_texts() -> None:
    # Guards the walk itself: title and intro, 5 scale points x 2, 10 competences x (name,
    # description, 3-4 behaviours, 2 questions), 2 observer texts and 5 group names make at
    # least 2 + 10 + 70 + 7; the personal network has 3 kinds x 4 texts and 3 audit texts.
    competence_texts = [t for t in _all_texts() if t[0].startswith("competences.toml")]
    network_texts = [t for t in _all_texts() if t[0].startswith("personal_network.toml")]
    assert len(competence_texts) >= 89
    assert len(network_texts) == 15


@pytest.mark.parametrize(
    ("path", "text"), _all_texts(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_text_is_present_in_every_language(path: str, text: dict[str, Any]) -> None:
    for language in LANGUAGES:
        value = text.get(language)
        assert isinstance(value, str), f"{path}: no {language} text"
        assert value.strip(), f"{path}: empty {language} text"
        assert value == value.strip(), f"{path}: stray whitespace in {language}"


@pytest.mark.parametrize(
    ("path", "text"), _all_texts(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_dutch_and_danish_are_real_translations(path: str, text: dict[str, Any]) -> None:
    assert text["nl"] != text["en"], f"{path}: nl is a copy of en"
    assert text["da"] != text["en"], f"{path}: da is a copy of en"
    assert text["da"] != text["nl"], f"{path}: da is a copy of nl"


@pytest.mark.parametrize(
    ("path", "text"), _all_texts(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_placeholders_match_across_languages(path: str, text: dict[str, Any]) -> None:
    expected = set(PLACEHOLDER.findall(text["en"]))
    assert expected <= {"leader", "k"}, f"{path}: unknown placeholder {expected}"
    for language in ("nl", "da"):
        assert set(PLACEHOLDER.findall(text[language])) == expected, f"{path}: {language}"


def test_framework_header() -> None:
    data = competence_framework_data()
    assert data["key"] == "network_leader"
    assert data["version"] == 1
    framework = competence_framework("en")
    assert framework.key == "network_leader"
    assert framework.version == 1


def test_ten_competences_numbered_one_to_ten_with_unique_keys() -> None:
    competences = competence_framework_data()["competence"]
    assert [c["number"] for c in competences] == list(range(1, 11))
    keys = [c["key"] for c in competences]
    assert len(set(keys)) == 10
    assert all(KEY.match(key) for key in keys)
    assert [c.number for c in competence_framework("en").competences] == list(range(1, 11))


def test_competence_keys_in_order() -> None:
    assert [c.key for c in competence_framework("en").competences] == [
        "bringing_together",
        "shared_ownership",
        "safe_space",
        "curious_dialogue",
        "uncertain_ground",
        "shared_interest",
        "trust_across_layers",
        "results_in_view",
        "political_sensitivity",
        "developing_others",
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_competence_has_behaviours_and_two_questions(language: str) -> None:
    all_question_keys: list[str] = []
    for competence in competence_framework(language).competences:
        assert 3 <= len(competence.behaviours) <= 4, competence.key
        assert len(set(competence.behaviours)) == len(competence.behaviours), competence.key
        assert len(competence.questions) == 2, competence.key
        keys = [q.key for q in competence.questions]
        assert len(set(keys)) == 2, competence.key
        assert all(KEY.match(key) for key in keys), competence.key
        assert all(q.text.endswith("?") for q in competence.questions), competence.key
        all_question_keys.extend(f"{competence.key}.{key}" for key in keys)
    assert len(set(all_question_keys)) == 20


def test_scale_is_one_to_five() -> None:
    assert [p["value"] for p in competence_framework_data()["scale"]] == [1, 2, 3, 4, 5]
    scale = competence_framework("nl").scale
    assert [p.value for p in scale] == [1, 2, 3, 4, 5]
    assert len({p.label for p in scale}) == 5


def test_observer_groups() -> None:
    groups = competence_framework("da").observer_groups
    assert [g.key for g in groups] == ["manager", "peer", "partner", "report", "other"]
    assert len({g.name for g in groups}) == 5


@pytest.mark.parametrize("language", LANGUAGES)
def test_observer_intro_names_the_leader(language: str) -> None:
    framework = competence_framework(language)
    assert "{leader}" in framework.observer_intro
    assert "{leader}" in framework.observer_thank_you
    # The promise of anonymity names the minimum group size: the workspace's k.
    assert " {k} " in framework.observer_intro


def test_personal_network_kinds() -> None:
    texts = personal_network_texts("en")
    assert [k.key for k in texts.kinds] == ["operational", "personal", "strategic"]
    assert texts.importance_label
    assert texts.quality_label
    assert texts.audit_intro


def test_texts_are_given_in_the_requested_language() -> None:
    en, nl, da = (competence_framework(language) for language in LANGUAGES)
    assert en.title != nl.title != da.title
    assert en.competences[0].behaviours != nl.competences[0].behaviours
    assert personal_network_texts("da").kinds[0].name != personal_network_texts("en").kinds[0].name


def test_unknown_language_falls_back_to_english() -> None:
    assert competence_framework("fr") == competence_framework("en")
    assert personal_network_texts("fr") == personal_network_texts("en")


def test_raw_data_is_a_copy() -> None:
    data = competence_framework_data()
    data["competence"].clear()
    data["title"]["en"] = "changed"
    assert len(competence_framework_data()["competence"]) == 10
    assert competence_framework_data()["title"]["en"] != "changed"
