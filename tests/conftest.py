"""Fixed users with different roles, so every permission test reads the same:
owner (the demo leader), facilitator, member, and an outsider from another workspace."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from netlead.accounts.models import User
from netlead.workspaces.models import Organization, Person, Role, Workspace
from tests.factories import (
    MembershipFactory,
    OrganizationFactory,
    PersonFactory,
    UserFactory,
    WorkspaceFactory,
)


@pytest.fixture(autouse=True)
def _fast_hashing(settings: pytest.FixtureRequest) -> None:
    # Argon2 is the real hasher (tested on its own); tests use a fast one.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """A page request leaves its language active in the thread (Django sets the next
    request's, it never resets one): each test starts and ends in the default language, so a
    Danish page in one test does not make the next one's texts Danish."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_rosters() -> None:
    """Rosters kept for the search (netlead.surveys.roster_search) are per process: a round of
    an earlier test may have had the same id."""
    from netlead.surveys import roster_search

    roster_search.forget()


@dataclass
class World:
    workspace: Workspace
    other_workspace: Workspace
    owner: User
    facilitator: User
    member: User
    outsider: User
    organization: Organization
    person: Person
    other_organization: Organization
    other_person: Person

    def client_for(self, user: User | None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client


@pytest.fixture
def world(db: None) -> World:
    workspace = WorkspaceFactory(name="Youth network", slug="youth")
    other = WorkspaceFactory(name="Other agency", slug="other")
    owner = UserFactory(email="leader@example.test", name="Lea Leader")
    facilitator = UserFactory(email="facilitator@example.test", name="Fay Facilitator")
    member = UserFactory(email="member@example.test", name="Max Member")
    outsider = UserFactory(email="outsider@example.test", name="Otto Outsider")
    MembershipFactory(workspace=workspace, user=owner, role=Role.OWNER)
    MembershipFactory(workspace=workspace, user=facilitator, role=Role.FACILITATOR)
    MembershipFactory(workspace=workspace, user=member, role=Role.MEMBER)
    MembershipFactory(workspace=other, user=outsider, role=Role.OWNER)
    organization = OrganizationFactory(workspace=workspace, name="Municipality")
    other_organization = OrganizationFactory(workspace=other, name="Agency")
    return World(
        workspace=workspace,
        other_workspace=other,
        owner=owner,
        facilitator=facilitator,
        member=member,
        outsider=outsider,
        organization=organization,
        person=PersonFactory(workspace=workspace, organization=organization, name="Pia Person"),
        other_organization=other_organization,
        other_person=PersonFactory(
            workspace=other, organization=other_organization, name="Secret Person"
        ),
    )


@pytest.fixture
def limits(settings: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Set rate limits (name -> requests per hour) for a test, in one fixed window so a test
    never straddles two."""
    from netlead.core import ratelimit

    monkeypatch.setattr(ratelimit, "_now", lambda: 1_800_000_000)

    def set_limits(**counts: int) -> None:
        settings.RATE_LIMITS = {**settings.RATE_LIMITS, **{k: (v, 3600) for k, v in counts.items()}}  # type: ignore[attr-defined]

    return set_limits
