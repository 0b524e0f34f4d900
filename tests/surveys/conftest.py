"""A network of six members in three organizations, and helpers to open a round and answer it
through the personal links that the invitation e-mails carry."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from netlead.networks.models import NetworkMember, NetworkRole
from netlead.surveys import services
from netlead.surveys.models import SurveyRound
from netlead.workspaces.models import Layer
from tests.factories import OrganizationFactory, PersonFactory
from tests.networks.conftest import Net, net  # noqa: F401 (fixture)

LINK = re.compile(r"http://testserver/s/([^/\s]+)/")


@dataclass
class Survey:
    net: Net
    members: list[NetworkMember]
    tokens: dict[int, str] = field(default_factory=dict)  # member pk -> token

    @property
    def slug(self) -> str:
        return self.net.slug

    def url(self, name: str, survey_round: SurveyRound, **kwargs: object) -> str:
        return reverse(
            f"surveys:{name}", args=[self.slug, self.net.network.pk, survey_round.pk], **kwargs
        )

    def open(self, capture, instrument: str = "relationship_survey", **extra) -> SurveyRound:  # type: ignore[no-untyped-def]
        """Draft and open a round as the leader; collect every member's link from the mail."""
        client = self.net.world.client_for(self.net.world.owner)
        mail.outbox.clear()
        with capture(execute=True):
            client.post(
                reverse("surveys:create", args=[self.slug, self.net.network.pk]),
                {
                    "instrument": instrument,
                    "title": f"Round {instrument}",
                    "closes_on": "2099-01-01",
                    "anonymous": "on",
                    **extra,
                },
            )
            survey_round = SurveyRound.objects.latest("pk")
            client.post(self.url("open", survey_round))
        by_email = {m.person.email: m.pk for m in self.members}
        for message in mail.outbox:
            match = LINK.search(message.body)
            assert match, message.body
            self.tokens[by_email[message.to[0]]] = match.group(1)
        survey_round.refresh_from_db()
        return survey_round

    def close(self, capture, survey_round: SurveyRound) -> SurveyRound:  # type: ignore[no-untyped-def]
        with capture(execute=True):
            self.net.world.client_for(self.net.world.owner).post(self.url("close", survey_round))
        survey_round.refresh_from_db()
        return survey_round

    def start(self, member: NetworkMember) -> tuple[Client, str]:
        client = Client()
        token = self.tokens[member.pk]
        response = client.post(reverse("surveys:answer", args=[token]), {"consent": "yes"})
        assert response.status_code == 302, response.content
        return client, token

    def answer_ties(
        self, member: NetworkMember, targets: list[NetworkMember], value: int = 3
    ) -> None:
        client, token = self.start(member)
        client.post(
            reverse("surveys:answer_roster", args=[token]),
            {"named": [t.pk for t in targets]},
        )
        data = {
            f"tie-{t.pk}-{q}": value
            for t in targets
            for q in (
                "frequency",
                "reliability",
                "mission",
                "openness",
                "influence",
                "involvement",
                "resources",
            )
        }
        response = client.post(
            reverse("surveys:answer_ratings", args=[token]), {**data, "submit": "1"}
        )
        assert response.status_code == 302, response.content.decode()[:2000]

    def answer_health(self, member: NetworkMember, value: int = 4) -> None:
        from netlead.frameworks.instruments import health_check

        client, token = self.start(member)
        # Reverse statements are answered the other way, so every dimension scores `value`.
        data = {
            f"item-{i.key}": 6 - value if i.reverse else value for i in health_check("en").items
        }
        response = client.post(
            reverse("surveys:answer_health", args=[token]), {**data, "submit": "1"}
        )
        assert response.status_code == 302, response.content.decode()[:2000]


@pytest.fixture
def survey(net: Net) -> Survey:  # noqa: F811
    world = net.world
    members = [net.leader, net.member, net.associate]
    police = OrganizationFactory(workspace=world.workspace, name="Police")
    school = OrganizationFactory(workspace=world.workspace, name="School")
    for name, organization in (
        ("Ben Police", police),
        ("Cas Police", police),
        ("Dee School", school),
    ):
        person = PersonFactory(
            workspace=world.workspace,
            organization=organization,
            name=name,
            email=f"{name.split()[0].lower()}@example.test",
            layer=Layer.OPERATIONAL,
        )
        members.append(
            NetworkMember.objects.create(
                network=net.network, person=person, role=NetworkRole.MEMBER
            )
        )
    return Survey(net=net, members=members)


__all__ = ["Survey", "services"]
