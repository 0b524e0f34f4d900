from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from netlead.privacy import services


class Command(BaseCommand):
    help = (
        "Apply the retention periods (docs/privacy.md, processing register): delete raw survey "
        "answers, links and invitations, audit events, login records and finished task records "
        "past their periods; carry out account erasures that came due; delete expired "
        "download-my-data archives. Run daily (cron or a systemd timer); safe to run twice."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        report = services.apply_retention(now=timezone.now())
        self.stdout.write(
            f"Deleted {report.survey_answers} survey answer(s), switched off "
            f"{report.observer_links} observer link(s), deleted {report.workspace_records} "
            f"invitation(s) and audit event(s), {report.login_records} login record(s), "
            f"{report.task_records} task record(s) and {report.expired_archives} expired "
            f"archive(s); erased {report.erased_accounts} account(s)."
        )
        for problem in report.problems:
            self.stderr.write(problem)
