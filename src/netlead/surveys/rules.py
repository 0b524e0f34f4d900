"""The surveys app's pure checks (no queries), shared by services, selectors and views."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from netlead.core.errors import AlreadySubmitted
from netlead.core.scales import Scale
from netlead.frameworks.instruments import health_check
from netlead.surveys.models import SurveyInvitation, SurveyRound
from netlead.surveys.readmodels import read_diagnosis

#: The statements of the health check, by key (the same in every language).
HEALTH_ITEMS = frozenset(item.key for item in health_check("en").items)


def check_value(value: int | None, scale: Scale) -> None:
    """An answer is empty or a point of its scale."""
    if value is not None and value not in scale:
        raise ValidationError(
            _("Choose an answer from %(low)s to %(high)s.") % {"low": scale.low, "high": scale.high}
        )


def check_open_for_answers(invitation: SurveyInvitation) -> None:
    """Answers can change until they are submitted and while the round takes answers."""
    if invitation.submitted_at is not None:
        raise AlreadySubmitted
    if not invitation.round.accepts_answers:
        raise ValidationError(_("This round is closed; answers can no longer be changed."))


def check_suggested_pair(survey_round: SurveyRound, source: str, target: str) -> tuple[str, str]:
    """The pair of one of the round's stored weaving suggestions, the smaller key first (the
    order an `Introduction` keeps)."""
    if (
        not survey_round.is_relationships
        or not survey_round.has_results
        or not survey_round.diagnosis
    ):
        raise ValidationError(
            _("Only the suggestions of a closed relationship round can be marked.")
        )
    suggested = {
        frozenset((s.source, s.target)) for s in read_diagnosis(survey_round.diagnosis).suggestions
    }
    if source == target or frozenset((source, target)) not in suggested:
        raise ValidationError(_("This introduction is not among the round's suggestions."))
    first, second = sorted((source, target))
    return first, second
