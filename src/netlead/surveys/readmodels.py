"""Typed read models of a closed round's stored results, read by their schema version.

A closed round stores plain JSON (surveys/diagnosis.py): a relationship round the diagnosis of
netlead.analysis (``to_dict``, which writes ``schema``) with the map's edges and the comparison
with the previous round; a health round the health summary and its comparison. Results pages,
exports and reports read that JSON only through `read_diagnosis`, `read_map` and `read_health`,
so a stored result of an older schema keeps reading when the engine changes: add a reader for
the new version, keep the old one.

The network-level results (`Diagnosis`) and the map (`NetworkMap`: one row per member and per
tie, tens of thousands in a large network) are read apart, so a page pays only for what it
shows.

These models hold what the pages show and nothing more: member ids, never names (the selectors
add names under the map's privacy rules), rating aggregates over at least k raters, never a
rating per tie.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from netlead.analysis.maps import MapLayout, from_dict
from netlead.analysis.sna import community_mix

__all__ = [
    "DIAGNOSIS_SCHEMAS",
    "HEALTH_SCHEMAS",
    "CommunityFigures",
    "Comparison",
    "Diagnosis",
    "DimensionChange",
    "DimensionScore",
    "Edge",
    "Finding",
    "GroupEI",
    "GroupHealth",
    "Health",
    "HealthSummary",
    "KeyPlayerSet",
    "KeyPlayers",
    "MemberFigures",
    "MetricChange",
    "NetworkFigures",
    "NetworkMap",
    "OrganizationFigures",
    "OrganizationRatingCell",
    "OrganizationRatings",
    "OrganizationResponse",
    "OrganizationTies",
    "RatingAggregate",
    "Ratings",
    "Response",
    "Structure",
    "Suggestion",
    "UnknownSchema",
    "read_diagnosis",
    "read_health",
    "read_map",
    "read_member_ratings",
    "read_structure",
]

Stored = Mapping[str, Any]


class UnknownSchema(ValueError):
    """A stored result of a schema version this code cannot read."""

    def __init__(self, what: str, version: object, known: tuple[int, ...]) -> None:
        readable = ", ".join(str(v) for v in known)
        super().__init__(
            f"stored {what} has schema version {version!r}; this version of netlead reads "
            f"schema {readable}"
        )
        self.version = version


# -- Relationship rounds ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RatingAggregate:
    """Mean trust and value (1-4) over at least k raters; all ``None`` when suppressed."""

    raters: int
    ratings: int
    trust: float | None
    value: float | None
    suppressed: str | None


@dataclass(frozen=True, slots=True)
class Ratings:
    network: RatingAggregate
    within_organizations: RatingAggregate
    across_organizations: RatingAggregate
    within_layers: RatingAggregate
    across_layers: RatingAggregate


@dataclass(frozen=True, slots=True)
class NetworkFigures:
    """The whole-network figures the pages show (surveys/texts.py NETWORK_METRICS)."""

    members: int
    ties: int
    density: float | None
    reciprocity: float | None
    components: int
    fragmentation: float | None
    cross_organization_share: float | None
    ei_index: float | None
    transitivity: float | None
    degree_centralization: float | None
    organizations_without_external_tie: int
    cut_points: int

    def value(self, key: str) -> float | None:
        """A figure by its metric key (``None`` for a key this model does not hold)."""
        found: float | None = getattr(self, key, None)
        return found


@dataclass(frozen=True, slots=True)
class OrganizationResponse:
    """How many members of one organization were asked and answered (counts, never who)."""

    organization: str
    members: int
    respondents: int
    rate: float | None


@dataclass(frozen=True, slots=True)
class Response:
    """Who answered, as counts, and how the analysis treated those who did not (schema 2 on;
    a diagnosis of schema 1 did not record it)."""

    members: int
    respondents: int
    rate: float | None
    #: "reconstruct" or "respondents" (netlead.analysis.missing).
    method: str
    reconstructed_ties: int
    threshold: float
    low: bool
    by_organization: tuple[OrganizationResponse, ...]


@dataclass(frozen=True, slots=True)
class MemberFigures:
    """One member's place on the map: a member id, never a name, and no ratings."""

    id: str
    organization: str | None
    layer: str | None
    degree: int
    betweenness: float
    harmonic_closeness: float
    constraint: float | None
    cut_point: bool
    brokerage: int


