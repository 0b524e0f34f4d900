"""The surveys API: rounds with response counts (never who answered an anonymous round), and a
closed round's results through the same access function (audited) and selectors as the
results page."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from netlead.surveys import selectors
from netlead.surveys.models import SurveyRound
from netlead.surveys.readmodels import read_diagnosis
from netlead.workspaces.models import AuditEvent
from tests.api.fixtures_apps import ApiFactory, api, items, problem
from tests.networks.conftest import net
from tests.surveys.conftest import Survey, survey

__all__ = ["api", "net", "survey"]


def path(survey: Survey, rest: str = "") -> str:
    return f"/networks/{survey.net.network.pk}/surveys{rest}"


def closed_relationship_round(survey: Survey, capture) -> SurveyRound:  # type: ignore[no-untyped-def]
    survey_round = survey.open(capture)
    m = survey.members
    survey.answer_ties(m[0], [m[1], m[3]])
    survey.answer_ties(m[1], [m[0], m[2]])
    survey.answer_ties(m[3], [m[4], m[0]])
    survey.answer_ties(m[4], [m[3]])
    return survey.close(capture, survey_round)


def test_rounds_with_counts_per_organization_and_no_names_when_anonymous(
    api: ApiFactory, survey: Survey, django_capture_on_commit_callbacks
) -> None:
    survey_round = survey.open(django_capture_on_commit_callbacks)
    survey.answer_ties(survey.members[3], [survey.members[0]])
    world = survey.net.world
    for user in (world.owner, world.member):
        client = api(user, world.workspace, write=False)
        [row] = items(client.get(path(survey)))
        assert (row["id"], row["status"], row["invited"], row["answered"]) == (
            survey_round.pk,
            "open",
            6,
            1,
        )
        detail = client.get(path(survey, f"/{survey_round.pk}"))
        assert detail.status_code == 200, detail.content
        body = detail.json()
        assert {g["organization"]: g["answered"] for g in body["by_organization"]} == {
            "Municipality": 0,
            "Police": 1,
            "School": 0,
        }
        assert body["not_answered"] is None
        assert "Dee School" not in detail.text and "Ben Police" not in detail.text


def test_who_has_not_answered_only_for_editors_of_a_named_round(
    api: ApiFactory, survey: Survey, django_capture_on_commit_callbacks
) -> None:
    survey_round = survey.open(django_capture_on_commit_callbacks)
    SurveyRound.objects.filter(pk=survey_round.pk).update(anonymous=False)
    survey.answer_ties(survey.members[3], [survey.members[0]])
    world = survey.net.world
    leader = api(world.owner, world.workspace).get(path(survey, f"/{survey_round.pk}")).json()
    assert "Ben Police" not in leader["not_answered"]
    assert "Dee School" in leader["not_answered"]
    member = api(world.member, world.workspace).get(path(survey, f"/{survey_round.pk}")).json()
    assert member["not_answered"] is None


def test_drafts_exist_only_for_editors(api: ApiFactory, survey: Survey) -> None:
    world = survey.net.world
    draft = SurveyRound.objects.create(
        network=survey.net.network,
        instrument="health_check",
        title="Draft",
        closes_on=date(2099, 1, 1),
        created_by=world.owner,
    )
    member = api(world.member, world.workspace)
    assert items(member.get(path(survey))) == []
    problem(member.get(path(survey, f"/{draft.pk}")), 404)
    leader = api(world.owner, world.workspace)
    assert [r["id"] for r in items(leader.get(path(survey)))] == [draft.pk]


def test_the_apis_diagnosis_is_the_results_pages(
    api: ApiFactory, survey: Survey, django_capture_on_commit_callbacks
) -> None:
    survey_round = closed_relationship_round(survey, django_capture_on_commit_callbacks)
    world = survey.net.world
    client = api(world.member, world.workspace, write=False)
    response = client.get(path(survey, f"/{survey_round.pk}/results"))
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["instrument"] == "relationship_survey" and body["health"] is None
    got = body["relationships"]

    # What the results page's selectors return for the same round.
    data = survey_round.diagnosis
    labels = selectors.MemberLabels(survey_round, pseudonymised=False)
    assert [(f["label"], f["shown"]) for f in got["figures"]] == [
        (label, value) for label, value in selectors.network_figures(data)
    ]
    network = read_diagnosis(data).network
    assert {f["key"]: f["value"] for f in got["figures"]} == {
        f["key"]: network.value(f["key"]) for f in got["figures"]
    }
    # 7 ties named, 1 reconstructed for a member who did not answer (analysis.missing)
    assert {f["key"]: f["value"] for f in got["figures"]}["ties"] == 8
    assert data["diagnosis"]["network"]["reconstructed_ties"] == 1
    assert got["findings"] == selectors.findings(data, labels)
    assert got["suggestions"] == selectors.suggestions(data, labels)
    names, matrix = selectors.organization_matrix(data)
    assert got["organizations"] == names
    assert [row["ties_to"] for row in got["matrix"]] == matrix
    assert [(r["label"], r["trust"], r["raters"]) for r in got["ratings"]] == [
        (row.label, row.aggregate.trust, row.aggregate.raters)
        for row in selectors.rating_summary(data)
    ]
    assert got["k"] == data["diagnosis"]["k"]
    # The page says the same.
    page = world.client_for(world.member).get(survey.url("results", survey_round))
    for label, shown in selectors.network_figures(data):
        assert str(label) in page.text and shown in page.text


def test_reading_results_is_audited_by_the_access_function(
    api: ApiFactory, survey: Survey, django_capture_on_commit_callbacks
) -> None:
    survey_round = closed_relationship_round(survey, django_capture_on_commit_callbacks)
    world = survey.net.world
    url = path(survey, f"/{survey_round.pk}/results")
    api(world.member, world.workspace, write=False).get(url)
    event = AuditEvent.objects.get(action="survey api results")
    assert event.user == world.member and event.workspace == world.workspace
    assert event.path.endswith(f"/surveys/{survey_round.pk}/results")
    assert survey_round.title in event.target


def test_names_only_with_consent_and_hidden_on_request(
    api: ApiFactory, survey: Survey, django_capture_on_commit_callbacks
) -> None:
    survey_round = survey.open(django_capture_on_commit_callbacks)
    m = survey.members
    client, token = survey.start(m[3])  # Ben Police chooses not to be named
    client.post(reverse("surveys:answer_roster", args=[token]), {"not_named": "on"})
    client.post(reverse("surveys:answer_ratings", args=[token]), {"submit": "1"})
    survey.answer_ties(m[0], [m[3]])
    survey.answer_ties(m[4], [m[3]])
    survey_round = survey.close(django_capture_on_commit_callbacks, survey_round)
    world = survey.net.world
    api_client = api(world.owner, world.workspace, write=False)
    shown = api_client.get(path(survey, f"/{survey_round.pk}/results"))
    assert shown.status_code == 200
    assert "Ben Police" not in shown.text
    hidden = api_client.get(path(survey, f"/{survey_round.pk}/results"), names="hidden")
    for member in m:
        assert member.person.name not in hidden.text
    problem(api_client.get(path(survey, f"/{survey_round.pk}/results"), names="some"), 422)


def test_health_results_only_over_k(
    api: ApiFactory, survey: Survey, django_capture_on_commit_callbacks
) -> None:
    survey_round = survey.open(django_capture_on_commit_callbacks, instrument="health_check")
    for member, value in zip(survey.members[:4], (5, 4, 4, 3), strict=True):
        survey.answer_health(member, value)
    survey_round = survey.close(django_capture_on_commit_callbacks, survey_round)
    world = survey.net.world
    body = api(world.member, world.workspace).get(path(survey, f"/{survey_round.pk}/results"))
    health = body.json()["health"]
    assert health["respondents"] == 4 and health["reason"] == ""
    assert health["dimensions"][0]["mean"] == 4.0
    groups = {g["name"]: g for g in health["by_organization"]}
    # Police (1 answered) is under k; Municipality (3) would give Police away from the totals.
    assert groups["Police"]["scores"] == [] and "fewer than 3" in groups["Police"]["reason"]
    assert groups["Municipality"]["scores"] == [] and groups["Municipality"]["reason"]
    [layer] = health["by_layer"]
    assert layer["respondents"] == 4 and layer["scores"][0]["mean"] == 4.0
    dashboard = selectors.health_dashboard(survey_round.diagnosis, "en")
    assert [d["mean"] for d in health["dimensions"]] == [d.mean for d in dashboard.dimensions]


def test_health_results_under_k_show_nothing(
    api: ApiFactory, survey: Survey, django_capture_on_commit_callbacks
) -> None:
    survey_round = survey.open(django_capture_on_commit_callbacks, instrument="health_check")
    survey.answer_health(survey.members[0])
    survey.answer_health(survey.members[1])
    survey_round = survey.close(django_capture_on_commit_callbacks, survey_round)
    world = survey.net.world
    body = api(world.owner, world.workspace).get(path(survey, f"/{survey_round.pk}/results"))
    health = body.json()["health"]
    assert "fewer than 3" in health["reason"]
    assert all(d["mean"] is None for d in health["dimensions"])


def test_results_of_an_open_round_and_other_workspaces_are_404(
    api: ApiFactory, survey: Survey, django_capture_on_commit_callbacks
) -> None:
    survey_round = survey.open(django_capture_on_commit_callbacks)
    world = survey.net.world
    leader = api(world.owner, world.workspace)
    problem(leader.get(path(survey, f"/{survey_round.pk}/results")), 404)
    # The facilitator is not in the network: its rounds do not exist for them.
    facilitator = api(world.facilitator, world.workspace)
    problem(facilitator.get(path(survey)), 404)
    problem(facilitator.get(path(survey, f"/{survey_round.pk}")), 404)
    # A token of the other workspace opens nothing here.
    outsider = api(world.outsider, world.other_workspace)
    outsider.workspace = world.workspace
    problem(outsider.get(path(survey, f"/{survey_round.pk}")), 404)
    # A round id under another network's path is 404 too.
    leader.workspace = world.other_workspace
    problem(leader.get(path(survey, f"/{survey_round.pk}")), 404)
    assert not AuditEvent.objects.exists()
