"""Networks, their members, charter versions, results and measurements. A network exists only
for its current members, as on the pages."""

from datetime import date, datetime
from decimal import Decimal

from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from netlead.api.context import caller, member_of, network_of
from netlead.api.etags import require_match, with_etag
from netlead.core.errors import NotFound
from netlead.core.ids import Id
from netlead.networks import selectors, services
from netlead.networks.access import CONTRIBUTE, EDIT, NetworkAccess
from netlead.networks.models import (
    CharterStatus,
    CharterVersion,
    Measurement,
    NetworkMember,
    NetworkRole,
    Result,
)

router = Router(tags=["networks"])


class NetworkOut(Schema):
    id: int
    name: str
    purpose: str
    kind: str
    scope: str
    is_open: bool
    governance: str
    phase: int
    starts_on: date | None
    planned_end_on: date | None
    members: int
    your_role: str


class MemberOut(Schema):
    id: int
    person_id: Id
    name: str
    organization_id: int | None
    organization: str | None
    layer: str
    role: str
    joined_on: date
    left_on: date | None


class MemberIn(Schema):
    person_id: Id
    role: NetworkRole = NetworkRole.MEMBER
    joined_on: date | None = None


class MemberChange(Schema):
    role: NetworkRole | None = None
    left_on: date | None = Field(None, description="set to end the membership (leave)")


class CharterVersionOut(Schema):
    id: int
    number: int
    status: CharterStatus
    necessity: str
    shared_interest: str
    values: str
    rules: str
    decision_rules: str
    change_note: str
    proposed_at: datetime
    agreed_at: datetime | None


class MeasurementOut(Schema):
    id: int
    measured_on: date
    value: Decimal
    note: str


class MeasurementIn(Schema):
    measured_on: date
    value: Decimal = Field(max_digits=14, decimal_places=2)
    note: str = Field("", max_length=300)


class ResultOut(Schema):
    id: int
    title: str
    indicator: str
    unit: str
    baseline: Decimal
    target: Decimal
    deadline: date | None
    status: str
    owner_organization_id: int | None
    latest: MeasurementOut | None
    progress: float | None = Field(description="share of the way from baseline to target")


def _network(access: NetworkAccess, members: int) -> NetworkOut:
    n = access.network
    return NetworkOut(
        id=n.pk,
        name=n.name,
        purpose=n.purpose,
        kind=n.kind,
        scope=n.scope,
        is_open=n.is_open,
        governance=n.governance,
        phase=n.phase,
        starts_on=n.starts_on,
        planned_end_on=n.planned_end_on,
        members=members,
        your_role=access.member.role,
    )


@router.get("/workspaces/{slug}/networks", response=list[NetworkOut], summary="Your networks")
@paginate(LimitOffsetPagination)
def networks(request: HttpRequest, slug: str) -> list[NetworkOut]:
    membership = member_of(request, slug)
    rows = selectors.user_networks(membership.workspace, caller(request).user)
    return [
        _network(NetworkAccess(membership=membership, network=m.network, member=m), m.member_count)
        for m in rows
    ]


@router.get("/workspaces/{slug}/networks/{network_id}", response=NetworkOut)
def network(request: HttpRequest, slug: str, network_id: Id) -> NetworkOut:
    access = network_of(request, slug, network_id)
    return _network(access, access.network.members.current().count())


def _member(m: NetworkMember) -> MemberOut:
    organization = m.person.organization
    return MemberOut(
        id=m.pk,
        person_id=m.person_id,
        name=m.person.name,
        organization_id=organization.pk if organization else None,
        organization=organization.name if organization else None,
        layer=m.person.layer,
        role=m.role,
        joined_on=m.joined_on,
        left_on=m.left_on,
    )


@router.get("/workspaces/{slug}/networks/{network_id}/members", response=list[MemberOut])
@paginate(LimitOffsetPagination)
def members(
    request: HttpRequest, slug: str, network_id: Id, include_former: bool = False
) -> list[MemberOut]:
    access = network_of(request, slug, network_id)
    found = access.network.members.select_related("person__organization")
    if not include_former:
        found = found.current()
    return [_member(m) for m in found.order_by("person__name", "pk")]


def _member_of(access: NetworkAccess, pk: Id) -> NetworkMember:
    found = access.network.members.select_related("person__organization").filter(pk=pk).first()
    if found is None:
        raise NotFound(f"member {pk}")
    return found


