"""What happens in a meeting: agenda, minutes and their approval, decisions, attendance."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netlead.core.web import AuthenticatedHttpRequest, add_errors
from netlead.meetings import rules, selectors, services
from netlead.meetings.forms import (
    AgendaItemForm,
    AgendaReviewForm,
    AttendanceForm,
    DecisionForm,
    MinutesForm,
    MoveForm,
)
from netlead.meetings.models import AgendaItem, Minutes
from netlead.meetings.views.common import meeting_for
from netlead.meetings.views.meetings import render_detail
from netlead.networks.access import CONTRIBUTE, EDIT, network_for
from netlead.networks.forms import DecideAnywayForm


def _back(slug: str, network_id: int, pk: int, anchor: str) -> HttpResponse:
    response = redirect("meetings:detail", slug, network_id, pk)
    response["Location"] += f"#{anchor}"
    return response


# Agenda


@login_required
@require_POST
def agenda_add(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    """Editors add an item; other contributors propose one."""
    access = network_for(request.user, slug, network_id, CONTRIBUTE)
    meeting = meeting_for(access, pk)
    form = AgendaItemForm(request.POST, network=access.network)
    if form.is_valid():
        try:
            data = form.cleaned_data
            item = services.agenda_item_add(
                meeting=meeting,
                by=access.member,
                kind=data["kind"],
                title=data["title"],
                description=data["description"],
                result=data["result"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("Item added to the agenda.")
                if item.status == "accepted"
                else _("Item proposed. The network leader puts it on the agenda."),
            )
            return _back(slug, network_id, pk, "agenda")
    return render_detail(request, access, meeting, status=400, agenda_form=form)


def _item_for(meeting_pk: int, item_id: int) -> AgendaItem:
    return get_object_or_404(
        AgendaItem.objects.select_related("meeting__network", "proposed_by"),
        meeting_id=meeting_pk,
        pk=item_id,
    )


@login_required
def agenda_edit(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int, item_id: int
) -> HttpResponse:
    access = network_for(request.user, slug, network_id, CONTRIBUTE)
    meeting = meeting_for(access, pk)
    item = _item_for(meeting.pk, item_id)
    if not rules.can_change_agenda_item(item, access.member):
        raise PermissionDenied
    form = AgendaItemForm(request.POST or None, instance=item, network=access.network)
    if request.method == "POST" and form.is_valid():
        try:
            data = form.cleaned_data
            services.agenda_item_update(
                item=item,
                by=access.member,
                kind=data["kind"],
                title=data["title"],
                description=data["description"],
                result=data["result"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Agenda item saved."))
            return _back(slug, network_id, pk, "agenda")
    if form.errors:
        item.refresh_from_db()
    return render(
        request,
        "meetings/agenda_form.html",
        {"access": access, "meeting": meeting, "item": item, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def agenda_move(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int, item_id: int
) -> HttpResponse:
    access = network_for(request.user, slug, network_id, EDIT)
    item = _item_for(meeting_for(access, pk).pk, item_id)
    form = MoveForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Choose up or down."), status=400)
    services.agenda_item_move(
        item=item, by=access.member, up=form.cleaned_data["direction"] == "up"
    )
    return _back(slug, network_id, pk, "agenda")


@login_required
@require_POST
def agenda_review(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int, item_id: int
) -> HttpResponse:
    access = network_for(request.user, slug, network_id, EDIT)
    item = _item_for(meeting_for(access, pk).pk, item_id)
    form = AgendaReviewForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Choose to accept or decline the item."), status=400)
    accept = form.cleaned_data["decision"] == "accept"
    services.agenda_item_review(item=item, by=access.member, accept=accept)
    messages.success(request, _("Item put on the agenda.") if accept else _("Item not taken up."))
    return _back(slug, network_id, pk, "agenda")


@login_required
@require_POST
def agenda_delete(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int, item_id: int
) -> HttpResponse:
    access = network_for(request.user, slug, network_id, CONTRIBUTE)
    item = _item_for(meeting_for(access, pk).pk, item_id)
    services.agenda_item_delete(item=item, by=access.member)
    messages.success(request, _("Agenda item removed."))
    return _back(slug, network_id, pk, "agenda")


# Minutes


@login_required
@require_POST
def minutes_save(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    access = network_for(request.user, slug, network_id, EDIT)
    meeting = meeting_for(access, pk)
    form = MinutesForm(request.POST)
    if form.is_valid():
        try:
            services.minutes_save(
                meeting=meeting,
                text=form.cleaned_data["text"],
                written_by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Minutes saved."))
            return _back(slug, network_id, pk, "minutes")
    return render_detail(request, access, meeting, status=400, minutes_form=form)


def _minutes_for(meeting_pk: int) -> Minutes:
    return get_object_or_404(Minutes.objects.select_related("meeting"), meeting_id=meeting_pk)


@login_required
@require_POST
def minutes_ready(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    access = network_for(request.user, slug, network_id, EDIT)
    minutes = _minutes_for(meeting_for(access, pk).pk)
    try:
        services.minutes_mark_ready(minutes=minutes, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The minutes are ready: members who were present approve."))
    return _back(slug, network_id, pk, "minutes")


@login_required
@require_POST
def minutes_approve(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    access = network_for(request.user, slug, network_id, CONTRIBUTE)
    minutes = _minutes_for(meeting_for(access, pk).pk)
    try:
        minutes = services.minutes_approve(minutes=minutes, member=access.member)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Thank you: everyone has approved, the minutes are final.")
            if minutes.is_locked
            else _("Thank you for approving the minutes."),
        )
    return _back(slug, network_id, pk, "minutes")


@login_required
def minutes_finalise(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    """GET: what declaring the minutes approved means now; POST: declare them approved."""
    access = network_for(request.user, slug, network_id, EDIT)
    meeting = meeting_for(access, pk)
    minutes = _minutes_for(meeting.pk)
    if minutes.is_locked:
        messages.info(request, _("The minutes are approved already."))
        return _back(slug, network_id, pk, "minutes")
    form = DecideAnywayForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.minutes_finalise(
                minutes=minutes, by=request.user, despite_rule=form.cleaned_data["despite_rule"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The minutes are approved and final. You can re-open them for %(hours)s hours.")
                % {"hours": rules.REOPEN_HOURS},
            )
            return _back(slug, network_id, pk, "minutes")
    detail = selectors.meeting_detail(meeting)
    return render(
        request,
        "meetings/minutes_finalise.html",
        {
            "access": access,
            "meeting": meeting,
            "minutes": minutes,
            "pending": detail.pending_approvers,
            "rule": selectors.minutes_rule_progress(minutes, detail.approvers),
            "reopen_hours": rules.REOPEN_HOURS,
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def minutes_reopen(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    """Undo an approval shortly after it was given."""
    access = network_for(request.user, slug, network_id, EDIT)
    minutes = _minutes_for(meeting_for(access, pk).pk)
    try:
        services.minutes_reopen(minutes=minutes)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The minutes are up for approval again."))
    return _back(slug, network_id, pk, "minutes")


# Decisions


@login_required
@require_POST
def decision_add(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    access = network_for(request.user, slug, network_id, EDIT)
    meeting = meeting_for(access, pk)
    form = DecisionForm(request.POST, network=access.network)
    if form.is_valid():
        try:
            services.decision_add(
                meeting=meeting,
                text=form.cleaned_data["text"],
                results=form.cleaned_data["results"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Decision recorded."))
            return _back(slug, network_id, pk, "decisions")
    return render_detail(request, access, meeting, status=400, decision_form=form)


@login_required
@require_POST
def decision_delete(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int, decision_id: int
) -> HttpResponse:
    access = network_for(request.user, slug, network_id, EDIT)
    meeting = meeting_for(access, pk)
    decision = get_object_or_404(meeting.decisions, pk=decision_id)
    services.decision_delete(decision=decision)
    messages.success(request, _("Decision removed."))
    return _back(slug, network_id, pk, "decisions")


# Attendance


@login_required
def attendance(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    """Present, excused or absent for every member, in one form."""
    access = network_for(request.user, slug, network_id, EDIT)
    meeting = meeting_for(access, pk)
    form = AttendanceForm(request.POST or None, rows=selectors.attendance_rows(meeting))
    if request.method == "POST" and form.is_valid():
        try:
            services.attendance_record(meeting=meeting, statuses=form.statuses())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Attendance saved."))
            return _back(slug, network_id, pk, "attendance")
    return render(
        request,
        "meetings/attendance_form.html",
        {
            "access": access,
            "meeting": meeting,
            "form": form,
            "joined_after": selectors.joined_after(meeting),
        },
        status=400 if form.errors else 200,
    )
