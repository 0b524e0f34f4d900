"""The task queue and mail settings read from the environment (docs/deploy.md): the database
queue by default in production, Redis through RQ on request, and refusals that name the
variable to fix."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.test_site import _production

SHOW = (
    "from django.conf import settings; "
    "print(settings.TASKS['default']['BACKEND'], 'django_rq' in settings.INSTALLED_APPS, "
    "settings.MAILERS['default']['BACKEND'])"
)


def _netlead(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["netlead", *args], capture_output=True, text=True, env=env, timeout=120)


def test_the_rq_queue_needs_redis_url(tmp_path: Path) -> None:
    result = _netlead(_production(tmp_path) | {"TASKS_BACKEND": "rq"}, "shell", "-c", SHOW)
    assert result.returncode != 0
    assert "TASKS_BACKEND=rq needs REDIS_URL" in result.stderr


def test_the_rq_queue_with_redis_passes_the_checks(tmp_path: Path) -> None:
    env = _production(tmp_path) | {"TASKS_BACKEND": "rq", "REDIS_URL": "redis://127.0.0.1:6379/9"}
    shown = _netlead(env, "shell", "-c", SHOW)
    assert shown.stdout.split()[-3:] == [
        "django_tasks_rq.RQBackend",
        "True",
        "django.core.mail.backends.smtp.EmailBackend",
    ], shown.stderr
    checked = _netlead(env, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_an_unknown_queue_is_refused(tmp_path: Path) -> None:
    result = _netlead(_production(tmp_path) | {"TASKS_BACKEND": "celery"}, "check")
    assert result.returncode != 0
    assert "TASKS_BACKEND='celery' must be one of: immediate, database, rq" in result.stderr


def test_mail_into_files_when_asked_and_no_smtp_server(tmp_path: Path) -> None:
    env = _production(tmp_path) | {"EMAIL_FILE_PATH": str(tmp_path / "mail")}
    del env["EMAIL_HOST"]
    shown = _netlead(env, "shell", "-c", SHOW)
    assert shown.stdout.split()[-3:] == [
        "django.tasks.backends.immediate.ImmediateBackend",
        "False",
        "django.core.mail.backends.filebased.EmailBackend",
    ], shown.stderr
