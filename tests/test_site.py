"""Site-wide behaviour: error pages, translations, admin, settings parsing, migrations, demo, CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from netlead import env
from tests.conftest import World

LOCALE = Path(__file__).resolve().parents[1] / "src" / "netlead" / "locale"


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "Page not found"), ("nl", "Pagina niet gevonden"), ("da", "Siden blev ikke fundet")],
)
def test_404_page_in_three_languages(db: None, language: str, text: str) -> None:
    response = Client(headers={"accept-language": language}).get("/no/such/page/")
    assert response.status_code == 404
    assert text in response.text


def test_500_page_renders_without_context(rf, settings) -> None:  # type: ignore[no-untyped-def]
    from django.utils import translation

    from netlead.errors import server_error

    with translation.override("en"):  # an earlier test may leave another language active
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def _statistics(po: Path) -> str:
    result = subprocess.run(
        ["msgfmt", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stderr


@pytest.fixture(scope="module")
def fresh_catalogues(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The catalogues as `make makemessages` would leave them, made from a copy of the source,
    so a string added to the code without a translation is caught."""
    copy = tmp_path_factory.mktemp("catalogues") / "netlead"
    shutil.copytree(
        LOCALE.parent,
        copy,
        ignore=shutil.ignore_patterns("__pycache__", "vendor", "*.mo"),
    )
    subprocess.run(
        [
            *(sys.executable, "-m", "netlead.cli", "makemessages", "-l", "nl", "-l", "da"),
            *("--no-obsolete", "--no-location", "-v0"),
        ],
        cwd=copy,
        env={**os.environ, "DEBUG": "true"},
        check=True,
    )
    return copy / "locale"


@pytest.mark.parametrize("language", ["nl", "da"])
def test_catalogues_are_complete(fresh_catalogues: Path, language: str) -> None:
    statistics = _statistics(fresh_catalogues / language / "LC_MESSAGES" / "django.po")
    assert "untranslated" not in statistics and "fuzzy" not in statistics, (
        f"{statistics}: run `make makemessages` and translate the new strings"
    )


@pytest.mark.parametrize(
    ("language", "text"),
    [("nl", "Organisaties"), ("da", "Organisationer"), ("en", "Organizations")],
)
def test_dashboard_speaks_the_users_language(world: World, language: str, text: str) -> None:
    world.member.language = language
    world.member.save()
    response = world.client_for(world.member).get(reverse("workspaces:dashboard", args=["youth"]))
    assert text in response.text


def test_admin_lists_every_model(db: None, admin_client: Client) -> None:
    from django.apps import apps

    for model in [
        *apps.get_app_config("accounts").get_models(),
        *apps.get_app_config("workspaces").get_models(),
    ]:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        assert admin_client.get(url).status_code == 200, url


def test_admin_is_closed_to_workspace_owners(world: World) -> None:
    response = world.client_for(world.owner).get("/admin/")
    assert response.status_code == 302


def test_no_model_change_lacks_its_migration(db: None) -> None:
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_env_parsing_is_strict(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("X_BOOL", "perhaps")
    with pytest.raises(ImproperlyConfigured, match="X_BOOL"):
        env.env_bool("X_BOOL", False)
    monkeypatch.setenv("X_INT", "three")
    with pytest.raises(ImproperlyConfigured, match="X_INT"):
        env.env_int("X_INT", 1)
    monkeypatch.setenv("X_INT", "0")
    with pytest.raises(ImproperlyConfigured, match="at least 1"):
        env.env_int("X_INT", 1, minimum=1)
    secret = tmp_path / "secret"
    secret.write_text("from-a-file\n")
    monkeypatch.setenv("X_SECRET_FILE", str(secret))
    assert env.env_str("X_SECRET") == "from-a-file"
    monkeypatch.setenv("X_LIST", "a.example, b.example,")
    assert env.env_list("X_LIST", []) == ["a.example", "b.example"]


def test_production_settings_refuse_a_missing_secret_key(tmp_path: Path) -> None:
    result = subprocess.run(
        ["netlead", "check"],
        capture_output=True,
        text=True,
        env={
            "PATH": str(Path(sys.executable).parent),
            "NETLEAD_VAR_DIR": str(tmp_path),
        },
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def _production(tmp_path: Path) -> dict[str, str]:
    return {
        "PATH": str(Path(sys.executable).parent),
        "SECRET_KEY": "x" * 20 + "a-long-random-production-secret-value-for-the-test",
        "ALLOWED_HOSTS": "netlead.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "NETLEAD_VAR_DIR": str(tmp_path),
        "EMAIL_HOST": "smtp.example.org",
    }


def test_static_files_collect_for_production(tmp_path: Path) -> None:
    """The deploy step: manifest storage fails on any file a stylesheet or script refers to
    that is missing (such as a library's source map)."""
    result = subprocess.run(
        ["netlead", "collectstatic", "--noinput", "-v0"],
        capture_output=True,
        text=True,
        env=_production(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "static" / "staticfiles.json").exists()


def test_check_deploy_is_clean_with_production_variables(tmp_path: Path) -> None:
    environment = _production(tmp_path)
    result = subprocess.run(
        ["netlead", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=environment,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_demo_is_complete_and_idempotent(db: None) -> None:
    from netlead.demo import load_demo
    from netlead.workspaces.models import Layer

    first = load_demo()
    second = load_demo()
    workspace = second.workspace
    assert first.workspace == workspace
    assert workspace.organizations.count() == 8
    assert workspace.persons.count() >= 40
    assert set(workspace.persons.values_list("layer", flat=True)) == set(Layer.values)
    roles = dict(workspace.memberships.values_list("user__email", "role"))
    assert roles == {
        "leader@example.org": "owner",
        "facilitator@example.org": "facilitator",
        "member@example.org": "member",
    }
    response = Client().post(
        reverse("accounts:login"), {"username": "leader@example.org", "password": "netlead-demo"}
    )
    assert response["Location"] == reverse("home")


def test_cli_runs_django_commands(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(Path(sys.executable).parent / "netlead"), "check"],
        capture_output=True,
        text=True,
        env={"DEBUG": "true", "PATH": "/usr/bin:/bin", "NETLEAD_VAR_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.django_db
def test_cache_is_shared_by_every_process_not_kept_in_memory() -> None:
    """The API's rate-limit records live in the cache: another web process must see them."""
    from django.core.cache import cache
    from django.db import connection

    cache.set("shared-check", 3, 60)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*) FROM netlead_cache WHERE cache_key LIKE %s", ["%shared-check"]
        )
        assert cursor.fetchone()[0] == 1
