"""The surveys app's part of the privacy rights (see netlead.privacy.parts).

A copy holds the person's own invitations, the ties and ratings they gave, their health answers
as long as their link still finds them, and the trust and value they received as their results
page shows them (over at least k raters). Erasure deletes their invitations and every tie to or
from them, so future analyses leave them out; stored results of closed rounds are not touched,
and health answers, which carry no link to anyone once the invitation is gone, stay in the
counts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netlead.accounts.models import User
from netlead.core.tokens import token_for
from netlead.privacy.parts import Line, Table, count_line, retire_tokens, table
from netlead.surveys.models import (
    SURVEY_LINK_PURPOSE,
    TIE_QUESTIONS,
    DiagnosisStatus,
    HealthResponse,
    Instrument,
    RoundStatus,
    SurveyInvitation,
    SurveyRound,
    TieAnswer,
)
from netlead.surveys.readmodels import UnknownSchema, read_member_ratings
from netlead.surveys.services import health_response_for
from netlead.workspaces.models import Person


def _health_answers(persons: Sequence[Person]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    invitations = SurveyInvitation.objects.filter(
        member__person__in=persons, round__instrument=Instrument.HEALTH, started_at__isnull=False
    ).select_related("round__network")
    for invitation in invitations.order_by("pk"):
        response = health_response_for(invitation, token_for(invitation.salt, SURVEY_LINK_PURPOSE))
        if response is None:
            continue
        for item, value in response.answers.order_by("item").values_list("item", "value"):
            rows.append(
                {
                    "network": invitation.round.network.name,
                    "round": invitation.round.title,
                    "item": item,
                    "value": value,
                    "submitted": response.submitted,
                }
            )
    return rows


def _received(persons: Sequence[Person]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    rounds = (
        SurveyRound.objects.filter(
            instrument=Instrument.RELATIONSHIPS,
            diagnosis__isnull=False,
            invitations__member__person__in=persons,
        )
        .distinct()
        .select_related("network")
        .order_by("pk")
    )
    for survey_round in rounds:
        if survey_round.diagnosis is None:
            continue
        for person in persons:
            try:
                found = read_member_ratings(survey_round.diagnosis, str(person.pk))
            except (UnknownSchema, KeyError, TypeError):
                found = None
            if found is not None:
                rows.append(
                    {
                        "network": survey_round.network.name,
                        "round": survey_round.title,
                        "raters": found.raters,
                        "trust": found.trust,
                        "value": found.value,
                        "held_back": found.suppressed or "",
                    }
                )
    return rows


def data_of(user: User, persons: Sequence[Person]) -> list[Table]:
    return [
        table(
            "surveys_invitations",
            gettext_lazy("Your personal survey links (without the link itself)."),
            SurveyInvitation.objects.filter(member__person__in=persons),
            [
                "round__network__name",
                "round__title",
                "round__instrument",
                "sent_at",
                "started_at",
                "submitted_at",
                "not_named",
            ],
        ),
        table(
            "surveys_ties_given",
            gettext_lazy("Your answers in relationship surveys: whom you named and your ratings."),
            TieAnswer.objects.filter(respondent__person__in=persons),
            ["round__title", "target__person__name", *TIE_QUESTIONS],
        ),
        table(
            "surveys_health_answers",
            gettext_lazy("Your answers in health checks, while your link still finds them."),
            _health_answers(persons),
            labels={
                "network": gettext_lazy("network"),
                "round": gettext_lazy("survey round"),
                "item": gettext_lazy("statement"),
                "value": gettext_lazy("your answer (1 to 5)"),
                "submitted": gettext_lazy("submitted"),
            },
        ),
        table(
            "surveys_ratings_received",
            gettext_lazy(
                "The trust and value others gave you, as averages over at least k raters "
                "(as your results page shows them)."
            ),
            _received(persons),
            labels={
                "network": gettext_lazy("network"),
                "round": gettext_lazy("survey round"),
                "raters": gettext_lazy("raters"),
                "trust": gettext_lazy("mean trust (1 to 4)"),
                "value": gettext_lazy("mean value (1 to 4)"),
                "held_back": gettext_lazy("why the means are held back, if they are"),
            },
        ),
    ]


def _ties(person: Person) -> Any:
    return TieAnswer.objects.filter(Q(respondent__person=person) | Q(target__person=person))


def erasure_of(person: Person) -> list[Line]:
    return [
        count_line(_("Survey links"), SurveyInvitation.objects.filter(member__person=person)),
        count_line(_("Survey answers about ties to and from this person"), _ties(person)),
        count_line(
            _("Stored results of closed survey rounds, unchanged"),
            SurveyRound.objects.filter(
                diagnosis__isnull=False, invitations__member__person=person
            ).distinct(),
            kept=True,
        ),
    ]


def erase(person: Person) -> None:
    _ties(person).delete()
    SurveyInvitation.objects.filter(member__person=person).delete()
    if person.user_id:
        rounds = SurveyRound.objects.filter(network__workspace_id=person.workspace_id)
        rounds.filter(created_by_id=person.user_id).update(created_by=None)
        rounds.filter(closed_by_id=person.user_id).update(closed_by=None)


def apply_retention(workspace_id: int, closed_before: datetime) -> int:
    """For the rounds of the workspace closed before `closed_before` with their results stored:
    delete the raw answers (ties and health answers) and switch off the links. The latest
    closed round of each network and survey keeps its answers, as the next round compares with
    them. Returns the number of answers deleted."""
    rounds = SurveyRound.objects.filter(
        network__workspace_id=workspace_id,
        status=RoundStatus.CLOSED,
        closed_at__lt=closed_before,
        diagnosis_status=DiagnosisStatus.READY,
    )
    retire_tokens(SurveyInvitation.objects.filter(round__in=rounds))
    latest = {
        (network, instrument): pk
        for pk, network, instrument in SurveyRound.objects.filter(
            network__workspace_id=workspace_id, status=RoundStatus.CLOSED
        )
        .order_by("closed_at", "pk")
        .values_list("pk", "network_id", "instrument")
    }
    old = rounds.exclude(pk__in=list(latest.values()))
    deleted, _per_model = TieAnswer.objects.filter(round__in=old).delete()
    health, _per_model = HealthResponse.objects.filter(round__in=old).delete()
    return deleted + health
