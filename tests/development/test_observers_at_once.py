"""Several observers invited at once: one "Name <e-mail>" per line; any bad line stops the
whole list with a message per line, and nobody is invited (issue 19)."""

from __future__ import annotations

import pytest

from netlead.development.models import FeedbackRequest, ObserverInvitation
from tests.development.conftest import Dev


@pytest.fixture
def request_(dev: Dev) -> FeedbackRequest:
    return dev.feedback_request()


def _post(dev: Dev, request_: FeedbackRequest, text: str, user=None):  # type: ignore[no-untyped-def]
    return dev.client(user).post(
        dev.url("request", request_.pk),
        {"list-observers": text, "list-group": "peer", "list-language": "en"},
    )


def test_three_observers_are_invited_in_one_go(
    dev: Dev, request_: FeedbackRequest, django_capture_on_commit_callbacks, mailoutbox
) -> None:
    text = "Piet Peer <piet@observer.test>\n\n  Ria Raad <ria@observer.test>  \nSam <sam@observer.test>"
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(dev, request_, text)
    assert response.status_code == 302
    invited = ObserverInvitation.objects.filter(request=request_).order_by("name")
    assert [(i.name, i.email, i.group) for i in invited] == [
        ("Piet Peer", "piet@observer.test", "peer"),
        ("Ria Raad", "ria@observer.test", "peer"),
        ("Sam", "sam@observer.test", "peer"),
    ]
    assert sorted(m.to[0] for m in mailoutbox) == [
        "piet@observer.test",
        "ria@observer.test",
        "sam@observer.test",
    ]


def test_bad_lines_are_named_and_nobody_is_invited(
    dev: Dev, request_: FeedbackRequest, mailoutbox
) -> None:
    text = (
        "Piet Peer <piet@observer.test>\n"
        "just a name\n"
        "Ria <not-an-address>\n"
        "Piet again <PIET@observer.test>"
    )
    response = _post(dev, request_, text)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Line 2: write it as" in page
    assert "Line 3: not-an-address is not a valid e-mail address." in page
    assert "Line 4: PIET@observer.test is on line 1 already." in page
    assert not ObserverInvitation.objects.exists() and not mailoutbox


def test_one_observer_who_cannot_be_invited_stops_the_list(
    dev: Dev, request_: FeedbackRequest, mailoutbox
) -> None:
    dev.invite(request_, "Piet Peer", email="piet@observer.test")
    before = ObserverInvitation.objects.count()
    response = _post(dev, request_, "Ria <ria@observer.test>\nPiet <piet@observer.test>")
    assert response.status_code == 400
    assert "has already been invited" in response.content.decode()
    assert "Nobody was invited." in response.content.decode()
    assert ObserverInvitation.objects.count() == before


def test_an_empty_list_is_refused(dev: Dev, request_: FeedbackRequest) -> None:
    response = _post(dev, request_, "\n  \n")
    assert response.status_code == 400
    assert not ObserverInvitation.objects.exists()


@pytest.mark.parametrize("who", ["owner", "facilitator", "outsider"])
def test_nobody_else_invites_to_the_leaders_request(
    dev: Dev, request_: FeedbackRequest, who: str
) -> None:
    response = _post(dev, request_, "Spy <spy@example.test>", user=getattr(dev.world, who))
    assert response.status_code == 404
    assert not ObserverInvitation.objects.exists()
