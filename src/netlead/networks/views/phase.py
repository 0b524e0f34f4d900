from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netlead.core.language import active_language
from netlead.core.web import AuthenticatedHttpRequest
from netlead.networks import selectors, services
from netlead.networks.access import EDIT, network_for
from netlead.networks.forms import PhaseCheckForm, PhaseMoveForm


@login_required
def phase(request: AuthenticatedHttpRequest, slug: str, network_id: int) -> HttpResponse:
    access = network_for(request.user, slug, network_id)
    view = selectors.phase_view(access.network, active_language())
    next_phase = view.next_phase
    return render(
        request,
        "networks/phase.html",
        {
            "access": access,
            "view": view,
            "move_form": PhaseMoveForm(
                initial={"to_phase": next_phase.number if next_phase else None}
            ),
        },
    )


@login_required
@require_POST
def phase_check(request: AuthenticatedHttpRequest, slug: str, network_id: int) -> HttpResponse:
    access = network_for(request.user, slug, network_id, EDIT)
    form = PhaseCheckForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Unknown checklist item."))
        services.phase_check_set(
            network=access.network,
            phase=access.network.phase,
            item=form.cleaned_data["item"],
            done=form.cleaned_data["done"],
            user=request.user,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("networks:phase", slug=slug, network_id=network_id)


@login_required
@require_POST
def phase_move(request: AuthenticatedHttpRequest, slug: str, network_id: int) -> HttpResponse:
    access = network_for(request.user, slug, network_id, EDIT)
    form = PhaseMoveForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose a phase from 1 to 7."))
        transition = services.phase_move(
            network=access.network,
            to_phase=form.cleaned_data["to_phase"],
            user=request.user,
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("The network is now in phase %(n)s.") % {"n": transition.to_phase}
        )
    return redirect("networks:phase", slug=slug, network_id=network_id)
