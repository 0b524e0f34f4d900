"""The demo mentoring programme: three pairs among the demo users. Part of
`netlead.demo.programmes.load_programmes`."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from netlead.accounts.models import User
from netlead.demo.programmes_common import (
    FACILITATOR_EMAIL,
    LEADER_EMAIL,
    MEMBER_EMAIL,
    MENTORING,
    facilitator_person,
    moment_on,
)
from netlead.programmes.models import MentoringMeeting, MentoringPair, Programme, ProgrammeKind
from netlead.programmes.services import curricula, mentoring
from netlead.workspaces.models import Workspace

PAIR_GOALS = (
    "Mijn rol als teamleider vinden naast mijn vak als gedragswetenschapper.\n"
    "Leren onderhandelen met partners over wie ik geen zeggenschap heb.\n"
    "Een vast ritme vinden voor overleg met mijn team en met het netwerk."
)
# (days ago, topic, notes)
PAIR_MEETINGS = [
    (
        49,
        "Kennismaking en doelen",
        "We bespraken wat Sanne wil leren. Anouk vertelde over haar eerste jaar als "
        "netwerkregisseur. Afspraak: Sanne houdt een logboek bij van lastige gesprekken.",
    ),
    (
        20,
        "Een lastig gesprek met een school",
        "Sanne bracht een gesprek in met een school die zich niet gehoord voelde. We oefenden "
        "met doorvragen in plaats van verdedigen. Volgende keer: delegeren.",
    ),
]


def load_mentoring(workspace: Workspace, users: dict[str, User]) -> None:
    """Three pairs among the demo users (a pair needs two people who can log in): one
    running with goals and two meetings, one just accepted, one waiting for the mentee. The
    facilitator proposed the first; Anouk, the owner, asked for the other two."""
    if workspace.programmes.filter(title=MENTORING).exists():
        return
    facilitator = users[FACILITATOR_EMAIL]
    leader = workspace.persons.get(user=users[LEADER_EMAIL])
    member = workspace.persons.get(user=users[MEMBER_EMAIL])
    coach = facilitator_person(workspace, facilitator)
    programme = curricula.programme_create(
        workspace=workspace,
        creator=facilitator,
        programme=Programme(
            kind=ProgrammeKind.MENTORING,
            title=MENTORING,
            language="nl",
            description=(
                "Ervaren leidinggevenden uit het netwerk begeleiden collega's die net leiding "
                "geven: een half jaar, met eigen doelen en zo'n zes gesprekken."
            ),
        ),
        from_default=False,
    )
    now = timezone.now()
    running = mentoring.pair_propose(
        notify=False,
        programme=programme,
        mentor=leader,
        mentee=member,
        note=(
            "Sanne is net teamleider geworden en wil leren leidinggeven over de grenzen van "
            "organisaties heen; Anouk maakte die overstap zelf."
        ),
        proposed_by=facilitator,
    )
    mentoring.pair_respond(pair=running, person=leader, accept=True)
    mentoring.pair_respond(pair=running, person=member, accept=True)
    mentoring.pair_goals_save(pair=running, goals=PAIR_GOALS)
    for days_ago, topic, notes in PAIR_MEETINGS:
        held_on = timezone.localdate() - timedelta(days=days_ago)
        meeting = mentoring.pair_meeting_add(
            pair=running, held_on=held_on, topic=topic, notes=notes
        )
        MentoringMeeting.objects.filter(pk=meeting.pk).update(created_at=moment_on(held_on, 18))
    MentoringPair.objects.filter(pk=running.pk).update(
        proposed_at=now - timedelta(days=62),
        mentor_accepted_at=now - timedelta(days=61),
        mentee_accepted_at=now - timedelta(days=59),
    )

    accepted = mentoring.pair_propose(
        notify=False,
        programme=programme,
        mentor=coach,
        mentee=leader,
        note=(
            "Anouk wil haar strategische netwerk buiten de gemeente versterken; Pieter "
            "begeleidde als trainer veel netwerkleiders."
        ),
        proposed_by=users[LEADER_EMAIL],
    )
    mentoring.pair_respond(pair=accepted, person=coach, accept=True)
    mentoring.pair_respond(pair=accepted, person=leader, accept=True)
    MentoringPair.objects.filter(pk=accepted.pk).update(
        proposed_at=now - timedelta(days=6),
        mentor_accepted_at=now - timedelta(days=5),
        mentee_accepted_at=now - timedelta(days=1),
    )

    waiting = mentoring.pair_propose(
        notify=False,
        programme=programme,
        mentor=coach,
        mentee=member,
        note=(
            "Naast het mentoraat met Anouk: Pieter helpt Sanne intervisie op te zetten in haar "
            "nieuwe team."
        ),
        proposed_by=users[LEADER_EMAIL],
    )
    mentoring.pair_respond(pair=waiting, person=coach, accept=True)
    MentoringPair.objects.filter(pk=waiting.pk).update(
        proposed_at=now - timedelta(days=3), mentor_accepted_at=now - timedelta(days=2)
    )
