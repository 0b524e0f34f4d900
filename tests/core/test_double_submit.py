"""The same form posted twice (a double click, a resent request) makes one thing, never a 500
(netlead.core.submissions): the second post gets the first one's redirect."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from netlead.development.models import Contact, JournalEntry
from netlead.meetings.models import Meeting
from netlead.workspaces.models import Workspace
from tests.conftest import World
from tests.development.conftest import Dev, contact_form, dev  # noqa: F401 (fixture)
from tests.meetings.conftest import Net, net  # noqa: F401 (fixture)


def _twice(client: Client, url: str, data: dict[str, Any]) -> tuple[Any, Any]:
    first = client.post(url, data)
    second = client.post(url, data)
    assert first.status_code == 302, first.content.decode()[:1000]
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    return first, second


def test_a_workspace_posted_twice_is_made_once(world: World) -> None:
    client = world.client_for(world.member)
    _twice(
        client, reverse("workspaces:create"), {"name": "Harbour network", "default_language": "en"}
    )
    assert Workspace.objects.filter(name="Harbour network").count() == 1


def test_a_journal_entry_posted_twice_is_written_once(dev: Dev) -> None:  # noqa: F811
    data = {
        "written_on": timezone.localdate().isoformat(),
        "title": "After the core team",
        "text": "I spoke most.",
        "meeting": "",
        "competence": "",
        "action": "",
    }
    _twice(dev.client(), dev.url("entry_create"), data)
    assert JournalEntry.objects.filter(owner=dev.person).count() == 1


def test_a_contact_posted_twice_is_added_once(dev: Dev) -> None:  # noqa: F811
    _twice(dev.client(), dev.url("contact_create"), contact_form(name="Ruben Mulder"))
    assert Contact.objects.filter(owner=dev.person, name="Ruben Mulder").count() == 1


def test_a_meeting_posted_twice_is_made_once(net: Net) -> None:  # noqa: F811
    url = reverse("meetings:meeting_create", args=net.args())
    data = {"title": "Extra", "starts_at": "2027-02-01T10:00", "ends_at": "2027-02-01T11:00"}
    _twice(net.client("leader"), url, data)
    assert Meeting.objects.filter(title="Extra").count() == 1


def test_a_refused_post_can_be_sent_again_once_corrected(net: Net) -> None:  # noqa: F811
    url = reverse("meetings:meeting_create", args=net.args())
    bad = {"title": "Extra", "starts_at": "2027-02-01T10:00", "ends_at": "2027-02-01T09:00"}
    client = net.client("leader")
    assert client.post(url, bad).status_code == 400
    assert client.post(url, bad).status_code == 400  # the error again, not a redirect
    assert client.post(url, {**bad, "ends_at": "2027-02-01T11:00"}).status_code == 302
    # A different meeting right after is made too: only identical posts are one.
    assert (
        client.post(url, {**bad, "title": "Other", "ends_at": "2027-02-01T11:00"}).status_code
        == 302
    )
    assert Meeting.objects.filter(title__in=["Extra", "Other"]).count() == 2


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    "sqlite" in str(__import__("os").environ.get("DATABASE_URL", "sqlite")),
    reason="parallel requests need PostgreSQL (DATABASE_URL)",
)
def test_parallel_posts_make_one_workspace(world: World) -> None:
    """Two requests at the same moment, each in its own database connection."""
    results: list[int] = []
    client = world.client_for(world.member)  # logged in before: this test is about the post

    def post() -> None:
        try:
            response = client.post(
                reverse("workspaces:create"), {"name": "Parallel network", "default_language": "en"}
            )
            results.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [302, 302]
    assert Workspace.objects.filter(name="Parallel network").count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    "sqlite" in str(__import__("os").environ.get("DATABASE_URL", "sqlite")),
    reason="parallel requests need PostgreSQL (DATABASE_URL)",
)
def test_two_people_naming_a_workspace_alike_at_once_get_two(world: World) -> None:
    """Not a double submit: both are made, each at its own address, and neither gets a 500."""
    results: list[int] = []
    clients = [world.client_for(world.member), world.client_for(world.outsider)]

    def post(client: Client) -> None:
        try:
            response = client.post(
                reverse("workspaces:create"), {"name": "Same name", "default_language": "en"}
            )
            results.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [302, 302]
    slugs = set(Workspace.objects.filter(name="Same name").values_list("slug", flat=True))
    assert len(slugs) == 2
