"""The network map of a closed relationship round, as the map page shows it.

Built from the stored diagnosis (read through surveys/readmodels.py) and the stored layout
(netlead.analysis.maps), under the map's privacy rules:

- Ids are random for each view: the page holds no person id, so nothing on it can be matched to
  another page, an export or the next load.
- A member who chose not to be named, and everyone when names are hidden, is labelled only by
  the group of their organization and layer ("Strategic at Gemeente Tiel"); a group of one is
  merged into its organization and loses its layer, so the label points at nobody.
- The direction of a tie (who named whom) is not shown when either member is not named.
- No rating of a person or of a tie, ever. The ties between two organizations are coloured by
  the mean trust of their members' ties only where at least k members rated them (the
  diagnosis's rating matrix, which is suppressed below k).
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from netlead.analysis import maps
from netlead.analysis.model import Member
from netlead.surveys import texts
from netlead.surveys.models import SurveyRound
from netlead.surveys.readmodels import Diagnosis, Finding, NetworkMap, read_diagnosis, read_map
from netlead.workspaces.models import Layer

__all__ = [
    "ORGANIZATION_LEVEL_FROM",
    "MapMember",
    "MapOrganization",
    "MapTie",
    "MapView",
    "OrganizationTie",
    "layout_of",
    "network_map",
]

#: From this many members the map opens on the organizations, not the members.
ORGANIZATION_LEVEL_FROM = 300
#: Labels shown at every zoom: the members with most ties, this share of them (at least 8).
_MAJOR_SHARE = 0.15
_MAJOR_MIN = 8


@dataclass(frozen=True)
class MapMember:
    """A member as the map shows them: a random id, a label and figures; no ratings."""

    id: str
    label: str
    #: The label on the map at a glance (a first name); "" for a member not named.
    short: str
    named: bool
    organization: str
    organization_id: str
    layer: str
    layer_label: str
    degree: int
    betweenness: float
    harmonic_closeness: float
    brokerage: int
    cut_point: bool
    roles: tuple[str, ...]
    major: bool
    x: float
    y: float
    findings: tuple[str, ...]


@dataclass(frozen=True)
class MapOrganization:
    id: str
    name: str
    members: int
    internal_ties: int
    external_ties: int
    partners: int
    isolated: bool
    x: float
    y: float
    r: float
    findings: tuple[str, ...]


@dataclass(frozen=True)
class MapTie:
    source: str
    target: str
    strength: int
    #: Whether both named each other; ``None`` when either is not named (direction hidden).
    mutual: bool | None
    new: bool


@dataclass(frozen=True)
class OrganizationTie:
    """Ties between the members of two organizations, and their mean trust (1-4) where at
    least k members rated them, else ``None``."""

    source: str
    target: str
    ties: int
    trust: float | None


@dataclass(frozen=True)
class MapView:
    members: list[MapMember]
    organizations: list[MapOrganization]
    ties: list[MapTie]
    lost: list[tuple[str, str]]
    organization_ties: list[OrganizationTie]
    k: int
    #: "organizations" or "members": the level the map opens on.
    level: str
    has_previous: bool
    #: Betweenness and closeness were estimated from this many sampled members (``None``:
    #: exact), so the page and the JSON say "estimated".
    centrality_sample: int | None = None

    def as_json(self) -> dict[str, Any]:
        """The map as the page's script reads it (static/js/network-map.js)."""
        return {
            "level": self.level,
            "k": self.k,
            "comparison": self.has_previous,
            "centrality_sample": self.centrality_sample,
            "organizations": [
                {
                    "id": o.id,
                    "name": o.name,
                    "members": o.members,
                    "internal": o.internal_ties,
                    "external": o.external_ties,
                    "partners": o.partners,
                    "isolated": o.isolated,
                    "x": o.x,
                    "y": o.y,
                    "r": o.r,
                    "findings": list(o.findings),
                }
                for o in self.organizations
            ],
            "members": [
                {
                    "id": m.id,
                    "label": m.label,
                    "short": m.short,
                    "named": m.named,
                    "org": m.organization_id,
                    "organization": m.organization,
                    "layer": m.layer,
                    "layer_label": m.layer_label,
                    "degree": m.degree,
                    "betweenness": m.betweenness,
                    "harmonic_closeness": m.harmonic_closeness,
                    "brokerage": m.brokerage,
                    "cut_point": m.cut_point,
                    "roles": list(m.roles),
                    "major": m.major,
                    "x": m.x,
                    "y": m.y,
                    "findings": list(m.findings),
                }
                for m in self.members
            ],
            # Ties as [source, target, strength, mutual, new]: a thousand members have thousands.
            "ties": [[t.source, t.target, t.strength, t.mutual, t.new] for t in self.ties],
            "lost": [[a, b] for a, b in self.lost],
            "organization_ties": [
                {"s": t.source, "t": t.target, "ties": t.ties, "mean_trust": t.trust}
                for t in self.organization_ties
            ],
        }


