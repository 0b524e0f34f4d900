"""Security findings fixed: login throttling behind a proxy, private pages not cached, browser
features off, the demo kept out of production."""

from __future__ import annotations

import subprocess

import pytest
from django.core.management import CommandError, call_command
from django.test import Client, RequestFactory
from django.urls import reverse

from netlead.accounts.models import User
from netlead.core.client import client_address
from netlead.demo.checks import demo_accounts_exist
from tests.conftest import World
from tests.factories import PASSWORD
from tests.test_site import _production

PROXY = "10.0.0.1"
ATTACKER = "203.0.113.9"
VICTIM = "198.51.100.4"


def _login(forwarded: str, email: str, password: str) -> int:
    client = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    response = client.post(reverse("accounts:login"), {"username": email, "password": password})
    return response.status_code


def test_behind_a_proxy_wrong_passwords_lock_out_only_their_own_address(
    world: World, settings
) -> None:  # type: ignore[no-untyped-def]
    settings.PROXY_COUNT = 1
    for _ in range(5):
        _login(ATTACKER, "leader@example.test", "wrong")
    assert _login(ATTACKER, "leader@example.test", PASSWORD) == 429
    # The leader, through the same proxy from their own address, still logs in.
    assert _login(VICTIM, "leader@example.test", PASSWORD) == 302


def test_a_forged_forwarded_entry_does_not_move_the_lock(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.PROXY_COUNT = 1
    # The attacker writes the victim's address first; the proxy appends the real one.
    for _ in range(5):
        _login(f"{VICTIM}, {ATTACKER}", "leader@example.test", "wrong")
    assert _login(VICTIM, "leader@example.test", PASSWORD) == 302


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, f"{ATTACKER}", PROXY),  # no proxy configured: the header is the client's to forge
        (1, "", PROXY),  # a direct request
        (1, f"{VICTIM}, {ATTACKER}", ATTACKER),
        (2, f"{VICTIM}, {ATTACKER}, 10.0.0.2", ATTACKER),
        (1, "not-an-address", PROXY),
        (2, ATTACKER, PROXY),  # fewer entries than proxies
    ],
)
def test_client_address(settings, count: int, forwarded: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    settings.PROXY_COUNT = count
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


def test_private_pages_are_not_stored_and_browser_features_are_off(world: World) -> None:
    for client, url in (
        (world.client_for(world.member), reverse("workspaces:dashboard", args=["youth"])),
        (world.client_for(None), reverse("accounts:login")),
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]


def test_the_demo_refuses_to_run_without_debug(db: None, settings) -> None:  # type: ignore[no-untyped-def]
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG=true"):
        call_command("demo")
    assert not User.objects.exists()


def test_check_deploy_warns_while_the_demo_accounts_exist(db: None) -> None:
    from netlead.demo import load_demo

    assert demo_accounts_exist() == []
    load_demo()
    warnings = demo_accounts_exist()
    assert [w.id for w in warnings] == ["netlead.W001"]
    assert "leader@example.org" in warnings[0].msg


def test_the_language_cookie_is_secure_in_production(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = subprocess.run(
        [
            "netlead",
            "shell",
            "-c",
            "from django.conf import settings; print(settings.LANGUAGE_COOKIE_SECURE)",
        ],
        capture_output=True,
        text=True,
        env=_production(tmp_path),
    )
    assert result.stdout.strip().splitlines()[-1] == "True", result.stderr
