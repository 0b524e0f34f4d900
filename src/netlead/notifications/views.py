"""The notification settings, one-click unsubscribe, and "what needs me"."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from netlead.core.web import AuthenticatedHttpRequest
from netlead.notifications import selectors, services
from netlead.notifications.forms import PreferencesForm
from netlead.notifications.kinds import KINDS, Delivery
from netlead.notifications.links import read_unsubscribe_token
from netlead.notifications.mail import ALL_KINDS


@login_required
def preferences(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = PreferencesForm(request.POST or None, rows=selectors.preferences_of(request.user))
    if request.method == "POST" and form.is_valid():
        services.preferences_save(user=request.user, choices=form.cleaned_data)
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {"form": form, "deliveries": Delivery.choices},
        status=400 if form.errors else 200,
    )


# Mail programs post the one-click unsubscribe (RFC 8058) without a session or a CSRF token;
# the signed token in the address is what authorises it, and it can only switch mail off.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows what the link switches off and a button; POST switches it off."""
    read = read_unsubscribe_token(token)
    if request.method == "POST":
        try:
            _user, kind = services.unsubscribe(token=token)
        except ValidationError as error:
            return render(
                request,
                "notifications/unsubscribe.html",
                {"error": " ".join(error.messages)},
                status=400,
            )
        return render(
            request, "notifications/unsubscribe.html", {"done": True, "kind": _label(kind)}
        )
    if read is None:
        return render(
            request,
            "notifications/unsubscribe.html",
            {
                "error": _(
                    "This unsubscribe link is not valid. Nothing was changed. Log in to change your notification settings."
                )
            },
            status=400,
        )
    return render(request, "notifications/unsubscribe.html", {"kind": _label(read[1])})


def _label(kind: str) -> str:
    if kind == ALL_KINDS or kind not in KINDS:
        return _("all notification e-mails")
    return str(KINDS[kind].label)


@login_required
def needs_me(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request, "notifications/needs_me.html", {"needs": selectors.needs_me(request.user)}
    )


@login_required
def needs_me_count(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The count in the navigation, loaded after the page so other pages stay as fast."""
    return render(
        request,
        "notifications/_needs_me_count.html",
        {"count": selectors.needs_me(request.user).count},
    )
