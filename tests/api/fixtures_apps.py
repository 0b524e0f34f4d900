"""Fixtures of the API tests for meetings, surveys, development and programmes: a client that
calls the API with a personal access token, made through the same service as the profile
page. Test modules import what they use from here explicitly."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.http import HttpResponse
from django.test import Client

from netlead.accounts.models import User
from netlead.api.services import token_create
from netlead.workspaces.models import Workspace

BASE = "/api/v1"


@dataclass
class Api:
    """Calls `/api/v1` with one user's token for one workspace."""

    user: User
    workspace: Workspace
    secret: str

    @property
    def client(self) -> Client:
        return Client(headers={"Authorization": f"Bearer {self.secret}"})

    def url(self, path: str) -> str:
        return f"{BASE}/workspaces/{self.workspace.slug}{path}"

    def get(self, path: str, **params: Any) -> HttpResponse:
        return self.client.get(self.url(path), params)

    def write(self, method: str, path: str, body: Any, if_match: str | None = None) -> HttpResponse:
        headers = {"If-Match": if_match} if if_match is not None else {}
        send = getattr(self.client, method)
        return send(
            self.url(path), json.dumps(body), content_type="application/json", headers=headers
        )

    def patch(self, path: str, body: Any, if_match: str | None = None) -> HttpResponse:
        return self.write("patch", path, body, if_match)

    def post(self, path: str, body: Any, if_match: str | None = None) -> HttpResponse:
        return self.write("post", path, body, if_match)


ApiFactory = Callable[..., Api]


@pytest.fixture
def api(db: None) -> ApiFactory:
    """`api(user, workspace, write=True)`: a client with a fresh token of `user`."""

    def make(user: User, workspace: Workspace, *, write: bool = True) -> Api:
        _, secret = token_create(
            user=user, workspace_slug=workspace.slug, name="tests", can_write=write, days=30
        )
        return Api(user=user, workspace=workspace, secret=secret)

    return make


def problem(response: HttpResponse, status: int) -> dict[str, Any]:
    """The problem details of `response`, checked to be one with `status`."""
    assert response.status_code == status, response.content.decode()[:2000]
    assert response["Content-Type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    return body


def fields(body: dict[str, Any]) -> dict[str, str]:
    """A 400/422 problem's messages by field."""
    return {e["field"]: e["message"] for e in body.get("errors", [])}


def items(response: HttpResponse) -> list[dict[str, Any]]:
    """The rows of a paginated list."""
    assert response.status_code == 200, response.content.decode()[:2000]
    rows: list[dict[str, Any]] = response.json()["items"]
    return rows
