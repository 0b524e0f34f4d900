"""The API's fixed cast, on top of the world of tests/conftest.py: tokens of the workspace
owner (who leads a network), the facilitator (in no network) and a member (a plain network
member), read-write and read-only; an outsider's token and network in another workspace, whose
ids must be 404 for everyone here; and a client that sends `Authorization: Bearer ...`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from netlead.accounts.models import User
from netlead.api import services
from netlead.networks.models import (
    CharterVersion,
    Measurement,
    Network,
    NetworkMember,
    NetworkRole,
    Result,
)
from netlead.workspaces.models import Person, Role, Workspace
from tests.conftest import World
from tests.factories import MembershipFactory, PersonFactory, UserFactory

API = "/api/v1"
TestResponse = Any  # Django's test response (its class is private)


class ApiClient:
    """Django's test client with a personal access token (or none) on every request."""

    def __init__(self, token: str | None = None) -> None:
        self.token = token
        self.client = Client()

    def _headers(self, if_match: str | None, extra: dict[str, str]) -> dict[str, str]:
        headers = dict(extra)
        if self.token is not None:
            headers["Authorization"] = f"Bearer {self.token}"
        if if_match is not None:
            headers["If-Match"] = if_match
        return headers

    def get(self, path: str, **params: Any) -> TestResponse:
        return self.client.get(API + path, params, headers=self._headers(None, {}))

    def send(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        if_match: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> TestResponse:
        return self.client.generic(
            method,
            API + path,
            json.dumps(body) if body is not None else "",
            content_type="application/json",
            headers=self._headers(if_match, headers or {}),
        )

    def post(self, path: str, body: Any, **kwargs: Any) -> TestResponse:
        return self.send("POST", path, body, **kwargs)

    def put(self, path: str, body: Any, **kwargs: Any) -> TestResponse:
        return self.send("PUT", path, body, **kwargs)

    def patch(self, path: str, body: Any, **kwargs: Any) -> TestResponse:
        return self.send("PATCH", path, body, **kwargs)


def problem_of(response: TestResponse, status: int) -> dict[str, Any]:
    """The problem details of an error response, checked for their shape (RFC 9457)."""
    assert response.status_code == status, (response.status_code, response.content[:500])
    assert response["Content-Type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["title"]
    return body


def field_messages(response: TestResponse, status: int = 422) -> dict[str, str]:
    return {e["field"]: e["message"] for e in problem_of(response, status)["errors"]}


@dataclass
class Cast:
    world: World
    network: Network
    leader: NetworkMember
    member: NetworkMember
    associate: NetworkMember
    associate_user: User
    charter: CharterVersion
    result: Result
    measurements: list[Measurement]
    other_network: Network
    other_result: Result
    other_member: NetworkMember

    @property
    def slug(self) -> str:
        return self.world.workspace.slug

    @property
    def other_slug(self) -> str:
        return self.world.other_workspace.slug

    @property
    def net(self) -> str:
        """The path of the network in the API."""
        return f"/workspaces/{self.slug}/networks/{self.network.pk}"

    def client(self, user: User, *, write: bool, workspace: Workspace | None = None) -> ApiClient:
        _row, secret = services.token_create(
            user=user,
            workspace_slug=(workspace or self.world.workspace).slug,
            name="test",
            can_write=write,
            days=30,
        )
        return ApiClient(secret)


def _join(network: Network, user: User, role: str, world: World) -> NetworkMember:
    person = PersonFactory(
        workspace=network.workspace,
        organization=world.organization if network.workspace == world.workspace else None,
        name=user.name,
        email=user.email,
        user=user,
    )
    return NetworkMember.objects.create(
        network=network, person=person, role=role, joined_on=date(2025, 1, 6)
    )


@pytest.fixture
def cast(world: World) -> Cast:
    """A network in the world's workspace led by the owner, with the member as a member and an
    associate; a charter version, a result with three measurements. The facilitator is in no
    network. In the other workspace, the outsider leads a network with a result of its own."""
    network = Network.objects.create(workspace=world.workspace, name="Youth care network", phase=2)
    associate_user: User = UserFactory(email="associate@example.test", name="Ada Associate")
    MembershipFactory(workspace=world.workspace, user=associate_user, role=Role.MEMBER)
    charter = CharterVersion.objects.create(
        network=network, number=1, necessity="No child falls between two services."
    )
    result = Result.objects.create(
        network=network,
        title="Waiting lists shorter",
        indicator="weeks on the waiting list",
        unit="weeks",
        baseline=Decimal("12"),
        target=Decimal("4"),
        owner_organization=world.organization,
    )
    measurements = [
        Measurement.objects.create(result=result, measured_on=date(2025, m, 1), value=v)
        for m, v in ((3, Decimal("11")), (6, Decimal("9.5")), (9, Decimal("7.25")))
    ]
    other = Network.objects.create(workspace=world.other_workspace, name="Secret network")
    other_result = Result.objects.create(
        network=other, title="Secret", indicator="x", baseline=Decimal(0), target=Decimal(1)
    )
    return Cast(
        world=world,
        network=network,
        leader=_join(network, world.owner, NetworkRole.LEADER, world),
        member=_join(network, world.member, NetworkRole.MEMBER, world),
        associate=_join(network, associate_user, NetworkRole.ASSOCIATE, world),
        associate_user=associate_user,
        charter=charter,
        result=result,
        measurements=measurements,
        other_network=other,
        other_result=other_result,
        other_member=_join(other, world.outsider, NetworkRole.LEADER, world),
    )


@pytest.fixture
def owner_rw(cast: Cast) -> ApiClient:
    return cast.client(cast.world.owner, write=True)


@pytest.fixture
def owner_ro(cast: Cast) -> ApiClient:
    return cast.client(cast.world.owner, write=False)


@pytest.fixture
def member_rw(cast: Cast) -> ApiClient:
    return cast.client(cast.world.member, write=True)


@pytest.fixture
def facilitator_rw(cast: Cast) -> ApiClient:
    return cast.client(cast.world.facilitator, write=True)


@pytest.fixture
def outsider_rw(cast: Cast) -> ApiClient:
    return cast.client(cast.world.outsider, write=True, workspace=cast.world.other_workspace)


def person_count(workspace: Workspace) -> int:
    return Person.objects.filter(workspace=workspace).count()
