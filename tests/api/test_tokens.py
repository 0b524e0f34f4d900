"""Personal access tokens: made on the profile page or by `netlead api_token create`, shown
once and stored as a hash, scoped to one workspace and to read-only or read-write, acting
with the user's role; expired and revoked tokens get 401; the rate limit counts per token."""

from __future__ import annotations

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from netlead.api.models import ApiToken
from netlead.core.tokens import hash_token
from netlead.workspaces.models import Organization, Role
from tests.api.conftest import ApiClient, Cast, problem_of
from tests.conftest import World
from tests.factories import MembershipFactory

TOKEN = re.compile(r'value="(netlead_[^"]+)"')


def _page(world: World) -> Client:
    return world.client_for(world.owner)


def _create_on_page(client: Client, **data: str) -> tuple[int, str]:
    form = {"name": "HR import", "workspace": "youth", "days": "30", **data}
    response = client.post(reverse("api_tokens"), form)
    found = TOKEN.search(response.content.decode())
    return response.status_code, found.group(1) if found else ""


# The profile page


def test_the_page_shows_a_new_token_once_and_stores_only_its_hash(world: World) -> None:
    client = _page(world)
    status, secret = _create_on_page(client, can_write="on")
    assert status == 200
    assert secret.startswith("netlead_")
    token = ApiToken.objects.get()
    assert (token.user, token.workspace, token.name) == (world.owner, world.workspace, "HR import")
    assert token.can_write
    assert token.token_hash == hash_token(secret)
    row = ApiToken.objects.filter(pk=token.pk).values().get()
    assert all(secret not in str(value) for value in row.values())
    assert timedelta(days=29) < token.expires_at - timezone.now() <= timedelta(days=30)
    # Shown once: the page lists the token afterwards, never its value.
    again = client.get(reverse("api_tokens")).content.decode()
    assert "HR import" in again
    assert secret not in again
    # It works.
    response = ApiClient(secret).get("/workspaces")
    assert response.status_code == 200
    assert [w["slug"] for w in response.json()] == ["youth"]


def test_a_token_is_read_only_unless_made_for_writing(world: World) -> None:
    _status, secret = _create_on_page(_page(world))
    assert not ApiToken.objects.get().can_write
    response = ApiClient(secret).post("/workspaces/youth/organizations", {"name": "School"})
    assert problem_of(response, 403)["detail"] == "This token is read-only."
    assert not Organization.objects.filter(name="School").exists()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"name": " "}, "name", "This field is required."),
        ({"days": "0"}, "days", "greater than or equal to 1"),
        ({"days": "400"}, "days", "less than or equal to 366"),
        ({"workspace": "other"}, "workspace", "Select a valid choice."),
    ],
)
def test_bad_input_on_the_page_says_what_is_wrong_and_creates_nothing(
    world: World, data: dict[str, str], field: str, message: str
) -> None:
    response = _page(world).post(reverse("api_tokens"), {"name": "x", "workspace": "youth", **data})
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert "netlead_" not in response.content.decode()
    assert not ApiToken.objects.exists()


def test_the_page_needs_a_login(world: World) -> None:
    response = Client().post(reverse("api_tokens"), {"name": "x", "workspace": "youth"})
    assert response.status_code == 302
    assert not ApiToken.objects.exists()


def test_revoking_on_the_page_stops_the_token(world: World) -> None:
    client = _page(world)
    _status, secret = _create_on_page(client)
    token = ApiToken.objects.get()
    assert ApiClient(secret).get("/workspaces").status_code == 200
    response = client.post(reverse("api_token_revoke", args=[token.pk]))
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    problem_of(ApiClient(secret).get("/workspaces"), 401)
    assert "revoked" in client.get(reverse("api_tokens")).content.decode()


def test_no_one_else_can_revoke_a_token(world: World) -> None:
    _status, secret = _create_on_page(_page(world))
    token = ApiToken.objects.get()
    response = world.client_for(world.member).post(reverse("api_token_revoke", args=[token.pk]))
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
    assert ApiClient(secret).get("/workspaces").status_code == 200


# Using a token


def test_an_expired_token_gets_401_problem(cast: Cast, owner_rw: ApiClient) -> None:
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = owner_rw.get("/workspaces")
    body = problem_of(response, 401)
    assert "unexpired" in body["detail"]
    assert response["WWW-Authenticate"] == "Bearer"


def test_a_revoked_token_gets_401_problem(cast: Cast, owner_rw: ApiClient) -> None:
    ApiToken.objects.update(revoked_at=timezone.now())
    problem_of(owner_rw.get(f"{cast.net}/results"), 401)


def test_a_token_of_a_deactivated_user_gets_401(cast: Cast, owner_rw: ApiClient) -> None:
    cast.world.owner.is_active = False
    cast.world.owner.save(update_fields=["is_active"])
    problem_of(owner_rw.get("/workspaces"), 401)


@pytest.mark.parametrize("token", [None, "", "netlead_not-a-token", "Basic abc"])
def test_no_token_or_a_wrong_one_gets_401(cast: Cast, token: str | None) -> None:
    problem_of(ApiClient(token).get("/workspaces/youth/organizations"), 401)


def _token_writes(client: ApiClient) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/workspaces").status_code == 200
    return sum(q["sql"].startswith("UPDATE") and "api_apitoken" in q["sql"] for q in queries)


