"""The API's side of access: the caller's token scope (its one workspace, read-only or not),
then the same access functions as the pages. No rule of its own beyond the token's scope."""

from __future__ import annotations

from typing import Annotated

from django.http import HttpRequest
from pydantic import Field

from netlead.api.auth import Caller
from netlead.core.errors import Forbidden, NotFound
from netlead.networks.access import READ, NetworkAccess, network_for
from netlead.workspaces.access import membership_for
from netlead.workspaces.models import Membership

#: A row's id, within the database's integer range (big integers), so an absurd id in a path,
#: a query or a body is a 422 problem rather than a database error.
Id = Annotated[int, Field(ge=1, le=2**63 - 1)]


def caller(request: HttpRequest) -> Caller:
    found = getattr(request, "auth", None)
    assert isinstance(found, Caller)  # noqa: S101 (every operation is authenticated)
    return found


def _scope(request: HttpRequest, slug: str, write: bool) -> Caller:
    who = caller(request)
    if not who.reaches(slug):
        raise NotFound(f"workspace {slug!r}")
    if write and not who.can_write:
        raise Forbidden("This token is read-only.")
    return who


def member_of(request: HttpRequest, slug: str, *roles: str, write: bool = False) -> Membership:
    return membership_for(_scope(request, slug, write).user, slug, *roles)


def network_of(
    request: HttpRequest, slug: str, network_id: int, need: str = READ, *, write: bool = False
) -> NetworkAccess:
    return network_for(_scope(request, slug, write).user, slug, network_id, need)
