"""Answering a survey through a personal link: no account, the token is the key.

Every bad link gets a page that says what happened: unknown link (404), round closed (410),
already submitted (a friendly page; nothing is changed). Saves only ever add or change the
answers they carry, so two open tabs never undo each other's work.
"""

from __future__ import annotations

import html
from functools import cache
from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from netlead.core.language import active_language
from netlead.core.token_links import token_link
from netlead.core.web import speak_language
from netlead.frameworks.instruments import health_check, relationship_survey
from netlead.surveys import roster_search, services
from netlead.surveys.models import HealthAnswer, SurveyInvitation, TieAnswer
from netlead.surveys.roster_search import RosterEntry

with_invitation = token_link(services.invitation_for_token, "surveys/answer_problem.html")


def _context(invitation: SurveyInvitation, token: str, **extra: Any) -> dict[str, Any]:
    survey_round = invitation.round
    language = active_language()
    instrument = health_check(language) if survey_round.is_health else relationship_survey(language)
    return {
        "invitation": invitation,
        "round": survey_round,
        "instrument": instrument,
        "token": token,
        **extra,
    }


def _first_step(invitation: SurveyInvitation, token: str) -> HttpResponse:
    if invitation.round.is_health:
        return redirect("surveys:answer_health", token)
    return redirect("surveys:answer_roster", token)


@with_invitation
def answer_start(request: HttpRequest, invitation: SurveyInvitation, token: str) -> HttpResponse:
    """Purpose and consent first; agreeing starts the survey (or continues it)."""
    consent_error = False
    if request.method == "POST":
        if request.POST.get("consent") == "yes":
            services.start(invitation, token)
            return _first_step(invitation, token)
        consent_error = True
    context = _context(invitation, token, consent_error=consent_error)
    # Only this page states k (the workspace's threshold), so only it reads the workspace.
    k = invitation.round.network.workspace.anonymity_threshold
    context["purpose"] = context["instrument"].purpose.replace("{k}", str(k))
    status = 400 if consent_error else 200
    return render(request, "surveys/answer_start.html", context, status=status)


def _ids(values: list[str]) -> set[int]:
    try:
        return {int(v) for v in values}
    except ValueError:
        raise ValidationError(_("The form was changed and could not be saved.")) from None


#: Up to this many other members, the roster lists everyone; above it, the respondent sees
#: the people already named and their own organization, and searches for anyone else. A full
#: list of thousands of names is slow to send and impossible to read on a phone.
FULL_ROSTER_LIMIT = 150
SEARCH_RESULTS = 30


def _roster_items(
    entries: list[RosterEntry],
    named: set[str],
    *,
    filterable: bool = False,
    organization: bool = True,
) -> SafeString:
    """The <li> of each roster line. Built here rather than with a template loop: this is
    most of the roster page's CPU time. `filterable` adds what the type-to-filter script of a
    full roster reads; `organization=False` leaves out the organization (the respondent's own,
    under its own heading)."""
    # The standard library's html.escape is what Django's escape runs, without its lazy-text
    # wrapper and SafeString per call (hundreds of lines, several values each).
    lines = []
    for pk, name, organization_name in entries:
        key = html.escape(pk)
        filter_text = (
            f' data-roster-name="{html.escape(name.lower())} {html.escape(organization_name.lower())}"'
            if filterable
            else ""
        )
        ticked = pk in named
        shown = f'<input type="hidden" name="shown" value="{key}">' if ticked else ""
        where = (
            f' <span class="muted">· {html.escape(organization_name)}</span>'
            if organization
            else ""
        )
        lines.append(
            f'<li{filter_text}>{shown}<input type="checkbox" id="named-{key}" name="named" '
            f'value="{key}"{" checked" if ticked else ""}> '
            f'<label for="named-{key}">{html.escape(name)}{where}</label></li>'
        )
    return mark_safe("\n".join(lines))  # noqa: S308 - every value is escaped above


def _roster(invitation: SurveyInvitation, named: set[int], query: str) -> dict[str, Any]:
    """What the roster page lists: everyone in a small round; in a large one, the people
    named, the respondent's own organization and the results of a search. All from the
    round's roster as this process keeps it (roster_search)."""
    round_id, me = invitation.round_id, str(invitation.member_id)
    shown = {str(pk) for pk in named}
    if roster_search.size(round_id) - 1 <= FULL_ROSTER_LIMIT:
        everyone = roster_search.everyone(round_id, leave_out=me)
        return {"everyone": _roster_items(everyone, shown, filterable=True), "large": False}
    named_entries, colleagues = roster_search.named_and_colleagues(
        round_id,
        named=shown,
        organization_id=invitation.member.person.organization_id,
        leave_out=me,
    )
    results: list[RosterEntry] = []
    if query:
        # Everyone already on the page is left out: one checkbox per person.
        on_page = {pk for pk, *_ in named_entries} | {pk for pk, *_ in colleagues}
        results = roster_search.search(
            round_id, query, leave_out=on_page | {me}, limit=SEARCH_RESULTS
        )
    return {
        "large": True,
        "named_members": _roster_items(named_entries, shown),
        "colleagues": _roster_items(colleagues, shown, organization=False),
        "results": _roster_items(results, shown),
        "query": query,
    }


