"""Download views: the format first (an unknown one is a 404 before anything is read), then the
export's access function (the page's own, recorded in the audit log), then a table or a graph
built from the page's selectors."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _

from netlead.core.language import active_language
from netlead.core.web import AuthenticatedHttpRequest
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


@login_required
def organizations(request: AuthenticatedHttpRequest, slug: str, fmt: str) -> HttpResponse:
    check_format(fmt, TABLE_FORMATS)
    membership = access.workspace_export_for(
        request.user, slug, what="organizations", path=request.get_full_path()
    )
    workspace = membership.workspace
    return table_response(
        sheets.organizations_table(workspace), fmt=fmt, parts=(workspace.name, _("organizations"))
    )


def _network_table(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, fmt: str, what: str
) -> HttpResponse:
    check_format(fmt, TABLE_FORMATS)
    found = access.network_export_for(
        request.user, slug, network_id, what=what, path=request.get_full_path()
    )
    network = found.network
    build, label = {
        "members": (sheets.members_table, _("members")),
        "results": (sheets.results_table, _("results")),
        "meetings": (sheets.meetings_table, _("meetings")),
        "actions": (sheets.actions_table, _("actions")),
    }[what]
    return table_response(build(network), fmt=fmt, parts=(network.name, label))


@login_required
def members(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, fmt: str
) -> HttpResponse:
    return _network_table(request, slug, network_id, fmt, "members")


@login_required
def results(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, fmt: str
) -> HttpResponse:
    return _network_table(request, slug, network_id, fmt, "results")


@login_required
def meetings(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, fmt: str
) -> HttpResponse:
    return _network_table(request, slug, network_id, fmt, "meetings")


@login_required
def actions(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, fmt: str
) -> HttpResponse:
    return _network_table(request, slug, network_id, fmt, "actions")


@login_required
def round_network(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int, fmt: str
) -> HttpResponse:
    """A relationship round's network as GraphML or GEXF; ``?names=hidden`` pseudonymises
    everyone, as on the map."""
    check_format(fmt, GRAPH_FORMATS)
    found, survey_round = access.round_export_for(
        request.user, slug, network_id, pk, what=fmt, path=request.get_full_path()
    )
    if not survey_round.is_relationships:
        raise Http404("only a relationship round has a network")
    labels = surveys.MemberLabels(survey_round, pseudonymised=request.GET.get("names") == "hidden")
    graph = round_graph(survey_round.diagnosis or {}, labels)
    text = graph.graphml() if fmt == "graphml" else graph.gexf()
    return attachment(text, fmt=fmt, parts=(found.network.name, survey_round.title, _("network")))


@login_required
def round_matrix(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int, fmt: str
) -> HttpResponse:
    check_format(fmt, TABLE_FORMATS)
    found, survey_round = access.round_export_for(
        request.user, slug, network_id, pk, what=f"matrix {fmt}", path=request.get_full_path()
    )
    if not survey_round.is_relationships:
        raise Http404("only a relationship round has an organization matrix")
    return table_response(
        sheets.organization_matrix_table(survey_round.diagnosis or {}),
        fmt=fmt,
        parts=(found.network.name, survey_round.title, _("organizations")),
    )


@login_required
def round_health(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int, fmt: str
) -> HttpResponse:
    check_format(fmt, TABLE_FORMATS)
    found, survey_round = access.round_export_for(
        request.user, slug, network_id, pk, what=f"health {fmt}", path=request.get_full_path()
    )
    if not survey_round.is_health:
        raise Http404("only a health round has health scores")
    return table_response(
        sheets.health_table(survey_round.diagnosis or {}, active_language()),
        fmt=fmt,
        parts=(found.network.name, survey_round.title),
    )


@login_required
def cohort_progress(
    request: AuthenticatedHttpRequest, slug: str, cohort_id: int, fmt: str
) -> HttpResponse:
    check_format(fmt, TABLE_FORMATS)
    found = access.cohort_export_for(
        request.user, slug, cohort_id, what="cohort progress", path=request.get_full_path()
    )
    return table_response(
        sheets.cohort_progress_table(found.cohort),
        fmt=fmt,
        parts=(found.cohort.name, _("progress")),
    )


@login_required
def members_import_template(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, fmt: str
) -> HttpResponse:
    """An empty members file with the headers in the reader's language (not personal data:
    not audited). For those who may import, like the import page."""
    check_format(fmt, TABLE_FORMATS)
    found = network_for(request.user, slug, network_id, EDIT)
    tables = sheets.import_template_tables(found.membership.workspace, active_language())
    return table_response(
        tables[0], fmt=fmt, parts=(_("members import template"),), more=tables[1:]
    )
