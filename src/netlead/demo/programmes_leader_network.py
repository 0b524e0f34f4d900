"""The demo leader network: 12 leaders with six monthly meetings (roles rotating, attendance,
the agreement, the four-principles check with one meeting under k). Part of
`netlead.demo.programmes.load_programmes`."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, time, timedelta

from django.utils import timezone

from netlead.accounts.models import User
from netlead.core.unlinkable import rewrite_in_random_order
from netlead.demo.programmes_common import (
    LEADER_EMAIL,
    LEADER_NETWORK,
    MEMBER,
    MEMBER_EMAIL,
    moment_on,
)
from netlead.meetings.models import AgendaItemKind, AttendanceStatus, Meeting
from netlead.meetings.services import agenda_item_add, attendance_record, meeting_plan_create
from netlead.networks.models import Governance, Network, NetworkMember, NetworkRole, Scope
from netlead.networks.services import member_add
from netlead.programmes import rules
from netlead.programmes.models import (
    AgreementAcceptance,
    LeaderNetworkFocus,
    LeaderNetworkProfile,
    LeaderNetworkReach,
    PrinciplesCheckReceipt,
    PrinciplesCheckResponse,
)
from netlead.programmes.selectors.leader_networks import next_rotation
from netlead.programmes.services import leader_networks
from netlead.workspaces.models import Layer, Person, Workspace
from netlead.workspaces.services import person_save

# (name, organization, job title): leaders of the demo organizations, without accounts
NEW_LEADERS = [
    ("Karel Hoekstra", "Gemeente Rivierstad", "Teamleider Wmo"),
    ("Wendy Scholten", "Gemeente Rivierstad", "Teamleider wijkteam Zuid"),
    ("Miriam Bouwman", "Jeugdzorg Rivierenland", "Manager zorg regio Zuid"),
    ("Orhan Yildiz", "Jeugdzorg Rivierenland", "Teamleider crisisdienst"),
    ("Jan-Willem Kuiper", "Het Baken Lyceum", "Conrector onderbouw"),
    ("Femke de Haan", "Basisschool De Wilg", "Adjunct-directeur"),
    ("Robert Veenstra", "Huisartsencoöperatie Rivierenland", "Manager praktijkondersteuning"),
    ("Esther Groen", "Politie basisteam Rivierstad", "Teamleider wijkagenten"),
    ("Hanneke van Beek", "Woonstichting Thuis aan de Rivier", "Teamleider sociaal beheer"),
    ("Ronald Veltman", "Sportvereniging Vooruit", "Coördinator buurtsport"),
]
CO_DRIVER = "Miriam Bouwman"
NOT_ACCEPTED = ("Robert Veenstra", "Ronald Veltman")

PROFILE = {
    "mandate": (
        "De bestuurders van de deelnemende organisaties staan achter het netwerk: de "
        "bijeenkomsten tellen als werktijd en als ontwikkeltijd. Het netwerk besluit niets "
        "namens de organisaties, maar mag voorstellen doen aan het bestuurlijk overleg jeugd; "
        "dat reageert binnen twee maanden."
    ),
    "rules": (
        "We beginnen en eindigen op tijd, en wie niet kan, zegt uiterlijk twee dagen vooraf af.\n"
        "Wat hier gedeeld wordt, blijft hier; naar buiten gaat alleen wat we samen vrijgeven.\n"
        "Elke bijeenkomst begint met een rondje hier-en-nu.\n"
        "Voorzitter en casusinbrenger wisselen per bijeenkomst.\n"
        "Tijdens de casusconsultatie liggen telefoons en laptops weg."
    ),
    "values": "Vertrouwen\nNieuwsgierigheid\nGelijkwaardigheid\nEerlijke feedback",
    "goals": (
        "Elke deelnemer brengt binnen een jaar minstens één eigen casus in en laat zien wat hij "
        "of zij met de adviezen deed.\n"
        "Vóór de zomer leggen we het bestuurlijk overleg jeugd drie concrete voorstellen voor om "
        "de samenwerking tussen onze organisaties eenvoudiger te maken.\n"
        "De gemiddelde score op vrije ruimte in de check na de bijeenkomsten is aan het eind "
        "van het jaar 4 of hoger."
    ),
    "agreement": (
        "Wat we in dit netwerk vertellen over ons werk, onze organisaties, collega's en "
        "cliënten blijft binnen de groep. Buiten het netwerk noemen we geen namen en geen "
        "herkenbare situaties van anderen. Casussen brengen we zo in dat cliënten niet "
        "herkenbaar zijn. Wie iets uit een bijeenkomst met de eigen organisatie wil delen, "
        "vraagt eerst de inbrenger om toestemming. Deze afspraak blijft gelden als je het "
        "netwerk verlaat."
    ),
}

COMMITMENTS = [
    "Ik breng elk kwartaal een eigen vraagstuk in, ook als het nog rommelig is.",
    "Ik geef eerlijke feedback, ook als die ongemakkelijk is.",
    "Ik ben er elke bijeenkomst, tenzij er een crisis is.",
    "Ik deel wat ik leer met mijn managementteam, zonder namen.",
    "Ik stel eerst vragen voordat ik advies geef.",
    "Ik neem de voorzittersrol op als ik aan de beurt ben.",
    "Ik lees de casus vooraf, zodat ik voorbereid kom.",
    "Ik vertel de groep wat ik met hun adviezen heb gedaan.",
    "Ik help nieuwe deelnemers hun plek in de groep te vinden.",
    "Ik laat mijn telefoon in mijn tas tijdens de consultatie.",
]

# One case per meeting, in order: the last one is still to come.
CASES = [
    "Een reorganisatie aankondigen terwijl mijn team nog herstelt van de vorige",
    "Een wethouder die snel resultaat wil van een netwerk dat net begint",
    "Twee teamleiders die elkaar ontlopen sinds een incident",
    "Nee zeggen tegen mijn bestuurder zonder het vertrouwen te verliezen",
    "Een partner die steeds afspraken niet nakomt",
    "Mijn rol als leidinggevende na een ernstig incident in een gezin",
]
ROUND_TITLE = "Rondje hier-en-nu"
ROUND_TEXT = "Iedereen vertelt kort wat hem of haar nu bezighoudt, in het werk en daarbuiten."
FOLLOW_UP_TITLE = "Wat deed de vorige inbrenger met de adviezen?"

# The four-principles check after the held meetings: the mean aimed at per principle, and how
# many answered. The third meeting, just before the summer, has only 2 answers (under k).
PRINCIPLE_MEANS = [
    {"free_space": 2.8, "flexibility": 3.4, "commitment": 3.9, "feedback": 2.6},
    {"free_space": 3.2, "flexibility": 3.5, "commitment": 4.0, "feedback": 2.8},
    {"free_space": 3.5, "flexibility": 3.5, "commitment": 4.0, "feedback": 3.0},
    {"free_space": 3.8, "flexibility": 3.7, "commitment": 4.1, "feedback": 3.1},
    {"free_space": 4.1, "flexibility": 3.9, "commitment": 4.2, "feedback": 3.4},
]
PRINCIPLE_ANSWERS = [8, 9, 2, 10, 6]


def _email(name: str) -> str:
    return name.lower().replace(" ", ".") + "@example.org"


def _scores_around(mean: float, count: int, rng: random.Random) -> list[int]:
    """`count` whole scores from 1 to 5 whose mean is as close to `mean` as whole numbers
    allow, with some spread."""
    low = int(mean)
    high_count = round((mean - low) * count)
    scores = [low + 1] * high_count + [low] * (count - high_count)
    for i in range(0, count - 1, 3):  # spread: one up, one down, the mean stays
        if scores[i] < 5 and scores[i + 1] > 1:
            scores[i] += 1
            scores[i + 1] -= 1
    rng.shuffle(scores)
    return [max(1, min(5, s)) for s in scores]


def _new_leaders(workspace: Workspace) -> dict[str, Person]:
    organizations = {o.name: o for o in workspace.organizations.all()}
    persons = {}
    for name, organization, job_title in NEW_LEADERS:
        email = _email(name)
        person = workspace.persons.filter(email=email).first()
        if person is None:
            person = person_save(
                person=Person(
                    workspace=workspace,
                    name=name,
                    email=email,
                    organization=organizations.get(organization),
                    job_title=job_title,
                    layer=Layer.TACTICAL,
                )
            )
        persons[name] = person
    return persons


def _principles_check(
    meeting: Meeting, members: Sequence[NetworkMember], means: dict[str, float], closed: bool
) -> None:
    rng = random.Random(meeting.starts_at.toordinal())  # noqa: S311 (demo data)
    columns = {p: _scores_around(mean, len(members), rng) for p, mean in means.items()}
    for index, member in enumerate(members):
        scores = {p: values[index] for p, values in columns.items()}
        if not closed:
            leader_networks.principles_check_submit(meeting=meeting, member=member, scores=scores)
            continue
        # The service takes answers only while the check is open (a week after the meeting);
        # for the meetings held longer ago the same two rows are written as it would have.
        receipt = PrinciplesCheckReceipt(meeting=meeting, member=member)
        response = PrinciplesCheckResponse(meeting=meeting, **scores)
        receipt.full_clean()
        response.full_clean()
        receipt.save()
        response.save()
    if closed:  # as the service leaves them: not in the members' order
        rewrite_in_random_order(PrinciplesCheckResponse.objects.filter(meeting=meeting))


def load_leader_network(workspace: Workspace, users: dict[str, User]) -> None:
    """The leader network with its members, agreement, meetings and checks; skipped when it
    is there already."""
    if workspace.networks.filter(name=LEADER_NETWORK).exists():
        return
    rng = random.Random(12)  # noqa: S311 (demo data)
    today = timezone.localdate()
    # Five monthly meetings held, the last 3 to 6 days ago (so its check is still open), one
    # to come. Days after the 28th are not in every month.
    last_held = today - timedelta(days=3)
    last_held = last_held.replace(day=min(last_held.day, 28))
    year, month = divmod(last_held.month - 1 - 4, 12)
    first_day = last_held.replace(year=last_held.year + year, month=month + 1)
    started = first_day - timedelta(days=21)

    network = leader_networks.leader_network_create(
        workspace=workspace,
        creator=users[LEADER_EMAIL],
        network=Network(
            name=LEADER_NETWORK,
            purpose=(
                "Twaalf leidinggevenden uit gemeente, zorg, onderwijs, politie, wonen en sport "
                "helpen elkaar beter leiding te geven aan samenwerking rond jeugd en gezin. We "
                "brengen eigen vraagstukken in en leren van elkaars praktijk."
            ),
            scope=Scope.LOCAL,
            is_open=False,
            governance=Governance.SHARED,
            starts_on=started,
        ),
        profile=LeaderNetworkProfile(
            focus=LeaderNetworkFocus.INTERDISCIPLINARY,
            reach=LeaderNetworkReach.LOCAL,
            is_confidential=True,
            **PROFILE,
        ),
    )
    profile = network.leader_profile
    leader = network.members.get()
    new = _new_leaders(workspace)
    member_person = workspace.persons.get(name=MEMBER, user=users[MEMBER_EMAIL])
    for person in [*new.values(), member_person]:
        role = NetworkRole.CO_DRIVER if person.name == CO_DRIVER else NetworkRole.MEMBER
        member_add(network=network, person=person, role=role, joined_on=started)
    members = list(network.members.current().select_related("person").order_by("person__name"))
    member = next(m for m in members if m.person_id == member_person.pk)

    accepting = [m for m in members if m.person.name not in NOT_ACCEPTED]
    for index, m in enumerate(accepting):
        leader_networks.agreement_accept(
            profile=profile, member=m, commitment=COMMITMENTS[index % len(COMMITMENTS)]
        )
    acceptances = list(AgreementAcceptance.objects.filter(profile=profile))
    for index, acceptance in enumerate(acceptances):
        acceptance.accepted_at = moment_on(started + timedelta(days=2 + index % 9), 9 + index % 8)
    AgreementAcceptance.objects.bulk_update(acceptances, ["accepted_at"])

    plan = meeting_plan_create(
        network=network,
        title="Bijeenkomst leidersnetwerk",
        rrule="FREQ=MONTHLY;COUNT=6",
        first_starts_at=timezone.make_aware(datetime.combine(first_day, time(16, 0))),
        duration_minutes=150,
        location="Gemeentehuis Rivierstad, zaal De Linge",
    )
    now = timezone.now()
    previous: NetworkMember | None = None
    for index, meeting in enumerate(plan.meetings):
        chair, case_owner = next_rotation(network)
        leader_networks.meeting_roles_set(meeting=meeting, chair=chair, case_owner=case_owner)
        agenda_item_add(
            meeting=meeting,
            by=leader,
            kind=AgendaItemKind.HERE_AND_NOW,
            title=ROUND_TITLE,
            description=ROUND_TEXT,
        )
        if previous is not None:
            agenda_item_add(
                meeting=meeting,
                by=leader,
                kind=AgendaItemKind.INFORMATION,
                title=FOLLOW_UP_TITLE,
                description=f"{previous.person.name} vertelt kort wat de adviezen opleverden.",
            )
        if case_owner is not None:
            agenda_item_add(
                meeting=meeting,
                by=leader,
                kind=AgendaItemKind.CASE,
                title=f"Casusconsultatie: {CASES[index % len(CASES)]}",
                description=(
                    f"Inbreng van {case_owner.person.name}. "
                    f"{chair.person.name if chair else 'De voorzitter'} leidt de consultatie: "
                    "verhelderende vragen, reflecties van de groep, dan advies."
                ),
            )
        previous = case_owner
        if meeting.ends_at > now:
            continue
        statuses: dict[NetworkMember, str] = {}
        for m in members:
            roll = rng.random()
            statuses[m] = (
                AttendanceStatus.PRESENT
                if roll < 0.85 or m.pk == member.pk or m in (chair, case_owner)
                else AttendanceStatus.EXCUSED
                if roll < 0.96
                else AttendanceStatus.ABSENT
            )
        attendance_record(meeting=meeting, statuses=statuses)
        present = [m for m, s in statuses.items() if s == AttendanceStatus.PRESENT]
        # The demo member is left out of the check that is still open, to try it.
        closed = rules.check_closes_at(meeting) < now
        answering = [m for m in present if closed or m.pk != member.pk]
        rng.shuffle(answering)
        count = PRINCIPLE_ANSWERS[min(index, len(PRINCIPLE_ANSWERS) - 1)]
        means = PRINCIPLE_MEANS[min(index, len(PRINCIPLE_MEANS) - 1)]
        _principles_check(meeting, answering[:count], means, closed)
