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
from netlead.development.forms import ActionForm, GoalForm, NoteForm


@login_required
def plan(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    access = leader_for(request.user, slug)
    return render(
        request,
        "development/plan.html",
        {"access": access, "goals": selectors.goals_of(access.person)},
    )


@login_required
def goal_edit(request: AuthenticatedHttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    access = leader_for(request.user, slug)
    goal = get_object_or_404(access.person.development_goals, pk=pk) if pk else None
    form = GoalForm(
        request.POST or None,
        instance=goal,
        competences=selectors.workspace_competences(access.membership.workspace),
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.goal_save(owner=access.person, goal=form.instance)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Goal saved."))
            return redirect("development:goal", slug=slug, pk=saved.pk)
    return render(
        request,
        "development/goal_form.html",
        {"access": access, "form": form, "goal": goal},
        status=400 if form.errors else 200,
    )


@login_required
def goal_detail(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    access = leader_for(request.user, slug)
    goal = get_object_or_404(selectors.goals_of(access.person), pk=pk)
    action_form = ActionForm(
        request.POST if "add_action" in request.POST else None,
        owner=access.person,
        prefix="action",
    )
    note_form = NoteForm(request.POST if "add_note" in request.POST else None, prefix="note")
    if request.method == "POST":
        if "add_action" in request.POST and action_form.is_valid():
            try:
                services.action_save(
                    goal=goal,
                    action=action_form.instance,
                    contacts=list(action_form.cleaned_data["contacts"]),
                )
            except ValidationError as error:
                action_form.add_error(None, error)
            else:
                messages.success(request, _("Action added."))
                return redirect("development:goal", slug=slug, pk=pk)
        elif "add_note" in request.POST and note_form.is_valid():
            services.note_add(goal=goal, text=note_form.cleaned_data["text"])
            messages.success(request, _("Progress note added."))
            return redirect("development:goal", slug=slug, pk=pk)
    failed = bool(action_form.errors or note_form.errors)
    return render(
        request,
        "development/goal_detail.html",
        {"access": access, "goal": goal, "action_form": action_form, "note_form": note_form},
        status=400 if failed else 200,
    )


@login_required
@require_POST
def action_mark(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    access = leader_for(request.user, slug)
    action = get_object_or_404(selectors.actions_of(access.person), pk=pk)
    services.action_mark(action=action, done=request.POST.get("done") == "yes")
    return redirect("development:goal", slug=slug, pk=action.goal_id)
