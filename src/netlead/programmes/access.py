"""The audited ways a view reaches programmes. Anything the user is not part of is a 404 (it
does not exist for them); a role too low inside it is a 403.

- a leader network: through `networks.access` (current members only), and only a network of
  kind "leader network";
- a programme's curriculum and cohorts setup: the workspace's owners and facilitators;
- a cohort: the people enrolled in it (participants and facilitators);
- a mentoring pair: its mentor and mentee.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from netlead.accounts.models import User
from netlead.networks.access import READ, NetworkAccess, get_network_for
from netlead.networks.models import NetworkKind
from netlead.programmes.models import (
    Cohort,
    Enrolment,
    EnrolmentRole,
    LeaderNetworkProfile,
    MentoringPair,
    Programme,
)
from netlead.workspaces.access import MANAGERS, get_membership_for
from netlead.workspaces.models import Membership


def _user_id(request: HttpRequest) -> int:
    user: User = request.user  # type: ignore[assignment]
    return user.pk


@dataclass(frozen=True)
class LeaderNetworkAccess:
    network_access: NetworkAccess
    profile: LeaderNetworkProfile

    @property
    def can_edit(self) -> bool:
        return self.network_access.can_edit


def get_leader_network_for(
    request: HttpRequest, slug: str, network_id: int, need: str = READ
) -> LeaderNetworkAccess:
    access = get_network_for(request, slug, network_id, need)
    if access.network.kind != NetworkKind.LEADER_NETWORK:
        raise Http404
    profile = LeaderNetworkProfile.objects.filter(network=access.network).first()
    if profile is None:
        raise Http404
    return LeaderNetworkAccess(network_access=access, profile=profile)


def get_programme_for(
    request: HttpRequest, slug: str, programme_id: int
) -> tuple[Membership, Programme]:
    """A programme of the workspace, for its owners and facilitators (members get a 403)."""
    membership = get_membership_for(request, slug, *MANAGERS)
    programme = get_object_or_404(
        Programme.objects.filter(workspace=membership.workspace), pk=programme_id
    )
    return membership, programme


@dataclass(frozen=True)
class CohortAccess:
    membership: Membership
    cohort: Cohort
    enrolment: Enrolment

    @property
    def is_facilitator(self) -> bool:
        return self.enrolment.role == EnrolmentRole.FACILITATOR

    @property
    def slug(self) -> str:
        return self.membership.workspace.slug


def get_cohort_for(
    request: HttpRequest, slug: str, cohort_id: int, *, facilitator: bool = False
) -> CohortAccess:
    """The request user's enrolment in cohort `cohort_id`; `facilitator` requires that role."""
    membership = get_membership_for(request, slug)
    enrolment = (
        Enrolment.objects.select_related("cohort__programme", "cohort__network", "person")
        .filter(
            cohort_id=cohort_id,
            cohort__programme__workspace=membership.workspace,
            person__user_id=_user_id(request),
        )
        .first()
    )
    if enrolment is None:
        raise Http404
    access = CohortAccess(membership=membership, cohort=enrolment.cohort, enrolment=enrolment)
    if facilitator and not access.is_facilitator:
        raise PermissionDenied
    return access


@dataclass(frozen=True)
class PairAccess:
    membership: Membership
    pair: MentoringPair
    is_mentor: bool


def get_pair_for(request: HttpRequest, slug: str, pair_id: int) -> PairAccess:
    """A mentoring pair the request user is the mentor or the mentee of."""
    membership = get_membership_for(request, slug)
    pair = (
        MentoringPair.objects.select_related("programme", "mentor", "mentee")
        .filter(pk=pair_id, programme__workspace=membership.workspace)
        .first()
    )
    if pair is None:
        raise Http404
    if pair.mentor.user_id == _user_id(request):
        return PairAccess(membership=membership, pair=pair, is_mentor=True)
    if pair.mentee.user_id == _user_id(request):
        return PairAccess(membership=membership, pair=pair, is_mentor=False)
    raise Http404
