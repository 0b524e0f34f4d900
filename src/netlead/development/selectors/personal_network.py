"""The personal network: its summary, suggestions and the ego map (netlead.analysis.personal)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from netlead.analysis import personal
from netlead.core.language import active_language
from netlead.development import texts
from netlead.development.models import (
    Contact,
    NetworkAudit,
    NetworkKind,
    NetworkSnapshot,
)
from netlead.development.selectors.profile import profile_of
from netlead.frameworks import competences as default_content
from netlead.workspaces.models import Person


def contacts_of(owner: Person) -> QuerySet[Contact]:
    return owner.contacts.all()


def _analysis_contacts(contacts: list[Contact]) -> list[personal.Contact]:
    return [
        personal.Contact(
            id=str(c.pk),
            kind=c.kind,
            internal=c.internal,
            level=c.level,
            function_area=c.function_area,
            organization="" if c.internal else c.organization.strip(),
            strength=c.strength,
            last_contact=c.last_contact,
        )
        for c in contacts
    ]


def _audit_of(owner: Person) -> list[NetworkAudit]:
    return list(owner.network_audits.all())


def network_summary(owner: Person, *, today: date) -> personal.PersonalNetworkSummary:
    stale_after = profile_of(owner).stale_after_days
    return personal.summarize(
        _analysis_contacts(list(contacts_of(owner))),
        today=today,
        stale_after_days=stale_after,
        audit=[
            personal.AuditRating(kind=a.kind, importance=a.importance, quality=a.quality)
            for a in _audit_of(owner)
        ],
    )


def summary_to_json(summary: personal.PersonalNetworkSummary) -> dict[str, Any]:
    """The figures of a summary worth keeping in a snapshot (no names, no ids)."""
    return {
        "contacts": summary.contacts,
        "balance": {b.kind: b.contacts for b in summary.balance},
        "external_share": summary.external_share,
        "strategic_share": summary.strategic_share,
        "strategic_external_share": summary.strategic_external_share,
        "function_areas": summary.function_areas,
        "organizations": summary.organizations,
        "stale": len(summary.stale),
    }


@dataclass(frozen=True)
class PlacedName:
    contact: Contact
    x: float
    y: float
    radius: float
    labelled: bool  # names only where a sector has room for them; the table lists all


@dataclass
class PersonalNetworkView:
    contacts: list[Contact]
    summary: personal.PersonalNetworkSummary
    suggestions: list[str]
    placed: list[PlacedName]
    sectors: list[tuple[str, str, str]]  # kind, label, SVG path
    stale: list[Contact]
    audit: dict[str, NetworkAudit]
    kinds: list[default_content.PersonalNetworkKind]
    snapshots: list[NetworkSnapshot]
    size: float
    map_data: dict[str, Any]


#: The interactive map's model units (Cytoscape fits them to the screen): wider than the
#: static map so that names have room.
CANVAS_SIZE = 720.0
#: The interactive map names up to this many contacts per sector before zooming in.
CANVAS_LABELS_PER_SECTOR = 14
#: Model units between the sectors' rim and the label of a network.
_KIND_LABEL_OFFSET = 28.0


MAP_SIZE = 480.0
#: Above this many contacts in a sector, names on the map would overlap: the dots keep a
#: tooltip and the table below the map lists every contact.
LABELS_PER_SECTOR = 10


def _map_data(
    owner: Person, contacts: list[Contact], stale: set[str], crowded: set[str], slug: str
) -> dict[str, Any]:
    """What the interactive map draws (static/js/personal-network-map.js): the leader at the
    centre, the three networks as sectors and, inside each, the contacts grouped by their
    position relative to the leader; nearer the centre means a stronger tie."""
    placed = personal.ego_layout(
        _analysis_contacts(contacts), size=CANVAS_SIZE, group_by_level=True
    )
    by_id = {str(c.pk): c for c in contacts}
    kind_labels = dict(NetworkKind.choices)
    rim = CANVAS_SIZE * personal.SECTOR_RADIUS
    kinds = []
    for kind in personal.KINDS:
        x, y = personal.sector_middle(kind, size=CANVAS_SIZE, distance=rim + _KIND_LABEL_OFFSET)
        kinds.append({"key": kind, "label": str(kind_labels[kind]), "x": x, "y": y})
    nodes = []
    for p in placed:
        c = by_id[p.id]
        nodes.append(
            {
                "id": f"c{c.pk}",
                "name": c.name,
                "kind": c.kind,
                "kind_label": str(kind_labels[c.kind]),
                "level": c.level,
                "level_label": str(c.get_level_display()),
                "organization": _("Own organization") if c.internal else c.organization,
                "internal": c.internal,
                "function_area": str(c.get_function_area_display()) if c.function_area else "",
                "strength": c.strength,
                "frequency": str(c.get_frequency_display()) if c.frequency else "",
                "last_contact": date_format(c.last_contact, "SHORT_DATE_FORMAT")
                if c.last_contact
                else "",
                "stale": p.id in stale,
                "crowded": p.id in crowded,
                "x": p.x,
                "y": p.y,
                "radius": p.radius,
                "edit": reverse("development:contact_edit", args=[slug, c.pk]),
            }
        )
    return {
        "size": CANVAS_SIZE,
        "rim": rim,
        "leader": owner.name,
        "kinds": kinds,
        "contacts": nodes,
    }


def personal_network(owner: Person, *, today: date, slug: str = "") -> PersonalNetworkView:
    contacts = list(contacts_of(owner))
    by_id = {str(c.pk): c for c in contacts}
    summary = network_summary(owner, today=today)
    placed = personal.ego_layout(_analysis_contacts(contacts), size=MAP_SIZE)
    per_kind = {b.kind: b.contacts for b in summary.balance}
    labels = dict(NetworkKind.choices)
    return PersonalNetworkView(
        contacts=contacts,
        summary=summary,
        suggestions=[texts.suggestion_text(s.key, s.params) for s in summary.suggestions],
        placed=[
            PlacedName(by_id[p.id], p.x, p.y, p.radius, per_kind[p.kind] <= LABELS_PER_SECTOR)
            for p in placed
        ],
        sectors=[
            (kind, str(labels[kind]), personal.sector_path(kind, size=MAP_SIZE))
            for kind in personal.KINDS
        ],
        stale=[by_id[i] for i in summary.stale],
        audit={a.kind: a for a in _audit_of(owner)},
        kinds=list(default_content.personal_network_texts(active_language()).kinds),
        snapshots=list(owner.network_snapshots.all()[:6]),
        size=MAP_SIZE,
        map_data=_map_data(
            owner,
            contacts,
            set(summary.stale),
            {p.id for p in placed if per_kind[p.kind] > CANVAS_LABELS_PER_SECTOR},
            slug,
        )
        if slug
        else {},
    )
