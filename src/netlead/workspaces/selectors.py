"""Reads of workspaces and people, with the joins they need (no query per row)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from netlead.accounts.models import User
from netlead.workspaces.models import (
    Invitation,
    Layer,
    Membership,
    Organization,
    Person,
    Role,
    Workspace,
)
from netlead.workspaces.rules import leaves_no_owner


def user_memberships(user: User) -> QuerySet[Membership]:
    return Membership.objects.for_user(user).order_by("workspace__name")


@dataclass(frozen=True)
class OrganizationRow:
    organization: Organization
    by_layer: dict[str, int]
    unassigned: int
    total: int

    @property
    def layers_present(self) -> int:
        return sum(1 for count in self.by_layer.values() if count)


@dataclass(frozen=True)
class WorkspaceOverview:
    organizations: list[OrganizationRow]
    persons_total: int
    persons_by_layer: dict[str, int]
    persons_without_organization: int
    members_total: int
    open_invitations: int


def organizations_with_counts(workspace: Workspace) -> list[OrganizationRow]:
    """Every organization with its number of persons per layer, in one query."""
    annotations = {
        f"n_{layer}": Count("persons", filter=Q(persons__layer=layer)) for layer in Layer.values
    }
    organizations = workspace.organizations.annotate(
        n_total=Count("persons"),
        n_unassigned=Count("persons", filter=Q(persons__layer="")),
        **annotations,
    ).order_by("name")
    return [
        OrganizationRow(
            organization=org,
            by_layer={layer: getattr(org, f"n_{layer}") for layer in Layer.values},
            unassigned=org.n_unassigned,
            total=org.n_total,
        )
        for org in organizations
    ]


def workspace_overview(workspace: Workspace) -> WorkspaceOverview:
    rows = organizations_with_counts(workspace)
    layer_counts = dict(
        workspace.persons.values_list("layer").annotate(n=Count("id")).values_list("layer", "n")
    )
    return WorkspaceOverview(
        organizations=rows,
        persons_total=sum(layer_counts.values()),
        persons_by_layer={layer: layer_counts.get(layer, 0) for layer in Layer.values},
        persons_without_organization=workspace.persons.filter(organization__isnull=True).count(),
        members_total=workspace.memberships.count(),
        open_invitations=open_invitations(workspace).count(),
    )


def persons_for(
    workspace: Workspace, *, organization_id: int | None = None, layer: str = "", query: str = ""
) -> QuerySet[Person]:
    persons = workspace.persons.select_related("organization", "user")
    if organization_id:
        persons = persons.filter(organization_id=organization_id)
    if layer:
        persons = persons.filter(layer=layer)
    if query:
        persons = persons.filter(
            Q(name__icontains=query) | Q(job_title__icontains=query) | Q(email__icontains=query)
        )
    return persons.order_by("organization__name", "name")


def open_invitations(workspace: Workspace) -> QuerySet[Invitation]:
    return workspace.invitations.filter(
        accepted_at__isnull=True, expires_at__gt=timezone.now()
    ).select_related("invited_by")


def workspace_members(workspace: Workspace) -> QuerySet[Membership]:
    return workspace.memberships.select_related("user").order_by("role", "user__email")


def invitation_addressee(invitation: Invitation) -> tuple[str, str]:
    """The invited address's name (its account's or the workspace's person's, else "") and
    language (its account's saved one, else the workspace's): the mail and the page its link
    opens speak the same language."""
    user = User.objects.filter(email__iexact=invitation.email).first()
    person = (
        invitation.workspace.persons.filter(email__iexact=invitation.email).exclude(name="").first()
    )
    name = (user.get_short_name() if user else "") or (person.name if person else "")
    language = (user.language if user else "") or invitation.workspace.default_language
    return name, language


def owner_count(workspace: Workspace) -> int:
    return Membership.objects.filter(workspace=workspace, role=Role.OWNER).count()


def took_part(person: Person) -> bool:
    """Whether the person took part in a network: such a person is erased (netlead.privacy),
    never removed, which would change that network's meetings, actions and results."""
    # The reverse relation keeps this app unaware of the networks app.
    return person.network_memberships.exists()


@dataclass(frozen=True)
class AccessRemovalConsequences:
    """What follows when a user loses access to the workspace, shown before it happens:
    counts only."""

    is_self: bool
    last_owner: bool
    person_kept: bool
    networks: int


def access_removal_consequences(
    membership: Membership, *, removed_by: User
) -> AccessRemovalConsequences:
    person = membership.workspace.persons.filter(user_id=membership.user_id).first()
    owners = owner_count(membership.workspace)
    return AccessRemovalConsequences(
        is_self=membership.user_id == removed_by.pk,
        last_owner=leaves_no_owner(membership, new_role=None, owners=owners),
        person_kept=person is not None,
        # The reverse relation keeps this app unaware of the networks app.
        networks=person.network_memberships.filter(left_on__isnull=True).count() if person else 0,
    )


@dataclass(frozen=True)
class PersonRemovalConsequences:
    """What follows when a person is removed from the workspace's people, shown before."""

    took_part: bool
    has_account: bool


def person_removal_consequences(person: Person) -> PersonRemovalConsequences:
    return PersonRemovalConsequences(
        took_part=took_part(person),
        has_account=person.user_id is not None,
    )
