"""The development API: the caller's own self-assessments and plan, nobody else's, whoever
asks; marking a plan action done through the page's service, with If-Match."""

from __future__ import annotations

import pytest
from django.utils import timezone

from netlead.development import services
from netlead.development.models import DevelopmentGoal, PlanAction
from netlead.workspaces.models import Person
from netlead.workspaces.services import person_for_user
from tests.api.fixtures_apps import ApiFactory, api, fields, items, problem
from tests.development.conftest import Dev, dev

__all__ = ["api", "dev"]


def plan_of(owner: Person, title: str = "Broker across organizations") -> PlanAction:
    goal = services.goal_save(owner=owner, goal=DevelopmentGoal(title=title, why="It matters"))
    services.note_add(goal=goal, text="Met the police chief")
    return services.action_save(goal=goal, action=PlanAction(title="Meet three partners"))


@pytest.fixture
def action(dev: Dev) -> PlanAction:
    return plan_of(dev.person)


def test_own_assessments_with_scores_and_change(api: ApiFactory, dev: Dev) -> None:
    first = dev.assessment(2, days_ago=30)
    second = dev.assessment(4)
    client = api(dev.leader, dev.world.workspace, write=False)
    rows = items(client.get("/development/assessments"))
    assert [(r["id"], r["is_complete"]) for r in rows] == [(second.pk, True), (first.pk, True)]
    detail = client.get(f"/development/assessments/{second.pk}").json()
    assert detail["previous_id"] == first.pk
    assert len(detail["scores"]) == len(dev.competences) == 10
    assert {(s["score"], s["previous"], s["change"]) for s in detail["scores"]} == {(4, 2, 2)}
    assert detail["scores"][0]["number"] == 1 and detail["scores"][0]["competence"]


def test_own_plan_with_actions_and_notes(api: ApiFactory, dev: Dev, action: PlanAction) -> None:
    client = api(dev.leader, dev.world.workspace, write=False)
    [goal] = items(client.get("/development/goals"))
    assert goal["title"] == "Broker across organizations" and goal["status"] == "active"
    assert [a["title"] for a in goal["actions"]] == ["Meet three partners"]
    assert [n["text"] for n in goal["notes"]] == ["Met the police chief"]
    assert client.get(f"/development/goals/{action.goal_id}").json() == goal


def test_nobody_reaches_another_leaders_development(
    api: ApiFactory, dev: Dev, action: PlanAction
) -> None:
    assessment = dev.assessment(3)
    world = dev.world
    # The workspace owner is a leader in their own right, with their own (empty) development.
    dev.leader_of(world.owner)
    owner = api(world.owner, world.workspace)
    assert items(owner.get("/development/assessments")) == []
    assert items(owner.get("/development/goals")) == []
    problem(owner.get(f"/development/assessments/{assessment.pk}"), 404)
    problem(owner.get(f"/development/goals/{action.goal_id}"), 404)
    problem(owner.get(f"/development/actions/{action.pk}"), 404)
    problem(owner.patch(f"/development/actions/{action.pk}", {"done": True}, "*"), 404)
    action.refresh_from_db()
    assert action.done_on is None


def test_another_workspaces_ids_are_404(api: ApiFactory, dev: Dev, action: PlanAction) -> None:
    world = dev.world
    # The outsider's own plan in the other workspace.
    theirs = plan_of(person_for_user(workspace=world.other_workspace, user=world.outsider))
    client = api(dev.leader, world.workspace)
    problem(client.get(f"/development/actions/{theirs.pk}"), 404)
    problem(client.get(f"/development/goals/{theirs.goal_id}"), 404)
    # A token of one workspace does not open another.
    outsider = api(world.outsider, world.other_workspace)
    outsider.workspace = world.workspace
    problem(outsider.get("/development/goals"), 404)
    problem(outsider.get(f"/development/actions/{action.pk}"), 404)


def test_marking_an_action_done_and_open_again(
    api: ApiFactory, dev: Dev, action: PlanAction
) -> None:
    client = api(dev.leader, dev.world.workspace)
    path = f"/development/actions/{action.pk}"
    read = client.get(path)
    assert read.status_code == 200 and read.json()["done_on"] is None
    done = client.patch(path, {"done": True}, read["ETag"])
    assert done.status_code == 200, done.content
    assert done.json()["done_on"] == str(timezone.localdate())
    action.refresh_from_db()
    assert action.done_on == timezone.localdate()
    problem(client.patch(path, {"done": False}, read["ETag"]), 412)
    reopened = client.patch(path, {"done": False}, done["ETag"])
    assert reopened.status_code == 200
    action.refresh_from_db()
    assert action.done_on is None


def test_a_read_only_token_cannot_write(api: ApiFactory, dev: Dev, action: PlanAction) -> None:
    client = api(dev.leader, dev.world.workspace, write=False)
    path = f"/development/actions/{action.pk}"
    etag = client.get(path)["ETag"]
    assert "read-only" in problem(client.patch(path, {"done": True}, etag), 403)["detail"]
    action.refresh_from_db()
    assert action.done_on is None


def test_bad_input_and_missing_if_match_change_nothing(
    api: ApiFactory, dev: Dev, action: PlanAction
) -> None:
    client = api(dev.leader, dev.world.workspace)
    path = f"/development/actions/{action.pk}"
    etag = client.get(path)["ETag"]
    assert "done" in fields(problem(client.patch(path, {"done": "maybe"}, etag), 422))
    assert "done" in fields(problem(client.patch(path, {}, etag), 422))
    problem(client.patch(path, {"done": True}), 428)
    action.refresh_from_db()
    assert action.done_on is None
