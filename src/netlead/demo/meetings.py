"""The demo network's year of meetings: a monthly plan, agendas, approved minutes, decisions,
attendance with a realistic pattern, and actions (some done, some open, three overdue)."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from dateutil.rrule import MONTHLY, TU, rrule
from django.db import transaction
from django.utils import timezone

from netlead.meetings.models import (
    Action,
    ActionStatus,
    AgendaItem,
    AgendaItemKind,
    AgendaItemStatus,
    Attendance,
    AttendanceStatus,
    Decision,
    Minutes,
    MinutesApproval,
    MinutesStatus,
)
from netlead.meetings.services import meeting_plan_create
from netlead.networks.models import Network, NetworkRole
from netlead.workspaces.models import Layer

# (agenda theme, case consultation, decision item, decision text, minutes paragraph)
MONTHS = [
    (
        "Eén gezin, één plan: hoe staat het ervoor?",
        "Gezin met drie kinderen, vier hulpverleners en geen regie",
        "Werkafspraak regiehouder",
        "Bij meer dan twee betrokken organisaties wijzen we binnen twee weken één regiehouder aan.",
        "We bespraken waar het gezamenlijk plan vastloopt. De wijkteams en Jeugdzorg zien "
        "dezelfde knelpunten: niemand voelt zich eigenaar zodra er meer dan twee partijen "
        "betrokken zijn.",
    ),
    (
        "Wachttijden jeugdhulp in beeld",
        "Leerling van 14 die al drie maanden thuis zit",
        "Gezamenlijk wachtlijstoverzicht",
        "We maken één maandelijks overzicht van de wachttijden van alle partners.",
        "De cijfers verschillen per organisatie omdat we anders tellen. Ruben stelt een "
        "gezamenlijke definitie voor; de scholen leveren hun thuiszitters aan.",
    ),
    (
        "Samenwerking met de huisartsen",
        "Jongere met angstklachten die tussen huisarts en wijkteam heen en weer gaat",
        "POH-jeugd in het wijkteamoverleg",
        "De praktijkondersteuners jeugd schuiven voortaan eens per maand aan bij het wijkteamoverleg.",
        "De huisartsen willen sneller kunnen overleggen zonder formele verwijzing. Ahmed "
        "vertelde over de ervaringen in Noord; die zijn positief.",
    ),
    (
        "Terugblik op het eerste halfjaar",
        "Gezin dat na een huisuitzetting uit beeld raakte",
        "Signaleringsafspraak met de woonstichting",
        "De woonstichting meldt dreigende huisuitzettingen van gezinnen met kinderen bij het wijkteam.",
        "We keken terug op het eerste halfjaar: het vertrouwen tussen de partners is gegroeid, "
        "maar de bestuurders zijn nog weinig betrokken. Anouk plant een bestuurlijk overleg.",
    ),
    (
        "Jongeren zelf aan het woord",
        "Jongere die de sportclub verliet na een conflict",
        "Jongerenpanel",
        "We richten een jongerenpanel op dat twee keer per jaar meedenkt over ons plan.",
        "Twee jongeren vertelden wat zij merken van de samenwerking. Hun boodschap: één "
        "vast gezicht is belangrijker dan snelle hulp.",
    ),
    (
        "Privacy en het delen van informatie",
        "Melding van de wijkagent over een gezin met zorgen",
        "Werkwijze toestemming",
        "We vragen ouders bij de start één keer toestemming om informatie te delen binnen het netwerk.",
        "De privacyjurist van de gemeente lichtte toe wat wel en niet mag. Er bleken meer "
        "mogelijkheden dan gedacht, mits ouders toestemming geven.",
    ),
]

ROUND_TITLE = "Hier-en-nu-ronde: hoe zit iedereen erbij?"
INFORMATION_TITLE = "Mededelingen van de partners"

ACTIONS = [
    ("Definitie van 'wachttijd' voorstellen aan alle partners", True),
    ("Thuiszitters van het Baken aanleveren voor het overzicht", True),
    ("Bestuurlijk overleg met de bestuurders plannen", True),
    ("Evaluatie van de pilot POH-jeugd schrijven", True),
    ("Jongerenpanel werven via de buurtsportcoaches", True),
    ("Toestemmingsformulier laten toetsen door de privacyjurist", True),
    ("Casusoverleg woonstichting en wijkteam Zuid opzetten", True),
    ("Factsheet resultaten voor de gemeenteraad maken", False),
    ("Signaleringsafspraak vastleggen in het convenant", False),
    ("Scholing regiehouderschap organiseren voor de wijkteams", False),
    ("Wachtlijstoverzicht van het tweede kwartaal verspreiden", False),
    ("Contactpersonen per school bijwerken in de sociale kaart", False),
    ("Terugkoppeling aan de jongeren van het panel", False),
    ("Voorstel voor een gezamenlijk intakeformulier", False),
    ("Evaluatie van de hier-en-nu-ronde in het kernteam", False),
]


def _minutes_text(theme: str, case: str, paragraph: str, decision: str) -> str:
    return (
        f"Opening en hier-en-nu-ronde\nIedereen deelde kort hoe hij of zij erbij zit.\n\n"
        f"{theme}\n{paragraph}\n\n"
        f"Casusconsultatie: {case}\nDe inbrenger kreeg adviezen van drie organisaties; "
        f"zij gaat met het gezin en de school in gesprek.\n\n"
        f"Besluit\n{decision}\n\n"
        f"Rondvraag en sluiting\nGeen bijzonderheden."
    )


def _attendance_status(rng: random.Random, layer: str) -> str:
    roll = rng.random()
    if layer == Layer.STRATEGIC:
        # Board members come less: to the meetings that touch their mandate.
        return (
            AttendanceStatus.PRESENT
            if roll < 0.45
            else AttendanceStatus.EXCUSED
            if roll < 0.85
            else AttendanceStatus.ABSENT
        )
    return (
        AttendanceStatus.PRESENT
        if roll < 0.82
        else AttendanceStatus.EXCUSED
        if roll < 0.95
        else AttendanceStatus.ABSENT
    )


@transaction.atomic
def load_meetings(network: Network) -> None:
    """A year of monthly meetings for the demo network; does nothing if it has meetings."""
    if network.meetings.exists():
        return
    rng = random.Random(2026)  # noqa: S311 (demo data, not security)
    today = timezone.localdate()
    first_month = (today.replace(day=1) - timedelta(days=11 * 30)).replace(day=1)
    second_tuesday = next(iter(rrule(MONTHLY, byweekday=TU(2), dtstart=first_month, count=1)))
    first_starts_at = timezone.make_aware(datetime.combine(second_tuesday.date(), time(15, 0)))
    created = meeting_plan_create(
        network=network,
        title="Netwerkoverleg Samen Sterk",
        rrule="FREQ=MONTHLY;BYDAY=2TU;COUNT=13",
        first_starts_at=first_starts_at,
        duration_minutes=120,
        location="Stadhuis Rivierstad, zaal De Waal",
    )
    members = list(network.members.current().select_related("person__user").order_by("pk"))
    leader = next(m for m in members if m.role == NetworkRole.LEADER)
    leader_user = leader.person.user
    doers = [m for m in members if m.is_contributor]
    proposers = [m for m in doers if not m.is_editor]
    results = list(network.results.all())
    now = timezone.now()
    past = [m for m in created.meetings if m.ends_at <= now]
    upcoming = [m for m in created.meetings if m.ends_at > now]

    items: list[AgendaItem] = []
    attendance: list[Attendance] = []
    for index, meeting in enumerate(past):
        theme, case, decision_title, decision_text, paragraph = MONTHS[index % len(MONTHS)]
        result = results[index % len(results)] if results else None
        proposer = proposers[index % len(proposers)] if proposers else leader
        items += [
            AgendaItem(
                meeting=meeting,
                kind=AgendaItemKind.HERE_AND_NOW,
                title=ROUND_TITLE,
                position=0,
                proposed_by=leader,
            ),
            AgendaItem(
                meeting=meeting,
                kind=AgendaItemKind.INFORMATION,
                title=INFORMATION_TITLE,
                position=1,
                proposed_by=leader,
            ),
            AgendaItem(
                meeting=meeting,
                kind=AgendaItemKind.THEME,
                title=theme,
                position=2,
                proposed_by=leader,
                result=result,
            ),
            AgendaItem(
                meeting=meeting,
                kind=AgendaItemKind.CASE,
                title=case,
                position=3,
                proposed_by=proposer,
            ),
            AgendaItem(
                meeting=meeting,
                kind=AgendaItemKind.DECISION,
                title=decision_title,
                position=4,
                proposed_by=leader,
                result=result,
            ),
        ]
        statuses = {m: _attendance_status(rng, m.person.layer) for m in members}
        attendance += [Attendance(meeting=meeting, member=m, status=s) for m, s in statuses.items()]
        minutes = Minutes.objects.create(
            meeting=meeting,
            text=_minutes_text(theme, case, paragraph, decision_text),
            status=MinutesStatus.APPROVED,
            written_by=leader_user,
            updated_at=meeting.ends_at + timedelta(days=1),
            approved_at=meeting.ends_at + timedelta(days=8),
        )
        MinutesApproval.objects.bulk_create(
            MinutesApproval(minutes=minutes, member=m, approved_at=minutes.approved_at)
            for m, s in statuses.items()
            if s == AttendanceStatus.PRESENT and m.is_contributor
        )
        decision = Decision.objects.create(meeting=meeting, text=decision_text)
        if result is not None:
            decision.results.add(result)
    if upcoming:
        next_meeting = upcoming[0]
        items += [
            AgendaItem(
                meeting=next_meeting,
                kind=AgendaItemKind.HERE_AND_NOW,
                title=ROUND_TITLE,
                position=0,
                proposed_by=leader,
            ),
            AgendaItem(
                meeting=next_meeting,
                kind=AgendaItemKind.THEME,
                title="Plan voor het komende jaar",
                position=1,
                proposed_by=leader,
            ),
        ]
        if proposers:
            items.append(
                AgendaItem(
                    meeting=next_meeting,
                    kind=AgendaItemKind.CASE,
                    title="Jongere met schulden die uit huis wil",
                    description="Ik zoek meedenkers van de woonstichting en het wijkteam.",
                    status=AgendaItemStatus.PROPOSED,
                    position=2,
                    proposed_by=proposers[0],
                )
            )
    AgendaItem.objects.bulk_create(items)
    Attendance.objects.bulk_create(attendance)

    # Actions: the older ones done, the recent ones open; three of the open ones overdue.
    # The demo users with an account each own some open actions, to fill "my actions".
    with_users = [m for m in doers if m.person.user_id]
    actions = []
    overdue_left = 3
    for index, (title, done) in enumerate(ACTIONS):
        meeting = past[min(index * len(past) // len(ACTIONS), len(past) - 1)] if past else None
        day = timezone.localdate(meeting.starts_at) if meeting else today
        owner = doers[index % len(doers)]
        if with_users and index in (7, 10, 11):
            owner = with_users[index % len(with_users)]
        if done:
            due_on = day + timedelta(days=28)
        elif overdue_left:
            overdue_left -= 1
            due_on = min(day + timedelta(days=21), today - timedelta(days=3 + 4 * overdue_left))
            due_on = max(due_on, day)
        else:
            due_on = max(today, day) + timedelta(days=14 + 7 * (index % 4))
        actions.append(
            Action(
                network=network,
                title=title,
                owner=owner,
                due_on=due_on,
                status=ActionStatus.DONE if done else ActionStatus.OPEN,
                done_at=timezone.make_aware(datetime.combine(due_on, time(12, 0)))
                - timedelta(days=2)
                if done
                else None,
                meeting=meeting,
                result=results[index % len(results)] if results and index % 2 == 0 else None,
                # Recorded by the leader during the meeting: the action is still the owner's.
                created_by=leader_user if index % 3 else owner.person.user or leader_user,
                created_at=meeting.ends_at if meeting else timezone.now(),
            )
        )
    Action.objects.bulk_create(actions)
