"""The leader's personal network: contacts, the audit of the three networks, snapshots."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netlead.core.scales import SCORE
from netlead.development.models import Contact, NetworkAudit, NetworkKind, NetworkSnapshot
from netlead.workspaces.models import Person


def contact_save(*, owner: Person, contact: Contact) -> Contact:
    contact.owner = owner
    contact.name = contact.name.strip()
    if not contact.name:
        raise ValidationError({"name": _("Give the contact a name or an alias.")})
    contact.full_clean()
    contact.save()
    return contact


def contact_delete(*, contact: Contact) -> None:
    contact.delete()


@transaction.atomic
def audit_save(*, owner: Person, ratings: Mapping[str, tuple[int, int]]) -> None:
    """Importance and current quality (1-5 each) per network kind."""
    for kind, (importance, quality) in ratings.items():
        if kind not in NetworkKind.values:
            raise ValidationError(_("Unknown network."))
        if importance not in SCORE or quality not in SCORE:
            raise ValidationError(_("Ratings must be between 1 and 5."))
    for kind, (importance, quality) in ratings.items():
        NetworkAudit.objects.update_or_create(
            owner=owner,
            kind=kind,
            defaults={"importance": importance, "quality": quality, "updated_at": timezone.now()},
        )


def snapshot_take(*, owner: Person, summary: dict[str, Any]) -> NetworkSnapshot:
    """Keep today's summary (one per day: a second snapshot on the same day replaces it)."""
    today = timezone.localdate()
    with transaction.atomic():
        NetworkSnapshot.objects.filter(owner=owner, taken_on=today).delete()
        return NetworkSnapshot.objects.create(owner=owner, taken_on=today, summary=summary)
