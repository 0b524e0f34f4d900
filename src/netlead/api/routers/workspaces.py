"""Workspaces, organizations and persons."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from netlead.api.context import caller, member_of
from netlead.api.etags import require_match, with_etag
from netlead.core.errors import NotFound
from netlead.core.ids import Id
from netlead.workspaces import selectors, services
from netlead.workspaces.access import MANAGERS, can_manage
from netlead.workspaces.models import Layer, Organization, OrganizationKind, Person

router = Router(tags=["workspaces"])


class WorkspaceOut(Schema):
    slug: str
    name: str
    role: str
    anonymity_threshold: int = Field(description="k: aggregates are shown over at least k people")


class OrganizationOut(Schema):
    id: int
    name: str
    kind: str


class OrganizationIn(Schema):
    name: str = Field(min_length=1, max_length=200)
    kind: OrganizationKind = OrganizationKind.OTHER


class PersonOut(Schema):
    id: int
    name: str
    email: str | None = Field(description="only for owners and facilitators")
    organization_id: int | None
    job_title: str
    layer: str
    has_account: bool


class PersonIn(Schema):
    name: str = Field(min_length=1, max_length=200)
    email: str = Field("", max_length=254)
    organization_id: Id | None = None
    job_title: str = Field("", max_length=200)
    layer: Layer | None = None


@router.get("/workspaces", response=list[WorkspaceOut], summary="Your workspaces")
def workspaces(request: HttpRequest) -> list[WorkspaceOut]:
    who = caller(request)
    return [
        WorkspaceOut(
            slug=m.workspace.slug,
            name=m.workspace.name,
            role=m.role,
            anonymity_threshold=m.workspace.anonymity_threshold,
        )
        for m in selectors.user_memberships(who.user).select_related("workspace")
        if who.reaches(m.workspace.slug)
    ]


def _organization(o: Organization) -> OrganizationOut:
    return OrganizationOut(id=o.pk, name=o.name, kind=o.kind)


@router.get("/workspaces/{slug}/organizations", response=list[OrganizationOut])
@paginate(LimitOffsetPagination)
def organizations(
    request: HttpRequest, slug: str, kind: OrganizationKind | None = None
) -> list[OrganizationOut]:
    workspace = member_of(request, slug).workspace
    found = workspace.organizations.order_by("name", "pk")
    if kind:
        found = found.filter(kind=kind)
    return [_organization(o) for o in found]


def _organization_of(
    request: HttpRequest, slug: str, pk: Id, *roles: str, write: bool = False
) -> Organization:
    workspace = member_of(request, slug, *roles, write=write).workspace
    organization = workspace.organizations.filter(pk=pk).first()
    if organization is None:
        raise NotFound(f"organization {pk}")
    return organization


@router.get("/workspaces/{slug}/organizations/{pk}", response=OrganizationOut)
def organization(
    request: HttpRequest, response: HttpResponse, slug: str, pk: Id
) -> OrganizationOut:
    out = _organization(_organization_of(request, slug, pk))
    with_etag(response, out)
    return out


@router.post("/workspaces/{slug}/organizations", response={201: OrganizationOut})
def organization_create(
    request: HttpRequest, response: HttpResponse, slug: str, payload: OrganizationIn
) -> Status[OrganizationOut]:
    workspace = member_of(request, slug, *MANAGERS, write=True).workspace
    saved = services.organization_save(
        organization=Organization(workspace=workspace, name=payload.name.strip(), kind=payload.kind)
    )
    out = _organization(saved)
    with_etag(response, out)
    return Status(201, out)


@router.put("/workspaces/{slug}/organizations/{pk}", response=OrganizationOut)
def organization_update(
    request: HttpRequest, response: HttpResponse, slug: str, pk: Id, payload: OrganizationIn
) -> OrganizationOut:
    organization = _organization_of(request, slug, pk, *MANAGERS, write=True)
    require_match(request, _organization(organization))
    organization.name = payload.name.strip()
    organization.kind = payload.kind
    out = _organization(services.organization_save(organization=organization))
    with_etag(response, out)
    return out


def _person(p: Person, *, manager: bool) -> PersonOut:
    return PersonOut(
        id=p.pk,
        name=p.name,
        email=p.email if manager else None,
        organization_id=p.organization_id,
        job_title=p.job_title,
        layer=p.layer,
        has_account=p.user_id is not None,
    )


@router.get("/workspaces/{slug}/persons", response=list[PersonOut])
@paginate(LimitOffsetPagination)
def persons(
    request: HttpRequest,
    slug: str,
    organization_id: Id | None = None,
    layer: Layer | None = None,
    q: str = "",
) -> list[PersonOut]:
    membership = member_of(request, slug)
    manager = can_manage(membership)
    found = selectors.persons_for(
        membership.workspace,
        organization_id=organization_id,
        layer=layer or "",
        # Only those who see e-mail addresses may search by them.
        query=q if manager or "@" not in q else "",
    )
    return [_person(p, manager=manager) for p in found]


def _person_of(
    request: HttpRequest, slug: str, pk: Id, *roles: str, write: bool = False
) -> tuple[Person, bool]:
    membership = member_of(request, slug, *roles, write=write)
    person = membership.workspace.persons.filter(pk=pk).first()
    if person is None:
        raise NotFound(f"person {pk}")
    return person, can_manage(membership)


@router.get("/workspaces/{slug}/persons/{pk}", response=PersonOut)
def person(request: HttpRequest, response: HttpResponse, slug: str, pk: Id) -> PersonOut:
    found, manager = _person_of(request, slug, pk)
    out = _person(found, manager=manager)
    with_etag(response, out)
    return out


def _fill(person: Person, payload: PersonIn) -> Person:
    organization = None
    if payload.organization_id is not None:
        organization = person.workspace.organizations.filter(pk=payload.organization_id).first()
        if organization is None:
            raise ValidationError(
                {"organization_id": _("Choose an organization of this workspace.")}
            )
    person.name = payload.name.strip()
    person.email = payload.email
    person.organization = organization
    person.job_title = payload.job_title.strip()
    person.layer = payload.layer or ""
    return person


@router.post("/workspaces/{slug}/persons", response={201: PersonOut})
def person_create(
    request: HttpRequest, response: HttpResponse, slug: str, payload: PersonIn
) -> Status[PersonOut]:
    workspace = member_of(request, slug, *MANAGERS, write=True).workspace
    saved = services.person_save(person=_fill(Person(workspace=workspace), payload))
    out = _person(saved, manager=True)
    with_etag(response, out)
    return Status(201, out)


@router.put("/workspaces/{slug}/persons/{pk}", response=PersonOut)
def person_update(
    request: HttpRequest, response: HttpResponse, slug: str, pk: Id, payload: PersonIn
) -> PersonOut:
    found, _manager = _person_of(request, slug, pk, *MANAGERS, write=True)
    require_match(request, _person(found, manager=True))
    out = _person(services.person_save(person=_fill(found, payload)), manager=True)
    with_etag(response, out)
    return out
