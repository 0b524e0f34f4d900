"""Compute and store the diagnosis of a closed round with netlead.analysis.

Runs in a background task, never in a request. Member ids in the stored result are network
member ids; names are added only when a page shows them, under the map's privacy rules.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from netlead.analysis import SCHEMA_VERSION, Member, Network, Tie, compare, diagnose, maps, to_dict
from netlead.analysis.compare import pair_changes
from netlead.analysis.health import (
    HealthItemSpec,
    compare_health,
    score_health,
)
from netlead.analysis.health import (
    HealthResponse as ScoredResponse,
)
from netlead.frameworks.instruments import health_check
from netlead.networks.models import NetworkMember
from netlead.surveys.models import (
    DiagnosisStatus,
    HealthAnswer,
    Instrument,
    SurveyRound,
    TieAnswer,
)

#: Members are matched across rounds by person, so a member who left and rejoined is the same.
MemberKey = str


def _member_key(person_id: int) -> MemberKey:
    return str(person_id)


def relationship_network(survey_round: SurveyRound) -> Network:
    """The network of a closed relationship round: every invited member, marked as having
    answered or not (the analysis reconstructs the ties of those who did not, and never counts
    their silence as "no tie"), and the ties named by those who submitted. Who answered stays
    inside this computation: the stored result holds counts only."""
    # Plain rows, not model instances: a round of 5,000 members has some 50,000 ties.
    invited = survey_round.invitations.values_list(
        "member_id",
        "member__person_id",
        "member__person__organization__name",
        "member__person__layer",
        "submitted_at",
    )
    key: dict[int, MemberKey] = {}
    members = []
    for member_id, person_id, organization, layer, submitted_at in invited:
        key[member_id] = _member_key(person_id)
        members.append(
            Member(
                id=key[member_id],
                organization=organization,
                layer=layer or None,
                responded=submitted_at is not None,
            )
        )
    submitted = survey_round.invitations.filter(submitted_at__isnull=False).values("member_id")
    rows = list(
        TieAnswer.objects.filter(round=survey_round, respondent_id__in=submitted)
        .order_by("pk")
        .values_list(
            "respondent_id",
            "target_id",
            "frequency",
            "reliability",
            "mission",
            "openness",
            "influence",
            "involvement",
            "resources",
        )
    )
    # A tie to someone who was not invited (a member without an e-mail address) names them
    # by person too; such a target is looked up on its own.
    others = {row[1] for row in rows} - key.keys()
    if others:
        for member_id, person_id in NetworkMember.objects.filter(pk__in=others).values_list(
            "pk", "person_id"
        ):
            key[member_id] = _member_key(person_id)
    ties = tuple(
        Tie(
            source=key[source],
            target=key[target],
            weight=float(frequency or 1),
            reliability=reliability,
            mission=mission,
            openness=openness,
            influence=influence,
            involvement=involvement,
            resources=resources,
        )
        for (
            source,
            target,
            frequency,
            reliability,
            mission,
            openness,
            influence,
            involvement,
            resources,
        ) in rows
    )
    return Network(members=tuple(members), ties=ties)


class _StoredView:
    """A stored mapping read by attribute, converted only where it is read: `compare` reads a
    few figures of the previous round's diagnosis, which at 5,000 members is megabytes."""

    __slots__ = ("_data",)

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    def __getattr__(self, name: str) -> Any:
        try:
            value = self._data[name]
        except KeyError:
            raise AttributeError(name) from None
        return _stored(value)


def _stored(value: Any) -> Any:
    """A stored diagnosis (plain JSON) with attribute access, which is all `compare` uses."""
    if isinstance(value, dict):
        return _StoredView(value)
    if isinstance(value, list):
        return [_stored(item) for item in value]
    return value


def map_edges(network: Network) -> list[list[Any]]:
    """Undirected edges of the map: [a, b, strength, mutual]. Strength is the highest reported
    frequency (1-4) of the pair; trust and value never appear per tie."""
    pairs: dict[tuple[str, str], list[Any]] = {}
    for tie in network.ties:
        source, target = tie.source, tie.target
        pair = (source, target) if source <= target else (target, source)
        edge = pairs.get(pair)
        if edge is None:
            pairs[pair] = [pair[0], pair[1], int(tie.weight), False]
        else:
            if tie.weight > edge[2]:
                edge[2] = int(tie.weight)
            edge[3] = True
    return [pairs[pair] for pair in sorted(pairs)]


