"""The one way anyone reaches a network. A network exists only for its current members: anyone
else, including workspace owners, gets NotFound. Editing needs the right network role
(Forbidden). No request, no side effects."""

from __future__ import annotations

from dataclasses import dataclass

from netlead.accounts.models import User
from netlead.core.errors import Forbidden, NotFound
from netlead.networks.models import CONTRIBUTORS, EDITORS, Network, NetworkMember
from netlead.workspaces.access import membership_for
from netlead.workspaces.models import Membership

READ = "read"
CONTRIBUTE = "contribute"
EDIT = "edit"


@dataclass(frozen=True)
class NetworkAccess:
    membership: Membership
    network: Network
    member: NetworkMember

    @property
    def can_edit(self) -> bool:
        return self.member.role in EDITORS

    @property
    def can_contribute(self) -> bool:
        return self.member.role in CONTRIBUTORS


def network_for(
    user: User, slug: str, network_id: int, need: str = READ, *, also: tuple[str, ...] = ()
) -> NetworkAccess:
    """`user`'s access to network `network_id` of workspace `slug`; `also` names relations of
    the member read in the same query (a leader network's profile, say)."""
    membership = membership_for(user, slug)
    member = (
        NetworkMember.objects.current()
        .select_related("network", "person", "person__organization", *also)
        .filter(
            network_id=network_id,
            network__workspace=membership.workspace,
            person__user_id=user.pk,
        )
        .first()
    )
    if member is None:
        raise NotFound(f"network {network_id}")
    # The network's workspace is the membership's (the query asked for it), already read.
    member.network.workspace = membership.workspace
    access = NetworkAccess(membership=membership, network=member.network, member=member)
    if (need == EDIT and not access.can_edit) or (need == CONTRIBUTE and not access.can_contribute):
        raise Forbidden(f"{need} network {network_id}")
    return access
