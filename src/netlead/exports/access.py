"""Who may export what: exactly who may see the page the data is on. Each function calls that
page's own access function and records the export in the audit log (an export is a sensitive
read: the data leaves netlead). No request, and nothing written but the audit record."""

from __future__ import annotations

from netlead.accounts.models import User
from netlead.networks.access import READ, NetworkAccess, network_for
from netlead.programmes.access import CohortAccess, cohort_for
from netlead.surveys.access import round_results_for
from netlead.surveys.models import SurveyRound
from netlead.workspaces.access import membership_for
from netlead.workspaces.audit import record_read
from netlead.workspaces.models import Membership


def _action(what: str) -> str:
    return f"export {what}"


def workspace_export_for(user: User, slug: str, *, what: str, path: str) -> Membership:
    """An export of workspace-wide data any member sees (the organizations page)."""
    membership = membership_for(user, slug)
    record_read(
        membership=membership, action=_action(what), target=membership.workspace.name, path=path
    )
    return membership


def network_export_for(
    user: User, slug: str, network_id: int, *, what: str, path: str
) -> NetworkAccess:
    """An export of a network's members, results, meetings or actions: for its members."""
    access = network_for(user, slug, network_id, READ)
    record_read(
        membership=access.membership, action=_action(what), target=access.network.name, path=path
    )
    return access


def round_export_for(
    user: User, slug: str, network_id: int, round_id: int, *, what: str, path: str
) -> tuple[NetworkAccess, SurveyRound]:
    """An export of a closed round's results: for the network's members, recorded by the
    results' own access function."""
    return round_results_for(user, slug, network_id, round_id, what=_action(what), path=path)


def cohort_export_for(
    user: User, slug: str, cohort_id: int, *, what: str, path: str
) -> CohortAccess:
    """An export of a cohort's progress: for its facilitators."""
    access = cohort_for(user, slug, cohort_id, facilitator=True)
    record_read(
        membership=access.membership, action=_action(what), target=access.cohort.name, path=path
    )
    return access