@dataclass(frozen=True, slots=True)
class OrganizationFigures:
    organization: str
    members: int
    internal_ties: int
    external_ties: int
    partners: int
    isolated: bool


@dataclass(frozen=True, slots=True)
class OrganizationTies:
    """Directed ties named by members of ``source`` to members of ``target``."""

    source: str
    target: str
    ties: int


@dataclass(frozen=True, slots=True)
class OrganizationRatings:
    """Trust and value of one organization as rated by members of the other organizations
    (received), and as it rates them (given); each over at least k raters."""

    organization: str
    received: RatingAggregate
    given: RatingAggregate


@dataclass(frozen=True, slots=True)
class OrganizationRatingCell:
    """Trust and value given by members of ``source`` to members of ``target`` (``source ==
    target``: inside one organization), over at least k distinct raters."""

    source: str
    target: str
    aggregate: RatingAggregate


@dataclass(frozen=True, slots=True)
class Finding:
    """A plain-language finding as a message key with parameters (surveys/texts.py words it)."""

    key: str
    params: Mapping[str, str | int | float | None]
    figure: float | None


@dataclass(frozen=True, slots=True)
class Suggestion:
    """An introduction between two members (ids) that would weave the network."""

    kind: str
    source: str
    target: str
    via: str | None
    source_organization: str | None
    target_organization: str | None
    fragmentation_reduction: float | None


class Edge(NamedTuple):
    """An undirected tie on the map: the highest reported frequency (1-4) of the pair, and
    whether it is new since the previous round. A named tuple rather than a dataclass: a large
    network has tens of thousands, and it reads three times faster."""

    source: str
    target: str
    strength: int
    mutual: bool
    new: bool


@dataclass(frozen=True, slots=True)
class MetricChange:
    metric: str
    before: float | None
    after: float | None
    change: float | None


@dataclass(frozen=True, slots=True)
class Comparison:
    """What changed since the previous round: ties, members (ids) and network figures."""

    ties_new: int
    ties_lost: int
    ties_kept: int
    members_joined: tuple[str, ...]
    members_left: tuple[str, ...]
    network: tuple[MetricChange, ...]
    findings: tuple[Finding, ...]
    #: Ties in one round only, of someone who did not answer the other (schema 2 on; ``None``
    #: for a comparison stored before it was counted).
    ties_not_compared: int | None = None


@dataclass(frozen=True, slots=True)
class Diagnosis:
    """The stored diagnosis of a closed relationship round."""

    schema: int
    k: int
    network: NetworkFigures
    organizations: tuple[OrganizationFigures, ...]
    organization_ties: tuple[OrganizationTies, ...]
    ratings: Ratings | None
    findings: tuple[Finding, ...]
    suggestions: tuple[Suggestion, ...]
    comparison: Comparison | None
    #: ``None`` for a diagnosis of schema 1, which did not record who answered.
    response: Response | None = None
    #: Each organization's trust and value, received and given (every schema).
    organization_ratings: tuple[OrganizationRatings, ...] = ()
    #: Trust and value per pair of organizations (schema 3 on; ``None`` before, when it was
    #: not computed).
    rating_matrix: tuple[OrganizationRatingCell, ...] | None = None


@dataclass(frozen=True, slots=True)
class NetworkMap:
    """The map of a closed relationship round: members and the ties between them."""

    schema: int
    members: tuple[MemberFigures, ...]
    edges: tuple[Edge, ...]
    #: Pairs (sorted member ids) tied in the previous round and no longer; empty without one.
    lost: tuple[tuple[str, str], ...]
    #: The stored layout (netlead.analysis.maps), ``None`` for a round closed before layouts
    #: were stored (the map computes the same seeded layout when it is shown).
    layout: MapLayout | None = None
    #: Betweenness and closeness were estimated from this many sampled members (``None``:
    #: computed exactly).
    centrality_sample: int | None = None


def _aggregate(data: Stored) -> RatingAggregate:
    return RatingAggregate(
        raters=data["raters"],
        ratings=data["ratings"],
        trust=data["trust"],
        value=data["value"],
        suppressed=data["suppressed"],
    )


