from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netlead.core.submissions import single_submit
from netlead.core.web import AuthenticatedHttpRequest
from netlead.development import selectors, services
from netlead.development.access import leader_for
from netlead.development.forms import JournalForm


@login_required
def journal(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    access = leader_for(request.user, slug)
    return render(
        request,
        "development/journal.html",
        {"access": access, "entries": selectors.journal_of(access.person)},
    )


@login_required
@single_submit
def entry_edit(request: AuthenticatedHttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    access = leader_for(request.user, slug)
    entry = get_object_or_404(access.person.journal_entries, pk=pk) if pk else None
    form = JournalForm(
        request.POST or None,
        instance=entry,
        owner=access.person,
        competences=selectors.workspace_competences(access.membership.workspace),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.journal_save(owner=access.person, entry=form.instance)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Journal entry saved."))
            return redirect("development:journal", slug=slug)
    return render(
        request,
        "development/journal_form.html",
        {"access": access, "form": form, "entry": entry},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def entry_delete(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    access = leader_for(request.user, slug)
    services.journal_delete(entry=get_object_or_404(access.person.journal_entries, pk=pk))
    messages.success(request, _("Journal entry deleted."))
    return redirect("development:journal", slug=slug)
