"""Competence frameworks of the workspace: netlead's default and the workspace's own."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from netlead.core.submissions import single_submit
from netlead.core.web import AuthenticatedHttpRequest
from netlead.development import selectors, services
from netlead.development.forms import FrameworkForm, OwnCompetenceFormSet
from netlead.workspaces.access import MANAGERS, can_manage, membership_for


@login_required
def framework_list(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    membership = membership_for(request.user, slug)
    return render(
        request,
        "development/framework_list.html",
        {
            "membership": membership,
            "frameworks": selectors.frameworks_of(membership.workspace),
            "can_manage": can_manage(membership),
        },
    )


@login_required
def framework_detail(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    membership = membership_for(request.user, slug)
    framework = get_object_or_404(membership.workspace.competence_frameworks, pk=pk)
    return render(
        request,
        "development/framework_detail.html",
        {
            "membership": membership,
            "framework": framework,
            "competences": [c.localized() for c in selectors.competences_of(framework)],
        },
    )


@login_required
@single_submit
def framework_create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    membership = membership_for(request.user, slug, *MANAGERS)
    data = request.POST or None
    form = FrameworkForm(data, initial={"language": request.LANGUAGE_CODE})
    formset = OwnCompetenceFormSet(data, prefix="competence")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            framework = services.framework_create(
                workspace=membership.workspace,
                creator=request.user,
                title=form.cleaned_data["title"],
                intro=form.cleaned_data["intro"],
                language=form.cleaned_data["language"],
                competences=[
                    services.OwnCompetence(
                        name=f.cleaned_data["name"],
                        description=f.cleaned_data["description"],
                        question_1=f.cleaned_data["question_1"],
                        question_2=f.cleaned_data["question_2"],
                    )
                    for f in formset.forms
                    if f.cleaned_data
                ],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Framework saved: leaders can now assess themselves on it.")
            )
            return redirect("development:framework", slug=slug, pk=framework.pk)
    failed = request.method == "POST"
    return render(
        request,
        "development/framework_form.html",
        {"membership": membership, "form": form, "formset": formset},
        status=400 if failed else 200,
    )
