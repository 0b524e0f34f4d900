"""The cohort figures stored on a cohort (services/measurement.py) read back into the typed read
models of programmes/selectors/cohorts.py, with competence names added."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import pytest

from netlead.analysis.programmes import MeasurementPair, cohort_change, start_only_means
from netlead.programmes.selectors.cohorts import (
    COHORT_FIGURES_SCHEMAS,
    CompetenceFigure,
    read_cohort_figures,
)
from netlead.surveys.readmodels import UnknownSchema

NAMES = {"trust": "Building trust", "weaving": "Weaving"}

# Schema 1 as stored: figures carry no schema key. Frozen samples: keep them reading.
START_V1: dict[str, Any] = {
    "k": 3,
    "participants": 4,
    "counted": [11, 12, 13, 14],
    "rows": [
        {
            "competence": "trust",
            "start_mean": 2.75,
            "end_mean": None,
            "change": None,
            "improved": None,
            "participants": 4,
        },
        {
            "competence": "weaving",
            "start_mean": None,
            "end_mean": None,
            "change": None,
            "improved": None,
            "participants": 2,
        },
    ],
}
CHANGE_V1: dict[str, Any] = {
    "k": 3,
    "participants": 4,
    "held_back": False,
    "shown": True,
    "rows": [
        {
            "competence": "trust",
            "start_mean": 2.5,
            "end_mean": 3.5,
            "change": 1.0,
            "improved": 3,
            "participants": 4,
        }
    ],
}
HELD_BACK_V1: dict[str, Any] = {
    "k": 3,
    "participants": 3,
    "held_back": True,
    "shown": False,
    "rows": [],
}


def test_start_figures_of_schema_1_read_back_with_names() -> None:
    figures = read_cohort_figures(START_V1, NAMES)
    assert (figures.k, figures.participants, figures.held_back) == (3, 4, False)
    assert figures.shown  # a mean is shown
    assert figures.rows == (
        CompetenceFigure("trust", "Building trust", 2.75, None, None, None, 4),
        CompetenceFigure("weaving", "Weaving", None, None, None, None, 2),
    )


def test_change_figures_of_schema_1_read_back() -> None:
    figures = read_cohort_figures(CHANGE_V1, NAMES)
    assert (figures.shown, figures.held_back, figures.participants) == (True, False, 4)
    (row,) = figures.rows
    assert (row.name, row.start_mean, row.end_mean, row.change, row.improved) == (
        "Building trust",
        2.5,
        3.5,
        1.0,
        3,
    )
    held_back = read_cohort_figures(HELD_BACK_V1, NAMES)
    assert held_back.held_back and not held_back.shown and held_back.rows == ()


def test_a_competence_without_a_name_reads_with_an_empty_one() -> None:
    assert read_cohort_figures(START_V1, {}).rows[0].name == ""


def test_what_the_measurement_service_stores_today_reads_back() -> None:
    scores = [{"trust": 2, "weaving": 3}, {"trust": 3, "weaving": 3}, {"trust": 4}]
    start = {
        "k": 3,
        "participants": 3,
        "rows": [asdict(r) for r in start_only_means(scores, ["trust", "weaving"], k=3)],
        "counted": [1, 2, 3],
    }
    assert [r.start_mean for r in read_cohort_figures(start, NAMES).rows] == [3.0, None]
    change = cohort_change(
        [MeasurementPair(start=s, end={"trust": 5, "weaving": 5}) for s in scores],
        ["trust", "weaving"],
        k=3,
    )
    stored = {
        "k": 3,
        "participants": change.participants,
        "held_back": False,
        "shown": change.shown,
        "rows": [asdict(r) for r in change.rows],
    }
    figures = read_cohort_figures(stored, NAMES)
    assert figures.shown and figures.rows[0].change == 2.0


@pytest.mark.parametrize("schema", [2, "1", True])
def test_an_unknown_schema_is_a_clear_error(schema: object) -> None:
    with pytest.raises(UnknownSchema, match="stored cohort figures has schema version"):
        read_cohort_figures({**CHANGE_V1, "schema": schema}, NAMES)
    assert COHORT_FIGURES_SCHEMAS == (1,)
    assert read_cohort_figures({**CHANGE_V1, "schema": 1}, NAMES).shown
