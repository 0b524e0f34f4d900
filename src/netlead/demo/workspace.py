"""Workspace, organizations, 42 persons across three layers, and the demo users."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from netlead.accounts.models import User
from netlead.workspaces.models import (
    Layer,
    Membership,
    Organization,
    OrganizationKind,
    Person,
    Role,
    Workspace,
)

DEMO_PASSWORD = "netlead-demo"  # noqa: S105 (public demo password, printed by `make run`)
DEMO_SLUG = "jeugdnetwerk-rivierenland"

# (name, kind, e-mail domain)
ORGANIZATIONS = [
    ("Gemeente Rivierstad", OrganizationKind.MUNICIPALITY, "rivierstad.example.nl"),
    ("Jeugdzorg Rivierenland", OrganizationKind.CARE_PROVIDER, "jeugdzorg-rl.example.nl"),
    ("Het Baken Lyceum", OrganizationKind.SCHOOL, "hetbaken.example.nl"),
    ("Basisschool De Wilg", OrganizationKind.SCHOOL, "dewilg.example.nl"),
    ("Huisartsencoöperatie Rivierenland", OrganizationKind.CARE_PROVIDER, "hacrl.example.nl"),
    ("Politie basisteam Rivierstad", OrganizationKind.AGENCY, "politie.example.nl"),
    (
        "Woonstichting Thuis aan de Rivier",
        OrganizationKind.NON_PROFIT,
        "thuisaandrivier.example.nl",
    ),
    ("Sportvereniging Vooruit", OrganizationKind.NON_PROFIT, "svvooruit.example.nl"),
]

# Per organization: (name, job title, layer). Realistic spread: every organization has someone
# at the operational layer.
PERSONS: dict[str, list[tuple[str, str, str]]] = {
    "Gemeente Rivierstad": [
        ("Marieke Smit", "Wethouder jeugd en onderwijs", Layer.STRATEGIC),
        ("Hans Verbeek", "Directeur sociaal domein", Layer.STRATEGIC),
        ("Anouk de Vries", "Netwerkregisseur jeugd", Layer.TACTICAL),
        ("Ruben Mulder", "Beleidsadviseur jeugdhulp", Layer.TACTICAL),
        ("Fatima El Amrani", "Teamleider wijkteam Noord", Layer.TACTICAL),
        ("Joost van Dijk", "Wijkteammedewerker", Layer.OPERATIONAL),
        ("Lotte Hendriks", "Wijkteammedewerker", Layer.OPERATIONAL),
        ("Kevin Bos", "Leerplichtambtenaar", Layer.OPERATIONAL),
    ],
    "Jeugdzorg Rivierenland": [
        ("Ingrid Vos", "Bestuurder", Layer.STRATEGIC),
        ("Mark de Graaf", "Regiomanager", Layer.TACTICAL),
        ("Sanne Bakker", "Gedragswetenschapper", Layer.OPERATIONAL),
        ("Youssef Benali", "Jeugdhulpverlener", Layer.OPERATIONAL),
        ("Eva Peters", "Jeugdhulpverlener", Layer.OPERATIONAL),
        ("Tom Willems", "Teamleider ambulant", Layer.TACTICAL),
        ("Naomi Kramer", "Gezinscoach", Layer.OPERATIONAL),
    ],
    "Het Baken Lyceum": [
        ("Erik Jacobs", "Rector", Layer.STRATEGIC),
        ("Linda van Leeuwen", "Zorgcoördinator", Layer.TACTICAL),
        ("Bas Dekker", "Mentor onderbouw", Layer.OPERATIONAL),
        ("Priya Ramdin", "Schoolmaatschappelijk werker", Layer.OPERATIONAL),
        ("Daan Koster", "Teamleider bovenbouw", Layer.TACTICAL),
    ],
    "Basisschool De Wilg": [
        ("Monique Brouwer", "Directeur", Layer.STRATEGIC),
        ("Sophie Visser", "Intern begeleider", Layer.TACTICAL),
        ("Jeroen Meijer", "Leerkracht groep 7", Layer.OPERATIONAL),
        ("Aylin Yilmaz", "Leerkracht groep 4", Layer.OPERATIONAL),
    ],
    "Huisartsencoöperatie Rivierenland": [
        ("Wouter Prins", "Bestuurder", Layer.STRATEGIC),
        ("Judith Huisman", "Huisarts", Layer.OPERATIONAL),
        ("Ahmed Ouali", "Praktijkondersteuner jeugd", Layer.OPERATIONAL),
        ("Karin de Wit", "Praktijkondersteuner jeugd", Layer.OPERATIONAL),
        ("Niels van der Linden", "Huisarts", Layer.OPERATIONAL),
    ],
    "Politie basisteam Rivierstad": [
        ("Peter Schouten", "Teamchef", Layer.STRATEGIC),
        ("Marloes Dijkstra", "Operationeel expert jeugd", Layer.TACTICAL),
        ("Rick Vermeulen", "Wijkagent Noord", Layer.OPERATIONAL),
        ("Samira Haddou", "Jeugdagent", Layer.OPERATIONAL),
        ("Dennis Kok", "Wijkagent Zuid", Layer.OPERATIONAL),
    ],
    "Woonstichting Thuis aan de Rivier": [
        ("Gerard Post", "Directeur-bestuurder", Layer.STRATEGIC),
        ("Ellen Bosman", "Manager wonen", Layer.TACTICAL),
        ("Stefan Maas", "Wijkconsulent", Layer.OPERATIONAL),
        ("Yvonne Claassen", "Wijkconsulent", Layer.OPERATIONAL),
    ],
    "Sportvereniging Vooruit": [
        ("Martin de Boer", "Voorzitter", Layer.STRATEGIC),
        ("Lisa Timmermans", "Buurtsportcoach", Layer.OPERATIONAL),
        ("Bram Kuipers", "Jeugdtrainer", Layer.OPERATIONAL),
        ("Nadia Amrani", "Jeugdcoördinator", Layer.OPERATIONAL),
    ],
}

# (e-mail, name, workspace role, the person the user is in the network, if any)
USERS = [
    ("leader@example.org", "Anouk de Vries", Role.OWNER, "Anouk de Vries"),
    ("facilitator@example.org", "Pieter Jansen", Role.FACILITATOR, None),
    ("member@example.org", "Sanne Bakker", Role.MEMBER, "Sanne Bakker"),
]


@dataclass(frozen=True)
class DemoWorkspace:
    workspace: Workspace
    users: dict[str, User]


def _person_email(name: str, domain: str) -> str:
    local = name.lower().replace("ö", "o").replace(" ", ".")
    return f"{local}@{domain}"


def _user(email: str, name: str, *, staff: bool = False) -> User:
    user, created = User.objects.get_or_create(email=email, defaults={"name": name})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.is_staff = user.is_superuser = staff
        user.save()
    return user


@transaction.atomic
def load_workspace() -> DemoWorkspace:
    workspace, _ = Workspace.objects.get_or_create(
        slug=DEMO_SLUG,
        defaults={"name": "Jeugdnetwerk Rivierenland", "default_language": "nl"},
    )
    domains: dict[str, str] = {}
    for name, kind, domain in ORGANIZATIONS:
        Organization.objects.get_or_create(workspace=workspace, name=name, defaults={"kind": kind})
        domains[name] = domain
    organizations = {o.name: o for o in workspace.organizations.all()}
    for org_name, persons in PERSONS.items():
        for name, job_title, layer in persons:
            Person.objects.get_or_create(
                workspace=workspace,
                email=_person_email(name, domains[org_name]),
                defaults={
                    "name": name,
                    "organization": organizations[org_name],
                    "job_title": job_title,
                    "layer": layer,
                },
            )

    users: dict[str, User] = {}
    for email, name, role, person_name in USERS:
        user = _user(email, name)
        users[email] = user
        Membership.objects.get_or_create(workspace=workspace, user=user, defaults={"role": role})
        if person_name:
            workspace.persons.filter(name=person_name, user__isnull=True).update(user=user)
    users["admin@example.org"] = _user("admin@example.org", "Demo administrator", staff=True)

    # A second workspace, so the workspace switcher has something to switch to.
    academy, _ = Workspace.objects.get_or_create(
        slug="netwerkacademie-demo",
        defaults={"name": "Netwerkacademie (demo)", "default_language": "da"},
    )
    Membership.objects.get_or_create(
        workspace=academy, user=users["facilitator@example.org"], defaults={"role": Role.OWNER}
    )
    Organization.objects.get_or_create(
        workspace=academy, name="Netwerkacademie", defaults={"kind": OrganizationKind.COMPANY}
    )
    return DemoWorkspace(workspace=workspace, users=users)
