"""Use cases of leader development. Every function takes the owner (the leader's person) or an
object already reached through the owner, so nothing here can touch another leader's data."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from netlead.accounts.models import User
from netlead.core.errors import AlreadySubmitted
from netlead.core.scales import SCORE
from netlead.core.tokens import hash_token, new_salt, response_key, token_for
from netlead.development.models import (
    OBSERVER_LINK_PURPOSE,
    OBSERVER_RESPONSE_PURPOSE,
    Competence,
    CompetenceFramework,
    CompetenceScore,
    Contact,
    DevelopmentGoal,
    DevelopmentProfile,
    FeedbackRequest,
    JournalEntry,
    NetworkAudit,
    NetworkKind,
    NetworkSnapshot,
    ObserverInvitation,
    ObserverResponse,
    PlanAction,
    ProgressNote,
    SelfAssessment,
)
from netlead.frameworks import competences as default_content
from netlead.workspaces.models import Person, Workspace

DEFAULT_FRAMEWORK_KEY = "network_leader"
MAX_OWN_COMPETENCES = 12


# -- Frameworks ----------------------------------------------------------------------------


def default_framework(workspace: Workspace) -> CompetenceFramework:
    """The workspace's copy of netlead's default framework (its rows; texts stay in the data
    file). Created on first use, and topped up when the data file gains a competence."""
    data = default_content.competence_framework_data()
    framework, _created = CompetenceFramework.objects.get_or_create(
        workspace=workspace, key=DEFAULT_FRAMEWORK_KEY, defaults={"is_default": True}
    )
    known = set(framework.competences.values_list("key", flat=True))
    missing = [c for c in data["competence"] if c["key"] not in known]
    if missing:
        Competence.objects.bulk_create(
            Competence(framework=framework, key=c["key"], number=int(c["number"])) for c in missing
        )
    return framework


@dataclass(frozen=True)
class OwnCompetence:
    name: str
    description: str
    question_1: str
    question_2: str


@transaction.atomic
def framework_create(
    *,
    workspace: Workspace,
    creator: User,
    title: str,
    intro: str,
    language: str,
    competences: Sequence[OwnCompetence],
) -> CompetenceFramework:
    """A workspace's own framework, written in `language` (shown in that language to all)."""
    if not 3 <= len(competences) <= MAX_OWN_COMPETENCES:
        raise ValidationError(
            _("A framework needs between 3 and %(max)d competences.") % {"max": MAX_OWN_COMPETENCES}
        )
    names = [c.name.strip().casefold() for c in competences]
    if len(set(names)) != len(names):
        raise ValidationError(_("Two competences have the same name."))
    base = slugify(title)[:50] or "framework"
    key, n = base, 1
    while workspace.competence_frameworks.filter(key=key).exists():
        n += 1
        key = f"{base}-{n}"
    framework = CompetenceFramework(
        workspace=workspace,
        key=key,
        title={language: title},
        intro={language: intro} if intro else {},
        created_by=creator,
    )
    framework.full_clean()
    framework.save()
    Competence.objects.bulk_create(
        Competence(
            framework=framework,
            key=f"c{number}",
            number=number,
            texts={
                "name": {language: c.name},
                "description": {language: c.description},
                "behaviours": {},
                "questions": [{language: c.question_1}, {language: c.question_2}],
            },
        )
        for number, c in enumerate(competences, start=1)
    )
    return framework


# -- Profile ---------------------------------------------------------------------------------


def profile_for(owner: Person) -> DevelopmentProfile:
    profile, _created = DevelopmentProfile.objects.get_or_create(owner=owner)
    return profile


def profile_update(*, owner: Person, report_shared: bool, stale_after_days: int) -> None:
    profile = profile_for(owner)
    profile.report_shared = report_shared
    profile.stale_after_days = stale_after_days
    profile.full_clean()
    profile.save(update_fields=["report_shared", "stale_after_days"])


# -- Self-assessment -------------------------------------------------------------------------


@transaction.atomic
def assessment_start(*, owner: Person, framework: CompetenceFramework) -> SelfAssessment:
    if framework.workspace_id != owner.workspace_id:
        raise ValidationError(_("Choose a framework of this workspace."))
    assessment = SelfAssessment.objects.create(owner=owner, framework=framework)
    CompetenceScore.objects.bulk_create(
        CompetenceScore(assessment=assessment, competence=c) for c in framework.competences.all()
    )
    return assessment


@dataclass(frozen=True)
class ScoreInput:
    score: int | None
    reflection_1: str = ""
    reflection_2: str = ""


