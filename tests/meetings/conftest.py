"""A network with meetings, built from the models directly: the world's owner leads it, the
world's member is a member, a third user is an associate. The workspace facilitator is not in
it (404), nor is the outsider (another workspace, 404)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from netlead.accounts.models import User
from netlead.meetings.models import AgendaItem, AgendaItemStatus, Meeting, MeetingPlan, Minutes
from netlead.networks.models import Network, NetworkMember, NetworkRole, Result
from netlead.workspaces.models import Organization, Role
from tests.conftest import World
from tests.factories import MembershipFactory, OrganizationFactory, PersonFactory, UserFactory


@dataclass
class Net:
    world: World
    network: Network
    other_network: Network
    leader: NetworkMember
    member: NetworkMember
    associate: NetworkMember
    associate_user: User
    second_organization: Organization
    plan: MeetingPlan
    past: Meeting
    future: Meeting
    result: Result

    @property
    def slug(self) -> str:
        return self.world.workspace.slug

    def args(self, *more: object) -> list[object]:
        return [self.slug, self.network.pk, *more]

    def client(self, role: str):  # type: ignore[no-untyped-def]
        user = {
            "leader": self.world.owner,
            "member": self.world.member,
            "associate": self.associate_user,
            "facilitator": self.world.facilitator,
            "outsider": self.world.outsider,
            "anonymous": None,
        }[role]
        return self.world.client_for(user)


def join(network: Network, user: User, role: str, organization: Organization) -> NetworkMember:
    person = network.workspace.persons.filter(user=user).first() or PersonFactory(
        workspace=network.workspace,
        organization=organization,
        name=user.name,
        email=user.email,
        user=user,
    )
    # Members since a year ago: the meetings of the tests' last months are theirs.
    joined_on = timezone.localdate() - timedelta(days=365)
    return NetworkMember.objects.create(
        network=network, person=person, role=role, joined_on=joined_on
    )


@pytest.fixture
def net(world: World) -> Net:
    network = Network.objects.create(workspace=world.workspace, name="Youth care network")
    other = Network.objects.create(workspace=world.workspace, name="School network")
    associate_user = UserFactory(email="associate@example.test", name="Ada Associate")
    MembershipFactory(workspace=world.workspace, user=associate_user, role=Role.MEMBER)
    second = OrganizationFactory(workspace=world.workspace, name="Care provider")
    leader = join(network, world.owner, NetworkRole.LEADER, world.organization)
    member = join(network, world.member, NetworkRole.MEMBER, second)
    associate = join(network, associate_user, NetworkRole.ASSOCIATE, second)
    now = timezone.now().replace(microsecond=0)
    plan = MeetingPlan.objects.create(
        network=network, title="Core team", rrule="FREQ=MONTHLY;COUNT=2", first_starts_at=now
    )
    past = Meeting.objects.create(
        network=network,
        plan=plan,
        title="Core team",
        starts_at=now - timedelta(days=14),
        ends_at=now - timedelta(days=14) + timedelta(hours=2),
        location="Town hall",
    )
    future = Meeting.objects.create(
        network=network,
        plan=plan,
        title="Core team",
        starts_at=now + timedelta(days=14),
        ends_at=now + timedelta(days=14, hours=2),
    )
    result = Result.objects.create(
        network=network, title="Fewer children waiting", indicator="weeks", baseline=12, target=4
    )
    return Net(
        world=world,
        network=network,
        other_network=other,
        leader=leader,
        member=member,
        associate=associate,
        associate_user=associate_user,
        second_organization=second,
        plan=plan,
        past=past,
        future=future,
        result=result,
    )


@pytest.fixture
def proposal(net: Net) -> AgendaItem:
    """An item the member proposed for the coming meeting."""
    return AgendaItem.objects.create(
        meeting=net.future,
        title="Waiting lists",
        proposed_by=net.member,
        status=AgendaItemStatus.PROPOSED,
    )


@pytest.fixture
def draft(net: Net) -> Minutes:
    return Minutes.objects.create(meeting=net.past, text="We talked.", written_by=net.world.owner)
