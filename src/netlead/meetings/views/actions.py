"""Actions: the network's list, adding from a meeting, editing, marking done, "my actions"."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netlead.core.submissions import single_submit
from netlead.core.web import AuthenticatedHttpRequest, add_errors, next_url
from netlead.meetings import selectors, services
from netlead.meetings.forms import ActionEditForm, ActionFilterForm, ActionForm, ActionStatusForm
from netlead.meetings.models import Meeting
from netlead.meetings.views.common import meeting_for
from netlead.meetings.views.meetings import render_detail
from netlead.networks.access import CONTRIBUTE, EDIT, READ, NetworkAccess, network_for
from netlead.workspaces.access import membership_for


def _add_action(
    request: AuthenticatedHttpRequest,
    access: NetworkAccess,
    form: ActionForm,
    meeting: Meeting | None,
) -> bool:
    """Record the posted action; False (errors on the form) when it is not valid."""
    if not form.is_valid():
        return False
    data = form.cleaned_data
    owner = data.get("owner") or access.member
    try:
        services.action_add(
            network=access.network,
            by=access.member,
            created_by=request.user,
            title=data["title"],
            owner=owner,
            due_on=data["due_on"],
            meeting=meeting,
            result=data["result"],
        )
    except ValidationError as error:
        add_errors(form, error)
        return False
    messages.success(request, _("Action recorded for %(owner)s.") % {"owner": owner.person.name})
    return True


@login_required
@single_submit
def action_list(request: AuthenticatedHttpRequest, slug: str, network_id: int) -> HttpResponse:
    """The network's actions, filtered by status, overdue ones marked; contributors add one."""
    need = CONTRIBUTE if request.method == "POST" else READ
    access = network_for(request.user, slug, network_id, need)
    filters = ActionFilterForm(request.GET or None)
    status = filters.status_or_default()
    form = ActionForm(request.POST or None, network=access.network, can_edit=access.can_edit)
    if request.method == "POST" and _add_action(request, access, form, None):
        return redirect("meetings:actions", slug, network_id)
    return render(
        request,
        "meetings/action_list.html",
        {
            "access": access,
            "filters": filters,
            "status": status,
            "actions": selectors.network_actions(access.network, status=status),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
@single_submit
def meeting_action_add(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    access = network_for(request.user, slug, network_id, CONTRIBUTE)
    meeting = meeting_for(access, pk)
    form = ActionForm(request.POST, network=access.network, can_edit=access.can_edit)
    if _add_action(request, access, form, meeting):
        response = redirect("meetings:detail", slug, network_id, pk)
        response["Location"] += "#actions"
        return response
    return render_detail(request, access, meeting, status=400, action_form=form)


@login_required
@single_submit
def action_edit(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    access = network_for(request.user, slug, network_id, EDIT)
    action = get_object_or_404(
        access.network.actions.select_related("network", "meeting", "owner__person"), pk=pk
    )
    form = ActionEditForm(request.POST or None, instance=action, network=access.network)
    if request.method == "POST" and form.is_valid():
        try:
            data = form.cleaned_data
            services.action_update(
                action=action,
                title=data["title"],
                owner=data["owner"],
                due_on=data["due_on"],
                status=data["status"],
                result=data["result"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Action saved."))
            return redirect("meetings:actions", slug, network_id)
    if form.errors:
        action.refresh_from_db()
    return render(
        request,
        "meetings/action_form.html",
        {"access": access, "action": action, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def action_status(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    """The owner marks their action done (or open again); editors set any status. Read access
    is enough to reach this: an action recorded for an associate is still theirs to close."""
    access = network_for(request.user, slug, network_id, READ)
    action = get_object_or_404(access.network.actions, pk=pk)
    back = next_url(request, reverse("meetings:actions", args=[slug, network_id]))
    form = ActionStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid status."))
        return redirect(back)
    services.action_set_status(action=action, by=access.member, status=form.cleaned_data["status"])
    messages.success(
        request,
        _("“%(action)s” is now: %(status)s.")
        % {"action": action.title, "status": action.get_status_display()},
    )
    return redirect(back)


@login_required
def my_actions(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The user's own actions in every network of this workspace, whoever recorded them."""
    membership = membership_for(request.user, slug)
    filters = ActionFilterForm(request.GET or None)
    status = filters.status_or_default()
    return render(
        request,
        "meetings/my_actions.html",
        {
            "membership": membership,
            "filters": filters,
            "status": status,
            "actions": selectors.my_actions(
                request.user,
                membership.workspace,
                status=status,
            ),
        },
    )