@transaction.atomic
def assessment_save(
    *, assessment: SelfAssessment, answers: Mapping[int, ScoreInput], complete: bool
) -> SelfAssessment:
    """Save scores and reflections (keyed by competence id). Completing needs a score for every
    competence; a completed assessment can still be corrected, but not emptied."""
    assessment = SelfAssessment.objects.select_for_update().get(pk=assessment.pk)
    rows = {row.competence_id: row for row in assessment.scores.all()}
    unknown = set(answers) - set(rows)
    if unknown:
        raise ValidationError(_("The form was changed and could not be saved."))
    for competence_id, answer in answers.items():
        if answer.score is not None and answer.score not in SCORE:
            raise ValidationError(_("A score must be between 1 and 5."))
        row = rows[competence_id]
        row.score = answer.score
        row.reflection_1 = answer.reflection_1.strip()
        row.reflection_2 = answer.reflection_2.strip()
    must_be_complete = complete or assessment.is_complete
    if must_be_complete and any(row.score is None for row in rows.values()):
        raise ValidationError(_("Give every competence a score to complete the assessment."))
    CompetenceScore.objects.bulk_update(
        list(rows.values()), ["score", "reflection_1", "reflection_2"]
    )
    if complete and not assessment.is_complete:
        assessment.completed_at = timezone.now()
        assessment.save(update_fields=["completed_at"])
    return assessment


# -- Observer feedback -----------------------------------------------------------------------


def feedback_request_create(
    *, owner: Person, assessment: SelfAssessment, title: str, message: str, closes_on: date
) -> FeedbackRequest:
    if assessment.owner_id != owner.pk:
        raise ValidationError(_("Choose one of your own self-assessments."))
    if closes_on < timezone.localdate():
        raise ValidationError(_("The closing date cannot be in the past."))
    request = FeedbackRequest(
        owner=owner, assessment=assessment, title=title, message=message, closes_on=closes_on
    )
    request.full_clean()
    request.save()
    return request


def feedback_request_close(*, request: FeedbackRequest) -> None:
    """End answering early; the report opens (unsent links then say the request has closed)."""
    if request.closed_at is None:
        request.closed_at = timezone.now()
        request.save(update_fields=["closed_at"])


def observer_token(invitation: ObserverInvitation) -> str:
    return token_for(invitation.salt, OBSERVER_LINK_PURPOSE)


def observer_invite(
    *,
    request: FeedbackRequest,
    name: str,
    email: str,
    group: str,
    language: str,
    base_url: str,
) -> ObserverInvitation:
    """Invite one observer; the e-mail with their personal link goes out after commit."""
    from netlead.development.tasks import send_observer_invitation  # tasks import services

    email = email.strip()
    owner_emails = {request.owner.email.casefold()}
    if request.owner.user is not None:
        owner_emails.add(request.owner.user.email.casefold())
    if email.casefold() in owner_emails:
        raise ValidationError(
            _("You cannot be your own observer: your own view is your self-assessment.")
        )
    if not request.accepts_answers:
        raise ValidationError(_("This request has closed; start a new one to ask for more."))
    if request.invitations.filter(email__iexact=email).exists():
        raise ValidationError(
            _("%(email)s has already been invited to this request.") % {"email": email}
        )
    salt = new_salt()
    invitation = ObserverInvitation(
        request=request,
        name=name.strip(),
        email=email,
        group=group,
        language=language,
        salt=salt,
        token_hash=hash_token(token_for(salt, OBSERVER_LINK_PURPOSE)),
    )
    invitation.full_clean()
    try:
        with transaction.atomic():
            invitation.save()
    except IntegrityError:  # the same address, added at the same moment in another tab
        raise ValidationError(
            _("%(email)s has already been invited to this request.") % {"email": email}
        ) from None
    invitation_id = invitation.pk
    transaction.on_commit(
        lambda: send_observer_invitation.enqueue(invitation_id=invitation_id, base_url=base_url)
    )
    return invitation


def observer_invitation_for_token(token: str) -> ObserverInvitation | None:
    return (
        ObserverInvitation.objects.select_related(
            "request__owner__workspace", "request__assessment__framework"
        )
        .filter(token_hash=hash_token(token))
        .first()
    )


