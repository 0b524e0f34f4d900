"""The case context a participant pulls into their case analysis stores keys and numbers, so
each reader sees the phase and the figures in their own language (issue 19)."""

from __future__ import annotations

from django.utils import translation

from netlead.frameworks import phases
from netlead.programmes.models import AssignmentKind, Submission
from netlead.programmes.selectors.cohorts import case_context_view
from netlead.programmes.services import cohorts as services
from netlead.surveys import texts as survey_texts
from tests.programmes import test_cohorts
from tests.programmes.test_cohorts import Course, _demo_network

course = test_cohorts.course  # the masterclass cohort fixture, shared


def _title(language: str, number: int) -> str:
    return next(p.title for p in phases(language) if p.number == number)


def test_the_pulled_phase_is_stored_as_a_number_and_read_in_each_language(
    course: Course,
) -> None:
    network = _demo_network(course, course.alice)
    with translation.override("nl"):
        stored = services.case_context_of(network)
    assert stored["phase"] == {"number": 3}
    assert _title("nl", 3) not in str(stored)
    for language in ("en", "da", "nl"):
        with translation.override(language):
            assert case_context_view(stored)["phase"]["title"] == _title(language, 3)


def test_figures_are_stored_by_key_and_labelled_when_read() -> None:
    stored = {
        "network": "Jeugdnetwerk",
        "pulled_on": "2026-11-02",
        "phase": {"number": 2},
        "diagnosis": {"round": "Najaar", "metrics": {"members": 12, "density": 0.25}},
    }
    with translation.override("en"):
        figures = dict(case_context_view(stored)["diagnosis"]["figures"])
        assert figures == {
            str(survey_texts.NETWORK_METRICS["members"]): "12",
            str(survey_texts.NETWORK_METRICS["density"]): survey_texts.metric("density", 0.25),
        }


def test_a_context_pulled_before_keeps_its_written_figures() -> None:
    stored = {
        "network": "Jeugdnetwerk",
        "pulled_on": "2026-11-02",
        "phase": {"number": 2, "title": "Oud"},
        "diagnosis": {"round": "Najaar", "figures": [["Leden", "12"]]},
    }
    view = case_context_view(stored)
    assert view["diagnosis"]["figures"] == [["Leden", "12"]]
    assert view["phase"]["title"] == _title("en", 2)
    assert case_context_view({}) == {}


def test_the_facilitator_reads_the_dutch_pull_in_english(course: Course) -> None:
    network = _demo_network(course, course.alice)
    assignment = course.assignment(AssignmentKind.CASE_ANALYSIS)
    url = course.url("cohort_assignment", course.cohort.pk, assignment.pk)
    with translation.override("nl"):
        course.client(course.alice).post(
            url,
            {"text": "Analyse", "network": network.pk, "pull": "1", "hand_in": "1"},
            HTTP_ACCEPT_LANGUAGE="nl",
        )
    submission = Submission.objects.get(assignment=assignment)
    page = course.client(course.world.facilitator).get(
        course.url("submission", course.cohort.pk, submission.pk), HTTP_ACCEPT_LANGUAGE="en"
    )
    text = page.content.decode()
    assert page.status_code == 200
    assert _title("en", 3) != _title("nl", 3)
    assert _title("en", 3) in text and _title("nl", 3) not in text
