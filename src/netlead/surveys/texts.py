"""Translated sentences for the findings, suggestions and metrics of netlead.analysis.

The engine returns message keys with parameters. The English text of each key lives once, in
``netlead.analysis.messages`` (also used by the CLI); here it is translated with gettext at
render time and filled with values formatted for the reader (percentages, numbers, member
labels, layer names).
"""

from __future__ import annotations

import logging
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from netlead.analysis import messages
from netlead.analysis.health import shown_score
from netlead.workspaces.models import Layer

logger = logging.getLogger(__name__)

#: Shown where a figure is undefined or not shown (an en dash).
DASH = "\u2013"

#: Shown instead of a finding or suggestion whose key has no text (a stored diagnosis from
#: another version of netlead); the key is logged as an error, never shown.
UNKNOWN_FINDING = _("A finding that this version of netlead cannot put into words.")
UNKNOWN_SUGGESTION = _("An introduction that this version of netlead cannot put into words.")

#: The network figures shown on the results and comparison pages, in this order.
NETWORK_METRICS = {
    "members": _("Members"),
    "ties": _("Ties (named and reconstructed)"),
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
SHARES = {
    "density",
    "reciprocity",
    "fragmentation",
    "cross_organization_share",
    "transitivity",
    "response_rate",
}
COUNTS = {"members", "ties", "components", "organizations_without_external_tie", "cut_points"}

#: How a diagnosis treated members who did not answer (netlead.analysis.missing).
MISSING_DATA = {
    "reconstruct": _(
        "Ties of members who did not answer are reconstructed from what others said about "
        "them; pairs of two members who did not answer count as unknown, not as absent."
    ),
    "respondents": _("Only the network of the members who answered is described."),
}

#: Where the evidence of each finding is: the id of a heading on the results page
#: (templates/surveys/relationship_results.html), or "map" for the network map. A finding key
#: missing here points at the figures (tests check that every key has one, and every anchor
#: exists on the page).
FINDING_EVIDENCE = {
    "low_response": "response-title",
    "low_response_respondents": "response-title",
    "network_fragmented": "map",
    "members_isolated": "map",
    "central_broker": "map",
    "orgs_isolated_summary": "organizations-title",
    "org_isolated": "organizations-title",
    "org_single_bridge": "organizations-title",
    "cut_point": "key-players-title",
    "mostly_internal": "matrix-title",
    "cross_organization_share": "matrix-title",
    "low_reciprocity": "figures-title",
    "layer_isolated": "layers-title",
    "trust_across_layers_lower": "trust-title",
    "trust_across_organizations_lower": "rating-matrix-title",
    "trust_low": "trust-title",
    "ratings_suppressed": "trust-title",
    "communities_cross_organizations": "communities-title",
    "communities_follow_organizations": "communities-title",
}

#: Finding keys shown as the warning above the findings rather than among them.
WARNING_KEYS = frozenset({"low_response", "low_response_respondents"})

SUPPRESSION = {
    "fewer_than_k": _("Not shown: fewer than %(k)s people answered."),
    "secondary_suppression": _(
        "Not shown: otherwise the hidden small group could be worked out from the totals."
    ),
}


def rounded(value: float, decimals: int) -> Decimal:
    """``value`` rounded half up to ``decimals`` places, on its shortest decimal form (0.665
    -> 0.67). Django's ``number_format`` cuts a float's digits off (45.67 -> "45"): every
    figure goes through this first, so what the reader sees is rounded, never truncated."""
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)


def pct(value: Any) -> str:
    """A share as a whole percentage, rounded (0.6667 -> 67%)."""
    return DASH if value is None else f"{number_format(rounded(100 * float(value), 0), 0)}%"


def num(value: Any, decimals: int = 2) -> str:
    """A figure with two decimals in the reader's number format (3.25, or 3,25), rounded."""
    if value is None:
        return DASH
    if isinstance(value, int):
        return str(value)
    return number_format(rounded(value, decimals), decimals)


def score(value: Any) -> str:
    """A health score as shown: one decimal, the rounding its band uses
    (``netlead.analysis.health.shown_score``)."""
    return num(shown_score(value), 1)


def signed(value: float, decimals: int) -> str:
    """A change with its sign, rounded (+3, -0.25); a change that rounds to zero is +0."""
    shown = rounded(abs(value), decimals)
    return ("+" if value >= 0 or shown == 0 else "-") + number_format(shown, decimals)


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
    key = str(finding.get("key", ""))
    try:
        return finding_template(key) % values
    except (KeyError, ValueError, TypeError):
        logger.exception(
            "Cannot put the finding %r into words (parameters %s)", key, sorted(params)
        )
        return str(UNKNOWN_FINDING)


def finding_template(key: str) -> str:
    """The text of a finding key in the active language."""
    return gettext(messages.finding_template(key))


def suggestion_text(suggestion: dict[str, Any], label: Any) -> str:
    """The sentence of a stored suggestion; `label` turns a member key into a shown name."""
    kind = str(suggestion.get("kind", ""))
    none = gettext(messages.NO_ORGANIZATION)
    values = {
        "source": label(suggestion["source"]),
        "target": label(suggestion["target"]),
        "via": label(suggestion["via"]) if suggestion.get("via") else "",
        "source_organization": suggestion.get("source_organization") or none,
        "target_organization": suggestion.get("target_organization") or none,
        "fragmentation_pct": pct(suggestion.get("fragmentation_reduction")),
    }
    try:
        return gettext(messages.suggestion_template(kind)) % values
    except (KeyError, ValueError, TypeError):
        logger.exception("Cannot put the suggestion %r into words", kind)
        return str(UNKNOWN_SUGGESTION)
