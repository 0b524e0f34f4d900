"""Sending a mail at most once per key, for tasks that the queue may deliver twice."""

from __future__ import annotations

from django.core.mail.message import EmailMessage
from django.db import transaction

from netlead.notifications.models import SentMail


def send_once(key: str, message: EmailMessage) -> bool:
    """Send `message` unless a mail with `key` went out before; True when it was sent now.

    The ledger row and the mail share one transaction: a concurrent run with the same key
    waits on the row's unique index and then finds it, and a run that fails (or dies) before
    the commit leaves no row, so the next run sends the mail."""
    with transaction.atomic():
        _row, created = SentMail.objects.get_or_create(key=key)
        if not created:
            return False
        message.send()
    return True
