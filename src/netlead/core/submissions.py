"""One form, posted twice (a double click, a resent request, two tabs), makes one thing.

The create pages have no natural key that says "this is the same journal entry, action or
workspace", so the post itself is the key: who posts, to which address, with which fields.
The first post claims that key in the shared cache (an atomic add, seen by every process);
a second identical post within SUBMIT_WINDOW seconds does not run the view again but gets the
first one's outcome: its redirect, waited for while the first is still running. A post that
does not end in a redirect (a form error) frees its key, so the corrected form can be sent.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from netlead.core.client import client_address

SUBMIT_WINDOW = 30  # seconds
_PENDING = "pending"
_WAIT_STEPS = 50  # x 0.1 s: how long a repeat waits for the first post's outcome


def _submission_key(request: HttpRequest) -> str:
    user = getattr(request, "user", None)
    who = f"user:{user.pk}" if user is not None and user.is_authenticated else None
    who = who or f"client:{client_address(request)}"
    fields = sorted(
        (name, value)
        for name, values in request.POST.lists()
        if name != "csrfmiddlewaretoken"
        for value in values
    )
    digest = hashlib.sha256(repr((who, request.path, fields)).encode()).hexdigest()
    return f"submission:{digest}"


def single_submit(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Decorate a view whose POST creates something and redirects on success."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method != "POST":
            return view(request, *args, **kwargs)
        key = _submission_key(request)
        if not cache.add(key, _PENDING, timeout=SUBMIT_WINDOW):
            for _step in range(_WAIT_STEPS):
                outcome = cache.get(key)
                if outcome is None:  # the first post failed and freed the key: run this one
                    break
                if outcome != _PENDING:
                    return HttpResponseRedirect(outcome)
                time.sleep(0.1)
            else:
                # Still running after seconds: send the visitor back to the page they are on.
                return HttpResponseRedirect(request.get_full_path())
            return wrapper(request, *args, **kwargs)
        try:
            response = view(request, *args, **kwargs)
        except BaseException:
            cache.delete(key)
            raise
        if response.status_code in (301, 302, 303) and response.has_header("Location"):
            cache.set(key, response["Location"], timeout=SUBMIT_WINDOW)
        else:
            cache.delete(key)
        return response

    return wrapper
