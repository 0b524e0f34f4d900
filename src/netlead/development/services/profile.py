"""A leader's choices about their own development data."""

from __future__ import annotations

from netlead.development.models import DevelopmentProfile
from netlead.workspaces.models import Person


def profile_for(owner: Person) -> DevelopmentProfile:
    """The leader's saved profile, made now if they have none (for writes; pages read
    `selectors.profile_of`, which makes nothing)."""
    profile, _created = DevelopmentProfile.objects.get_or_create(owner=owner)
    return profile


def profile_update(*, owner: Person, report_shared: bool, stale_after_days: int) -> None:
    profile = profile_for(owner)
    profile.report_shared = report_shared
    profile.stale_after_days = stale_after_days
    profile.full_clean()
    profile.save(update_fields=["report_shared", "stale_after_days"])
