"""A property-based run of schemathesis against the demo through `/api/v1/openapi.json`: with a
read-write token of the demo leader and a read-only token of the demo member, every operation
gets generated requests, valid and invalid, and must answer without a server error and as its
schema says (a declared status code, content type, headers and body).

Why the WSGI integration (`schemathesis.openapi.from_wsgi` on Django's own WSGI handler) and
not a live server: the requests run in this test's thread and database transaction, so the
demo is loaded once per test and rolled back afterwards (no flush of the database, as a
`live_server` needs), and nothing listens on a port. Django's test client does the same; like
it, the fixture below keeps a request from closing the test's connection at its end.

Bounded: MAX_EXAMPLES cases per operation and kind of data, a DEADLINE per case, a fixed
seed (`derandomize`) so a run is repeatable, and no shrinking, so the run stays well under a
minute in `make test`."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from netlead.api import services
from netlead.demo import DemoWorkspace, load_demo
from netlead.demo.workspace import DEMO_SLUG
from netlead.networks.models import Network

MAX_EXAMPLES = 5
DEADLINE = timedelta(seconds=5)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
SETTINGS = hypothesis_settings(
    max_examples=MAX_EXAMPLES,
    deadline=DEADLINE,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def wsgi_app() -> Iterator[WSGIHandler]:
    # As Django's test client does: a request must not close the test's connection (which
    # holds the demo in an open transaction).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def demo(db: None, settings: Any) -> DemoWorkspace:
    # The run makes a few hundred requests per token; the real limit is tested elsewhere.
    settings.API_RATE_LIMIT = "100000/min"
    return load_demo()


def _token(demo: DemoWorkspace, email: str, *, write: bool) -> str:
    _row, secret = services.token_create(
        user=demo.users[email], workspace_slug=DEMO_SLUG, name="fuzz", can_write=write, days=1
    )
    return secret


def _known_ids(demo: DemoWorkspace) -> dict[str, dict[str, int]]:
    """Real ids of the demo per path segment, so that many cases reach a real object (random
    ids would nearly all be 404s); `{pk}` means what the segment before it names."""
    network = Network.objects.filter(workspace=demo.workspace).order_by("pk").first()
    assert network is not None
    return {
        "": {"network_id": network.pk},
        "organizations": {"pk": demo.workspace.organizations.order_by("pk").first().pk},  # type: ignore[union-attr]
        "persons": {"pk": demo.workspace.persons.order_by("pk").first().pk},  # type: ignore[union-attr]
        "members": {"pk": network.members.order_by("-pk").first().pk},  # type: ignore[union-attr]
        "results": {"pk": network.results.order_by("pk").first().pk},  # type: ignore[union-attr]
    }


def _path_parameters(path: str, known: dict[str, dict[str, int]]) -> dict[str, Any]:
    fixed: dict[str, Any] = {"slug": DEMO_SLUG}
    parts = path.split("/")
    if "{network_id}" in parts:
        fixed.update(known[""])
    if "{pk}" in parts:
        before = parts[parts.index("{pk}") - 1]
        fixed.update(known.get(before, {}))
    return {name: value for name, value in fixed.items() if "{" + name + "}" in parts}


@pytest.mark.parametrize(
    ("email", "write"),
    [("leader@example.org", True), ("member@example.org", False)],
    ids=["leader-read-write", "member-read-only"],
)
def test_the_api_answers_as_its_schema_says(
    demo: DemoWorkspace, wsgi_app: WSGIHandler, email: str, write: bool
) -> None:
    token = _token(demo, email, write=write)
    headers = {"Authorization": f"Bearer {token}"}
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", wsgi_app, headers=headers)
    known = _known_ids(demo)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 19
    for operation in operations:
        # Valid data reaches real objects of the demo; invalid data may break any part,
        # the path included.
        for mode, fixed in (
            (GenerationMode.POSITIVE, _path_parameters(operation.path, known)),
            (GenerationMode.NEGATIVE, {}),
        ):
            strategy = operation.as_strategy(
                generation_mode=mode, path_parameters=fixed, headers=headers
            )

            @given(case=strategy)
            @SETTINGS
            def run(case: schemathesis.Case) -> None:
                case.call_and_validate(headers=headers, checks=CHECKS)

            try:
                run()
            except Unsatisfiable:
                # An operation without inputs (GET /workspaces) has no invalid data to send.
                assert mode is GenerationMode.NEGATIVE
