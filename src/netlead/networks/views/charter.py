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
from netlead.networks.forms import (
    CharterCompareForm,
    CharterForm,
    CharterResponseForm,
    DecideAnywayForm,
    DecisionRuleForm,
)
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
def charter_adopt(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    """GET: what adopting means under the network's decision rule; POST: adopt."""
    access = network_for(request.user, slug, network_id, EDIT)
    version = get_object_or_404(
        access.network.charter_versions, pk=pk, status=CharterStatus.PROPOSED
    )
    form = DecideAnywayForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.charter_adopt(
                version=version, by=request.user, despite_rule=form.cleaned_data["despite_rule"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Version %(n)s is now the agreed charter.") % {"n": version.number}
            )
            return redirect("networks:charter", slug=slug, network_id=network_id)
    return render(
        request,
        "networks/charter_adopt.html",
        {
            "access": access,
            "version": version,
            "rule": selectors.charter_rule_progress(version),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@login_required
def decision_rule(request: AuthenticatedHttpRequest, slug: str, network_id: int) -> HttpResponse:
    """The leader names how the network decides on charter versions and minutes."""
    access = network_for(request.user, slug, network_id, EDIT)
    network = access.network
    form = DecisionRuleForm(
        request.POST if request.method == "POST" else None,
        initial={"rule": network.decision_rule, "days": network.decision_days},
    )
    if request.method == "POST" and form.is_valid():
        services.decision_rule_set(
            network=network, rule=form.cleaned_data["rule"], days=form.cleaned_data["days"]
        )
        messages.success(request, _("The decision rule is saved."))
        return redirect("networks:charter", slug=slug, network_id=network_id)
    return render(
        request,
        "networks/decision_rule.html",
        {"access": access, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def charter_compare(request: AuthenticatedHttpRequest, slug: str, network_id: int) -> HttpResponse:
    """Two versions side by side; by default the agreed one and the newest other one."""
    access = network_for(request.user, slug, network_id)
    versions = {v.number: v for v in access.network.charter_versions.all()}
    numbers = sorted(versions, reverse=True)
    form = CharterCompareForm(request.GET or None, numbers=numbers)
    comparison = None
    if form.is_bound:
        if form.is_valid():
            comparison = selectors.charter_compare(
                versions[form.cleaned_data["left"]], versions[form.cleaned_data["right"]]
            )
    elif len(numbers) >= 2:
        comparison = selectors.charter_compare(versions[numbers[1]], versions[numbers[0]])
        form = CharterCompareForm(
            initial={"left": numbers[1], "right": numbers[0]}, numbers=numbers
        )
    return render(
        request,
        "networks/charter_compare.html",
        {"access": access, "form": form, "comparison": comparison, "count": len(numbers)},
        status=400 if form.errors else 200,
    )
