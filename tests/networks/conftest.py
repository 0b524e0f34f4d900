from __future__ import annotations

from dataclasses import dataclass

import pytest

from netlead.accounts.models import User
from netlead.networks.models import Network, NetworkMember, NetworkRole
from netlead.workspaces.models import Role
from tests.conftest import World
from tests.factories import MembershipFactory, PersonFactory, UserFactory


@dataclass
class Net:
    world: World
    network: Network
    leader: NetworkMember
    member: NetworkMember
    associate: NetworkMember
    associate_user: User

    @property
    def slug(self) -> str:
        return self.world.workspace.slug


@pytest.fixture
def net(world: World) -> Net:
    """A network in the world's workspace: the owner leads it, the member is a member, a third
    user is an associate. The workspace facilitator is NOT in it; the outsider is elsewhere."""
    network = Network.objects.create(workspace=world.workspace, name="Youth care network", phase=2)
    associate_user = UserFactory(email="associate@example.test", name="Ada Associate")
    MembershipFactory(workspace=world.workspace, user=associate_user, role=Role.MEMBER)

    def join(user: User, role: str) -> NetworkMember:
        person = PersonFactory(
            workspace=world.workspace,
            organization=world.organization,
            name=user.name,
            email=user.email,
            user=user,
        )
        return NetworkMember.objects.create(network=network, person=person, role=role)

    return Net(
        world=world,
        network=network,
        leader=join(world.owner, NetworkRole.LEADER),
        member=join(world.member, NetworkRole.MEMBER),
        associate=join(associate_user, NetworkRole.ASSOCIATE),
        associate_user=associate_user,
    )
