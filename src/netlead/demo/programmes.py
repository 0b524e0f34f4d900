"""Demo programmes: a leader network of 12 leaders with six monthly meetings (roles rotating,
attendance, the agreement, the four-principles check with one meeting under k), a masterclass
cohort of 15 participants halfway through (lessons, start measurement, submissions with case
context, feedback), an ended cohort with its alumni group, and a mentoring programme with
three pairs. Everything goes through the services; only time stamps are moved back, so the
demo reads as a half year of use.

This module is the entry point (`load_programmes`) and holds what the parts share; each part
has its own module: `programmes_leader_network`, `programmes_masterclass` and
`programmes_mentoring`."""

from __future__ import annotations

from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone, translation

from netlead.accounts.models import User
from netlead.workspaces.models import Layer, Person, Workspace
from netlead.workspaces.services import person_for_user, person_save

LEADER_EMAIL = "leader@example.org"
FACILITATOR_EMAIL = "facilitator@example.org"
MEMBER_EMAIL = "member@example.org"
MEMBER = "Sanne Bakker"

LEADER_NETWORK = "Leidersnetwerk sociaal domein Rivierenland"
MASTERCLASS = "Masterclass netwerkleiderschap"
MENTORING = "Mentorprogramma nieuwe leidinggevenden"


def moment_on(day: date, hour: int = 12, minute: int = 0) -> datetime:
    """A moment on `day`, never later than now (time stamps moved back stay in the past)."""
    return min(timezone.make_aware(datetime.combine(day, time(hour, minute))), timezone.now())


def facilitator_person(workspace: Workspace, user: User) -> Person:
    person = person_for_user(workspace=workspace, user=user)
    if not (person.job_title and person.layer):
        person.job_title = person.job_title or "Trainer netwerkleiderschap"
        person.layer = person.layer or Layer.TACTICAL
        person = person_save(person=person)
    return person


@transaction.atomic
def load_programmes(workspace: Workspace, users: dict[str, User]) -> None:
    """Load the demo programmes; each part is skipped when it is there already."""
    # Imported here: the parts import the names and helpers above from this module.
    from netlead.demo.programmes_leader_network import load_leader_network
    from netlead.demo.programmes_masterclass import load_masterclass
    from netlead.demo.programmes_mentoring import load_mentoring

    if workspace.persons.filter(name=MEMBER, user__isnull=False).first() is None:
        return
    with translation.override("nl"):
        load_leader_network(workspace, users)
        load_masterclass(workspace, users)
        load_mentoring(workspace, users)
