"""Plain findings: message keys with parameters and the figure behind each one.

Findings carry no English: ``report.MESSAGES`` holds the CLI's text for each key and
the web app translates keys itself. Importance is a score in [0, 1] from fixed rules
(documented next to each rule); findings are sorted by it, most important first.
"""

from __future__ import annotations

from netlead.analysis.results import (
    Finding,
    MemberMetrics,
    NetworkMetrics,
    OrganizationMetrics,
    RatingAggregate,
    RatingsSummary,
)

__all__ = ["FINDING_KEYS", "find", "low_response", "rank"]

FINDING_KEYS: tuple[str, ...] = (
    "low_response",
    "low_response_respondents",
    "network_fragmented",
    "members_isolated",
    "orgs_isolated_summary",
    "org_isolated",
    "cut_point",
    "org_single_bridge",
    "mostly_internal",
    "cross_organization_share",
    "low_reciprocity",
    "central_broker",
    "layer_isolated",
    "trust_across_layers_lower",
    "trust_across_organizations_lower",
    "trust_low",
    "ratings_suppressed",
    "communities_cross_organizations",
    "communities_follow_organizations",
)

_TOP = 10  # at most this many findings of one per-member or per-organization kind
_MIN_LOSS = 0.01  # a cut point matters when at least 1% of pairs would be cut off
_TRUST_GAP = 0.1  # on the 1-4 scale


def rank(findings: list[Finding]) -> tuple[Finding, ...]:
    """Sort findings by importance (descending), then key and parameters, so the
    order is stable.

    >>> [f.key for f in rank([Finding("a", {}, 1, 0.1), Finding("b", {}, 1, 0.9)])]
    ['b', 'a']
    """
    return tuple(
        sorted(findings, key=lambda f: (-f.importance, f.key, sorted(map(str, f.params.items()))))
    )


def low_response(network: NetworkMetrics) -> Finding | None:
    """The warning on a diagnosis whose response rate is below its threshold: first of all
    findings (importance 1), as every other figure rests on incomplete answers. The key
    names the method for missing answers (``low_response``: reconstructed;
    ``low_response_respondents``: respondents only)."""
    rate = network.response_rate
    if not network.low_response or rate is None:
        return None
    return Finding(
        "low_response_respondents" if network.missing_data == "respondents" else "low_response",
        {
            "respondents": network.respondents,
            "members": network.members_asked,
            "threshold": round(100 * network.response_threshold),
        },
        rate,
        1.0,
    )


def find(
    network: NetworkMetrics,
    members: tuple[MemberMetrics, ...],
    organizations: tuple[OrganizationMetrics, ...],
    ratings: RatingsSummary | None,
    *,
    k: int,
) -> tuple[Finding, ...]:
    """All findings of one diagnosis, ranked.

    >>> find.__name__
    'find'
    """
    out: list[Finding] = []
    n = network.members
    if network.components > 1 and n > 1:
        out.append(
            Finding(
                "network_fragmented",
                {
                    "components": network.components,
                    "largest_share": network.largest_component_share,
                },
                network.fragmentation,
                0.5 + 0.5 * network.fragmentation,
            )
        )
    if network.isolates:
        share = network.isolates / n
        out.append(
            Finding(
                "members_isolated", {"count": network.isolates}, network.isolates, 0.4 + 0.4 * share
            )
        )
    out.extend(_organization_findings(network, organizations, n, {m.id: m.name for m in members}))
    out.extend(_member_findings(members))
    out.extend(_mixing_findings(network))
    if ratings is not None:
        out.extend(_rating_findings(ratings, members, k))
    return rank(out)


def _organization_findings(
    network: NetworkMetrics,
    organizations: tuple[OrganizationMetrics, ...],
    n: int,
    names: dict[str, str],
) -> list[Finding]:
    out: list[Finding] = []
    total = len(organizations)
    isolated = [o for o in organizations if o.isolated]
    if isolated and total > 1:
        share = len(isolated) / total
        out.append(
            Finding(
                "orgs_isolated_summary",
                {"count": len(isolated), "total": total},
                share,
                0.6 + 0.3 * share,
            )
        )
        for org in sorted(isolated, key=lambda o: (-o.members, o.organization))[:_TOP]:
            out.append(
                Finding(
                    "org_isolated",
                    {"organization": org.organization, "members": org.members},
                    org.members,
                    0.55 + 0.1 * org.members / max(n, 1),
                )
            )
    single = [o for o in organizations if len(o.bridges) == 1 and o.members > 1]
    for org in sorted(single, key=lambda o: (-o.members, o.organization))[:_TOP]:
        out.append(
            Finding(
                "org_single_bridge",
                {
                    "organization": org.organization,
                    "member": org.bridges[0],
                    "name": names.get(org.bridges[0], ""),
                    "members": org.members,
                },
                org.external_ties,
                0.5,
            )
        )
    return out


