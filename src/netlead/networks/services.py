"""Use cases of a network: profile, members, charter, results and phases."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from netlead import frameworks
from netlead.accounts.models import User
from netlead.networks import notices
from netlead.networks.importing import ImportRow
from netlead.networks.models import (
    CONTRIBUTORS,
    PHASE_COUNT,
    CharterMandate,
    CharterResponse,
    CharterStatus,
    CharterVersion,
    GovernanceChange,
    Measurement,
    Network,
    NetworkMember,
    NetworkRole,
    PhaseCheck,
    PhaseTransition,
    Result,
)
from netlead.networks.rules import RESTORE_DAYS, can_restore, leaves_no_leader
from netlead.networks.selectors import charter_rule_progress
from netlead.workspaces.models import Person, Workspace
from netlead.workspaces.services import person_for_user


@transaction.atomic
def network_create(*, workspace: Workspace, creator: User, network: Network) -> Network:
    """Save a new network; its creator becomes its network leader."""
    network.workspace = workspace
    network.full_clean()
    network.save()
    NetworkMember.objects.create(
        network=network,
        person=person_for_user(workspace=workspace, user=creator),
        role=NetworkRole.LEADER,
        joined_on=network.starts_on or timezone.localdate(),
    )
    return network


@transaction.atomic
def network_update(*, network: Network, user: User | None = None) -> Network:
    """Save the network's profile; a change of governance form is recorded with its day."""
    network.full_clean()
    before = Network.objects.filter(pk=network.pk).values_list("governance", flat=True).first()
    network.save()
    if before is not None and before != network.governance:
        GovernanceChange.objects.create(
            network=network, from_form=before, to_form=network.governance, changed_by=user
        )
    return network


def _leaders_left_after(member: NetworkMember) -> int:
    return (
        member.network.members.current()
        .filter(role=NetworkRole.LEADER)
        .exclude(pk=member.pk)
        .count()
    )


@transaction.atomic
def member_add(
    *, network: Network, person: Person, role: str, joined_on: date | None = None
) -> NetworkMember:
    if person.workspace_id != network.workspace_id:
        raise ValidationError({"person": _("Choose a person of this workspace.")})
    if network.members.current().filter(person=person).exists():
        raise ValidationError(
            {"person": _("%(name)s is already a member.") % {"name": person.name}}
        )
    member = NetworkMember(
        network=network, person=person, role=role, joined_on=joined_on or timezone.localdate()
    )
    member.full_clean()
    member.save()
    return member


@transaction.atomic
def member_set_role(*, member: NetworkMember, role: str) -> NetworkMember:
    if role not in NetworkRole.values:
        raise ValidationError(_("Unknown role."))
    if member.role == NetworkRole.LEADER and leaves_no_leader(
        member, new_role=role, other_leaders=_leaders_left_after(member)
    ):
        raise ValidationError(_("A network needs at least one network leader."))
    member.role = role
    member.save(update_fields=["role"])
    return member


@transaction.atomic
def member_change(*, member: NetworkMember, role: str, joined_on: date) -> NetworkMember:
    """Change a current member's role and the day they joined (set later, for example, when
    members imported today were there before)."""
    if joined_on > timezone.localdate():
        raise ValidationError({"joined_on": _("The joining date cannot be in the future.")})
    earlier = (
        NetworkMember.objects.filter(
            network_id=member.network_id, person_id=member.person_id, left_on__gte=joined_on
        )
        .exclude(pk=member.pk)
        .order_by("-left_on")
        .first()
    )
    if earlier is not None and earlier.left_on is not None:
        raise ValidationError(
            {
                "joined_on": _(
                    "%(name)s was a member until %(date)s: this membership starts after that."
                )
                % {"name": member.person.name, "date": formats.date_format(earlier.left_on)}
            }
        )
    member_set_role(member=member, role=role)
    member.joined_on = joined_on
    member.save(update_fields=["joined_on"])
    return member


@transaction.atomic
def member_leave(*, member: NetworkMember, left_on: date) -> NetworkMember:
    """End a membership; the row stays, so the history of who took part is kept."""
    if member.left_on is not None:
        raise ValidationError(_("This person has left the network already."))
    if left_on < member.joined_on:
        raise ValidationError(_("The leaving date cannot come before the joining date."))
    if member.role == NetworkRole.LEADER and leaves_no_leader(
        member, new_role=None, other_leaders=_leaders_left_after(member)
    ):
        raise ValidationError(_("A network needs at least one network leader."))
    member.left_on = left_on
    member.save(update_fields=["left_on"])
    return member


