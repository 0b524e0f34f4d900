"""The exports as downloadable files: the same files, access functions and audit records as the
pages' download links (netlead.exports.downloads)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router

from netlead.api.context import scoped_user
from netlead.core.ids import Id
from netlead.exports import downloads
from netlead.exports.responses import CONTENT_TYPES

router = Router(tags=["exports"])


class TableFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


class GraphFormat(StrEnum):
    GRAPHML = "graphml"
    GEXF = "gexf"


class NetworkTable(StrEnum):
    MEMBERS = "members"
    RESULTS = "results"
    MEETINGS = "meetings"
    ACTIONS = "actions"


def _files(*formats: StrEnum) -> dict[str, Any]:
    """The schema of a file answer: its content types, a binary body."""
    content = {
        CONTENT_TYPES[f.value].split(";")[0]: {"schema": {"type": "string", "format": "binary"}}
        for f in formats
    }
    return {"responses": {200: {"description": "The file, as an attachment", "content": content}}}


TABLES = _files(*TableFormat)
GRAPHS = _files(*GraphFormat)


@router.get("/workspaces/{slug}/exports/organizations", openapi_extra=TABLES)
def organizations(request: HttpRequest, slug: str, format: TableFormat) -> HttpResponse:
    return downloads.organizations(
        scoped_user(request, slug), slug, format.value, path=request.get_full_path()
    )


@router.get("/workspaces/{slug}/networks/{network_id}/exports/{table}", openapi_extra=TABLES)
def network_table(
    request: HttpRequest, slug: str, network_id: Id, table: NetworkTable, format: TableFormat
) -> HttpResponse:
    """The network's members, results with measurements, meetings with attendance, or actions."""
    return downloads.network_table(
        scoped_user(request, slug),
        slug,
        network_id,
        table.value,
        format.value,
        path=request.get_full_path(),
    )


@router.get("/workspaces/{slug}/networks/{network_id}/surveys/{pk}/network", openapi_extra=GRAPHS)
def round_network(
    request: HttpRequest,
    slug: str,
    network_id: Id,
    pk: Id,
    format: GraphFormat,
    names: str = "shown",
) -> HttpResponse:
    """A closed relationship round's network for Gephi and other tools: members with their
    organization, layer and figures; ties with frequency and whether mutual; names only of
    members who agreed (`names=hidden`: pseudonyms for all); never a trust or value rating."""
    return downloads.round_network(
        scoped_user(request, slug),
        slug,
        network_id,
        pk,
        format.value,
        names_hidden=names == "hidden",
        path=request.get_full_path(),
    )


@router.get(
    "/workspaces/{slug}/networks/{network_id}/surveys/{pk}/organization-matrix",
    openapi_extra=TABLES,
)
def round_matrix(
    request: HttpRequest, slug: str, network_id: Id, pk: Id, format: TableFormat
) -> HttpResponse:
    """Ties between organizations in a closed relationship round."""
    return downloads.round_matrix(
        scoped_user(request, slug), slug, network_id, pk, format.value, path=request.get_full_path()
    )


@router.get(
    "/workspaces/{slug}/networks/{network_id}/surveys/{pk}/health-scores", openapi_extra=TABLES
)
def round_health(
    request: HttpRequest, slug: str, network_id: Id, pk: Id, format: TableFormat
) -> HttpResponse:
    """A closed health round's scores per dimension, organization and layer (only over k)."""
    return downloads.round_health(
        scoped_user(request, slug), slug, network_id, pk, format.value, path=request.get_full_path()
    )


@router.get("/workspaces/{slug}/cohorts/{cohort_id}/progress/export", openapi_extra=TABLES)
def cohort_progress(
    request: HttpRequest, slug: str, cohort_id: Id, format: TableFormat
) -> HttpResponse:
    """Progress and attendance per participant, for the cohort's facilitators."""
    return downloads.cohort_progress(
        scoped_user(request, slug), slug, cohort_id, format.value, path=request.get_full_path()
    )
