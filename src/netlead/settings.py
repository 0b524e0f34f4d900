"""netlead's one settings module, configured by environment variables (see docs/deploy.md)."""

from __future__ import annotations

import secrets
import sys
from pathlib import Path

import dj_database_url
import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from netlead.env import env_bool, env_choice, env_int, env_list, env_str

# Lets ModelForm[...] and ModelAdmin[...] be written with their type at run time.
django_stubs_ext.monkeypatch()

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = PACKAGE_DIR.parent.parent
VAR_DIR = Path(env_str("NETLEAD_VAR_DIR") or BASE_DIR / "var")

TESTING = "pytest" in sys.modules
DEBUG = env_bool("DEBUG", False)


def _secret_key() -> str:
    key = env_str("SECRET_KEY")
    if key:
        return key
    if TESTING:
        return secrets.token_urlsafe(50)
    if DEBUG:
        # A development key kept on this machine, never committed.
        key_file = VAR_DIR / "dev-secret-key"
        if not key_file.exists():
            VAR_DIR.mkdir(parents=True, exist_ok=True)
            key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
            key_file.chmod(0o600)
        return key_file.read_text(encoding="utf-8").strip()
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Set SECRET_KEY (or SECRET_KEY_FILE) in production, "
        "or DEBUG=true for development."
    )


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG or TESTING else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# The site's address, for links in e-mails sent by background work (no request to ask):
# SITE_URL, else https:// and the first of ALLOWED_HOSTS, else the development server.
SITE_URL = (
    env_str("SITE_URL")
    or (f"https://{ALLOWED_HOSTS[0]}" if not DEBUG and not TESTING and ALLOWED_HOSTS else "")
    or "http://127.0.0.1:8000"
).rstrip("/")

INSTALLED_APPS = [
    "whitenoise.runserver_nostatic",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "django_tasks_db",
    "netlead.core",
    "netlead.accounts",
    "netlead.workspaces",
    "netlead.networks",
    "netlead.meetings",
    "netlead.surveys",
    "netlead.development",
    "netlead.programmes",
    "netlead.api",
    "netlead.exports",
    "netlead.reports",
    "netlead.privacy",
    "netlead.notifications",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "netlead.core.headers.PrivatePagesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Before anything reads the body (CSRF reads the form).
    "netlead.core.limits.RequestSizeMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "netlead.accounts.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "axes.middleware.AxesMiddleware",
    "netlead.workspaces.middleware.RememberWorkspaceMiddleware",
    "netlead.core.middleware.AccessErrorMiddleware",
]

ROOT_URLCONF = "netlead.urls"
WSGI_APPLICATION = "netlead.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "netlead.workspaces.context_processors.workspace_navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'netlead.sqlite3'}",
        # Persistent connections: opening one per request cost PostgreSQL as much CPU as the
        # page itself in bench/surveys; health checks replace connections that went stale.
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60, minimum=0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work at once; IMMEDIATE avoids "database is locked"
    # when a read transaction later wants to write.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    if not TESTING:
        VAR_DIR.mkdir(parents=True, exist_ok=True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Login throttling: 5 failures for one e-mail address from one IP address lock it for 15 minutes.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"  # the login form's field (it holds the e-mail address)
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# Reverse proxies in front of netlead (netlead.core.client): the client's address for login
# throttling is read from X-Forwarded-For behind them.
PROXY_COUNT = env_int("PROXY_COUNT", 0, minimum=0)
AXES_CLIENT_IP_CALLABLE = "netlead.core.client.client_address"

SESSION_COOKIE_AGE = 60 * 60 * 12

# The largest request body accepted (netlead.core.limits): the largest upload (10 MB) and its form.
MAX_REQUEST_BYTES = 12 * 1024 * 1024

# The cache holds the API's rate-limit records, so they must be shared by every web process:
# Redis when REDIS_URL is set, else a table in the database (never process memory).
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env_str("REDIS_URL")}
        if env_str("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "netlead_cache"}
    )
}

# Rate limits of the pages without a password or that send e-mail (netlead.core.ratelimit):
# name -> (requests, seconds), counted in the database (netlead.core.models.RateCount). Per
# e-mail address and per client for password reset; per user for pages that send invitations, reminders and links again; per
# client address for the pages opened by a personal link (survey, observer feedback) and for
# the four-principles check. Generous for an office behind one address, tight for a robot.
RATE_LIMITS = {
    "password_reset_address": (3, 60 * 60),
    "password_reset_client": (20, 60 * 60),
    "sending": (30, 60 * 60),
    # Personal links are secret and long: this only stops hammering. A workplace answers from
    # one address behind its router, so the limit leaves room for hundreds answering at once.
    "token_pages": (env_int("TOKEN_PAGES_RATE_LIMIT", 6000, minimum=1), 10 * 60),
    "principles_check": (60, 10 * 60),
}

