from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from netlead.workspaces import selectors
from netlead.workspaces.middleware import SESSION_KEY


def workspace_navigation(request: HttpRequest) -> dict[str, Any]:
    """The workspaces for the switcher, and the one in use (from the URL or the session)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    memberships = list(selectors.user_memberships(user))  # type: ignore[arg-type]
    match = getattr(request, "resolver_match", None)
    slug = (match.kwargs.get("slug") if match else None) or request.session.get(SESSION_KEY)
    current = next((m for m in memberships if m.workspace.slug == slug), None)
    return {"nav_memberships": memberships, "nav_current": current}