def _named(invitation: SurveyInvitation) -> tuple[set[int], bool]:
    """The members the respondent has named, and whether any of them came from last round."""
    rows = TieAnswer.objects.filter(
        round_id=invitation.round_id, respondent_id=invitation.member_id
    ).values_list("target_id", "from_previous_round")
    named: set[int] = set()
    prefilled = False
    for target, from_previous in rows:
        named.add(target)
        prefilled = prefilled or from_previous
    return named, prefilled


@with_invitation
def answer_roster(request: HttpRequest, invitation: SurveyInvitation, token: str) -> HttpResponse:
    """Step 1 of the relationship survey: confirm who you are and tick who you work with.
    Searching the roster also saves the ticks made so far, so nothing is lost."""
    if invitation.started_at is None or not invitation.round.is_relationships:
        return redirect("surveys:answer", token)
    error = None
    if request.method == "POST":
        try:
            services.roster_save(
                invitation,
                ticked=_ids(request.POST.getlist("named")),
                shown_ticked=_ids(request.POST.getlist("shown")),
                not_named=request.POST.get("not_named") == "on",
            )
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            if "search" in request.POST:
                query = request.POST.get("q", "").strip()[:100]
                return redirect(
                    reverse("surveys:answer_roster", args=[token]) + "?" + urlencode({"q": query})
                )
            return redirect("surveys:answer_ratings", token)
    named, prefilled = _named(invitation)
    query = request.GET.get("q", "").strip()[:100]
    services.respondent_read(invitation)  # "You answer as ..." and the own organization
    context = _context(
        invitation,
        token,
        named=named,
        prefilled=prefilled,
        error=error,
        **_roster(invitation, named, query),
    )
    return render(request, "surveys/answer_roster.html", context, status=400 if error else 200)


def _posted_ratings(request: HttpRequest) -> dict[int, dict[str, int | None]]:
    """Fields named `tie-<member id>-<question>`; anything else in the form is ignored."""
    answers: dict[int, dict[str, int | None]] = {}
    for name, value in request.POST.items():
        if not name.startswith("tie-"):
            continue
        try:
            _prefix, target, question = name.split("-", 2)
            answers.setdefault(int(target), {})[question] = int(value) if value else None
        except ValueError:
            raise ValidationError(_("The form was changed and could not be saved.")) from None
    return answers


@with_invitation
def answer_ratings(request: HttpRequest, invitation: SurveyInvitation, token: str) -> HttpResponse:
    """Step 2 of the relationship survey: a few questions about each person named."""
    if invitation.started_at is None or not invitation.round.is_relationships:
        return redirect("surveys:answer", token)
    error = missing = None
    if request.method == "POST":
        try:
            services.tie_answers_save(invitation, _posted_ratings(request))
            if "submit" not in request.POST:
                return redirect("surveys:answer_ratings", token)
            services.submit(invitation, token)
            return redirect("surveys:answer_thanks", token)
        except services.Incomplete as gaps:
            missing = gaps.missing
            error = _("Some questions are not answered yet. They are marked below.")
        except ValidationError as problem:
            error = " ".join(problem.messages)
    ties = list(
        TieAnswer.objects.filter(round=invitation.round, respondent_id=invitation.member_id)
        .select_related("target__person__organization")
        .order_by("target__person__name")
    )
    rows = _rating_fieldsets(ties, set(missing or []))
    context = _context(invitation, token, rows=rows, error=error)
    return render(request, "surveys/answer_ratings.html", context, status=400 if error else 200)


@cache
def _rating_questions(language: str) -> tuple[tuple[str, str, tuple[tuple[int, str], ...]], ...]:
    """The relationship questions, their texts and scale labels escaped once per language."""
    return tuple(
        (q.key, str(escape(q.text)), tuple((p.value, str(escape(p.label))) for p in q.scale))
        for q in relationship_survey(language).questions
    )


def _rating_fieldsets(ties: list[TieAnswer], missing: set[str]) -> SafeString:
    """One fieldset of radio groups per person named, the chosen points checked. Built here
    rather than in a template loop: seven questions of four points per person made the
    template most of the page's CPU time. Only the names are escaped per request."""
    questions = _rating_questions(active_language())
    badge = format_html(' <span class="badge">{}</span>', _("from the last round"))
    parts: list[str] = []
    for tie in ties:
        target = tie.target_id
        person = tie.target.person
        organization = person.organization.name if person.organization else "—"
        parts.append(
            format_html(
                '<fieldset{}><legend>{} <span class="muted">· {}</span>{}</legend>',
                mark_safe(' class="missing"') if str(target) in missing else "",
                person.name,
                organization,
                badge if tie.from_previous_round else "",
            )
        )
        for key, text, scale in questions:
            chosen = getattr(tie, key)
            label_id = f"q-{target}-{key}"
            parts.append(
                f'<div class="question" role="radiogroup" aria-labelledby="{label_id}">'
                f'<p id="{label_id}">{text}</p><ul class="scale">'
            )
            parts.extend(
                f'<li><label><input type="radio" name="tie-{target}-{key}" value="{value}"'
                f"{' checked' if chosen == value else ''}> <span>{label}</span></label></li>"
                for value, label in scale
            )
            parts.append("</ul></div>")
        parts.append("</fieldset>")
    return mark_safe("".join(parts))  # noqa: S308 - names escaped by format_html, texts once


