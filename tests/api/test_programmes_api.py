"""The programmes API: programmes for owners and facilitators, cohorts for the people enrolled,
progress and skills figures (only over k) for the cohort's facilitators, and for a participant
only what their pages show."""

from __future__ import annotations

from netlead.programmes.models import Cohort, Programme, ProgrammeKind
from netlead.programmes.selectors import cohorts as selectors
from netlead.programmes.services import cohorts as services
from netlead.programmes.services.curricula import programme_create
from tests.api.fixtures_apps import ApiFactory, api, items, problem
from tests.programmes.test_cohorts import Course, _complete, course

__all__ = ["api", "course"]


def test_programmes_with_their_cohorts_for_facilitators(api: ApiFactory, course: Course) -> None:
    world = course.world
    client = api(world.facilitator, world.workspace, write=False)
    [row] = items(client.get("/programmes"))
    assert (row["id"], row["title"], row["cohorts"]) == (course.programme.pk, "Masterclass", 1)
    detail = client.get(f"/programmes/{course.programme.pk}").json()
    assert [(c["id"], c["participants"]) for c in detail["cohort_list"]] == [(course.cohort.pk, 4)]


def test_members_do_not_reach_programmes(api: ApiFactory, course: Course) -> None:
    client = api(course.alice, course.world.workspace)
    problem(client.get("/programmes"), 403)
    problem(client.get(f"/programmes/{course.programme.pk}"), 403)


def test_a_participant_sees_their_cohort_and_own_progress_only(
    api: ApiFactory, course: Course
) -> None:
    client = api(course.alice, course.world.workspace, write=False)
    [mine] = items(client.get("/cohorts"))
    assert mine["cohort"]["id"] == course.cohort.pk and mine["role"] == "participant"
    detail = client.get(f"/cohorts/{course.cohort.pk}").json()
    assert detail["your_role"] == "participant" and detail["participants"] is None
    expected = selectors.progress(course.cohort, [course.enrolment(course.alice)])[0]
    assert [m["lessons"] for m in detail["your_progress"]] == [m.lessons for m in expected.modules]
    # The progress of the others and the figures are the facilitators' page.
    body = problem(client.get(f"/cohorts/{course.cohort.pk}/progress"), 403)
    assert "Bob" not in str(body)


def test_facilitators_see_progress_and_figures_only_over_k(api: ApiFactory, course: Course) -> None:
    _complete(course, course.alice, services.START, 2)
    _complete(course, course.bob, services.START, 4)
    services.start_measurement_close(cohort=course.cohort)
    client = api(course.world.facilitator, course.world.workspace, write=False)
    response = client.get(f"/cohorts/{course.cohort.pk}/progress")
    assert response.status_code == 200, response.content
    body = response.json()
    assert [p["name"] for p in body["participants"]] == ["Alice", "Bob", "Carol", "Dave"]
    figures = body["figures"]
    assert figures["start_closed"] and figures["start_participants"] == 2
    assert figures["start_shown"] is False
    assert all(row["start_mean"] is None for row in figures["start"])
    assert figures["change"] is None


def test_the_change_over_k_pairs_equals_the_read_model(api: ApiFactory, course: Course) -> None:
    scores = ((course.alice, 2, 4), (course.bob, 3, 4), (course.carol, 2, 3), (course.dave, 3, 3))
    for user, start, _end in scores:
        _complete(course, user, services.START, start)
    services.start_measurement_close(cohort=course.cohort)
    for user, _start, end in scores:
        _complete(course, user, services.END, end)
    services.cohort_close(cohort=course.cohort)
    client = api(course.world.facilitator, course.world.workspace)
    figures = client.get(f"/cohorts/{course.cohort.pk}/progress").json()["figures"]
    course.cohort.refresh_from_db()
    expected = selectors.measurement_figures(course.cohort)
    assert expected.change is not None
    assert figures["change"]["shown"] is True
    assert [(r["competence"], r["change"]) for r in figures["change"]["rows"]] == [
        (r.competence, r.change) for r in expected.change.rows
    ]
    assert {r["change"] for r in figures["change"]["rows"]} == {1.0}


def test_cohorts_exist_only_for_the_people_enrolled(api: ApiFactory, course: Course) -> None:
    world = course.world
    # The workspace owner manages programmes but is not enrolled: no cohort.
    owner = api(world.owner, world.workspace)
    assert items(owner.get("/cohorts")) == []
    problem(owner.get(f"/cohorts/{course.cohort.pk}"), 404)
    problem(owner.get(f"/cohorts/{course.cohort.pk}/progress"), 404)


def test_another_workspaces_ids_are_404(api: ApiFactory, course: Course) -> None:
    world = course.world
    theirs = programme_create(
        workspace=world.other_workspace,
        creator=world.outsider,
        programme=Programme(kind=ProgrammeKind.MASTERCLASS, title="Theirs", language="en"),
        from_default=False,
    )
    their_cohort = services.cohort_create(
        programme=theirs,
        creator=world.outsider,
        name="Their cohort",
        starts_on=course.cohort.starts_on,
        ends_on=course.cohort.ends_on,
    )
    client = api(world.facilitator, world.workspace)
    problem(client.get(f"/programmes/{theirs.pk}"), 404)
    problem(client.get(f"/cohorts/{their_cohort.pk}"), 404)
    problem(client.get(f"/cohorts/{their_cohort.pk}/progress"), 404)
    # A token of the other workspace opens nothing here.
    outsider = api(world.outsider, world.other_workspace)
    outsider.workspace = world.workspace
    problem(outsider.get("/programmes"), 404)
    problem(outsider.get(f"/cohorts/{course.cohort.pk}"), 404)
    assert Cohort.objects.filter(pk=their_cohort.pk).exists()


def test_bad_paging_is_a_problem(api: ApiFactory, course: Course) -> None:
    client = api(course.world.facilitator, course.world.workspace)
    body = problem(client.get("/programmes", limit="many"), 422)
    assert any(e["field"] == "limit" for e in body["errors"])
