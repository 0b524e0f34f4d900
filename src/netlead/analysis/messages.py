"""The one source of the texts of every finding and suggestion of a diagnosis.

The engine emits message keys with parameters (``Finding.key``, ``Suggestion.kind``); this
module holds the English sentence of each key in ``%(name)s`` format. ``report`` formats them
for the CLI; the web app (``netlead.surveys.texts``) translates them with gettext at render
time. Django's ``makemessages`` extracts them into the nl and da catalogues because each text
is wrapped in ``gettext_noop`` (a local marker: this package imports nothing from Django).

A key without a text is an error, never shown as the raw key: ``finding_template`` and
``suggestion_template`` raise ``UnknownMessageKey`` (a ``KeyError``).

>>> finding_template("trust_low") % {"figure_pct": "40%"}
'Trust in the network is low: 40% of the maximum.'
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = [
    "FINDINGS",
    "NO_ORGANIZATION",
    "SUGGESTIONS",
    "UnknownMessageKey",
    "finding_template",
    "gettext_noop",
    "suggestion_template",
]


def gettext_noop(message: str) -> str:
    """Mark ``message`` for translation and return it unchanged (the marker Django's
    ``makemessages`` looks for; translation happens where the text is shown)."""
    return message


class UnknownMessageKey(KeyError):
    """A finding key or suggestion kind that has no text here."""


FINDINGS: Mapping[str, str] = MappingProxyType(
    {
        # Missing answers (netlead.analysis.missing): the warning comes first.
        "low_response": gettext_noop(
            "Only %(respondents)s of %(members)s members answered (%(figure_pct)s, below "
            "%(threshold)s%%): read every figure with care. Ties of those who did not answer "
            "are reconstructed from what others said about them; pairs of two people who did "
            "not answer are unknown."
        ),
        "low_response_respondents": gettext_noop(
            "Only %(respondents)s of %(members)s members answered (%(figure_pct)s, below "
            "%(threshold)s%%): read every figure with care. The figures describe only the "
            "network of those who answered."
        ),
        "network_fragmented": gettext_noop(
            "The network falls apart into %(components)s separate parts: %(figure_pct)s of "
            "pairs of members cannot reach each other, even through others."
        ),
        "members_isolated": gettext_noop(
            "%(count)s member(s) have no tie with anyone in the network."
        ),
        "orgs_isolated_summary": gettext_noop(
            "%(count)s of %(total)s organizations have no tie outside themselves."
        ),
        "org_isolated": gettext_noop(
            "%(organization)s (%(members)s members) has no tie outside itself."
        ),
        "cut_point": gettext_noop(
            "If %(member_label)s leaves, %(figure_pct)s of the pairs of other members lose "
            "their connection."
        ),
        "org_single_bridge": gettext_noop(
            "All ties of %(organization)s with other organizations run through one person: "
            "%(member_label)s."
        ),
        "mostly_internal": gettext_noop(
            "Most ties stay inside organizations (E-I index %(figure_num)s, where -1 means all "
            "inside and +1 all across)."
        ),
        "cross_organization_share": gettext_noop(
            "%(figure_pct)s of ties cross organization boundaries."
        ),
        "low_reciprocity": gettext_noop(
            "Only %(figure_pct)s of ties are mutual: many people name partners who do not name "
            "them back."
        ),
        "central_broker": gettext_noop(
            "%(member_label)s links many members who are not otherwise close: valuable, and a "
            "risk if they are overloaded or leave."
        ),
        "layer_isolated": gettext_noop("The %(layer)s layer has no tie with the other layers."),
        "trust_across_layers_lower": gettext_noop(
            "Trust across layers (%(across_num)s) is lower than within layers (%(within_num)s), "
            "on a scale of 1 to 4."
        ),
        "trust_across_organizations_lower": gettext_noop(
            "Trust across organizations (%(across_num)s) is lower than within organizations "
            "(%(within_num)s), on a scale of 1 to 4."
        ),
        "trust_low": gettext_noop("Trust in the network is low: %(figure_pct)s of the maximum."),
        "ratings_suppressed": gettext_noop(
            "Ratings received by %(count)s member(s) are not shown because fewer than %(k)s "
            "people rated them."
        ),
        "communities_cross_organizations": gettext_noop(
            "The %(communities)s groups that work closely together cut across organizations."
        ),
        "communities_follow_organizations": gettext_noop(
            "The %(communities)s groups that work closely together follow organization lines."
        ),
        # Comparison of two rounds (netlead.analysis.compare).
        "ties_changed": gettext_noop(
            "%(new)s ties are new and %(lost)s ties were lost since the last round."
        ),
        "ties_not_compared": gettext_noop(
            "%(count)s ties could not be compared: someone who would have named them did not "
            "answer one of the two rounds, so they count as neither new nor lost."
        ),
        "fragmentation_rose": gettext_noop(
            "More pairs of members are cut off from each other than in the last round "
            "(%(figure_signed_pct)s)."
        ),
        "fragmentation_fell": gettext_noop(
            "Fewer pairs of members are cut off from each other than in the last round "
            "(%(figure_signed_pct)s)."
        ),
        "cross_organization_rose": gettext_noop(
            "A larger share of ties crosses organizations than in the last round "
            "(%(figure_signed_pct)s)."
        ),
        "cross_organization_fell": gettext_noop(
            "A smaller share of ties crosses organizations than in the last round "
            "(%(figure_signed_pct)s)."
        ),
        "trust_rose": gettext_noop(
            "Trust rose since the last round (%(figure_signed_num)s on the 1-4 scale)."
        ),
        "trust_fell": gettext_noop(
            "Trust fell since the last round (%(figure_signed_num)s on the 1-4 scale)."
        ),
    }
)

SUGGESTIONS: Mapping[str, str] = MappingProxyType(
    {
        "connect_components": gettext_noop(
            "Introduce %(source)s to %(target)s: it joins a separate part of the network to the "
            "rest (%(fragmentation_pct)s of pairs newly connected)."
        ),
        "connect_organization": gettext_noop(
            "Introduce %(source)s (%(source_organization)s) to %(target)s "
            "(%(target_organization)s): %(source_organization)s has no tie outside itself yet."
        ),
        "close_triad": gettext_noop(
            "%(via)s could introduce %(source)s (%(source_organization)s) to %(target)s "
            "(%(target_organization)s): it opens up a closed circle across organizations."
        ),
    }
)

#: Shown for a member without an organization in a suggestion.
NO_ORGANIZATION = gettext_noop("no organization")


def finding_template(key: str) -> str:
    """The English text of a finding key, in ``%(name)s`` format.

    >>> finding_template("no_such_key")
    Traceback (most recent call last):
    ...
    netlead.analysis.messages.UnknownMessageKey: 'no text for the finding key no_such_key'
    """
    try:
        return FINDINGS[key]
    except KeyError:
        raise UnknownMessageKey(f"no text for the finding key {key}") from None


def suggestion_template(kind: str) -> str:
    """The English text of a suggestion kind, in ``%(name)s`` format."""
    try:
        return SUGGESTIONS[kind]
    except KeyError:
        raise UnknownMessageKey(f"no text for the suggestion kind {kind}") from None