@transaction.atomic
def members_import(
    *,
    network: Network,
    rows: Iterable[ImportRow],
    reuse: Mapping[int, int] | None = None,
    skip: Collection[int] = (),
) -> tuple[int, int]:
    """Add the previewed rows as members: persons found by e-mail are reused, others created.
    `reuse` maps a line to the person of the workspace the user said it is (a likely
    duplicate); lines in `skip` repeat an earlier line of the file and are left out.

    Returns (members added, persons created). Rows naming a current member are skipped.
    """
    workspace = network.workspace
    organizations = {o.pk: o for o in workspace.organizations.all()}
    current = set(network.members.current().values_list("person_id", flat=True))
    chosen = workspace.persons.in_bulk(set((reuse or {}).values()))
    added = created = 0
    for row in rows:
        if row.line in skip:
            continue
        organization = organizations.get(row.organization_id)
        if organization is None:
            raise ValidationError(
                _("Line %(line)s: the organization no longer exists.") % {"line": row.line}
            )
        person = chosen.get((reuse or {}).get(row.line, 0))
        if person is None and row.email:
            person = workspace.persons.filter(email__iexact=row.email).first()
        if person is None:
            person = Person(
                workspace=workspace,
                name=row.name,
                email=row.email,
                organization=organization,
                layer=row.layer,
                job_title=row.job_title,
            )
            person.full_clean()
            person.save()
            created += 1
        if person.pk in current:
            continue
        joined_on = date.fromisoformat(row.joined_on) if row.joined_on else timezone.localdate()
        NetworkMember.objects.create(
            network=network, person=person, role=row.role, joined_on=joined_on
        )
        current.add(person.pk)
        added += 1
    return added, created


# Charter


@transaction.atomic
def charter_propose(
    *,
    network: Network,
    proposer: User,
    version: CharterVersion,
    mandates: Mapping[int, str],
) -> CharterVersion:
    """Propose a new charter version. An earlier open proposal is withdrawn: one at a time."""
    network.charter_versions.filter(status=CharterStatus.PROPOSED).update(
        status=CharterStatus.WITHDRAWN
    )
    last = network.charter_versions.aggregate(n=Max("number"))["n"] or 0
    version.network = network
    version.number = last + 1
    version.status = CharterStatus.PROPOSED
    version.proposed_by = proposer
    version.proposed_at = timezone.now()
    version.full_clean()
    version.save()
    organizations = set(network.workspace.organizations.values_list("pk", flat=True))
    for organization_id, text in mandates.items():
        if text.strip() and organization_id in organizations:
            CharterMandate.objects.create(
                version=version, organization_id=organization_id, mandate=text.strip()
            )
    notices.charter_proposed(version, actor=proposer)
    return version


@transaction.atomic
def charter_respond(
    *, version: CharterVersion, member: NetworkMember, agrees: bool, objection: str = ""
) -> CharterResponse:
    if version.status != CharterStatus.PROPOSED:
        raise ValidationError(_("This version is no longer open for responses."))
    if member.role not in CONTRIBUTORS:
        raise ValidationError(
            _("Associates and stakeholders read the charter but do not decide on it.")
        )
    if not agrees and not objection.strip():
        raise ValidationError({"objection": _("Say what you object to, so it can be resolved.")})
    response, _created = CharterResponse.objects.update_or_create(
        version=version,
        member=member,
        defaults={
            "agrees": agrees,
            "objection": "" if agrees else objection.strip(),
            "responded_at": timezone.now(),
        },
    )
    return response


def decision_rule_set(*, network: Network, rule: str, days: int) -> Network:
    """The leader names how the network decides on charter versions and minutes."""
    network.decision_rule = rule
    network.decision_days = days
    network.full_clean()
    network.save(update_fields=["decision_rule", "decision_days"])
    return network


