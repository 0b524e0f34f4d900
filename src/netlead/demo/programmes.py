"""Demo programmes: a leader network of 12 leaders with six monthly meetings (roles rotating,
attendance, the agreement, the four-principles check with one meeting under k), a masterclass
cohort of 15 participants halfway through (lessons, start measurement, submissions with case
context, feedback), an ended cohort with its alumni group, and a mentoring programme with
three pairs. Everything goes through the services; only time stamps are moved back, so the
demo reads as a half year of use."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone, translation

from netlead.accounts.models import User
from netlead.development.models import SelfAssessment
from netlead.development.services import ScoreInput, assessment_save
from netlead.meetings.models import AgendaItemKind, AttendanceStatus, Meeting
from netlead.meetings.services import (
    agenda_item_add,
    attendance_record,
    meeting_plan_create,
    meeting_save,
)
from netlead.networks.models import Governance, Network, NetworkMember, NetworkRole, Scope
from netlead.networks.services import member_add
from netlead.programmes.models import (
    AgreementAcceptance,
    AlumniPost,
    Assignment,
    AssignmentKind,
    Cohort,
    Enrolment,
    EnrolmentRole,
    LeaderNetworkFocus,
    LeaderNetworkProfile,
    LeaderNetworkReach,
    LessonDone,
    MentoringMeeting,
    MentoringPair,
    PrinciplesCheckReceipt,
    PrinciplesCheckResponse,
    Programme,
    ProgrammeKind,
    Submission,
    SubmissionFeedback,
)
from netlead.programmes.services import alumni, cohorts, curricula, leader_networks, mentoring
from netlead.workspaces.models import Layer, Person, Workspace
from netlead.workspaces.services import person_save

LEADER_EMAIL = "leader@example.org"
FACILITATOR_EMAIL = "facilitator@example.org"
MEMBER_EMAIL = "member@example.org"
MEMBER = "Sanne Bakker"
CASE_NETWORK = "Samen Sterk voor Jeugd Rivierenland"  # the demo network of demo/networks.py

LEADER_NETWORK = "Leidersnetwerk sociaal domein Rivierenland"
MASTERCLASS = "Masterclass netwerkleiderschap"
MENTORING = "Mentorprogramma nieuwe leidinggevenden"

# -- The leader network -----------------------------------------------------------------------

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

# -- The masterclass --------------------------------------------------------------------------

# (name, the issue from their work, the parties involved, who is missing, a relation to
# strengthen, one small step). In order of diligence: the first hand in the most.
PARTICIPANTS = [
    (
        "Sanne Bakker",
        "Jongeren met meerdere problemen wachten maanden op specialistische hulp, terwijl "
        "school en wijkteam de zorgen al lang zien.",
        "de scholen, het wijkteam en Jeugdzorg",
        "de huisartsen",
        "de zorgcoördinatoren van de scholen",
        "Linda van het Baken een vast maandelijks overleg voorstellen",
    ),
    (
        "Ruben Mulder",
        "Gezinnen krijgen met vier aanbieders tegelijk te maken, omdat de gemeente jeugdhulp "
        "per aanbieder inkoopt.",
        "de gemeente, de aanbieders en de wijkteams",
        "de ouders zelf",
        "de inkopers van de gemeente",
        "met inkoop één casus doorlopen vanuit het gezin",
    ),
    (
        "Fatima El Amrani",
        "Zorgen over gezinnen in Noord komen bij vijf loketten binnen en worden niet bij "
        "elkaar gelegd.",
        "het wijkteam, de school, de wijkagent en de woonstichting",
        "de schuldhulpverlening",
        "de wijkagent van Noord",
        "de wijkagent uitnodigen voor ons teamoverleg",
    ),
    (
        "Mark de Graaf",
        "Na een verblijf in de crisisopvang valt de nazorg tussen jeugdzorg, school en "
        "wijkteam in.",
        "Jeugdzorg, de scholen en de wijkteams",
        "de schoolbesturen",
        "de rector van het Baken",
        "een gesprek plannen over de terugkeer naar school na een crisis",
    ),
    (
        "Tom Willems",
        "Ambulante hulpverleners en wijkteammedewerkers werken in dezelfde gezinnen zonder "
        "gezamenlijk plan.",
        "het ambulante team en de wijkteams",
        "de praktijkondersteuners jeugd",
        "het wijkteam Zuid",
        "een maandelijkse gezamenlijke casusbespreking starten",
    ),
    (
        "Linda van Leeuwen",
        "Het aantal thuiszitters stijgt en school, leerplicht en jeugdhulp wijzen naar elkaar.",
        "de school, leerplicht en de jeugdhulp",
        "de jongeren zelf",
        "leerplicht",
        "Kevin vragen om samen drie thuiszitters te bespreken",
    ),
    (
        "Femke de Haan",
        "De overstap naar het voortgezet onderwijs loopt stroef voor kinderen die extra "
        "ondersteuning nodig hebben.",
        "de basisscholen, het voortgezet onderwijs en het samenwerkingsverband",
        "de ouders",
        "de zorgcoördinator van het Baken",
        "een warme overdracht afspreken voor de kinderen van groep 8",
    ),
    (
        "Marloes Dijkstra",
        "Overlast door jongeren in Zuid wordt door politie, gemeente en sportclub elk apart "
        "aangepakt.",
        "de politie, de gemeente en de sportvereniging",
        "de buurtbewoners",
        "de buurtsportcoach",
        "met Lisa een avond in het buurthuis organiseren",
    ),
    (
        "Orhan Yildiz",
        "Bij crises buiten kantoortijd hebben politie, crisisdienst en wijkteam elk hun eigen "
        "route.",
        "de crisisdienst, de politie en de wijkteams",
        "de huisartsenpost",
        "de teamchef van de politie",
        "na elke nachtelijke crisis een korte evaluatie voorstellen",
    ),
    (
        "Ellen Bosman",
        "Gezinnen met een huurachterstand komen pas in beeld als de deurwaarder er al is.",
        "de woonstichting, het wijkteam en de gemeente",
        "de schuldhulpverlening",
        "het wijkteam Noord",
        "met Fatima een afspraak over vroegsignalering uitwerken",
    ),
    (
        "Ahmed Ouali",
        "Huisartsen verwijzen snel naar specialistische zorg, omdat ze de lichte hulp in de "
        "wijk niet kennen.",
        "de huisartsen, het wijkteam en Jeugdzorg",
        "de jongerenwerkers",
        "de huisartsen in Zuid",
        "een sociale kaart van één pagina maken voor de praktijken",
    ),
    (
        "Sophie Visser",
        "Jonge kinderen met ontwikkelingsvragen komen laat in beeld bij school en "
        "jeugdgezondheidszorg.",
        "de school, de jeugdgezondheidszorg en de kinderopvang",
        "de kinderopvang",
        "de jeugdverpleegkundige",
        "de jeugdverpleegkundige uitnodigen voor het zorgoverleg van de school",
    ),
    (
        "Kevin Bos",
        "Verzuimmeldingen komen bij leerplicht binnen als het eigenlijk al te laat is.",
        "de scholen, leerplicht en het wijkteam",
        "de ouders",
        "de mentoren van de onderbouw",
        "uitleg geven in de teamvergadering van het Baken",
    ),
    (
        "Daan Koster",
        "Leerlingen die zonder diploma stoppen vinden moeilijk een vervolg; school, gemeente en "
        "werkgevers kennen elkaar nauwelijks.",
        "de school, de gemeente en werkgevers",
        "de werkgevers in de regio",
        "het werkgeversservicepunt",
        "één werkgever uitnodigen voor een gesprek op school",
    ),
    (
        "Nadia Amrani",
        "Trainers zien als eersten dat het thuis niet goed gaat, maar weten niet bij wie ze "
        "terechtkunnen.",
        "de sportvereniging, het wijkteam en de scholen",
        "de trainers zelf",
        "het wijkteam",
        "een contactpersoon van het wijkteam vragen voor de trainersavond",
    ),
]
MEASURED = 12  # the first 12 took the start measurement

# Per (module, assignment number): how many participants handed in, and how many saved
# anything (the rest of those a draft). Halfway: modules 1 to 3.
# The skills measurement (module 1, assignment 1) is taken as a self-assessment, not written.
HANDED_IN = {(1, 2): (14, 14), (2, 1): (12, 12), (2, 2): (11, 11)}
HANDED_IN |= {(3, 1): (8, 10), (3, 2): (6, 7)}
# Per module: how many participants marked its lessons done.
LESSONS_DONE = {1: 14, 2: 13, 3: 10, 4: 2}
# Days after the start when the work of a module was handed in (from, to).
MODULE_DAYS = {1: (8, 22), 2: (38, 52), 3: (68, 84)}
SESSION_DAYS = [7, 35, 63, 98, 126, 161]  # after the start of a cohort of 182 days

STRENGTHS = [
    "mensen uit verschillende organisaties met elkaar verbinden",
    "het gezamenlijke belang in beeld houden",
    "vertrouwen opbouwen met partners",
    "luisteren naar wat er onder een standpunt zit",
    "beginnen zonder dat alles vastligt",
    "resultaten zichtbaar maken",
    "rust bewaren als het schuurt",
]
TO_DEVELOP = [
    "doorvragen als iemand het oneens is",
    "bestuurders op tijd meenemen",
    "anderen de ruimte geven om het voortouw te nemen",
    "mijn strategische netwerk buiten de eigen organisatie",
    "omgaan met belangen die echt botsen",
    "nee zeggen tegen nieuwe verzoeken",
]
GOVERNANCE = [
    "gedeelde sturing: de partners beslissen samen in het kernteam",
    "sturing door een leidende organisatie, de gemeente, die ook het geld beheert",
    "gedeelde sturing op papier, maar in de praktijk trekt één organisatie alles",
]
OBSERVATIONS = [
    "Op strategisch niveau zijn de afspraken helder, maar op de werkvloer weet bijna niemand "
    "ervan.",
    "De logica van de hiërarchie wint steeds: partners wachten op een akkoord van hun eigen "
    "leiding.",
    "De inkoop werkt als een markt en dat botst met de wens om samen te werken.",
    "Het vraagstuk wordt geframed in de taal van de gemeente; de scholen herkennen zich er "
    "niet in.",
]
PROPOSALS = [
    "één regiehouder per gezin aanwijzen",
    "elk kwartaal een bestuurlijk overleg over wat het netwerk oplevert",
    "de uitvoerders zelf laten meepraten over de werkafspraken",
    "een gezamenlijk overzicht van wachttijden",
    "een vaste contactpersoon per organisatie",
    "de casus van één gezin gebruiken om de afspraken te toetsen",
]
TURNS = [
    "toen een gezin zelf vertelde wat het van de samenwerking merkte",
    "toen de wethouder het budget aan de gezamenlijke aanpak koppelde",
    "toen een partner openlijk zei dat de afspraken voor hem niet werkten",
    "na een incident dat iedereen raakte",
    "toen de uitvoerders een eigen voorstel deden",
]
# Feedback of the facilitator and of peers, per kind of assignment
FACILITATOR_FEEDBACK: dict[str, list[str]] = {
    AssignmentKind.CASE_ANALYSIS: [
        "Sterke analyse, {first}. Je laat goed zien waar hiërarchie en netwerk botsen. Maak je "
        "voorstellen nog concreter: wie doet wat, en wanneer?",
        "Mooi dat je met de coördinator en de partners hebt gesproken. Ik mis nog de rol van "
        "{missing}: wat betekent hun afwezigheid voor de sturing?",
        "Helder geschreven, {first}. Verbind de dynamiek die je beschrijft met de cijfers uit "
        "de diagnose: zie je dezelfde zwakke plekken terug?",
    ],
    AssignmentKind.REFLECTION: [
        "Eerlijke reflectie, {first}. Welke kleine stap zet je vóór de volgende bijeenkomst?",
        "Mooi concreet, {first}. Breng dit ook in je intervisiegroep in: wat herkennen de "
        "anderen erin?",
    ],
}
PEER_FEEDBACK: dict[str, list[str]] = {
    AssignmentKind.CASE_ANALYSIS: [
        "Herkenbaar, {first}! Bij ons speelt hetzelfde. Wat als je de bestuurders eerst apart "
        "spreekt?",
        "Je analyse is scherp. Misschien kun je één voorstel kiezen en dat eerst uitproberen.",
        "Goed gezien. Ervaren de uitvoerders het ook zo? Heb je het ze gevraagd?",
    ],
    AssignmentKind.REFLECTION: [
        "Dank voor je openheid, {first}. Dat helpt mij om naar mijn eigen netwerk te kijken.",
        "Herkenbaar hoe je het beschrijft. Wat zouden {missing} ervan zeggen, denk je?",
    ],
}

# The ended cohort and its alumni group
ALUMNI = ["Anouk de Vries", "Hans Verbeek", "Ingrid Vos", "Esther Groen", "Jan-Willem Kuiper"]
# (author, title, body, [(author, body, days after the topic)], days after the cohort ended)
TOPICS = [
    (
        "Anouk de Vries",
        "Bestuurders meekrijgen",
        "Een jaar na de masterclass merk ik dat ik de bestuurders nog steeds te laat meeneem. "
        "Hoe doen jullie dat? Ik probeer nu elk kwartaal een kort netwerkbericht voor ze.",
        [
            (
                "Esther Groen",
                "Bij de politie werkt een vast moment in het teamchefoverleg goed: vijf "
                "minuten, één resultaat, één vraag.",
                1,
            ),
            (
                "Pieter Jansen",
                "Mooi voorbeeld van de verantwoording uit module 4. Neem ook het verhaal van "
                "één gezin mee: dat onthouden bestuurders beter dan cijfers.",
                2,
            ),
            (
                "Hans Verbeek",
                "Als bestuurder: stuur me liever één pagina vooraf dan een presentatie in het "
                "overleg.",
                5,
            ),
        ],
        40,
    ),
    (
        "Ingrid Vos",
        "Terugkomdag in het voorjaar?",
        "Zullen we in het voorjaar een terugkomdag houden met de hele groep? Ik kan een zaal "
        "regelen bij Jeugdzorg Rivierenland.",
        [
            ("Jan-Willem Kuiper", "Graag! Liefst niet in de toetsweek halverwege april.", 1),
            (
                "Anouk de Vries",
                "Goed idee. Laten we allemaal een casus meenemen waar we nu mee worstelen.",
                3,
            ),
        ],
        220,
    ),
]

# -- Mentoring --------------------------------------------------------------------------------

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


def _moment(day: date, hour: int = 12, minute: int = 0) -> datetime:
    """A moment on `day`, never later than now (time stamps moved back stay in the past)."""
    return min(timezone.make_aware(datetime.combine(day, time(hour, minute))), timezone.now())


def _first(name: str) -> str:
    return name.split(" ")[0]


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


# -- The leader network -----------------------------------------------------------------------


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


def _leader_network(workspace: Workspace, users: dict[str, User]) -> None:
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
        acceptance.accepted_at = _moment(started + timedelta(days=2 + index % 9), 9 + index % 8)
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
        chair, case_owner = leader_networks.next_rotation(network)
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
        closed = leader_networks.check_closes_at(meeting) < now
        answering = [m for m in present if closed or m.pk != member.pk]
        rng.shuffle(answering)
        count = PRINCIPLE_ANSWERS[min(index, len(PRINCIPLE_ANSWERS) - 1)]
        means = PRINCIPLE_MEANS[min(index, len(PRINCIPLE_MEANS) - 1)]
        _principles_check(meeting, answering[:count], means, closed)


# -- The masterclass --------------------------------------------------------------------------


def _facilitator_person(workspace: Workspace, user: User) -> Person:
    person = workspace.persons.filter(user=user).first()
    if person is None:
        person = workspace.persons.filter(email__iexact=user.email).first() or Person(
            workspace=workspace, name=user.get_full_name(), email=user.email
        )
        person.user = user
        person.job_title = person.job_title or "Trainer netwerkleiderschap"
        person.layer = person.layer or Layer.TACTICAL
        person = person_save(person=person)
    return person


def _case_network(person: Person) -> Network | None:
    networks = cohorts.networks_for_case(person)
    return next((n for n in networks if n.name == CASE_NETWORK), None) or next(iter(networks), None)


def _text(
    module: int,
    kind: str,
    participant: tuple[str, ...],
    network: Network | None,
    rng: random.Random,
) -> str:
    _name, issue, parties, missing, relation, step = participant
    subject = f"het {network.name}" if network else "het samenwerkingsproject waar ik in zit"
    if kind == AssignmentKind.CASE_ANALYSIS and module <= 2:
        proposals = rng.sample(PROPOSALS, 3)
        return (
            f"Ik heb {subject} geanalyseerd en sprak daarvoor met de coördinator en twee "
            f"partners.\n\nDe sturingsvorm is {rng.choice(GOVERNANCE)}. "
            f"{rng.choice(OBSERVATIONS)} Wie ontbreekt: {missing}.\n\n"
            f"Mijn voorstellen: 1) {proposals[0]}; 2) {proposals[1]}; 3) {proposals[2]}."
        )
    if kind == AssignmentKind.CASE_ANALYSIS:
        turns = rng.sample(TURNS, 2)
        return (
            f"Ik ga verder met {subject}. De doelen van {parties} liggen dichter bij elkaar dan "
            f"ik dacht, maar het vertrouwen in elkaars betrouwbaarheid is dun.\n\n"
            f"Het spel kantelde twee keer: {turns[0]}, en {turns[1]}.\n\n"
            f"Voorstel: {rng.choice(PROPOSALS)}, en {missing} vroeg betrekken, zodat er ruimte "
            "komt om samen iets nieuws te proberen."
        )
    if module == 1:
        return (
            f"{issue}\n\nDe gezamenlijke noodzaak is er: {parties} lopen er elk tegenaan en "
            "niemand kan het alleen oplossen. Een alternatief is betere doorverwijzing binnen "
            "de bestaande lijnen, maar dat hebben we geprobeerd en het houdt geen stand.\n\n"
            "Mijn keuze: aansluiten bij het netwerk dat er al is in plaats van iets nieuws te "
            "beginnen."
        )
    if module == 2:
        return (
            f"Aan tafel zitten {parties}. Op de hoogte gehouden worden de bestuurders. "
            f"Wie ontbreekt: {missing}. Dat merk je in de resultaten: afspraken landen niet "
            "waar het ertoe doet.\n\n"
            f"Ik zou {missing} uitnodigen voor één bijeenkomst met een concrete vraag, en daarna "
            "vragen wat zij nodig hebben om aan te sluiten."
        )
    return (
        f"Het vertrouwen in de bedoelingen van {relation} is groot, in hun bekwaamheid ook, "
        "maar de betrouwbaarheid heeft schade opgelopen na een paar gemiste afspraken.\n\n"
        f"Eén relatie die ik wil versterken: die met {relation}. Mijn kleine stap deze maand: "
        f"{step}."
    )


def _measurement(enrolment: Enrolment, moment: datetime, rng: random.Random) -> None:
    assessment = cohorts.measurement_start(enrolment=enrolment, which=cohorts.START)
    offset = rng.choice((-0.5, 0, 0, 0.5))
    strong, develop = rng.choice(STRENGTHS), rng.choice(TO_DEVELOP)
    answers = {}
    for row in assessment.scores.select_related("competence").order_by("competence__number"):
        base = 2.6 + 0.2 * (row.competence.number % 4) + offset
        score = max(1, min(5, round(base + rng.choice((-1, 0, 0, 0, 1)))))
        # A reflection on two competences, as the assignment asks (strong and to develop)
        reflection = {1: f"Sterk punt: {strong}.", 4: f"Wil ik ontwikkelen: {develop}."}
        answers[row.competence_id] = ScoreInput(
            score=score, reflection_1=reflection.get(row.competence.number, "")
        )
    assessment_save(assessment=assessment, answers=answers, complete=True)
    SelfAssessment.objects.filter(pk=assessment.pk).update(
        started_at=moment - timedelta(minutes=35), completed_at=moment
    )


def _cohort(
    programme: Programme, facilitator: User, persons: dict[str, Person], rng: random.Random
) -> Cohort:
    today = timezone.localdate()
    starts_on = today - timedelta(days=91)
    cohort = cohorts.cohort_create(
        programme=programme,
        creator=facilitator,
        name=f"Lichting {starts_on.year}",
        starts_on=starts_on,
        ends_on=starts_on + timedelta(days=182),
    )
    cohorts.enrol(
        cohort=cohort,
        persons=[persons[p[0]] for p in PARTICIPANTS],
        role=EnrolmentRole.PARTICIPANT,
    )
    cohorts.peer_groups_assign(cohort=cohort, size=3, seed=2026)
    enrolled = _moment(starts_on - timedelta(days=14))
    cohort.enrolments.update(enrolled_at=enrolled)
    cohort.network.members.update(joined_on=starts_on - timedelta(days=14))
    rows = cohort.enrolments.select_related("person", "cohort__programme")
    enrolments = {e.person.name: e for e in rows.filter(role=EnrolmentRole.PARTICIPANT)}
    facilitator_enrolment = rows.get(role=EnrolmentRole.FACILITATOR)

    # Sessions: one per module; three held (with attendance), three to come.
    modules = list(programme.modules.order_by("number"))
    now = timezone.now()
    members = list(cohort.network.members.current())
    for number, days in enumerate(SESSION_DAYS, start=1):
        day = starts_on + timedelta(days=days)
        module = modules[number - 1] if number <= len(modules) else None
        meeting = meeting_save(
            network=cohort.network,
            title=f"Bijeenkomst {number}: {module.title}" if module else f"Bijeenkomst {number}",
            starts_at=timezone.make_aware(datetime.combine(day, time(9, 30))),
            ends_at=timezone.make_aware(datetime.combine(day, time(16, 30))),
            location="Het Baken Lyceum, mediatheek",
        )
        if meeting.ends_at <= now:
            attendance_record(
                meeting=meeting,
                statuses={
                    m: AttendanceStatus.PRESENT if rng.random() < 0.9 else AttendanceStatus.EXCUSED
                    for m in members
                },
            )

    # Lessons of the first modules done (most of module 1 to 3, two already in module 4)
    for module in modules:
        count = LESSONS_DONE.get(module.number, 0)
        lessons = list(module.lessons.select_related("module").order_by("number"))
        for participant in PARTICIPANTS[:count]:
            for lesson in lessons:
                cohorts.lesson_mark(enrolment=enrolments[participant[0]], lesson=lesson, done=True)
    lessons_done = list(
        LessonDone.objects.filter(enrolment__cohort=cohort).select_related("lesson__module")
    )
    for row in lessons_done:
        first, last = MODULE_DAYS.get(row.lesson.module.number, (85, 88))
        row.done_at = _moment(starts_on + timedelta(days=rng.randint(first, last) - 3), 20)
    LessonDone.objects.bulk_update(lessons_done, ["done_at"])

    # The start measurement: taken by 12 in the first weeks, then closed.
    for participant in PARTICIPANTS[:MEASURED]:
        moment = _moment(starts_on + timedelta(days=rng.randint(1, 18)), rng.randint(8, 21))
        _measurement(enrolments[participant[0]], moment, rng)
    cohorts.start_measurement_close(cohort=cohort)
    Cohort.objects.filter(pk=cohort.pk).update(
        start_measurement_closed_at=_moment(starts_on + timedelta(days=21), 9)
    )

    # Work on the assignments of module 1 to 3, with the case context of their real network.
    assignments = list(
        Assignment.objects.filter(module__programme=programme, module__number__lte=3)
        .select_related("module")
        .order_by("module__number", "number")
    )
    saved_work: list[Submission] = []
    handed_in: list[Submission] = []
    for assignment in assignments:
        key = (assignment.module.number, assignment.number)
        handed, saved = HANDED_IN.get(key, (0, 0))
        first, last = MODULE_DAYS[assignment.module.number]
        for index, participant in enumerate(PARTICIPANTS[:saved]):
            enrolment = enrolments[participant[0]]
            network = _case_network(enrolment.person) if assignment.is_case_analysis else None
            submission = cohorts.submission_save(
                enrolment=enrolment,
                assignment=assignment,
                text=_text(assignment.module.number, assignment.kind, participant, network, rng),
                network=network,
                hand_in=index < handed,
            )
            if network is not None:
                with translation.override(programme.language):
                    cohorts.case_context_pull(submission=submission)
            moment = _moment(starts_on + timedelta(days=rng.randint(first, last)), 21)
            submission.updated_at = moment
            submission.submitted_at = moment if submission.is_submitted else None
            if submission.case_context:
                submission.case_context["pulled_on"] = moment.date().isoformat()
            saved_work.append(submission)
            if submission.is_submitted:
                handed_in.append(submission)
    Submission.objects.bulk_update(saved_work, ["updated_at", "submitted_at", "case_context"])

    # Feedback: the facilitator on the case analyses and on some reflections; peers within
    # their peer group, each on the next one's work.
    for index, submission in enumerate(handed_in):
        participant = next(p for p in PARTICIPANTS if p[0] == submission.enrolment.person.name)
        values = {"first": _first(participant[0]), "missing": participant[3]}
        kind = submission.assignment.kind
        if kind == AssignmentKind.CASE_ANALYSIS or index % 4 == 0:
            texts = FACILITATOR_FEEDBACK[kind]
            cohorts.feedback_give(
                submission=submission,
                author=facilitator_enrolment,
                text=texts[index % len(texts)].format(**values),
            )
        if kind not in PEER_FEEDBACK or index % 3 == 2:
            continue
        group = sorted(
            (e for e in enrolments.values() if e.peer_group == submission.enrolment.peer_group),
            key=lambda e: e.pk,
        )
        position = next(i for i, e in enumerate(group) if e.pk == submission.enrolment_id)
        texts = PEER_FEEDBACK[kind]
        cohorts.feedback_give(
            submission=submission,
            author=group[(position + 1) % len(group)],
            text=texts[index % len(texts)].format(**values),
        )
    given = list(
        SubmissionFeedback.objects.filter(submission__enrolment__cohort=cohort).select_related(
            "submission"
        )
    )
    for given_row in given:
        submitted = given_row.submission.submitted_at or now
        given_row.created_at = min(submitted + timedelta(days=rng.randint(2, 8)), now)
    SubmissionFeedback.objects.bulk_update(given, ["created_at"])
    return cohort


def _ended_cohort(programme: Programme, facilitator: User, persons: dict[str, Person]) -> None:
    """Last year's cohort: ended, with two topics and replies in its alumni group."""
    today = timezone.localdate()
    starts_on = today - timedelta(days=455)
    ends_on = starts_on + timedelta(days=182)
    cohort = cohorts.cohort_create(
        programme=programme,
        creator=facilitator,
        name=f"Lichting {starts_on.year}",
        starts_on=starts_on,
        ends_on=ends_on,
    )
    cohorts.enrol(
        cohort=cohort, persons=[persons[n] for n in ALUMNI], role=EnrolmentRole.PARTICIPANT
    )
    cohorts.peer_groups_assign(cohort=cohort, size=2, seed=2025)
    cohorts.cohort_close(cohort=cohort)
    closed_at = _moment(ends_on, 17)
    Cohort.objects.filter(pk=cohort.pk).update(
        closed_at=closed_at, start_measurement_closed_at=_moment(starts_on + timedelta(days=21))
    )
    cohort.refresh_from_db()
    cohort.enrolments.update(enrolled_at=_moment(starts_on - timedelta(days=14)))
    cohort.network.members.update(joined_on=starts_on - timedelta(days=14))
    by_name = {e.person.name: e for e in cohort.enrolments.select_related("person")}
    for author, title, body, replies, days in TOPICS:
        topic = alumni.post_topic(cohort=cohort, author=by_name[author], title=title, body=body)
        posted = min(_moment(ends_on + timedelta(days=days), 10), timezone.now())
        AlumniPost.objects.filter(pk=topic.pk).update(created_at=posted)
        for reply_author, text, later in replies:
            reply = alumni.post_reply(topic=topic, author=by_name[reply_author], body=text)
            AlumniPost.objects.filter(pk=reply.pk).update(
                created_at=min(posted + timedelta(days=later, hours=2 + later), timezone.now())
            )


