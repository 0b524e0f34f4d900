"""Plain-language texts for the suggestion keys of netlead.analysis.personal, and for the
position roles of netlead.analysis.position (the analysis returns keys; words are ours)."""

from __future__ import annotations

from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from netlead.development.models import NetworkKind


def _percent(share: Any) -> str:
    return number_format(round(float(share) * 100)) + "%"


def kind_name(kind: str) -> str:
    return str(NetworkKind(kind).label)


def suggestion_text(key: str, params: dict[str, Any]) -> str:
    """One suggestion about the personal network, in the active language."""
    p = dict(params)
    if "share" in p:
        p["share"] = _percent(p["share"])
    if "kind" in p:
        p["kind"] = kind_name(str(p["kind"])).lower()
    texts = {
        "no_contacts": _(
            "Start by adding the people you work with now, then those who help you grow and "
            "those who matter for where you want to go."
        ),
        "no_strategic": _(
            "You have no strategic contacts yet: people who help you see what is coming and "
            "who can support your plans. Who outside your daily work should you get to know?"
        ),
        "strategic_low": _(
            "Only %(share)s of your contacts are strategic. Leaders who grow into network "
            "leadership make time for ties that serve tomorrow's priorities, not only today's work."
        ),
        "strategic_all_internal": _(
            "All your strategic contacts are in your own organization. Partners, funders and "
            "peers elsewhere see what your organization cannot: who could you reach out to?"
        ),
        "personal_all_internal": _(
            "All your personal contacts are in your own organization. A personal network "
            "brings fresh views from outside: professional associations, former colleagues, peers "
            "in other organizations."
        ),
        "no_personal": _(
            "You have no personal contacts yet: people outside your tasks who help you learn, "
            "reflect and find new ideas."
        ),
        "operational_heavy": _(
            "%(share)s of your contacts are operational. That gets today's work done; consider "
            "freeing time for ties that help you develop and look ahead."
        ),
        "few_functions": _(
            "Your contacts come from only %(count)d function areas. People from other fields "
            "(finance, policy, communication, the community) widen what you see."
        ),
        "one_external_organization": _(
            "All your contacts outside your organization work at %(organization)s. A network "
            "leader needs ties to several partners."
        ),
        "no_above": _(
            "None of your contacts is above you. Sponsors and senior people help you anchor the "
            "network's work in the line."
        ),
        "strategic_weak": _(
            "Most of your %(count)d strategic ties are weak. Strengthen one or two by reaching "
            "out before you need something."
        ),
        "stale": _("You have not been in touch with %(count)d contacts for over %(days)d days."),
        "strategic_stale": _(
            "%(count)d of your strategic contacts have not heard from you for over %(days)d days."
        ),
        "audit_gap": _(
            "You rate your %(kind)s network as important (%(importance)d of 5) but its quality "
            "now as %(quality)d of 5: that is where to invest first."
        ),
    }
    text = texts.get(key)
    if text is None:
        return key
    return text % p if "%(" in text else text


def role_text(role: str) -> tuple[str, str]:
    """A position role's name and what it means."""
    roles = {
        "broker": (
            _("Broker"),
            _("You link people who are otherwise far apart: the network leans on you to connect."),
        ),
        "hub": (
            _("Hub"),
            _("You have more ties than most members: many work with you directly."),
        ),
        "peripheral": (
            _("At the edge"),
            _(
                "You have few ties in this network yet: a place to see it freshly, or to connect more."
            ),
        ),
        "isolated": (
            _("Not yet connected"),
            _("Nobody named a tie with you, and you named none, in this round."),
        ),
        "connected": (
            _("Connected"),
            _("You are connected like most members, neither at the centre nor at the edge."),
        ),
    }
    return roles.get(role, (role, ""))


def personal_map_texts() -> dict[str, str]:
    """The words of the interactive personal network map (static/js/personal-network-map.js),
    in the active language; ``%(name)s`` placeholders are filled in by the script."""
    return {
        "nothing": _("Nothing selected"),
        "me": _("Me"),
        "network": _("Network"),
        "position": _("Position"),
        "organization": _("Organization"),
        "function_area": _("Function area"),
        "strength": _("Tie strength"),
        "strength_value": _("%(strength)s of 5"),
        "frequency": _("How often"),
        "last_contact": _("Last contact"),
        "never": _("never"),
        "stale": _("Not reached for a long time"),
        "unknown": _("not given"),
        "edit": _("Edit this contact"),
        "selected": _("Selected: %(name)s"),
        "downloaded": _("The map was downloaded as %(format)s."),
        "leader": _(
            "You, at the centre. Your contacts sit around you in three networks; the nearer "
            "the centre, the stronger the tie."
        ),
    }
