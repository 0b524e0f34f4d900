"""Observer links are sent again at most so often per user, and the observer page is limited
per client address (netlead.core.ratelimit): over the limit a 429 page and nothing is done."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from netlead.development.models import ObserverInvitation
from tests.development.conftest import Dev


def test_resending_and_reminding_are_limited_per_user(
    dev: Dev, limits: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    request_ = dev.feedback_request()
    invitation, _token = dev.invite(request_, "Olga Observer")
    limits(sending=1)
    leader = dev.client()
    with django_capture_on_commit_callbacks(execute=True):
        first = leader.post(dev.url("observer_resend", request_.pk, invitation.pk))
        assert first.status_code == 302
    sent = len(mailoutbox)
    assert sent == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert leader.post(dev.url("request_remind", request_.pk)).status_code == 429
        again = leader.post(dev.url("observer_resend", request_.pk, invitation.pk))
        assert again.status_code == 429
        invite = leader.post(
            dev.url("request", request_.pk),
            {"name": "Piet", "email": "piet@observer.test", "group": "peer", "language": "en"},
        )
        assert invite.status_code == 429
    assert len(mailoutbox) == sent
    assert not ObserverInvitation.objects.filter(email="piet@observer.test").exists()


def test_an_answer_over_the_limit_stores_nothing(dev: Dev, limits: Any) -> None:
    request_ = dev.feedback_request()
    invitation, token = dev.invite(request_, "Olga Observer")
    limits(token_pages=1)
    client = Client(REMOTE_ADDR="203.0.113.7")
    page = reverse("development:observer_answer", args=[token])
    assert client.get(page).status_code == 200
    response = client.post(page, dev.answer_data())
    assert response.status_code == 429
    invitation.refresh_from_db()
    assert not invitation.has_answered
