"""The demo masterclass: a cohort of 15 participants halfway through (lessons, start
measurement, submissions with case context, feedback) and last year's ended cohort with its
alumni group. Part of `netlead.demo.programmes.load_programmes`."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from django.utils import timezone, translation

from netlead.accounts.models import User
from netlead.demo.programmes_common import (
    FACILITATOR_EMAIL,
    MASTERCLASS,
    facilitator_person,
    moment_on,
)
from netlead.development.models import SelfAssessment
from netlead.development.services import ScoreInput, assessment_save
from netlead.meetings.models import AttendanceStatus
from netlead.meetings.services import attendance_record, meeting_save
from netlead.networks.models import Network
from netlead.programmes.models import (
    AlumniPost,
    Assignment,
    AssignmentKind,
    Cohort,
    Enrolment,
    EnrolmentRole,
    LessonDone,
    Programme,
    ProgrammeKind,
    Submission,
    SubmissionFeedback,
)
from netlead.programmes.selectors.cohorts import networks_for_case
from netlead.programmes.services import alumni, cohorts, curricula
from netlead.workspaces.models import Person, Workspace

CASE_NETWORK = "Samen Sterk voor Jeugd Rivierenland"  # the demo network of demo/networks.py


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


def _first(name: str) -> str:
    return name.split(" ")[0]


def _case_network(person: Person) -> Network | None:
    networks = networks_for_case(person)
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
    cohorts.peer_groups_assign(cohort=cohort, size=3, seed=2026, only_with_login=False)
    enrolled = moment_on(starts_on - timedelta(days=14))
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
        row.done_at = moment_on(starts_on + timedelta(days=rng.randint(first, last) - 3), 20)
    LessonDone.objects.bulk_update(lessons_done, ["done_at"])

    # The start measurement: taken by 12 in the first weeks, then closed.
    for participant in PARTICIPANTS[:MEASURED]:
        moment = moment_on(starts_on + timedelta(days=rng.randint(1, 18)), rng.randint(8, 21))
        _measurement(enrolments[participant[0]], moment, rng)
    cohorts.start_measurement_close(cohort=cohort)
    Cohort.objects.filter(pk=cohort.pk).update(
        start_measurement_closed_at=moment_on(starts_on + timedelta(days=21), 9)
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
            # The case context's labels are copied in the programme's language.
            with translation.override(programme.language):
                submission = cohorts.submission_save(
                    enrolment=enrolment,
                    assignment=assignment,
                    text=_text(
                        assignment.module.number, assignment.kind, participant, network, rng
                    ),
                    network=network,
                    hand_in=index < handed,
                    pull_case_context=network is not None,
                )
            moment = moment_on(starts_on + timedelta(days=rng.randint(first, last)), 21)
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
    cohorts.peer_groups_assign(cohort=cohort, size=2, seed=2025, only_with_login=False)
    cohorts.cohort_close(cohort=cohort)
    closed_at = moment_on(ends_on, 17)
    Cohort.objects.filter(pk=cohort.pk).update(
        closed_at=closed_at, start_measurement_closed_at=moment_on(starts_on + timedelta(days=21))
    )
    cohort.refresh_from_db()
    cohort.enrolments.update(enrolled_at=moment_on(starts_on - timedelta(days=14)))
    cohort.network.members.update(joined_on=starts_on - timedelta(days=14))
    by_name = {e.person.name: e for e in cohort.enrolments.select_related("person")}
    for author, title, body, replies, days in TOPICS:
        topic = alumni.post_topic(cohort=cohort, author=by_name[author], title=title, body=body)
        posted = min(moment_on(ends_on + timedelta(days=days), 10), timezone.now())
        AlumniPost.objects.filter(pk=topic.pk).update(created_at=posted)
        for reply_author, text, later in replies:
            reply = alumni.post_reply(topic=topic, author=by_name[reply_author], body=text)
            AlumniPost.objects.filter(pk=reply.pk).update(
                created_at=min(posted + timedelta(days=later, hours=2 + later), timezone.now())
            )


def load_masterclass(workspace: Workspace, users: dict[str, User]) -> None:
    """The masterclass from the default curriculum, with last year's ended cohort and this
    year's cohort halfway; skipped when it is there already."""
    if workspace.programmes.filter(title=MASTERCLASS).exists():
        return
    rng = random.Random(2026)  # noqa: S311 (demo data)
    facilitator = users[FACILITATOR_EMAIL]
    facilitator_person(workspace, facilitator)
    programme = curricula.programme_create(
        workspace=workspace,
        creator=facilitator,
        programme=Programme(kind=ProgrammeKind.MASTERCLASS, title=MASTERCLASS, language="nl"),
        from_default=True,
    )
    Programme.objects.filter(pk=programme.pk).update(
        created_at=moment_on(timezone.localdate() - timedelta(days=480))
    )
    persons = {p.name: p for p in workspace.persons.all()}
    _ended_cohort(programme, facilitator, persons)
    _cohort(programme, facilitator, persons, rng)
