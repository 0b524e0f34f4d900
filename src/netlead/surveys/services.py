"""Use cases of survey rounds: draft, open and invite, remind, answer, submit, close."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from netlead.accounts.models import User
from netlead.core.errors import AlreadySubmitted
from netlead.core.scales import SCORE, TIE
from netlead.core.tokens import hash_token, new_salt, response_key, token_for
from netlead.core.unlinkable import rewrite_in_random_order
from netlead.networks.models import Network, NetworkMember
from netlead.surveys.models import (
    HEALTH_RESPONSE_PURPOSE,
    SURVEY_LINK_PURPOSE,
    TIE_QUESTIONS,
    DiagnosisStatus,
    HealthAnswer,
    HealthResponse,
    Instrument,
    Introduction,
    RoundStatus,
    SurveyInvitation,
    SurveyRound,
    TieAnswer,
)
from netlead.surveys.rules import (
    HEALTH_ITEMS,
    check_open_for_answers,
    check_suggested_pair,
    check_value,
)


class Incomplete(ValidationError):
    """Submitted with questions still open; `missing` says which: health item keys, or the ids
    (as text) of the members named whose tie lacks a rating."""

    def __init__(self, missing: list[str]) -> None:
        super().__init__(_("Some questions are not answered yet."))
        self.missing = missing


# -- Rounds --------------------------------------------------------------------------------


def round_create(
    *,
    network: Network,
    instrument: str,
    title: str,
    closes_on: date,
    anonymous: bool,
    created_by: User,
) -> SurveyRound:
    if closes_on < timezone.localdate():
        raise ValidationError({"closes_on": _("The closing date cannot be in the past.")})
    survey_round = SurveyRound(
        network=network,
        instrument=instrument,
        title=title,
        closes_on=closes_on,
        anonymous=anonymous,
        created_by=created_by,
    )
    survey_round.full_clean()
    survey_round.save()
    return survey_round


def has_answers(survey_round: SurveyRound) -> bool:
    return (
        survey_round.invitations.filter(started_at__isnull=False).exists()
        or survey_round.health_responses.exists()
        or survey_round.tie_answers.exists()
    )


@transaction.atomic
def round_update(
    *, survey_round: SurveyRound, title: str, closes_on: date, anonymous: bool
) -> SurveyRound:
    """Change title, closing date or anonymity of a round that is not closed. Anonymity
    cannot be switched off once anyone has started to answer: they were promised it."""
    survey_round = SurveyRound.objects.select_for_update().get(pk=survey_round.pk)
    if survey_round.status == RoundStatus.CLOSED:
        raise ValidationError(_("This round is closed and can no longer be changed."))
    if survey_round.anonymous and not anonymous and has_answers(survey_round):
        raise ValidationError(
            {
                "anonymous": _(
                    "Anonymity cannot be switched off: people have already answered "
                    "under the promise of anonymity."
                )
            }
        )
    if closes_on < timezone.localdate():
        raise ValidationError({"closes_on": _("The closing date cannot be in the past.")})
    survey_round.title = title
    survey_round.closes_on = closes_on
    survey_round.anonymous = anonymous
    survey_round.full_clean()
    survey_round.save()
    return survey_round


def _language_of(member: NetworkMember) -> str:
    user = member.person.user
    if user is not None and user.language:
        return user.language
    return member.network.workspace.default_language or settings.LANGUAGE_CODE


@transaction.atomic
def round_open(survey_round: SurveyRound, *, base_url: str) -> int:
    """Open a draft round: invite every current member with an e-mail address. The e-mails go
    out as a background task. Returns how many were invited."""
    from netlead.surveys.tasks import send_invitations  # tasks import services

    survey_round = SurveyRound.objects.select_for_update().get(pk=survey_round.pk)
    if survey_round.status != RoundStatus.DRAFT:
        raise ValidationError(_("This round has already been opened."))
    members = list(
        NetworkMember.objects.current()
        .filter(network_id=survey_round.network_id)
        .exclude(person__email="")
        .select_related("person__user", "network__workspace")
    )
    if not members:
        raise ValidationError(_("No member of this network has an e-mail address to invite."))
    invitations = []
    for member in members:
        salt = new_salt()
        invitations.append(
            SurveyInvitation(
                round=survey_round,
                member=member,
                salt=salt,
                token_hash=hash_token(token_for(salt, SURVEY_LINK_PURPOSE)),
                language=_language_of(member),
            )
        )
    SurveyInvitation.objects.bulk_create(invitations, batch_size=1000)
    survey_round.status = RoundStatus.OPEN
    survey_round.opens_on = timezone.localdate()
    survey_round.opened_at = timezone.now()
    survey_round.save(update_fields=["status", "opens_on", "opened_at"])
    round_id = survey_round.pk
    transaction.on_commit(lambda: send_invitations.enqueue(round_id=round_id, base_url=base_url))
    return len(invitations)


#: A reminder goes to an invitation at most once in this time (a day, give or take a cron's
#: drift), however often it is asked for or its task runs.
REMINDER_GAP = timedelta(hours=20)


def round_remind(survey_round: SurveyRound, *, base_url: str) -> int:
    """Send a reminder to everyone who has not submitted (the task decides who); at most once a
    day. Returns how many will be reminded."""
    from netlead.surveys.tasks import send_reminders

    if not survey_round.accepts_answers:
        raise ValidationError(_("Reminders can only be sent while the round is open."))
    pending = survey_round.invitations.filter(submitted_at__isnull=True)
    since = timezone.now() - REMINDER_GAP
    if pending.filter(reminded_at__gte=since).exists():
        raise ValidationError(_("A reminder was sent less than a day ago."))
    count = pending.count()
    if count:
        round_id = survey_round.pk
        transaction.on_commit(lambda: send_reminders.enqueue(round_id=round_id, base_url=base_url))
    return count


@transaction.atomic
def round_close(survey_round: SurveyRound, *, closed_by: User | None) -> SurveyRound:
    """Close an open round: answers that were never submitted are deleted, the health-check
    responses are written again in a random order (so their rows no longer follow the order
    people answered in: netlead.core.unlinkable), and the diagnosis is computed by a
    background task."""
    from netlead.surveys.tasks import compute_diagnosis

    survey_round = SurveyRound.objects.select_for_update().get(pk=survey_round.pk)
    if survey_round.status != RoundStatus.OPEN:
        raise ValidationError(_("Only an open round can be closed."))
    not_submitted = survey_round.invitations.filter(submitted_at__isnull=True)
    TieAnswer.objects.filter(
        round=survey_round, respondent__in=not_submitted.values("member")
    ).delete()
    survey_round.health_responses.filter(submitted=False).delete()
    rewrite_in_random_order(
        survey_round.health_responses.all(), children=(HealthAnswer, "response")
    )
    survey_round.status = RoundStatus.CLOSED
    survey_round.closed_at = timezone.now()
    survey_round.closed_by = closed_by
    survey_round.previous = (
        SurveyRound.objects.filter(
            network_id=survey_round.network_id,
            instrument=survey_round.instrument,
            status=RoundStatus.CLOSED,
        )
        .exclude(pk=survey_round.pk)
        .order_by("-closed_at")
        .first()
    )
    survey_round.diagnosis_status = DiagnosisStatus.PENDING
    survey_round.save()
    round_id = survey_round.pk
    transaction.on_commit(lambda: compute_diagnosis.enqueue(round_id=round_id))
    return survey_round


# -- Answering -----------------------------------------------------------------------------


def invitation_for_token(token: str) -> SurveyInvitation | None:
    """The invitation behind a link, or None for an unknown token, with its round and network
    (every answering page shows them). Not more: every personal-link request asks this, and
    PostgreSQL plans a join of six tables in about 1.5 ms against 0.2 ms for three, so the
    pages that show the respondent ask for them with `respondent_read`."""
    invitations = SurveyInvitation.objects.select_related("round__network")
    try:
        # get(), not first(): the hash is unique, and an ORDER BY costs every answering page.
        return invitations.get(token_hash=hash_token(token))
    except SurveyInvitation.DoesNotExist:
        return None


def respondent_read(invitation: SurveyInvitation) -> None:
    """Read the member answering with their person and organization, in one query."""
    invitation.member = NetworkMember.objects.select_related("person__organization").get(
        pk=invitation.member_id
    )


def _locked(invitation: SurveyInvitation) -> SurveyInvitation:
    """The invitation read again under the lock that every change to its answers takes, with
    its round read fresh in the same query (the round itself is not locked)."""
    return (
        SurveyInvitation.objects.select_for_update(of=("self",))
        .select_related("round")
        .get(pk=invitation.pk)
    )


@transaction.atomic
def start(invitation: SurveyInvitation, token: str) -> None:
    """The respondent agreed to take part. Relationship rounds start with the ties the
    respondent named last round (to members still in the network), to keep, change or end."""
    invitation = _locked(invitation)
    check_open_for_answers(invitation)
    if invitation.started_at is not None:
        return
    invitation.started_at = timezone.now()
    invitation.save(update_fields=["started_at"])
    survey_round = invitation.round
    if survey_round.instrument == Instrument.HEALTH:
        respondent_read(invitation)
        person = invitation.member.person
        # One statement: a response already made for this link (a second tab) is kept.
        HealthResponse.objects.bulk_create(
            [
                HealthResponse(
                    key_hash=response_key(token, HEALTH_RESPONSE_PURPOSE),
                    round=survey_round,
                    organization=person.organization.name if person.organization else "",
                    layer=person.layer,
                )
            ],
            ignore_conflicts=True,
        )
        return
    previous = (
        SurveyRound.objects.filter(
            network_id=survey_round.network_id,
            instrument=Instrument.RELATIONSHIPS,
            status=RoundStatus.CLOSED,
        )
        .order_by("-closed_at")
        .first()
    )
    if previous is None:
        return
    earlier = list(
        TieAnswer.objects.filter(
            round=previous, respondent__person_id=invitation.member.person_id
        ).select_related("target")
    )
    if not earlier:
        return
    # The same person may have left and rejoined: match by person, not by membership row. Only
    # the people named last round are looked up among this round's thousands of invitations.
    person_to_member = dict(
        survey_round.invitations.filter(
            member__person_id__in={answer.target.person_id for answer in earlier}
        ).values_list("member__person_id", "member_id")
    )
    copies = []
    for answer in earlier:
        target = person_to_member.get(answer.target.person_id)
        if target is None or target == invitation.member_id:
            continue
        copies.append(
            TieAnswer(
                round=survey_round,
                respondent_id=invitation.member_id,
                target_id=target,
                from_previous_round=True,
                **{q: getattr(answer, q) for q in TIE_QUESTIONS},
            )
        )
    TieAnswer.objects.bulk_create(copies, ignore_conflicts=True)


@transaction.atomic
def roster_save(
    invitation: SurveyInvitation,
    *,
    ticked: Iterable[int],
    shown_ticked: Iterable[int],
    not_named: bool,
) -> None:
    """Apply the respondent's roster: members newly ticked become ties, members un-ticked are
    ended. Only the change against what the page showed is applied, so a page left open in
    another tab never undoes answers given since."""
    invitation = _locked(invitation)
    check_open_for_answers(invitation)
    ticked_set, shown_set = set(ticked), set(shown_ticked)
    # Only the people on the form are looked up: a round of thousands has thousands invited.
    on_form = ticked_set | shown_set
    invited = set(
        invitation.round.invitations.filter(member_id__in=on_form).values_list(
            "member_id", flat=True
        )
    )
    outside = on_form - invited
    if outside or invitation.member_id in ticked_set:
        raise ValidationError(_("The list named someone who is not in this survey round."))
    TieAnswer.objects.filter(
        round=invitation.round,
        respondent_id=invitation.member_id,
        target_id__in=shown_set - ticked_set,
    ).delete()
    TieAnswer.objects.bulk_create(
        [
            TieAnswer(round=invitation.round, respondent_id=invitation.member_id, target_id=t)
            for t in ticked_set - shown_set
        ],
        ignore_conflicts=True,
    )
    if invitation.not_named != not_named:
        invitation.not_named = not_named
        invitation.save(update_fields=["not_named"])


def tie_answers_save(
    invitation: SurveyInvitation, answers: Mapping[int, Mapping[str, int | None]]
) -> int:
    """Save ratings: target member id -> {question: 1-4}. Only the questions given are
    written, so partial saves never erase earlier answers. Returns the number of ties saved."""
    check_open_for_answers(invitation)
    for ratings in answers.values():
        for question, value in ratings.items():
            if question not in TIE_QUESTIONS:
                raise ValidationError(_("The form was changed and could not be saved."))
            check_value(value, TIE)
    given = {target: {q: v for q, v in r.items() if v is not None} for target, r in answers.items()}
    given = {target: values for target, values in given.items() if values}
    if not given:
        return 0
    with transaction.atomic():
        # Checked again under the invitation's lock that submit also takes: an autosave that
        # arrives after (or during) the submit never changes a submitted answer.
        check_open_for_answers(_locked(invitation))
        return _ratings_write(invitation, given)


def _ratings_write(invitation: SurveyInvitation, given: Mapping[int, Mapping[str, int]]) -> int:
    """One UPDATE for every person rated: each question takes the value given for its target
    and keeps the stored one where none was given. Written in SQL (the same on PostgreSQL and
    SQLite) because the ORM's Case/When costs about 0.3 ms of CPU per person and question, which
    made a submit of eight people the slowest answering request."""
    quote = connection.ops.quote_name
    table = quote(TieAnswer._meta.db_table)
    names = [quote(question) for question in TIE_QUESTIONS]
    # One SELECT per person (UNION ALL): the same in both databases, and the statement stays
    # an UPDATE, whose row count SQLite reports.
    first = "SELECT %s AS target_id, " + ", ".join(f"CAST(%s AS integer) AS {n}" for n in names)
    other = "SELECT %s, " + ", ".join("CAST(%s AS integer)" for _ in names)
    rows = " UNION ALL ".join([first] + [other] * (len(given) - 1))
    params: list[int | None] = []
    for target, values in given.items():
        params += [int(target), *(values.get(question) for question in TIE_QUESTIONS)]
    changes = ", ".join(f"{name} = COALESCE(given.{name}, {table}.{name})" for name in names)
    sql = (
        f"UPDATE {table} SET {changes} FROM ({rows}) AS given "  # noqa: S608
        f"WHERE {table}.round_id = %s AND {table}.respondent_id = %s "
        f"AND {table}.target_id = given.target_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, invitation.round_id, invitation.member_id])
        return int(cursor.rowcount)


def health_response_for(invitation: SurveyInvitation, token: str) -> HealthResponse | None:
    return HealthResponse.objects.filter(
        round=invitation.round, key_hash=response_key(token, HEALTH_RESPONSE_PURPOSE)
    ).first()


def health_answers_save(
    invitation: SurveyInvitation, token: str, answers: Mapping[str, int]
) -> int:
    """Save health-check answers (item key -> 1-5), one row per statement."""
    _check_health_answers(invitation, answers)
    with transaction.atomic():
        # Under the invitation's lock that submit also takes: an autosave that arrives after
        # (or during) the submit never changes a submitted answer.
        check_open_for_answers(_locked(invitation))
        _health_answers_write(_health_response_to_change(invitation, token), answers)
    return len(answers)


def health_submit(invitation: SurveyInvitation, token: str, answers: Mapping[str, int]) -> None:
    """Save the health check's last answers and submit it, under one lock and one read of the
    response (the submit button carries every statement on the page). When statements are
    still unanswered, the answers given are kept and Incomplete names the rest."""
    _check_health_answers(invitation, answers)
    with transaction.atomic():
        locked = _locked(invitation)
        _check_may_submit(locked)
        response = _health_response_to_change(locked, token)
        _health_answers_write(response, answers)
        missing = set(HEALTH_ITEMS.difference(answers))
        if missing:  # asked only when the page did not carry every statement
            missing -= set(response.answers.filter(item__in=missing).values_list("item", flat=True))
        if not missing:
            # Whether, not when: the invitation's time would pair the two.
            HealthResponse.objects.filter(pk=response.pk).update(submitted=True)
            _mark_submitted(locked)
    # Raised after the transaction, so the answers given are saved.
    if missing:
        raise Incomplete(sorted(missing))


def _check_health_answers(invitation: SurveyInvitation, answers: Mapping[str, int]) -> None:
    check_open_for_answers(invitation)
    for item, value in answers.items():
        if item not in HEALTH_ITEMS:
            raise ValidationError(_("The form was changed and could not be saved."))
        check_value(value, SCORE)


def _health_response_to_change(invitation: SurveyInvitation, token: str) -> HealthResponse:
    """The respondent's anonymous response, read under the invitation's lock."""
    response = health_response_for(invitation, token)
    if response is None:
        raise ValidationError(_("Please start the survey from its first page."))
    if response.submitted:
        raise AlreadySubmitted
    return response


def _health_answers_write(response: HealthResponse, answers: Mapping[str, int]) -> None:
    # One statement for all of them (a submit carries every statement): the invitation's
    # lock keeps a second tab out until this one is done.
    HealthAnswer.objects.bulk_create(
        [
            HealthAnswer(response=response, item=item, value=value)
            for item, value in answers.items()
        ],
        update_conflicts=True,
        unique_fields=["response", "item"],
        update_fields=["value"],
    )


def _missing_ratings(invitation: SurveyInvitation) -> list[str]:
    """The ids (as strings) of the members named whose tie still lacks a rating."""
    unanswered = Q()
    for question in TIE_QUESTIONS:
        unanswered |= Q(**{f"{question}__isnull": True})
    missing = TieAnswer.objects.filter(
        unanswered, round=invitation.round, respondent_id=invitation.member_id
    ).values_list("target_id", flat=True)
    return [str(target) for target in sorted(missing)]


def submit(invitation: SurveyInvitation, token: str) -> None:
    """Submit the answers. A second submit raises AlreadySubmitted and changes nothing;
    unanswered questions raise Incomplete, naming them."""
    if invitation.round.instrument == Instrument.HEALTH:
        health_submit(invitation, token, {})
    else:
        _ratings_submit(invitation)


@transaction.atomic
def _ratings_submit(invitation: SurveyInvitation) -> None:
    locked = _locked(invitation)
    _check_may_submit(locked)
    missing = _missing_ratings(locked)
    if missing:
        raise Incomplete(missing)
    _mark_submitted(locked)


def _check_may_submit(locked: SurveyInvitation) -> None:
    check_open_for_answers(locked)
    if locked.started_at is None:
        raise ValidationError(_("Please start the survey from its first page."))


def _mark_submitted(locked: SurveyInvitation) -> None:
    locked.submitted_at = timezone.now()
    locked.save(update_fields=["submitted_at"])


# -- Introductions -------------------------------------------------------------------------


def introduction_mark(
    survey_round: SurveyRound, *, source: str, target: str, marked_by: User
) -> Introduction:
    """Mark one of the round's weaving suggestions as introduced; marking it again changes
    nothing (a double click, a second tab)."""
    first, second = check_suggested_pair(survey_round, source, target)
    introduction, _created = Introduction.objects.get_or_create(
        round=survey_round, first=first, second=second, defaults={"marked_by": marked_by}
    )
    return introduction


def introduction_unmark(survey_round: SurveyRound, *, source: str, target: str) -> None:
    """Take a mark back (marked by mistake); unmarking an unmarked pair changes nothing."""
    first, second = check_suggested_pair(survey_round, source, target)
    Introduction.objects.filter(round=survey_round, first=first, second=second).delete()
