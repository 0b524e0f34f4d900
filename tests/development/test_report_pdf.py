"""The development report as a PDF: the leader's own, and a shared one for the workspace's
facilitators (recorded in the audit log); nobody else gets one."""

from __future__ import annotations

from netlead.development import services
from netlead.workspaces.models import AuditEvent
from tests.development.conftest import Dev


def test_the_leader_downloads_their_own_report_as_a_pdf(dev: Dev) -> None:
    response = dev.client().get(dev.url("report_pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="development-report-')
    assert bytes(response.content).startswith(b"%PDF")
    assert dev.url("report_pdf") in dev.client().get(dev.url("report")).text


def test_a_shared_report_as_a_pdf_is_for_facilitators_and_audited(dev: Dev) -> None:
    url = dev.url("shared_report_pdf", dev.person.pk)
    facilitator = dev.client(dev.world.facilitator)
    assert facilitator.get(url).status_code == 404  # not shared yet
    services.profile_for(dev.person)  # the profile exists once the leader opens settings
    dev.client().post(dev.url("settings"), {"report_shared": "on", "stale_after_days": "90"})
    before = AuditEvent.objects.count()
    response = facilitator.get(url)
    assert response.status_code == 200 and bytes(response.content).startswith(b"%PDF")
    assert AuditEvent.objects.count() == before + 1
    # A plain member is no manager; another workspace does not exist for its users.
    assert dev.client(dev.world.member).get(url).status_code == 403
    assert dev.client(dev.world.outsider).get(url).status_code == 404
    assert dev.client(dev.world.outsider).get(dev.url("report_pdf")).status_code == 404