def _masterclass(workspace: Workspace, users: dict[str, User]) -> None:
    if workspace.programmes.filter(title=MASTERCLASS).exists():
        return
    rng = random.Random(2026)  # noqa: S311 (demo data)
    facilitator = users[FACILITATOR_EMAIL]
    _facilitator_person(workspace, facilitator)
    programme = curricula.programme_create(
        workspace=workspace,
        creator=facilitator,
        programme=Programme(kind=ProgrammeKind.MASTERCLASS, title=MASTERCLASS, language="nl"),
        from_default=True,
    )
    Programme.objects.filter(pk=programme.pk).update(
        created_at=_moment(timezone.localdate() - timedelta(days=480))
    )
    persons = {p.name: p for p in workspace.persons.all()}
    _ended_cohort(programme, facilitator, persons)
    _cohort(programme, facilitator, persons, rng)


# -- Mentoring --------------------------------------------------------------------------------


def _mentoring(workspace: Workspace, users: dict[str, User]) -> None:
    """Three pairs among the demo users (a pair needs two people who can log in): one
    running with goals and two meetings, one just accepted, one waiting for the mentee. The
    facilitator proposed the first; Anouk, the owner, asked for the other two."""
    if workspace.programmes.filter(title=MENTORING).exists():
        return
    facilitator = users[FACILITATOR_EMAIL]
    leader = workspace.persons.get(user=users[LEADER_EMAIL])
    member = workspace.persons.get(user=users[MEMBER_EMAIL])
    coach = _facilitator_person(workspace, facilitator)
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
        MentoringMeeting.objects.filter(pk=meeting.pk).update(created_at=_moment(held_on, 18))
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


@transaction.atomic
def load_programmes(workspace: Workspace, users: dict[str, User]) -> None:
    """Load the demo programmes; each part is skipped when it is there already."""
    if workspace.persons.filter(name=MEMBER, user__isnull=False).first() is None:
        return
    with translation.override("nl"):
        _leader_network(workspace, users)
        _masterclass(workspace, users)
        _mentoring(workspace, users)
