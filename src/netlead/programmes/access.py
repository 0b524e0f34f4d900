"""The ways anyone reaches programmes. Anything the user is not part of is NotFound (it does
not exist for them); a role too low inside it is Forbidden. No request, no side effects.

- a leader network: through `networks.access` (current members only), and only a network of
  kind "leader network";
- a programme's curriculum and cohorts setup: the workspace's owners and facilitators;
- a cohort: the people enrolled in it (participants and facilitators);
- a mentoring pair: its mentor and mentee.
"""

from __future__ import annotations

from dataclasses import dataclass

from netlead.accounts.models import User
from netlead.core.errors import Forbidden, NotFound
from netlead.networks.access import READ, NetworkAccess, network_for
from netlead.networks.models import NetworkKind
from netlead.programmes.models import (
    Attachment,
    Cohort,
    Enrolment,
    EnrolmentRole,
    LeaderNetworkProfile,
    Lesson,
    MentoringPair,
    Programme,
)
from netlead.programmes.selectors.cohorts import visible_submissions
from netlead.workspaces.access import MANAGERS, membership_for
from netlead.workspaces.audit import record_read
from netlead.workspaces.models import Membership


@dataclass(frozen=True)
class LeaderNetworkAccess:
    network_access: NetworkAccess
    profile: LeaderNetworkProfile

    @property
    def can_edit(self) -> bool:
        return self.network_access.can_edit


def leader_network_for(
    user: User, slug: str, network_id: int, need: str = READ
) -> LeaderNetworkAccess:
    access = network_for(user, slug, network_id, need, also=("network__leader_profile",))
    # Read with the member; a network without one raises, and getattr's default is None.
    profile: LeaderNetworkProfile | None = (
        getattr(access.network, "leader_profile", None)
        if access.network.kind == NetworkKind.LEADER_NETWORK
        else None
    )
    if profile is None:
        raise NotFound(f"leader network {network_id}")
    return LeaderNetworkAccess(network_access=access, profile=profile)


def programme_for(user: User, slug: str, programme_id: int) -> tuple[Membership, Programme]:
    """A programme of the workspace, for its owners and facilitators (members: Forbidden)."""
    membership = membership_for(user, slug, *MANAGERS)
    programme = Programme.objects.filter(workspace=membership.workspace, pk=programme_id).first()
    if programme is None:
        raise NotFound(f"programme {programme_id}")
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


def cohort_for(user: User, slug: str, cohort_id: int, *, facilitator: bool = False) -> CohortAccess:
    """`user`'s enrolment in cohort `cohort_id`; `facilitator` requires that role."""
    membership = membership_for(user, slug)
    enrolment = (
        Enrolment.objects.select_related("cohort__programme", "cohort__network", "person")
        .filter(
            cohort_id=cohort_id,
            cohort__programme__workspace=membership.workspace,
            person__user_id=user.pk,
        )
        .first()
    )
    if enrolment is None:
        raise NotFound(f"cohort {cohort_id}")
    access = CohortAccess(membership=membership, cohort=enrolment.cohort, enrolment=enrolment)
    if facilitator and not access.is_facilitator:
        raise Forbidden(f"facilitate cohort {cohort_id}")
    return access


@dataclass(frozen=True)
class PairAccess:
    membership: Membership
    pair: MentoringPair
    is_mentor: bool


def pair_for(user: User, slug: str, pair_id: int) -> PairAccess:
    """A mentoring pair `user` is the mentor or the mentee of."""
    membership = membership_for(user, slug)
    pair = (
        MentoringPair.objects.select_related("programme", "mentor", "mentee")
        .filter(pk=pair_id, programme__workspace=membership.workspace)
        .first()
    )
    if pair is not None and pair.mentor.user_id == user.pk:
        return PairAccess(membership=membership, pair=pair, is_mentor=True)
    if pair is not None and pair.mentee.user_id == user.pk:
        return PairAccess(membership=membership, pair=pair, is_mentor=False)
    raise NotFound(f"mentoring pair {pair_id}")


def attachment_for(access: CohortAccess, file_id: int, *, path: str) -> Attachment:
    """A lesson file of the cohort's programme, or a file of work the viewer may see. The bytes
    are loaded only after the check; a download of someone's work is recorded."""
    found = Attachment.objects.filter(pk=file_id).defer("data").first()
    if found is None:
        raise NotFound(f"file {file_id}")
    if found.lesson_id is not None:
        allowed = Lesson.objects.filter(
            pk=found.lesson_id, module__programme_id=access.cohort.programme_id
        ).exists()
    else:
        allowed = visible_submissions(access.enrolment).filter(attachments=found).exists()
    if not allowed:
        raise NotFound(f"file {file_id}")
    if found.submission_id is not None:
        record_read(
            membership=access.membership,
            action="downloaded",
            target=f"file {found.pk} of submission {found.submission_id}",
            path=path,
        )
    return Attachment.objects.get(pk=found.pk)
