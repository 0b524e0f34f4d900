"""Login by e-mail, throttling, password reset, profile and language choice."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.hashers import get_hasher, identify_hasher
from django.core import mail
from django.urls import reverse

from netlead.accounts.models import User
from tests.conftest import World
from tests.factories import PASSWORD


def _login(client, email: str, password: str = PASSWORD):  # type: ignore[no-untyped-def]
    return client.post(reverse("accounts:login"), {"username": email, "password": password})


def test_login_with_email_any_case(world: World) -> None:
    client = world.client_for(None)
    response = _login(client, "LEADER@example.test")
    assert response.status_code == 302
    assert client.get(reverse("home"))["Location"] == reverse(
        "workspaces:dashboard", args=["youth"]
    )


def test_wrong_password_is_refused_with_a_message(world: World) -> None:
    response = _login(world.client_for(None), "leader@example.test", "wrong")
    assert response.status_code == 200
    assert "Please enter a correct" in response.text


def test_login_is_throttled_after_five_failures(world: World) -> None:
    client = world.client_for(None)
    for _ in range(5):
        _login(client, "leader@example.test", "wrong")
    response = _login(client, "leader@example.test")  # right password, still locked
    assert response.status_code == 429
    assert "Too many attempts" in response.text
    # Another address from the same place is not locked.
    assert _login(world.client_for(None), "member@example.test").status_code == 302


def test_passwords_are_hashed_with_argon2(db: None, settings) -> None:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    user = User.objects.create_user("argon@example.test", "a-long-pass-phrase")
    assert identify_hasher(user.password).algorithm == "argon2" == get_hasher().algorithm
    assert user.check_password("a-long-pass-phrase")


def test_logout_needs_post(world: World) -> None:
    client = world.client_for(world.member)
    assert client.get(reverse("accounts:logout")).status_code == 405
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("home")).status_code == 302


def test_password_reset_mails_a_working_link(world: World) -> None:
    client = world.client_for(None)
    client.post(reverse("accounts:password_reset"), {"email": "member@example.test"})
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password-reset/" in line)
    path = link.replace("http://testserver", "")
    response = client.get(path, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    client.post(
        form_url, {"new_password1": "fresh-pass-phrase-9", "new_password2": "fresh-pass-phrase-9"}
    )
    assert User.objects.get(email="member@example.test").check_password("fresh-pass-phrase-9")


def test_password_reset_for_unknown_address_says_the_same_and_sends_nothing(db: None) -> None:
    from django.test import Client

    response = Client().post(reverse("accounts:password_reset"), {"email": "nobody@example.test"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_profile_saves_name_and_language(world: World) -> None:
    client = world.client_for(world.member)
    client.post(reverse("accounts:profile"), {"name": "Max M.", "language": "da"})
    world.member.refresh_from_db()
    assert (world.member.name, world.member.language) == ("Max M.", "da")


def test_profile_with_unknown_language_changes_nothing(world: World) -> None:
    client = world.client_for(world.member)
    response = client.post(reverse("accounts:profile"), {"name": "Changed", "language": "fr"})
    assert response.status_code == 400
    world.member.refresh_from_db()
    assert (world.member.name, world.member.language) == ("Max Member", "")


def test_profile_needs_login(db: None) -> None:
    from django.test import Client

    assert Client().get(reverse("accounts:profile")).status_code == 302


@pytest.mark.parametrize(
    ("header", "expected"), [("nl-NL,nl;q=0.9", "nl"), ("da", "da"), ("fr", "en")]
)
def test_language_follows_the_browser(db: None, header: str, expected: str) -> None:
    from django.test import Client

    response = Client(headers={"accept-language": header}).get(reverse("accounts:login"))
    assert response["Content-Language"] == expected
    assert f'<html lang="{expected}">' in response.text


def test_language_switch_remembers_the_users_choice(world: World) -> None:
    client = world.client_for(world.member)
    response = client.post(reverse("accounts:language"), {"language": "nl", "next": "/w/youth/"})
    assert response["Location"] == "/w/youth/"
    world.member.refresh_from_db()
    assert world.member.language == "nl"
    # The saved choice wins over the browser, also in a new session.
    other = world.client_for(world.member)
    page = other.get(
        reverse("workspaces:dashboard", args=["youth"]), headers={"accept-language": "da"}
    )
    assert page["Content-Language"] == "nl"


def test_language_switch_refuses_unknown_language_and_foreign_redirects(world: World) -> None:
    client = world.client_for(world.member)
    response = client.post(
        reverse("accounts:language"), {"language": "xx", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"
    world.member.refresh_from_db()
    assert world.member.language == ""


def test_anonymous_language_switch_sets_a_cookie(db: None) -> None:
    from django.test import Client

    client = Client()
    client.post(reverse("accounts:language"), {"language": "da", "next": "/accounts/login/"})
    assert client.get(reverse("accounts:login"))["Content-Language"] == "da"


def _session_before_login(client) -> str:  # type: ignore[no-untyped-def]
    """A session started before logging in (as one planted by an attacker would be)."""
    session = client.session
    session["planted"] = "yes"
    session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    return str(session.session_key)


def test_logging_in_gives_a_new_session_key(world: World) -> None:
    """Session fixation: a session key known before login is worthless after it."""
    from importlib import import_module

    from django.test import Client

    client = world.client_for(None)
    old_key = _session_before_login(client)
    assert _login(client, "member@example.test").status_code == 302
    new_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert new_key != old_key
    store = import_module(settings.SESSION_ENGINE).SessionStore
    assert not store().exists(old_key)
    # Whoever holds the old key is not logged in.
    attacker = Client()
    attacker.cookies[settings.SESSION_COOKIE_NAME] = old_key
    assert attacker.get(reverse("accounts:profile")).status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_joining_by_invitation_gives_a_new_session_key(
    world: World, django_capture_on_commit_callbacks
) -> None:
    """The other way in: accepting an invitation with a new account logs in too."""
    import re
    from importlib import import_module

    owner = world.client_for(world.owner)
    with django_capture_on_commit_callbacks(execute=True):
        owner.post(
            reverse("workspaces:team", args=[world.workspace.slug]),
            {"email": "newcomer@example.test", "role": "member"},
        )
    match = re.search(r"http://testserver(/invitations/[^/\s]+/)", mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    client = world.client_for(None)
    old_key = _session_before_login(client)
    response = client.post(
        match.group(1),
        {
            "name": "New Comer",
            "password1": "fresh-pass-phrase-9",
            "password2": "fresh-pass-phrase-9",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert client.cookies[settings.SESSION_COOKIE_NAME].value != old_key
    assert not import_module(settings.SESSION_ENGINE).SessionStore().exists(old_key)
