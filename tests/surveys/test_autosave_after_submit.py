"""An autosave that arrives after the submit (a slow network, a second tab: the request had
already found the invitation open) never changes a submitted answer."""

from __future__ import annotations

from typing import Any

import pytest

from netlead.core.errors import AlreadySubmitted
from netlead.frameworks.instruments import health_check
from netlead.surveys import services
from netlead.surveys.models import HealthAnswer, SurveyInvitation, TieAnswer
from tests.surveys.conftest import Survey


def test_a_late_tie_autosave_changes_nothing(
    survey: Survey, django_capture_on_commit_callbacks: Any
) -> None:
    survey.open(django_capture_on_commit_callbacks)
    m = survey.members
    # The autosave request looked the invitation up before the submit went through.
    stale = SurveyInvitation.objects.get(member=m[1])
    survey.answer_ties(m[1], [m[0]], value=3)
    assert SurveyInvitation.objects.get(member=m[1]).submitted_at is not None
    with pytest.raises(AlreadySubmitted):
        services.tie_answers_save(stale, {m[0].pk: {"frequency": 1}})
    tie = TieAnswer.objects.get(respondent=m[1], target=m[0])
    assert tie.frequency == 3


def test_a_late_health_autosave_changes_nothing(
    survey: Survey, django_capture_on_commit_callbacks: Any
) -> None:
    survey.open(django_capture_on_commit_callbacks, instrument="health_check")
    m = survey.members
    stale = SurveyInvitation.objects.get(member=m[1])
    token = survey.tokens[m[1].pk]
    survey.answer_health(m[1], value=4)
    item = health_check("en").items[0]
    before = sorted(HealthAnswer.objects.values_list("item", "value"))
    with pytest.raises(AlreadySubmitted):
        services.health_answers_save(stale, token, {item.key: 1})
    assert sorted(HealthAnswer.objects.values_list("item", "value")) == before
