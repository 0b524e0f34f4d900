"""One source of finding and suggestion texts: every key the analysis can emit has an English
text in `netlead.analysis.messages`, the CLI formats it with the parameters the analysis
passes, and a key without a text is an error (never shown as the raw key)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from netlead.analysis import compare, diagnose, messages, read_network
from netlead.analysis.findings import FINDING_KEYS
from netlead.analysis.report import finding_text, render_text, suggestion_text
from netlead.analysis.results import Finding, Suggestion
from tests.analysis.helpers import DATA, emitted_finding_keys, emitted_suggestion_kinds

PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def sample_finding(key: str, params: frozenset[str], figure: float = 0.25) -> Finding:
    """A finding as the analysis emits it: its key with every parameter it passes."""
    return Finding(key, {name: 2.5 for name in sorted(params)}, figure, 0.5)


def sample_suggestion(kind: str) -> Suggestion:
    return Suggestion(
        kind=kind,
        source="a",
        target="b",
        via="c",
        source_organization="X",
        target_organization="Y",
        fragmentation_reduction=0.1,
        constraint_reduction=0.2,
    )


def test_the_enumeration_reads_the_engine() -> None:
    keys = emitted_finding_keys()
    assert set(FINDING_KEYS) <= set(keys)
    assert {"ties_changed", "trust_rose", "trust_fell"} <= set(keys)  # from compare.py
    assert keys["cut_point"] == {"member", "name", "organization"}
    assert emitted_suggestion_kinds() == {
        "connect_components",
        "connect_organization",
        "close_triad",
    }


def test_every_emitted_key_has_a_text_and_no_text_is_orphaned() -> None:
    assert set(emitted_finding_keys()) == set(messages.FINDINGS)
    assert emitted_suggestion_kinds() == set(messages.SUGGESTIONS)


@pytest.mark.parametrize(("key", "params"), sorted(emitted_finding_keys().items()))
def test_every_finding_formats_with_the_parameters_the_analysis_passes(
    key: str, params: frozenset[str]
) -> None:
    text = finding_text(sample_finding(key, params))
    assert text and "%(" not in text and key not in text
    # every placeholder is filled from the finding's parameters or its figure
    assert set(PLACEHOLDER.findall(messages.FINDINGS[key])) - {"member_label"} <= {
        *params,
        *(f"{p}_num" for p in params),
        "figure_pct",
        "figure_num",
        "figure_signed_pct",
        "figure_signed_num",
    }


@pytest.mark.parametrize("kind", sorted(emitted_suggestion_kinds()))
def test_every_suggestion_formats(kind: str) -> None:
    text = suggestion_text(sample_suggestion(kind), {"a": "Ann", "b": "Bo", "c": "Cy"})
    assert "Ann (a)" in text and "Bo (b)" in text and "%(" not in text


def test_an_unknown_key_is_an_error_not_the_raw_key() -> None:
    with pytest.raises(messages.UnknownMessageKey, match="no_such_key"):
        finding_text(Finding("no_such_key", {}, 1.0, 0.5))
    with pytest.raises(KeyError, match="no_such_kind"):
        suggestion_text(sample_suggestion("no_such_kind"), {})
    with pytest.raises(KeyError):
        messages.finding_template("connect_components")  # a suggestion kind is no finding


def test_a_missing_parameter_is_an_error() -> None:
    with pytest.raises(KeyError, match="count"):
        finding_text(Finding("members_isolated", {}, 3, 0.5))


def test_the_cli_report_speaks_the_shared_texts() -> None:
    full = read_network(DATA / "members.csv", DATA / "ties.csv")
    before, after = full.for_round("1"), full.for_round("2")
    d = diagnose(after)
    d = replace(d, comparison=compare(before, after, diagnose(before), d))
    text = render_text(d)
    assert d.comparison is not None and d.findings
    assert "ties were lost since the last round." in text  # ties_changed, in the web wording
    for f in (*d.findings[:10], *d.comparison.findings):
        assert finding_text(f) in text
