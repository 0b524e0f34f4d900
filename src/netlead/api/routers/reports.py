"""A network's accountability reports: list, read, draft, write the narrative, generate and
issue, and download the document as issued. The same access function and audit records as
the report pages (`netlead.reports.access`): an issued report is for every member of the
network, a draft only for those who edit it; every read of a report is recorded."""

from datetime import date, datetime
from enum import StrEnum

from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from netlead.api.context import network_of, scoped_user
from netlead.core.ids import Id
from netlead.exports.responses import CONTENT_TYPES, attachment
from netlead.networks.access import EDIT
from netlead.reports import document, selectors, services
from netlead.reports.access import ReportAccess, report_for
from netlead.reports.models import Report, Section

router = Router(tags=["reports"])


class DocumentFormat(StrEnum):
    PDF = "pdf"
    HTML = "html"


class ReportOut(Schema):
    id: int
    title: str
    starts_on: date
    ends_on: date
    language: str
    status: str = Field(description="draft or issued; an issued report never changes again")
    issued_at: datetime | None
    issued_by: str = Field(description="the issuer's name as printed on the cover")
    generation: str = Field(description="'', pending, ready or failed")
    progress: int = Field(description="0..100 while the document is generated")
    document_ready: bool
    document_is_current: bool = Field(
        description="the stored document shows the narrative as it is now"
    )


class ReportDetail(ReportOut):
    narrative: dict[str, str] = Field(description="the leader's text per section")


class ReportIn(Schema):
    title: str = Field(min_length=1, max_length=200)
    starts_on: date
    ends_on: date
    language: str = Field(max_length=8, description="en, nl or da: the report's language")


class NarrativeIn(Schema):
    narrative: dict[Section, str] = Field(
        description="the leader's text per section; sections left out keep their text"
    )


def _out(report: Report) -> ReportOut:
    return ReportOut(
        id=report.pk,
        title=report.title,
        starts_on=report.starts_on,
        ends_on=report.ends_on,
        language=report.language,
        status=report.status,
        issued_at=report.issued_at,
        issued_by=report.issued_by_name,
        generation=report.generation,
        progress=report.progress,
        document_ready=report.has_document,
        document_is_current=report.document_is_current,
    )


def _detail(report: Report) -> ReportDetail:
    return ReportDetail(**_out(report).model_dump(), narrative=selectors.narratives_of(report))


def _report(
    request: HttpRequest, slug: str, network_id: int, pk: int, *, what: str, edit: bool = False
) -> ReportAccess:
    return report_for(
        scoped_user(request, slug, write=edit),
        slug,
        network_id,
        pk,
        what=what,
        path=request.get_full_path(),
        edit=edit,
    )


_REPORTS = "/workspaces/{slug}/networks/{network_id}/reports"


@router.get(_REPORTS, response=list[ReportOut], summary="The network's reports")
@paginate(LimitOffsetPagination)
def reports(request: HttpRequest, slug: str, network_id: Id) -> list[ReportOut]:
    """Issued reports, and the drafts too for those who edit the network; newest period first."""
    access = network_of(request, slug, network_id)
    found = selectors.reports_of(access.network, include_drafts=access.can_edit)
    return [_out(r) for r in found]


@router.get(_REPORTS + "/{pk}", response=ReportDetail)
def report(request: HttpRequest, slug: str, network_id: Id, pk: Id) -> ReportDetail:
    return _detail(_report(request, slug, network_id, pk, what="api read").report)


@router.post(_REPORTS, response={201: ReportDetail})
def report_create(
    request: HttpRequest, slug: str, network_id: Id, payload: ReportIn
) -> Status[ReportDetail]:
    """A new draft; its narrative starts from the network's last report's texts."""
    access = network_of(request, slug, network_id, EDIT, write=True)
    created = services.report_create(
        network=access.network,
        user=scoped_user(request, slug, write=True),
        title=payload.title,
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
        language=payload.language,
    )
    return Status(201, _detail(created))


@router.put(_REPORTS + "/{pk}/narrative", response=ReportDetail)
def report_narrative(
    request: HttpRequest, slug: str, network_id: Id, pk: Id, payload: NarrativeIn
) -> ReportDetail:
    """Write the narrative of a draft (an issued report refuses: 422)."""
    found = _report(request, slug, network_id, pk, what="api narrative", edit=True)
    texts = {str(section): text for section, text in payload.narrative.items()}
    saved = services.report_narrative_save(report=found.report, texts=texts)
    return _detail(saved)


@router.post(_REPORTS + "/{pk}/generate", response={202: ReportOut})
def report_generate(request: HttpRequest, slug: str, network_id: Id, pk: Id) -> Status[ReportOut]:
    """Make the draft's document in the background; poll the report for `progress`."""
    found = _report(request, slug, network_id, pk, what="api generate", edit=True)
    return Status(202, _out(services.report_generate(report=found.report)))


@router.post(_REPORTS + "/{pk}/issue", response={202: ReportOut})
def report_issue(request: HttpRequest, slug: str, network_id: Id, pk: Id) -> Status[ReportOut]:
    """Issue the report: it is frozen from now on and its document is made once more, kept as
    sent."""
    found = _report(request, slug, network_id, pk, what="api issue", edit=True)
    user = scoped_user(request, slug, write=True)
    return Status(202, _out(services.report_issue(report=found.report, user=user)))


_DOCUMENT = {
    "responses": {
        200: {
            "description": "The document as an attachment (for an issued report: as sent)",
            "content": {
                CONTENT_TYPES[f.value].split(";")[0]: {
                    "schema": {"type": "string", "format": "binary"}
                }
                for f in DocumentFormat
            },
        }
    }
}


@router.get(_REPORTS + "/{pk}/document", openapi_extra=_DOCUMENT)
def report_document(
    request: HttpRequest, slug: str, network_id: Id, pk: Id, format: DocumentFormat
) -> HttpResponse:
    found = _report(request, slug, network_id, pk, what=f"download {format.value}")
    content = document.stored_download(found.report, format.value)
    return attachment(
        content, fmt=format.value, parts=(found.access.network.name, found.report.title)
    )
