"""The self-assessment: start, save a draft, complete, refuse bad scores without losing anything,
and show the change since the previous one. Also a workspace's own framework."""

from __future__ import annotations

import pytest

from netlead.development import selectors
from netlead.development.models import CompetenceFramework, CompetenceScore, SelfAssessment
from tests.development.conftest import Dev


def _scores(assessment: SelfAssessment) -> list[int | None]:
    return list(assessment.scores.order_by("competence__number").values_list("score", flat=True))


@pytest.fixture
def draft(dev: Dev) -> SelfAssessment:
    """A draft with the first competence scored 4 and a reflection on it."""
    return dev.assessment([4, *[None] * 9], complete=False)


def test_starting_opens_an_empty_assessment_on_every_competence(dev: Dev) -> None:
    response = dev.client().post(dev.url("assessment_start"), {"framework": dev.framework.pk})
    assessment = SelfAssessment.objects.get(owner=dev.person)
    assert response.status_code == 302
    assert response.url == dev.url("assessment_edit", assessment.pk)
    assert not assessment.is_complete
    assert _scores(assessment) == [None] * 10
    page = dev.client().get(response.url)
    assert page.status_code == 200
    assert dev.competences[0].name in page.text


def test_a_framework_of_another_workspace_cannot_be_started(dev: Dev) -> None:
    elsewhere = selectors.default_framework_of(dev.world.other_workspace)
    response = dev.client().post(dev.url("assessment_start"), {"framework": elsewhere.pk})
    assert response.status_code == 302 and response.url == dev.url("assessments")
    assert not SelfAssessment.objects.exists()


def test_a_draft_is_saved_and_can_be_continued(dev: Dev, draft: SelfAssessment) -> None:
    first, second = dev.competences[:2]
    data = dev.assessment_post(
        {first.pk: "4", second.pk: "2"}, **{f"r1_{second.pk}": "  I rush to solutions. "}
    )
    client = dev.client()
    response = client.post(dev.url("assessment_edit", draft.pk), data)
    assert response.status_code == 302 and response.url == dev.url("assessment_edit", draft.pk)
    draft.refresh_from_db()
    assert not draft.is_complete
    assert _scores(draft)[:3] == [4, 2, None]
    assert draft.scores.get(competence=second).reflection_1 == "I rush to solutions."
    page = client.get(response.url)
    assert "Saved. You can continue later." in page.text
    assert "I rush to solutions." in page.text


def test_completing_needs_every_score(dev: Dev, draft: SelfAssessment) -> None:
    data = dev.assessment_post({c.pk: "3" for c in dev.competences}, button="complete")
    response = dev.client().post(dev.url("assessment_edit", draft.pk), data)
    assert response.status_code == 302 and response.url == dev.url("assessment", draft.pk)
    draft.refresh_from_db()
    assert draft.is_complete
    assert _scores(draft) == [3] * 10


def test_completing_with_a_score_missing_is_refused_and_keeps_the_draft(
    dev: Dev, draft: SelfAssessment
) -> None:
    first, second = dev.competences[:2]
    data = dev.assessment_post({first.pk: "4", second.pk: "5"}, button="complete")
    response = dev.client().post(dev.url("assessment_edit", draft.pk), data)
    assert response.status_code == 400
    assert "Give every competence a score to complete the assessment." in response.text
    # What was typed is still on the page, the saved draft is unchanged and not complete.
    assert response.context["form"][f"score_{second.pk}"].value() == "5"
    draft.refresh_from_db()
    assert not draft.is_complete
    assert _scores(draft) == [4, *[None] * 9]


@pytest.mark.parametrize("value", ["7", "0", "abc", "-1", "3.5"])
def test_a_score_out_of_range_is_refused_and_changes_nothing(
    dev: Dev, draft: SelfAssessment, value: str
) -> None:
    first, second = dev.competences[:2]
    data = dev.assessment_post({first.pk: "2", second.pk: value})
    response = dev.client().post(dev.url("assessment_edit", draft.pk), data)
    assert response.status_code == 400
    assert "Choose a score from 1 to 5." in response.text
    assert _scores(draft) == [4, *[None] * 9]


