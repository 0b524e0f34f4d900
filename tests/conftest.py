"""Fixed users with different roles, so every permission test reads the same:
owner (the demo leader), facilitator, member, and an outsider from another workspace."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.conf import settings
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connection
from django.test import Client
from django.test.testcases import LiveServerThread
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

# On SQLite the test database lives in memory, and the live server's threads share the test's
# one connection with it. Two requests on that connection at once (a page and the "needs me"
# count it fetches) break SQLite's statements ("bad parameter or other API misuse") and can
# return no session, so a logged-in page redirects to login. Requests, and the test's own
# queries, take turns on that connection; on PostgreSQL each thread has its own.
_SHARED_CONNECTION = threading.RLock()


class _TakingTurnsOnSharedSQLite(ThreadedWSGIServer):
    def set_app(self, application: Callable[..., Iterable[bytes]]) -> None:
        if not self.connections_override:
            super().set_app(application)
            return

        def one_at_a_time(
            environ: dict[str, Any], start_response: Callable[..., Any]
        ) -> list[bytes]:
            with _SHARED_CONNECTION:
                response = application(environ, start_response)
                try:
                    # A streamed body reads the database too: read it while it is our turn.
                    return [b"".join(response)]
                finally:
                    close = getattr(response, "close", None)
                    if close is not None:
                        close()

        super().set_app(one_at_a_time)


LiveServerThread.server_class = _TakingTurnsOnSharedSQLite


@pytest.fixture(autouse=True)
def _test_queries_take_turns(request: pytest.FixtureRequest) -> Iterator[None]:
    if "live_server" not in request.fixturenames:
        yield
        return
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return

    def in_turn(execute: Callable[..., Any], *args: Any) -> Any:
        with _SHARED_CONNECTION:
            return execute(*args)

    with connection.execute_wrapper(in_turn):
        yield


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
