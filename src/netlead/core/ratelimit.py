"""Rate limits for the pages an attacker can hammer without a password: password reset (per
e-mail address and per client), pages that send e-mail to others (per user), and pages opened by
a personal link or check (per client address, as login throttling sees it: netlead.core.client).

Counts live in the database (netlead.core.models.RateCount), never in process memory, so every
web process sees the same count; each request adds one to its count in one atomic statement, so
two requests at the same moment both count. A window is fixed (the count starts again at each
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
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from netlead.core.client import client_address
from netlead.core.models import RateCount

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
    it goes over. Keys are hashed: no address or e-mail address is stored."""
    count, seconds = _window(name)
    now = _now()
    window = now // seconds
    digest = hashlib.sha256(f"{name}:{who or '-'}".encode()).hexdigest()[:32]
    hits = _count(f"{name}:{digest}:{window}", expires=(window + 1) * seconds)
    if hits == 1:
        # The first request of a window (rare next to the others) clears ended windows.
        RateCount.objects.filter(expires__lte=now).delete()
    return hits <= count


def _count(bucket: str, expires: int) -> int:
    """Add one to the bucket's count and return it: one statement, atomic on PostgreSQL and
    SQLite alike (the ORM has no upsert that adds to a column)."""
    table = connection.ops.quote_name(RateCount._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (bucket, expires, hits) VALUES (%s, %s, 1) "  # noqa: S608
            f"ON CONFLICT (bucket) DO UPDATE SET hits = {table}.hits + 1 RETURNING hits",
            [bucket, expires],
        )
        return int(cursor.fetchone()[0])


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
