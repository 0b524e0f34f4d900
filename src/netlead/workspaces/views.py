"""Pages of the workspace: dashboard, organizations, people, team and settings."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netlead.accounts.forms import AccountCreateForm
from netlead.accounts.models import User
from netlead.accounts.services import account_create
from netlead.core import ratelimit
from netlead.core.language import active_language
from netlead.core.submissions import single_submit
from netlead.core.web import AuthenticatedHttpRequest, speak_language
from netlead.workspaces import rules, selectors, services
from netlead.workspaces.access import (
    MANAGERS,
    can_manage,
    is_owner,
    membership_for,
)
from netlead.workspaces.forms import (
    InvitationForm,
    OrganizationForm,
    PersonFilterForm,
    PersonForm,
    RoleForm,
    WorkspaceCreateForm,
    WorkspaceSettingsForm,
)
from netlead.workspaces.middleware import SESSION_KEY
from netlead.workspaces.models import Role


@login_required
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Go to the last workspace used, else the first; with none, offer to create one."""
    memberships = list(selectors.user_memberships(request.user))
    if not memberships:
        return render(request, "workspaces/no_workspace.html")
    last = request.session.get(SESSION_KEY)
    chosen = next((m for m in memberships if m.workspace.slug == last), memberships[0])
    return redirect("workspaces:dashboard", slug=chosen.workspace.slug)


