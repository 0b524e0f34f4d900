"""Sending an observer's link again: to one observer (they lost the e-mail) or to everyone who
has not answered; once however often the task runs; nothing to who answered, and the leader
learns nothing about who did."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from netlead.development.models import FeedbackRequest, ObserverInvitation
from netlead.development.tasks import send_observer_reminder
from tests.development.conftest import OBSERVER_LINK, Dev


@pytest.fixture
def request_(dev: Dev) -> FeedbackRequest:
    return dev.feedback_request(dev.assessment([3, 3, 3, 2, 3, 3, 2, 3, 3, 3]))


def _invite(dev: Dev, request_: FeedbackRequest, capture: Any, *emails: str) -> None:
    with capture(execute=True):
        for email in emails:
            response = dev.client().post(
                dev.url("request", request_.pk),
                {"name": email.split("@")[0], "email": email, "group": "peer", "language": "en"},
            )
            assert response.status_code == 302


def test_one_observer_gets_the_same_link_again_once(
    dev: Dev,
    request_: FeedbackRequest,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    _invite(dev, request_, django_capture_on_commit_callbacks, "olga@observer.test")
    invitation = ObserverInvitation.objects.get()
    first_link = OBSERVER_LINK.search(mailoutbox[0].body).group(1)  # type: ignore[union-attr]
    with django_capture_on_commit_callbacks(execute=True):
        response = dev.client().post(dev.url("observer_resend", request_.pk, invitation.pk))
    assert response.status_code == 302
    assert len(mailoutbox) == 2
    again = mailoutbox[1]
    assert again.subject.startswith("Reminder:") and again.to == ["olga@observer.test"]
    assert OBSERVER_LINK.search(again.body).group(1) == first_link  # type: ignore[union-attr]
    # The queue may run the task twice: no second mail.
    assert send_observer_reminder.call(invitation_id=invitation.pk, base_url="") is False
    assert len(mailoutbox) == 2


def test_remind_everyone_skips_who_answered(
    dev: Dev,
    request_: FeedbackRequest,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    _invite(dev, request_, django_capture_on_commit_callbacks, "a@observer.test", "b@observer.test")
    ObserverInvitation.objects.filter(email="a@observer.test").update(has_answered=True)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = dev.client().post(dev.url("request_remind", request_.pk), follow=True)
    assert [m.to for m in mailoutbox] == [["b@observer.test"]]
    assert "each observer who has not answered yet" in response.text


def test_no_reminders_after_the_request_closed(
    dev: Dev,
    request_: FeedbackRequest,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    _invite(dev, request_, django_capture_on_commit_callbacks, "olga@observer.test")
    FeedbackRequest.objects.filter(pk=request_.pk).update(
        closes_on=timezone.localdate() - timedelta(days=1)
    )
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = dev.client().post(dev.url("request_remind", request_.pk), follow=True)
    assert mailoutbox == [] and "has closed" in response.text


def test_another_leaders_observer_is_not_reachable(
    dev: Dev, request_: FeedbackRequest, django_capture_on_commit_callbacks: Any
) -> None:
    _invite(dev, request_, django_capture_on_commit_callbacks, "olga@observer.test")
    invitation = ObserverInvitation.objects.get()
    other = dev.world.client_for(dev.world.member)
    assert other.post(dev.url("observer_resend", request_.pk, invitation.pk)).status_code == 404
    assert other.post(dev.url("request_remind", request_.pk)).status_code == 404
