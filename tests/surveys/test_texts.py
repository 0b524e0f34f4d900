"""The web app's finding and suggestion sentences: the shared English texts of
`netlead.analysis.messages`, translated into nl and da for every key the analysis can emit,
and a clear sentence (plus a logged error) for a key without a text."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from django.utils import translation
from django.utils.translation import gettext

from netlead.analysis import diagnose, messages, read_network, to_dict
from netlead.surveys import texts
from tests.analysis.helpers import DATA, emitted_finding_keys, emitted_suggestion_kinds

LANGUAGES = ("nl", "da")
FINDING_KEYS = sorted(emitted_finding_keys().items())
SUGGESTION_KINDS = sorted(emitted_suggestion_kinds())


def label(key: Any) -> str:
    return f"Member {key}"


def stored_finding(key: str, params: frozenset[str]) -> dict[str, Any]:
    """A finding as a closed round stores it, with every parameter the analysis passes."""
    return {"key": key, "params": {name: 2.5 for name in params}, "figure": 0.25}


def stored_suggestion(kind: str) -> dict[str, Any]:
    return {
        "kind": kind,
        "source": "a",
        "target": "b",
        "via": "c",
        "source_organization": "Police",
        "target_organization": None,
        "fragmentation_reduction": 0.1,
    }


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("key", "params"), FINDING_KEYS)
def test_every_finding_is_translated_and_formats(
    caplog: pytest.LogCaptureFixture, language: str, key: str, params: frozenset[str]
) -> None:
    english_text = messages.FINDINGS[key]
    with translation.override("en"):
        english = texts.finding_text(stored_finding(key, params), label)
    with translation.override(language):
        assert gettext(english_text) != english_text, f"{key} has no {language} translation"
        translated = texts.finding_text(stored_finding(key, params), label)
        unknown = str(texts.UNKNOWN_FINDING)
    assert translated != english and translated != unknown and "%(" not in translated
    assert english != str(texts.UNKNOWN_FINDING) and "%(" not in english
    assert not caplog.records


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", SUGGESTION_KINDS)
def test_every_suggestion_is_translated_and_formats(
    caplog: pytest.LogCaptureFixture, language: str, kind: str
) -> None:
    english_text = messages.SUGGESTIONS[kind]
    with translation.override("en"):
        english = texts.suggestion_text(stored_suggestion(kind), label)
    with translation.override(language):
        assert gettext(english_text) != english_text, f"{kind} has no {language} translation"
        translated = texts.suggestion_text(stored_suggestion(kind), label)
        none = gettext(messages.NO_ORGANIZATION)
    assert "Member a" in translated and "Member b" in translated
    if "%(target_organization)s" in english_text:
        assert none in translated  # the target has no organization
    assert translated != english and "%(" not in translated and not caplog.records


def test_english_is_the_shared_text() -> None:
    with translation.override("en"):
        text = texts.finding_text({"key": "trust_low", "params": {}, "figure": 0.4}, label)
    assert text == messages.FINDINGS["trust_low"] % {"figure_pct": "40%"}


def test_a_real_diagnosis_reads_in_every_language(caplog: pytest.LogCaptureFixture) -> None:
    stored = to_dict(diagnose(read_network(DATA / "members.csv", DATA / "ties.csv").for_round("1")))
    assert stored["findings"] and stored["suggestions"]
    for language in ("en", *LANGUAGES):
        with translation.override(language):
            for finding in stored["findings"]:
                assert "%(" not in texts.finding_text(finding, label)
            for suggestion in stored["suggestions"]:
                assert "%(" not in texts.suggestion_text(suggestion, label)
    assert not caplog.records


@pytest.mark.parametrize("language", ("en", *LANGUAGES))
def test_an_unknown_key_logs_an_error_and_shows_a_plain_sentence(
    caplog: pytest.LogCaptureFixture, language: str
) -> None:
    with translation.override(language), caplog.at_level(logging.ERROR, "netlead.surveys.texts"):
        finding = texts.finding_text({"key": "retired_key", "params": {}, "figure": 1}, label)
        suggestion = texts.suggestion_text({**stored_suggestion("retired_kind")}, label)
        assert finding == str(texts.UNKNOWN_FINDING)
        assert suggestion == str(texts.UNKNOWN_SUGGESTION)
    assert "retired_key" not in finding and "retired_kind" not in suggestion
    assert [r.levelno for r in caplog.records] == [logging.ERROR, logging.ERROR]
    assert "retired_key" in caplog.records[0].getMessage()
    assert "retired_kind" in caplog.records[1].getMessage()


def test_a_finding_missing_a_parameter_logs_and_shows_the_plain_sentence(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.ERROR, "netlead.surveys.texts"):
        text = texts.finding_text({"key": "members_isolated", "params": {}, "figure": 3}, label)
    assert text == str(texts.UNKNOWN_FINDING)
    assert "members_isolated" in caplog.records[0].getMessage()
