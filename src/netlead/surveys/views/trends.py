"""Trends across a network's closed rounds: figures only, never a person."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render

from netlead.core.language import active_language
from netlead.core.web import AuthenticatedHttpRequest
from netlead.networks.access import READ, network_for
from netlead.surveys import trends
from netlead.workspaces.audit import record_read


@login_required
def network_trends(request: AuthenticatedHttpRequest, slug: str, network_id: int) -> HttpResponse:
    access = network_for(request.user, slug, network_id, READ)
    health = trends.health_trends(
        access.network,
        group=request.GET.get("group", trends.WHOLE_NETWORK),
        language=active_language(),
    )
    if health is None:
        raise Http404("no such group")
    record_read(
        membership=access.membership,
        action="survey trends",
        target=access.network.name,
        path=request.get_full_path(),
    )
    return render(
        request,
        "surveys/trends.html",
        {
            "access": access,
            "network_trends": trends.network_trends(access.network),
            "health": health,
        },
    )
