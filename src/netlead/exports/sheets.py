"""Tables of the data on each page, built from the same selectors and read models as the page,
with headers in the reader's language. What a page does not show, its table does not hold:
no e-mail addresses of members, no individual answers, no aggregate under k."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from netlead.core.scales import meets_k
from netlead.exports.tables import Column, Kind, Table
from netlead.meetings import selectors as meetings
from netlead.meetings.models import Meeting
from netlead.networks import selectors as networks
from netlead.networks.importing import COLUMNS, HEADERS, LAYER_WORDS
from netlead.networks.models import Measurement, Network, NetworkMember, NetworkRole
from netlead.programmes.models import Cohort
from netlead.programmes.selectors import cohorts
from netlead.surveys import selectors as surveys
from netlead.workspaces import selectors as workspaces
from netlead.workspaces.models import Layer, Workspace

__all__ = [
    "actions_table",
    "cohort_progress_table",
    "health_table",
    "import_template_tables",
    "meetings_table",
    "members_table",
    "organization_matrix_table",
    "organizations_table",
    "results_table",
]


def _organization(member: NetworkMember) -> str:
    organization = member.person.organization
    return organization.name if organization else ""


def members_table(network: Network) -> Table:
    """Current members by organization and layer, then former members (as on the page)."""
    overview = networks.members_overview(network)
    current = [
        m for group in overview.groups for members in group.by_layer.values() for m in members
    ]
    rows = [
        (
            m.person.name,
            _organization(m),
            m.person.get_layer_display(),
            m.person.job_title,
            m.get_role_display(),
            m.joined_on,
            m.left_on,
        )
        for m in [*current, *overview.former]
    ]
    return Table(
        name=_("Members"),
        columns=(
            Column(_("Name")),
            Column(_("Organization")),
            Column(_("Layer")),
            Column(_("Job title")),
            Column(_("Role")),
            Column(_("Joined"), Kind.DATE),
            Column(_("Left"), Kind.DATE),
        ),
        rows=rows,
    )


def organizations_table(workspace: Workspace) -> Table:
    """Each organization with its number of persons per layer."""
    found = workspaces.organizations_with_counts(workspace)
    return Table(
        name=_("Organizations"),
        columns=(
            Column(_("Organization")),
            Column(_("Kind")),
            *(Column(str(label), Kind.INT) for label in Layer.labels),
            Column(_("No layer"), Kind.INT),
            Column(_("Total"), Kind.INT),
        ),
        rows=[
            (
                row.organization.name,
                row.organization.get_kind_display(),
                *(row.by_layer[layer] for layer in Layer.values),
                row.unassigned,
                row.total,
            )
            for row in found
        ],
    )


def results_table(network: Network) -> Table:
    """One row per measurement of each result; a result without measurements has one row."""
    rows: list[tuple[object, ...]] = []
    for entry in networks.results_overview(network):
        result = entry.result
        head = (
            result.title,
            result.indicator,
            result.unit,
            result.baseline,
            result.target,
            result.deadline,
            result.owner_organization.name if result.owner_organization else "",
            result.get_status_display(),
        )
        # The measurements were prefetched in date order by the selector.
        measurements: list[Measurement | None] = [*result.measurements.all()] or [None]
        rows += [
            (
                *head,
                m.measured_on if m else None,
                m.value if m else None,
                m.note if m else "",
            )
            for m in measurements
        ]
    return Table(
        name=_("Results"),
        columns=(
            Column(_("Result")),
            Column(_("Indicator")),
            Column(_("Unit")),
            Column(_("Baseline"), Kind.NUMBER),
            Column(_("Target"), Kind.NUMBER),
            Column(_("Deadline"), Kind.DATE),
            Column(_("Owner organization")),
            Column(_("Status")),
            Column(_("Measured on"), Kind.DATE),
            Column(_("Value"), Kind.NUMBER),
            Column(_("Note")),
        ),
        rows=rows,
    )


def _minutes_status(meeting: Meeting) -> str:
    minutes = getattr(meeting, "minutes", None)  # a reverse one-to-one: absent raises
    return minutes.get_status_display() if minutes is not None else ""


def meetings_table(network: Network) -> Table:
    """Every meeting, oldest first, with its attendance as recorded."""
    overview = meetings.meetings_overview(network)
    rates = {point.meeting.pk: point.rate for point in meetings.attendance_rates(network).trend}
    rows = []
    for meeting in sorted([*overview.past, *overview.upcoming], key=lambda m: m.starts_at):
        rate = rates.get(meeting.pk, meetings.Rate())
        rows.append(
            (
                meeting.title,
                meeting.starts_at,
                meeting.ends_at,
                meeting.location,
                meeting.is_cancelled,
                meeting.n_items,  # type: ignore[attr-defined]
                meeting.n_actions,  # type: ignore[attr-defined]
                _minutes_status(meeting),
                rate.present,
                rate.excused,
                rate.absent,
                rate.percent,
            )
        )
    return Table(
        name=_("Meetings"),
        columns=(
            Column(_("Meeting")),
            Column(_("Starts"), Kind.DATETIME),
            Column(_("Ends"), Kind.DATETIME),
            Column(_("Location")),
            Column(_("Cancelled"), Kind.BOOL),
            Column(_("Agenda items"), Kind.INT),
            Column(_("Actions"), Kind.INT),
            Column(_("Minutes")),
            Column(_("Present"), Kind.INT),
            Column(_("Excused"), Kind.INT),
            Column(_("Absent"), Kind.INT),
            Column(_("Share present (%)"), Kind.INT),
        ),
        rows=rows,
    )


def actions_table(network: Network) -> Table:
    """Every action of the network, whatever its status, by due date."""
    return Table(
        name=_("Actions"),
        columns=(
            Column(_("Action")),
            Column(_("Owner")),
            Column(_("Organization")),
            Column(_("Due"), Kind.DATE),
            Column(_("Status")),
            Column(_("Overdue"), Kind.BOOL),
            Column(_("Meeting")),
            Column(_("Result")),
            Column(_("Done"), Kind.DATETIME),
        ),
        rows=[
            (
                a.title,
                a.owner.person.name,
                _organization(a.owner),
                a.due_on,
                a.get_status_display(),
                a.is_overdue,
                a.meeting.title if a.meeting else "",
                a.result.title if a.result else "",
                a.done_at,
            )
            for a in meetings.network_actions(network, status="all")
        ],
    )


def health_table(data: surveys.StoredRound, language: str) -> Table:
    """The health scores per dimension: the whole network, each organization and each layer.
    A mean appears only over at least k respondents, as on the page; otherwise the row says
    why it is empty."""
    dashboard = surveys.health_dashboard(data, language)
    k = dashboard.k
    rows: list[tuple[object, ...]] = []

    def add(scope: str, group: str, scores: list[surveys.HealthDimension], reason: str) -> None:
        for d in scores:
            shown = not reason and d.mean is not None and meets_k(d.respondents, k)
            rows.append(
                (
                    scope,
                    group,
                    d.name,
                    d.respondents,
                    d.mean if shown else None,
                    d.band_label if shown else "",
                    "" if shown else reason or _("fewer than %(k)s answered") % {"k": k},
                )
            )

    add(_("Whole network"), "", dashboard.dimensions, dashboard.reason)
    for group in dashboard.by_organization:
        add(_("Organization"), group.name, group.scores, group.reason)
    for group in dashboard.by_layer:
        add(_("Layer"), group.name, group.scores, group.reason)
    return Table(
        name=_("Health"),
        columns=(
            Column(_("Breakdown")),
            Column(_("Group")),
            Column(_("Dimension")),
            Column(_("Respondents"), Kind.INT),
            Column(_("Mean (1 to 5)"), Kind.NUMBER),
            Column(_("Band")),
            Column(_("Not shown because")),
        ),
        rows=rows,
    )


def organization_matrix_table(data: surveys.StoredRound) -> Table:
    """Ties named by members of the organization in the row to members of the one in the
    column (counts of ties, no ratings)."""
    names, matrix = surveys.organization_matrix(data)
    return Table(
        name=_("Organization matrix"),
        columns=(
            Column(pgettext("matrix corner", "From \\ to")),
            *(Column(name, Kind.INT) for name in names),
        ),
        rows=[(name, *counts) for name, counts in zip(names, matrix, strict=True)],
    )


def cohort_progress_table(cohort: Cohort) -> Table:
    """Per participant: lessons done and assignments handed in per module, and attendance at
    the cohort's sessions (as on the progress page; no self-assessment scores)."""
    participants = cohorts.participants(cohort)
    modules = list(cohort.programme.modules.order_by("number"))
    progress = cohorts.progress(cohort, participants)
    rates = {r.member.person_id: r.rate for r in meetings.attendance_rates(cohort.network).members}
    module_columns: list[Column] = []
    for m in modules:
        module_columns += [
            Column(_("Module %(number)s: lessons done") % {"number": m.number}, Kind.INT),
            Column(_("Module %(number)s: handed in") % {"number": m.number}, Kind.INT),
        ]
    rows = []
    for row in progress:
        person = row.enrolment.person
        rate = rates.get(person.pk, meetings.Rate())
        cells: list[object] = [
            person.name,
            person.organization.name if person.organization else "",
            row.enrolment.peer_group,
        ]
        for mp in row.modules:
            cells += [mp.lessons_done, mp.handed_in]
        cells += [row.lessons_done, row.handed_in, rate.present, rate.excused, rate.absent]
        cells.append(rate.percent)
        rows.append(tuple(cells))
    return Table(
        name=_("Progress"),
        columns=(
            Column(_("Participant")),
            Column(_("Organization")),
            Column(_("Peer group"), Kind.INT),
            *module_columns,
            Column(_("Lessons done"), Kind.INT),
            Column(_("Handed in"), Kind.INT),
            Column(_("Sessions present"), Kind.INT),
            Column(_("Sessions excused"), Kind.INT),
            Column(_("Sessions absent"), Kind.INT),
            Column(_("Share present (%)"), Kind.INT),
        ),
        rows=rows,
    )


