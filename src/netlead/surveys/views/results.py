"""Results of a closed round: the stored diagnosis in plain language, the map, the health
dashboard and the comparison with the last round. Nothing here reads individual answers."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language

from netlead.networks.access import READ, NetworkAccess, get_network_for
from netlead.surveys import selectors
from netlead.surveys.models import SurveyRound
from netlead.surveys.views.rounds import round_for
from netlead.workspaces.services import audit


def _closed_round(
    request: HttpRequest, slug: str, network_id: int, pk: int
) -> tuple[NetworkAccess, SurveyRound, dict[str, Any]]:
    access = get_network_for(request, slug, network_id, READ)
    survey_round = round_for(access, pk)
    if not survey_round.has_results or not survey_round.diagnosis:
        raise Http404
    # Results name people and their place in the network: every view is logged.
    audit(
        workspace=access.membership.workspace,
        user=request.user,  # type: ignore[arg-type]
        action=f"survey {request.resolver_match.url_name if request.resolver_match else 'view'}",
        target=f"{access.network.name}: {survey_round.title}",
        path=request.get_full_path(),
    )
    return access, survey_round, survey_round.diagnosis


def _pseudonymised(request: HttpRequest) -> bool:
    return request.GET.get("names") == "hidden"


@login_required
def round_results(request: HttpRequest, slug: str, network_id: int, pk: int) -> HttpResponse:
    access, survey_round, data = _closed_round(request, slug, network_id, pk)
    context: dict[str, Any] = {"access": access, "round": survey_round}
    if survey_round.is_health:
        context["health"] = selectors.health_dashboard(data, get_language() or "en")
        return render(request, "surveys/health_results.html", context)
    labels = selectors.MemberLabels(survey_round, pseudonymised=_pseudonymised(request))
    names, matrix = selectors.organization_matrix(data)
    context.update(
        figures=selectors.network_figures(data),
        findings=selectors.findings(data, labels),
        suggestions=selectors.suggestions(data, labels),
        ratings=selectors.rating_summary(data),
        organizations=names,
        matrix=list(zip(names, matrix, strict=True)),
        k=data["diagnosis"]["k"],
        pseudonymised=_pseudonymised(request),
    )
    return render(request, "surveys/relationship_results.html", context)


@login_required
def round_map(request: HttpRequest, slug: str, network_id: int, pk: int) -> HttpResponse:
    access, survey_round, data = _closed_round(request, slug, network_id, pk)
    if not survey_round.is_relationships:
        raise Http404
    pseudonymised = _pseudonymised(request)
    labels = selectors.MemberLabels(survey_round, pseudonymised=pseudonymised)
    graph = selectors.map_data(data, labels)
    return render(
        request,
        "surveys/map.html",
        {
            "access": access,
            "round": survey_round,
            "graph": graph,
            "organizations": graph.organizations,
            "pseudonymised": pseudonymised,
        },
    )


@login_required
def round_map_data(request: HttpRequest, slug: str, network_id: int, pk: int) -> JsonResponse:
    _access, survey_round, data = _closed_round(request, slug, network_id, pk)
    if not survey_round.is_relationships:
        raise Http404
    labels = selectors.MemberLabels(survey_round, pseudonymised=_pseudonymised(request))
    return JsonResponse(selectors.map_data(data, labels).as_json())


@login_required
def round_compare(request: HttpRequest, slug: str, network_id: int, pk: int) -> HttpResponse:
    access, survey_round, data = _closed_round(request, slug, network_id, pk)
    context: dict[str, Any] = {"access": access, "round": survey_round}
    if survey_round.is_health:
        context["health"] = selectors.health_dashboard(data, get_language() or "en")
    else:
        labels = selectors.MemberLabels(survey_round, pseudonymised=_pseudonymised(request))
        context["comparison"] = selectors.comparison(data, labels)
    return render(request, "surveys/compare.html", context)
