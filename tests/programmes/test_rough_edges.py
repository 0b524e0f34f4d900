"""Regression tests for the programme rough edges of issue 19: cohort measurements kept apart
from own self-assessments, people without an account invited when enrolled, peer groups only
of people who can log in, an ended cohort without next sessions or new groups."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from netlead.development import selectors as development
from netlead.development.models import CompetenceScore, Measurement
from netlead.development.services import (
    ScoreInput,
    assessment_save,
    assessment_start,
    default_framework_ensure,
)
from netlead.meetings.models import Meeting
from netlead.programmes.models import Enrolment, EnrolmentRole
from netlead.programmes.selectors import cohorts as selectors
from netlead.programmes.services import cohorts as services
from netlead.workspaces.models import Invitation, Person
from netlead.workspaces.services import person_for_user
from tests.factories import PersonFactory
from tests.programmes import test_cohorts
from tests.programmes.test_cohorts import Course

course = test_cohorts.course  # the masterclass cohort fixture, shared


def _complete(assessment_id: int, score: int) -> None:
    rows = CompetenceScore.objects.filter(assessment_id=assessment_id)
    assessment_save(
        assessment=rows.first().assessment,  # type: ignore[union-attr]
        answers={r.competence_id: ScoreInput(score=score) for r in rows},
        complete=True,
    )


# -- Cohort measurements in My development ------------------------------------------------------


def test_a_cohort_measurement_is_labelled_and_not_the_latest_self_assessment(
    course: Course,
) -> None:
    alice = Person.objects.get(user=course.alice)
    own = assessment_start(
        owner=alice, framework=default_framework_ensure(workspace=course.world.workspace)
    )
    _complete(own.pk, 2)
    measured = services.measurement_start(
        enrolment=course.enrolment(course.alice), which=services.START
    )
    _complete(measured.pk, 4)
    measured.refresh_from_db()
    assert measured.measurement == Measurement.COHORT_START
    assert measured.measured_for == "Masterclass · Cohort 1"
    # The newer measurement does not count as her latest own self-assessment...
    assert development.latest_complete(alice) == own
    # ...and is listed with its label.
    page = course.client(course.alice).get(reverse("development:assessments", args=[course.slug]))
    assert "Cohort start measurement: Masterclass · Cohort 1" in page.content.decode()
    overview = course.client(course.alice).get(reverse("development:overview", args=[course.slug]))
    assert overview.status_code == 200


def test_an_own_self_assessment_is_compared_with_own_ones_only(course: Course) -> None:
    alice = Person.objects.get(user=course.alice)
    framework = default_framework_ensure(workspace=course.world.workspace)
    first = assessment_start(owner=alice, framework=framework)
    _complete(first.pk, 2)
    measured = services.measurement_start(
        enrolment=course.enrolment(course.alice), which=services.START
    )
    _complete(measured.pk, 4)
    second = assessment_start(owner=alice, framework=framework)
    assert development.previous_assessment(second) == first


# -- Enrolling people without an account ----------------------------------------------------


def test_enrolling_people_without_an_account_invites_or_warns(
    course: Course, django_capture_on_commit_callbacks
) -> None:
    with_email = PersonFactory(
        workspace=course.world.workspace, name="Nora New", email="nora@x.test"
    )
    without = PersonFactory(workspace=course.world.workspace, name="Otis Offline", email="")
    with django_capture_on_commit_callbacks(execute=True):
        response = course.client(course.world.facilitator).post(
            course.url("cohort_enrol", course.cohort.pk),
            {"persons": [with_email.pk, without.pk], "role": "participant"},
            follow=True,
        )
    page = response.content.decode()
    assert "invited to the workspace by e-mail: Nora New" in page
    assert "No account and no e-mail address" in page and "Otis Offline" in page
    assert Invitation.objects.filter(email="nora@x.test", role="member").count() == 1
    assert [m.to for m in mail.outbox] == [["nora@x.test"]]
    # Enrolling her in a second cohort does not invite her twice.
    other = services.cohort_create(
        programme=course.programme,
        creator=course.world.facilitator,
        name="Cohort 2",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate() + timedelta(days=60),
    )
    again = course.client(course.world.facilitator).post(
        course.url("cohort_enrol", other.pk),
        {"persons": [with_email.pk], "role": "participant"},
        follow=True,
    )
    assert "Invited to the workspace before" in again.content.decode()
    assert Invitation.objects.filter(email="nora@x.test").count() == 1


def test_enrolling_people_with_an_account_invites_nobody(course: Course) -> None:
    member = person_for_user(workspace=course.world.workspace, user=course.world.member)
    response = course.client(course.world.facilitator).post(
        course.url("cohort_enrol", course.cohort.pk),
        {"persons": [member.pk], "role": "participant"},
        follow=True,
    )
    assert response.status_code == 200
    assert not Invitation.objects.exists()


# -- Peer groups ----------------------------------------------------------------------------------


def test_peer_groups_hold_only_people_who_can_log_in(course: Course) -> None:
    offline = [PersonFactory(workspace=course.world.workspace, email="") for _ in range(3)]
    services.enrol(cohort=course.cohort, persons=offline, role=EnrolmentRole.PARTICIPANT)
    groups = services.peer_groups_assign(cohort=course.cohort, size=2, seed=1)
    assert groups == 2
    grouped = Enrolment.objects.filter(cohort=course.cohort, peer_group__isnull=False)
    assert {e.person.user for e in grouped} == {course.alice, course.bob, course.carol, course.dave}
    assert not Enrolment.objects.filter(person__in=offline, peer_group__isnull=False).exists()
    with pytest.raises(ValidationError, match="cannot log in"):
        services.peer_group_set(
            enrolment=Enrolment.objects.get(person=offline[0], cohort=course.cohort), group=1
        )


def test_peer_groups_need_two_who_can_log_in(course: Course) -> None:
    Enrolment.objects.filter(
        cohort=course.cohort, person__user__in=[course.bob, course.carol, course.dave]
    ).delete()
    services.enrol(
        cohort=course.cohort,
        persons=[PersonFactory(workspace=course.world.workspace, email="")],
        role=EnrolmentRole.PARTICIPANT,
    )
    with pytest.raises(ValidationError, match="two participants who can log in"):
        services.peer_groups_assign(cohort=course.cohort, size=2)
    assert not Enrolment.objects.filter(cohort=course.cohort, peer_group__isnull=False).exists()


# -- An ended cohort --------------------------------------------------------------------------------


def test_an_ended_cohort_lists_no_next_sessions_and_draws_no_groups(course: Course) -> None:
    start = timezone.now() + timedelta(days=7)
    Meeting.objects.create(
        network=course.cohort.network,
        title="Session 5",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
    )
    assert [m.title for m in selectors.sessions(course.cohort, upcoming=True)] == ["Session 5"]
    services.peer_groups_assign(cohort=course.cohort, size=2, seed=3)
    before = dict(Enrolment.objects.values_list("pk", "peer_group"))
    services.cohort_close(cohort=course.cohort)
    course.cohort.refresh_from_db()
    assert selectors.sessions(course.cohort, upcoming=True) == []
    client = course.client(course.world.facilitator)
    page = client.get(course.url("cohort", course.cohort.pk)).content.decode()
    assert "Session 5" not in page and "This cohort has ended: no more sessions." in page
    progress = client.get(course.url("cohort_progress", course.cohort.pk)).content.decode()
    assert "Draw peer groups" not in progress
    response = client.post(course.url("cohort_progress", course.cohort.pk), {"size": "3"})
    assert response.status_code == 400
    assert dict(Enrolment.objects.values_list("pk", "peer_group")) == before
