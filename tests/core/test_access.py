"""Access functions take the user and ids, have no side effects and need no request: the same
rules serve pages, an API and export tasks. Views turn their errors into 404 and 403."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netlead.core.errors import Forbidden, NotFound
from netlead.development.access import leader_for, shared_report_for
from netlead.development.models import DevelopmentProfile
from netlead.networks.access import EDIT, network_for
from netlead.networks.models import Network, NetworkMember, NetworkRole
from netlead.workspaces.access import MANAGERS, membership_for
from netlead.workspaces.models import AuditEvent, Person
from netlead.workspaces.services import person_for_user
from tests.conftest import World
from tests.factories import MembershipFactory


def _writes(captured: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in captured.captured_queries if not q["sql"].startswith("SELECT")]


def test_membership_for_reads_only(world: World) -> None:
    with CaptureQueriesContext(connection) as captured:
        membership = membership_for(world.owner, "youth", *MANAGERS)
    assert membership.workspace == world.workspace
    assert _writes(captured) == []


def test_outside_the_workspace_is_not_found_and_a_low_role_is_forbidden(world: World) -> None:
    with pytest.raises(NotFound):
        membership_for(world.outsider, "youth")
    with pytest.raises(NotFound):
        membership_for(world.owner, "no-such-workspace")
    with pytest.raises(Forbidden):
        membership_for(world.member, "youth", *MANAGERS)


def test_a_network_exists_only_for_its_members_and_editing_needs_the_role(world: World) -> None:
    network = Network.objects.create(workspace=world.workspace, name="Care")
    member = person_for_user(workspace=world.workspace, user=world.member)
    NetworkMember.objects.create(network=network, person=member, role=NetworkRole.MEMBER)
    assert network_for(world.member, "youth", network.pk).network == network
    with pytest.raises(Forbidden):
        network_for(world.member, "youth", network.pk, EDIT)
    with pytest.raises(NotFound):  # workspace owners included
        network_for(world.owner, "youth", network.pk)


def test_leader_development_creates_no_person_on_a_read(world: World) -> None:
    Person.objects.filter(user=world.member).delete()
    count = Person.objects.count()
    with pytest.raises(NotFound):
        leader_for(world.member, "youth")
    assert Person.objects.count() == count


def test_logging_in_links_the_users_person(world: World) -> None:
    Person.objects.filter(user=world.member).delete()
    world.client_for(world.member)
    access = leader_for(world.member, "youth")
    assert access.person.user == world.member


def test_a_shared_report_read_is_recorded_by_the_access_function(world: World) -> None:
    leader = person_for_user(workspace=world.workspace, user=world.member)
    with pytest.raises(NotFound):  # not shared
        shared_report_for(world.facilitator, "youth", leader.pk, path="/api/test")
    DevelopmentProfile.objects.create(owner=leader, report_shared=True)
    shared = shared_report_for(world.facilitator, "youth", leader.pk, path="/api/test")
    assert shared.person == leader
    event = AuditEvent.objects.get()
    assert (event.user, event.path) == (world.facilitator, "/api/test")
    with pytest.raises(Forbidden):
        shared_report_for(world.member, "youth", leader.pk, path="/x")


def test_views_answer_access_errors_with_404_and_403(world: World) -> None:
    url = reverse("workspaces:team", args=["youth"])
    assert world.client_for(world.outsider).get(url).status_code == 404
    assert world.client_for(world.member).get(url).status_code == 403
    assert world.client_for(world.owner).get(url).status_code == 200


def test_the_session_remembers_the_last_workspace_opened(world: World) -> None:
    # "Other agency" sorts first; only the memory of the last visit leads back to "youth".
    MembershipFactory(workspace=world.other_workspace, user=world.facilitator, role="member")
    client = world.client_for(world.facilitator)
    client.get(reverse("workspaces:dashboard", args=["youth"]))
    assert client.get(reverse("home"))["Location"].endswith("/w/youth/")
    client.get(reverse("workspaces:dashboard", args=["other"]))
    assert client.get(reverse("home"))["Location"].endswith("/w/other/")