@router.get("/workspaces/{slug}/networks/{network_id}/members/{pk}", response=MemberOut)
def member(
    request: HttpRequest, response: HttpResponse, slug: str, network_id: Id, pk: Id
) -> MemberOut:
    out = _member(_member_of(network_of(request, slug, network_id), pk))
    with_etag(response, out)
    return out


@router.post("/workspaces/{slug}/networks/{network_id}/members", response={201: MemberOut})
def member_add(
    request: HttpRequest, response: HttpResponse, slug: str, network_id: Id, payload: MemberIn
) -> Status[MemberOut]:
    access = network_of(request, slug, network_id, EDIT, write=True)
    person = access.membership.workspace.persons.filter(pk=payload.person_id).first()
    if person is None:
        raise NotFound(f"person {payload.person_id}")
    added = services.member_add(
        network=access.network, person=person, role=payload.role, joined_on=payload.joined_on
    )
    out = _member(_member_of(access, added.pk))
    with_etag(response, out)
    return Status(201, out)


@router.patch("/workspaces/{slug}/networks/{network_id}/members/{pk}", response=MemberOut)
def member_change(
    request: HttpRequest,
    response: HttpResponse,
    slug: str,
    network_id: Id,
    pk: Id,
    payload: MemberChange,
) -> MemberOut:
    """Change a member's role, or end the membership with `left_on`."""
    access = network_of(request, slug, network_id, EDIT, write=True)
    found = _member_of(access, pk)
    require_match(request, _member(found))
    if payload.role is not None and payload.role != found.role:
        found = services.member_set_role(member=found, role=payload.role)
    if payload.left_on is not None:
        found = services.member_leave(member=found, left_on=payload.left_on)
    out = _member(found)
    with_etag(response, out)
    return out


@router.get(
    "/workspaces/{slug}/networks/{network_id}/charter-versions", response=list[CharterVersionOut]
)
@paginate(LimitOffsetPagination)
def charter_versions(request: HttpRequest, slug: str, network_id: Id) -> list[CharterVersion]:
    access = network_of(request, slug, network_id)
    return list(access.network.charter_versions.order_by("-number"))


def _measurement(m: Measurement | None) -> MeasurementOut | None:
    if m is None:
        return None
    return MeasurementOut(id=m.pk, measured_on=m.measured_on, value=m.value, note=m.note)


def _result(row: selectors.ResultRow) -> ResultOut:
    r = row.result
    return ResultOut(
        id=r.pk,
        title=r.title,
        indicator=r.indicator,
        unit=r.unit,
        baseline=r.baseline,
        target=r.target,
        deadline=r.deadline,
        status=r.status,
        owner_organization_id=r.owner_organization_id,
        latest=_measurement(row.latest),
        progress=row.progress,
    )


@router.get("/workspaces/{slug}/networks/{network_id}/results", response=list[ResultOut])
def results(request: HttpRequest, slug: str, network_id: Id) -> list[ResultOut]:
    access = network_of(request, slug, network_id)
    return [_result(row) for row in selectors.results_overview(access.network)]


def _result_of(access: NetworkAccess, pk: Id) -> Result:
    found = access.network.results.filter(pk=pk).first()
    if found is None:
        raise NotFound(f"result {pk}")
    return found


@router.get(
    "/workspaces/{slug}/networks/{network_id}/results/{pk}/measurements",
    response=list[MeasurementOut],
)
@paginate(LimitOffsetPagination)
def measurements(request: HttpRequest, slug: str, network_id: Id, pk: Id) -> list[Measurement]:
    result = _result_of(network_of(request, slug, network_id), pk)
    return list(result.measurements.order_by("measured_on", "pk"))


@router.post(
    "/workspaces/{slug}/networks/{network_id}/results/{pk}/measurements",
    response={201: MeasurementOut},
)
def measurement_add(
    request: HttpRequest, slug: str, network_id: Id, pk: Id, payload: MeasurementIn
) -> Status[MeasurementOut | None]:
    """Record a measurement (core members, members and editors, as on the result page)."""
    access = network_of(request, slug, network_id, CONTRIBUTE, write=True)
    added = services.measurement_add(
        result=_result_of(access, pk),
        measured_on=payload.measured_on,
        value=payload.value,
        note=payload.note.strip(),
        user=caller(request).user,
    )
    added.refresh_from_db()  # the value as stored (6.5 reads back as 6.50), as GET shows it
    return Status(201, _measurement(added))
