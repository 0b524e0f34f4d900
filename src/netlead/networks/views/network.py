from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from netlead import frameworks
from netlead.meetings.selectors import network_meetings_summary
from netlead.networks import selectors, services
from netlead.networks.access import EDIT, get_network_for
from netlead.networks.forms import NetworkForm
from netlead.surveys.selectors import survey_summary
from netlead.workspaces.access import get_membership_for


def _language() -> str:
    return translation.get_language() or "en"


@login_required
def network_list(request: HttpRequest, slug: str) -> HttpResponse:
    membership = get_membership_for(request, slug)
    return render(
        request,
        "networks/network_list.html",
        {
            "membership": membership,
            "memberships": selectors.user_networks(membership.workspace, request.user),  # type: ignore[arg-type]
        },
    )


@login_required
def network_create(request: HttpRequest, slug: str) -> HttpResponse:
    membership = get_membership_for(request, slug)
    form = NetworkForm(request.POST or None, workspace=membership.workspace)
    if request.method == "POST" and form.is_valid():
        try:
            network = services.network_create(
                workspace=membership.workspace,
                creator=request.user,  # type: ignore[arg-type]
                network=form.instance,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Network created. You are its network leader."))
            return redirect("networks:dashboard", slug=slug, network_id=network.pk)
    return render(
        request,
        "networks/network_form.html",
        {
            "membership": membership,
            "form": form,
            "governance_forms": frameworks.governance_forms(_language()),
            "kinds": frameworks.network_kinds(_language()),
        },
        status=400 if form.errors else 200,
    )


@login_required
def network_dashboard(request: HttpRequest, slug: str, network_id: int) -> HttpResponse:
    access = get_network_for(request, slug, network_id)
    network = access.network
    phase = selectors.phase_view(network, _language())
    return render(
        request,
        "networks/dashboard.html",
        {
            "access": access,
            "phase": phase,
            "members": selectors.members_overview(network),
            "results": selectors.results_overview(network),
            "meetings": network_meetings_summary(network),
            "charter": selectors.charter_state(network),
            "surveys": survey_summary(network),
        },
    )


@login_required
def network_profile(request: HttpRequest, slug: str, network_id: int) -> HttpResponse:
    access = get_network_for(request, slug, network_id, EDIT)
    network = access.network
    form = NetworkForm(
        request.POST or None, instance=network, workspace=access.membership.workspace
    )
    if request.method == "POST":
        if form.is_valid():
            services.network_update(network=form.instance)
            messages.success(request, _("Profile saved."))
            return redirect("networks:dashboard", slug=slug, network_id=network.pk)
        network.refresh_from_db()
    return render(
        request,
        "networks/network_form.html",
        {
            "access": access,
            "membership": access.membership,
            "form": form,
            "network": network,
            "governance_forms": frameworks.governance_forms(_language()),
            "kinds": frameworks.network_kinds(_language()),
        },
        status=400 if form.errors else 200,
    )
