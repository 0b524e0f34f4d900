"""The session remembers the last workspace a user opened, for the start page and the
switcher. Kept out of the access functions, which have no side effects."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

SESSION_KEY = "netlead_workspace"


class RememberWorkspaceMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = request.resolver_match
        slug = match.kwargs.get("slug") if match else None
        if (
            slug
            and response.status_code < 400
            and request.user.is_authenticated
            and request.session.get(SESSION_KEY) != slug
        ):
            request.session[SESSION_KEY] = slug
        return response
