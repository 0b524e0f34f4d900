"""Demo leader development for the demo leader (Anouk de Vries): two self-assessments a year
apart, feedback from 9 observers in 4 groups (the direct reports are under 3, so the merge
shows), a development plan, journal entries and a personal network of 30 contacts."""

from __future__ import annotations

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from netlead.core.tokens import hash_token, new_salt, response_key, token_for
from netlead.core.unlinkable import rewrite_in_random_order
from netlead.development import services
from netlead.development.models import (
    OBSERVER_LINK_PURPOSE,
    OBSERVER_RESPONSE_PURPOSE,
    CompetenceScore,
    Contact,
    DevelopmentGoal,
    FeedbackRequest,
    JournalEntry,
    NetworkSnapshot,
    ObserverInvitation,
    ObserverResponse,
    PlanAction,
    ProgressNote,
    SelfAssessment,
)
from netlead.meetings.models import Meeting
from netlead.workspaces.models import Person, Workspace

LEADER = "Anouk de Vries"

# Scores a year ago and now, per competence number (1-10).
SCORES_BEFORE = [3, 2, 3, 3, 2, 3, 2, 3, 2, 2]
SCORES_NOW = [4, 3, 4, 4, 3, 4, 3, 4, 3, 3]
# What observers see, on average, per competence: a hidden strength (7) and a blind spot (4).
OBSERVED = [4.0, 3.2, 3.8, 2.3, 3.2, 4.1, 4.3, 3.6, 3.0, 3.3]

REFLECTIONS = [
    "In het jeugdnetwerk heb ik dit jaar de huisartsen en de scholen voor het eerst samen aan tafel gekregen.",
    "Ik merk dat ik snel zelf de oplossing aandraag; partners nemen dan minder eigenaarschap.",
    "De check-in aan het begin van elk overleg helpt: mensen zeggen eerder wat ze echt denken.",
    "Ik vraag nog te weinig door als een partner het niet met me eens is.",
    "Met de pilot wijkteams zijn we gestart zonder alles dichtgetimmerd te hebben. Dat voelde spannend.",
]

# (group, a demo person); the manager agrees to be shown on their own
OBSERVERS = [
    ("manager", "Hans Verbeek"),
    ("peer", "Ruben Mulder"),
    ("peer", "Fatima El Amrani"),
    ("peer", "Linda van Leeuwen"),
    ("partner", "Mark de Graaf"),
    ("partner", "Tom Willems"),
    ("partner", "Sophie Visser"),
    ("report", "Joost van Dijk"),
    ("report", "Lotte Hendriks"),
]

STRENGTH_COMMENTS = [
    "Anouk brengt mensen bij elkaar die elkaar anders niet zouden opzoeken.",
    "Ze houdt het gezamenlijke belang steeds in beeld, ook als het schuurt.",
    "Je durft te beginnen zonder dat alles vastligt, dat geeft ruimte.",
    "Ze bouwt vertrouwen op, ook met partners die eerst sceptisch waren.",
]
DEVELOPMENT_COMMENTS = [
    "Meer doorvragen als iemand het oneens is, in plaats van snel naar een oplossing.",
    "Het zou helpen als je de bestuurders eerder meeneemt in wat het netwerk oplevert.",
    "Laat anderen vaker het voortouw nemen in het overleg.",
]

# (name, organization, internal, kind, level, function area, strength, days since contact)
CONTACTS = [
    ("Hans Verbeek", "", True, "operational", "above", "management", 4, 3),
    ("Ruben Mulder", "", True, "operational", "peer", "policy", 5, 2),
    ("Ruben de Graaf", "", True, "operational", "peer", "finance", 3, 10),
    ("Fatima El Amrani", "", True, "operational", "peer", "care", 4, 6),
    ("Joost van Dijk", "", True, "operational", "below", "delivery", 4, 1),
    ("Lotte Hendriks", "", True, "operational", "below", "delivery", 4, 1),
    ("Mark Willems", "", True, "operational", "below", "delivery", 3, 8),
    ("Eva Hendriks", "", True, "operational", "peer", "communication", 3, 20),
    ("Kevin Bos", "", True, "operational", "peer", "it", 2, 45),
    ("Mark de Graaf", "Jeugdzorg Rivierenland", False, "operational", "peer", "care", 4, 5),
    ("Sophie Visser", "Het Baken Lyceum", False, "operational", "peer", "care", 3, 14),
    (
        "Marloes Dijkstra",
        "Politie basisteam Rivierstad",
        False,
        "operational",
        "peer",
        "delivery",
        3,
        30,
    ),
    ("Tom Willems", "Jeugdzorg Rivierenland", False, "operational", "peer", "care", 4, 7),
    ("Tom Peters", "", True, "operational", "peer", "legal", 2, 60),
    ("Iris Koster", "", True, "operational", "peer", "hr", 3, 25),
    ("Marieke Smit (wethouder)", "", True, "strategic", "above", "politics", 3, 40),
    ("Gemeentesecretaris", "", True, "strategic", "above", "management", 2, 120),
    ("Directeur Sociaal Domein", "", True, "strategic", "above", "management", 3, 35),
    ("Programmamanager Zorg", "", True, "strategic", "peer", "policy", 3, 70),
    ("Ellen Vos", "", True, "strategic", "peer", "policy", 2, 150),
    ("Oud-collega Marieke", "Provincie Gelderland", False, "personal", "peer", "policy", 4, 100),
    ("Intervisiegroep Bart", "", True, "personal", "peer", "management", 4, 21),
    ("Coach Frank", "", True, "personal", "peer", "hr", 3, 50),
    ("Studiegenoot Koen", "", True, "personal", "peer", "research", 3, 200),
    ("Collega Sophie", "", True, "personal", "peer", "communication", 4, 12),
    ("Buurvrouw-bestuurder Ans", "", True, "personal", "above", "management", 2, 240),
    ("Teamleider Wijk Noord", "", True, "operational", "below", "delivery", 3, 9),
    ("Teamleider Wijk Zuid", "", True, "operational", "below", "delivery", 3, 16),
    ("Controller Bram", "", True, "operational", "peer", "finance", 2, 33),
    ("Beleidsadviseur Nina", "", True, "operational", "peer", "policy", 3, 11),
]