def _ratings(data: Stored | None) -> Ratings | None:
    if not data:
        return None
    return Ratings(
        network=_aggregate(data["network"]),
        within_organizations=_aggregate(data["within_organizations"]),
        across_organizations=_aggregate(data["across_organizations"]),
        within_layers=_aggregate(data["within_layers"]),
        across_layers=_aggregate(data["across_layers"]),
    )


def _organization_ratings(found: Stored) -> tuple[OrganizationRatings, ...]:
    return tuple(
        OrganizationRatings(
            organization=o["organization"],
            received=_aggregate(o["ratings_received"]),
            given=_aggregate(o["ratings_given"]),
        )
        for o in found["organizations"]
    )


def _finding(data: Stored) -> Finding:
    return Finding(key=data["key"], params=dict(data["params"] or {}), figure=data["figure"])


def _diagnosis_v1(stored: Stored) -> Diagnosis:
    found = stored["diagnosis"]
    network = found["network"]
    comparison = stored.get("comparison")
    return Diagnosis(
        schema=1,
        k=found["k"],
        network=NetworkFigures(
            members=network["members"],
            ties=network["ties"],
            density=network["density"],
            reciprocity=network["reciprocity"],
            components=network["components"],
            fragmentation=network["fragmentation"],
            cross_organization_share=network["cross_organization_share"],
            ei_index=network["ei_index"],
            transitivity=network["transitivity"],
            degree_centralization=network["degree_centralization"],
            organizations_without_external_tie=network["organizations_without_external_tie"],
            cut_points=network["cut_points"],
        ),
        organizations=tuple(
            OrganizationFigures(
                organization=o["organization"],
                members=o["members"],
                internal_ties=o["internal_ties"],
                external_ties=o["external_ties"],
                partners=o["partners"],
                isolated=o["isolated"],
            )
            for o in found["organizations"]
        ),
        organization_ties=tuple(
            OrganizationTies(source=c["source"], target=c["target"], ties=c["ties"])
            for c in found["organization_matrix"]
        ),
        ratings=_ratings(found.get("ratings")),
        organization_ratings=_organization_ratings(found),
        findings=tuple(_finding(f) for f in found["findings"]),
        suggestions=tuple(
            Suggestion(
                kind=s["kind"],
                source=s["source"],
                target=s["target"],
                via=s["via"],
                source_organization=s["source_organization"],
                target_organization=s["target_organization"],
                fragmentation_reduction=s["fragmentation_reduction"],
            )
            for s in found["suggestions"]
        ),
        comparison=None
        if not comparison
        else Comparison(
            ties_new=comparison["ties_new"],
            ties_lost=comparison["ties_lost"],
            ties_kept=comparison["ties_kept"],
            members_joined=tuple(comparison["members_joined"]),
            members_left=tuple(comparison["members_left"]),
            network=tuple(
                MetricChange(
                    metric=c["metric"], before=c["before"], after=c["after"], change=c["change"]
                )
                for c in comparison["network"]
            ),
            findings=tuple(_finding(f) for f in comparison["findings"]),
        ),
    )


def _map_v1(stored: Stored) -> NetworkMap:
    new = {(a, b) for a, b in stored.get("new_edges", [])}
    return NetworkMap(
        schema=1,
        members=tuple(
            MemberFigures(
                id=m["id"],
                organization=m["organization"],
                layer=m["layer"],
                degree=m["degree"],
                betweenness=m["betweenness"],
                harmonic_closeness=m["harmonic_closeness"],
                constraint=m["constraint"],
                cut_point=m["cut_point"],
                brokerage=m["brokerage"]["total"],
            )
            for m in stored["diagnosis"]["members"]
        ),
        edges=tuple(
            Edge(a, b, strength, mutual, (a, b) in new)
            for a, b, strength, mutual in stored["edges"]
        ),
        lost=tuple((a, b) for a, b in stored.get("lost_edges", [])),
        layout=from_dict(stored.get("map")),
        centrality_sample=_centrality_sample(stored["diagnosis"]["network"]),
    )