def test_the_last_used_day_is_recorded_once_a_day(cast: Cast, owner_rw: ApiClient) -> None:
    token = ApiToken.objects.get()
    assert token.last_used_on is None
    assert _token_writes(owner_rw) == 1
    token.refresh_from_db()
    assert token.last_used_on == timezone.localdate()
    assert _token_writes(owner_rw) == 0  # the same day: no write
    yesterday = timezone.localdate() - timedelta(days=1)
    ApiToken.objects.update(last_used_on=yesterday)
    owner_rw.get("/workspaces")
    token.refresh_from_db()
    assert token.last_used_on == timezone.localdate()


def test_a_token_acts_with_its_users_role_and_nothing_more(
    cast: Cast, member_rw: ApiClient, facilitator_rw: ApiClient
) -> None:
    world = cast.world
    # A member's pages cannot add an organization; neither can a member's read-write token.
    page = world.client_for(world.member).get(f"/w/{cast.slug}/organizations/new/")
    assert page.status_code == 403
    response = member_rw.post(f"/workspaces/{cast.slug}/organizations", {"name": "School"})
    problem_of(response, 403)
    assert not Organization.objects.filter(name="School").exists()
    # The facilitator is in no network: the page is a 404, and so is the API.
    page = world.client_for(world.facilitator).get(f"/w/{cast.slug}/networks/{cast.network.pk}/")
    assert page.status_code == 404
    problem_of(facilitator_rw.get(cast.net), 404)
    # A member of the network reads it but cannot add members (an editor's page).
    assert member_rw.get(cast.net).status_code == 200
    body = {"person_id": world.person.pk}
    problem_of(member_rw.post(f"{cast.net}/members", body), 403)


def test_a_token_opens_only_its_own_workspace(cast: Cast, owner_rw: ApiClient) -> None:
    # The owner belongs to the other workspace too, but the token was made for this one.
    MembershipFactory(workspace=cast.world.other_workspace, user=cast.world.owner, role=Role.OWNER)
    assert [w["slug"] for w in owner_rw.get("/workspaces").json()] == [cast.slug]
    problem_of(owner_rw.get(f"/workspaces/{cast.other_slug}/organizations"), 404)
    other_org = cast.world.other_organization.pk
    problem_of(owner_rw.get(f"/workspaces/{cast.slug}/organizations/{other_org}"), 404)
    problem_of(owner_rw.get(f"/workspaces/{cast.other_slug}/organizations/{other_org}"), 404)
    # The same user's session reaches both, as the pages do.
    session = cast.world.client_for(cast.world.owner)
    assert session.get(f"/api/v1/workspaces/{cast.other_slug}/organizations").status_code == 200


def test_the_session_works_for_the_sites_own_pages_with_csrf(cast: Cast) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.world.owner)
    assert client.get(f"/api/v1/workspaces/{cast.slug}/organizations").status_code == 200
    response = client.post(
        f"/api/v1/workspaces/{cast.slug}/organizations",
        {"name": "School"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not Organization.objects.filter(name="School").exists()


def test_the_rate_limit_counts_per_token_and_answers_429_problem(
    cast: Cast, owner_rw: ApiClient, member_rw: ApiClient, settings: object
) -> None:
    settings.API_RATE_LIMIT = "3/min"  # type: ignore[attr-defined]
    for _ in range(3):
        assert owner_rw.get("/workspaces").status_code == 200
    response = owner_rw.get("/workspaces")
    problem_of(response, 429)
    assert int(response["Retry-After"]) >= 1
    # Another token has a budget of its own.
    assert member_rw.get("/workspaces").status_code == 200


# The command


def _command(*args: str) -> str:
    out = StringIO()
    call_command("api_token", "create", *args, stdout=out)
    return out.getvalue().strip()


def test_the_command_prints_a_working_token(cast: Cast) -> None:
    secret = _command("--user", "LEADER@example.test", "--workspace", "youth", "--write")
    token = ApiToken.objects.get()
    assert token.token_hash == hash_token(secret)
    assert (token.user, token.can_write) == (cast.world.owner, True)
    assert timedelta(days=89) < token.expires_at - timezone.now() <= timedelta(days=90)
    response = ApiClient(secret).post("/workspaces/youth/organizations", {"name": "School"})
    assert response.status_code == 201


def test_the_command_makes_read_only_tokens_for_n_days(cast: Cast) -> None:
    secret = _command("--user", "member@example.test", "--workspace", "youth", "--days", "7")
    token = ApiToken.objects.get()
    assert not token.can_write
    assert timedelta(days=6) < token.expires_at - timezone.now() <= timedelta(days=7)
    assert ApiClient(secret).get(cast.net).status_code == 200
    response = ApiClient(secret).post("/workspaces/youth/organizations", {"name": "School"})
    problem_of(response, 403)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--user", "nobody@example.test", "--workspace", "youth"], "No active user"),
        (["--user", "member@example.test", "--workspace", "other"], "Choose one of your"),
        (["--user", "member@example.test", "--workspace", "nope"], "Choose one of your"),
        (["--user", "member@example.test", "--workspace", "youth", "--days", "0"], "1 to 366"),
        (["--user", "member@example.test", "--workspace", "youth", "--days", "999"], "1 to 366"),
        (["--user", "member@example.test", "--workspace", "youth", "--name", " "], "a name"),
    ],
)
def test_bad_input_to_the_command_says_what_is_wrong_and_creates_nothing(
    cast: Cast, args: list[str], message: str
) -> None:
    with pytest.raises(CommandError, match=message):
        _command(*args)
    assert not ApiToken.objects.exists()


def test_the_command_refuses_a_deactivated_user(cast: Cast) -> None:
    cast.world.member.is_active = False
    cast.world.member.save(update_fields=["is_active"])
    with pytest.raises(CommandError, match="No active user"):
        _command("--user", "member@example.test", "--workspace", "youth")
    assert not ApiToken.objects.exists()