def layout_of(graph: NetworkMap) -> maps.MapLayout:
    """The stored layout, or for a round closed before layouts were stored the same seeded
    layout computed now (the same on every load, but not continued from the previous round)."""
    if graph.layout is not None:
        return graph.layout
    members = [Member(m.id, organization=m.organization) for m in graph.members]
    return maps.layout(members, [(e.source, e.target) for e in graph.edges])


@dataclass(frozen=True)
class _Person:
    name: str
    named: bool


def _people(survey_round: SurveyRound, *, pseudonymised: bool) -> dict[str, _Person]:
    rows = survey_round.invitations.values_list(
        "member__person_id", "member__person__name", "not_named"
    )
    return {
        str(person_id): _Person(name, not (pseudonymised or not_named))
        for person_id, name, not_named in rows
    }


def _short(name: str) -> str:
    return name.split()[0] if name.split() else name


def _group_labels(graph: NetworkMap, people: Mapping[str, _Person]) -> dict[str, tuple[str, str]]:
    """Label and shown layer of each member not named: their organization and layer, or their
    organization alone when they would be the only one of that layer."""
    layers = {str(value): str(label) for value, label in Layer.choices}
    hidden = [m for m in graph.members if not (people.get(m.id) or _Person("", False)).named]
    sizes: dict[tuple[str, str], int] = defaultdict(int)
    for m in hidden:
        sizes[(m.organization or "", m.layer or "")] += 1
    out = {}
    for m in hidden:
        organization = m.organization or str(_("No organization"))
        layer = m.layer or ""
        if layer and sizes[(m.organization or "", layer)] > 1:
            out[m.id] = (
                _("%(layer)s at %(organization)s")
                % {"layer": layers.get(layer, layer), "organization": organization},
                layer,
            )
        else:
            out[m.id] = (_("Member of %(organization)s") % {"organization": organization}, "")
    return out


