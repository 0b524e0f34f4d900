"""Cohorts: setting one up (with its learning network for the sessions), enrolling people,
peer groups, lessons done, submissions with the case context of a real network, feedback,
the skills measurement at the start and the end, and closing."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netlead.accounts.models import User
from netlead.development.models import Measurement, SelfAssessment
from netlead.development.services import assessment_start, default_framework_ensure
from netlead.networks.models import (
    CharterStatus,
    Network,
    NetworkKind,
    NetworkMember,
    NetworkRole,
)
from netlead.networks.services import member_leave, network_create
from netlead.programmes import notices
from netlead.programmes.models import (
    Assignment,
    Attachment,
    Cohort,
    CohortStatus,
    Enrolment,
    EnrolmentRole,
    Lesson,
    LessonDone,
    Programme,
    Submission,
    SubmissionFeedback,
    SubmissionStatus,
)
from netlead.programmes.rules import PEER_GROUP_SIZES, can_give_feedback
from netlead.programmes.selectors.cohorts import networks_for_case
from netlead.programmes.services import measurement
from netlead.programmes.services.accounts import can_log_in, with_login
from netlead.programmes.services.files import check_upload
from netlead.surveys import selectors as survey_selectors
from netlead.surveys import texts as survey_texts
from netlead.surveys.readmodels import read_diagnosis
from netlead.workspaces.models import Person
from netlead.workspaces.services import person_for_user


def _require_open(cohort: Cohort) -> None:
    if cohort.is_closed:
        raise ValidationError(
            _("This cohort has ended, so work can no longer be handed in or changed.")
        )


@transaction.atomic
def cohort_create(
    *, programme: Programme, creator: User, name: str, starts_on: date, ends_on: date
) -> Cohort:
    """A cohort of a masterclass, with a closed learning network for its sessions; the creator
    is its first facilitator."""
    if programme.is_mentoring:
        raise ValidationError(_("A mentoring programme has pairs, not cohorts."))
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("The end must come after the start.")})
    network = network_create(
        workspace=programme.workspace,
        creator=creator,
        network=Network(
            name=f"{programme.title} · {name}"[:200],
            purpose=programme.description,
            kind=NetworkKind.LEARNING,
            is_open=False,
            starts_on=starts_on,
            planned_end_on=ends_on,
        ),
    )
    cohort = Cohort(
        programme=programme,
        name=name.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        network=network,
    )
    cohort.full_clean()
    cohort.save()
    Enrolment.objects.create(
        cohort=cohort,
        person=person_for_user(workspace=programme.workspace, user=creator),
        role=EnrolmentRole.FACILITATOR,
    )
    return cohort


@transaction.atomic
def enrol(*, cohort: Cohort, persons: Sequence[Person], role: str) -> list[Enrolment]:
    """Enrol persons of the workspace; each also joins the cohort's learning network (sessions,
    attendance). Anyone already enrolled stops the whole enrolment, so nothing half happens."""
    if cohort.is_closed:
        raise ValidationError(_("This cohort has ended: nobody can be enrolled any more."))
    if role not in EnrolmentRole.values:
        raise ValidationError(_("Unknown role."))
    if not persons:
        raise ValidationError(_("Choose at least one person."))
    workspace_id = cohort.programme.workspace_id
    if any(p.workspace_id != workspace_id for p in persons):
        raise ValidationError(_("Choose persons of this workspace."))
    already = sorted(
        cohort.enrolments.filter(person__in=persons).values_list("person__name", flat=True)
    )
    if already:
        raise ValidationError(
            _("Already enrolled in this cohort: %(names)s. Nobody was added.")
            % {"names": ", ".join(already)}
        )
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(cohort=cohort, person=person, role=role) for person in persons
    )
    in_network = set(
        cohort.network.members.current()
        .filter(person__in=persons)
        .values_list("person_id", flat=True)
    )
    network_role = (
        NetworkRole.CO_DRIVER if role == EnrolmentRole.FACILITATOR else NetworkRole.MEMBER
    )
    NetworkMember.objects.bulk_create(
        NetworkMember(network=cohort.network, person=person, role=network_role)
        for person in persons
        if person.pk not in in_network
    )
    notices.enrolled(cohort, enrolments)
    return enrolments


@transaction.atomic
def participant_remove(*, enrolment: Enrolment) -> None:
    """Take a participant out of an open cohort: their enrolment goes with the lessons they
    marked done, their work and the feedback they gave; they leave the cohort's learning
    network (which its leaders can undo there). A start measurement they were counted in
    stays counted, so the change is held back rather than computed over fewer people."""
    if enrolment.role != EnrolmentRole.PARTICIPANT:
        raise ValidationError(_("Only participants can be taken out of a cohort."))
    if enrolment.cohort.is_closed:
        raise ValidationError(_("This cohort has ended: its participants stay part of it."))
    membership = (
        enrolment.cohort.network.members.current().filter(person_id=enrolment.person_id).first()
    )
    if membership is not None:
        member_leave(member=membership, left_on=max(timezone.localdate(), membership.joined_on))
    enrolment.delete()


@transaction.atomic
def peer_groups_assign(
    *, cohort: Cohort, size: int, seed: int | None = None, only_with_login: bool = True
) -> int:
    """Put the participants who can log in in peer groups of `size` at random (a last, smaller
    group joins the one before, so nobody is alone); the others are in no group, since they
    could neither read nor give feedback. Returns the number of groups. Only the demo passes
    `only_with_login=False`: its example people stand for participants with accounts."""
    _require_open(cohort)
    if size not in PEER_GROUP_SIZES:
        raise ValidationError(_("A peer group has 2, 3 or 4 participants."))
    enrolled = cohort.enrolments.select_for_update().filter(role=EnrolmentRole.PARTICIPANT)
    can_log_in_ids = set(
        with_login(Person.objects.filter(enrolments__in=enrolled)).values_list("pk", flat=True)
    )
    participants = [
        e for e in enrolled.order_by("pk") if not only_with_login or e.person_id in can_log_in_ids
    ]
    if len(participants) < 2:
        raise ValidationError(
            _("Peer groups need at least two participants who can log in to the workspace.")
        )
    enrolled.exclude(pk__in=[e.pk for e in participants]).update(peer_group=None)
    random.Random(seed).shuffle(participants)  # noqa: S311 - not a secret, just a draw
    groups = [participants[i : i + size] for i in range(0, len(participants), size)]
    if len(groups) > 1 and len(groups[-1]) < 2:
        groups[-2].extend(groups.pop())
    for number, group in enumerate(groups, start=1):
        for enrolment in group:
            enrolment.peer_group = number
    Enrolment.objects.bulk_update(participants, ["peer_group"])
    return len(groups)


def peer_group_set(*, enrolment: Enrolment, group: int | None) -> None:
    _require_open(enrolment.cohort)
    if enrolment.role != EnrolmentRole.PARTICIPANT:
        raise ValidationError(_("Only participants are in peer groups."))
    if group is not None and not can_log_in(enrolment.person):
        raise ValidationError(
            _(
                "%(name)s cannot log in to the workspace yet, so they could not take part in a "
                "peer group: invite them first."
            )
            % {"name": enrolment.person.name}
        )
    if group is not None and not 1 <= group <= 99:
        raise ValidationError(_("A peer group number is between 1 and 99."))
    enrolment.peer_group = group
    enrolment.save(update_fields=["peer_group"])


def lesson_mark(*, enrolment: Enrolment, lesson: Lesson, done: bool) -> None:
    _require_open(enrolment.cohort)
    if lesson.module.programme_id != enrolment.cohort.programme_id:
        raise ValidationError(_("This lesson is not part of your programme."))
    if done:
        LessonDone.objects.get_or_create(enrolment=enrolment, lesson=lesson)
    else:
        LessonDone.objects.filter(enrolment=enrolment, lesson=lesson).delete()


# -- Submissions ------------------------------------------------------------------------------


@transaction.atomic
def submission_save(
    *,
    enrolment: Enrolment,
    assignment: Assignment,
    text: str,
    network: Network | None,
    hand_in: bool,
    upload: UploadedFile[bytes] | None = None,
    user: User | None = None,
    pull_case_context: bool = False,
) -> Submission:
    """Save a participant's work as a draft or hand it in. Nothing is stored when the cohort
    has ended, the assignment is not in the programme, the network is not theirs, or the file
    is refused. `pull_case_context` also copies in the linked network's charter, phase and
    figures in the same transaction (refused without a network: then nothing is saved)."""
    cohort = enrolment.cohort
    if enrolment.role != EnrolmentRole.PARTICIPANT:
        raise ValidationError(_("Only participants hand in assignments."))
    _require_open(cohort)
    if assignment.module.programme_id != cohort.programme_id:
        raise ValidationError(_("This assignment is not part of your programme."))
    if assignment.is_measurement:
        raise ValidationError(
            _("A skills measurement is taken as a self-assessment, not handed in as work.")
        )
    if network is not None and network not in networks_for_case(enrolment.person):
        raise ValidationError({"network": _("Choose a network you lead or belong to.")})
    try:
        checked = check_upload(upload) if upload is not None else None
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    text = text.strip()
    submission, _created = Submission.objects.select_for_update().get_or_create(
        assignment=assignment, enrolment=enrolment
    )
    has_file = checked is not None or submission.attachments.exists()
    if hand_in and not text and not has_file:
        raise ValidationError(_("Write something or add a file before you hand in your work."))
    if submission.network_id != (network.pk if network else None):
        submission.case_context = {}
    submission.text = text
    submission.network = network
    submission.updated_at = timezone.now()
    if hand_in and not submission.is_submitted:
        submission.status = SubmissionStatus.SUBMITTED
        submission.submitted_at = submission.updated_at
    if pull_case_context:
        if network is None:
            raise ValidationError({"network": _("Choose the network your case is about first.")})
        submission.case_context = case_context_of(network)
    submission.full_clean()
    submission.save()
    if checked is not None:
        Attachment.objects.create(
            submission=submission,
            name=checked.name,
            content_type=checked.content_type,
            size=len(checked.data),
            data=checked.data,
            uploaded_by=user,
        )
    return submission


def case_context_of(network: Network) -> dict[str, Any]:
    """What a case analysis may quote of a real network: its latest agreed charter, its phase
    and the network-level figures of its latest diagnoses (no names, no individual answers).
    Only keys and numbers are stored, never labels: every reader sees them in their own
    language (`selectors.cohorts.case_context_view`)."""
    charter = (
        network.charter_versions.filter(status=CharterStatus.AGREED).order_by("-number").first()
    )
    summary = survey_selectors.survey_summary(network)
    context: dict[str, Any] = {
        "network": network.name,
        "pulled_on": timezone.localdate().isoformat(),
        "phase": {"number": network.phase},
        "charter": None,
        "diagnosis": None,
        "health": None,
    }
    if charter is not None:
        context["charter"] = {
            "version": charter.number,
            "necessity": charter.necessity,
            "shared_interest": charter.shared_interest,
            "values": charter.values,
            "rules": charter.rules,
        }
    if summary.latest_map is not None and summary.latest_map.diagnosis:
        figures = read_diagnosis(summary.latest_map.diagnosis).network
        context["diagnosis"] = {
            "round": summary.latest_map.title,
            "metrics": {key: figures.value(key) for key in survey_texts.NETWORK_METRICS},
        }
    if summary.latest_health is not None:
        context["health"] = {"round": summary.latest_health.title, "bands": summary.health_bands}
    return context


@transaction.atomic
def feedback_give(*, submission: Submission, author: Enrolment, text: str) -> SubmissionFeedback:
    if not can_give_feedback(submission, author):
        raise ValidationError(_("You cannot give feedback on this work."))
    if not submission.is_submitted:
        raise ValidationError(_("Feedback can be given once the work is handed in."))
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write your feedback first.")})
    feedback = SubmissionFeedback(submission=submission, author=author, text=text)
    feedback.full_clean()
    feedback.save()
    notices.feedback_received(feedback)
    return feedback


# -- Skills measurement ---------------------------------------------------------------------


START = "start"
END = "end"


@transaction.atomic
def measurement_start(*, enrolment: Enrolment, which: str) -> SelfAssessment:
    """The participant's self-assessment for the start or the end measurement: the one linked
    already, or a new one on the workspace's default competence framework. It stays the
    participant's own (leader development); the cohort only counts it in figures over k."""
    if enrolment.role != EnrolmentRole.PARTICIPANT:
        raise ValidationError(_("Only participants take the skills measurement."))
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    cohort = enrolment.cohort
    if which == START:
        linked = enrolment.start_assessment
        if linked is None and cohort.start_measurement_closed_at is not None:
            raise ValidationError(_("The start measurement of this cohort is closed."))
    elif which == END:
        linked = enrolment.end_assessment
    else:
        raise ValidationError(_("Unknown measurement."))
    if linked is not None:
        return linked
    if cohort.is_closed:
        raise ValidationError(_("This cohort has ended: the measurement is closed."))
    assessment = assessment_start(
        owner=enrolment.person,
        framework=default_framework_ensure(workspace=cohort.programme.workspace),
        measurement=Measurement.COHORT_START if which == START else Measurement.COHORT_END,
        measured_for=f"{cohort.programme.title} · {cohort.name}"[:200],
    )
    if which == START:
        enrolment.start_assessment = assessment
        enrolment.save(update_fields=["start_assessment"])
    else:
        enrolment.end_assessment = assessment
        enrolment.save(update_fields=["end_assessment"])
    return assessment


@transaction.atomic
def start_measurement_close(*, cohort: Cohort) -> None:
    """Close the start measurement and store its cohort figures (they never move after)."""
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    if cohort.start_measurement_closed_at is None:
        cohort.start_measurement_closed_at = timezone.now()
        cohort.start_figures = measurement.start_figures(cohort)
        cohort.save(update_fields=["start_measurement_closed_at", "start_figures"])


@transaction.atomic
def cohort_close(*, cohort: Cohort) -> None:
    """End the cohort: no more hand-ins, lessons or measurements; the figures are stored and
    the alumni group opens."""
    if cohort.is_closed:
        raise ValidationError(_("This cohort has already ended."))
    start_measurement_close(cohort=cohort)
    cohort.refresh_from_db()
    cohort.status = CohortStatus.CLOSED
    cohort.closed_at = timezone.now()
    cohort.change_figures = measurement.change_figures(cohort)
    cohort.save(update_fields=["status", "closed_at", "change_figures"])
