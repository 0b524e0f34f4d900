"""The site's pages of the API: the documentation, and the user's personal access tokens."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from netlead.api import services
from netlead.api.forms import TokenForm
from netlead.core.web import AuthenticatedHttpRequest, add_errors
from netlead.workspaces.selectors import user_memberships


def api_docs(request: HttpRequest) -> HttpResponse:
    return render(request, "api/docs.html")


@never_cache
@login_required
def api_tokens(request: AuthenticatedHttpRequest) -> HttpResponse:
    memberships = list(user_memberships(request.user).select_related("workspace"))
    form = TokenForm(request.POST or None, memberships=memberships)
    created = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, created = services.token_create(
                user=request.user,
                workspace_slug=form.cleaned_data["workspace"],
                name=form.cleaned_data["name"],
                can_write=form.cleaned_data["can_write"],
                days=form.cleaned_data["days"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            form = TokenForm(memberships=memberships)
    tokens = request.user.api_tokens.select_related("workspace")
    return render(
        request,
        "api/tokens.html",
        # The new token is shown in this response only; it is not stored anywhere.
        {"form": form, "tokens": tokens, "created": created},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def api_token_revoke(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    services.token_revoke(token=get_object_or_404(request.user.api_tokens, pk=pk))
    messages.success(request, _("The token is revoked: it no longer works."))
    return redirect("api_tokens")
