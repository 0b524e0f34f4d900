"""What waits for the demo member, and the e-mails that told her: the last meeting's minutes
are up for approval (she was there), next to the open charter version and her overdue action;
the notifications of all three are in the outbox, once each (a second load adds none)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from netlead.demo.programmes_common import MEMBER_EMAIL
from netlead.meetings import notices as meeting_notices
from netlead.meetings.models import (
    Action,
    ActionStatus,
    Attendance,
    AttendanceStatus,
    MinutesStatus,
)
from netlead.networks import notices as network_notices
from netlead.networks.models import CharterStatus, Network
from netlead.notifications.models import Notification


@transaction.atomic
def load_notifications(network: Network) -> None:
    member = network.members.current().filter(person__user__email=MEMBER_EMAIL).first()
    now = timezone.now()
    last = (
        network.meetings.filter(ends_at__lte=now, minutes__isnull=False)
        .select_related("minutes", "network__workspace")
        .order_by("-starts_at")
        .first()
    )
    if member is None or last is None:
        return
    minutes = last.minutes
    told = Notification.objects.filter(event=f"minutes_ready:{minutes.pk}").exists()
    if minutes.status == MinutesStatus.APPROVED and not told:
        # The generated history approved every meeting's minutes; the last ones are still open.
        minutes.approvals.all().delete()
        minutes.status = MinutesStatus.READY
        minutes.approved_at = None
        minutes.save(update_fields=["status", "approved_at"])
        Attendance.objects.update_or_create(
            meeting=last, member=member, defaults={"status": AttendanceStatus.PRESENT}
        )
    if minutes.status == MinutesStatus.READY:
        meeting_notices.minutes_ready(minutes)
    proposed = network.charter_versions.filter(status=CharterStatus.PROPOSED).first()
    if proposed is not None:
        network_notices.charter_proposed(proposed, actor=proposed.proposed_by)
    today = timezone.localdate()
    if not Action.objects.filter(owner=member, status=ActionStatus.OPEN, due_on__lt=today).exists():
        overdue = (
            network.actions.filter(status=ActionStatus.OPEN, due_on__lt=today)
            .order_by("due_on", "pk")
            .first()
        )
        if overdue is not None:
            overdue.owner = member
            overdue.save(update_fields=["owner"])
    meeting_notices.actions_due(today=today)
