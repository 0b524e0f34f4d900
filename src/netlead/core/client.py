"""The client's network address, as login throttling sees it.

Behind reverse proxies, REMOTE_ADDR is the nearest proxy's address: every client would share
it, and five wrong passwords from anyone would lock a user out for everyone. Each of the
PROXY_COUNT trusted proxies appends the address it received the request from to
X-Forwarded-For, so the client is the PROXY_COUNT-th entry from the right; entries further left
come from the client itself and can be forged. (django-ipware counts proxies differently and,
strict, refuses the single entry one proxy writes, so it is not used.)
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    remote: str | None = request.META.get("REMOTE_ADDR")
    count: int = settings.PROXY_COUNT
    if count == 0:
        return remote
    forwarded = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    if len(forwarded) < count:
        # Not through the expected proxies (a direct request, a misconfiguration): the
        # connection's own address is the only one that cannot be forged.
        return remote
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
