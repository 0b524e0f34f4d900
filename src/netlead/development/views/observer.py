"""Answering as an observer through a personal link: no account, the token is the key. A reused
link after submission, a closed request or an unknown link each get a page that says so."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.cache import never_cache

from netlead.development import selectors, services
from netlead.development.forms import ObserverAnswerForm
from netlead.frameworks.competences import competence_framework


def _speak(request: HttpRequest, language: str) -> None:
    """Without a language chosen on this device, the page speaks the invitation's language."""
    if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
        translation.activate(language)
        request.LANGUAGE_CODE = language


def _problem(request: HttpRequest, kind: str, status: int) -> HttpResponse:
    return render(request, "development/observer_problem.html", {"kind": kind}, status=status)


@never_cache
def observer_answer(request: HttpRequest, token: str) -> HttpResponse:
    invitation = services.observer_invitation_for_token(token)
    if invitation is None:
        return _problem(request, "unknown", 404)
    _speak(request, invitation.language)
    if invitation.submitted_at is not None:
        return _problem(request, "submitted", 200)
    feedback_request = invitation.request
    if not feedback_request.accepts_answers:
        return _problem(request, "closed", 410)
    language = translation.get_language() or "en"
    competences = [
        c.localized(language)
        for c in selectors.competences_of(feedback_request.assessment.framework)
    ]
    framework = competence_framework(language)
    form = ObserverAnswerForm(
        request.POST or None,
        competences=competences,
        is_manager=invitation.group == "manager",
        scale=framework.scale,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.observer_submit(
                invitation=invitation,
                token=token,
                scores=form.scores(),
                strengths=form.cleaned_data["strengths"],
                development=form.cleaned_data["development"],
                shown_alone=form.cleaned_data.get("shown_alone", False),
            )
        except services.AlreadySubmitted:
            return _problem(request, "submitted", 200)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("development:observer_thanks", token)
    leader = feedback_request.owner.name
    return render(
        request,
        "development/observer_answer.html",
        {
            "invitation": invitation,
            "feedback_request": feedback_request,
            "leader": leader,
            "intro": framework.observer_intro.replace("{leader}", leader).replace(
                "{k}", str(feedback_request.owner.workspace.anonymity_threshold)
            ),
            "scale": framework.scale,
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@never_cache
def observer_thanks(request: HttpRequest, token: str) -> HttpResponse:
    invitation = services.observer_invitation_for_token(token)
    if invitation is None or invitation.submitted_at is None:
        return _problem(request, "unknown", 404)
    _speak(request, invitation.language)
    language = translation.get_language() or "en"
    leader = invitation.request.owner.name
    text = competence_framework(language).observer_thank_you.replace("{leader}", leader)
    return render(request, "development/observer_thanks.html", {"text": text, "leader": leader})
