"""The meetings of a network: list, plans, single meetings, the meeting page, calendar feeds."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netlead.core.submissions import single_submit
from netlead.core.web import AuthenticatedHttpRequest, add_errors
from netlead.meetings import rules, selectors, services
from netlead.meetings.calendar import meetings_ical
from netlead.meetings.forms import (
    ActionForm,
    AgendaItemForm,
    DecisionForm,
    FeedForm,
    MeetingForm,
    MeetingPlanForm,
    MinutesForm,
)
from netlead.meetings.models import Meeting
from netlead.meetings.recurrence import MAX_OCCURRENCES, plan_dates, rrule_in_words
from netlead.meetings.views.common import meeting_for
from netlead.networks.access import EDIT, READ, NetworkAccess, network_for

NEW_FEED_KEY = "meetings_new_feed"


@login_required
def meeting_list(request: AuthenticatedHttpRequest, slug: str, network_id: int) -> HttpResponse:
    access = network_for(request.user, slug, network_id, READ)
    rates = selectors.attendance_rates(access.network)
    chart = {
        "labels": [point.day.isoformat() for point in rates.trend],
        "values": [point.rate.percent for point in rates.trend],
        "label": _("Share present (%)"),
    }
    new_feed = request.session.pop(NEW_FEED_KEY, None)
    if new_feed and new_feed.get("network") != access.network.pk:
        new_feed = None
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "access": access,
            "overview": selectors.meetings_overview(access.network),
            "rates": rates,
            "chart": chart,
            "feeds": selectors.calendar_feed_state(access.network, access.member.person),
            "new_feed": new_feed,
        },
    )


#: The preview lists this many dates; the rest are counted.
PREVIEW_DATES = 8


@login_required
def plan_preview(request: AuthenticatedHttpRequest, slug: str, network_id: int) -> HttpResponse:
    """The picker's plan in words with its next dates, as the form stands (htmx, on change)."""
    access = network_for(request.user, slug, network_id, EDIT)
    form = MeetingPlanForm(request.GET)
    context: dict[str, Any] = {"ready": False}
    if form.is_valid():
        data = form.cleaned_data
        try:
            starts, capped = plan_dates(
                data["rrule"],
                first_starts_at=data["first_starts_at"],
                last_day=access.network.planned_end_on,
            )
        except ValidationError as error:
            context["problem"] = " ".join(error.messages)
        else:
            context = {
                "ready": True,
                "words": rrule_in_words(data["rrule"], first_starts_at=data["first_starts_at"]),
                "dates": [timezone.make_aware(start) for start in starts[:PREVIEW_DATES]],
                "more": max(0, len(starts) - PREVIEW_DATES),
                "total": len(starts),
                "capped": capped,
                "max": MAX_OCCURRENCES,
            }
    return render(request, "meetings/_plan_preview.html", context)


