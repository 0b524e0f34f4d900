"""The personal network: its summary, suggestions and the ego map (netlead.analysis.personal)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import QuerySet

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


MAP_SIZE = 480.0
#: Above this many contacts in a sector, names on the map would overlap: the dots keep a
#: tooltip and the table below the map lists every contact.
LABELS_PER_SECTOR = 10


def personal_network(owner: Person, *, today: date) -> PersonalNetworkView:
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
    )
