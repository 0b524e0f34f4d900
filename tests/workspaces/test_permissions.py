"""Every page of the workspaces app: who may see it, who gets 403, who gets 404."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import World

# (url name, needs pk of, roles that may use it); roles: owner, facilitator, member.
ALL = {"owner", "facilitator", "member"}
MANAGERS = {"owner", "facilitator"}
OWNER = {"owner"}

GET_PAGES = [
    ("workspaces:dashboard", None, ALL),
    ("workspaces:organizations", None, ALL),
    ("workspaces:organization_create", None, MANAGERS),
    ("workspaces:organization_edit", "organization", MANAGERS),
    ("workspaces:people", None, ALL),
    ("workspaces:person_create", None, MANAGERS),
    ("workspaces:person_edit", "person", MANAGERS),
    ("workspaces:person_delete", "person", MANAGERS),
    ("workspaces:team", None, MANAGERS),
    ("workspaces:member_remove", "membership", OWNER),
    ("workspaces:settings", None, OWNER),
]

POST_ACTIONS = [
    ("workspaces:organization_delete", "organization", MANAGERS),
    ("workspaces:person_delete", "person", MANAGERS),
    ("workspaces:member_role", "membership", OWNER),
    ("workspaces:member_remove", "membership", OWNER),
]


def _url(world: World, name: str, pk_of: str | None, slug: str = "youth") -> str:
    if pk_of is None:
        return reverse(name, args=[slug])
    target = {
        "organization": world.organization,
        "person": world.person,
        "membership": world.workspace.memberships.get(user=world.member),
    }[pk_of]
    return reverse(name, args=[slug, target.pk])


@pytest.mark.parametrize(("name", "pk_of", "allowed"), GET_PAGES)
@pytest.mark.parametrize("role", ["owner", "facilitator", "member"])
def test_get_pages_by_role(
    world: World, name: str, pk_of: str | None, allowed: set[str], role: str
) -> None:
    response = world.client_for(getattr(world, role)).get(_url(world, name, pk_of))
    assert response.status_code == (200 if role in allowed else 403)


@pytest.mark.parametrize(("name", "pk_of", "allowed"), GET_PAGES + POST_ACTIONS)
def test_outsider_gets_404_for_everything(
    world: World, name: str, pk_of: str | None, allowed: set[str]
) -> None:
    client = world.client_for(world.outsider)
    url = _url(world, name, pk_of)
    if (name, pk_of, allowed) in GET_PAGES:
        assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert world.workspace.memberships.count() == 3


@pytest.mark.parametrize(("name", "pk_of", "allowed"), GET_PAGES)
def test_anonymous_is_sent_to_login(
    world: World, name: str, pk_of: str | None, allowed: set[str]
) -> None:
    response = world.client_for(None).get(_url(world, name, pk_of))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


REFUSED_POSTS = [
    (name, pk_of, role) for name, pk_of, allowed in POST_ACTIONS for role in sorted(ALL - allowed)
]


@pytest.mark.parametrize(("name", "pk_of", "role"), REFUSED_POSTS)
def test_post_actions_refused_below_role(
    world: World, name: str, pk_of: str | None, role: str
) -> None:
    client = world.client_for(getattr(world, role))  # logging in links the user's person
    before = (
        world.workspace.organizations.count(),
        world.workspace.persons.count(),
        world.workspace.memberships.count(),
    )
    response = client.post(_url(world, name, pk_of), {"role": "owner"})
    assert response.status_code == 403
    after = (
        world.workspace.organizations.count(),
        world.workspace.persons.count(),
        world.workspace.memberships.count(),
    )
    assert after == before
    assert world.workspace.memberships.get(user=world.member).role == "member"


def test_object_of_another_workspace_is_404_inside_own_workspace(world: World) -> None:
    # The owner of "youth" asks for the other workspace's organization and person via her own slug.
    client = world.client_for(world.owner)
    assert (
        client.get(
            reverse("workspaces:organization_edit", args=["youth", world.other_organization.pk])
        ).status_code
        == 404
    )
    assert (
        client.get(
            reverse("workspaces:person_edit", args=["youth", world.other_person.pk])
        ).status_code
        == 404
    )
    assert (
        client.post(
            reverse("workspaces:person_delete", args=["youth", world.other_person.pk])
        ).status_code
        == 404
    )
    assert world.other_person.__class__.objects.filter(pk=world.other_person.pk).exists()


def test_people_list_never_shows_another_workspace(world: World) -> None:
    response = world.client_for(world.owner).get(reverse("workspaces:people", args=["youth"]))
    assert "Pia Person" in response.text
    assert "Secret Person" not in response.text


def test_members_do_not_see_email_addresses(world: World) -> None:
    url = reverse("workspaces:people", args=["youth"])
    assert world.person.email not in world.client_for(world.member).get(url).text
    assert world.person.email in world.client_for(world.facilitator).get(url).text


def test_switching_to_a_foreign_workspace_is_404(world: World) -> None:
    response = world.client_for(world.owner).post(
        reverse("workspaces:switch"), {"workspace": "other"}
    )
    assert response.status_code == 404


def test_switching_workspace_remembers_it(world: World) -> None:
    from tests.factories import MembershipFactory

    MembershipFactory(workspace=world.other_workspace, user=world.owner)
    client = world.client_for(world.owner)
    response = client.post(reverse("workspaces:switch"), {"workspace": "other"})
    assert response["Location"] == reverse("workspaces:dashboard", args=["other"])
    assert client.get(reverse("home"))["Location"] == reverse(
        "workspaces:dashboard", args=["other"]
    )


def test_home_without_workspace_offers_to_create_one(db: None) -> None:
    from django.test import Client

    from tests.factories import UserFactory

    client = Client()
    client.force_login(UserFactory())
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert reverse("workspaces:create") in response.text
