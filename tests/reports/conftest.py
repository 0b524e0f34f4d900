"""The demo, loaded once per module (the exports' loader), and a draft and an issued report of
its network."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from netlead.reports import services
from netlead.reports.models import Report
from tests.exports.conftest import Demo, demo, loaded  # noqa: F401 - fixtures used here

__all__ = ["Demo"]


@pytest.fixture
def draft(demo: Demo) -> Report:  # noqa: F811
    return services.report_create(
        network=demo.network,
        user=demo.leader,
        title="Verantwoording 2026",
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 12, 31),
        language="nl",
    )


@pytest.fixture
def issue(
    demo: Demo,  # noqa: F811
    django_capture_on_commit_callbacks: Callable[..., object],
) -> Callable[[Report], Report]:
    """Issue a report and run its generation task, as the worker would after the commit."""

    def run(report: Report) -> Report:
        with django_capture_on_commit_callbacks(execute=True):  # type: ignore[attr-defined]
            services.report_issue(report=report, user=demo.leader)
        report.refresh_from_db()
        return report

    return run
