"""Rate limits (netlead.core.ratelimit): password reset per e-mail address and per client,
sending invitations per user, pages opened by a personal link per client address. Over the
limit: a 429 page in the visitor's language, and nothing is done."""

from __future__ import annotations

from typing import Any

from django.core import mail
from django.test import Client
from django.urls import reverse

from netlead.core import ratelimit
from netlead.core.models import RateCount
from netlead.workspaces.models import Invitation
from tests.conftest import World

RESET = "accounts:password_reset"


def _reset(email: str, address: str = "203.0.113.7", language: str = "en") -> Any:
    return Client(REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE=language).post(
        reverse(RESET), {"email": email}
    )


def test_password_reset_is_limited_per_address(world: World, limits: Any) -> None:
    limits(password_reset_address=2)
    assert _reset("member@example.test").status_code == 302
    # Another client, another case: still the same address.
    assert _reset("MEMBER@example.test", address="198.51.100.1").status_code == 302
    assert len(mail.outbox) == 2
    refused = _reset("member@example.test", address="198.51.100.2", language="nl")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert 'lang="nl"' in refused.text  # the visitor's language
    assert "Te veel verzoeken" in refused.text  # in Dutch, not English
    assert len(mail.outbox) == 2  # nothing sent
    # Another address is not affected.
    assert _reset("leader@example.test").status_code == 302
    assert len(mail.outbox) == 3


def test_password_reset_is_limited_per_client(world: World, limits: Any) -> None:
    limits(password_reset_client=2)
    assert _reset("member@example.test").status_code == 302
    assert _reset("leader@example.test").status_code == 302
    refused = _reset("facilitator@example.test")
    assert refused.status_code == 429
    assert len(mail.outbox) == 2
    # Another client may still ask.
    assert _reset("facilitator@example.test", address="198.51.100.9").status_code == 302
    assert len(mail.outbox) == 3


def test_behind_a_proxy_the_client_is_the_forwarded_address(
    world: World, limits: Any, settings: Any
) -> None:
    """The client-address rule of login throttling: behind one proxy every request comes from
    the proxy, and only the forwarded address tells clients apart."""
    settings.PROXY_COUNT = 1
    limits(password_reset_client=1)

    def reset(forwarded: str) -> int:
        client = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
        return client.post(reverse(RESET), {"email": "nobody@example.test"}).status_code

    assert reset("203.0.113.7") == 302
    assert reset("198.51.100.4") == 302
    assert reset("203.0.113.7") == 429


def test_counts_are_kept_in_one_shared_table(world: World, limits: Any) -> None:
    """Every web process must see the same counts: they are rows in the database, not process
    memory, and each request counts exactly once."""
    limits(password_reset_client=5)
    for _ in range(3):
        _reset("nobody@example.test")
    counts = list(RateCount.objects.filter(bucket__startswith="password_reset_client:"))
    assert [count.hits for count in counts] == [3]
    # No address or e-mail address is readable in the counts.
    buckets = " ".join(RateCount.objects.values_list("bucket", flat=True))
    assert "nobody" not in buckets and "203.0.113.7" not in buckets


def test_ended_windows_are_deleted(world: World, limits: Any, monkeypatch: Any) -> None:
    """A new window starts from zero, and the counts of ended windows do not pile up."""
    limits(password_reset_client=1)
    assert _reset("nobody@example.test").status_code == 302
    assert _reset("nobody@example.test").status_code == 429
    monkeypatch.setattr(ratelimit, "_now", lambda: 1_800_000_000 + 3600)  # the next hour
    assert _reset("nobody@example.test").status_code == 302
    # One count per limit (per client, per address), each of the new window only.
    assert sorted(RateCount.objects.values_list("hits", "expires")) == [(1, 1_800_007_200)] * 2


def test_sending_invitations_is_limited_per_user(
    world: World, limits: Any, django_capture_on_commit_callbacks: Any
) -> None:
    limits(sending=2)
    owner = world.client_for(world.owner)
    team = reverse("workspaces:team", args=[world.workspace.slug])
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(2):
            response = owner.post(team, {"email": f"new{n}@example.test", "role": "member"})
            assert response.status_code == 302
        refused = owner.post(team, {"email": "new2@example.test", "role": "member"})
    assert refused.status_code == 429
    assert not Invitation.objects.filter(email="new2@example.test").exists()
    assert len(mail.outbox) == 2
    # Reading the page sends nothing and is not limited; another user may still invite.
    assert owner.get(team).status_code == 200
    facilitator = world.client_for(world.facilitator)
    response = facilitator.post(team, {"email": "new3@example.test", "role": "member"})
    assert response.status_code == 302
    assert Invitation.objects.filter(email="new3@example.test").exists()


def test_personal_link_pages_are_limited_per_client_address(db: None, limits: Any) -> None:
    """Guessing links: each request counts before the token is even looked up."""
    limits(token_pages=3)
    robot = Client(REMOTE_ADDR="203.0.113.7")
    pages = [
        reverse("surveys:answer", args=["guess-1"]),
        reverse("development:observer_answer", args=["guess-2"]),
        reverse("workspaces:invitation_accept", args=["guess-3"]),
    ]
    assert [robot.get(page).status_code for page in pages] == [404, 404, 404]
    assert [robot.get(page).status_code for page in pages] == [429, 429, 429]
    # Someone else (another address) is not locked out.
    assert Client(REMOTE_ADDR="198.51.100.1").get(pages[0]).status_code == 404
