"""A leader's choices about their own development data."""

from __future__ import annotations

from netlead.development.models import DevelopmentProfile
from netlead.workspaces.models import Person


def profile_of(owner: Person) -> DevelopmentProfile:
    """The leader's profile; an unsaved one with the defaults when they have made no choice
    yet (reading makes no row: `services.profile_update` saves it)."""
    return DevelopmentProfile.objects.filter(owner=owner).first() or DevelopmentProfile(owner=owner)
