"""The leader's own position in the networks they belong to (netlead.analysis.position)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from netlead.analysis import position
from netlead.development import texts
from netlead.networks.models import NetworkMember
from netlead.surveys.models import DiagnosisStatus, Instrument, RoundStatus, SurveyRound
from netlead.workspaces.models import Person


@dataclass(frozen=True)
class NetworkPosition:
    network_name: str
    round_title: str
    closed_on: date | None
    position: position.Position
    roles: list[tuple[str, str]]  # name and meaning of each role, "connected" when none


def network_positions(owner: Person) -> list[NetworkPosition]:
    """The leader's own position in each network they are a member of, from the latest closed
    relationship round (their own figures only; never anyone's answers)."""
    network_ids = list(
        NetworkMember.objects.current().filter(person=owner).values_list("network_id", flat=True)
    )
    rounds = (
        SurveyRound.objects.filter(
            network_id__in=network_ids,
            instrument=Instrument.RELATIONSHIPS,
            status=RoundStatus.CLOSED,
            diagnosis_status=DiagnosisStatus.READY,
        )
        .select_related("network")
        .order_by("network_id", "-closed_at")
    )
    latest: dict[int, SurveyRound] = {}
    for survey_round in rounds:
        latest.setdefault(survey_round.network_id, survey_round)
    result = []
    for survey_round in sorted(latest.values(), key=lambda r: r.network.name):
        # The stored JSON holds to_dict(diagnose(...)) under "diagnosis"; member ids are persons.
        stored = (survey_round.diagnosis or {}).get("diagnosis")
        found = position.member_position(stored, str(owner.pk)) if stored else None
        if found is None:
            continue
        result.append(
            NetworkPosition(
                network_name=survey_round.network.name,
                round_title=survey_round.title,
                closed_on=survey_round.closed_at.date() if survey_round.closed_at else None,
                position=found,
                roles=[texts.role_text(role) for role in found.roles or ("connected",)],
            )
        )
    return result
