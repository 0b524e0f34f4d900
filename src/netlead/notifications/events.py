"""How apps notify: their services call `emit` inside their own transaction, with the kind,
a name for the event, the users to tell and the page to link to. Rows go into the outbox at
once (one per event and recipient: a second emit of the same event adds nothing); the e-mails
leave after the transaction commits, from a background task."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from functools import partial

from django.db import transaction

from netlead.accounts.models import User
from netlead.notifications.kinds import KINDS, Delivery
from netlead.notifications.models import Notification, Preference
from netlead.notifications.tasks import send_event
from netlead.workspaces.models import Workspace

Param = str | int | date


def emit(
    *,
    kind: str,
    event: str,
    user_ids: Iterable[int | None],
    path: str,
    params: Mapping[str, Param],
    workspace: Workspace | None = None,
    actor: User | None = None,
) -> int:
    """Put the event in the outbox of each user (active, with an address, still in the
    `workspace`, not the `actor` who caused it, and not switched off for this kind); returns
    how many rows were added.
    Dates in `params` are written in the recipient's language when the mail is made."""
    spec = KINDS[kind]
    wanted = {pk for pk in user_ids if pk is not None}
    if actor is not None:
        wanted.discard(actor.pk)
    if not wanted:
        return 0
    candidates = User.objects.filter(pk__in=wanted, is_active=True)
    if workspace is not None:
        # Whoever left the workspace cannot open the page any more: no mail either.
        candidates = candidates.filter(memberships__workspace=workspace)
    users = list(candidates.exclude(email="").values_list("pk", flat=True))
    chosen = dict(
        Preference.objects.filter(user_id__in=users, kind=kind).values_list("user_id", "delivery")
    )
    # Who has this event already (a second emit adds nothing; the unique constraint guards
    # against two emits at the same moment).
    told = set(
        Notification.objects.filter(event=event[:120], recipient_id__in=users).values_list(
            "recipient_id", flat=True
        )
    )
    users = [pk for pk in users if pk not in told]
    if not users:
        return 0
    stored = {k: v.isoformat() if isinstance(v, date) else v for k, v in params.items()}
    rows = [
        Notification(
            event=event[:120],
            kind=kind,
            recipient_id=pk,
            workspace=workspace,
            path=path,
            params=stored,
            delivery=chosen.get(pk, spec.default),
        )
        for pk in users
        if chosen.get(pk, spec.default) != Delivery.OFF
    ]
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    if any(row.delivery == Delivery.IMMEDIATE for row in rows):
        transaction.on_commit(partial(send_event.enqueue, event=event[:120]))
    return len(rows)