def _centrality_sample(network: Stored) -> int | None:
    """The sample behind estimated betweenness and closeness, ``None`` when exact: schema 4
    names it ``centrality_sample``; schemas 1-3 stored ``betweenness_pivots`` with
    ``betweenness_method: "sampled"``."""
    if network.get("centrality_method") == "estimated":
        sample: int | None = network["centrality_sample"]
        return sample
    if network.get("betweenness_method") == "sampled":
        pivots: int | None = network["betweenness_pivots"]
        return pivots
    return None


def _diagnosis_v2(stored: Stored) -> Diagnosis:
    """Schema 2 adds the response (network.members_asked, respondents, response_rate,
    response_by_organization, missing_data, reconstructed_ties, response_threshold,
    low_response) and comparison.ties_not_compared."""
    diagnosis = _diagnosis_v1(stored)
    network = stored["diagnosis"]["network"]
    comparison = diagnosis.comparison
    if comparison is not None:
        comparison = replace(
            comparison, ties_not_compared=stored["comparison"]["ties_not_compared"]
        )
    return replace(
        diagnosis,
        schema=2,
        comparison=comparison,
        response=Response(
            members=network["members_asked"],
            respondents=network["respondents"],
            rate=network["response_rate"],
            method=network["missing_data"],
            reconstructed_ties=network["reconstructed_ties"],
            threshold=network["response_threshold"],
            low=network["low_response"],
            by_organization=tuple(
                OrganizationResponse(
                    organization=name,
                    members=row["members"],
                    respondents=row["respondents"],
                    rate=row["response_rate"],
                )
                for name, row in sorted(network["response_by_organization"].items())
            ),
        ),
    )


def _map_v2(stored: Stored) -> NetworkMap:
    """The map did not change in schema 2."""
    return replace(_map_v1(stored), schema=2)


def _diagnosis_v3(stored: Stored) -> Diagnosis:
    """Schema 3 adds trust and value per pair of organizations (``rating_matrix``), the
    communities across organizations and the key-player sets (read by `read_structure`)."""
    found = stored["diagnosis"]
    return replace(
        _diagnosis_v2(stored),
        schema=3,
        rating_matrix=tuple(
            OrganizationRatingCell(
                source=c["source"], target=c["target"], aggregate=_aggregate(c["ratings"])
            )
            for c in found["rating_matrix"]
        ),
    )


def _map_v3(stored: Stored) -> NetworkMap:
    """The map did not change in schema 3."""
    return replace(_map_v1(stored), schema=3)


def _diagnosis_v4(stored: Stored) -> Diagnosis:
    """Schema 4 says whether betweenness and closeness were exact or estimated
    (``centrality_method``, ``centrality_sample``; read by the map and `read_structure`)."""
    return replace(_diagnosis_v3(stored), schema=4)


def _map_v4(stored: Stored) -> NetworkMap:
    """The map did not change in schema 4 (the estimate's sample is read for every schema)."""
    return replace(_map_v1(stored), schema=4)


#: Schema version (``schema`` in the stored diagnosis) -> its readers.
_DIAGNOSIS_READERS: dict[int, Callable[[Stored], Diagnosis]] = {
    1: _diagnosis_v1,
    2: _diagnosis_v2,
    3: _diagnosis_v3,
    4: _diagnosis_v4,
}
_MAP_READERS: dict[int, Callable[[Stored], NetworkMap]] = {
    1: _map_v1,
    2: _map_v2,
    3: _map_v3,
    4: _map_v4,
}
DIAGNOSIS_SCHEMAS = tuple(_DIAGNOSIS_READERS)


# -- Structure: communities, core, closeness, E-I, key players -----------------------------------

#: How many members the structure lists by closeness, and at most in the densest core.
CLOSENESS_TOP = 5
CORE_LISTED = 30


@dataclass(frozen=True, slots=True)
class CommunityFigures:
    """One community: its size and how many of its members each organization holds."""

    community: int
    members: int
    organizations: tuple[tuple[str, int], ...]
    without_organization: int


@dataclass(frozen=True, slots=True)
class GroupEI:
    """The E-I index of one organization or layer (-1 all ties inside, +1 all across)."""

    group: str
    ei_index: float | None


@dataclass(frozen=True, slots=True)
class KeyPlayerSet:
    size: int
    members: tuple[str, ...]
    fragmentation: float
    distance_fragmentation: float


