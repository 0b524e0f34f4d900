"""Response headers for every page netlead renders (static files are served before this
middleware and keep their long cache):

* ``Cache-Control: no-store`` unless a view set its own: pages hold names, answers and
  figures about people, and a shared computer's browser cache or a proxy must not keep them;
* ``Permissions-Policy``: browser features no page uses are switched off.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class PrivatePagesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            response["Cache-Control"] = "no-store"
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
