"""Errors as RFC 9457 problem details (`application/problem+json`): a status, a title, a
detail and, for bad input, one message per field. The same access errors as the pages: another
workspace's ids are 404, a role too low (or a read-only token writing) is 403."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as SchemaValidationError
from ninja.openapi.schema import OpenAPISchema

from netlead.core.errors import AlreadySubmitted, Forbidden, NotFound

PROBLEM = "application/problem+json"


class PreconditionRequired(Exception):
    """A write without `If-Match`."""


class PreconditionFailed(Exception):
    """A write whose `If-Match` is not the resource's current ETag."""


def problem(
    api: NinjaAPI, request: HttpRequest, status: int, title: str, detail: str = "", **extra: Any
) -> HttpResponse:
    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    body.update(extra)
    response = api.create_response(request, body, status=status)
    response["Content-Type"] = PROBLEM
    return response


#: The problem details' schema, as every error response declares it.
PROBLEM_SCHEMA: dict[str, Any] = {
    "title": "Problem",
    "type": "object",
    "description": "RFC 9457 problem details",
    "required": ["type", "title", "status"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {
            "type": "array",
            "description": "for bad input: one message per field",
            "items": {
                "type": "object",
                "required": ["field", "message"],
                "properties": {"field": {"type": "string"}, "message": {"type": "string"}},
            },
        },
    },
}
_WRITES = {"post", "put", "patch", "delete"}
_CHANGES = {"put", "patch", "delete"}  # changes of an existing resource need If-Match


def _problem_statuses(path: str, method: str, operation: dict[str, Any]) -> dict[int, str]:
    """The error responses an operation can give, with their descriptions."""
    scoped = "{" in path  # in a workspace: its ids can be unknown, the role too low
    statuses = {
        401: _("No valid, unexpired personal access token (or session)"),
        429: _("Too many requests: wait the seconds in Retry-After"),
    }
    if scoped:
        statuses[403] = _("Your role, or a read-only token, does not allow this")
        statuses[404] = _("Not found, or not for you (another workspace's ids are 404 too)")
    if method in _WRITES:
        statuses[400] = _("The change was refused: one message per field")
        statuses[403] = _("Your role, or a read-only token, does not allow this")
        statuses[409] = _("The change conflicts with the resource's current state")
    if method in _CHANGES:
        statuses[412] = _("If-Match is not the current ETag: read again and redo the change")
        statuses[428] = _("If-Match is required: send the ETag of the version you change")
    if scoped or operation.get("parameters") or operation.get("requestBody"):
        statuses[422] = _("The request does not match the schema: one message per field")
    return dict(sorted(statuses.items()))


def declare_problems(schema: OpenAPISchema) -> OpenAPISchema:
    """Add the problem responses each operation can give to its `responses`, so the schema
    tells clients (and schemathesis) the whole truth. Statuses an operation declares itself
    are kept as they are."""
    schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    content = {PROBLEM: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for status, description in _problem_statuses(path, method, operation).items():
                responses.setdefault(status, {"description": description, "content": content})
    return schema


class ProblemsAPI(NinjaAPI):
    """A NinjaAPI whose OpenAPI schema declares every operation's problem responses."""

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        return declare_problems(
            super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        )


def _field(location: list[Any]) -> str:
    # ninja reports ("body", "payload", "name"); the caller knows the field as "name".
    parts = [str(p) for p in location if p not in ("body", "payload", "query", "path")]
    return ".".join(parts) or "__all__"


def install(api: NinjaAPI) -> None:
    def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
        return problem(api, request, 404, _("Not found"), _("There is nothing here for you."))

    def forbidden(request: HttpRequest, exc: Exception) -> HttpResponse:
        return problem(
            api, request, 403, _("Forbidden"), str(exc) or _("Your role does not allow this.")
        )

    def conflict(request: HttpRequest, exc: Exception) -> HttpResponse:
        return problem(
            api, request, 409, _("Conflict"), str(exc) or _("This was handed in already.")
        )

    def unauthorized(request: HttpRequest, exc: Exception) -> HttpResponse:
        response = problem(
            api,
            request,
            401,
            _("Not signed in"),
            _("Send a valid, unexpired personal access token as 'Authorization: Bearer ...'."),
        )
        response["WWW-Authenticate"] = "Bearer"
        return response

    def bad_schema(request: HttpRequest, exc: SchemaValidationError) -> HttpResponse:
        errors = [{"field": _field(e.get("loc", [])), "message": e["msg"]} for e in exc.errors]
        return problem(api, request, 422, _("The request is not valid"), errors=errors)

    def refused(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        if hasattr(exc, "error_dict"):
            errors = [
                {"field": field, "message": message}
                for field, messages in exc.message_dict.items()
                for message in messages
            ]
        else:
            errors = [{"field": "__all__", "message": m} for m in exc.messages]
        return problem(api, request, 400, _("The change was refused"), errors=errors)

    def throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
        response = problem(api, request, 429, _("Too many requests"), _("Wait and try again."))
        if exc.wait:
            response["Retry-After"] = str(int(exc.wait) + 1)
        return response

    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return problem(api, request, exc.status_code, str(exc))

    def precondition_required(request: HttpRequest, exc: Exception) -> HttpResponse:
        return problem(
            api,
            request,
            428,
            _("If-Match is required"),
            _("Read the resource first and send its ETag in If-Match with the change."),
        )

    def precondition_failed(request: HttpRequest, exc: Exception) -> HttpResponse:
        return problem(
            api,
            request,
            412,
            _("Changed in the meantime"),
            _("Someone changed this since you read it. Read it again and redo your change."),
        )

    api.add_exception_handler(NotFound, not_found)  # type: ignore[arg-type]
    api.add_exception_handler(Forbidden, forbidden)  # type: ignore[arg-type]
    # A service's own refusal (the owner of an action setting a status only editors set).
    api.add_exception_handler(PermissionDenied, forbidden)  # type: ignore[arg-type]
    api.add_exception_handler(AlreadySubmitted, conflict)  # type: ignore[arg-type]
    api.add_exception_handler(AuthenticationError, unauthorized)  # type: ignore[arg-type]
    api.add_exception_handler(SchemaValidationError, bad_schema)  # type: ignore[arg-type]
    api.add_exception_handler(DjangoValidationError, refused)  # type: ignore[arg-type]
    api.add_exception_handler(Throttled, throttled)  # type: ignore[arg-type]
    api.add_exception_handler(HttpError, http_error)  # type: ignore[arg-type]
    api.add_exception_handler(PreconditionRequired, precondition_required)  # type: ignore[arg-type]
    api.add_exception_handler(PreconditionFailed, precondition_failed)  # type: ignore[arg-type]
