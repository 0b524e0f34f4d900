"""Missing answers: the response rate, and figures that do not mistake silence for absence.

A relationship survey only sees the ties that respondents name. Counting every pair of which
neither member answered as "no tie" makes a network look thinner, less mutual and more
outward-looking than it is, and makes a round with fewer answers look like a network in decline
(Kossinets 2006). Two methods, chosen with ``diagnose(..., missing=...)``:

``"reconstruct"`` (the default; Stork & Richards 1992, Huisman 2009)
    A tie j -> i named by a respondent j stands for i -> j too when i did not answer
    (:func:`reconstruct`). Pairs of two non-respondents stay *unknown*: they are not counted
    as absent. Density is taken over the observed ordered pairs (at least one respondent,
    :func:`observed_density`); reciprocity over the ties between two respondents, the only
    dyads whose both directions were reported (:func:`observed_reciprocity`: a reconstructed
    dyad is mutual by construction and would say nothing); the share of ties across
    organizations is estimated per pair of organizations from the observed pairs
    (:func:`estimated_cross_share`).
``"respondents"``
    Respondents only (complete-case analysis): the members who did not answer and all their
    ties are left out (:func:`respondents_only`); every figure is of the respondents' network.

With everyone answering both methods give exactly the figures of the plain definitions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from netlead.analysis.model import Network, Tie

__all__ = [
    "DEFAULT_RESPONSE_THRESHOLD",
    "MISSING_METHODS",
    "Response",
    "estimated_cross_share",
    "observed_density",
    "observed_reciprocity",
    "reconstruct",
    "respondents_only",
    "response_of",
]

#: The methods for missing answers, the default first.
MISSING_METHODS: tuple[str, ...] = ("reconstruct", "respondents")
#: Below this response rate the findings carry a warning.
DEFAULT_RESPONSE_THRESHOLD = 0.70


@dataclass(frozen=True, slots=True)
class Response:
    """Who answered, as counts: overall and per organization (``{name: (members,
    respondents)}``, members without an organization left out)."""

    members: int
    respondents: int
    by_organization: dict[str, tuple[int, int]]

    @property
    def rate(self) -> float | None:
        return self.respondents / self.members if self.members else None

    @property
    def complete(self) -> bool:
        return self.respondents == self.members


def response_of(network: Network) -> Response:
    """The response counts of ``network`` (``Member.responded``).

    >>> from netlead.analysis.model import Member
    >>> r = response_of(Network((Member("a", organization="X"),
    ...                          Member("b", organization="X", responded=False))))
    >>> r.rate, r.by_organization
    (0.5, {'X': (2, 1)})
    """
    by_org: dict[str, list[int]] = {}
    for m in network.members:
        if m.organization is not None:
            counts = by_org.setdefault(m.organization, [0, 0])
            counts[0] += 1
            counts[1] += m.responded
    return Response(
        members=len(network.members),
        respondents=sum(1 for m in network.members if m.responded),
        by_organization={name: (c[0], c[1]) for name, c in sorted(by_org.items())},
    )


def reconstruct(network: Network) -> tuple[Network, int]:
    """Stork & Richards (1992) reconstruction: for each tie j -> i named by a respondent j to a
    non-respondent i, add i -> j unless it is already there. Reconstructed ties carry the
    weight of the named tie and no ratings (nobody rated them). Returns the network and the
    number of ties added.

    >>> from netlead.analysis.model import Member
    >>> net, added = reconstruct(Network((Member("a"), Member("b", responded=False)),
    ...                                  (Tie("a", "b"),)))
    >>> [(t.source, t.target) for t in net.ties], added
    ([('a', 'b'), ('b', 'a')], 1)
    """
    silent = {m.id for m in network.members if not m.responded}
    if not silent:
        return network, 0
    answered = {m.id for m in network.members if m.responded}
    present = {(t.source, t.target) for t in network.ties}
    added: list[Tie] = []
    for t in network.ties:
        if t.source in answered and t.target in silent and (t.target, t.source) not in present:
            present.add((t.target, t.source))
            added.append(Tie(t.target, t.source, weight=t.weight, round=t.round))
    return replace(network, ties=network.ties + tuple(added)), len(added)


def respondents_only(network: Network) -> Network:
    """The network of the respondents: non-respondents and every tie of theirs left out.

    >>> from netlead.analysis.model import Member
    >>> respondents_only(Network((Member("a"), Member("b", responded=False)),
    ...                          (Tie("a", "b"),))).size
    1
    """
    keep = {m.id for m in network.members if m.responded}
    return Network(
        members=tuple(m for m in network.members if m.id in keep),
        ties=tuple(t for t in network.ties if t.source in keep and t.target in keep),
    )


def observed_density(ties: int, n: int, silent: int) -> float:
    """Directed density over the observed ordered pairs: ``ties / (n(n-1) - m(m-1))`` with
    ``m`` non-respondents, whose pairs among themselves are unknown, not absent. With
    ``m = 0`` the plain density; 0 when nothing is observed.

    >>> observed_density(6, 4, 2)  # 12 ordered pairs, 2 of them between non-respondents
    0.6
    """
    pairs = n * (n - 1) - silent * (silent - 1)
    return ties / pairs if pairs > 0 else 0.0


def observed_reciprocity(
    edges: Sequence[tuple[int, int]], answered: Sequence[bool]
) -> float | None:
    """Share of the ties between two respondents whose reverse also exists (Wasserman & Faust
    1994, 13.2, over the dyads whose both directions were reported); ``None`` without such
    ties. With everyone answering the plain reciprocity.

    >>> observed_reciprocity([(0, 1), (1, 0), (1, 2), (2, 0)], [True, True, False])
    1.0
    """
    among = {(a, b) for a, b in edges if answered[a] and answered[b]}
    if not among:
        return None
    return sum(1 for a, b in among if (b, a) in among) / len(among)


def estimated_cross_share(
    directed_edges: Sequence[tuple[int, int]], org: Sequence[int], answered: Sequence[bool]
) -> float | None:
    """The share of undirected ties that cross organizations, estimated over the observed
    pairs (at least one respondent) of the reconstructed network.

    For each pair of organizations (a, b), a = b included, the ties seen among its observed
    pairs stand for all its pairs: ``seen_ab x pairs_ab / observed_ab`` (a Horvitz-Thompson
    weight), the pairs of two non-respondents being unknown. A pair with one respondent shows
    only that respondent's direction: with reciprocity r, a tie exists in either direction
    2 - r times as often as in one, so each tie seen there counts 2 - r, with r the
    reciprocity of the ties between two respondents of the same kind (inside or across
    organizations; 1, the reconstruction's assumption, when there are none). A pair of
    organizations with no observed pair takes the density of the observed pairs of its kind.
    Members without an organization take no part. With everyone answering this is the plain
    share.

    >>> # X = {0, 1, 2}, Y = {3}; 2 and 3 did not answer, so the pair 2-3 is unknown
    >>> estimated_cross_share(
    ...     [(0, 1), (1, 0), (0, 3), (1, 3)], [0, 0, 0, 1], [True, True, False, False]
    ... )
    0.75
    """
    among: dict[bool, list[tuple[int, int]]] = {False: [], True: []}
    pairs_seen: set[tuple[int, int]] = set()
    for a, b in directed_edges:
        if org[a] >= 0 and org[b] >= 0:
            pairs_seen.add((min(a, b), max(a, b)))
            if answered[a] and answered[b]:
                among[org[a] != org[b]].append((a, b))
    weight = {}
    for kind, ties in among.items():
        rho = observed_reciprocity(ties, answered)
        weight[kind] = 2.0 - (1.0 if rho is None else rho)
    size: dict[int, int] = {}
    said: dict[int, int] = {}
    for v, c in enumerate(org):
        if c >= 0:
            size[c] = size.get(c, 0) + 1
            said[c] = said.get(c, 0) + bool(answered[v])
    seen_ties: dict[tuple[int, int], float] = {}
    for a, b in pairs_seen:
        ga, gb = org[a], org[b]
        key = (min(ga, gb), max(ga, gb))
        full = answered[a] and answered[b]
        seen_ties[key] = seen_ties.get(key, 0.0) + (1.0 if full else weight[ga != gb])
    estimate = {False: 0.0, True: 0.0}
    blind = {False: 0, True: 0}
    seen = {False: [0.0, 0.0], True: [0.0, 0.0]}  # weighted ties, observed pairs
    groups = sorted(size)
    for i, a in enumerate(groups):
        for b in groups[i:]:
            cross = a != b
            silent_a, silent_b = size[a] - said[a], size[b] - said[b]
            if cross:
                pairs, unknown = size[a] * size[b], silent_a * silent_b
            else:
                pairs, unknown = size[a] * (size[a] - 1) // 2, silent_a * (silent_a - 1) // 2
            observed = pairs - unknown
            found = seen_ties.get((a, b), 0.0)
            if observed > 0:
                estimate[cross] += found * pairs / observed
                seen[cross][0] += found
                seen[cross][1] += observed
            else:
                blind[cross] += pairs
    for cross in (False, True):
        if blind[cross] and seen[cross][1]:
            estimate[cross] += blind[cross] * seen[cross][0] / seen[cross][1]
    total = estimate[False] + estimate[True]
    return estimate[True] / total if total > 0 else None
