"""Download views: each the page's side of one export in `downloads` (the format, the page's
own access function with its audit record, the file)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse

from netlead.core.web import AuthenticatedHttpRequest
from netlead.exports import downloads


@login_required
def organizations(request: AuthenticatedHttpRequest, slug: str, fmt: str) -> HttpResponse:
    return downloads.organizations(request.user, slug, fmt, path=request.get_full_path())


def _network_table(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, fmt: str, what: str
) -> HttpResponse:
    return downloads.network_table(
        request.user, slug, network_id, what, fmt, path=request.get_full_path()
    )


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
    """``?names=hidden`` pseudonymises everyone, as on the map."""
    return downloads.round_network(
        request.user,
        slug,
        network_id,
        pk,
        fmt,
        names_hidden=request.GET.get("names") == "hidden",
        path=request.get_full_path(),
    )


@login_required
def round_matrix(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int, fmt: str
) -> HttpResponse:
    return downloads.round_matrix(
        request.user, slug, network_id, pk, fmt, path=request.get_full_path()
    )


@login_required
def round_health(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int, fmt: str
) -> HttpResponse:
    return downloads.round_health(
        request.user, slug, network_id, pk, fmt, path=request.get_full_path()
    )


@login_required
def cohort_progress(
    request: AuthenticatedHttpRequest, slug: str, cohort_id: int, fmt: str
) -> HttpResponse:
    return downloads.cohort_progress(
        request.user, slug, cohort_id, fmt, path=request.get_full_path()
    )


@login_required
def members_import_template(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, fmt: str
) -> HttpResponse:
    return downloads.members_import_template(request.user, slug, network_id, fmt)
