"""Read models of surveys: response tracking and the shown form of a stored diagnosis.

Everything here works on counts and on the stored, k-suppressed diagnosis; no function returns
one person's answers.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from netlead.core.tokens import token_for
from netlead.frameworks.instruments import health_check
from netlead.networks.models import Network
from netlead.surveys import texts
from netlead.surveys.models import SURVEY_LINK_PURPOSE, RoundStatus, SurveyInvitation, SurveyRound
from netlead.workspaces.models import Layer


@dataclass(frozen=True)
class GroupProgress:
    organization: str
    invited: int
    answered: int


@dataclass(frozen=True)
class Progress:
    invited: int
    answered: int
    by_organization: list[GroupProgress]
    not_answered: list[str] | None  # names; None when the round is anonymous

    @property
    def share(self) -> float:
        return self.answered / self.invited if self.invited else 0.0


def rounds_of(network: Network, *, include_drafts: bool) -> list[SurveyRound]:
    # Meta.ordering does not apply to a grouped query: order explicitly, newest first.
    rounds = network.survey_rounds.annotate(
        invited=Count("invitations"),
        answered=Count("invitations", filter=Q(invitations__submitted_at__isnull=False)),
    ).order_by("-created_at", "-pk")
    if not include_drafts:
        rounds = rounds.exclude(status=RoundStatus.DRAFT)
    return list(rounds)


def progress(survey_round: SurveyRound, *, show_names: bool) -> Progress:
    """How many answered, per organization. Names of who has not answered only when the round
    is not anonymous and the viewer may see them."""
    invitations = SurveyInvitation.objects.filter(round=survey_round)
    rows = (
        invitations.values("member__person__organization__name")
        .annotate(invited=Count("pk"), answered=Count("pk", filter=Q(submitted_at__isnull=False)))
        .order_by("member__person__organization__name")
    )
    groups = [
        GroupProgress(
            row["member__person__organization__name"] or _("No organization"),
            row["invited"],
            row["answered"],
        )
        for row in rows
    ]
    not_answered = None
    if show_names and not survey_round.anonymous:
        not_answered = list(
            invitations.filter(submitted_at__isnull=True)
            .order_by("member__person__name")
            .values_list("member__person__name", flat=True)
        )
    return Progress(
        invited=sum(g.invited for g in groups),
        answered=sum(g.answered for g in groups),
        by_organization=groups,
        not_answered=not_answered,
    )


def my_open_links(network: Network, user_id: int) -> dict[int, str]:
    """Round id -> the signed-in user's own survey token, for open rounds they have not
    submitted yet: members with an account find their surveys in the app too."""
    invitations = SurveyInvitation.objects.filter(
        round__network=network,
        round__status=RoundStatus.OPEN,
        round__closes_on__gte=timezone.localdate(),
        member__person__user_id=user_id,
        submitted_at__isnull=True,
    ).values_list("round_id", "salt")
    return {round_id: token_for(salt, SURVEY_LINK_PURPOSE) for round_id, salt in invitations}


@dataclass(frozen=True)
class SurveySummary:
    """What the network page shows of its surveys: open rounds and the latest results."""

    open_rounds: list[SurveyRound]
    latest_map: SurveyRound | None
    map_figures: list[tuple[str, str]]
    latest_health: SurveyRound | None
    health_bands: dict[str, int]


def survey_summary(network: Network) -> SurveySummary:
    rounds = rounds_of(network, include_drafts=False)
    latest_map = next((r for r in rounds if r.is_relationships and r.has_results), None)
    latest_health = next((r for r in rounds if r.is_health and r.has_results), None)
    figures: list[tuple[str, str]] = []
    if latest_map is not None and latest_map.diagnosis:
        shown = {"fragmentation", "cross_organization_share", "organizations_without_external_tie"}
        figures = [
            (label, value)
            for (label, value), key in zip(
                network_figures(latest_map.diagnosis), texts.NETWORK_METRICS, strict=True
            )
            if key in shown
        ]
    bands = {"strength": 0, "discuss": 0, "concern": 0}
    if latest_health is not None and latest_health.diagnosis:
        for dimension in latest_health.diagnosis["health"]["dimensions"]:
            if dimension["band"] in bands:
                bands[dimension["band"]] += 1
    return SurveySummary(
        open_rounds=[r for r in rounds if r.status == RoundStatus.OPEN],
        latest_map=latest_map,
        map_figures=figures,
        latest_health=latest_health,
        health_bands=bands,
    )


# -- Names on the map ----------------------------------------------------------------------


class MemberLabels:
    """Shown names of a round's members. A member who chose not to be named, and everyone in
    pseudonymised mode, appears as a numbered member of their organization."""

    def __init__(self, survey_round: SurveyRound, *, pseudonymised: bool) -> None:
        rows = survey_round.invitations.values_list(
            "member__person_id",
            "member__person__name",
            "member__person__organization__name",
            "not_named",
        )
        self.labels: dict[str, str] = {}
        self.organizations: dict[str, str | None] = {}
        # Numbers follow a keyed hash, so they reveal neither names nor the order of joining.
        ordered = sorted(
            rows,
            key=lambda r: hashlib.sha256(f"{survey_round.pk}:{r[0]}".encode()).hexdigest(),
        )
        counters: dict[str | None, int] = {}
        for person_id, name, organization, not_named in ordered:
            key = str(person_id)
            self.organizations[key] = organization
            if pseudonymised or not_named:
                counters[organization] = counters.get(organization, 0) + 1
                self.labels[key] = _("%(organization)s member %(number)s") % {
                    "organization": organization or _("No organization"),
                    "number": counters[organization],
                }
            else:
                self.labels[key] = name

    def __call__(self, key: Any) -> str:
        return self.labels.get(str(key), _("a former member"))


def findings(data: dict[str, Any], labels: MemberLabels) -> list[str]:
    diagnosis = data["diagnosis"]
    return [texts.finding_text(f, labels) for f in diagnosis["findings"]]


def suggestions(data: dict[str, Any], labels: MemberLabels) -> list[str]:
    return [texts.suggestion_text(s, labels) for s in data["diagnosis"]["suggestions"]]


def network_figures(data: dict[str, Any]) -> list[tuple[str, str]]:
    network = data["diagnosis"]["network"]
    return [
        (str(label), texts.metric(key, network.get(key)))
        for key, label in texts.NETWORK_METRICS.items()
    ]


def organization_matrix(data: dict[str, Any]) -> tuple[list[str], list[list[int]]]:
    """Organizations and the square matrix of ties named from row to column."""
    diagnosis = data["diagnosis"]
    names = sorted(o["organization"] for o in diagnosis["organizations"])
    index = {name: i for i, name in enumerate(names)}
    matrix = [[0] * len(names) for _ in names]
    for cell in diagnosis["organization_matrix"]:
        if cell["source"] in index and cell["target"] in index:
            matrix[index[cell["source"]]][index[cell["target"]]] = cell["ties"]
    return names, matrix


def rating_summary(data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    ratings = data["diagnosis"].get("ratings")
    if not ratings:
        return []
    return [
        (_("Whole network"), ratings["network"]),
        (_("Within organizations"), ratings["within_organizations"]),
        (_("Across organizations"), ratings["across_organizations"]),
        (_("Within layers"), ratings["within_layers"]),
        (_("Across layers"), ratings["across_layers"]),
    ]


METRICS_FOR_SIZE = ("degree", "betweenness", "harmonic_closeness", "constraint")


def map_data(data: dict[str, Any], labels: MemberLabels) -> dict[str, Any]:
    """Nodes, organizations and edges for the network map. No ratings per person or tie."""
    members = data["diagnosis"]["members"]
    new = {tuple(e) for e in data.get("new_edges", [])}
    return {
        "members": [
            {
                "id": m["id"],
                "label": labels(m["id"]),
                "organization": m["organization"] or "",
                "layer": m["layer"] or "",
                "layer_label": Layer(m["layer"]).label if m["layer"] in Layer.values else "",
                "degree": m["degree"],
                "betweenness": round(m["betweenness"], 4),
                "harmonic_closeness": round(m["harmonic_closeness"], 4),
                "constraint": None if m["constraint"] is None else round(m["constraint"], 4),
                "cut_point": m["cut_point"],
                "brokerage": m["brokerage"]["total"],
            }
            for m in members
        ],
        "edges": [
            {
                "source": a,
                "target": b,
                "strength": strength,
                "mutual": mutual,
                "new": (a, b) in new,
            }
            for a, b, strength, mutual in data["edges"]
        ],
        "lost": [{"source": a, "target": b} for a, b in data.get("lost_edges", [])],
    }


# -- Health ---------------------------------------------------------------------------------


def health_dashboard(data: dict[str, Any], language: str) -> dict[str, Any]:
    """The health summary with dimension names, bands and reasons for what is not shown."""
    instrument = health_check(language)
    names = {d.key: d for d in instrument.dimensions}
    summary = data["health"]
    k = summary["k"]

    def reason(code: str | None) -> str:
        return str(texts.SUPPRESSION[code]) % {"k": k} if code else ""

    def scores(dimensions: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [
            {
                "key": d["dimension"],
                "name": names[d["dimension"]].name,
                "description": names[d["dimension"]].description,
                "discuss": names[d["dimension"]].discuss,
                "mean": d["mean"],
                "shown": texts.num(d["mean"]) if d["mean"] is not None else texts.DASH,
                "width": 0 if d["mean"] is None else round((d["mean"] - 1) / 4 * 100),
                "band": d["band"],
                "band_label": instrument.bands.get(d["band"] or "", ""),
                "respondents": d["respondents"],
            }
            for d in dimensions
            if d["dimension"] in names
        ]

    def groups(rows: list[dict[str, Any]], layer: bool) -> list[dict[str, Any]]:
        return [
            {
                "name": Layer(g["group"]).label
                if layer and g["group"] in Layer.values
                else g["group"],
                "respondents": g["respondents"],
                "scores": scores(g["dimensions"]),
                "reason": reason(g["suppressed"]),
            }
            for g in rows
        ]

    changes = [
        {
            "name": names[c["dimension"]].name,
            "before": texts.num(c["before"]),
            "after": texts.num(c["after"]),
            "change": texts.DASH if c["change"] is None else texts.signed(c["change"], 2),
        }
        for c in data.get("comparison") or []
        if c["dimension"] in names
    ]
    return {
        "respondents": summary["respondents"],
        "k": k,
        "reason": reason(summary["suppressed"]),
        "dimensions": scores(summary["dimensions"]),
        "dimension_names": [d.name for d in instrument.dimensions],
        "by_organization": groups(summary["by_organization"], layer=False),
        "by_layer": groups(summary["by_layer"], layer=True),
        "changes": changes,
    }


def comparison(data: dict[str, Any], labels: MemberLabels) -> dict[str, Any] | None:
    """Ties and members gained and lost, and the change of each network figure."""
    found = data.get("comparison")
    if not found:
        return None
    by_metric = {c["metric"]: c for c in found["network"]}
    rows = []
    for key, label in texts.NETWORK_METRICS.items():
        change = by_metric.get(key)
        if change is None:
            continue
        rows.append(
            {
                "label": label,
                "before": texts.metric(key, change["before"]),
                "after": texts.metric(key, change["after"]),
                "change": texts.metric_change(key, change["change"]),
            }
        )
    return {
        "ties_new": found["ties_new"],
        "ties_lost": found["ties_lost"],
        "ties_kept": found["ties_kept"],
        "joined": [labels(m) for m in found["members_joined"]],
        "left": [labels(m) for m in found["members_left"]],
        "rows": rows,
        "findings": [texts.finding_text(f, labels) for f in found["findings"]],
    }
