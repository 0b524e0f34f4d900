"""Use cases of a leader network: setting it up and changing it, accepting its confidentiality
agreement, the rotating chair and case owner of its meetings, and the four-principles check
after a meeting. Every function raises ValidationError (bad input: nothing changed) with a
message fit to show.

A leader network is a `networks.Network` of kind "leader network" plus its profile, so members,
meetings, agendas, minutes, attendance and actions stay the networks and meetings apps'.

The check is anonymous: a receipt says who answered (so nobody answers twice) and the answer is
a separate row with no link back. A meeting's check is open for CHECK_OPEN_DAYS after it ends;
its figures are shown only once it has closed, so nobody can learn one person's scores by
comparing the figures before and after that person answered.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists
from django.utils import timezone
from django.utils.translation import gettext as _

from netlead.accounts.models import User
from netlead.analysis.programmes import PRINCIPLES
from netlead.core.scales import SCORE
from netlead.core.unlinkable import rewrite_in_random_order
from netlead.meetings.models import AgendaItemKind, Attendance, Meeting
from netlead.meetings.services import agenda_item_add
from netlead.networks.models import Network, NetworkKind, NetworkMember
from netlead.networks.services import network_create
from netlead.programmes import notices
from netlead.programmes.models import (
    AgreementAcceptance,
    LeaderNetworkProfile,
    MeetingRoles,
    PrinciplesCheckReceipt,
    PrinciplesCheckResponse,
)
from netlead.programmes.rules import AWAY, check_refusal_from
from netlead.workspaces.models import Workspace

__all__ = [
    "agreement_accept",
    "check_refusal",
    "leader_network_create",
    "leader_network_update",
    "meeting_roles_set",
    "principles_check_submit",
]

# -- The network and its profile -----------------------------------------------------------


def _full_clean_both(
    network: Network, profile: LeaderNetworkProfile, exclude: list[str] | None = None
) -> None:
    """Check the network and its profile together, so every error is reported at once."""
    errors: dict[str, list[ValidationError]] = {}
    for instance in (network, profile):
        try:
            instance.full_clean(exclude=exclude if instance is profile else None)
        except ValidationError as error:
            error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def leader_network_create(
    *, workspace: Workspace, creator: User, network: Network, profile: LeaderNetworkProfile
) -> Network:
    """Save a new leader network with its profile; its creator becomes its network leader."""
    network.workspace = workspace
    network.kind = NetworkKind.LEADER_NETWORK
    _full_clean_both(network, profile, exclude=["network"])
    network_create(workspace=workspace, creator=creator, network=network)
    profile.network = network
    profile.agreement_version = 1
    profile.full_clean()
    profile.save()
    return network


@transaction.atomic
def leader_network_update(*, network: Network, profile: LeaderNetworkProfile) -> Network:
    """Save the changed network and profile. A changed agreement text is a new version of the
    agreement, which every participant is asked to accept again."""
    if profile.network_id != network.pk or network.kind != NetworkKind.LEADER_NETWORK:
        raise ValidationError(_("This profile does not belong to this leader network."))
    stored = LeaderNetworkProfile.objects.select_for_update().get(pk=profile.pk)
    _full_clean_both(network, profile)
    changed = profile.agreement.strip() != stored.agreement.strip()
    profile.agreement_version = stored.agreement_version + (1 if changed else 0)
    network.save()
    profile.save()
    if changed and profile.agreement.strip():
        notices.agreement_changed(network, profile.agreement_version)
    return network


# -- The confidentiality agreement --------------------------------------------------------


def _check_current_member(member: NetworkMember, network_id: int) -> None:
    if member.network_id != network_id or member.left_on is not None:
        raise ValidationError(_("Only current members of this leader network can do this."))


@transaction.atomic
def agreement_accept(
    *, profile: LeaderNetworkProfile, member: NetworkMember, commitment: str
) -> AgreementAcceptance:
    """The member accepts the current version of the agreement, saying what they commit to.
    Once per version."""
    _check_current_member(member, profile.network_id)
    current = LeaderNetworkProfile.objects.select_for_update().get(pk=profile.pk)
    if not current.agreement.strip():
        raise ValidationError(_("There is no agreement to accept yet."))
    if current.acceptances.filter(member=member, version=current.agreement_version).exists():
        raise ValidationError(_("You have accepted this version of the agreement already."))
    acceptance = AgreementAcceptance(
        profile=current,
        member=member,
        version=current.agreement_version,
        commitment=commitment.strip(),
    )
    acceptance.full_clean()
    acceptance.save()
    return acceptance


# -- Meeting roles and their rotation -----------------------------------------------------


def _check_leader_meeting(meeting: Meeting) -> None:
    if meeting.network.kind != NetworkKind.LEADER_NETWORK:
        raise ValidationError(_("This meeting is not a meeting of a leader network."))


@transaction.atomic
def meeting_roles_set(
    *,
    meeting: Meeting,
    chair: NetworkMember | None,
    case_owner: NetworkMember | None,
    by: NetworkMember | None = None,
    standard_agenda: bool = False,
) -> MeetingRoles:
    """Who chairs the meeting and whose case the group consults on (either may stay open).
    Both must be current members of the meeting's network, and two different people: the chair
    leads the consultation of the case owner's case. With `standard_agenda`, `by` (an editor)
    also puts a here-and-now round and the case consultation on the agenda when missing."""
    _check_leader_meeting(meeting)
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting was cancelled: it has no chair or case owner."))
    for field, member in (("chair", chair), ("case_owner", case_owner)):
        if member is not None and (
            member.network_id != meeting.network_id or member.left_on is not None
        ):
            raise ValidationError({field: _("Choose a current member of this leader network.")})
    if chair is not None and case_owner is not None and chair.pk == case_owner.pk:
        raise ValidationError(
            {
                "case_owner": _(
                    "The chair and the case owner must be two people: the chair leads the "
                    "consultation of the case owner's case."
                )
            }
        )
    roles = MeetingRoles.objects.filter(meeting=meeting).first() or MeetingRoles(meeting=meeting)
    roles.chair = chair
    roles.case_owner = case_owner
    roles.full_clean()
    roles.save()
    if standard_agenda:
        if by is None:
            raise ValidationError(_("Say who puts the items on the agenda."))
        kinds = set(meeting.agenda_items.values_list("kind", flat=True))
        if AgendaItemKind.HERE_AND_NOW not in kinds:
            agenda_item_add(
                meeting=meeting,
                by=by,
                kind=AgendaItemKind.HERE_AND_NOW,
                title=_("Here-and-now round"),
                description=_("Everyone says briefly what occupies them right now."),
            )
        if AgendaItemKind.CASE not in kinds and case_owner is not None:
            agenda_item_add(
                meeting=meeting,
                by=by,
                kind=AgendaItemKind.CASE,
                title=_("Case consultation: %(name)s") % {"name": case_owner.person.name},
                description=_(
                    "The case owner brings a question from their own practice; the group "
                    "asks, reflects and advises."
                ),
            )
    return roles


# -- The four-principles check -------------------------------------------------------------


def check_refusal(*, meeting: Meeting, member: NetworkMember) -> str | None:
    """Why `member` cannot give the four-principles check of `meeting`; None if they can."""
    # Both facts in one query.
    away, answered = (
        Meeting.objects.filter(pk=meeting.pk)
        .annotate(
            away=Exists(Attendance.objects.filter(meeting=meeting, member=member, status__in=AWAY)),
            answered=Exists(PrinciplesCheckReceipt.objects.filter(meeting=meeting, member=member)),
        )
        .values_list("away", "answered")
        .get()
    )
    return check_refusal_from(
        meeting=meeting, member=member, away=away, answered=answered, now=timezone.now()
    )


def _checked_scores(scores: Mapping[str, int]) -> dict[str, int]:
    errors: dict[str, str] = {}
    for principle in PRINCIPLES:
        value = scores.get(principle)
        if value not in SCORE:
            errors[principle] = _("Choose a score from 1 to 5.")
    unknown = sorted(set(scores) - set(PRINCIPLES))
    if unknown:
        raise ValidationError(_("Unknown principle: %(names)s.") % {"names": ", ".join(unknown)})
    if errors:
        raise ValidationError(errors)
    return {principle: scores[principle] for principle in PRINCIPLES}


@transaction.atomic
def principles_check_submit(
    *, meeting: Meeting, member: NetworkMember, scores: Mapping[str, int]
) -> None:
    """Store `member`'s anonymous scores (1..5 on each of the four principles) for `meeting`:
    a receipt that they answered, and the answer in a row that does not name them. Nothing is
    returned, so no caller can keep the two together."""
    values = _checked_scores(scores)
    # One answer of a meeting at a time: each writes all of the meeting's answers again.
    Meeting.objects.select_for_update().filter(pk=meeting.pk).values_list("pk").get()
    refusal = check_refusal(meeting=meeting, member=member)
    if refusal is not None:
        raise ValidationError(refusal)
    # No full_clean: the scores are checked above, the meeting and the member were just
    # read, and the receipt's uniqueness is the database's (its validation was five queries).
    try:
        PrinciplesCheckReceipt.objects.create(meeting=meeting, member=member)
    except IntegrityError as error:  # the same member, answering twice at the same moment
        raise ValidationError(_("You have given the check of this meeting already.")) from error
    PrinciplesCheckResponse.objects.create(meeting=meeting, **values)
    # The meeting's answers again in a random order, so the newest is not the last row and
    # the order of the rows cannot be matched to the order of the receipts.
    rewrite_in_random_order(PrinciplesCheckResponse.objects.filter(meeting=meeting))
