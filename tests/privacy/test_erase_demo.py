"""Erasure keeps aggregates valid (GDPR article 17; DESIGN.md's privacy rules): the demo owner
erases every demo person in turn; after each erasure every stored aggregate is unchanged (stored
diagnoses, cohort figures, attendance and action counts, anonymous answers), and every page of
the site still renders, as the owner, the facilitator and the staff administrator."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Count
from django.test import Client
from django.urls import reverse

from netlead.accounts.models import User
from netlead.development.models import ObserverResponse
from netlead.meetings.models import Action, Attendance, MinutesApproval
from netlead.networks.models import CharterResponse, NetworkMember
from netlead.privacy import services
from netlead.programmes.models import Cohort, Enrolment, PrinciplesCheckResponse
from netlead.surveys.models import HealthAnswer, SurveyRound, TieAnswer
from netlead.workspaces.models import Membership, Person, Workspace
from netlead.workspaces.privacy import former_member_name
from tests.demo_pages import demo_pages
from tests.privacy.conftest import FACILITATOR, LEADER, MEMBER


def _counts(queryset: Any, *by: str) -> list[tuple[Any, ...]]:
    return sorted(queryset.values_list(*by).annotate(n=Count("pk")).order_by())


def _aggregates(leader: Person) -> dict[str, Any]:
    """Every stored aggregate, and every count an erasure must keep."""
    return {
        "diagnoses": dict(SurveyRound.objects.values_list("pk", "diagnosis")),
        "cohort figures": sorted(
            Cohort.objects.values_list("pk", "start_figures", "change_figures")
        ),
        "attendance": _counts(Attendance.objects, "meeting_id", "status"),
        "actions": _counts(Action.objects, "network_id", "status"),
        "network members": _counts(NetworkMember.objects, "network_id", "role"),
        "charter responses": _counts(CharterResponse.objects, "version_id", "agrees"),
        "minutes approvals": _counts(MinutesApproval.objects, "minutes_id"),
        "health answers": _counts(HealthAnswer.objects, "response__round_id", "item", "value"),
        "principles checks": _counts(PrinciplesCheckResponse.objects, "meeting_id"),
        "enrolments": _counts(Enrolment.objects, "cohort_id", "role"),
        "leader's observer answers": _counts(
            ObserverResponse.objects.filter(request__owner=leader), "request_id", "group"
        ),
    }


def _every_page_renders(email: str, workspaces: list[Workspace]) -> int:
    client = Client(raise_request_exception=True)
    client.force_login(User.objects.get(email=email))
    ok = 0
    for name, path in demo_pages(workspaces):
        status = client.get(path).status_code
        assert status < 500, f"{name} {path} as {email}: {status}"
        ok += status == 200
    return ok


def test_erasing_every_demo_person_keeps_pages_and_aggregates(demo: Workspace, db: None) -> None:
    workspaces = list(Workspace.objects.order_by("pk"))
    owner = Membership.objects.get(workspace=demo, user__email=LEADER)
    leader = Person.objects.get(workspace=demo, user__email=LEADER)
    before = _aggregates(leader)
    ties = TieAnswer.objects.count()
    # People without an account first, then the member and the facilitator (the owner last:
    # the last owner cannot be erased).
    persons = list(demo.persons.order_by("user_id", "pk").exclude(pk=leader.pk))
    assert {p.user.email for p in persons if p.user} == {MEMBER, FACILITATOR}
    checkpoints = {1, len(persons) // 2, len(persons)}
    for number, person in enumerate(persons, start=1):
        services.person_erase(person=person, by=owner, path="/test/")
        erased = Person.everyone.get(pk=person.pk)
        assert erased.erased_at and erased.user_id is None and erased.email == ""
        assert erased.name == former_member_name(erased)
        assert not TieAnswer.objects.filter(respondent__person=person).exists()
        assert not TieAnswer.objects.filter(target__person=person).exists()
        assert _aggregates(leader) == before, f"after erasing person {number}"
        if number in checkpoints:
            assert _every_page_renders(LEADER, workspaces) > 100
    assert TieAnswer.objects.count() < ties
    assert not demo.persons.exclude(pk=leader.pk).exists()  # the list shows the owner only
    assert set(Membership.objects.filter(workspace=demo).values_list("user__email", flat=True)) == {
        LEADER
    }
    assert _every_page_renders(FACILITATOR, workspaces) > 10  # their other workspace
    assert _every_page_renders("admin@example.org", workspaces) > 50


def test_the_last_owner_cannot_be_erased_nor_erase_themself(demo: Workspace, db: None) -> None:
    owner = Membership.objects.get(workspace=demo, user__email=LEADER)
    leader = Person.objects.get(workspace=demo, user__email=LEADER)
    try:
        services.person_erase(person=leader, by=owner, path="/test/")
    except ValidationError:
        pass
    else:
        raise AssertionError("an owner erased themself")
    assert Person.objects.filter(pk=leader.pk).exists()


def test_an_action_owner_is_erased_and_the_action_shows_former_member(
    demo: Workspace, db: None
) -> None:
    action = Action.objects.filter(
        network__workspace=demo, owner__person__user__isnull=True
    ).first()
    person = action.owner.person
    owner = Membership.objects.get(workspace=demo, user__email=LEADER)
    client = Client()
    client.force_login(owner.user)
    url = f"/w/{demo.slug}/people/{person.pk}/erase/"
    page = client.get(url)
    assert page.status_code == 200
    assert person.name in page.content.decode()
    response = client.post(url, {"confirm": "on"})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.owner.person.name == former_member_name(action.owner.person)
    actions_page = client.get(
        reverse("meetings:actions", kwargs={"slug": demo.slug, "network_id": action.network_id})
        + "?status=all"
    )
    assert actions_page.status_code == 200
    assert former_member_name(action.owner.person) in actions_page.content.decode()
    assert person.name not in actions_page.content.decode()
