"""Who reaches a report: through its network (`networks.access`). An issued report is for all
the network's members; a draft exists only for those who edit the network. Every read of a
report (page, editor, download) is recorded: a report is the network's evidence leaving it."""

from __future__ import annotations

from dataclasses import dataclass

from netlead.accounts.models import User
from netlead.core.errors import NotFound
from netlead.networks.access import EDIT, READ, NetworkAccess, network_for
from netlead.programmes.access import CohortAccess, cohort_for
from netlead.reports.models import Report
from netlead.reports.selectors import report_of
from netlead.workspaces.audit import record_read


@dataclass(frozen=True)
class ReportAccess:
    access: NetworkAccess
    report: Report


def _report(access: NetworkAccess, report_id: int) -> Report:
    report = report_of(access.network, report_id, include_drafts=access.can_edit)
    if report is None:
        raise NotFound(f"report {report_id}")
    return report


def report_for(
    user: User,
    slug: str,
    network_id: int,
    report_id: int,
    *,
    what: str,
    path: str,
    edit: bool = False,
) -> ReportAccess:
    """A report of the network; ``edit`` for the editor and the actions that change it. The
    read is recorded as `what` (the page or the file) at `path`."""
    access = network_for(user, slug, network_id, EDIT if edit else READ)
    report = _report(access, report_id)
    record_read(
        membership=access.membership,
        action=f"report {what}",
        target=f"{access.network.name}: {report.title}",
        path=path,
    )
    return ReportAccess(access=access, report=report)


def report_progress_for(user: User, slug: str, network_id: int, report_id: int) -> ReportAccess:
    """The generation progress of a report, polled every few seconds while it is generated:
    a status, not the report's contents, so not recorded (it would flood the audit log)."""
    access = network_for(user, slug, network_id, READ)
    return ReportAccess(access=access, report=_report(access, report_id))


def cohort_report_for(
    user: User, slug: str, cohort_id: int, *, what: str, path: str
) -> CohortAccess:
    """A cohort's report, for its facilitators (as the progress page); the read is recorded."""
    access = cohort_for(user, slug, cohort_id, facilitator=True)
    record_read(
        membership=access.membership,
        action=f"cohort report {what}",
        target=access.cohort.name,
        path=path,
    )
    return access
