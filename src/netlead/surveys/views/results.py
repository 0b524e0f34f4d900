"""Results of a closed round: the stored diagnosis in plain language, the map, the health
dashboard and the comparison with the last round. Nothing here reads individual answers."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from netlead.core.language import active_language
from netlead.core.web import AuthenticatedHttpRequest
from netlead.networks.access import NetworkAccess
from netlead.surveys import introductions, maps, selectors
from netlead.surveys.access import round_results_for
from netlead.surveys.models import SurveyRound


def _closed_round(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> tuple[NetworkAccess, SurveyRound, dict[str, Any]]:
    access, survey_round = round_results_for(
        request.user,
        slug,
        network_id,
        pk,
        what=request.resolver_match.url_name if request.resolver_match else "view",
        path=request.get_full_path(),
    )
    return access, survey_round, survey_round.diagnosis


def _pseudonymised(request: HttpRequest) -> bool:
    return request.GET.get("names") == "hidden"


@login_required
def round_results(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    access, survey_round, data = _closed_round(request, slug, network_id, pk)
    context: dict[str, Any] = {"access": access, "round": survey_round}
    if survey_round.is_health:
        context["health"] = selectors.health_dashboard(data, active_language())
        return render(request, "surveys/health_results.html", context)
    labels = selectors.MemberLabels(survey_round, pseudonymised=_pseudonymised(request))
    names, matrix = selectors.organization_matrix(data)
    context.update(
        figures=selectors.network_figures(data),
        findings=selectors.findings_with_evidence(data, labels),
        response=selectors.response(data, labels),
        suggestions=introductions.suggestion_rows(survey_round, data, labels),
        introduced_before=introductions.introduction_outcomes(survey_round, data, labels),
        ratings=selectors.rating_summary(data),
        organization_ratings=selectors.organization_ratings(data),
        rating_matrix=selectors.rating_matrix(data),
        # The ratings the viewer received, and only the viewer's own.
        my_ratings=selectors.member_ratings(data, access.member.person_id),
        structure=selectors.structure(data, labels),
        organizations=names,
        matrix=list(zip(names, matrix, strict=True)),
        k=data["diagnosis"]["k"],
        pseudonymised=_pseudonymised(request),
    )
    return render(request, "surveys/relationship_results.html", context)


@login_required
def round_map(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    access, survey_round, data = _closed_round(request, slug, network_id, pk)
    if not survey_round.is_relationships:
        raise Http404
    pseudonymised = _pseudonymised(request)
    view = maps.network_map(data, survey_round, pseudonymised=pseudonymised)
    return render(
        request,
        "surveys/map.html",
        {
            "access": access,
            "round": survey_round,
            "map": view,
            "map_json": view.as_json(),
            "map_texts": maps.panel_texts(),
            "member_rows": maps.member_rows(view),
            "pseudonymised": pseudonymised,
        },
    )


@login_required
def round_map_data(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> JsonResponse:
    _access, survey_round, data = _closed_round(request, slug, network_id, pk)
    if not survey_round.is_relationships:
        raise Http404
    view = maps.network_map(data, survey_round, pseudonymised=_pseudonymised(request))
    return JsonResponse(view.as_json())


@login_required
def round_compare(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    access, survey_round, data = _closed_round(request, slug, network_id, pk)
    context: dict[str, Any] = {"access": access, "round": survey_round}
    if survey_round.is_health:
        context["health"] = selectors.health_dashboard(data, active_language())
    else:
        labels = selectors.MemberLabels(survey_round, pseudonymised=_pseudonymised(request))
        context["comparison"] = selectors.comparison(data, labels)
    return render(request, "surveys/compare.html", context)
