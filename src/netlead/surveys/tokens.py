"""Secret survey links. A token is derived from a random salt and the server's secret key, so
the same link can be sent again in a reminder while the database holds only its hash."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from django.conf import settings


def new_salt() -> str:
    return secrets.token_hex(16)


def token_for(salt: str, purpose: str = "netlead.surveys.invitation") -> str:
    """The secret link token of `salt`; `purpose` keeps links of different kinds apart."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{purpose}:{salt}".encode(), hashlib.sha256
    ).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def health_response_key(token: str) -> str:
    """The key of the anonymous health response that belongs to `token`. A different hash from
    the invitation's, so the stored values cannot be matched to each other."""
    return hashlib.sha256(f"health-response:{token}".encode()).hexdigest()


def observer_response_key(token: str) -> str:
    """The key of the observer response that belongs to `token` (as for health responses)."""
    return hashlib.sha256(f"observer-response:{token}".encode()).hexdigest()
