"""The 360 (observer feedback) report shows the day answering really ended, not the planned one."""

from __future__ import annotations

from datetime import timedelta

from django.utils import formats, timezone

from netlead.development import services
from tests.development.conftest import Dev


def test_a_request_closed_early_shows_its_real_closing_date(dev: Dev) -> None:
    request_ = dev.feedback_request(days_open=20)
    dev.observers(request_, {"peer": 3})
    services.feedback_request_close(request=request_)
    request_.refresh_from_db()
    today = timezone.localdate()
    assert request_.closed_on == today
    planned = formats.date_format(today + timedelta(days=20), "DATE_FORMAT")
    for name in ("request_report", "report"):
        args = (request_.pk,) if name == "request_report" else ()
        page = dev.client().get(dev.url(name, *args)).text
        assert formats.date_format(today, "DATE_FORMAT") in page, name
        assert planned not in page, name


def test_an_open_request_has_no_closing_date_yet(dev: Dev) -> None:
    request_ = dev.feedback_request(days_open=5)
    assert request_.closed_on is None
    request_.closes_on = timezone.localdate() - timedelta(days=2)
    assert request_.closed_on == request_.closes_on
