"""Demo survey rounds: two closed rounds of each survey, a year apart in spirit, in which the
network grew less fragmented and gained ties across organizations; an interim relationship
round in which about half the members answered (its figures are reconstructed and carry a
warning; the network itself hardly changed); and one open round."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from netlead.core.tokens import hash_token, new_salt, response_key, token_for
from netlead.core.unlinkable import rewrite_in_random_order
from netlead.frameworks.instruments import health_check
from netlead.networks.models import Network, NetworkMember
from netlead.surveys import diagnosis
from netlead.surveys.models import (
    HEALTH_RESPONSE_PURPOSE,
    SURVEY_LINK_PURPOSE,
    HealthAnswer,
    HealthResponse,
    Instrument,
    RoundStatus,
    SurveyInvitation,
    SurveyRound,
    TieAnswer,
)

# Members who keep to their own organization in the first round and reach out in the second.
LATE_BRIDGERS = ("Kevin Bos", "Youssef Benali", "Naomi Kramer", "Priya Ramdin")
# An organization that only works inside itself in the first round: the network falls apart.
ISOLATED_AT_FIRST = "Sportvereniging Vooruit"
# The interim round: about this share answered; the network itself stayed as it was.
INTERIM_TITLE = "Tussenmeting winter"
INTERIM_RESPONSE = 0.5
# The demo member answers the open round themself; the leader has not answered yet.
NOT_YET = ("Anouk de Vries", "Sanne Bakker")


def _moment(days_ago: int) -> datetime:
    return timezone.now() - timedelta(days=days_ago)


def _round(network: Network, instrument: str, title: str, days_ago: int) -> SurveyRound:
    opened = _moment(days_ago + 21)
    return SurveyRound.objects.create(
        network=network,
        instrument=instrument,
        title=title,
        opens_on=opened.date(),
        closes_on=_moment(days_ago).date(),
        status=RoundStatus.OPEN,
        created_at=opened,
        opened_at=opened,
    )


def _invite(survey_round: SurveyRound, members: list[NetworkMember]) -> dict[int, SurveyInvitation]:
    invitations = {}
    for member in members:
        salt = new_salt()
        invitations[member.pk] = SurveyInvitation.objects.create(
            round=survey_round,
            member=member,
            salt=salt,
            token_hash=hash_token(token_for(salt, SURVEY_LINK_PURPOSE)),
            language="nl",
            sent_at=survey_round.opened_at,
            started_at=survey_round.opened_at,
        )
    return invitations


def _submit(invitation: SurveyInvitation, when: datetime) -> None:
    invitation.submitted_at = when
    invitation.save(update_fields=["submitted_at"])


def _close(survey_round: SurveyRound, previous: SurveyRound | None) -> None:
    survey_round.status = RoundStatus.CLOSED
    survey_round.closed_at = timezone.make_aware(
        datetime.combine(survey_round.closes_on, datetime.min.time())
    )
    survey_round.previous = previous
    survey_round.save()
    diagnosis.compute(survey_round)


def _ties(
    rng: random.Random,
    members: list[NetworkMember],
    respondent: NetworkMember,
    earlier: set[int] | None,
) -> list[TieAnswer]:
    """Ties of one respondent. In a later round (``earlier`` holds the ties named before),
    most ties are kept and new ones reach across organizations."""
    later = earlier is not None
    own = respondent.person.organization_id
    answers = []
    for other in members:
        if other.pk == respondent.pk:
            continue
        same = other.person.organization_id == own
        bridging = respondent.person.name in LATE_BRIDGERS or other.person.name in LATE_BRIDGERS
        isolated = ISOLATED_AT_FIRST in (
            respondent.person.organization.name if respondent.person.organization else "",
            other.person.organization.name if other.person.organization else "",
        )
        if earlier is not None and other.pk in earlier:
            chance = 0.85
        elif later:
            chance = 0.05 if same else (0.12 if bridging or isolated else 0.04)
        elif same:
            chance = 0.55
        elif bridging or isolated:
            continue
        else:
            chance = 0.35 if respondent.role in ("leader", "co_driver") else 0.05
        if rng.random() >= chance:
            continue
        trust_base = 3 if same or later else 2
        answers.append(
            TieAnswer(
                respondent=respondent,
                target=other,
                frequency=rng.choice((2, 3, 4) if same else (1, 2, 2, 3)),
                reliability=min(4, trust_base + rng.choice((0, 0, 1))),
                mission=min(4, trust_base + rng.choice((0, 1, 1))),
                openness=min(4, trust_base + rng.choice((-1, 0, 1))),
                influence=rng.choice((2, 3, 3, 4)),
                involvement=rng.choice((2, 3, 4)),
                resources=rng.choice((1, 2, 3, 3)),
            )
        )
    return answers


def _relationship_round(
    network: Network,
    members: list[NetworkMember],
    title: str,
    days_ago: int,
    previous: SurveyRound | None,
) -> SurveyRound:
    rng = random.Random(f"{title}")  # noqa: S311 (demo data)
    survey_round = _round(network, Instrument.RELATIONSHIPS, title, days_ago)
    invitations = _invite(survey_round, members)
    named: dict[int, set[int]] = {}
    if previous is not None:
        for respondent, target in previous.tie_answers.values_list("respondent_id", "target_id"):
            named.setdefault(respondent, set()).add(target)
    answers = []
    for member in members:
        if rng.random() < 0.12:  # some never answer
            continue
        earlier = None if previous is None else named.get(member.pk, set())
        for answer in _ties(rng, members, member, earlier):
            answer.round = survey_round
            answers.append(answer)
        _submit(invitations[member.pk], _moment(days_ago + rng.randint(1, 20)))
    TieAnswer.objects.bulk_create(answers)
    return survey_round


def _named(survey_round: SurveyRound) -> dict[int, set[int]]:
    """Respondent member id -> the member ids they named in the round."""
    named: dict[int, set[int]] = {}
    for respondent, target in survey_round.tie_answers.values_list("respondent_id", "target_id"):
        named.setdefault(respondent, set()).add(target)
    return named


def _interim_round(
    network: Network, members: list[NetworkMember], previous: SurveyRound, days_ago: int
) -> SurveyRound:
    """A round in which about half answered, of a network that stayed as it was: each member
    keeps nearly all the ties they named in the previous round; a member who did not answer it
    has ties drawn as that round drew them. Only what respondents name is stored, as in a real
    round."""
    rng = random.Random(INTERIM_TITLE)  # noqa: S311 (demo data)
    survey_round = _round(network, Instrument.RELATIONSHIPS, INTERIM_TITLE, days_ago)
    invitations = _invite(survey_round, members)
    answered_before = set(
        previous.invitations.filter(submitted_at__isnull=False).values_list("member_id", flat=True)
    )
    named = _named(previous)
    earlier = _named(previous.previous) if previous.previous is not None else {}
    ties: dict[int, set[int]] = {}
    for member in members:
        if member.pk in answered_before:
            ties[member.pk] = named.get(member.pk, set())
        else:  # as the previous round would have drawn them
            drawn = _ties(rng, members, member, earlier.get(member.pk, set()))
            ties[member.pk] = {answer.target.pk for answer in drawn}
    by_pk = {m.pk: m for m in members}
    answering = {m.pk for m in rng.sample(members, round(INTERIM_RESPONSE * len(members)))}
    answers = []
    for member in members:
        if member.pk not in answering:
            continue
        for target in sorted(ties[member.pk]):
            if rng.random() < 0.04 or target not in by_pk:  # a few ties end
                continue
            same = by_pk[target].person.organization_id == member.person.organization_id
            answers.append(
                TieAnswer(
                    round=survey_round,
                    respondent=member,
                    target=by_pk[target],
                    frequency=rng.choice((2, 3, 4) if same else (1, 2, 2, 3)),
                    reliability=min(4, 3 + rng.choice((0, 0, 1))),
                    mission=min(4, 3 + rng.choice((0, 1, 1))),
                    openness=min(4, 3 + rng.choice((-1, 0, 1))),
                    influence=rng.choice((2, 3, 3, 4)),
                    involvement=rng.choice((2, 3, 4)),
                    resources=rng.choice((1, 2, 3, 3)),
                )
            )
        _submit(invitations[member.pk], _moment(days_ago + rng.randint(1, 20)))
    TieAnswer.objects.bulk_create(answers)
    return survey_round


def _health_round(
    network: Network, members: list[NetworkMember], title: str, days_ago: int, lift: float
) -> SurveyRound:
    rng = random.Random(f"{title}")  # noqa: S311 (demo data)
    survey_round = _round(network, Instrument.HEALTH, title, days_ago)
    invitations = _invite(survey_round, members)
    # Where this network starts: open talk and commitment are fine, results and resources less.
    centre = {
        "free_space": 3.6,
        "flexibility": 3.1,
        "commitment": 3.8,
        "feedback": 2.7,
        "shared_purpose": 3.5,
        "results_clarity": 2.6,
        "trust": 3.4,
        "communication": 3.0,
        "leadership": 3.7,
        "resources": 2.5,
    }
    for member in members:
        if rng.random() < 0.15:
            continue
        person = member.person
        token = token_for(invitations[member.pk].salt, SURVEY_LINK_PURPOSE)
        response = HealthResponse.objects.create(
            round=survey_round,
            key_hash=response_key(token, HEALTH_RESPONSE_PURPOSE),
            organization=person.organization.name if person.organization else "",
            layer=person.layer,
            submitted=True,
        )
        rows = []
        for item in health_check("en").items:
            score = centre[item.dimension] + lift + rng.gauss(0, 0.7)
            value = max(1, min(5, round(score)))
            rows.append(
                HealthAnswer(
                    response=response, item=item.key, value=6 - value if item.reverse else value
                )
            )
        HealthAnswer.objects.bulk_create(rows)
        _submit(invitations[member.pk], _moment(days_ago + 2))
    # As closing a round does: the rows no longer follow the members' order.
    rewrite_in_random_order(
        survey_round.health_responses.all(), children=(HealthAnswer, "response")
    )
    return survey_round


@transaction.atomic
def load_surveys(network: Network) -> None:
    """Two closed rounds of each survey, an interim relationship round closed at about half
    response, and one open relationship round; only once."""
    if network.survey_rounds.exists():
        return
    members = list(network.members.current().select_related("person__organization").order_by("pk"))
    first = _relationship_round(network, members, "Netwerkmeting voorjaar", 300, None)
    _close(first, None)
    second = _relationship_round(network, members, "Netwerkmeting najaar", 60, first)
    _close(second, first)
    interim = _interim_round(network, members, second, 25)
    _close(interim, second)
    health_first = _health_round(network, members, "Gezondheidscheck voorjaar", 290, 0.0)
    _close(health_first, None)
    health_second = _health_round(network, members, "Gezondheidscheck najaar", 55, 0.45)
    _close(health_second, health_first)

    open_round = SurveyRound.objects.create(
        network=network,
        instrument=Instrument.RELATIONSHIPS,
        title="Netwerkmeting winter",
        opens_on=timezone.localdate() - timedelta(days=5),
        closes_on=timezone.localdate() + timedelta(days=16),
        status=RoundStatus.OPEN,
        opened_at=_moment(5),
    )
    invitations = _invite(open_round, members)
    rng = random.Random("open round")  # noqa: S311 (demo data)
    named: dict[int, set[int]] = {}
    for respondent, target in second.tie_answers.values_list("respondent_id", "target_id"):
        named.setdefault(respondent, set()).add(target)
    answers = []
    for member in members:
        invitation = invitations[member.pk]
        if member.person.name in NOT_YET or rng.random() < 0.6:
            invitation.started_at = None
            invitation.save(update_fields=["started_at"])
            continue
        for answer in _ties(rng, members, member, named.get(member.pk, set())):
            answer.round = open_round
            answers.append(answer)
        _submit(invitation, _moment(rng.randint(0, 4)))
    TieAnswer.objects.bulk_create(answers)
