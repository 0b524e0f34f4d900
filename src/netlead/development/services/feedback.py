"""Observer feedback: a leader's request, the observers' invitations and their answers."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import partial

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netlead.core.errors import AlreadySubmitted
from netlead.core.tokens import hash_token, new_salt, response_key
from netlead.core.unlinkable import rewrite_in_random_order
from netlead.development.links import observer_token
from netlead.development.models import (
    OBSERVER_RESPONSE_PURPOSE,
    Competence,
    FeedbackRequest,
    ObserverInvitation,
    ObserverResponse,
    SelfAssessment,
)
from netlead.development.rules import check_closes_on, check_not_own_observer, check_scores
from netlead.development.tasks import send_observer_invitation, send_observer_reminder
from netlead.workspaces.models import Person


def feedback_request_create(
    *, owner: Person, assessment: SelfAssessment, title: str, message: str, closes_on: date
) -> FeedbackRequest:
    if assessment.owner_id != owner.pk:
        raise ValidationError(_("Choose one of your own self-assessments."))
    check_closes_on(closes_on, today=timezone.localdate())
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


@transaction.atomic
def observers_invite(
    *,
    request: FeedbackRequest,
    observers: list[tuple[str, str]],
    group: str,
    language: str,
    base_url: str,
) -> list[ObserverInvitation]:
    """Invite several observers (name, e-mail) of one group: all of them, or, when one cannot
    be invited, none (the message names the observer); the e-mails go out after commit."""
    invited = []
    for name, email in observers:
        try:
            invited.append(
                observer_invite(
                    request=request,
                    name=name,
                    email=email,
                    group=group,
                    language=language,
                    base_url=base_url,
                )
            )
        except ValidationError as error:
            raise ValidationError(
                _("%(name)s: %(problem)s Nobody was invited.")
                % {"name": name, "problem": " ".join(error.messages)}
            ) from None
    return invited


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
    email = email.strip()
    owner_emails = [request.owner.email]
    if request.owner.user is not None:
        owner_emails.append(request.owner.user.email)
    check_not_own_observer(email, owner_emails=owner_emails)
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
    )
    invitation.token_hash = hash_token(observer_token(invitation))
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


def observer_resend(*, invitation: ObserverInvitation, base_url: str) -> None:
    """Send one observer their link again (they lost the e-mail), after commit. The task skips
    an observer who answered, so the leader learns nothing about who did."""
    if not invitation.request.accepts_answers:
        raise ValidationError(_("This request has closed; start a new one to ask for more."))
    invitation_id = invitation.pk
    transaction.on_commit(
        lambda: send_observer_reminder.enqueue(invitation_id=invitation_id, base_url=base_url)
    )


def observers_remind(*, request: FeedbackRequest, base_url: str) -> None:
    """Remind every observer of the request who has not answered yet, after commit."""
    if not request.accepts_answers:
        raise ValidationError(_("This request has closed; start a new one to ask for more."))
    ids = list(request.invitations.filter(has_answered=False).values_list("pk", flat=True))
    for invitation_id in ids:
        transaction.on_commit(
            partial(send_observer_reminder.enqueue, invitation_id=invitation_id, base_url=base_url)
        )


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
) -> None:
    """Store an observer's answers once. The response carries the group, not the observer;
    nothing is returned, so no caller can keep the answer and the invitation together."""
    # One answer of a request at a time: each writes all of the request's responses again.
    request = (
        FeedbackRequest.objects.select_for_update(of=("self",))
        .select_related("assessment")
        .get(pk=invitation.request_id)
    )
    locked = ObserverInvitation.objects.select_for_update().filter(pk=invitation.pk)
    if locked.values_list("has_answered", flat=True).get():
        raise AlreadySubmitted
    if not request.accepts_answers:
        raise ValidationError(_("This feedback request has closed."))
    competences = Competence.objects.filter(framework_id=request.assessment.framework_id)
    keys = set(competences.values_list("key", flat=True))
    if set(scores) != keys:
        raise ValidationError(_("Give every competence a score."))
    check_scores(scores.values())
    response = ObserverResponse(
        request=request,
        response_key=response_key(token, OBSERVER_RESPONSE_PURPOSE),
        group=invitation.group,
        shown_alone=shown_alone and invitation.group == "manager",
        scores=dict(scores),
        strengths=strengths.strip(),
        development=development.strip(),
    )
    # Not validated here (three queries): the request was just read, and the response's
    # keys are unique in the database.
    response.full_clean(exclude=["request"], validate_unique=False)
    response.save()
    # The request's responses again in a random order, so the newest is not the last row.
    rewrite_in_random_order(request.responses.all())
    locked.update(has_answered=True)