@login_required
@single_submit
def plan_create(request: AuthenticatedHttpRequest, slug: str, network_id: int) -> HttpResponse:
    access = network_for(request.user, slug, network_id, EDIT)
    form = MeetingPlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            data = form.cleaned_data
            created = services.meeting_plan_create(
                network=access.network,
                title=data["title"],
                rrule=data["rrule"],
                first_starts_at=data["first_starts_at"],
                duration_minutes=data["duration_minutes"],
                location=data["location"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("Meeting plan saved: %(count)s meetings planned.")
                % {"count": len(created.meetings)},
            )
            if created.capped:
                messages.warning(
                    request,
                    _(
                        "The rule gives more meetings than are planned at once (at most "
                        "%(max)s, none after the network's planned end). Add a new plan later "
                        "for the meetings after these."
                    )
                    % {"max": MAX_OCCURRENCES},
                )
            return redirect("meetings:list", slug, network_id)
    return render(
        request,
        "meetings/plan_form.html",
        {"access": access, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def plan_delete(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    access = network_for(request.user, slug, network_id, EDIT)
    plan = get_object_or_404(access.network.meeting_plans, pk=pk)
    removed = services.meeting_plan_delete(plan=plan)
    messages.success(
        request,
        _(
            "Meeting plan removed with %(count)s meetings still to come; meetings that took "
            "place or have content are kept."
        )
        % {"count": removed},
    )
    return redirect("meetings:list", slug, network_id)


@login_required
@single_submit
def meeting_edit(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int | None = None
) -> HttpResponse:
    access = network_for(request.user, slug, network_id, EDIT)
    meeting = meeting_for(access, pk) if pk else None
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            data = form.cleaned_data
            meeting = services.meeting_save(
                network=access.network,
                meeting=meeting,
                title=data["title"],
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                location=data["location"],
                is_cancelled=data["is_cancelled"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Meeting saved."))
            return redirect("meetings:detail", slug, network_id, meeting.pk)
    if meeting is not None and form.errors:
        meeting.refresh_from_db()
    return render(
        request,
        "meetings/meeting_form.html",
        {"access": access, "form": form, "meeting": meeting},
        status=400 if form.errors else 200,
    )


def render_detail(
    request: HttpRequest,
    access: NetworkAccess,
    meeting: Meeting,
    *,
    status: int = 200,
    **forms: Any,
) -> HttpResponse:
    """The meeting page; a form posted with errors comes back bound, with status 400."""
    network = access.network
    detail = selectors.meeting_detail(meeting)
    minutes = detail.minutes
    context: dict[str, Any] = {
        "access": access,
        "meeting": meeting,
        "detail": detail,
        "agenda_form": forms.get("agenda_form") or AgendaItemForm(network=network),
        "decision_form": forms.get("decision_form") or DecisionForm(network=network),
        "action_form": forms.get("action_form")
        or ActionForm(network=network, can_edit=access.can_edit),
        "minutes_form": forms.get("minutes_form")
        or MinutesForm(initial={"text": minutes.text if minutes else ""}),
        "can_approve": any(m.pk == access.member.pk for m in detail.pending_approvers),
        "changeable": {
            item.pk for item in detail.agenda if rules.can_change_agenda_item(item, access.member)
        },
        "can_propose": access.can_edit
        or (access.can_contribute and not meeting.is_cancelled and not meeting.has_ended),
    }
    return render(request, "meetings/meeting_detail.html", context, status=status)


@login_required
def meeting_detail(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, pk: int
) -> HttpResponse:
    access = network_for(request.user, slug, network_id, READ)
    return render_detail(request, access, meeting_for(access, pk))


# Calendar feeds


@login_required
@require_POST
def feed_create(request: AuthenticatedHttpRequest, slug: str, network_id: int) -> HttpResponse:
    """Make (or reset) the user's own feed, or, for editors, the network's feed. The token is
    shown once, on the next page: only its hash is stored."""
    access = network_for(request.user, slug, network_id, READ)
    form = FeedForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose which calendar to subscribe to."))
        return redirect("meetings:list", slug, network_id)
    kind = form.cleaned_data["kind"]
    if kind == "network":
        if not access.can_edit:
            raise PermissionDenied
        token = services.calendar_feed_create(network=access.network)
    else:
        token = services.calendar_feed_create(person=access.member.person)
    request.session[NEW_FEED_KEY] = {
        "network": access.network.pk,
        "kind": kind,
        "url": request.build_absolute_uri(reverse("meetings:feed", args=[token])),
    }
    return redirect(reverse("meetings:list", args=[slug, network_id]) + "#calendar")


def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The .ics a calendar program fetches: no login, the secret token is the key."""
    calendar_feed = selectors.calendar_feed_for_token(token)
    if calendar_feed is None:
        raise Http404
    name = str(calendar_feed.network or calendar_feed.person)
    workspace_slug = (calendar_feed.network or calendar_feed.person).workspace.slug  # type: ignore[union-attr]

    def link(meeting: Meeting) -> str:
        return request.build_absolute_uri(
            reverse("meetings:detail", args=[workspace_slug, meeting.network_id, meeting.pk])
        )

    body = meetings_ical(
        selectors.calendar_feed_meetings(calendar_feed),
        name=f"netlead · {name}",
        domain=request.get_host().split(":")[0],
        link=link,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="netlead.ics"'
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    return response