@login_required
@single_submit
def workspace_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = WorkspaceCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        workspace = services.workspace_create(
            owner=request.user,
            name=form.cleaned_data["name"],
            default_language=form.cleaned_data["default_language"],
        )
        messages.success(request, _("Workspace created."))
        return redirect("workspaces:dashboard", slug=workspace.slug)
    return render(
        request,
        "workspaces/workspace_form.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def workspace_switch(request: AuthenticatedHttpRequest) -> HttpResponse:
    membership = membership_for(request.user, request.POST.get("workspace", ""))
    return redirect("workspaces:dashboard", slug=membership.workspace.slug)


@login_required
def dashboard(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    membership = membership_for(request.user, slug)
    overview = selectors.workspace_overview(membership.workspace)
    return render(
        request,
        "workspaces/dashboard.html",
        {"membership": membership, "overview": overview, "can_manage": can_manage(membership)},
    )


@login_required
def workspace_settings(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    membership = membership_for(request.user, slug, Role.OWNER)
    workspace = membership.workspace
    form = WorkspaceSettingsForm(request.POST or None, instance=workspace)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            services.workspace_update(
                workspace=workspace,
                name=data["name"],
                default_language=data["default_language"],
                anonymity_threshold=data["anonymity_threshold"],
            )
            messages.success(request, _("Settings saved."))
            return redirect("workspaces:settings", slug=workspace.slug)
        workspace.refresh_from_db()
    return render(
        request,
        "workspaces/settings.html",
        {"membership": membership, "form": form},
        status=400 if form.errors else 200,
    )


# Organizations


@login_required
def organization_list(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    membership = membership_for(request.user, slug)
    rows = selectors.organizations_with_counts(membership.workspace)
    return render(
        request,
        "workspaces/organization_list.html",
        {"membership": membership, "rows": rows, "can_manage": can_manage(membership)},
    )


@login_required
def organization_edit(
    request: AuthenticatedHttpRequest, slug: str, pk: int | None = None
) -> HttpResponse:
    membership = membership_for(request.user, slug, *MANAGERS)
    workspace = membership.workspace
    organization = get_object_or_404(workspace.organizations, pk=pk) if pk else None
    form = OrganizationForm(request.POST or None, instance=organization)
    form.instance.workspace = workspace
    if request.method == "POST" and form.is_valid():
        try:
            services.organization_save(organization=form.instance)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Organization saved."))
            return redirect("workspaces:organizations", slug=slug)
    return render(
        request,
        "workspaces/organization_form.html",
        {"membership": membership, "form": form, "organization": organization},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def organization_delete(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    membership = membership_for(request.user, slug, *MANAGERS)
    organization = get_object_or_404(membership.workspace.organizations, pk=pk)
    try:
        services.organization_delete(organization=organization)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Organization removed."))
    return redirect("workspaces:organizations", slug=slug)


# People


@login_required
def person_list(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    membership = membership_for(request.user, slug)
    workspace = membership.workspace
    filters = PersonFilterForm(request.GET or None, workspace=workspace)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    organization = criteria.get("organization")
    persons = selectors.persons_for(
        workspace,
        organization_id=organization.pk if organization else None,
        layer=criteria.get("layer", ""),
        query=criteria.get("q", ""),
    )
    template = (
        "workspaces/_person_table.html"
        if request.headers.get("HX-Request")
        else "workspaces/person_list.html"
    )
    return render(
        request,
        template,
        {
            "membership": membership,
            "filters": filters,
            "persons": persons,
            # E-mail addresses are personal data: only those who manage people see them.
            "can_manage": can_manage(membership),
        },
    )


@login_required
def person_edit(
    request: AuthenticatedHttpRequest, slug: str, pk: int | None = None
) -> HttpResponse:
    membership = membership_for(request.user, slug, *MANAGERS)
    workspace = membership.workspace
    person = get_object_or_404(workspace.persons, pk=pk) if pk else None
    form = PersonForm(request.POST or None, instance=person, workspace=workspace)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_save(person=form.instance)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Person saved."))
            return redirect("workspaces:people", slug=slug)
    return render(
        request,
        "workspaces/person_form.html",
        {"membership": membership, "form": form, "person": person},
        status=400 if form.errors else 200,
    )


@login_required
def person_delete(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """GET: what follows when this person is removed; POST: remove them."""
    membership = membership_for(request.user, slug, *MANAGERS)
    person = get_object_or_404(membership.workspace.persons, pk=pk)
    error_text = ""
    if request.method == "POST":
        try:
            services.person_delete(person=person)
        except ValidationError as error:
            error_text = " ".join(error.messages)
        else:
            messages.success(request, _("Person removed."))
            return redirect("workspaces:people", slug=slug)
    return render(
        request,
        "workspaces/person_delete.html",
        {
            "membership": membership,
            "person": person,
            "consequences": selectors.person_removal_consequences(person),
            "error": error_text,
        },
        status=400 if error_text else 200,
    )


# Team: who has access, and invitations


@login_required
@ratelimit.limit_posts_per_user(ratelimit.SENDING)
def team(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    membership = membership_for(request.user, slug, *MANAGERS)
    workspace = membership.workspace
    form = InvitationForm(request.POST or None)
    invitable = rules.invitable_roles(membership.role)
    form.fields["role"].choices = [c for c in Role.choices if c[0] in invitable]  # type: ignore[attr-defined]
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invitation_send(
                workspace=workspace,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                invited_by=request.user,
                base_url=request.build_absolute_uri("/").rstrip("/"),
            )
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(
                request, _("Invitation sent to %(email)s.") % {"email": invitation.email}
            )
            return redirect("workspaces:team", slug=slug)
    return render(
        request,
        "workspaces/team.html",
        {
            "membership": membership,
            "form": form,
            "members": selectors.workspace_members(workspace),
            "invitations": selectors.open_invitations(workspace),
            "is_owner": is_owner(membership),
            "roles": Role.choices,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def member_role(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    membership = membership_for(request.user, slug, Role.OWNER)
    target = get_object_or_404(membership.workspace.memberships, pk=pk)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid role."))
        return redirect("workspaces:team", slug=slug)
    try:
        services.membership_set_role(membership=target, role=form.cleaned_data["role"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Role changed."))
    return redirect("workspaces:team", slug=slug)


@login_required
def member_remove(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """GET: what follows when this user loses access (counts only); POST: remove it."""
    membership = membership_for(request.user, slug, Role.OWNER)
    target = get_object_or_404(membership.workspace.memberships.select_related("user"), pk=pk)
    error_text = ""
    if request.method == "POST":
        try:
            services.membership_remove(membership=target)
        except ValidationError as error:
            error_text = " ".join(error.messages)
        else:
            messages.success(request, _("%(name)s no longer has access.") % {"name": target.user})
            if target.user_id == request.user.pk:
                return redirect("home")
            return redirect("workspaces:team", slug=slug)
    return render(
        request,
        "workspaces/member_remove.html",
        {
            "membership": membership,
            "target": target,
            "consequences": selectors.access_removal_consequences(target, removed_by=request.user),
            "error": error_text,
        },
        status=400 if error_text else 200,
    )


@login_required
@require_POST
def invitation_revoke(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    membership = membership_for(request.user, slug, *MANAGERS)
    invitation = get_object_or_404(selectors.open_invitations(membership.workspace), pk=pk)
    services.invitation_revoke(invitation=invitation)
    messages.success(request, _("Invitation withdrawn."))
    return redirect("workspaces:team", slug=slug)


@ratelimit.limit_per_client(ratelimit.TOKEN_PAGES)
@single_submit
def invitation_accept(request: AuthenticatedHttpRequest, token: str) -> HttpResponse:
    """Join a workspace from an e-mail link: with the account of that address, or a new one."""
    invitation = services.invitation_find(token)
    if invitation is None:
        return render(request, "workspaces/invitation_invalid.html", status=404)
    if not request.user.is_authenticated:
        # The page speaks the mail's language (a language chosen on this device still wins).
        speak_language(request, selectors.invitation_addressee(invitation)[1])
    user = request.user
    has_account = User.objects.filter(email__iexact=invitation.email).exists()
    if user.is_authenticated and user.email.lower() != invitation.email:  # type: ignore[union-attr]
        return render(
            request,
            "workspaces/invitation_other_account.html",
            {"invitation": invitation},
            status=403,
        )
    form = AccountCreateForm(request.POST or None, email=invitation.email)
    if request.method == "POST":
        if user.is_authenticated:
            services.invitation_accept(invitation=invitation, user=user)  # type: ignore[arg-type]
        elif has_account:
            return redirect_to_login(request.get_full_path())
        elif form.is_valid():
            user = account_create(
                email=invitation.email,
                name=form.cleaned_data["name"],
                password=form.cleaned_data["password1"],
                language=active_language(),
            )
            services.invitation_accept(invitation=invitation, user=user)
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        else:
            return render(
                request,
                "workspaces/invitation_accept.html",
                {"invitation": invitation, "form": form, "has_account": has_account},
                status=400,
            )
        messages.success(
            request, _("Welcome to %(workspace)s.") % {"workspace": invitation.workspace.name}
        )
        return redirect("workspaces:dashboard", slug=invitation.workspace.slug)
    return render(
        request,
        "workspaces/invitation_accept.html",
        {"invitation": invitation, "form": form, "has_account": has_account},
    )