@dataclass(frozen=True, slots=True)
class KeyPlayers:
    """KPP-Neg key-player sets (netlead.analysis.keyplayers) and the network before."""

    fragmentation_before: float
    distance_fragmentation_before: float
    sets: tuple[KeyPlayerSet, ...]
    method: str


@dataclass(frozen=True, slots=True)
class Structure:
    """The structure of a closed round's network: communities and how they cut across
    organizations, the densest k-core, the closest members, E-I per organization and per
    layer, and (schema 3 on) the key-player sets. Member ids, never names."""

    schema: int
    communities: int
    modularity: float | None
    nmi_with_organizations: float | None
    community_mix: tuple[CommunityFigures, ...]
    max_core: int
    max_core_size: int
    #: The members of the densest core, at most CORE_LISTED (the count is max_core_size).
    core_members: tuple[str, ...]
    #: The CLOSENESS_TOP members with the highest harmonic closeness, with it.
    closeness: tuple[tuple[str, float], ...]
    ei_index: float | None
    ei_by_organization: tuple[GroupEI, ...]
    layer_ei_index: float | None
    ei_by_layer: tuple[GroupEI, ...]
    key_players: KeyPlayers | None
    #: Betweenness and closeness were estimated from this many sampled members (``None``:
    #: computed exactly).
    centrality_sample: int | None = None


def _structure(stored: Stored, schema: int) -> Structure:
    found = stored["diagnosis"]
    network = found["network"]
    members = found["members"]
    communities = network["communities"]
    if schema >= 3:
        mix = [
            (c["community"], c["members"], c["organizations"], c["without_organization"])
            for c in found["community_organizations"]
        ]
    else:  # older schemas stored each member's community: count them the same way
        mix = [
            (c.community, c.members, c.organizations, c.without_organization)
            for c in community_mix(
                [m["community"] for m in members], [m["organization"] for m in members]
            )
        ]
    max_core = network["max_core"]
    closest = sorted(members, key=lambda m: (-m["harmonic_closeness"], m["id"]))
    players = found.get("key_players") if schema >= 3 else None
    return Structure(
        schema=schema,
        communities=communities["count"],
        modularity=communities["modularity"],
        nmi_with_organizations=communities["nmi_with_organizations"],
        community_mix=tuple(
            CommunityFigures(
                community=number,
                members=size,
                organizations=tuple(sorted(spread.items(), key=lambda kv: (-kv[1], kv[0]))),
                without_organization=without,
            )
            for number, size, spread, without in mix
        ),
        max_core=max_core,
        max_core_size=network["max_core_size"],
        core_members=tuple(
            sorted(m["id"] for m in members if m["core"] == max_core and max_core > 0)
        )[:CORE_LISTED],
        closeness=tuple((m["id"], m["harmonic_closeness"]) for m in closest[:CLOSENESS_TOP]),
        ei_index=network["ei_index"],
        ei_by_organization=tuple(
            GroupEI(o["organization"], o["ei_index"]) for o in found["organizations"]
        ),
        layer_ei_index=network["layer_ei_index"],
        ei_by_layer=tuple(
            GroupEI(layer, ei) for layer, ei in sorted(network["ei_index_by_layer"].items())
        ),
        key_players=None
        if not players
        else KeyPlayers(
            fragmentation_before=players["fragmentation_before"],
            distance_fragmentation_before=players["distance_fragmentation_before"],
            sets=tuple(
                KeyPlayerSet(
                    size=p["size"],
                    members=tuple(p["members"]),
                    fragmentation=p["fragmentation"],
                    distance_fragmentation=p["distance_fragmentation"],
                )
                for p in players["sets"]
            ),
            method=players["method"],
        ),
        centrality_sample=_centrality_sample(network),
    )


def read_structure(stored: Stored) -> Structure:
    """The structure of a closed relationship round, read like `read_diagnosis` (every
    schema; key players from schema 3 on)."""
    version = _diagnosis_schema(stored)
    _reader(_DIAGNOSIS_READERS, "diagnosis", version)  # an unknown schema is an error here too
    return _structure(stored, version if isinstance(version, int) else 0)


