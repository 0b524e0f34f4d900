from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from netlead.core.web import AuthenticatedHttpRequest
from netlead.meetings.selectors import result_trail
from netlead.networks import selectors, services
from netlead.networks.access import CONTRIBUTE, EDIT, READ, network_for
from netlead.networks.forms import MeasurementForm, ResultForm


@login_required
def results(request: AuthenticatedHttpRequest, slug: str, network_id: int) -> HttpResponse:
    access = network_for(request.user, slug, network_id)
    return render(
        request,
        "networks/results.html",
        {"access": access, "rows": selectors.results_overview(access.network)},
    )


@login_required
def result_edit(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int | None = None
) -> HttpResponse:
    access = network_for(request.user, slug, network_id, EDIT)
    result = get_object_or_404(access.network.results, pk=pk) if pk else None
    form = ResultForm(request.POST or None, instance=result, network=access.network)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.result_save(result=form.instance)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Result saved."))
            return redirect("networks:result", slug=slug, network_id=network_id, pk=saved.pk)
    return render(
        request,
        "networks/result_form.html",
        {"access": access, "form": form, "result": result},
        status=400 if form.errors else 200,
    )


@login_required
def result_detail(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    access = network_for(
        request.user, slug, network_id, CONTRIBUTE if request.method == "POST" else READ
    )
    result = get_object_or_404(access.network.results.select_related("owner_organization"), pk=pk)
    form = MeasurementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.measurement_add(
            result=result,
            user=request.user,
            measured_on=data["measured_on"],
            value=data["value"],
            note=data["note"],
        )
        messages.success(request, _("Measurement added."))
        return redirect("networks:result", slug=slug, network_id=network_id, pk=pk)
    return render(
        request,
        "networks/result_detail.html",
        {
            "access": access,
            "result": result,
            "measurements": result.measurements.select_related("recorded_by"),
            "series": selectors.result_series(result),
            "trail": result_trail(result),
            "form": form,
        },
        status=400 if form.errors else 200,
    )