def _posted_health(request: HttpRequest) -> dict[str, int]:
    answers = {}
    for name, value in request.POST.items():
        if name.startswith("item-") and value:
            try:
                answers[name.removeprefix("item-")] = int(value)
            except ValueError:
                raise ValidationError(_("The form was changed and could not be saved.")) from None
    return answers


@cache
def _health_parts(language: str) -> tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]:
    """The health check's dimensions (key, escaped name, statements as key and escaped text)
    and nothing per request: built once per language."""
    instrument = health_check(language)
    return tuple(
        (d.key, str(escape(d.name)), tuple((i.key, str(escape(i.text))) for i in d.items))
        for d in instrument.dimensions
    )


@cache
def _health_scale(language: str) -> tuple[tuple[int, str], ...]:
    return tuple((p.value, str(escape(p.label))) for p in health_check(language).scale)


def _health_sections(answers: dict[str, int], missing: set[str]) -> SafeString:
    """The statements in sections by dimension, with the points given checked. Built here
    rather than in a template loop (thirty statements of five points); nothing in it comes
    from a user, the texts are escaped once per language."""
    language = active_language()
    scale = _health_scale(language)
    parts: list[str] = []
    for key, name, items in _health_parts(language):
        parts.append(f'<section aria-labelledby="d-{key}"><h2 id="d-{key}">{name}</h2>')
        for item, text in items:
            chosen = answers.get(item)
            parts.append(
                f"<fieldset{' class="missing"' if item in missing else ''}>"
                f'<legend>{text}</legend><ul class="scale">'
            )
            parts.extend(
                f'<li><label><input type="radio" name="item-{item}" value="{value}"'
                f"{' checked' if chosen == value else ''}> <span>{label}</span></label></li>"
                for value, label in scale
            )
            parts.append("</ul></fieldset>")
        parts.append("</section>")
    return mark_safe("".join(parts))  # noqa: S308 - instrument texts, escaped once


@with_invitation
def answer_health(request: HttpRequest, invitation: SurveyInvitation, token: str) -> HttpResponse:
    """The health check on one page, in sections by dimension."""
    if invitation.started_at is None or not invitation.round.is_health:
        return redirect("surveys:answer", token)
    error = None
    missing: list[str] = []
    if request.method == "POST":
        try:
            if "submit" not in request.POST:
                services.health_answers_save(invitation, token, _posted_health(request))
                return redirect("surveys:answer_health", token)
            services.health_submit(invitation, token, _posted_health(request))
            return redirect("surveys:answer_thanks", token)
        except services.Incomplete as gaps:
            missing = gaps.missing
            error = _("Some statements are not answered yet. They are marked below.")
        except ValidationError as problem:
            error = " ".join(problem.messages)
    response = services.health_response_for(invitation, token)
    answers = (
        dict(HealthAnswer.objects.filter(response=response).values_list("item", "value"))
        if response
        else {}
    )
    sections = _health_sections(answers, set(missing))
    context = _context(invitation, token, sections=sections, error=error)
    return render(request, "surveys/answer_health.html", context, status=400 if error else 200)


@require_POST
@with_invitation
def answer_autosave(request: HttpRequest, invitation: SurveyInvitation, token: str) -> HttpResponse:
    """Save one or more answers as they are given (JavaScript posts each change)."""
    if invitation.started_at is None:
        return JsonResponse(
            {"error": _("Please start the survey from its first page.")}, status=400
        )
    try:
        if invitation.round.is_health:
            saved = services.health_answers_save(invitation, token, _posted_health(request))
        else:
            saved = services.tie_answers_save(invitation, _posted_ratings(request))
    except ValidationError as problem:
        return JsonResponse({"error": " ".join(problem.messages)}, status=400)
    return JsonResponse({"saved": saved})


@never_cache
def answer_thanks(request: HttpRequest, token: str) -> HttpResponse:
    invitation = services.invitation_for_token(token)
    if invitation is None or invitation.submitted_at is None:
        context = {"kind": "unknown", "link": invitation, "token": token}
        return render(request, "surveys/answer_problem.html", context, status=404)
    speak_language(request, invitation.language)
    return render(request, "surveys/answer_thanks.html", _context(invitation, token))
