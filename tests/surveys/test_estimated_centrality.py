"""Estimated betweenness and closeness are labelled wherever the pages show them (issue 20): the
results page's closeness list and the network map say "Estimated" and the sample size; exact
figures carry no label."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from netlead.surveys import selectors
from netlead.surveys.readmodels import read_map, read_structure
from tests.surveys.conftest import Survey

DATA = Path(__file__).resolve().parent.parent / "data" / "surveys"
LABEL = "Estimated: in a network this large"


def _sample(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / name).read_text())
    return data


def test_schema_4_reads_the_estimate_and_its_sample() -> None:
    stored = _sample("diagnosis_v4.json")
    assert read_structure(stored).centrality_sample == 250
    assert read_map(stored).centrality_sample == 250
    assert selectors.structure(stored, str).centrality_sample == 250


@pytest.mark.parametrize("name", ["diagnosis_v1.json", "diagnosis_v2.json", "diagnosis_v3.json"])
def test_older_exact_diagnoses_carry_no_label(name: str) -> None:
    stored = _sample(name)
    assert read_structure(stored).centrality_sample is None
    assert read_map(stored).centrality_sample is None


def test_an_older_sampled_diagnosis_is_labelled_too() -> None:
    stored = _sample("diagnosis_v3.json")
    stored["diagnosis"]["network"].update(betweenness_method="sampled", betweenness_pivots=200)
    assert read_structure(stored).centrality_sample == 200


@pytest.fixture
def closed(survey: Survey, django_capture_on_commit_callbacks) -> tuple[Survey, Any]:  # type: ignore[no-untyped-def]
    survey_round = survey.open(django_capture_on_commit_callbacks)
    net = survey.net
    survey.answer_ties(net.member, [net.associate], value=3)
    return survey, survey.close(django_capture_on_commit_callbacks, survey_round)


def _estimated(survey_round: Any, sample: int) -> None:
    """Mark the stored diagnosis as estimated, as a round of more than 2,000 members is."""
    stored = survey_round.diagnosis
    stored["diagnosis"]["network"].update(centrality_method="estimated", centrality_sample=sample)
    survey_round.diagnosis = stored
    survey_round.save(update_fields=["diagnosis"])


def test_the_results_page_and_the_map_say_estimated(closed: tuple[Survey, Any]) -> None:
    survey, survey_round = closed
    client = survey.net.world.client_for(survey.net.world.member)
    exact = client.get(survey.url("results", survey_round))
    assert exact.status_code == 200 and LABEL not in exact.text
    assert LABEL not in client.get(survey.url("map", survey_round)).text

    _estimated(survey_round, 321)
    results = client.get(survey.url("results", survey_round))
    closeness = results.text.split('id="closeness-title"')[1].split("</section>")[0]
    assert LABEL in closeness and "321" in closeness
    page = client.get(survey.url("map", survey_round))
    assert LABEL in page.text and 'data-estimated="321"' in page.text
