"""The leader's personal network map: private to its owner."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netlead.core.submissions import single_submit
from netlead.core.web import AuthenticatedHttpRequest
from netlead.development import selectors, services, texts
from netlead.development.access import leader_for
from netlead.development.forms import AuditForm, ContactForm
from netlead.frameworks.competences import personal_network_texts


@login_required
def network_map(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    access = leader_for(request.user, slug)
    view = selectors.personal_network(access.person, today=timezone.localdate(), slug=slug)
    return render(
        request,
        "development/network.html",
        {"access": access, "view": view, "map_texts": texts.personal_map_texts()},
    )


@login_required
@single_submit
def contact_edit(
    request: AuthenticatedHttpRequest, slug: str, pk: int | None = None
) -> HttpResponse:
    access = leader_for(request.user, slug)
    contact = get_object_or_404(access.person.contacts, pk=pk) if pk else None
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_save(owner=access.person, contact=form.instance)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Contact saved."))
            if "add_another" in request.POST:
                return redirect("development:contact_create", slug=slug)
            return redirect("development:network", slug=slug)
    return render(
        request,
        "development/contact_form.html",
        {"access": access, "form": form, "contact": contact},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def contact_delete(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    access = leader_for(request.user, slug)
    services.contact_delete(contact=get_object_or_404(access.person.contacts, pk=pk))
    messages.success(request, _("Contact deleted."))
    return redirect("development:network", slug=slug)


@login_required
def audit(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    access = leader_for(request.user, slug)
    texts = personal_network_texts(request.LANGUAGE_CODE)
    current = {a.kind: a for a in access.person.network_audits.all()}
    initial = {}
    for kind, rating in current.items():
        initial[f"importance_{kind}"] = rating.importance
        initial[f"quality_{kind}"] = rating.quality
    form = AuditForm(request.POST or None, kinds=list(texts.kinds), initial=initial)
    if request.method == "POST" and form.is_valid():
        services.audit_save(owner=access.person, ratings=form.ratings())
        messages.success(request, _("Network audit saved."))
        return redirect("development:network", slug=slug)
    return render(
        request,
        "development/audit_form.html",
        {"access": access, "form": form, "texts": texts},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def snapshot(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    access = leader_for(request.user, slug)
    summary = selectors.network_summary(access.person, today=timezone.localdate())
    services.snapshot_take(owner=access.person, summary=selectors.summary_to_json(summary))
    messages.success(request, _("Snapshot kept: compare it with later ones below."))
    return redirect("development:network", slug=slug)