#: Parts of the comparison with the previous round that no reader uses (see above).
_COMPARISON_NOT_STORED = frozenset({"members", "organizations"})


def _relationship_result(survey_round: SurveyRound, k: int) -> dict[str, Any]:
    network = relationship_network(survey_round)
    result = diagnose(network, k=k)
    data: dict[str, Any] = {"kind": Instrument.RELATIONSHIPS}
    edges = map_edges(network)
    previous = survey_round.previous
    previous_data: dict[str, Any] = {}
    if previous is not None:
        before = relationship_network(previous)
        # Read from the database: the previous round in memory may predate its diagnosis.
        previous_data = (
            SurveyRound.objects.filter(pk=previous.pk).values_list("diagnosis", flat=True).first()
            or {}
        )
        stored = previous_data.get("diagnosis")
        # The previous round's stored diagnosis is reused: diagnosing it again would double
        # the time of closing a large round. One of an older schema was computed by other
        # rules (before missing answers were reconstructed): that one is computed again.
        current = stored is not None and stored.get("schema") == SCHEMA_VERSION
        before_diagnosis = _stored(stored) if current else diagnose(before, k=k)
        comparison = compare(before, network, before_diagnosis, result)
        # Each member's and each organization's change is never read (pages, reports, exports
        # and the API read the comparison through surveys.readmodels): at 5,000 members it
        # would be most of the stored JSON.
        data["comparison"] = {
            key: value
            for key, value in to_dict(comparison).items()
            if key not in _COMPARISON_NOT_STORED
        }
        # A pair is lost or new on the map only when both could have said so in both rounds.
        pairs = pair_changes(before, network)
        data["lost_edges"] = [list(pair) for pair in pairs.lost]
        data["new_edges"] = [list(pair) for pair in pairs.new]
    data["diagnosis"] = to_dict(result)
    data["edges"] = edges
    # The map's layout is stored with the round, so every load shows the same picture, and
    # starts from the previous round's, so members in both stay in the same place.
    before_layout = maps.from_dict(previous_data.get("map")) if previous is not None else None
    layout = maps.layout(network.members, [(e[0], e[1]) for e in edges], previous=before_layout)
    data["map"] = maps.to_dict(layout)
    return data


def health_responses(survey_round: SurveyRound) -> list[ScoredResponse]:
    answers: dict[UUID, dict[str, int]] = {}
    groups: dict[UUID, tuple[str, str]] = {}
    for response in survey_round.health_responses.filter(submitted=True):
        answers[response.pk] = {}
        groups[response.pk] = (response.organization, response.layer)
    rows = HealthAnswer.objects.filter(response_id__in=list(answers)).values_list(
        "response_id", "item", "value"
    )
    for response_id, item, value in rows:
        answers[response_id][item] = value
    return [
        ScoredResponse(answers[pk], organization or None, layer or None)
        for pk, (organization, layer) in groups.items()
    ]


def _health_result(survey_round: SurveyRound, k: int) -> dict[str, Any]:
    specs = [HealthItemSpec(i.key, i.dimension, i.reverse) for i in health_check("en").items]
    summary = score_health(health_responses(survey_round), specs, k=k)
    data: dict[str, Any] = {"kind": Instrument.HEALTH, "health": to_dict(summary)}
    if survey_round.previous is not None:
        before = score_health(health_responses(survey_round.previous), specs, k=k)
        data["comparison"] = to_dict(compare_health(before, summary))
    return data


def compute(survey_round: SurveyRound) -> None:
    """Compute the round's diagnosis and store it; on failure the round says so."""
    k = survey_round.network.workspace.anonymity_threshold
    try:
        if survey_round.instrument == Instrument.HEALTH:
            data = _health_result(survey_round, k)
        else:
            data = _relationship_result(survey_round, k)
    except Exception:
        SurveyRound.objects.filter(pk=survey_round.pk).update(
            diagnosis_status=DiagnosisStatus.FAILED
        )
        raise
    with transaction.atomic():
        SurveyRound.objects.filter(pk=survey_round.pk).update(
            diagnosis=data, diagnosis_status=DiagnosisStatus.READY, computed_at=timezone.now()
        )
