"""Erasure pages and rules (GDPR article 17), with the fixed users of tests/conftest.py: only an
owner erases a person of their workspace; a user asks for the erasure of their account, an
owner of their workspace confirms it or it happens after ERASURE_WAIT_DAYS."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from netlead.accounts.models import User
from netlead.privacy import services
from netlead.privacy.models import ErasureRequest
from netlead.workspaces.models import AuditEvent, Membership, Person, Role
from tests.conftest import World
from tests.factories import PersonFactory


def _erase_url(world: World, person: Person, slug: str = "youth") -> str:
    return reverse("privacy:person_erase", args=[slug, person.pk])


@pytest.mark.parametrize(
    ("role", "status"), [("owner", 200), ("facilitator", 403), ("member", 403), ("outsider", 404)]
)
def test_person_erasure_page_by_role(world: World, role: str, status: int) -> None:
    client = world.client_for(getattr(world, role))
    assert client.get(_erase_url(world, world.person)).status_code == status
    posted = client.post(_erase_url(world, world.person), {"confirm": "on"}).status_code
    assert posted == (302 if status == 200 else status)
    if status != 200:
        assert Person.objects.filter(pk=world.person.pk).exists()


def test_person_of_another_workspace_is_404(world: World) -> None:
    client = world.client_for(world.owner)
    assert client.get(_erase_url(world, world.other_person)).status_code == 404
    assert client.post(_erase_url(world, world.other_person), {"confirm": "on"}).status_code == 404
    assert Person.objects.filter(pk=world.other_person.pk).exists()


def test_anonymous_is_sent_to_login(world: World) -> None:
    response = world.client_for(None).get(_erase_url(world, world.person))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_erasure_needs_the_confirmation(world: World) -> None:
    client = world.client_for(world.owner)
    response = client.post(_erase_url(world, world.person), {})
    assert response.status_code == 400
    assert Person.objects.filter(pk=world.person.pk).exists()


def test_owner_erases_a_person_and_it_is_audited(world: World) -> None:
    client = world.client_for(world.member)  # logging in links the member's person
    member_person = Person.objects.get(workspace=world.workspace, user=world.member)
    owner = world.client_for(world.owner)
    page = owner.get(_erase_url(world, member_person)).content.decode()
    assert "Access to the workspace" in page  # the list of what is deleted
    response = owner.post(_erase_url(world, member_person), {"confirm": "on"})
    assert response.status_code == 302
    assert not Person.objects.filter(pk=member_person.pk).exists()  # gone from every list
    erased = Person.everyone.get(pk=member_person.pk)
    assert erased.user is None and erased.email == "" and erased.erased_at is not None
    assert not Membership.objects.filter(workspace=world.workspace, user=world.member).exists()
    assert User.objects.filter(pk=world.member.pk).exists()  # the account is not the workspace's
    event = AuditEvent.objects.get(action="person erased")
    assert event.user == world.owner and "Max" not in event.target
    # The erased person is a 404 from now on, and no longer on the people page.
    assert owner.get(_erase_url(world, member_person)).status_code == 404
    assert (
        "Max Member" not in owner.get(reverse("workspaces:people", args=["youth"])).content.decode()
    )
    assert client.get(reverse("workspaces:dashboard", args=["youth"])).status_code == 404


def test_owner_cannot_erase_themself(world: World) -> None:
    client = world.client_for(world.owner)
    own = Person.objects.get(workspace=world.workspace, user=world.owner)
    response = client.post(_erase_url(world, own), {"confirm": "on"})
    assert response.status_code == 400
    assert Person.objects.filter(pk=own.pk).exists()


def test_people_pages_link_to_erasure_for_owners_only(world: World) -> None:
    people = reverse("workspaces:people", args=["youth"])
    assert (
        _erase_url(world, world.person)
        in world.client_for(world.owner).get(people).content.decode()
    )
    assert (
        _erase_url(world, world.person)
        not in world.client_for(world.facilitator).get(people).content.decode()
    )


# -- A user's request for the erasure of their account ---------------------------------------


def test_user_asks_owner_confirms(
    world: World, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    member = world.client_for(world.member)
    page = member.get(reverse("privacy:account_erasure"))
    assert page.status_code == 200
    assert member.post(reverse("privacy:account_erasure"), {}).status_code == 400  # no tick
    assert not ErasureRequest.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = member.post(reverse("privacy:account_erasure"), {"confirm": "on"})
    assert response.status_code == 302
    erasure = ErasureRequest.objects.get(user=world.member)
    # The owners are told (not the member's fellow members).
    assert [m.to for m in mailoutbox] == [[world.owner.email]]
    assert "/w/youth/people/" in mailoutbox[0].body
    # The owners of the member's workspace see it on the people page.
    owner = world.client_for(world.owner)
    confirm_url = reverse("privacy:erasure_confirm", args=["youth", erasure.pk])
    assert confirm_url in owner.get(reverse("workspaces:people", args=["youth"])).content.decode()
    assert owner.post(confirm_url, {}).status_code == 400
    assert owner.post(confirm_url, {"confirm": "on"}).status_code == 302
    assert not User.objects.filter(pk=world.member.pk).exists()
    erasure.refresh_from_db()
    assert erasure.user is None and erasure.done_at is not None


@pytest.mark.parametrize(
    ("role", "status"), [("facilitator", 403), ("member", 403), ("outsider", 404)]
)
def test_only_owners_of_the_users_workspace_confirm(world: World, role: str, status: int) -> None:
    erasure = services.account_erasure_request(user=world.member)
    url = reverse("privacy:erasure_confirm", args=["youth", erasure.pk])
    client = world.client_for(getattr(world, role))
    assert client.get(url).status_code == status
    assert client.post(url, {"confirm": "on"}).status_code == status
    # An owner of another workspace, asking through their own workspace, finds nothing.
    other = world.client_for(world.outsider)
    assert (
        other.get(reverse("privacy:erasure_confirm", args=["other", erasure.pk])).status_code == 404
    )
    assert User.objects.filter(pk=world.member.pk).exists()


def test_request_can_be_withdrawn(world: World) -> None:
    member = world.client_for(world.member)
    member.post(reverse("privacy:account_erasure"), {"confirm": "on"})
    assert ErasureRequest.objects.filter(user=world.member).exists()
    assert member.post(reverse("privacy:account_erasure_cancel")).status_code == 302
    assert not ErasureRequest.objects.exists()


def test_last_owner_cannot_ask(world: World) -> None:
    owner = world.client_for(world.owner)
    response = owner.post(reverse("privacy:account_erasure"), {"confirm": "on"})
    assert response.status_code == 400  # the page says why
    assert "last owner" in response.content.decode()
    assert not ErasureRequest.objects.exists()
    Membership.objects.filter(user=world.facilitator).update(role=Role.OWNER)
    assert owner.post(reverse("privacy:account_erasure"), {"confirm": "on"}).status_code == 302


def test_due_requests_are_carried_out_by_apply_retention(world: World) -> None:
    world.client_for(world.member)  # links the member's person
    erasure = services.account_erasure_request(user=world.member)
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert User.objects.filter(pk=world.member.pk).exists()  # not due yet
    ErasureRequest.objects.filter(pk=erasure.pk).update(due_at=timezone.now() - timedelta(days=1))
    call_command("apply_retention", stdout=out)
    call_command("apply_retention", stdout=out)  # safe to run twice
    assert not User.objects.filter(pk=world.member.pk).exists()
    assert not Person.objects.filter(
        workspace=world.workspace, email="member@example.test"
    ).exists()
    assert "1 account" in out.getvalue()


def test_removing_a_person_who_took_part_in_a_network_is_refused_not_a_500(world: World) -> None:
    from netlead.meetings.models import Action
    from netlead.networks.models import Network, NetworkMember

    network = Network.objects.create(workspace=world.workspace, name="Net")
    member = NetworkMember.objects.create(network=network, person=world.person)
    Action.objects.create(network=network, owner=member, title="Do it")
    client = world.client_for(world.owner)
    response = client.post(reverse("workspaces:person_delete", args=["youth", world.person.pk]))
    assert response.status_code == 400
    assert "took part in a network" in response.text
    assert Person.objects.filter(pk=world.person.pk).exists()
    # Erasure works, and keeps the action.
    assert client.post(_erase_url(world, world.person), {"confirm": "on"}).status_code == 302
    assert Action.objects.get().owner.person.erased_at is not None


def test_person_factory_persons_are_listed(world: World) -> None:
    PersonFactory(workspace=world.workspace, name="Listed")
    assert world.workspace.persons.filter(name="Listed").exists()