def _finding_texts(
    findings: Sequence[Finding], label: Any
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The findings that name a member, and those that name an organization, in words."""
    by_member: dict[str, list[str]] = defaultdict(list)
    by_organization: dict[str, list[str]] = defaultdict(list)
    for f in findings:
        if f.key in texts.WARNING_KEYS:
            continue
        words = texts.finding_text(
            {"key": f.key, "params": dict(f.params), "figure": f.figure}, label
        )
        member = f.params.get("member")
        if member is not None:
            by_member[str(member)].append(words)
        organization = f.params.get("organization")
        if organization is not None and member is None:
            by_organization[str(organization)].append(words)
    return by_member, by_organization


def _trust(diagnosis: Diagnosis) -> dict[tuple[str, str], float]:
    """Mean trust between two organizations (either direction), from the cells shown."""
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    for cell in diagnosis.rating_matrix or ():
        trust = cell.aggregate.trust
        if cell.source == cell.target or trust is None or cell.aggregate.suppressed:
            continue
        pair = (min(cell.source, cell.target), max(cell.source, cell.target))
        weight = max(cell.aggregate.ratings, 1)
        sums[pair][0] += trust * weight
        sums[pair][1] += weight
    return {pair: round(total / weight, 2) for pair, (total, weight) in sums.items()}


def _new_id(used: set[str]) -> str:
    while True:
        key = secrets.token_hex(4)
        if key not in used:
            used.add(key)
            return key


def network_map(
    data: Mapping[str, Any], survey_round: SurveyRound, *, pseudonymised: bool
) -> MapView:
    """The map of a closed relationship round for one view (see the module's rules)."""
    graph = read_map(data)
    diagnosis = read_diagnosis(data)
    layout = layout_of(graph)
    people = _people(survey_round, pseudonymised=pseudonymised)
    groups = _group_labels(graph, people)
    layers = {str(value): str(label) for value, label in Layer.choices}

    def label(key: Any) -> str:
        key = str(key)
        if key in groups:
            return groups[key][0]
        person = people.get(key)
        return person.name if person else str(_("a former member"))

    roles = maps.member_roles(
        {m.id: m.degree for m in graph.members},
        {m.id: m.brokerage for m in graph.members},
        [m.id for m in graph.members if m.cut_point],
    )
    by_degree = sorted(graph.members, key=lambda m: (-m.degree, m.id))
    major_count = max(_MAJOR_MIN, round(len(by_degree) * _MAJOR_SHARE))
    major = {m.id for m in by_degree[:major_count]}
    member_findings, organization_findings = _finding_texts(diagnosis.findings, label)

    used: set[str] = set()
    view_id = {m.id: _new_id(used) for m in graph.members}
    names = sorted({m.organization or "" for m in graph.members})
    org_id = {name: _new_id(used) for name in names}
    figures = {o.organization: o for o in diagnosis.organizations}

    members = []
    for m in graph.members:
        x, y = layout.members.get(m.id, (0.0, 0.0))
        hidden = m.id in groups
        layer = groups[m.id][1] if hidden else (m.layer or "")
        shown = label(m.id)
        members.append(
            MapMember(
                id=view_id[m.id],
                label=shown,
                short="" if hidden else _short(shown),
                named=not hidden,
                organization=m.organization or "",
                organization_id=org_id[m.organization or ""],
                layer=layer,
                layer_label=layers.get(layer, ""),
                degree=m.degree,
                betweenness=round(m.betweenness, 4),
                harmonic_closeness=round(m.harmonic_closeness, 4),
                brokerage=m.brokerage,
                cut_point=m.cut_point,
                roles=roles.get(m.id, ()),
                major=m.id in major,
                x=x,
                y=y,
                findings=tuple(member_findings.get(m.id, ())),
            )
        )
    # Sorted by random id, so the order of the list tells nothing either.
    members.sort(key=lambda m: m.id)

    counts: dict[str, int] = defaultdict(int)
    for m in graph.members:
        counts[m.organization or ""] += 1
    organization_of = {m.id: m.organization or "" for m in graph.members}
    between: dict[tuple[str, str], int] = defaultdict(int)
    ties = []
    for e in graph.edges:
        if e.source not in view_id or e.target not in view_id:
            continue
        a, b = organization_of[e.source], organization_of[e.target]
        if a != b:
            between[(min(a, b), max(a, b))] += 1
        either_hidden = e.source in groups or e.target in groups
        ties.append(
            MapTie(
                source=view_id[e.source],
                target=view_id[e.target],
                strength=e.strength,
                mutual=None if either_hidden else e.mutual,
                new=e.new,
            )
        )
    ties.sort(key=lambda t: (t.source, t.target))
    lost = sorted((view_id[a], view_id[b]) for a, b in graph.lost if a in view_id and b in view_id)
    trust = _trust(diagnosis)
    organization_ties = [
        OrganizationTie(org_id[a], org_id[b], count, trust.get((a, b)))
        for (a, b), count in sorted(between.items())
    ]
    organizations = []
    for name in names:
        x, y, r = layout.organizations.get(name, (0.0, 0.0, maps.SPACING))
        found = figures.get(name)
        organizations.append(
            MapOrganization(
                id=org_id[name],
                name=name or str(_("No organization")),
                members=counts[name],
                internal_ties=found.internal_ties if found else 0,
                external_ties=found.external_ties if found else 0,
                partners=found.partners if found else 0,
                isolated=found.isolated if found else False,
                x=x,
                y=y,
                r=r,
                findings=tuple(organization_findings.get(name, ())),
            )
        )
    return MapView(
        members=members,
        organizations=organizations,
        ties=ties,
        lost=lost,
        organization_ties=organization_ties,
        k=diagnosis.k,
        level="organizations" if len(members) >= ORGANIZATION_LEVEL_FROM else "members",
        has_previous=diagnosis.comparison is not None,
        centrality_sample=graph.centrality_sample,
    )


def panel_texts() -> dict[str, str]:
    """The words the map's script shows (the side panel, status messages), translated."""
    return {
        "nothing": _("Nothing selected"),
        "organization": _("Organization"),
        "layer": _("Layer"),
        "ties": _("Ties"),
        "works_with": _("Works with"),
        "role": _("Role"),
        "hub": _("Hub: among the members with most ties"),
        "broker": _("Broker: links parts of the network that are otherwise apart"),
        "cut_point": _("Their departure would split the network"),
        "findings": _("Findings about them"),
        "no_findings": _("No finding names them."),
        "not_named": _("Not named: shown only by organization and layer."),
        "mutual": _("named each other"),
        "members": _("Members"),
        "internal": _("Ties inside"),
        "external": _("Ties with other organizations"),
        "partners": _("Partner organizations"),
        "mean_trust": _("mean trust %(trust)s of 4"),
        "trust_hidden": _("trust not shown: fewer than %(k)s rated"),
        "isolated": _("No tie with another organization"),
        "open_members": _("Show its members"),
        "no_match": _("Nothing on the map matches “%(query)s”."),
        "selected": _("Selected: %(label)s"),
        "level_organizations": _("Showing the organizations"),
        "level_members": _("Showing the members"),
        "shown": _("%(members)s members and %(ties)s ties shown"),
        "changes": _("%(new)s new ties and %(lost)s lost ties since the last round"),
        "focus_on": _("Focus on the selection"),
        "focus_off": _("Show everything"),
        "fullscreen_on": _("Full screen"),
        "fullscreen_off": _("Leave full screen"),
        "downloaded": _("The map was downloaded as %(format)s."),
        "none": _("none"),
        "no_layer": _("No layer given"),
        "no_organization": _("No organization"),
    }


def member_rows(view: MapView) -> list[tuple[str, str, str, int, str, int, str, str]]:
    """The members table under the map (its text alternative), by organization and name: the
    cells as shown, made here once rather than by template tags per cell (a thousand rows)."""
    roles = {"hub": _("Hub"), "broker": _("Broker")}
    yes, no, dash = _("yes"), _("no"), "—"
    return [
        (
            m.label,
            m.organization or dash,
            m.layer_label or dash,
            m.degree,
            f"{m.betweenness:.3f}",
            m.brokerage,
            ", ".join(str(roles[r]) for r in m.roles) or dash,
            yes if m.cut_point else no,
        )
        for m in sorted(view.members, key=lambda m: (m.organization, m.label.casefold()))
    ]
