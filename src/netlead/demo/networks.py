"""The demo network: the youth-care partners in phase 4, with members, a charter, results."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from netlead import frameworks
from netlead.accounts.models import User
from netlead.networks.models import (
    CharterMandate,
    CharterResponse,
    CharterStatus,
    CharterVersion,
    Governance,
    Measurement,
    Network,
    NetworkKind,
    NetworkMember,
    NetworkRole,
    PhaseCheck,
    PhaseTransition,
    Result,
    ResultStatus,
    Scope,
)
from netlead.workspaces.models import Workspace

NETWORK_NAME = "Samen Sterk voor Jeugd Rivierenland"

# Who is in the network, with which role. Everyone else of the workspace is not (yet).
ROLES = {
    "Anouk de Vries": NetworkRole.LEADER,
    "Mark de Graaf": NetworkRole.CO_DRIVER,
    "Ruben Mulder": NetworkRole.CORE,
    "Linda van Leeuwen": NetworkRole.CORE,
    "Sophie Visser": NetworkRole.CORE,
    "Marloes Dijkstra": NetworkRole.CORE,
    "Ellen Bosman": NetworkRole.CORE,
    "Ahmed Ouali": NetworkRole.CORE,
    "Marieke Smit": NetworkRole.STAKEHOLDER,
    "Ingrid Vos": NetworkRole.ASSOCIATE,
    "Erik Jacobs": NetworkRole.ASSOCIATE,
    "Peter Schouten": NetworkRole.ASSOCIATE,
    "Gerard Post": NetworkRole.ASSOCIATE,
    "Wouter Prins": NetworkRole.ASSOCIATE,
    **{
        name: NetworkRole.MEMBER
        for name in (
            "Fatima El Amrani",
            "Joost van Dijk",
            "Kevin Bos",
            "Sanne Bakker",
            "Youssef Benali",
            "Tom Willems",
            "Naomi Kramer",
            "Bas Dekker",
            "Priya Ramdin",
            "Jeroen Meijer",
            "Judith Huisman",
            "Rick Vermeulen",
            "Samira Haddou",
            "Stefan Maas",
            "Lisa Timmermans",
            "Bram Kuipers",
        )
    },
}
FORMER_MEMBER = "Lotte Hendriks"

CHARTER_V1 = {
    "necessity": (
        "Jongeren met zorgen over thuis, school en gezondheid vallen tussen de organisaties in. "
        "Geen van ons kan dat alleen oplossen: de school ziet het verzuim, de huisarts de klachten, "
        "de wijkagent de overlast, het wijkteam het gezin."
    ),
    "shared_interest": (
        "Elke jongere in Rivierenland krijgt op tijd passende hulp, zo dicht mogelijk bij huis, "
        "met één plan waar alle partners achter staan."
    ),
    "values": "Gelijkwaardigheid, openheid over wat niet lukt, de jongere en het gezin aan tafel.",
    "rules": "We komen afspraken na of melden tijdig dat het niet lukt. Casussen bespreken we met toestemming van het gezin.",
    "decision_rules": "Besluiten nemen we bij consent in het kernteam; bestuurlijke besluiten leggen we voor aan de stuurgroep.",
}
CHARTER_V2_CHANGES = {
    "rules": (
        "We komen afspraken na of melden tijdig dat het niet lukt. Casussen bespreken we met "
        "toestemming van het gezin. Elke partner is op strategisch, tactisch en operationeel niveau "
        "vertegenwoordigd."
    ),
}
MANDATES = {
    "Gemeente Rivierstad": "De wethouder heeft de netwerkregisseur mandaat gegeven om namens de gemeente afspraken te maken binnen het jeugdbudget.",
    "Jeugdzorg Rivierenland": "De bestuurder heeft de regiomanager gemandateerd voor inzet van ambulante hulp zonder wachtlijst.",
    "Het Baken Lyceum": "De rector steunt deelname van de zorgcoördinator met vier uur per week.",
    "Politie basisteam Rivierstad": "De teamchef heeft de operationeel expert jeugd vrijgemaakt voor het kernteam.",
}

RESULTS = [
    # title, indicator, unit, baseline, target, owner, status, measurements (months ago, value)
    (
        "Minder jongeren in zware zorg",
        "Jongeren in residentiële jeugdzorg",
        "jongeren",
        64,
        45,
        "Jeugdzorg Rivierenland",
        ResultStatus.ON_TRACK,
        [(10, 64), (7, 61), (4, 57), (1, 55)],
    ),
    (
        "Snellere start van hulp",
        "Gemiddelde wachttijd tot het eerste gesprek",
        "dagen",
        42,
        14,
        "Gemeente Rivierstad",
        ResultStatus.ON_TRACK,
        [(10, 42), (8, 35), (6, 30), (3, 24), (1, 21)],
    ),
    (
        "Thuiszitters terug naar school",
        "Thuiszittende leerlingen",
        "leerlingen",
        23,
        8,
        "Het Baken Lyceum",
        ResultStatus.AT_RISK,
        [(9, 23), (6, 20), (3, 18), (1, 19)],
    ),
    (
        "Eén gezin, één plan",
        "Gezinnen met één gezamenlijk plan",
        "%",
        20,
        80,
        "Gemeente Rivierstad",
        ResultStatus.ON_TRACK,
        [(8, 20), (5, 35), (2, 48)],
    ),
    (
        "Jongeren in beweging",
        "Jongeren uit de jeugdhulp die lid worden van een sportclub",
        "jongeren",
        5,
        40,
        "Sportvereniging Vooruit",
        ResultStatus.ON_TRACK,
        [(6, 5), (3, 12), (1, 18)],
    ),
]


def _months_ago(months: int) -> date:
    return timezone.localdate() - timedelta(days=round(months * 30.4))


@transaction.atomic
def load_network(workspace: Workspace, users: dict[str, User]) -> Network:
    existing = workspace.networks.filter(name=NETWORK_NAME).first()
    if existing is not None:
        return existing
    persons = {p.name: p for p in workspace.persons.select_related("organization")}
    organizations = {o.name: o for o in workspace.organizations.all()}
    leader_user = users["leader@example.org"]
    started = _months_ago(14)
    network = Network.objects.create(
        workspace=workspace,
        name=NETWORK_NAME,
        purpose=(
            "Samen zorgen we dat jongeren in Rivierenland op tijd de juiste hulp krijgen, "
            "dicht bij huis, met één plan."
        ),
        kind=NetworkKind.INTER_ORGANIZATIONAL,
        scope=Scope.REGIONAL,
        is_open=False,
        governance=Governance.SHARED,
        starts_on=started,
        planned_end_on=started + timedelta(days=4 * 365),
        sponsor=persons["Hans Verbeek"],
        phase=4,
    )
    for name, role in ROLES.items():
        NetworkMember.objects.create(
            network=network, person=persons[name], role=role, joined_on=started
        )
    NetworkMember.objects.create(
        network=network,
        person=persons[FORMER_MEMBER],
        role=NetworkRole.MEMBER,
        joined_on=started,
        left_on=_months_ago(5),
    )
    members = {m.person.name: m for m in network.members.current().select_related("person")}

    for number, months in enumerate((13, 9, 5), start=1):
        PhaseTransition.objects.create(
            network=network,
            from_phase=number,
            to_phase=number + 1,
            decided_on=_months_ago(months),
            decided_by=leader_user,
            note="Besloten in het kernteam.",
        )
    for phase in frameworks.phases("en"):
        items = phase.checklist if phase.number < 4 else phase.checklist[:2]
        for item in items:
            PhaseCheck.objects.create(
                network=network, phase=phase.number, item=item.key, done_by=leader_user
            )

    _load_charter(network, members, organizations, leader_user)

    for title, indicator, unit, baseline, target, owner, status, values in RESULTS:
        result = Result.objects.create(
            network=network,
            title=title,
            indicator=indicator,
            unit=unit,
            baseline=Decimal(baseline),
            target=Decimal(target),
            deadline=_months_ago(-14),
            owner_organization=organizations[owner],
            status=status,
        )
        for months, value in values:
            Measurement.objects.create(
                result=result,
                measured_on=_months_ago(months),
                value=Decimal(value),
                recorded_by=leader_user,
            )
    return network


def _load_charter(
    network: Network, members: dict[str, NetworkMember], organizations: dict, leader_user: User
) -> None:
    deciders = [m for m in members.values() if m.is_contributor]
    v1 = CharterVersion.objects.create(
        network=network,
        number=1,
        status=CharterStatus.SUPERSEDED,
        proposed_by=leader_user,
        proposed_at=timezone.now() - timedelta(days=300),
        agreed_at=timezone.now() - timedelta(days=290),
        change_note="Eerste versie.",
        **CHARTER_V1,
    )
    v2 = CharterVersion.objects.create(
        network=network,
        number=2,
        status=CharterStatus.AGREED,
        proposed_by=leader_user,
        proposed_at=timezone.now() - timedelta(days=100),
        agreed_at=timezone.now() - timedelta(days=90),
        change_note="Vertegenwoordiging op alle drie de niveaus toegevoegd.",
        **{**CHARTER_V1, **CHARTER_V2_CHANGES},
    )
    for version in (v1, v2):
        for name, text in MANDATES.items():
            CharterMandate.objects.create(
                version=version, organization=organizations[name], mandate=text
            )
        for member in deciders:
            CharterResponse.objects.create(
                version=version, member=member, agrees=True, responded_at=version.agreed_at
            )
    # An open proposal, so members can try responding.
    v3 = CharterVersion.objects.create(
        network=network,
        number=3,
        status=CharterStatus.PROPOSED,
        proposed_by=leader_user,
        change_note="Voorstel: de sportvereniging krijgt een vaste plek in het kernteam.",
        **{**CHARTER_V1, **CHARTER_V2_CHANGES},
    )
    for name, text in MANDATES.items():
        CharterMandate.objects.create(version=v3, organization=organizations[name], mandate=text)
    CharterResponse.objects.create(version=v3, member=members["Mark de Graaf"], agrees=True)
    CharterResponse.objects.create(version=v3, member=members["Ruben Mulder"], agrees=True)
