"""Answering as an observer through a personal link: no account, the token is the key. A reused
link after submission, a closed request or an unknown link each get a page that says so."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from netlead.core.language import active_language
from netlead.core.token_links import token_link
from netlead.core.web import speak_language
from netlead.development import selectors, services
from netlead.development.forms import ObserverAnswerForm
from netlead.development.models import ObserverInvitation
from netlead.frameworks.competences import competence_framework

_problem_page = "development/observer_problem.html"


@token_link(services.observer_invitation_for_token, _problem_page)
def observer_answer(
    request: HttpRequest, invitation: ObserverInvitation, token: str
) -> HttpResponse:
    feedback_request = invitation.request
    language = active_language()
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
    if invitation is None or not invitation.has_answered:
        return render(request, _problem_page, {"kind": "unknown"}, status=404)
    speak_language(request, invitation.language)
    language = active_language()
    leader = invitation.request.owner.name
    text = competence_framework(language).observer_thank_you.replace("{leader}", leader)
    return render(request, "development/observer_thanks.html", {"text": text, "leader": leader})
