"""What the parts of the demo programmes share: the demo's logins and names, and two helpers.
Its own module so `netlead.demo.programmes` can import the parts, which import this."""

from __future__ import annotations

from datetime import date, datetime, time

from django.utils import timezone

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
