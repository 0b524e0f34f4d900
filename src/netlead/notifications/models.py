"""Per user and kind, how notifications arrive; and the outbox: one row per event and
recipient, so the same event never mails anyone twice, however often its task runs."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netlead.notifications.kinds import Delivery


class Preference(models.Model):
    """A user's choice for one kind; without a row, the kind's default applies."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    #: A key of `kinds.KINDS` (checked by the services, so a new kind needs no migration).
    kind = models.CharField(max_length=40)
    delivery = models.CharField(_("delivery"), max_length=20, choices=Delivery.choices)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notification_preference_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.kind}: {self.delivery}"


class Notification(models.Model):
    """One event for one recipient. `event` names the event (kind and object, and a date where
    the same object can notify again, e.g. a new due date); the unique constraint on (event,
    recipient) is what makes a second emit or a second run of the task send nothing."""

    event = models.CharField(max_length=120)
    kind = models.CharField(max_length=40)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    workspace = models.ForeignKey(
        "workspaces.Workspace", on_delete=models.CASCADE, null=True, related_name="+"
    )
    #: The exact page, without the site's address (added when the mail is written).
    path = models.CharField(max_length=300)
    #: Names and dates that the kind's texts need (never translated text, never a secret).
    params = models.JSONField(default=dict)
    delivery = models.CharField(max_length=20, choices=Delivery.choices)
    created_at = models.DateTimeField(default=timezone.now)
    #: When the mail went out (or was claimed by a sender); empty while it waits.
    sent_at = models.DateTimeField(null=True, blank=True)
    #: Not sent because the recipient switched the kind off before it went out.
    skipped = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(fields=["event", "recipient"], name="notification_once")
        ]
        indexes = [models.Index(fields=["delivery", "sent_at"], name="notification_pending")]

    def __str__(self) -> str:
        return f"{self.event} → {self.recipient_id}"


class SentMail(models.Model):
    """A mail that went out, by a key its sender chose (a task's run, or an object and a
    recipient), for mails that have no outbox row of their own. `once.send_once` inserts the
    row and sends in one transaction, so a second run of the same task sends nothing, and a
    worker that dies before the commit leaves nothing claimed for the next run."""

    # No page or admin shows it, so it has no translated names.
    key = models.CharField(max_length=120, unique=True)
    sent_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.key
