"""Each export as a whole: its access function (the page's own, recorded in the audit log), the
table or graph built from the page's selectors, and the file. The pages' download views and the
REST API serve the same files through these, so neither holds a rule of its own."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.translation import gettext as _

from netlead.accounts.models import User
from netlead.core.errors import NotFound
from netlead.core.language import active_language
from netlead.exports import access, sheets
from netlead.exports.graphs import round_graph
from netlead.exports.responses import (
    GRAPH_FORMATS,
    TABLE_FORMATS,
    attachment,
    check_format,
    table_response,
)
from netlead.networks.access import EDIT, network_for
from netlead.surveys import selectors as surveys

#: The tables of a network's own data.
NETWORK_TABLES = ("members", "results", "meetings", "actions")


def organizations(user: User, slug: str, fmt: str, *, path: str) -> HttpResponse:
    check_format(fmt, TABLE_FORMATS)
    membership = access.workspace_export_for(user, slug, what="organizations", path=path)
    workspace = membership.workspace
    return table_response(
        sheets.organizations_table(workspace), fmt=fmt, parts=(workspace.name, _("organizations"))
    )


def network_table(
    user: User, slug: str, network_id: int, what: str, fmt: str, *, path: str
) -> HttpResponse:
    check_format(fmt, TABLE_FORMATS)
    if what not in NETWORK_TABLES:
        raise NotFound(f"no export of {what!r}")
    found = access.network_export_for(user, slug, network_id, what=what, path=path)
    network = found.network
    build, label = {
        "members": (sheets.members_table, _("members")),
        "results": (sheets.results_table, _("results")),
        "meetings": (sheets.meetings_table, _("meetings")),
        "actions": (sheets.actions_table, _("actions")),
    }[what]
    return table_response(build(network), fmt=fmt, parts=(network.name, label))


def round_network(
    user: User,
    slug: str,
    network_id: int,
    round_id: int,
    fmt: str,
    *,
    names_hidden: bool,
    path: str,
) -> HttpResponse:
    """A relationship round's network as GraphML or GEXF; `names_hidden` pseudonymises
    everyone, as on the map."""
    check_format(fmt, GRAPH_FORMATS)
    found, survey_round = access.round_export_for(
        user, slug, network_id, round_id, what=fmt, path=path
    )
    if not survey_round.is_relationships:
        raise NotFound("only a relationship round has a network")
    labels = surveys.MemberLabels(survey_round, pseudonymised=names_hidden)
    graph = round_graph(survey_round.diagnosis or {}, labels)
    text = graph.graphml() if fmt == "graphml" else graph.gexf()
    return attachment(text, fmt=fmt, parts=(found.network.name, survey_round.title, _("network")))


def round_matrix(
    user: User, slug: str, network_id: int, round_id: int, fmt: str, *, path: str
) -> HttpResponse:
    check_format(fmt, TABLE_FORMATS)
    found, survey_round = access.round_export_for(
        user, slug, network_id, round_id, what=f"matrix {fmt}", path=path
    )
    if not survey_round.is_relationships:
        raise NotFound("only a relationship round has an organization matrix")
    return table_response(
        sheets.organization_matrix_table(survey_round.diagnosis or {}),
        fmt=fmt,
        parts=(found.network.name, survey_round.title, _("organizations")),
    )


def round_health(
    user: User, slug: str, network_id: int, round_id: int, fmt: str, *, path: str
) -> HttpResponse:
    check_format(fmt, TABLE_FORMATS)
    found, survey_round = access.round_export_for(
        user, slug, network_id, round_id, what=f"health {fmt}", path=path
    )
    if not survey_round.is_health:
        raise NotFound("only a health round has health scores")
    return table_response(
        sheets.health_table(survey_round.diagnosis or {}, active_language()),
        fmt=fmt,
        parts=(found.network.name, survey_round.title),
    )


def cohort_progress(user: User, slug: str, cohort_id: int, fmt: str, *, path: str) -> HttpResponse:
    check_format(fmt, TABLE_FORMATS)
    found = access.cohort_export_for(user, slug, cohort_id, what="cohort progress", path=path)
    return table_response(
        sheets.cohort_progress_table(found.cohort),
        fmt=fmt,
        parts=(found.cohort.name, _("progress")),
    )


def members_import_template(user: User, slug: str, network_id: int, fmt: str) -> HttpResponse:
    """An empty members file with the headers in the reader's language (not personal data:
    not audited). For those who may import, like the import page."""
    check_format(fmt, TABLE_FORMATS)
    found = network_for(user, slug, network_id, EDIT)
    tables = sheets.import_template_tables(found.membership.workspace, active_language())
    return table_response(
        tables[0], fmt=fmt, parts=(_("members import template"),), more=tables[1:]
    )
