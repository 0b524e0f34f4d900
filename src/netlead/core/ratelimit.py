"""Rate limits for the pages an attacker can hammer without a password: password reset (per
e-mail address and per client), pages that send e-mail to others (per user), and pages opened by
a personal link or check (per client address, as login throttling sees it: netlead.core.client).

Counts live in the shared cache (the `netlead_cache` table, or Redis), never in process memory,
so every web process sees the same count. A window is fixed (the count starts again at each
whole window); a request over the limit gets the 429 page and changes nothing. The limits are
`settings.RATE_LIMITS` (name: (requests, seconds)), read at each request.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from netlead.core.client import client_address

# The names of settings.RATE_LIMITS (names of limits, not secrets).
PASSWORD_RESET_ADDRESS = "password_reset_address"  # noqa: S105
PASSWORD_RESET_CLIENT = "password_reset_client"  # noqa: S105
SENDING = "sending"
TOKEN_PAGES = "token_pages"  # noqa: S105
PRINCIPLES_CHECK = "principles_check"


def _now() -> int:
    return int(time.time())


def _window(name: str) -> tuple[int, int]:
    count, seconds = settings.RATE_LIMITS[name]
    return int(count), int(seconds)


def allow(name: str, who: str | None) -> bool:
    """Count one request of `who` (an address, a user id) against the limit `name`; False when
    it goes over. Keys are hashed: no address or e-mail address is stored in the cache."""
    count, seconds = _window(name)
    now = _now()
    digest = hashlib.sha256(f"{name}:{who or '-'}".encode()).hexdigest()[:32]
    key = f"ratelimit:{name}:{digest}:{now // seconds}"
    # incr() on the Redis cache is atomic, on the database cache a read and a write (two
    # requests at the same moment may both count as one). Only the window's first request
    # adds the key: every request after it costs one incr.
    try:
        hits = cache.incr(key)
    except ValueError:  # no key yet in this window
        hits = 1 if cache.add(key, 1, timeout=seconds + 1) else cache.incr(key)
    return hits <= count


def retry_after(name: str) -> int:
    """Seconds until the current window of `name` ends."""
    _count, seconds = _window(name)
    return seconds - _now() % seconds


def too_many(request: HttpRequest, name: str) -> HttpResponse:
    """The 429 page, in the language the request speaks, with when to try again."""
    wait = retry_after(name)
    response = render(
        request,
        "errors/429.html",
        {"minutes": max(1, (wait + 59) // 60)},
        status=429,
    )
    response["Retry-After"] = str(wait)
    return response


def limit_per_client(
    name: str,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Decorate a view: each request counts against `name` for the client's address."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not allow(name, client_address(request)):
                return too_many(request, name)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def limit_posts_per_user(
    name: str,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Decorate a view behind login: each POST counts against `name` for the signed-in user
    (GETs, which send nothing, are free)."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method == "POST" and not allow(name, f"user:{request.user.pk}"):
                return too_many(request, name)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
