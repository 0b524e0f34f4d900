"""Reaching a survey round: through its network (`networks.access`). Drafts exist only for
those who can edit the network. Results name people and their place in the network, so every
read of them is recorded."""

from __future__ import annotations

from netlead.accounts.models import User
from netlead.core.errors import NotFound
from netlead.networks.access import READ, NetworkAccess, network_for
from netlead.surveys.models import RoundStatus, SurveyRound
from netlead.workspaces.audit import record_read


def round_of(access: NetworkAccess, round_id: int) -> SurveyRound:
    """A round of the accessed network. Drafts exist only for those who can edit."""
    rounds = access.network.survey_rounds.select_related("network__workspace", "previous")
    if not access.can_edit:
        rounds = rounds.exclude(status=RoundStatus.DRAFT)
    survey_round = rounds.filter(pk=round_id).first()
    if survey_round is None:
        raise NotFound(f"survey round {round_id}")
    return survey_round


def round_results_for(
    user: User, slug: str, network_id: int, round_id: int, *, what: str, path: str
) -> tuple[NetworkAccess, SurveyRound]:
    """The results of a closed round, for the network's members; the read is recorded as
    `what` (the page or export) at `path`."""
    access = network_for(user, slug, network_id, READ)
    survey_round = round_of(access, round_id)
    if not survey_round.has_results or not survey_round.diagnosis:
        raise NotFound(f"results of survey round {round_id}")
    record_read(
        membership=access.membership,
        action=f"survey {what}",
        target=f"{access.network.name}: {survey_round.title}",
        path=path,
    )
    return access, survey_round
