"""The demo, loaded once for the exports' tests, and the addresses of every export."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from netlead.accounts.models import User
from netlead.demo import load_demo
from netlead.demo.networks import NETWORK_NAME
from netlead.demo.programmes import MASTERCLASS
from netlead.networks.models import Network
from netlead.programmes.models import Cohort, EnrolmentRole
from netlead.surveys.models import Instrument, RoundStatus, SurveyRound
from netlead.workspaces.models import Membership, Role, Workspace
from tests.factories import UserFactory, WorkspaceFactory


@dataclass
class Demo:
    workspace: Workspace
    users: dict[str, User]
    outsider: User
    participant: User

    @property
    def leader(self) -> User:
        return self.users["leader@example.org"]

    @property
    def member(self) -> User:
        return self.users["member@example.org"]

    @property
    def facilitator(self) -> User:
        return self.users["facilitator@example.org"]

    @property
    def network(self) -> Network:
        return self.workspace.networks.get(name=NETWORK_NAME)

    @property
    def cohort(self) -> Cohort:
        return Cohort.objects.get(programme__title=MASTERCLASS, status="open")

    def round(self, instrument: str) -> SurveyRound:
        return (
            SurveyRound.objects.filter(
                network=self.network, instrument=instrument, status=RoundStatus.CLOSED
            )
            .order_by("-closed_at")
            .first()
        )  # type: ignore[return-value]

    @property
    def relationship_round(self) -> SurveyRound:
        return self.round(Instrument.RELATIONSHIPS)

    @property
    def health_round(self) -> SurveyRound:
        return self.round(Instrument.HEALTH)

    def client(self, user: User | None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    def urls(self) -> dict[str, tuple[str, list[str]]]:
        """Each export: its URL name, its arguments without the format, and its formats."""
        slug, n = self.workspace.slug, self.network.pk
        r, h = self.relationship_round.pk, self.health_round.pk
        return {
            "organizations": ("exports:organizations", [slug]),
            "members": ("exports:members", [slug, n]),
            "results": ("exports:results", [slug, n]),
            "meetings": ("exports:meetings", [slug, n]),
            "actions": ("exports:actions", [slug, n]),
            "matrix": ("exports:round_matrix", [slug, n, r]),
            "health": ("exports:round_health", [slug, n, h]),
            "cohort": ("programmes:cohort_progress_export", [slug, self.cohort.pk]),
            "network": ("exports:round_network", [slug, n, r]),
        }

    def url(self, key: str, fmt: str) -> str:
        name, args = self.urls()[key]
        return reverse(name, args=[*args, fmt])


FORMATS = {"network": ("graphml", "gexf")}
EXPORTS = [
    (key, fmt)
    for key in (
        "organizations",
        "members",
        "results",
        "meetings",
        "actions",
        "matrix",
        "health",
        "cohort",
        "network",
    )
    for fmt in FORMATS.get(key, ("csv", "xlsx"))
]


@pytest.fixture(scope="module")
def loaded(django_db_setup: None, django_db_blocker: Any) -> Iterator[Demo]:
    """The demo, loaded once per module in a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        demo = load_demo()
        other = WorkspaceFactory(name="Other agency", slug="other-agency")
        outsider = UserFactory(email="outsider@example.test", name="Otto Outsider")
        Membership.objects.create(workspace=other, user=outsider, role=Role.OWNER)
        cohort = Cohort.objects.get(programme__title=MASTERCLASS, status="open")
        enrolment = cohort.enrolments.filter(
            role=EnrolmentRole.PARTICIPANT, person__user__isnull=True
        ).first()
        assert enrolment is not None
        participant = UserFactory(email="participant@example.test", name=enrolment.person.name)
        Membership.objects.create(workspace=demo.workspace, user=participant, role=Role.MEMBER)
        enrolment.person.user = participant
        enrolment.person.save(update_fields=["user"])
        yield Demo(
            workspace=demo.workspace, users=demo.users, outsider=outsider, participant=participant
        )
        transaction.set_rollback(True)


@pytest.fixture
def demo(loaded: Demo, db: None) -> Demo:
    return loaded
