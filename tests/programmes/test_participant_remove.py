"""Taking a participant out of a cohort goes through a page that says what follows, in counts
(never what they wrote); taking out itself is a POST."""

from __future__ import annotations

from netlead.networks.models import NetworkMember
from netlead.programmes.models import (
    AssignmentKind,
    Enrolment,
    Lesson,
    LessonDone,
    Submission,
)
from netlead.programmes.services import cohorts as services
from tests.programmes.test_cohorts import Course, _complete, course  # noqa: F401 (fixture)


def _work(course: Course) -> None:  # noqa: F811
    alice = course.enrolment(course.alice)
    for lesson in Lesson.objects.filter(module__programme=course.programme)[:2]:
        services.lesson_mark(enrolment=alice, lesson=lesson, done=True)
    services.submission_save(
        enrolment=alice,
        assignment=course.assignment(AssignmentKind.REFLECTION),
        text="Alice's private reflection",
        network=None,
        hand_in=True,
    )


def test_the_page_says_what_follows_in_counts_and_changes_nothing(course: Course) -> None:  # noqa: F811
    _work(course)
    alice = course.enrolment(course.alice)
    enrol_page = course.client(course.world.facilitator).get(
        course.url("cohort_enrol", course.cohort.pk)
    )
    url = course.url("participant_remove", course.cohort.pk, alice.pk)
    assert f'href="{url}"' in enrol_page.text
    page = course.client(course.world.facilitator).get(url)
    assert page.status_code == 200
    assert "Take Alice out of the cohort?" in page.text
    assert "2 lessons they marked done are forgotten." in page.text
    assert "1 piece of their work is deleted" in page.text
    assert "private reflection" not in page.text
    assert "for 30 days" in page.text
    assert Enrolment.objects.filter(pk=alice.pk).exists()


def test_the_page_warns_when_they_were_counted_at_the_start(course: Course) -> None:  # noqa: F811
    for user in (course.alice, course.bob, course.carol):
        _complete(course, user, services.START, 3)
    services.start_measurement_close(cohort=course.cohort)
    alice = course.enrolment(course.alice)
    page = course.client(course.world.facilitator).get(
        course.url("participant_remove", course.cohort.pk, alice.pk)
    )
    assert "counted in the start measurement" in page.text
    dave = course.enrolment(course.dave)
    page = course.client(course.world.facilitator).get(
        course.url("participant_remove", course.cohort.pk, dave.pk)
    )
    assert "counted in the start measurement" not in page.text


def test_taking_out_removes_the_enrolment_and_ends_the_network_membership(course: Course) -> None:  # noqa: F811
    _work(course)
    alice = course.enrolment(course.alice)
    response = course.client(course.world.facilitator).post(
        course.url("participant_remove", course.cohort.pk, alice.pk), follow=True
    )
    assert "Alice is no longer in this cohort." in response.text
    assert not Enrolment.objects.filter(pk=alice.pk).exists()
    assert not LessonDone.objects.filter(enrolment_id=alice.pk).exists()
    assert not Submission.objects.filter(enrolment_id=alice.pk).exists()
    member = NetworkMember.objects.get(network=course.cohort.network, person=alice.person)
    assert member.left_on is not None
    assert (
        course.client(course.alice).get(course.url("cohort", course.cohort.pk)).status_code == 404
    )
    # Enrolling again gives a place back.
    services.enrol(cohort=course.cohort, persons=[alice.person], role="participant")
    assert course.cohort.enrolments.filter(person=alice.person).exists()


def test_only_the_cohorts_facilitators_take_someone_out(course: Course) -> None:  # noqa: F811
    alice = course.enrolment(course.alice)
    url = course.url("participant_remove", course.cohort.pk, alice.pk)
    for user in (course.alice, course.bob):
        assert course.client(user).get(url).status_code == 403
        assert course.client(user).post(url).status_code == 403
    for user in (course.world.owner, course.world.outsider):
        assert course.client(user).post(url).status_code == 404
    assert Enrolment.objects.filter(pk=alice.pk).exists()


def test_a_facilitator_or_another_cohorts_enrolment_is_not_found(course: Course) -> None:  # noqa: F811
    client = course.client(course.world.facilitator)
    for pk in (course.facilitator.pk, 999_999):
        url = course.url("participant_remove", course.cohort.pk, pk)
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    assert Enrolment.objects.filter(pk=course.facilitator.pk).exists()


def test_an_ended_cohort_keeps_its_participants(course: Course) -> None:  # noqa: F811
    alice = course.enrolment(course.alice)
    services.cohort_close(cohort=course.cohort)
    url = course.url("participant_remove", course.cohort.pk, alice.pk)
    response = course.client(course.world.facilitator).post(url, follow=True)
    assert "its participants stay part of it" in response.text
    assert Enrolment.objects.filter(pk=alice.pk).exists()
    enrol_page = course.client(course.world.facilitator).get(
        course.url("cohort_enrol", course.cohort.pk)
    )
    assert url not in enrol_page.text
