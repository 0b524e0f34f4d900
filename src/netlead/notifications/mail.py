"""Writing notification e-mails: in the recipient's language (their own choice, else their
workspace's), with the link to the exact page, and the one-click unsubscribe headers
(RFC 2369 `List-Unsubscribe`, RFC 8058 `List-Unsubscribe-Post`)."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.core.mail.message import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from netlead.accounts.models import User
from netlead.notifications.kinds import KINDS
from netlead.notifications.links import absolute, unsubscribe_url
from netlead.notifications.models import Notification

#: The unsubscribe token's kind for "every kind": the digest's link.
ALL_KINDS = "*"


def language_of(notification: Notification) -> str:
    user = notification.recipient
    if user.language:
        return user.language
    if notification.workspace is not None:
        return notification.workspace.default_language
    return settings.LANGUAGE_CODE


def _params(params: Mapping[str, Any]) -> dict[str, str]:
    """Names as they are; dates (keys ending in `_on`) in the active language's format."""
    shown = {}
    for key, value in params.items():
        if key.endswith("_on") and isinstance(value, str):
            with contextlib.suppress(ValueError):
                value = formats.date_format(date.fromisoformat(value), "DATE_FORMAT")
        shown[key] = str(value)
    return shown


@dataclass(frozen=True)
class Line:
    text: str
    link: str


def line_of(notification: Notification) -> Line:
    """What happened, in the active language, with its link."""
    kind = KINDS[notification.kind]
    return Line(
        text=str(kind.text) % _params(notification.params), link=absolute(notification.path)
    )


def _headers(unsubscribe: str) -> dict[str, str]:
    return {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
    }


def _context(user: User, unsubscribe: str) -> dict[str, Any]:
    return {
        "user": user,
        "unsubscribe": unsubscribe,
        "preferences": absolute(reverse("notifications:preferences")),
    }


def message_for(notification: Notification) -> EmailMessage:
    """The e-mail of one notification."""
    user = notification.recipient
    unsubscribe = unsubscribe_url(user.pk, notification.kind)
    with translation.override(language_of(notification)):
        kind = KINDS[notification.kind]
        subject = str(kind.subject) % _params(notification.params)
        context = _context(user, unsubscribe) | {
            "line": line_of(notification),
            "kind_label": kind.label,
        }
        body = render_to_string("email/notification.txt", context)
    return EmailMessage(subject, body, None, [user.email], headers=_headers(unsubscribe))


def digest_for(notifications: Sequence[Notification]) -> EmailMessage:
    """One e-mail with the day's notifications of one user (all theirs, in order)."""
    first = notifications[0]
    user = first.recipient
    unsubscribe = unsubscribe_url(user.pk, ALL_KINDS)
    with translation.override(language_of(first)):
        count = len(notifications)
        subject = ngettext(
            "netlead: %(count)s thing for you today",
            "netlead: %(count)s things for you today",
            count,
        ) % {"count": count}
        context = _context(user, unsubscribe) | {
            "lines": [line_of(n) for n in notifications],
            "intro": _("Here is what happened for you in netlead since the last digest."),
        }
        body = render_to_string("email/notification_digest.txt", context)
    return EmailMessage(subject, body, None, [user.email], headers=_headers(unsubscribe))
