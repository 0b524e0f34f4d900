"""The one record of sensitive reads: who viewed or downloaded what, where. Access functions for
sensitive data call it themselves, so a page, an API call and an export are all recorded."""

from __future__ import annotations

from netlead.workspaces.models import AuditEvent, Membership


def record_read(*, membership: Membership, action: str, target: str, path: str) -> None:
    """Record that the member viewed or downloaded `target` (see AuditEvent)."""
    AuditEvent.objects.create(
        workspace=membership.workspace,
        user=membership.user,
        action=action[:40],
        target=target[:200],
        path=path[:500],
    )
