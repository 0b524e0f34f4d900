"""Login, profile and language choice. Password reset and change use Django's own views."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netlead.accounts import services
from netlead.accounts.forms import ProfileForm
from netlead.core.web import AuthenticatedHttpRequest, next_url


@login_required
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST":
        if form.is_valid():
            user = services.account_update(
                user=request.user,
                name=form.cleaned_data["name"],
                language=form.cleaned_data["language"],
            )
            messages.success(request, _("Your profile is saved."))
            response = redirect("accounts:profile")
            if user.language:
                response.set_cookie(settings.LANGUAGE_COOKIE_NAME, user.language, samesite="Lax")
            return response
        request.user.refresh_from_db()
    return render(
        request, "accounts/profile.html", {"form": form}, status=400 if form.errors else 200
    )


@require_POST
def language_set(request: HttpRequest) -> HttpResponse:
    """The language switcher: a cookie for everyone, and the saved choice of a logged-in user."""
    language = request.POST.get("language", "")
    response = HttpResponseRedirect(next_url(request, "/"))
    if language not in services.LANGUAGE_CODES:
        messages.error(request, _("That language is not available."))
        return response
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, language, max_age=365 * 24 * 3600, samesite="Lax"
    )
    if request.user.is_authenticated:
        services.language_choose(user=request.user, language=language)
    return response
