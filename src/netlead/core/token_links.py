"""The gate in front of every page reached by a personal link (survey invitations, observer
feedback): no account, the token is the key. Each bad link gets a page that says what
happened: unknown (404), already handed in (200, nothing changed), closed (410). Requests are
rate limited per client address before the token is even looked up (429)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, Protocol

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from netlead.core import ratelimit
from netlead.core.client import client_address
from netlead.core.errors import AlreadySubmitted
from netlead.core.web import speak_language


class PersonalLink(Protocol):
    language: str

    @property
    def has_answered(self) -> bool: ...

    @property
    def accepts_answers(self) -> bool: ...


def token_link[L: PersonalLink](
    resolve: Callable[[str], L | None], problem_template: str
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Decorate a view `view(request, link, token)`: `resolve` finds the link of a token; the
    problem page gets `kind` ('unknown', 'submitted', 'closed'), `link` and `token`."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        @never_cache
        def wrapper(request: HttpRequest, token: str) -> HttpResponse:
            if not ratelimit.allow(ratelimit.TOKEN_PAGES, client_address(request)):
                return ratelimit.too_many(request, ratelimit.TOKEN_PAGES)
            link = resolve(token)

            def problem(kind: str, status: int) -> HttpResponse:
                context: dict[str, Any] = {"kind": kind, "link": link, "token": token}
                return render(request, problem_template, context, status=status)

            if link is None:
                return problem("unknown", 404)
            speak_language(request, link.language)
            if link.has_answered:
                return problem("submitted", 200)
            if not link.accepts_answers:
                return problem("closed", 410)
            try:
                return view(request, link, token)
            except AlreadySubmitted:
                return problem("submitted", 200)

        return wrapper

    return decorator
