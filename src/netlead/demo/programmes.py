"""Demo programmes: a leader network of 12 leaders with six monthly meetings (roles rotating,
attendance, the agreement, the four-principles check with one meeting under k), a masterclass
cohort of 15 participants halfway through (lessons, start measurement, submissions with case
context, feedback), an ended cohort with its alumni group, and a mentoring programme with
three pairs. Everything goes through the services; only time stamps are moved back, so the
demo reads as a half year of use.

This module is the entry point (`load_programmes`); each part has its own module:
`programmes_leader_network`, `programmes_masterclass` and `programmes_mentoring`, and what they
share is in `programmes_common`."""

from __future__ import annotations

from django.db import transaction
from django.utils import translation

from netlead.accounts.models import User
from netlead.demo.programmes_common import LEADER_NETWORK, MASTERCLASS, MEMBER, MENTORING
from netlead.demo.programmes_leader_network import load_leader_network
from netlead.demo.programmes_masterclass import load_masterclass
from netlead.demo.programmes_mentoring import load_mentoring
from netlead.workspaces.models import Workspace

__all__ = ["LEADER_NETWORK", "MASTERCLASS", "MENTORING", "load_programmes"]


@transaction.atomic
def load_programmes(workspace: Workspace, users: dict[str, User]) -> None:
    """Load the demo programmes; each part is skipped when it is there already."""
    if workspace.persons.filter(name=MEMBER, user__isnull=False).first() is None:
        return
    with translation.override("nl"):
        load_leader_network(workspace, users)
        load_masterclass(workspace, users)
        load_mentoring(workspace, users)