def _score_around(mean: float, rng: random.Random) -> int:
    return max(1, min(5, round(mean + rng.choice((-0.6, -0.3, 0, 0, 0.3, 0.6)))))


def _assessment(
    leader: Person, framework: object, scores: list[int], days_ago: int
) -> SelfAssessment:
    assessment = services.assessment_start(owner=leader, framework=framework)  # type: ignore[arg-type]
    moment = timezone.now() - timedelta(days=days_ago)
    SelfAssessment.objects.filter(pk=assessment.pk).update(started_at=moment, completed_at=moment)
    rows = list(assessment.scores.select_related("competence").order_by("competence__number"))
    for row, score in zip(rows, scores, strict=True):
        row.score = score
        number = row.competence.number
        if number <= len(REFLECTIONS):
            row.reflection_1 = REFLECTIONS[number - 1]
            row.reflection_2 = "Volgend half jaar wil ik hier bewuster op letten in het kernteam."
    CompetenceScore.objects.bulk_update(rows, ["score", "reflection_1", "reflection_2"])
    assessment.refresh_from_db()
    return assessment


def _feedback(leader: Person, assessment: SelfAssessment) -> None:
    rng = random.Random(7)  # noqa: S311 - demo data, not security
    keys = list(assessment.framework.competences.order_by("number").values_list("key", flat=True))
    request = FeedbackRequest.objects.create(
        owner=leader,
        assessment=assessment,
        title="Feedback op mijn netwerkleiderschap",
        message="Ik ben benieuwd hoe jullie mij zien in het jeugdnetwerk. Dank voor je tijd!",
        closes_on=timezone.localdate() - timedelta(days=3),
        closed_at=timezone.now() - timedelta(days=3),
        created_at=timezone.now() - timedelta(days=25),
    )
    persons = {
        p.name: p for p in leader.workspace.persons.filter(name__in=[n for _, n in OBSERVERS])
    }
    for index, (group, name) in enumerate(OBSERVERS):
        person = persons.get(name)
        email = person.email if person and person.email else f"observer{index}@example.org"
        salt = new_salt()
        token = token_for(salt, OBSERVER_LINK_PURPOSE)
        ObserverInvitation.objects.create(
            request=request,
            group=group,
            name=person.name if person else name,
            email=email,
            language="nl",
            salt=salt,
            token_hash=hash_token(token),
            sent_at=timezone.now() - timedelta(days=25),
            has_answered=True,
        )
        ObserverResponse.objects.create(
            request=request,
            response_key=response_key(token, OBSERVER_RESPONSE_PURPOSE),
            group=group,
            shown_alone=group == "manager",
            scores={key: _score_around(OBSERVED[i], rng) for i, key in enumerate(keys)},
            strengths=STRENGTH_COMMENTS[index] if index < len(STRENGTH_COMMENTS) else "",
            development=DEVELOPMENT_COMMENTS[index // 3] if index % 3 == 0 else "",
        )
    # As answering does: the rows no longer follow the observers' order.
    rewrite_in_random_order(request.responses.all())


def _plan_and_journal(leader: Person, assessment: SelfAssessment, contacts: list[Contact]) -> None:
    competences = {c.number: c for c in assessment.framework.competences.all()}
    today = timezone.localdate()
    by_name = {c.name: c for c in contacts}
    goal = DevelopmentGoal.objects.create(
        owner=leader,
        competence=competences[4],
        title="Doorvragen in plaats van invullen",
        why="Observatoren zien dat ik snel naar oplossingen ga; partners haken dan af.",
        support_needed="Een maatje in het kernteam dat me erop wijst; intervisie.",
        review_on=today + timedelta(days=60),
    )
    first = PlanAction.objects.create(
        goal=goal,
        title="In elk kernteamoverleg drie open vragen stellen",
        due_on=today + timedelta(days=30),
    )
    PlanAction.objects.create(
        goal=goal,
        title="Intervisie inbrengen: een gesprek dat schuurde",
        due_on=today - timedelta(days=5),
        done_on=today - timedelta(days=6),
    )
    ProgressNote.objects.create(
        goal=goal,
        written_on=today - timedelta(days=6),
        text="In de intervisie geoefend met doorvragen; de groep gaf me concrete tips.",
    )
    strategic = DevelopmentGoal.objects.create(
        owner=leader,
        competence=competences[9],
        title="Mijn strategische netwerk buiten de gemeente versterken",
        why="Al mijn strategische contacten zitten in de eigen organisatie.",
        support_needed="Tijd: twee uur per maand vrijmaken in de agenda.",
        review_on=today + timedelta(days=90),
    )
    meet = PlanAction.objects.create(
        goal=strategic,
        title="Kennismaken met de directeur van de zorgverzekeraar",
        due_on=today + timedelta(days=45),
    )
    if "Oud-collega Marieke" in by_name:
        meet.contacts.add(by_name["Oud-collega Marieke"])
    DevelopmentGoal.objects.create(
        owner=leader,
        competence=competences[7],
        title="Vertrouwen tussen de lagen van de partners",
        status="achieved",
        review_on=today - timedelta(days=30),
    )
    meeting = Meeting.objects.filter(network__members__person=leader).order_by("-starts_at").first()
    entries = [
        (
            40,
            "Na het kernteam: wie nam het woord?",
            "Ik sprak het meest. Volgende keer laat ik eerst de partners hun beeld geven.",
            meeting,
            competences[4],
            first,
            True,
        ),
        (
            25,
            "Gesprek met de wethouder",
            "De wethouder wil resultaten zien voor de begroting. Ik heb de gezamenlijk benoemde resultaten laten zien; dat werkte.",
            None,
            competences[9],
            None,
            True,
        ),
        (
            12,
            "Spanning tussen school en zorg",
            "Het viel me op dat de scholen zich niet gehoord voelen. Ik heb het hardop benoemd in het overleg.",
            None,
            competences[3],
            None,
            False,
        ),
        (
            3,
            "Feedback gelezen",
            "Herkenbaar: doorvragen is mijn punt. Verrassend dat anderen mijn vertrouwen-bouwen hoger inschatten dan ikzelf.",
            None,
            None,
            None,
            True,
        ),
    ]
    for days_ago, title, text, entry_meeting, competence, action, in_report in entries:
        JournalEntry.objects.create(
            owner=leader,
            written_on=today - timedelta(days=days_ago),
            title=title,
            text=text,
            meeting=entry_meeting,
            competence=competence,
            action=action,
            in_report=in_report,
        )


@transaction.atomic
def load_development(workspace: Workspace) -> None:
    """Load the demo leader's development; skipped when it is there already."""
    leader = workspace.persons.filter(name=LEADER, user__isnull=False).first()
    if leader is None or leader.self_assessments.exists():
        return
    framework = services.default_framework_ensure(workspace=workspace)
    _assessment(leader, framework, SCORES_BEFORE, days_ago=380)
    latest = _assessment(leader, framework, SCORES_NOW, days_ago=30)
    _feedback(leader, latest)
    today = timezone.localdate()
    contacts = [
        Contact.objects.create(
            owner=leader,
            name=name,
            organization=organization,
            internal=internal,
            kind=kind,
            level=level,
            function_area=area,
            strength=strength,
            last_contact=today - timedelta(days=days),
            frequency="weekly" if days < 10 else "monthly" if days < 45 else "quarterly",
        )
        for name, organization, internal, kind, level, area, strength, days in CONTACTS
    ]
    _plan_and_journal(leader, latest, contacts)
    services.audit_save(
        owner=leader,
        ratings={"operational": (4, 4), "personal": (3, 3), "strategic": (5, 2)},
    )
    NetworkSnapshot.objects.create(
        owner=leader,
        taken_on=today - timedelta(days=180),
        summary={
            "contacts": 24,
            "balance": {"operational": 18, "personal": 4, "strategic": 2},
            "external_share": 0.1,
            "strategic_share": 0.08,
            "strategic_external_share": 0.0,
            "function_areas": 7,
            "organizations": 3,
            "stale": 6,
        },
    )
