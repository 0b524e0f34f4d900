"""Marking a weaving suggestion as introduced, and taking the mark back (the leader's)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netlead.core.web import AuthenticatedHttpRequest
from netlead.networks.access import EDIT, network_for
from netlead.surveys import services
from netlead.surveys.access import round_of


@login_required
@require_POST
def round_introduction(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    access = network_for(request.user, slug, network_id, EDIT)
    survey_round = round_of(access, pk)
    source = request.POST.get("source", "")
    target = request.POST.get("target", "")
    try:
        if request.POST.get("introduced") == "no":
            services.introduction_unmark(survey_round, source=source, target=target)
            messages.success(request, _("The mark is taken back."))
        else:
            services.introduction_mark(
                survey_round, source=source, target=target, marked_by=request.user
            )
            messages.success(
                request,
                _("Marked as introduced. The next round shows whether the two are now tied."),
            )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect(reverse("surveys:results", args=[slug, network_id, pk]) + "#suggestions-title")
