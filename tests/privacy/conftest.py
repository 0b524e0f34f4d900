"""The demo, loaded once per test module in a transaction rolled back at its end (each test runs
in a savepoint inside it), and its users."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction
from django.test import Client

from netlead.accounts.models import User
from netlead.demo import load_demo
from netlead.workspaces.models import Workspace


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: Any) -> Iterator[Workspace]:
    with django_db_blocker.unblock(), transaction.atomic():
        loaded = load_demo()
        yield loaded.workspace
        transaction.set_rollback(True)


def login(email: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(email=email))
    return client


LEADER = "leader@example.org"
FACILITATOR = "facilitator@example.org"
MEMBER = "member@example.org"
