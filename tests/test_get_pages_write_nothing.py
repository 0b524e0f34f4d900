"""Reading a page writes nothing: every demo user (and a visitor who is not logged in) asks
every GET page of the demo, and afterwards no row of any table was created, changed or deleted,
audit events aside (recording a sensitive read is the one write a read makes; see
docs/architecture.md, "Access"). Sessions and `last_login` are bookkeeping of logging in, done
before the first snapshot and not compared."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.db.models import Model
from django.test import Client
from django.test.utils import CaptureQueriesContext

from netlead.accounts.models import User
from netlead.core.models import RateCount
from netlead.demo import load_demo
from netlead.demo.workspace import USERS
from netlead.workspaces.models import AuditEvent, Workspace
from tests.demo_pages import NOT_PAGES, admin_names, demo_pages, url_names

#: Tables whose rows a read may write: the audit trail of sensitive reads, the sessions (the
#: remembered workspace, the language) and the rate limits' counts (a request to a
#: personal-link page counts; netlead.core.ratelimit).
NOT_COMPARED: set[type[Model]] = {AuditEvent, apps.get_model("sessions", "Session"), RateCount}
#: The shared cache's table (the API's rate-limit records; settings.CACHES).
CACHE_TABLES = {"netlead_cache"}
IGNORED_COLUMNS = {(User, "last_login")}

DEMO_EMAILS = [email for email, *_ in USERS] + ["admin@example.org"]
WRITE = re.compile(r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)', re.I)


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: Any) -> Iterator[list[Workspace]]:
    """The demo, loaded once for this module in a transaction rolled back at the end; each test
    runs in a savepoint inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        loaded = load_demo()
        workspaces = list(Workspace.objects.order_by("pk"))
        assert loaded.workspace in workspaces
        yield workspaces
        transaction.set_rollback(True)


@pytest.fixture
def pages(demo: list[Workspace], db: None) -> list[tuple[str, str]]:
    return list(demo_pages(demo))


def _snapshot() -> dict[str, dict[Any, tuple[Any, ...]]]:
    """Every row of every table (by primary key), NOT_COMPARED tables aside."""
    rows: dict[str, dict[Any, tuple[Any, ...]]] = {}
    for model in apps.get_models(include_auto_created=True):
        if model in NOT_COMPARED or model._meta.proxy or not model._meta.managed:
            continue
        columns = [
            f.attname
            for f in model._meta.concrete_fields
            if (model, f.attname) not in IGNORED_COLUMNS
        ]
        values = model._base_manager.order_by().values_list("pk", *columns)
        rows[model._meta.db_table] = {row[0]: row[1:] for row in values}
    return rows


def _differences(before: dict, after: dict) -> list[str]:
    found: list[str] = []
    for table, rows in after.items():
        old = before[table]
        created = rows.keys() - old.keys()
        deleted = old.keys() - rows.keys()
        changed = [pk for pk in rows.keys() & old.keys() if rows[pk] != old[pk]]
        for label, pks in (("created", created), ("deleted", deleted), ("changed", changed)):
            if pks:
                found.append(f"{table}: {label} {sorted(pks, key=str)[:10]}")
    return found


def _written_tables(queries: list[dict[str, str]]) -> set[str]:
    excluded = {m._meta.db_table for m in NOT_COMPARED} | CACHE_TABLES
    tables = set()
    for query in queries:
        match = WRITE.match(query["sql"])
        if match and match.group(1) not in excluded:
            tables.add(match.group(1))
    return tables


def _ask_every_page(client: Client, pages: list[tuple[str, str]]) -> tuple[dict, list[str]]:
    """Asks each page; returns the status codes seen and the pages that sent a write."""
    statuses: dict[int, int] = {}
    writers: list[str] = []
    for name, path in pages:
        connection.queries_log.clear()  # a full log would hide this request's queries
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        assert response.status_code < 500, f"{name} {path}: {response.status_code}"
        if written := _written_tables(queries.captured_queries):
            writers.append(f"{name} {path} wrote to {sorted(written)}")
    return statuses, writers


def test_every_url_name_has_its_arguments(demo: list[Workspace], db: None) -> None:
    from tests.demo_pages import FILLERS

    unfilled = url_names() - set(FILLERS) - admin_names() - set(NOT_PAGES)
    assert not unfilled, f"Add these pages to tests/demo_pages.py FILLERS: {sorted(unfilled)}"


def test_every_demo_user_is_asked(demo: list[Workspace], db: None) -> None:
    assert set(User.objects.values_list("email", flat=True)) == set(DEMO_EMAILS)


@pytest.mark.parametrize("email", [*DEMO_EMAILS, None])
def test_get_pages_write_nothing(email: str | None, pages: list[tuple[str, str]]) -> None:
    client = Client(raise_request_exception=True)
    if email is not None:
        client.force_login(User.objects.get(email=email))
    before = _snapshot()
    statuses, writers = _ask_every_page(client, pages)
    differences = _differences(before, _snapshot())
    assert not differences and not writers, "\n".join(
        ["GET pages wrote rows:", *writers, "Rows that differ:", *differences]
    )
    assert statuses.get(200, 0) > (50 if email else 5), statuses


def test_the_comparison_sees_a_write(demo: list[Workspace], db: None) -> None:
    before = _snapshot()
    with CaptureQueriesContext(connection) as queries:
        demo[0].organizations.create(name="Written on a GET")
    assert _written_tables(queries.captured_queries) == {"workspaces_organization"}
    assert [d.split(":")[0] for d in _differences(before, _snapshot())] == [
        "workspaces_organization"
    ]
