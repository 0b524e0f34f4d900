"""Programmes and their curricula, for the workspace's owners and facilitators."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import ModelForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netlead.core.submissions import single_submit
from netlead.core.web import AuthenticatedHttpRequest
from netlead.programmes.access import programme_for
from netlead.programmes.forms.curricula import (
    AssignmentForm,
    FileForm,
    LessonForm,
    ModuleForm,
    ProgrammeForm,
)
from netlead.programmes.models import Assignment, Lesson, Module, Programme
from netlead.programmes.selectors import cohorts as selectors
from netlead.programmes.services import curricula as services
from netlead.workspaces.access import MANAGERS, membership_for


def _status(form: object) -> int:
    return 400 if getattr(form, "errors", None) else 200


@login_required
@single_submit
def programme_create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    membership = membership_for(request.user, slug, *MANAGERS)
    initial = {"language": membership.workspace.default_language}
    form = ProgrammeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            programme = services.programme_create(
                workspace=membership.workspace,
                creator=request.user,
                programme=form.instance,
                from_default=form.cleaned_data["from_default"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The programme is set up."))
            return redirect("programmes:programme", slug=slug, programme_id=programme.pk)
    return render(
        request,
        "programmes/programme_form.html",
        {"membership": membership, "form": form},
        status=_status(form),
    )


@login_required
def programme_detail(
    request: AuthenticatedHttpRequest, slug: str, programme_id: int
) -> HttpResponse:
    membership, programme = programme_for(request.user, slug, programme_id)
    if programme.is_mentoring:
        return redirect("programmes:mentoring", slug=slug, programme_id=programme.pk)
    return render(
        request,
        "programmes/programme.html",
        {
            "membership": membership,
            "programme": programme,
            "modules": selectors.curriculum(programme),
            "cohorts": selectors.cohorts_of(programme),
        },
    )


@login_required
def programme_edit(request: AuthenticatedHttpRequest, slug: str, programme_id: int) -> HttpResponse:
    membership, programme = programme_for(request.user, slug, programme_id)
    form = ProgrammeForm(request.POST or None, instance=programme, editing=True)
    if request.method == "POST" and form.is_valid():
        services.programme_update(programme=form.instance)
        messages.success(request, _("Saved."))
        return redirect("programmes:programme", slug=slug, programme_id=programme.pk)
    return render(
        request,
        "programmes/programme_form.html",
        {"membership": membership, "form": form, "programme": programme},
        status=_status(form),
    )


def _module_of(programme: Programme, module_id: int) -> Module:
    return get_object_or_404(programme.modules, pk=module_id)


def _curriculum_form(
    request: HttpRequest,
    *,
    form: ModelForm[Any],
    save: Callable[[], object],
    saved: str,
    context: dict[str, Any],
) -> HttpResponse:
    """The form page of a module or an assignment: save through `save`, then back to the
    programme; a refusal shows on the form (status 400)."""
    programme: Programme = context["programme"]
    if request.method == "POST" and form.is_valid():
        try:
            save()
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, saved)
            return redirect(
                "programmes:programme", slug=programme.workspace.slug, programme_id=programme.pk
            )
    return render(
        request,
        "programmes/curriculum_form.html",
        {**context, "form": form},
        status=_status(form),
    )


@login_required
def module_edit(
    request: AuthenticatedHttpRequest, slug: str, programme_id: int, module_id: int | None = None
) -> HttpResponse:
    membership, programme = programme_for(request.user, slug, programme_id)
    module = _module_of(programme, module_id) if module_id else None
    form = ModuleForm(request.POST or None, instance=module)
    return _curriculum_form(
        request,
        form=form,
        save=lambda: services.module_save(programme=programme, module=form.instance),
        saved=_("Module saved."),
        context={
            "membership": membership,
            "programme": programme,
            "heading": _("Edit the module") if module else _("Add a module"),
        },
    )


@login_required
def lesson_edit(
    request: AuthenticatedHttpRequest,
    slug: str,
    programme_id: int,
    module_id: int,
    lesson_id: int | None = None,
) -> HttpResponse:
    membership, programme = programme_for(request.user, slug, programme_id)
    module = _module_of(programme, module_id)
    lesson = get_object_or_404(module.lessons, pk=lesson_id) if lesson_id else None
    form = LessonForm(request.POST or None, instance=lesson, prefix="lesson")
    file_form = FileForm(
        request.POST if "add_file" in request.POST else None, request.FILES or None, prefix="f"
    )
    if request.method == "POST" and "add_file" in request.POST and lesson is not None:
        if file_form.is_valid():
            try:
                services.lesson_file_add(
                    lesson=lesson,
                    upload=file_form.cleaned_data["file"],
                    user=request.user,
                )
            except ValidationError as error:
                file_form.add_error("file", error)
            else:
                messages.success(request, _("File added."))
                return redirect(request.path)
        form = LessonForm(instance=lesson, prefix="lesson")
    elif request.method == "POST" and form.is_valid():
        saved = services.lesson_save(module=module, lesson=form.instance)
        messages.success(request, _("Lesson saved."))
        return redirect(
            "programmes:lesson_edit",
            slug=slug,
            programme_id=programme.pk,
            module_id=module.pk,
            lesson_id=saved.pk,
        )
    return render(
        request,
        "programmes/lesson_form.html",
        {
            "membership": membership,
            "programme": programme,
            "module": module,
            "lesson": lesson,
            "form": form,
            "file_form": file_form,
            "files": lesson.attachments.defer("data") if lesson else [],
        },
        status=400 if form.errors or file_form.errors else 200,
    )


@login_required
@require_POST
def lesson_delete(
    request: AuthenticatedHttpRequest, slug: str, programme_id: int, module_id: int, lesson_id: int
) -> HttpResponse:
    _membership, programme = programme_for(request.user, slug, programme_id)
    lesson = get_object_or_404(
        Lesson, pk=lesson_id, module__pk=module_id, module__programme=programme
    )
    services.lesson_delete(lesson=lesson)
    messages.success(request, _("Lesson deleted."))
    return redirect("programmes:programme", slug=slug, programme_id=programme.pk)


@login_required
def assignment_edit(
    request: AuthenticatedHttpRequest,
    slug: str,
    programme_id: int,
    module_id: int,
    assignment_id: int | None = None,
) -> HttpResponse:
    membership, programme = programme_for(request.user, slug, programme_id)
    module = _module_of(programme, module_id)
    assignment = get_object_or_404(module.assignments, pk=assignment_id) if assignment_id else None
    form = AssignmentForm(request.POST or None, instance=assignment)
    return _curriculum_form(
        request,
        form=form,
        save=lambda: services.assignment_save(module=module, assignment=form.instance),
        saved=_("Assignment saved."),
        context={
            "membership": membership,
            "programme": programme,
            "heading": _("Edit the assignment") if assignment else _("Add an assignment"),
            "module": module,
            "assignment": assignment,
        },
    )


@login_required
@require_POST
def assignment_delete(
    request: AuthenticatedHttpRequest,
    slug: str,
    programme_id: int,
    module_id: int,
    assignment_id: int,
) -> HttpResponse:
    _membership, programme = programme_for(request.user, slug, programme_id)
    assignment = get_object_or_404(
        Assignment, pk=assignment_id, module__pk=module_id, module__programme=programme
    )
    try:
        services.assignment_delete(assignment=assignment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(
            "programmes:assignment_edit",
            slug=slug,
            programme_id=programme.pk,
            module_id=module_id,
            assignment_id=assignment.pk,
        )
    messages.success(request, _("Assignment deleted."))
    return redirect("programmes:programme", slug=slug, programme_id=programme.pk)


@login_required
@require_POST
def lesson_file_delete(
    request: AuthenticatedHttpRequest, slug: str, programme_id: int, file_id: int
) -> HttpResponse:
    _membership, programme = programme_for(request.user, slug, programme_id)
    attachment = get_object_or_404(
        selectors.lesson_files(programme).select_related("lesson"), pk=file_id
    )
    lesson = attachment.lesson
    if lesson is None:
        raise Http404
    services.attachment_delete(attachment=attachment)
    messages.success(request, _("File removed."))
    return redirect(
        "programmes:lesson_edit",
        slug=slug,
        programme_id=programme.pk,
        module_id=lesson.module_id,
        lesson_id=lesson.pk,
    )
