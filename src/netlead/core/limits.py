"""An overall bound on a request's body. Django bounds form fields (DATA_UPLOAD_MAX_MEMORY_SIZE)
but not uploaded files, which it streams to disk whatever their size; the largest file any
page takes is 10 MB (programme files), so a body above MAX_REQUEST_BYTES is refused before it is
read. The reverse proxy should refuse it earlier still (docs/deploy.md)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _


class RequestSizeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BYTES:
            return HttpResponse(
                _("The request is too large: at most %(mb)s MB.")
                % {"mb": settings.MAX_REQUEST_BYTES // (1024 * 1024)},
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
