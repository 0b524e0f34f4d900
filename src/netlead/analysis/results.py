"""Result dataclasses of the diagnosis (plain data, JSON-friendly once converted).

Every float that cannot be defined (constraint of an isolated member, E-I index of
an organization without ties) is ``None``, never NaN.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Brokerage",
    "Communities",
    "CommunityMix",
    "Comparison",
    "Diagnosis",
    "Finding",
    "KeyPlayerSet",
    "KeyPlayers",
    "MemberMetrics",
    "MetricChange",
    "NetworkMetrics",
    "OrgRatingCell",
    "OrgTieCell",
    "OrganizationMetrics",
    "OrganizationResponse",
    "RatingAggregate",
    "RatingsSummary",
    "Suggestion",
]


@dataclass(frozen=True, slots=True)
class RatingAggregate:
    """Mean trust and value over the ratings of at least ``k`` distinct raters.

    ``trust``/``value`` are on the 1-4 scale; ``trust_share``/``value_share`` are
    the same as a share of the maximum (mean / 4). When fewer than ``k`` people
    rated, every figure is ``None`` and ``suppressed`` says why.
    """

    raters: int
    ratings: int
    trust: float | None
    value: float | None
    trust_share: float | None
    value_share: float | None
    suppressed: str | None = None


@dataclass(frozen=True, slots=True)
class RatingsSummary:
    """Network-wide rating aggregates, and within versus across groups."""

    network: RatingAggregate
    within_organizations: RatingAggregate
    across_organizations: RatingAggregate
    within_layers: RatingAggregate
    across_layers: RatingAggregate


@dataclass(frozen=True, slots=True)
class Brokerage:
    """Gould & Fernandez (1989) brokerage role counts of one member."""

    coordinator: int = 0
    gatekeeper: int = 0
    representative: int = 0
    consultant: int = 0
    liaison: int = 0

    @property
    def total(self) -> int:
        return (
            self.coordinator
            + self.gatekeeper
            + self.representative
            + self.consultant
            + self.liaison
        )


@dataclass(frozen=True, slots=True)
class Communities:
    """Leiden communities (modularity) and their alignment with organizations."""

    count: int
    modularity: float | None
    sizes: tuple[int, ...]
    nmi_with_organizations: float | None
    ari_with_organizations: float | None
    seed: int


@dataclass(frozen=True, slots=True)
class OrganizationResponse:
    """How many members of one organization were asked and answered."""

    members: int
    respondents: int
    response_rate: float | None


@dataclass(frozen=True, slots=True)
class NetworkMetrics:
    """Whole-network figures. See docs/analysis.md for each definition."""

    members: int
    ties: int
    undirected_ties: int
    density: float
    reciprocity: float | None
    components: int
    largest_component_share: float
    fragmentation: float
    isolates: int
    transitivity: float
    average_clustering: float
    degree_centralization: float | None
    cross_organization_share: float | None
    ei_index: float | None
    ei_index_by_organization: dict[str, float | None]
    layer_ei_index: float | None
    ei_index_by_layer: dict[str, float | None]
    organization_modularity: float | None
    communities: Communities
    max_core: int
    max_core_size: int
    cut_points: int
    organizations: int
    organizations_without_external_tie: int
    #: How betweenness and closeness were computed: ``"exact"``, or ``"estimated"`` from
    #: ``centrality_sample`` source members (netlead.analysis.centrality).
    centrality_method: str
    centrality_sample: int | None
    seed: int
    #: Missing answers (netlead.analysis.missing): members asked to answer (with
    #: ``missing="respondents"`` ``members`` counts only those who did), those who answered,
    #: their share overall and per organization, the method, how many ties were
    #: reconstructed, and whether the rate is below the threshold.
    members_asked: int = 0
    respondents: int = 0
    response_rate: float | None = None
    response_by_organization: dict[str, OrganizationResponse] = field(default_factory=dict)
    missing_data: str = "reconstruct"
    reconstructed_ties: int = 0
    response_threshold: float = 0.7
    low_response: bool = False


@dataclass(frozen=True, slots=True)
class MemberMetrics:
    """Per-member figures. See docs/analysis.md for each definition."""

    id: str
    name: str
    organization: str | None
    layer: str | None
    degree: int
    in_degree: int
    out_degree: int
    betweenness: float
    harmonic_closeness: float
    constraint: float | None
    effective_size: float | None
    efficiency: float | None
    clustering: float
    core: int
    community: int
    cut_point: bool
    fragmentation_without: float | None
    disconnected_share: float | None
    brokerage: Brokerage
    ratings_received: RatingAggregate


@dataclass(frozen=True, slots=True)
class OrganizationMetrics:
    """Per-organization figures: size, internal and external ties, ratings."""

    organization: str
    members: int
    internal_ties: int
    external_ties: int
    internal_density: float
    partners: int
    ei_index: float | None
    isolated: bool
    bridges: tuple[str, ...]
    ratings_received: RatingAggregate
    ratings_given: RatingAggregate


@dataclass(frozen=True, slots=True)
class OrgTieCell:
    """Directed ties from members of one organization to members of another."""

    source: str
    target: str
    ties: int
    density: float


@dataclass(frozen=True, slots=True)
class OrgRatingCell:
    """Trust and value given by members of ``source`` to members of ``target`` (the
    diagonal: inside one organization), over at least k distinct raters."""

    source: str
    target: str
    ratings: RatingAggregate


@dataclass(frozen=True, slots=True)
class CommunityMix:
    """One Leiden community and how its members spread over organizations (counts)."""

    community: int
    members: int
    organizations: dict[str, int]
    without_organization: int


@dataclass(frozen=True, slots=True)
class KeyPlayerSet:
    """The members whose departure together fragments the network most (KPP-Neg), and the
    fragmentation (F) and distance-weighted fragmentation (D_F) of the network without them."""

    size: int
    members: tuple[str, ...]
    fragmentation: float
    distance_fragmentation: float


@dataclass(frozen=True, slots=True)
class KeyPlayers:
    """Key-player sets by size (netlead.analysis.keyplayers), with the network's F and D_F
    before anyone leaves."""

    fragmentation_before: float
    distance_fragmentation_before: float
    sets: tuple[KeyPlayerSet, ...]
    method: str
    candidates: int
    #: "exhaustive" (every set tried) or "greedy" (greedy, swaps and restarts).
    search: str = "greedy"


@dataclass(frozen=True, slots=True)
class Finding:
    """A plain statement: a message key, its parameters and the figure behind it."""

    key: str
    params: dict[str, str | int | float | None]
    figure: float | int | None
    importance: float


@dataclass(frozen=True, slots=True)
class Suggestion:
    """An introduction between two members that would weave the network."""

    kind: str
    source: str
    target: str
    via: str | None
    source_organization: str | None
    target_organization: str | None
    fragmentation_reduction: float
    constraint_reduction: float


@dataclass(frozen=True, slots=True)
class MetricChange:
    """A metric in two rounds and its change (``None`` where undefined)."""

    metric: str
    before: float | None
    after: float | None
    change: float | None


@dataclass(frozen=True, slots=True)
class Comparison:
    """What changed between two rounds of the same network."""

    ties_new: int
    ties_lost: int
    ties_kept: int
    members_joined: tuple[str, ...]
    members_left: tuple[str, ...]
    network: tuple[MetricChange, ...]
    members: dict[str, tuple[MetricChange, ...]]
    organizations: dict[str, tuple[MetricChange, ...]]
    findings: tuple[Finding, ...]
    #: Ties in one round only, of a member who did not answer the other round: neither new
    #: nor lost, as nobody knows.
    ties_not_compared: int = 0


@dataclass(frozen=True, slots=True)
class Diagnosis:
    """The full diagnosis of one network (see :func:`netlead.analysis.diagnose`)."""

    network: NetworkMetrics
    members: tuple[MemberMetrics, ...]
    organizations: tuple[OrganizationMetrics, ...]
    organization_matrix: tuple[OrgTieCell, ...]
    ratings: RatingsSummary | None
    findings: tuple[Finding, ...]
    suggestions: tuple[Suggestion, ...]
    k: int
    comparison: Comparison | None = field(default=None)
    #: Schema 3: trust and value per pair of organizations, communities across
    #: organizations, key-player sets.
    rating_matrix: tuple[OrgRatingCell, ...] = ()
    community_organizations: tuple[CommunityMix, ...] = ()
    key_players: KeyPlayers | None = None