def read_member_ratings(stored: Stored, member: str) -> RatingAggregate | None:
    """The trust and value one member received (over at least k raters, else suppressed), or
    ``None`` when they are not in the round. Only ever for that member's own page."""
    _reader(_DIAGNOSIS_READERS, "diagnosis", _diagnosis_schema(stored))
    for m in stored["diagnosis"]["members"]:
        if m["id"] == member:
            return _aggregate(m["ratings_received"])
    return None


def read_diagnosis(stored: Stored) -> Diagnosis:
    """The network-level results of a closed relationship round (``SurveyRound.diagnosis``),
    read by the ``schema`` version of its diagnosis. An unknown version is an `UnknownSchema`
    error."""
    return _reader(_DIAGNOSIS_READERS, "diagnosis", _diagnosis_schema(stored))(stored)


def read_map(stored: Stored) -> NetworkMap:
    """The members and ties of a closed relationship round, read like `read_diagnosis`."""
    return _reader(_MAP_READERS, "diagnosis", _diagnosis_schema(stored))(stored)


def _diagnosis_schema(stored: Stored) -> object:
    found = stored.get("diagnosis")
    if not isinstance(found, Mapping):
        raise ValueError("the stored result holds no relationship diagnosis")
    return found.get("schema")


# -- Health rounds ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DimensionScore:
    """A dimension's mean (1-5) and band; ``None`` where fewer than k answered."""

    dimension: str
    respondents: int
    mean: float | None
    band: str | None


@dataclass(frozen=True, slots=True)
class GroupHealth:
    """One organization or layer: its scores, or why they are not shown (``suppressed``)."""

    group: str
    respondents: int
    dimensions: tuple[DimensionScore, ...]
    suppressed: str | None


@dataclass(frozen=True, slots=True)
class HealthSummary:
    respondents: int
    k: int
    dimensions: tuple[DimensionScore, ...]
    by_organization: tuple[GroupHealth, ...]
    by_layer: tuple[GroupHealth, ...]
    suppressed: str | None


@dataclass(frozen=True, slots=True)
class DimensionChange:
    dimension: str
    before: float | None
    after: float | None
    change: float | None


@dataclass(frozen=True, slots=True)
class Health:
    """The stored result of a closed health round, with the change per dimension since the
    previous round (empty without one)."""

    schema: int
    summary: HealthSummary
    comparison: tuple[DimensionChange, ...]


def _scores(rows: list[Stored]) -> tuple[DimensionScore, ...]:
    return tuple(
        DimensionScore(
            dimension=d["dimension"], respondents=d["respondents"], mean=d["mean"], band=d["band"]
        )
        for d in rows
    )


def _groups(rows: list[Stored]) -> tuple[GroupHealth, ...]:
    return tuple(
        GroupHealth(
            group=g["group"],
            respondents=g["respondents"],
            dimensions=_scores(g["dimensions"]),
            suppressed=g["suppressed"],
        )
        for g in rows
    )


def _health_v1(stored: Stored) -> Health:
    summary = stored["health"]
    return Health(
        schema=1,
        summary=HealthSummary(
            respondents=summary["respondents"],
            k=summary["k"],
            dimensions=_scores(summary["dimensions"]),
            by_organization=_groups(summary["by_organization"]),
            by_layer=_groups(summary["by_layer"]),
            suppressed=summary["suppressed"],
        ),
        comparison=tuple(
            DimensionChange(
                dimension=c["dimension"], before=c["before"], after=c["after"], change=c["change"]
            )
            for c in stored.get("comparison") or []
        ),
    )


_HEALTH_READERS: dict[int, Callable[[Stored], Health]] = {1: _health_v1}
HEALTH_SCHEMAS = tuple(_HEALTH_READERS)


def read_health(stored: Stored) -> Health:
    """The stored result of a closed health round (``SurveyRound.diagnosis``). Health results
    have been stored without a ``schema`` key so far: that is version 1."""
    found = stored.get("health")
    if not isinstance(found, Mapping):
        raise ValueError("the stored result holds no health summary")
    return _reader(_HEALTH_READERS, "health result", found.get("schema", 1))(stored)


def _reader[T](readers: dict[int, T], what: str, version: object) -> T:
    # bool is an int in Python: a stored `true` is not schema 1.
    reader = readers.get(version) if type(version) is int else None
    if reader is None:
        raise UnknownSchema(what, version, tuple(readers))
    return reader
