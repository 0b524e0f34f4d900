from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from netlead.core.web import AuthenticatedHttpRequest
from netlead.networks import selectors, services
from netlead.networks.access import EDIT, READ, network_for
from netlead.networks.forms import MemberAddForm, MemberEditForm, MemberLeaveForm, MembersImportForm
from netlead.networks.importing import ImportRow, LikelyDuplicate, parse_members_file
from netlead.networks.rules import RESTORE_DAYS

IMPORT_SESSION_KEY = "netlead_members_import"


@login_required
def members(request: AuthenticatedHttpRequest, slug: str, network_id: int) -> HttpResponse:
    access = network_for(request.user, slug, network_id, EDIT if request.method == "POST" else READ)
    form = MemberAddForm(request.POST or None, network=access.network)
    if request.method == "POST" and form.is_valid():
        try:
            member = services.member_add(
                network=access.network,
                person=form.cleaned_data["person"],
                role=form.cleaned_data["role"],
                joined_on=form.cleaned_data["joined_on"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(name)s added.") % {"name": member.person.name})
            return redirect("networks:members", slug=slug, network_id=network_id)
    overview = selectors.members_overview(access.network)
    return render(
        request,
        "networks/members.html",
        {
            "access": access,
            "overview": overview,
            "restorable": selectors.restorable_members(overview),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@login_required
def member_edit(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    """A current member's role and joining day, on a page of its own."""
    access = network_for(request.user, slug, network_id, EDIT)
    member = get_object_or_404(access.network.members.current().select_related("person"), pk=pk)
    form = MemberEditForm(
        request.POST or None, initial={"role": member.role, "joined_on": member.joined_on}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.member_change(
                member=member,
                role=form.cleaned_data["role"],
                joined_on=form.cleaned_data["joined_on"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(name)s changed.") % {"name": member.person.name})
            return redirect("networks:members", slug=slug, network_id=network_id)
    return render(
        request,
        "networks/member_edit.html",
        {"access": access, "member": member, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def member_leave(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    """GET: what follows when this person leaves; POST: record the leaving."""
    access = network_for(request.user, slug, network_id, EDIT)
    member = get_object_or_404(access.network.members.current().select_related("person"), pk=pk)
    if request.method == "POST":
        form = MemberLeaveForm(request.POST)
    else:
        # The members page passes the date typed there; the form shows it to confirm.
        form = MemberLeaveForm(initial={"left_on": timezone.localdate()})
        if request.GET.get("left_on"):
            form = MemberLeaveForm(request.GET)
    if request.method == "POST":
        try:
            if not form.is_valid():
                raise ValidationError(_("Enter the date on which the person left."))
            services.member_leave(member=member, left_on=form.cleaned_data["left_on"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%(name)s has left the network. You can undo this from the former members.")
                % {"name": member.person.name},
            )
            return redirect("networks:members", slug=slug, network_id=network_id)
    return render(
        request,
        "networks/member_leave.html",
        {
            "access": access,
            "member": member,
            "form": form,
            "consequences": selectors.leave_consequences(member),
            "restore_days": RESTORE_DAYS,
        },
        status=400 if form.errors and request.method == "POST" else 200,
    )


@login_required
@require_POST
def member_restore(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    """Undo a recent leaving."""
    access = network_for(request.user, slug, network_id, EDIT)
    member = get_object_or_404(
        access.network.members.filter(left_on__isnull=False).select_related("person"), pk=pk
    )
    try:
        services.member_restore(member=member)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(name)s is a member again.") % {"name": member.person.name})
    return redirect("networks:members", slug=slug, network_id=network_id)


@login_required
def members_import(request: AuthenticatedHttpRequest, slug: str, network_id: int) -> HttpResponse:
    """Step 1: upload a file and see a preview with line-numbered errors. Nothing is saved."""
    access = network_for(request.user, slug, network_id, EDIT)
    form = MembersImportForm(request.POST or None, request.FILES or None)
    parsed = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            parsed = parse_members_file(
                data=upload.read(), filename=upload.name, workspace=access.membership.workspace
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            key = f"{IMPORT_SESSION_KEY}_{network_id}"
            request.session[key] = (
                {
                    "rows": [row.as_dict() for row in parsed.rows],
                    "duplicates": [d.as_dict() for d in parsed.duplicates],
                }
                if not parsed.errors
                else {}
            )
    return render(
        request,
        "networks/members_import.html",
        {"access": access, "form": form, "parsed": parsed},
        status=400 if form.errors or (parsed and parsed.errors) else 200,
    )


@login_required
@require_POST
def members_import_confirm(
    request: AuthenticatedHttpRequest, slug: str, network_id: int
) -> HttpResponse:
    """Step 2: save the previewed rows."""
    access = network_for(request.user, slug, network_id, EDIT)
    stored = request.session.pop(f"{IMPORT_SESSION_KEY}_{network_id}", None)
    if not stored or not stored.get("rows"):
        messages.error(request, _("Nothing to import: upload the file again."))
        return redirect("networks:members_import", slug=slug, network_id=network_id)
    # Each likely duplicate is the same person unless the user said it is someone else.
    duplicates = [LikelyDuplicate(**d) for d in stored["duplicates"]]
    same = [d for d in duplicates if request.POST.get(f"same_{d.line}", "same") != "new"]
    try:
        added, created = services.members_import(
            network=access.network,
            rows=[ImportRow(**row) for row in stored["rows"]],
            reuse={d.line: d.person_id for d in same if d.person_id is not None},
            skip={d.line for d in same if d.same_line is not None},
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("networks:members_import", slug=slug, network_id=network_id)
    messages.success(
        request,
        ngettext(
            "%(added)s member added (%(created)s new in the workspace).",
            "%(added)s members added (%(created)s new in the workspace).",
            added,
        )
        % {"added": added, "created": created},
    )
    return redirect("networks:members", slug=slug, network_id=network_id)