# The REST API (netlead.api): requests per token (or per session) and page sizes.
API_RATE_LIMIT = env_str("API_RATE_LIMIT", "600/min")
NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 500
INVITATION_VALID_DAYS = 14
# Privacy rights (docs/privacy.md): how long a "download my data" link works, and how long after
# a user asks for the erasure of their account it is carried out if no owner confirms it first.
DATA_EXPORT_VALID_HOURS = env_int("DATA_EXPORT_VALID_HOURS", 48, minimum=1)
ERASURE_WAIT_DAYS = env_int("ERASURE_WAIT_DAYS", 30, minimum=0)
# Kept for this many days, then deleted by `netlead apply_retention`: login records (attempts,
# failures, logins) and the records of finished background tasks.
LOGIN_RECORDS_DAYS = env_int("LOGIN_RECORDS_DAYS", 90, minimum=1)
TASK_RECORDS_DAYS = env_int("TASK_RECORDS_DAYS", 30, minimum=1)
# A task running for longer than this was left by a dead db_worker and is queued again
# (netlead requeue_abandoned_tasks); the longest task (a large report) takes minutes.
TASK_ABANDONED_MINUTES = env_int("TASK_ABANDONED_MINUTES", 30, minimum=5)

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("nl", _("Dutch")), ("da", _("Danish"))]
LANGUAGE_COOKIE_NAME = "netlead_language"
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
# One date format per language (netlead/formats/<language>/formats.py).
FORMAT_MODULE_PATH = ["netlead.formats"]
TIME_ZONE = env_str("TIME_ZONE") or "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Production serves the collected files (`netlead collectstatic`) from STATIC_ROOT;
# development and tests serve them straight from their sources.
STATIC_ROOT = None if DEBUG or TESTING else VAR_DIR / "static"
WHITENOISE_USE_FINDERS = DEBUG or TESTING
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = VAR_DIR / "media"

# Background work: run at once in development and tests; in production queued in the database
# (one worker machine is enough) or in Redis through RQ (workers on several machines).
TASKS_BACKEND = env_choice("TASKS_BACKEND", "immediate", ("immediate", "database", "rq"))
REDIS_URL = env_str("REDIS_URL")
if TASKS_BACKEND == "rq":
    if not REDIS_URL:
        raise ImproperlyConfigured(
            "TASKS_BACKEND=rq needs REDIS_URL, e.g. redis://127.0.0.1:6379/0."
        )
    INSTALLED_APPS.append("django_rq")
    # A task's job is kept for the longest task (a large report) plus a margin.
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 900}}
    # A dead worker's job is run again on its own, within about 40 s (netlead.core.rq_queue).
    RQ = {
        "QUEUE_CLASS": "netlead.core.rq_queue.Queue",
        "WORKER_CLASS": "netlead.core.rq_queue.Worker",
        "JOB_CLASS": "django_tasks_rq.Job",
    }
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django.tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
            "rq": "django_tasks_rq.RQBackend",
        }[TASKS_BACKEND]
    }
}

# E-mail: SMTP when EMAIL_HOST is set, else written to files under EMAIL_FILE_PATH when that is
# set, else printed to the console (development).
_email_host = env_str("EMAIL_HOST") or ""
MAILERS = {
    "default": (
        {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _email_host,
                "port": env_int("EMAIL_PORT", 587, minimum=1),
                "username": env_str("EMAIL_HOST_USER") or "",
                "password": env_str("EMAIL_HOST_PASSWORD") or "",
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                "timeout": 20,
            },
        }
        if _email_host
        # EMAIL_FILE_PATH: each connection's mails in a file of that folder (the deployment
        # and cluster checks in tools/ci count them there, across processes).
        else {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": env_str("EMAIL_FILE_PATH")},
        }
        if env_str("EMAIL_FILE_PATH")
        else {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    )
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL") or "netlead <noreply@localhost>"
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security: safe by default, HTTPS-only cookies unless DEBUG.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Features no page of netlead uses, switched off for every page (netlead.core.middleware).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
if not DEBUG and not TESTING:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL") or "INFO"},
    "loggers": {
        "axes": {"level": "WARNING"},
        # WeasyPrint reports each layout step at INFO: one line per page of every report.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