def test_a_completed_assessment_can_be_corrected_but_not_emptied(dev: Dev) -> None:
    assessment = dev.assessment(3)
    first, second = dev.competences[:2]
    scores = {c.pk: "3" for c in dev.competences}
    corrected = dev.client().post(
        dev.url("assessment_edit", assessment.pk),
        dev.assessment_post({**scores, first.pk: "5"}, button="complete"),
    )
    assert corrected.status_code == 302
    emptied = dev.client().post(
        dev.url("assessment_edit", assessment.pk),
        dev.assessment_post({**scores, second.pk: ""}, button="complete"),
    )
    assert emptied.status_code == 400
    assessment.refresh_from_db()
    assert assessment.is_complete
    assert _scores(assessment) == [5, *[3] * 9]


def test_the_change_against_the_previous_assessment_is_shown(dev: Dev) -> None:
    dev.assessment([2, 4, 3, 3, 3, 3, 3, 3, 3, 3], days_ago=365)
    dev.assessment([1] * 10, days_ago=100, complete=False)  # a draft is no comparison
    latest = dev.assessment([3, 2, 3, 3, 3, 3, 3, 3, 3, 3])
    response = dev.client().get(dev.url("assessment", latest.pk))
    assert '<th scope="col" class="num">Change</th>' in response.text
    rows = response.context["rows"]
    assert [(r.score, r.previous, r.change) for r in rows[:3]] == [(3, 2, 1), (2, 4, -2), (3, 3, 0)]
    assert '<span class="change-up">+1</span>' in response.text
    assert '<span class="change-down">-2</span>' in response.text


def test_the_first_assessment_has_nothing_to_compare_with(dev: Dev) -> None:
    only = dev.assessment(3)
    response = dev.client().get(dev.url("assessment", only.pk))
    assert response.context["previous"] is None
    assert '<th scope="col" class="num">Change</th>' not in response.text


def test_the_list_shows_only_own_assessments(dev: Dev) -> None:
    dev.assessment(3)
    other = dev.leader_of(dev.world.member)
    dev.assessment(2, owner=other)
    response = dev.client().get(dev.url("assessments"))
    assert list(response.context["assessments"]) == list(dev.person.self_assessments.all())


# -- A workspace's own framework -----------------------------------------------------------


def _framework_data(count: int) -> dict[str, str]:
    data = {
        "title": "Our way of leading",
        "intro": "",
        "language": "en",
        "competence-TOTAL_FORMS": "10",
        "competence-INITIAL_FORMS": "0",
        "competence-MIN_NUM_FORMS": "3",
        "competence-MAX_NUM_FORMS": "12",
    }
    for i in range(count):
        data.update(
            {
                f"competence-{i}-name": f"Competence {i + 1}",
                f"competence-{i}-description": f"What competence {i + 1} means",
                f"competence-{i}-question_1": f"First question {i + 1}?",
                f"competence-{i}-question_2": f"Second question {i + 1}?",
            }
        )
    return data


def test_a_facilitator_adds_a_framework_leaders_can_assess_on(dev: Dev) -> None:
    response = dev.client(dev.world.facilitator).post(
        dev.url("framework_create"), _framework_data(3)
    )
    framework = CompetenceFramework.objects.get(workspace=dev.world.workspace, is_default=False)
    assert response.status_code == 302 and response.url == dev.url("framework", framework.pk)
    assert framework.competences.count() == 3
    started = dev.client().post(dev.url("assessment_start"), {"framework": framework.pk})
    page = dev.client().get(started.url)
    assert "Competence 2" in page.text and "Second question 3?" in page.text


def test_a_framework_needs_three_competences(dev: Dev) -> None:
    response = dev.client(dev.world.facilitator).post(
        dev.url("framework_create"), _framework_data(2)
    )
    assert response.status_code == 400
    assert not CompetenceFramework.objects.filter(is_default=False).exists()
    assert not CompetenceScore.objects.exists()
