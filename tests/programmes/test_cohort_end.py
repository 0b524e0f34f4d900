"""Ending a cohort goes through a page that says what the end settles, from the measurements
taken so far; ending itself is a POST."""

from __future__ import annotations

from netlead.programmes.services import cohorts as services
from tests.programmes.test_cohorts import Course, _complete, course  # noqa: F401 (fixture)


def _confirm(course: Course) -> str:  # noqa: F811
    response = course.client(course.world.facilitator).get(
        course.url("cohort_close", course.cohort.pk)
    )
    assert response.status_code == 200
    return response.text


def test_the_confirmation_says_the_change_cannot_be_computed(course: Course) -> None:  # noqa: F811
    for user in (course.alice, course.bob, course.carol, course.dave):
        _complete(course, user, services.START, 3)
    services.start_measurement_close(cohort=course.cohort)
    _complete(course, course.alice, services.END, 4)
    page = _confirm(course)
    assert "1 of 4 participants took the end measurement." in page
    # Three of four counted starters lack an end: not held back (3 >= k), but too few pairs.
    assert "Only 1 participant has both measurements, fewer than 3" in page
    assert "cannot be computed afterwards" in page
    course.cohort.refresh_from_db()
    assert not course.cohort.is_closed  # looking changes nothing


def test_the_confirmation_warns_when_the_change_will_be_held_back(course: Course) -> None:  # noqa: F811
    for user in (course.alice, course.bob, course.carol, course.dave):
        _complete(course, user, services.START, 3)
    for user in (course.alice, course.bob, course.carol):
        _complete(course, user, services.END, 4)
    page = _confirm(course)
    assert "The start measurement closes too" in page
    assert "1 participant counted at the start has no end measurement" in page


def test_the_confirmation_says_over_how_many_the_change_is_computed(course: Course) -> None:  # noqa: F811
    for user in (course.alice, course.bob, course.carol, course.dave):
        _complete(course, user, services.START, 3)
        _complete(course, user, services.END, 4)
    page = _confirm(course)
    assert "computed over 4 participants with both measurements" in page


def test_ending_is_a_post_and_an_ended_cohort_has_no_confirmation(course: Course) -> None:  # noqa: F811
    client = course.client(course.world.facilitator)
    url = course.url("cohort_close", course.cohort.pk)
    assert 'name="what" value="cohort"' in _confirm(course)
    client.post(url, {"what": "cohort"})
    course.cohort.refresh_from_db()
    assert course.cohort.is_closed
    assert client.get(url).status_code == 302


def test_a_changed_form_ends_nothing(course: Course) -> None:  # noqa: F811
    response = course.client(course.world.facilitator).post(
        course.url("cohort_close", course.cohort.pk), {"what": "everything"}, follow=True
    )
    assert "Nothing was closed" in response.text
    course.cohort.refresh_from_db()
    assert not course.cohort.is_closed


def test_the_confirmation_is_for_the_cohorts_facilitators_only(course: Course) -> None:  # noqa: F811
    url = course.url("cohort_close", course.cohort.pk)
    assert course.client(course.alice).get(url).status_code == 403
    assert course.client(course.world.owner).get(url).status_code == 404
    assert course.client(course.world.outsider).get(url).status_code == 404
