"""Translatable sentences for the findings, suggestions and metrics of netlead.analysis.

The engine returns message keys with parameters; these are their texts in the web app. Values
arrive already formatted (percentages, numbers, member labels).
"""

from __future__ import annotations

from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from netlead.workspaces.models import Layer

FINDINGS = {
    "network_fragmented": _(
        "The network falls apart into %(components)s separate parts: %(figure_pct)s of pairs "
        "of members cannot reach each other, even through others."
    ),
    "members_isolated": _("%(count)s member(s) have no tie with anyone in the network."),
    "orgs_isolated_summary": _(
        "%(count)s of %(total)s organizations have no tie outside themselves."
    ),
    "org_isolated": _("%(organization)s (%(members)s members) has no tie outside itself."),
    "cut_point": _(
        "If %(member_label)s leaves, %(figure_pct)s of the pairs of other members lose their "
        "connection."
    ),
    "org_single_bridge": _(
        "All ties of %(organization)s with other organizations run through one person: "
        "%(member_label)s."
    ),
    "mostly_internal": _(
        "Most ties stay inside organizations (E-I index %(figure_num)s, where -1 means all "
        "inside and +1 all across)."
    ),
    "cross_organization_share": _("%(figure_pct)s of ties cross organization boundaries."),
    "low_reciprocity": _(
        "Only %(figure_pct)s of ties are mutual: many people name partners who do not name "
        "them back."
    ),
    "central_broker": _(
        "%(member_label)s links many members who are not otherwise close: valuable, and a "
        "risk if they are overloaded or leave."
    ),
    "layer_isolated": _("The %(layer)s layer has no tie with the other layers."),
    "trust_across_layers_lower": _(
        "Trust across layers (%(across_num)s) is lower than within layers (%(within_num)s), "
        "on a scale of 1 to 4."
    ),
    "trust_across_organizations_lower": _(
        "Trust across organizations (%(across_num)s) is lower than within organizations "
        "(%(within_num)s), on a scale of 1 to 4."
    ),
    "trust_low": _("Trust in the network is low: %(figure_pct)s of the maximum."),
    "ratings_suppressed": _(
        "Ratings received by %(count)s member(s) are not shown because fewer than %(k)s "
        "people rated them."
    ),
    "communities_cross_organizations": _(
        "The %(communities)s groups that work closely together cut across organizations."
    ),
    "communities_follow_organizations": _(
        "The %(communities)s groups that work closely together follow organization lines."
    ),
    "ties_changed": _("%(new)s ties are new and %(lost)s ties were lost since the last round."),
    "fragmentation_rose": _(
        "More pairs of members are cut off from each other than in the last round "
        "(%(figure_signed_pct)s)."
    ),
    "fragmentation_fell": _(
        "Fewer pairs of members are cut off from each other than in the last round "
        "(%(figure_signed_pct)s)."
    ),
    "cross_organization_rose": _(
        "A larger share of ties crosses organizations than in the last round "
        "(%(figure_signed_pct)s)."
    ),
    "cross_organization_fell": _(
        "A smaller share of ties crosses organizations than in the last round "
        "(%(figure_signed_pct)s)."
    ),
    "trust_rose": _("Trust rose since the last round (%(figure_signed_num)s on the 1-4 scale)."),
    "trust_fell": _("Trust fell since the last round (%(figure_signed_num)s on the 1-4 scale)."),
}

#: Shown where a figure is undefined or not shown (an en dash).
DASH = "\u2013"

SUGGESTIONS = {
    "connect_components": _(
        "Introduce %(source)s to %(target)s: it joins a separate part of the network to the "
        "rest (%(fragmentation_pct)s of pairs newly connected)."
    ),
    "connect_organization": _(
        "Introduce %(source)s (%(source_organization)s) to %(target)s "
        "(%(target_organization)s): %(source_organization)s has no tie outside itself yet."
    ),
    "close_triad": _(
        "%(via)s could introduce %(source)s (%(source_organization)s) to %(target)s "
        "(%(target_organization)s): it opens up a closed circle across organizations."
    ),
}

#: The network figures shown on the results and comparison pages, in this order.
NETWORK_METRICS = {
    "members": _("Members"),
    "ties": _("Ties named"),
    "density": _("Density"),
    "reciprocity": _("Mutual ties"),
    "components": _("Separate parts"),
    "fragmentation": _("Pairs that cannot reach each other"),
    "cross_organization_share": _("Ties across organizations"),
    "ei_index": _("E-I index (organizations)"),
    "transitivity": _("Closed triangles (transitivity)"),
    "degree_centralization": _("Centralization"),
    "organizations_without_external_tie": _("Organizations without a tie outside"),
    "cut_points": _("Members whose departure splits the network"),
}
SHARES = {"density", "reciprocity", "fragmentation", "cross_organization_share", "transitivity"}
COUNTS = {"members", "ties", "components", "organizations_without_external_tie", "cut_points"}

SUPPRESSION = {
    "fewer_than_k": _("Not shown: fewer than %(k)s people answered."),
    "secondary_suppression": _(
        "Not shown: otherwise the hidden small group could be worked out from the totals."
    ),
}


def pct(value: Any) -> str:
    return DASH if value is None else f"{number_format(100 * float(value), 0)}%"


def num(value: Any) -> str:
    """A figure with two decimals in the reader's number format (3.25, or 3,25)."""
    if value is None:
        return DASH
    return str(value) if isinstance(value, int) else number_format(float(value), 2)


def signed(value: float, decimals: int) -> str:
    return ("+" if value >= 0 else "-") + number_format(abs(value), decimals)


def metric(name: str, value: Any) -> str:
    if name in COUNTS and value is not None:
        return str(round(value))
    return pct(value) if name in SHARES else num(value)


def metric_change(name: str, value: Any) -> str:
    """A change: percentage points for shares, whole numbers for counts."""
    if value is None:
        return DASH
    if name in SHARES:
        return signed(100 * value, 0)
    if name in COUNTS:
        return f"{round(value):+d}"
    return signed(value, 2)


def finding_text(finding: dict[str, Any], label: Any) -> str:
    """The sentence of a stored finding; `label` turns a member key into a shown name."""
    params = finding.get("params") or {}
    values: dict[str, Any] = {k: (DASH if v is None else v) for k, v in params.items()}
    for k, v in params.items():
        if isinstance(v, float) or v is None:
            values[k + "_num"] = num(v)
    figure = finding.get("figure")
    values["figure_pct"] = pct(figure)
    values["figure_num"] = num(figure)
    values["figure_signed_pct"] = DASH if figure is None else signed(100 * figure, 0)
    values["figure_signed_num"] = DASH if figure is None else signed(figure, 2)
    if params.get("layer") in Layer.values:
        values["layer"] = Layer(params["layer"]).label
    if "member" in params:
        values["member_label"] = label(params["member"])
    template = FINDINGS.get(finding.get("key", ""))
    if template is None:
        return str(finding.get("key", ""))
    try:
        return str(template) % values
    except (KeyError, ValueError, TypeError):
        return str(finding.get("key", ""))


def suggestion_text(suggestion: dict[str, Any], label: Any) -> str:
    none = str(_("no organization"))
    return str(SUGGESTIONS[suggestion["kind"]]) % {
        "source": label(suggestion["source"]),
        "target": label(suggestion["target"]),
        "via": label(suggestion["via"]) if suggestion.get("via") else "",
        "source_organization": suggestion.get("source_organization") or none,
        "target_organization": suggestion.get("target_organization") or none,
        "fragmentation_pct": pct(suggestion.get("fragmentation_reduction")),
    }
