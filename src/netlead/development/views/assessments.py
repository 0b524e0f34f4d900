from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netlead.core.web import AuthenticatedHttpRequest
from netlead.development import selectors, services
from netlead.development.access import leader_for
from netlead.development.forms import FrameworkChoiceForm, SelfAssessmentForm


@login_required
def assessment_list(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    access = leader_for(request.user, slug)
    form = FrameworkChoiceForm(frameworks=selectors.frameworks_of(access.membership.workspace))
    return render(
        request,
        "development/assessment_list.html",
        {
            "access": access,
            "assessments": selectors.assessments_of(access.person),
            "form": form,
        },
    )


@login_required
@require_POST
def assessment_start(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    access = leader_for(request.user, slug)
    form = FrameworkChoiceForm(
        request.POST, frameworks=selectors.frameworks_of(access.membership.workspace)
    )
    if not form.is_valid():
        messages.error(request, _("Choose a framework of this workspace."))
        return redirect("development:assessments", slug=slug)
    assessment = services.assessment_start(
        owner=access.person, framework=form.cleaned_data["framework"]
    )
    return redirect("development:assessment_edit", slug=slug, pk=assessment.pk)


@login_required
def assessment_edit(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    access = leader_for(request.user, slug)
    assessment = get_object_or_404(selectors.assessments_of(access.person), pk=pk)
    rows = selectors.assessment_rows(assessment)
    form = SelfAssessmentForm(request.POST or None, rows=rows, scale=selectors.scale())
    if request.method == "POST" and form.is_valid():
        complete = "complete" in request.POST
        try:
            services.assessment_save(
                assessment=assessment, answers=form.answers(), complete=complete
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if complete or assessment.is_complete:
                messages.success(request, _("Your self-assessment is saved."))
                return redirect("development:assessment", slug=slug, pk=pk)
            messages.success(request, _("Saved. You can continue later."))
            return redirect("development:assessment_edit", slug=slug, pk=pk)
    return render(
        request,
        "development/assessment_form.html",
        {
            "access": access,
            "assessment": assessment,
            "form": form,
            "scale": selectors.scale(),
            "intro": assessment.framework.intro_text,
        },
        status=400 if form.errors else 200,
    )


@login_required
def assessment_detail(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    access = leader_for(request.user, slug)
    assessment = get_object_or_404(selectors.assessments_of(access.person), pk=pk)
    previous = selectors.previous_assessment(assessment)
    return render(
        request,
        "development/assessment_detail.html",
        {
            "access": access,
            "assessment": assessment,
            "previous": previous,
            "rows": selectors.assessment_rows(assessment, previous),
            "scale": selectors.scale(),
        },
    )