@transaction.atomic
def charter_adopt(
    *, version: CharterVersion, by: User | None = None, despite_rule: bool = False
) -> CharterVersion:
    """Make a proposed version the agreed charter. When the network's decision rule is not met
    the leader may still decide, but only on purpose (`despite_rule`); the version keeps which
    rule applied and whether it was met."""
    version = (
        CharterVersion.objects.select_for_update().select_related("network").get(pk=version.pk)
    )
    if version.status != CharterStatus.PROPOSED:
        raise ValidationError(_("Only a proposed version can be adopted."))
    rule = charter_rule_progress(version)
    if not rule.met and not despite_rule:
        raise ValidationError(
            _(
                "The network's decision rule is not met yet. Confirm that you decide anyway, "
                "or wait for the members' responses."
            )
        )
    version.network.charter_versions.filter(status=CharterStatus.AGREED).update(
        status=CharterStatus.SUPERSEDED
    )
    version.status = CharterStatus.AGREED
    version.agreed_at = timezone.now()
    version.adopted_rule = rule.kind
    version.adopted_rule_days = rule.days
    version.adopted_rule_met = rule.met
    version.adopted_by = by
    version.save(
        update_fields=[
            "status",
            "agreed_at",
            "adopted_rule",
            "adopted_rule_days",
            "adopted_rule_met",
            "adopted_by",
        ]
    )
    notices.charter_adopted(version, actor=by)
    return version


def charters_settle() -> list[CharterVersion]:
    """Adopt every proposed charter version whose network's decision rule is met: under
    consent, once the period ended without an objection (silence is consent); under majority
    or everyone, once enough agreed. Run daily (`netlead settle_decisions`); a second run, or
    one at the same moment, adopts nothing twice."""
    adopted = []
    proposed = CharterVersion.objects.filter(status=CharterStatus.PROPOSED).select_related(
        "network"
    )
    for version in proposed.order_by("proposed_at", "pk"):
        if not charter_rule_progress(version).met:
            continue
        try:
            adopted.append(charter_adopt(version=version, by=None))
        except ValidationError:
            continue  # adopted (or withdrawn) by someone else since it was read
    return adopted


@transaction.atomic
def member_restore(*, member: NetworkMember) -> NetworkMember:
    """Undo a member's leaving, within RESTORE_DAYS: the same row continues, so the
    history reads as if they never left."""
    member = NetworkMember.objects.select_for_update().get(pk=member.pk)
    if member.left_on is None:
        raise ValidationError(_("This person is still a member."))
    if not can_restore(member, today=timezone.localdate()):
        raise ValidationError(
            _("Leaving can be undone only within %(days)s days; add the person again instead.")
            % {"days": RESTORE_DAYS}
        )
    if member.network.members.current().filter(person_id=member.person_id).exists():
        raise ValidationError(_("This person has joined the network again already."))
    member.left_on = None
    member.save(update_fields=["left_on"])
    return member


# Results


def result_save(*, result: Result) -> Result:
    result.full_clean()
    result.save()
    return result


def measurement_add(
    *, result: Result, measured_on: date, value: Decimal, note: str, user: User
) -> Measurement:
    measurement = Measurement(
        result=result, measured_on=measured_on, value=value, note=note, recorded_by=user
    )
    measurement.full_clean()
    measurement.save()
    return measurement


# Phases


def phase_check_set(*, network: Network, phase: int, item: str, done: bool, user: User) -> None:
    """Mark a checklist item of a phase as done or not done."""
    known = {i.key for p in frameworks.phases("en") if p.number == phase for i in p.checklist}
    if item not in known:
        raise ValidationError(_("Unknown checklist item."))
    if done:
        PhaseCheck.objects.get_or_create(
            network=network, phase=phase, item=item, defaults={"done_by": user}
        )
    else:
        PhaseCheck.objects.filter(network=network, phase=phase, item=item).delete()


@transaction.atomic
def phase_move(*, network: Network, to_phase: int, user: User, note: str = "") -> PhaseTransition:
    """Move the network to another phase, recording when and who decided."""
    network = Network.objects.select_for_update().get(pk=network.pk)
    if not 1 <= to_phase <= PHASE_COUNT:
        raise ValidationError(_("There is no phase %(n)s.") % {"n": to_phase})
    if to_phase == network.phase:
        raise ValidationError(_("The network is in this phase already."))
    transition = PhaseTransition.objects.create(
        network=network, from_phase=network.phase, to_phase=to_phase, decided_by=user, note=note
    )
    network.phase = to_phase
    network.save(update_fields=["phase"])
    return transition