@transaction.atomic
def observer_submit(
    *,
    invitation: ObserverInvitation,
    token: str,
    scores: Mapping[str, int],
    strengths: str,
    development: str,
    shown_alone: bool,
) -> ObserverResponse:
    """Store an observer's answers once. The response carries the group, not the observer."""
    invitation = ObserverInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.submitted_at is not None:
        raise AlreadySubmitted
    request = invitation.request
    if not request.accepts_answers:
        raise ValidationError(_("This feedback request has closed."))
    keys = set(request.assessment.framework.competences.values_list("key", flat=True))
    if set(scores) != keys:
        raise ValidationError(_("Give every competence a score."))
    if any(v not in SCORE for v in scores.values()):
        raise ValidationError(_("A score must be between 1 and 5."))
    response = ObserverResponse(
        request=request,
        response_key=response_key(token, OBSERVER_RESPONSE_PURPOSE),
        group=invitation.group,
        shown_alone=shown_alone and invitation.group == "manager",
        scores=dict(scores),
        strengths=strengths.strip(),
        development=development.strip(),
        # Not when it was given (that could be matched to the invitation's answer date):
        # every response of a request carries the day the request was made.
        submitted_at=request.created_at.replace(hour=0, minute=0, second=0, microsecond=0),
    )
    response.full_clean()
    response.save()
    invitation.submitted_at = timezone.now()
    invitation.save(update_fields=["submitted_at"])
    return response


# -- Development plan ------------------------------------------------------------------------


def _check_competence(owner: Person, competence: Competence | None) -> None:
    if competence is not None and competence.framework.workspace_id != owner.workspace_id:
        raise ValidationError(_("Choose a competence of this workspace."))


def goal_save(*, owner: Person, goal: DevelopmentGoal) -> DevelopmentGoal:
    goal.owner = owner
    _check_competence(owner, goal.competence)
    goal.full_clean()
    goal.save()
    return goal


def action_save(
    *, goal: DevelopmentGoal, action: PlanAction, contacts: Sequence[Contact] = ()
) -> PlanAction:
    if any(c.owner_id != goal.owner_id for c in contacts):
        raise ValidationError(_("Choose people from your own network."))
    action.goal = goal
    action.full_clean()
    with transaction.atomic():
        action.save()
        action.contacts.set(contacts)
    return action


def action_mark(*, action: PlanAction, done: bool) -> None:
    action.done_on = timezone.localdate() if done else None
    action.save(update_fields=["done_on"])


def note_add(*, goal: DevelopmentGoal, text: str, written_on: date | None = None) -> ProgressNote:
    note = ProgressNote(goal=goal, text=text.strip(), written_on=written_on or timezone.localdate())
    note.full_clean()
    note.save()
    return note


# -- Journal ---------------------------------------------------------------------------------


def journal_save(*, owner: Person, entry: JournalEntry) -> JournalEntry:
    entry.owner = owner
    _check_competence(owner, entry.competence)
    if entry.action is not None and entry.action.goal.owner_id != owner.pk:
        raise ValidationError(_("Choose one of your own plan actions."))
    if (
        entry.meeting is not None
        and not entry.meeting.network.members.current().filter(person=owner).exists()
    ):
        raise ValidationError(_("Choose a meeting of a network you are a member of."))
    entry.full_clean()
    entry.save()
    return entry


def journal_delete(*, entry: JournalEntry) -> None:
    entry.delete()


# -- Personal network ------------------------------------------------------------------------


def contact_save(*, owner: Person, contact: Contact) -> Contact:
    contact.owner = owner
    contact.name = contact.name.strip()
    if not contact.name:
        raise ValidationError({"name": _("Give the contact a name or an alias.")})
    contact.full_clean()
    contact.save()
    return contact


def contact_delete(*, contact: Contact) -> None:
    contact.delete()


@transaction.atomic
def audit_save(*, owner: Person, ratings: Mapping[str, tuple[int, int]]) -> None:
    """Importance and current quality (1-5 each) per network kind."""
    for kind, (importance, quality) in ratings.items():
        if kind not in NetworkKind.values:
            raise ValidationError(_("Unknown network."))
        if importance not in SCORE or quality not in SCORE:
            raise ValidationError(_("Ratings must be between 1 and 5."))
    for kind, (importance, quality) in ratings.items():
        NetworkAudit.objects.update_or_create(
            owner=owner,
            kind=kind,
            defaults={"importance": importance, "quality": quality, "updated_at": timezone.now()},
        )


def snapshot_take(*, owner: Person, summary: dict[str, Any]) -> NetworkSnapshot:
    """Keep today's summary (one per day: a second snapshot on the same day replaces it)."""
    today = timezone.localdate()
    with transaction.atomic():
        NetworkSnapshot.objects.filter(owner=owner, taken_on=today).delete()
        return NetworkSnapshot.objects.create(owner=owner, taken_on=today, summary=summary)
