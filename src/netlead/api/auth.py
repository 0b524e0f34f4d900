"""Who calls the API: a personal access token (`Authorization: Bearer netlead_...`) or, for
the site's own pages, the logged-in session with its CSRF token."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth
from ninja.throttling import AuthRateThrottle

from netlead.accounts.models import User
from netlead.api import services
from netlead.api.models import ApiToken


@dataclass(frozen=True)
class Caller:
    user: User
    token: ApiToken | None = None

    def __str__(self) -> str:
        # The key of the rate limit: one budget per token, or per user on the session.
        return f"token {self.token.pk}" if self.token else f"user {self.user.pk}"

    @property
    def can_write(self) -> bool:
        return self.token is None or self.token.can_write

    def reaches(self, slug: str) -> bool:
        """A token opens its own workspace only; a session opens the user's workspaces."""
        return self.token is None or self.token.workspace.slug == slug


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Caller | None:
        found = services.token_in_use(token)
        return Caller(user=found.user, token=found) if found else None


class SiteSessionAuth(SessionAuth):
    """The logged-in session, CSRF checked on writes (Django's own check)."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Caller | None:
        user = request.user
        return Caller(user=user) if isinstance(user, User) and user.is_active else None


class RateThrottle(AuthRateThrottle):
    """Ninja's throttle per caller (`str(Caller)`: the token, or the session's user), at the
    rate of `settings.API_RATE_LIMIT` as it is now, so a changed setting takes effect."""

    def __init__(self) -> None:
        super().__init__(settings.API_RATE_LIMIT)

    def allow_request(self, request: HttpRequest) -> bool:
        if self.rate != settings.API_RATE_LIMIT:
            self.rate = settings.API_RATE_LIMIT
            self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)
