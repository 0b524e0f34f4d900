"""The alumni group of a cohort: topics and replies among the people enrolled in it, open once
the cohort has ended, and each person's switch for the e-mail digest."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netlead.core.web import AuthenticatedHttpRequest
from netlead.programmes.access import cohort_for
from netlead.programmes.forms.alumni import ReplyForm, TopicForm
from netlead.programmes.selectors import alumni as selectors
from netlead.programmes.services import alumni as services

#: What the digest switch posts as `wants`.
DIGEST_CHOICES = {"yes": True, "no": False}


@login_required
def alumni(request: AuthenticatedHttpRequest, slug: str, cohort_id: int) -> HttpResponse:
    access = cohort_for(request.user, slug, cohort_id)
    form = TopicForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            topic = services.post_topic(
                cohort=access.cohort,
                author=access.enrolment,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your topic is posted."))
            return redirect(
                "programmes:alumni_topic", slug=slug, cohort_id=cohort_id, post_id=topic.pk
            )
    return render(
        request,
        "programmes/alumni/topics.html",
        {
            "access": access,
            "cohort": access.cohort,
            "topics": selectors.topics_of(access.cohort),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@login_required
def alumni_topic(
    request: AuthenticatedHttpRequest, slug: str, cohort_id: int, post_id: int
) -> HttpResponse:
    access = cohort_for(request.user, slug, cohort_id)
    topic = selectors.topic_with_replies(access.cohort, post_id)
    if topic is None:
        raise Http404
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.post_reply(
                topic=topic, author=access.enrolment, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your reply is posted."))
            return redirect(
                "programmes:alumni_topic", slug=slug, cohort_id=cohort_id, post_id=topic.pk
            )
    return render(
        request,
        "programmes/alumni/topic.html",
        {"access": access, "cohort": access.cohort, "topic": topic, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def alumni_digest(request: AuthenticatedHttpRequest, slug: str, cohort_id: int) -> HttpResponse:
    access = cohort_for(request.user, slug, cohort_id)
    # The page posts exactly "yes" or "no"; anything else is a tampered form, not an opt-out.
    wants = DIGEST_CHOICES.get(request.POST.get("wants", ""))
    if wants is None:
        raise BadRequest
    services.digest_set(enrolment=access.enrolment, wants=wants)
    if wants:
        messages.success(request, _("You will get an e-mail digest of new posts."))
    else:
        messages.success(request, _("You will no longer get the e-mail digest."))
    return redirect("programmes:alumni", slug=slug, cohort_id=cohort_id)
