"""Use cases of notifications: a user's preferences, one-click unsubscribe, and sending the
outbox (each event's immediate e-mails, and the daily digest). Sending claims each row before
its mail goes out, so two runs of the same task (the database queue delivers at least once)
never send a row twice; all mails of one run share one SMTP connection."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.mail import mailers
from django.core.mail.message import EmailMessage
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from netlead.accounts.models import User
from netlead.notifications.kinds import KINDS, Delivery
from netlead.notifications.links import read_unsubscribe_token
from netlead.notifications.mail import ALL_KINDS, digest_for, message_for
from netlead.notifications.models import Notification, Preference


@transaction.atomic
def preferences_save(*, user: User, choices: Mapping[str, str]) -> None:
    """Store the user's delivery per kind (unknown kinds or deliveries are refused)."""
    for kind, delivery in choices.items():
        if kind not in KINDS or delivery not in Delivery.values:
            raise ValidationError(_("Unknown notification setting."))
    for kind, delivery in choices.items():
        Preference.objects.update_or_create(user=user, kind=kind, defaults={"delivery": delivery})


def unsubscribe(*, token: str) -> tuple[User, str]:
    """Switch off the kind named by a signed unsubscribe token (every kind for a digest's
    token). Returns the user and the kind; a bad token raises ValidationError and changes
    nothing."""
    read = read_unsubscribe_token(token)
    user = User.objects.filter(pk=read[0], is_active=True).first() if read else None
    if read is None or user is None or (read[1] != ALL_KINDS and read[1] not in KINDS):
        raise ValidationError(
            _(
                "This unsubscribe link is not valid. Nothing was changed. Log in to change your notification settings."
            )
        )
    kind = read[1]
    preferences_save(
        user=user, choices={k: Delivery.OFF for k in (KINDS if kind == ALL_KINDS else [kind])}
    )
    return user, kind


def _claim(pending: QuerySet[Notification], now: datetime) -> list[Notification]:
    """Take the pending rows for this run: each is marked sent before its mail leaves, and
    only the run whose update changed it sends it."""
    taken = []
    for notification in pending.select_related("recipient", "workspace").order_by("pk"):
        if Notification.objects.filter(pk=notification.pk, sent_at__isnull=True).update(
            sent_at=now
        ):
            taken.append(notification)
    return taken


def _switched_off(rows: list[Notification]) -> set[int]:
    """Rows whose recipient switched their kind off after the event was emitted."""
    off = set(
        Preference.objects.filter(
            user_id__in={r.recipient_id for r in rows}, delivery=Delivery.OFF
        ).values_list("user_id", "kind")
    )
    skipped = {r.pk for r in rows if (r.recipient_id, r.kind) in off}
    if skipped:
        Notification.objects.filter(pk__in=skipped).update(skipped=True)
    return skipped


def _send(messages: list[EmailMessage], rows: list[Notification]) -> int:
    """All messages over one connection; if sending fails, the rows wait for the next run."""
    if not messages:
        return 0
    try:
        with mailers.default as connection:
            connection.send_messages(messages)
    except Exception:
        Notification.objects.filter(pk__in=[r.pk for r in rows]).update(sent_at=None)
        raise
    return len(messages)


def event_send(*, event: str) -> int:
    """Send the immediate e-mails of one event that have not gone out yet."""
    rows = _claim(
        Notification.objects.filter(event=event, delivery=Delivery.IMMEDIATE, sent_at__isnull=True),
        timezone.now(),
    )
    skipped = _switched_off(rows)
    rows = [r for r in rows if r.pk not in skipped]
    return _send([message_for(r) for r in rows], rows)


def digest_send(*, now: datetime) -> int:
    """One e-mail per user with every digest notification that waits; returns the number of
    e-mails. Run daily (`netlead send_notification_digests`)."""
    rows = _claim(
        Notification.objects.filter(
            delivery=Delivery.DIGEST, sent_at__isnull=True, created_at__lte=now
        ),
        now,
    )
    skipped = _switched_off(rows)
    per_user: dict[int, list[Notification]] = defaultdict(list)
    for row in rows:
        if row.pk not in skipped:
            per_user[row.recipient_id].append(row)
    sending = [r for items in per_user.values() for r in items]
    return _send([digest_for(items) for items in per_user.values()], sending)


#: An immediate notification still waiting after this long missed its task (the queue was
#: down, or the task failed): the daily run sends it.
STRAGGLER_AGE = timedelta(minutes=15)


def stragglers_send(*, now: datetime) -> int:
    """Send the immediate notifications whose task never sent them; returns the e-mails."""
    events = (
        Notification.objects.filter(
            delivery=Delivery.IMMEDIATE,
            sent_at__isnull=True,
            created_at__lt=now - STRAGGLER_AGE,
        )
        .values_list("event", flat=True)
        .distinct()
    )
    return sum(event_send(event=event) for event in list(events))
