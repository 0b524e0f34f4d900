"""Login, profile and language choice. Password reset and change use Django's own views;
password reset is rate limited."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netlead.accounts import services
from netlead.accounts.forms import ProfileForm
from netlead.core import ratelimit
from netlead.core.client import client_address
from netlead.core.web import AuthenticatedHttpRequest, next_url


class PasswordResetView(auth_views.PasswordResetView):
    """Django's password reset, limited per client and per e-mail address so the page cannot
    be used to flood someone's mailbox or to send mail from here in bulk."""

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not ratelimit.allow(ratelimit.PASSWORD_RESET_CLIENT, client_address(request)):
            return ratelimit.too_many(request, ratelimit.PASSWORD_RESET_CLIENT)
        address = str(request.POST.get("email", "")).strip().lower()
        if address and not ratelimit.allow(ratelimit.PASSWORD_RESET_ADDRESS, address):
            return ratelimit.too_many(request, ratelimit.PASSWORD_RESET_ADDRESS)
        return super().post(request, *args, **kwargs)


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
