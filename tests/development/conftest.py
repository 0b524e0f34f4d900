"""A leader (Dana, a plain member of the world's workspace) with her own development, and
helpers that walk the same paths a leader and her observers walk: the forms and the links."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from netlead.accounts.models import User
from netlead.development import selectors, services
from netlead.development.models import (
    Competence,
    CompetenceFramework,
    Contact,
    FeedbackRequest,
    ObserverInvitation,
    SelfAssessment,
)
from netlead.workspaces.models import Person, Role
from netlead.workspaces.services import person_for_user
from tests.conftest import World
from tests.factories import MembershipFactory, UserFactory

#: The personal link in an observer's e-mail.
OBSERVER_LINK = re.compile(r"http://testserver/o/([^/\s]+)/")


@dataclass
class Dev:
    world: World
    leader: User
    person: Person
    framework: CompetenceFramework

    @property
    def slug(self) -> str:
        return self.world.workspace.slug

    @property
    def competences(self) -> list[Competence]:
        return list(self.framework.competences.order_by("number"))

    def url(self, name: str, *args: object) -> str:
        return reverse(f"development:{name}", args=[self.slug, *args])

    def client(self, user: User | None = None) -> Client:
        return self.world.client_for(user or self.leader)

    def leader_of(self, user: User) -> Person:
        """Another user's own person in the workspace (as a leader in their own right)."""
        return person_for_user(workspace=self.world.workspace, user=user)

    # -- Self-assessment ----------------------------------------------------------------------

    def assessment(
        self,
        scores: list[int | None] | int | None = 3,
        *,
        owner: Person | None = None,
        complete: bool = True,
        days_ago: int = 0,
        framework: CompetenceFramework | None = None,
    ) -> SelfAssessment:
        """A self-assessment with `scores` (one per competence, or the same for all)."""
        owner = owner or self.person
        framework = framework or self.framework
        assessment = services.assessment_start(owner=owner, framework=framework)
        competences = list(framework.competences.order_by("number"))
        if not isinstance(scores, list):
            scores = [scores] * len(competences)
        services.assessment_save(
            assessment=assessment,
            answers={
                c.pk: services.ScoreInput(score=s) for c, s in zip(competences, scores, strict=True)
            },
            complete=complete,
        )
        moment = timezone.now() - timedelta(days=days_ago)
        SelfAssessment.objects.filter(pk=assessment.pk).update(
            started_at=moment, completed_at=moment if complete else None
        )
        assessment.refresh_from_db()
        return assessment

    def assessment_post(
        self, scores: dict[int, object], *, button: str = "save", **extra: object
    ) -> dict[str, object]:
        """The form data of the self-assessment form: competence id -> posted score."""
        data: dict[str, object] = {f"score_{cid}": value for cid, value in scores.items()}
        data[button] = "yes"
        data.update(extra)
        return data

    # -- Observer feedback --------------------------------------------------------------------

    def feedback_request(
        self, assessment: SelfAssessment | None = None, *, days_open: int = 14
    ) -> FeedbackRequest:
        return services.feedback_request_create(
            owner=self.person,
            assessment=assessment or self.assessment(),
            title="How do you see me?",
            message="Thank you for your time.",
            closes_on=timezone.localdate() + timedelta(days=days_open),
        )

    def invite(
        self, request: FeedbackRequest, name: str, group: str = "peer", email: str | None = None
    ) -> tuple[ObserverInvitation, str]:
        """An invitation and its secret token (the mail itself is tested on its own)."""
        invitation = services.observer_invite(
            request=request,
            name=name,
            email=email or f"{name.split()[0].lower()}@observer.test",
            group=group,
            language="en",
            base_url="http://testserver",
        )
        return invitation, services.observer_token(invitation)

    def answer_data(
        self, score: int | dict[str, int] = 4, *, consent: bool = True, **extra: object
    ) -> dict[str, object]:
        """The observer form's data: every competence scored `score` unless given per key."""
        data: dict[str, object] = {
            f"score_{c.key}": score[c.key] if isinstance(score, dict) else score
            for c in self.competences
        }
        if consent:
            data["consent"] = "on"
        data.update(extra)
        return data

    def answer(self, token: str, score: int | dict[str, int] = 4, **extra: object) -> Any:
        response = Client().post(
            reverse("development:observer_answer", args=[token]),
            self.answer_data(score, **extra),
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        return response

    def observers(
        self, request: FeedbackRequest, groups: dict[str, int], *, manager_alone: bool = True
    ) -> dict[str, list[str]]:
        """Invite and answer `groups` (group -> how many); each observer scores their group's
        own number (manager 5, peer 4, partner 3, report 2, other 1). Returns the names."""
        values = {"manager": 5, "peer": 4, "partner": 3, "report": 2, "other": 1}
        names: dict[str, list[str]] = {}
        for group, count in groups.items():
            for n in range(count):
                name = f"Observer{group.title()}{n} Surname"
                _invitation, token = self.invite(request, name, group=group)
                extra = {"shown_alone": "on"} if group == "manager" and manager_alone else {}
                self.answer(token, values[group], **extra)
                names.setdefault(group, []).append(name)
        return names

    # -- Personal network ---------------------------------------------------------------------

    def contact(
        self, name: str = "Carla Contact", *, owner: Person | None = None, **fields: Any
    ) -> Contact:
        values: dict[str, Any] = {
            "internal": True,
            "kind": "operational",
            "level": "peer",
            "strength": 3,
            "last_contact": timezone.localdate(),
        }
        values.update(fields)
        return Contact.objects.create(owner=owner or self.person, name=name, **values)


@pytest.fixture
def dev(world: World) -> Dev:
    leader = UserFactory(email="dana@example.test", name="Dana Developer")
    MembershipFactory(workspace=world.workspace, user=leader, role=Role.MEMBER)
    person = person_for_user(workspace=world.workspace, user=leader)
    person.organization = world.organization
    person.save(update_fields=["organization"])
    return Dev(
        world=world,
        leader=leader,
        person=person,
        framework=selectors.default_framework_of(world.workspace),
    )


def contact_form(**fields: object) -> dict[str, object]:
    """The contact form's data with sensible defaults."""
    data: dict[str, object] = {
        "name": "Carla Contact",
        "organization": "",
        "internal": "on",
        "kind": "operational",
        "level": "peer",
        "function_area": "policy",
        "strength": "3",
        "last_contact": "",
        "frequency": "",
        "note": "",
    }
    data.update(fields)
    return {k: v for k, v in data.items() if v is not None}
