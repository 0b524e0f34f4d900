"""A user's person in each workspace is linked or made at login (workspaces.signals); two first
logins at the same moment end with one person, never an error."""

from __future__ import annotations

import pytest

from netlead.workspaces import services
from netlead.workspaces.models import Person
from tests.conftest import World


def test_login_links_the_person_of_the_same_address(world: World) -> None:
    waiting = Person.objects.create(
        workspace=world.workspace, name="Otto Outsider", email=world.outsider.email.upper()
    )
    found = services.person_for_user(workspace=world.workspace, user=world.outsider)
    assert found.pk == waiting.pk and found.user == world.outsider


def test_a_second_login_at_the_same_moment_gets_the_person_the_first_made(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second login looked before the first one saved: its save is refused by the unique
    rule, and it takes the first one's person."""
    made_first = services.person_for_user(workspace=world.workspace, user=world.outsider)
    looks = iter([None])  # the second login's look-up, before the first one saved

    real = services._own_person
    monkeypatch.setattr(
        services, "_own_person", lambda workspace, user: next(looks, real(workspace, user))
    )
    second = services.person_for_user(workspace=world.workspace, user=world.outsider)
    assert second.pk == made_first.pk
    assert Person.objects.filter(workspace=world.workspace, user=world.outsider).count() == 1
