from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from netlead import frameworks
from netlead.core.language import active_language
from netlead.core.submissions import single_submit
from netlead.core.web import AuthenticatedHttpRequest
from netlead.meetings.selectors import network_meetings_summary
from netlead.networks import selectors, services
from netlead.networks.access import EDIT, network_for
from netlead.networks.forms import NetworkForm
from netlead.surveys.selectors import survey_summary
from netlead.workspaces.access import membership_for


@login_required
def network_list(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    membership = membership_for(request.user, slug)
    return render(
        request,
        "networks/network_list.html",
        {
            "membership": membership,
            "memberships": selectors.user_networks(membership.workspace, request.user),
        },
    )


@login_required
@single_submit
def network_create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    membership = membership_for(request.user, slug)
    form = NetworkForm(request.POST or None, workspace=membership.workspace)
    if request.method == "POST" and form.is_valid():
        try:
            network = services.network_create(
                workspace=membership.workspace,
                creator=request.user,
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
            "governance_forms": frameworks.governance_forms(active_language()),
            "kinds": frameworks.network_kinds(active_language()),
        },
        status=400 if form.errors else 200,
    )


@login_required
def network_dashboard(
    request: AuthenticatedHttpRequest, slug: str, network_id: int
) -> HttpResponse:
    access = network_for(request.user, slug, network_id)
    network = access.network
    phase = selectors.phase_view(network, active_language())
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
def network_profile(request: AuthenticatedHttpRequest, slug: str, network_id: int) -> HttpResponse:
    access = network_for(request.user, slug, network_id, EDIT)
    network = access.network
    form = NetworkForm(
        request.POST or None, instance=network, workspace=access.membership.workspace
    )
    if request.method == "POST":
        if form.is_valid():
            services.network_update(network=form.instance, user=request.user)
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
            "governance_forms": frameworks.governance_forms(active_language()),
            "kinds": frameworks.network_kinds(active_language()),
        },
        status=400 if form.errors else 200,
    )
