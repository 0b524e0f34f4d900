from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netlead.core.web import AuthenticatedHttpRequest
from netlead.networks import selectors, services
from netlead.networks.access import CONTRIBUTE, EDIT, network_for
from netlead.networks.forms import CharterForm, CharterResponseForm
from netlead.networks.models import CharterStatus


@login_required
def charter(request: AuthenticatedHttpRequest, slug: str, network_id: int) -> HttpResponse:
    access = network_for(request.user, slug, network_id)
    state = selectors.charter_state(access.network)
    own_response = None
    if state.proposal is not None:
        own_response = next(
            (r for r in state.proposal.responses.all() if r.member_id == access.member.pk), None
        )
    return render(
        request,
        "networks/charter.html",
        {
            "access": access,
            "state": state,
            "own_response": own_response,
            "response_form": CharterResponseForm(),
        },
    )


@login_required
def charter_propose(request: AuthenticatedHttpRequest, slug: str, network_id: int) -> HttpResponse:
    """Propose a new version, starting from the agreed one."""
    access = network_for(request.user, slug, network_id, CONTRIBUTE)
    network = access.network
    base = selectors.charter_state(network).agreed
    organizations = list(network.workspace.organizations.order_by("name"))
    initial = {}
    mandates = {}
    if base is not None:
        initial = {
            field: getattr(base, field)
            for field in ("necessity", "shared_interest", "values", "rules", "decision_rules")
        }
        mandates = {m.organization_id: m.mandate for m in base.mandates.all()}
    form = CharterForm(
        request.POST or None, initial=initial, organizations=organizations, mandates=mandates
    )
    if request.method == "POST" and form.is_valid():
        services.charter_propose(
            network=network,
            proposer=request.user,
            version=form.instance,
            mandates=form.mandates(),
        )
        messages.success(request, _("Your proposal is open for the members' responses."))
        return redirect("networks:charter", slug=slug, network_id=network_id)
    return render(
        request,
        "networks/charter_form.html",
        {"access": access, "form": form, "base": base},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def charter_respond(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    access = network_for(request.user, slug, network_id, CONTRIBUTE)
    version = get_object_or_404(access.network.charter_versions, pk=pk)
    form = CharterResponseForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose whether you agree or object."))
        services.charter_respond(
            version=version,
            member=access.member,
            agrees=form.cleaned_data["agrees"],
            objection=form.cleaned_data["objection"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your response is recorded."))
    return redirect("networks:charter", slug=slug, network_id=network_id)


@login_required
@require_POST
def charter_adopt(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    access = network_for(request.user, slug, network_id, EDIT)
    version = get_object_or_404(
        access.network.charter_versions, pk=pk, status=CharterStatus.PROPOSED
    )
    try:
        services.charter_adopt(version=version, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Version %(n)s is now the agreed charter.") % {"n": version.number}
        )
    return redirect("networks:charter", slug=slug, network_id=network_id)
