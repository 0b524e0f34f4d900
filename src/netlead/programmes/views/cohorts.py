"""A cohort, for its participants and facilitators: the curriculum with progress, sessions,
lessons, assignments and submissions with feedback, peer groups, the skills measurement."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netlead.core.submissions import single_submit
from netlead.core.web import AuthenticatedHttpRequest, add_errors
from netlead.networks.rules import RESTORE_DAYS
from netlead.programmes import rules
from netlead.programmes.access import CohortAccess, attachment_for, cohort_for, programme_for
from netlead.programmes.forms.cohorts import (
    CohortForm,
    EnrolForm,
    FeedbackForm,
    PeerGroupsForm,
    SubmissionForm,
)
from netlead.programmes.models import Assignment, Attachment, EnrolmentRole, Lesson
from netlead.programmes.selectors import cohorts as selectors
from netlead.programmes.services import cohorts as services
from netlead.programmes.services.accounts import invite_without_account, reach_messages


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


@login_required
@single_submit
def cohort_create(request: AuthenticatedHttpRequest, slug: str, programme_id: int) -> HttpResponse:
    membership, programme = programme_for(request.user, slug, programme_id)
    if programme.is_mentoring:
        raise Http404
    form = CohortForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cohort = services.cohort_create(
                programme=programme,
                creator=request.user,
                name=form.cleaned_data["name"],
                starts_on=form.cleaned_data["starts_on"],
                ends_on=form.cleaned_data["ends_on"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The cohort is set up. Now enrol its participants."))
            return redirect("programmes:cohort_enrol", slug=slug, cohort_id=cohort.pk)
    return render(
        request,
        "programmes/cohort_form.html",
        {"membership": membership, "programme": programme, "form": form},
        status=400 if form.errors else 200,
    )


def _lesson(access: CohortAccess, lesson_id: int) -> Lesson:
    return get_object_or_404(
        Lesson.objects.select_related("module"),
        pk=lesson_id,
        module__programme_id=access.cohort.programme_id,
    )


def _assignment(access: CohortAccess, assignment_id: int) -> Assignment:
    return get_object_or_404(
        Assignment.objects.select_related("module"),
        pk=assignment_id,
        module__programme_id=access.cohort.programme_id,
    )


@login_required
def cohort_detail(request: AuthenticatedHttpRequest, slug: str, cohort_id: int) -> HttpResponse:
    access = cohort_for(request.user, slug, cohort_id)
    cohort = access.cohort
    context = {
        "access": access,
        "cohort": cohort,
        "modules": selectors.curriculum(cohort.programme),
        "upcoming": selectors.sessions(cohort, upcoming=True),
        "facilitators": selectors.facilitators(cohort),
        "to_review": selectors.to_review(access.enrolment),
    }
    if access.is_facilitator:
        context["participants"] = selectors.participants(cohort)
    else:
        context["done"] = selectors.lessons_done_by(access.enrolment)
        context["mine"] = selectors.my_submissions(access.enrolment)
        context["progress"] = selectors.progress(cohort, [access.enrolment])[0]
        context["peers"] = selectors.peer_group_of(access.enrolment)
    return render(request, "programmes/cohort.html", context)


@login_required
def cohort_enrol(request: AuthenticatedHttpRequest, slug: str, cohort_id: int) -> HttpResponse:
    access = cohort_for(request.user, slug, cohort_id, facilitator=True)
    cohort = access.cohort
    enrolled = cohort.enrolments.values_list("person_id", flat=True)
    candidates = (
        access.membership.workspace.persons.exclude(pk__in=enrolled)
        .select_related("organization")
        .order_by("name")
    )
    # Any person of the workspace is a valid choice (the service says who is enrolled
    # already); the page offers only those not enrolled yet.
    form = EnrolForm(request.POST or None, persons=access.membership.workspace.persons.all())
    if request.method == "POST" and form.is_valid():
        try:
            added = services.enrol(
                cohort=cohort,
                persons=list(form.cleaned_data["persons"]),
                role=form.cleaned_data["role"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(count)s enrolled.") % {"count": len(added)})
            reach = invite_without_account(
                persons=[e.person for e in added],
                invited_by=request.user,
                base_url=request.build_absolute_uri("/").rstrip("/"),
            )
            for message in reach_messages(reach):
                messages.warning(request, message)
            return redirect("programmes:cohort", slug=slug, cohort_id=cohort.pk)
    form.fields["persons"].queryset = candidates
    return render(
        request,
        "programmes/cohort_enrol.html",
        {
            "access": access,
            "cohort": cohort,
            "form": form,
            "participants": selectors.participants(cohort),
            "facilitators": selectors.facilitators(cohort),
        },
        status=400 if form.errors else 200,
    )


@login_required
def participant_remove(
    request: AuthenticatedHttpRequest, slug: str, cohort_id: int, enrolment_id: int
) -> HttpResponse:
    """GET: what follows when this participant is taken out (counts only); POST: do it."""
    access = cohort_for(request.user, slug, cohort_id, facilitator=True)
    cohort = access.cohort
    enrolment = get_object_or_404(
        cohort.enrolments.filter(role=EnrolmentRole.PARTICIPANT).select_related("person", "cohort"),
        pk=enrolment_id,
    )
    if cohort.is_closed:
        messages.info(request, _("This cohort has ended: its participants stay part of it."))
        return redirect("programmes:cohort_enrol", slug=slug, cohort_id=cohort.pk)
    error_text = ""
    if request.method == "POST":
        try:
            services.participant_remove(enrolment=enrolment)
        except ValidationError as error:
            error_text = _errors(error)
        else:
            messages.success(
                request,
                _("%(name)s is no longer in this cohort.") % {"name": enrolment.person.name},
            )
            return redirect("programmes:cohort_enrol", slug=slug, cohort_id=cohort.pk)
    return render(
        request,
        "programmes/participant_remove.html",
        {
            "access": access,
            "cohort": cohort,
            "enrolment": enrolment,
            "consequences": selectors.removal_consequences(enrolment),
            "restore_days": RESTORE_DAYS,
            "error": error_text,
        },
        status=400 if error_text else 200,
    )


@login_required
def cohort_progress(request: AuthenticatedHttpRequest, slug: str, cohort_id: int) -> HttpResponse:
    access = cohort_for(request.user, slug, cohort_id, facilitator=True)
    cohort = access.cohort
    form = PeerGroupsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            groups = services.peer_groups_assign(cohort=cohort, size=form.cleaned_data["size"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(count)s peer groups drawn.") % {"count": groups})
            return redirect("programmes:cohort_progress", slug=slug, cohort_id=cohort.pk)
    participants = selectors.participants(cohort)
    return render(
        request,
        "programmes/cohort_progress.html",
        {
            "access": access,
            "cohort": cohort,
            "modules": list(cohort.programme.modules.order_by("number")),
            "rows": selectors.progress(cohort, participants),
            "form": form,
            "figures": selectors.measurement_figures(cohort),
        },
        status=400 if form.errors else 200,
    )


@login_required
def cohort_close(request: AuthenticatedHttpRequest, slug: str, cohort_id: int) -> HttpResponse:
    """GET: what ending the cohort settles; POST: close the start measurement or end it."""
    access = cohort_for(request.user, slug, cohort_id, facilitator=True)
    if request.method != "POST":
        if access.cohort.is_closed:
            messages.info(request, _("This cohort has already ended."))
            return redirect("programmes:cohort_progress", slug=slug, cohort_id=cohort_id)
        return render(
            request,
            "programmes/cohort_end.html",
            {
                "access": access,
                "cohort": access.cohort,
                "consequences": selectors.cohort_end_consequences(access.cohort),
            },
        )
    what = request.POST.get("what")
    try:
        if what == "start_measurement":
            services.start_measurement_close(cohort=access.cohort)
            messages.success(request, _("The start measurement is closed."))
        elif what == "cohort":
            services.cohort_close(cohort=access.cohort)
            messages.success(request, _("The cohort has ended; its alumni group is open."))
        else:
            messages.error(request, _("Nothing was closed: the form was changed."))
    except ValidationError as error:
        messages.error(request, _errors(error))
    return redirect("programmes:cohort_progress", slug=slug, cohort_id=cohort_id)


@login_required
def cohort_lesson(
    request: AuthenticatedHttpRequest, slug: str, cohort_id: int, lesson_id: int
) -> HttpResponse:
    access = cohort_for(request.user, slug, cohort_id)
    lesson = _lesson(access, lesson_id)
    if request.method == "POST":
        if access.is_facilitator:
            raise PermissionDenied
        done = request.POST.get("done")
        if done not in ("0", "1"):
            return HttpResponseBadRequest(_("The form was changed and could not be saved."))
        try:
            services.lesson_mark(enrolment=access.enrolment, lesson=lesson, done=done == "1")
        except ValidationError as error:
            messages.error(request, _errors(error))
        return redirect(
            "programmes:cohort_lesson", slug=slug, cohort_id=cohort_id, lesson_id=lesson.pk
        )
    return render(
        request,
        "programmes/lesson.html",
        {
            "access": access,
            "cohort": access.cohort,
            "lesson": lesson,
            "files": lesson.attachments.defer("data"),
            "done": lesson.pk in selectors.lessons_done_by(access.enrolment),
        },
    )


@login_required
def cohort_assignment(
    request: AuthenticatedHttpRequest, slug: str, cohort_id: int, assignment_id: int
) -> HttpResponse:
    access = cohort_for(request.user, slug, cohort_id)
    assignment = _assignment(access, assignment_id)
    context: dict[str, object] = {
        "access": access,
        "cohort": access.cohort,
        "assignment": assignment,
        "others": selectors.submissions_of_assignment(access.enrolment, assignment),
    }
    if access.is_facilitator or assignment.is_measurement:
        # Nothing to hand in here: facilitators read, a measurement is a self-assessment.
        status = 405 if request.method == "POST" else 200
        return render(request, "programmes/assignment.html", context, status=status)
    if request.method == "POST" and access.cohort.is_closed:
        messages.error(
            request, _("This cohort has ended, so work can no longer be handed in or changed.")
        )
        return redirect(request.path)
    submission = selectors.my_submissions(access.enrolment).get(assignment.pk)
    networks = selectors.networks_for_case(access.enrolment.person)
    initial = {"text": submission.text, "network": submission.network} if submission else None
    form = SubmissionForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        networks=access.membership.workspace.networks.filter(pk__in=[n.pk for n in networks]),
        with_network=assignment.is_case_analysis,
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.submission_save(
                enrolment=access.enrolment,
                assignment=assignment,
                text=form.cleaned_data["text"],
                network=form.cleaned_data.get("network"),
                hand_in="hand_in" in request.POST,
                upload=form.cleaned_data.get("file"),
                user=request.user,
                pull_case_context="pull" in request.POST,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            if "pull" in request.POST:
                messages.success(request, _("The network's charter, phase and figures are in."))
            elif saved.is_submitted:
                messages.success(request, _("Your work is handed in."))
            else:
                messages.success(request, _("Draft saved."))
            return redirect(request.path)
    context.update(
        {
            "form": form,
            "submission": submission,
            "files": submission.attachments.defer("data") if submission else [],
            "feedback": submission.feedback.select_related("author__person") if submission else [],
        }
    )
    return render(
        request, "programmes/assignment.html", context, status=400 if form.errors else 200
    )


@login_required
def submission_detail(
    request: AuthenticatedHttpRequest, slug: str, cohort_id: int, submission_id: int
) -> HttpResponse:
    access = cohort_for(request.user, slug, cohort_id)
    submission = selectors.submission_for(access.enrolment, submission_id)
    can_give = rules.can_give_feedback(submission, access.enrolment)
    form = FeedbackForm(request.POST or None)
    if request.method == "POST":
        if not can_give:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.feedback_give(
                    submission=submission, author=access.enrolment, text=form.cleaned_data["text"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Thank you: your feedback is saved."))
                return redirect(request.path)
    return render(
        request,
        "programmes/submission.html",
        {
            "access": access,
            "cohort": access.cohort,
            "submission": submission,
            "files": submission.attachments.defer("data"),
            "feedback": submission.feedback.select_related("author__person"),
            "form": form if can_give and submission.is_submitted else None,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def measurement(
    request: AuthenticatedHttpRequest, slug: str, cohort_id: int, which: str
) -> HttpResponse:
    access = cohort_for(request.user, slug, cohort_id)
    if which not in (services.START, services.END):
        raise Http404
    try:
        assessment = services.measurement_start(enrolment=access.enrolment, which=which)
    except ValidationError as error:
        messages.error(request, _errors(error))
        return redirect("programmes:cohort", slug=slug, cohort_id=cohort_id)
    if assessment.is_complete:
        return redirect("development:assessment", slug=slug, pk=assessment.pk)
    return redirect("development:assessment_edit", slug=slug, pk=assessment.pk)


@login_required
def attachment(
    request: AuthenticatedHttpRequest, slug: str, cohort_id: int, file_id: int
) -> HttpResponse:
    """A lesson file of the cohort's programme, or a file of work the viewer may see."""
    access = cohort_for(request.user, slug, cohort_id)
    return file_response(attachment_for(access, file_id, path=request.path))


def file_response(found: Attachment) -> HttpResponse:
    response = HttpResponse(bytes(found.data), content_type=found.content_type)
    response["Content-Disposition"] = f'attachment; filename="{found.name.replace(chr(34), "")}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def programme_file(
    request: AuthenticatedHttpRequest, slug: str, programme_id: int, file_id: int
) -> HttpResponse:
    _membership, programme = programme_for(request.user, slug, programme_id)
    found = get_object_or_404(selectors.lesson_files(programme), pk=file_id)
    return file_response(found)
