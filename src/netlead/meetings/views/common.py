"""Helpers shared by the meetings views."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from netlead.meetings.models import Meeting
from netlead.networks.access import NetworkAccess


def meeting_for(access: NetworkAccess, pk: int) -> Meeting:
    """A meeting of the accessed network; any other id is a 404."""
    return get_object_or_404(access.network.meetings.select_related("network", "plan"), pk=pk)
