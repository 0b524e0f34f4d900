"""ETags on resources and `If-Match` on changes, so two clients cannot overwrite each other
silently: a change must name the version it was based on."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from pydantic import BaseModel

from netlead.api.problems import PreconditionFailed, PreconditionRequired


def etag_of(resource: BaseModel) -> str:
    data: Any = resource.model_dump(mode="json")
    digest = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:32]
    return f'"{digest}"'


def require_match(request: HttpRequest, current: BaseModel) -> None:
    sent = request.headers.get("If-Match")
    if not sent:
        raise PreconditionRequired
    if sent.strip() != "*" and etag_of(current) not in [t.strip() for t in sent.split(",")]:
        raise PreconditionFailed


def with_etag(response: HttpResponse, resource: BaseModel) -> HttpResponse:
    response["ETag"] = etag_of(resource)
    return response