def import_template_tables(workspace: Workspace, language: str) -> tuple[Table, ...]:
    """The members import template: an empty sheet with the headers in `language`; in XLSX
    also a sheet that explains each column and one with the workspace's organizations."""
    headers = dict(zip(COLUMNS, HEADERS.get(language, COLUMNS), strict=True))
    layers = ", ".join(
        word for word, value in LAYER_WORDS.items() if word != value and value in Layer.values
    )
    explained = {
        "name": (True, _("The person's full name.")),
        "email": (False, _("A person with a known e-mail address is reused.")),
        "organization": (True, _("As named in the workspace (see the sheet Organizations).")),
        "layer": (
            False,
            _("strategic, tactical or operational (also: %(words)s).") % {"words": layers},
        ),
        "job_title": (False, _("The person's job title.")),
        "joined": (
            False,
            _("The day the person joined the network (2026-01-15 or 15-01-2026). Empty: today."),
        ),
        "role": (
            False,
            _("One of: %(roles)s. Empty: member.")
            % {"roles": ", ".join(str(label).lower() for label in NetworkRole.labels)},
        ),
    }
    return (
        Table(
            name=_("Members"),
            columns=tuple(Column(headers[c]) for c in COLUMNS),
            rows=[],
        ),
        Table(
            name=_("Columns"),
            columns=(Column(_("Column")), Column(_("Required"), Kind.BOOL), Column(_("Content"))),
            rows=[(headers[c], *explained[c]) for c in COLUMNS],
        ),
        Table(
            name=_("Organizations"),
            columns=(Column(_("Organization")),),
            rows=[(o.name,) for o in workspace.organizations.order_by("name")],
        ),
    )
