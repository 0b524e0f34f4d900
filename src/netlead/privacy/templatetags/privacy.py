"""`{% erasure_requests membership %}`: the open erasure requests of a workspace's members, on
the people page of its owners."""

from __future__ import annotations

from typing import Any

from django import template

from netlead.privacy.selectors import erasure_requests_in
from netlead.workspaces.access import is_owner
from netlead.workspaces.models import Membership

register = template.Library()


@register.inclusion_tag("privacy/_erasure_requests.html")
def erasure_requests(membership: Membership) -> dict[str, Any]:
    requests = list(erasure_requests_in(membership.workspace)) if is_owner(membership) else []
    return {"requests": requests, "slug": membership.workspace.slug}