def _member_findings(members: tuple[MemberMetrics, ...]) -> list[Finding]:
    out: list[Finding] = []
    cuts = [
        m for m in members if m.disconnected_share is not None and m.disconnected_share >= _MIN_LOSS
    ]
    cuts.sort(key=lambda m: (-(m.disconnected_share or 0.0), m.id))
    for m in cuts[:_TOP]:
        share = m.disconnected_share or 0.0
        out.append(
            Finding(
                "cut_point",
                {"member": m.id, "name": m.name, "organization": m.organization},
                share,
                0.45 + 0.5 * share,
            )
        )
    if members:
        top = max(members, key=lambda m: (m.betweenness, m.id))
        if top.betweenness >= 0.2:
            out.append(
                Finding(
                    "central_broker",
                    {"member": top.id, "name": top.name, "organization": top.organization},
                    top.betweenness,
                    0.35 + 0.4 * min(top.betweenness, 1.0),
                )
            )
    return out


def _mixing_findings(network: NetworkMetrics) -> list[Finding]:
    out: list[Finding] = []
    if network.cross_organization_share is not None:
        out.append(
            Finding(
                "cross_organization_share",
                {"ei_index": network.ei_index},
                network.cross_organization_share,
                0.2,
            )
        )
    if network.ei_index is not None and network.ei_index <= -0.5:
        out.append(Finding("mostly_internal", {}, network.ei_index, 0.4 + 0.3 * -network.ei_index))
    if network.reciprocity is not None and network.reciprocity < 0.3:
        out.append(Finding("low_reciprocity", {}, network.reciprocity, 0.3))
    if len(network.ei_index_by_layer) > 1:
        for layer, ei in sorted(network.ei_index_by_layer.items()):
            if ei == -1.0:
                out.append(Finding("layer_isolated", {"layer": layer}, ei, 0.45))
    nmi = network.communities.nmi_with_organizations
    if nmi is not None and network.communities.count > 1 and network.organizations > 1:
        if nmi < 0.3:
            out.append(
                Finding(
                    "communities_cross_organizations",
                    {"communities": network.communities.count},
                    nmi,
                    0.25,
                )
            )
        elif nmi > 0.8:
            out.append(
                Finding(
                    "communities_follow_organizations",
                    {"communities": network.communities.count},
                    nmi,
                    0.3,
                )
            )
    return out


def _gap(within: RatingAggregate, across: RatingAggregate) -> float | None:
    if within.trust is None or across.trust is None:
        return None
    return within.trust - across.trust


def _rating_findings(
    ratings: RatingsSummary, members: tuple[MemberMetrics, ...], k: int
) -> list[Finding]:
    out: list[Finding] = []
    for key, within, across in (
        ("trust_across_layers_lower", ratings.within_layers, ratings.across_layers),
        (
            "trust_across_organizations_lower",
            ratings.within_organizations,
            ratings.across_organizations,
        ),
    ):
        gap = _gap(within, across)
        if gap is not None and gap >= _TRUST_GAP:
            out.append(
                Finding(
                    key,
                    {"within": within.trust, "across": across.trust},
                    gap,
                    0.5 + 0.5 * min(gap / 3.0, 1.0),
                )
            )
    share = ratings.network.trust_share
    if share is not None and share < 0.6:
        out.append(Finding("trust_low", {"trust": ratings.network.trust}, share, 0.45))
    suppressed = sum(1 for m in members if m.ratings_received.suppressed == "fewer_than_k_raters")
    if suppressed:
        out.append(Finding("ratings_suppressed", {"count": suppressed, "k": k}, suppressed, 0.1))
    return out
