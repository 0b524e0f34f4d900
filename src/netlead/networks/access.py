"""The one way a view reaches a network. A network is visible only to its current members:
anyone else, including workspace owners, gets a 404. Editing needs the right network role (403)."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from netlead.networks.models import CONTRIBUTORS, EDITORS, Network, NetworkMember
from netlead.workspaces.access import get_membership_for
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


def get_network_for(
    request: HttpRequest, slug: str, network_id: int, need: str = READ
) -> NetworkAccess:
    """The request user's access to network `network_id` of workspace `slug`."""
    membership = get_membership_for(request, slug)
    member = (
        NetworkMember.objects.current()
        .select_related("network", "person", "person__organization")
        .filter(
            network_id=network_id,
            network__workspace=membership.workspace,
            person__user_id=request.user.pk,
        )
        .first()
    )
    if member is None:
        raise Http404
    access = NetworkAccess(membership=membership, network=member.network, member=member)
    if (need == EDIT and not access.can_edit) or (need == CONTRIBUTE and not access.can_contribute):
        raise PermissionDenied
    return access
