"""Observer feedback: the leader asks, observers answer once through their link, and the report
opens only when answering has ended, with groups shown only where nobody can be singled out."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import models
from django.forms.models import model_to_dict
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from netlead.development import services
from netlead.development.models import FeedbackRequest, ObserverInvitation, ObserverResponse
from tests.development.conftest import OBSERVER_LINK, Dev
from tests.linkage import ANSWERERS, assert_cannot_be_paired, time_fields


def _answer_url(token: str) -> str:
    return reverse("development:observer_answer", args=[token])


@pytest.fixture
def request_(dev: Dev) -> FeedbackRequest:
    return dev.feedback_request(dev.assessment([3, 3, 3, 2, 3, 3, 2, 3, 3, 3]))


def _invite_form(
    name: str = "Olga Observer", email: str = "olga@observer.test", **extra: str
) -> dict[str, str]:
    return {"name": name, "email": email, "group": "peer", "language": "en", **extra}


# -- The request ---------------------------------------------------------------------------


def _request_form(dev: Dev, assessment_pk: object, closes_on: object) -> dict[str, object]:
    return {"assessment": assessment_pk, "title": "My feedback", "closes_on": closes_on}


def test_a_request_is_created_on_an_own_assessment(dev: Dev) -> None:
    assessment = dev.assessment(3)
    closes_on = timezone.localdate() + timedelta(days=10)
    response = dev.client().post(
        dev.url("requests"), _request_form(dev, assessment.pk, closes_on.isoformat())
    )
    created = FeedbackRequest.objects.get()
    assert response.status_code == 302 and response.url == dev.url("request", created.pk)
    assert (created.owner, created.assessment, created.closes_on) == (
        dev.person,
        assessment,
        closes_on,
    )


def test_a_request_needs_an_own_assessment(dev: Dev) -> None:
    page = dev.client().get(dev.url("requests"))
    assert "start a self-assessment" in page.text
    others = dev.assessment(3, owner=dev.leader_of(dev.world.member))
    response = dev.client().post(dev.url("requests"), _request_form(dev, others.pk, "2099-01-01"))
    assert response.status_code == 400
    assert not FeedbackRequest.objects.exists()


def test_a_closing_date_in_the_past_is_refused(dev: Dev) -> None:
    assessment = dev.assessment(3)
    yesterday = timezone.localdate() - timedelta(days=1)
    response = dev.client().post(
        dev.url("requests"), _request_form(dev, assessment.pk, yesterday.isoformat())
    )
    assert response.status_code == 400
    assert "The closing date cannot be in the past." in response.text
    assert not FeedbackRequest.objects.exists()


# -- Inviting ------------------------------------------------------------------------------


def test_an_invitation_mails_a_link_that_opens_the_form(
    dev: Dev, request_: FeedbackRequest, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = dev.client().post(dev.url("request", request_.pk), _invite_form())
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["olga@observer.test"]
    assert "Dana Developer" in message.subject
    assert "Thank you for your time." in message.body  # the leader's own message
    match = OBSERVER_LINK.search(message.body)
    assert match, message.body
    assert ObserverInvitation.objects.get().sent_at is not None
    page = Client().get(_answer_url(match.group(1)))
    assert page.status_code == 200
    assert "Feedback for Dana Developer" in page.text
    assert page.context["invitation"].email == "olga@observer.test"


def test_the_same_address_is_invited_only_once(
    dev: Dev, request_: FeedbackRequest, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    client = dev.client()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(dev.url("request", request_.pk), _invite_form())
        again = client.post(
            dev.url("request", request_.pk), _invite_form("Olga Again", "OLGA@Observer.TEST ")
        )
    assert again.status_code == 400
    assert "has already been invited to this request." in again.text
    assert request_.invitations.count() == 1
    assert len(mailoutbox) == 1


@pytest.mark.parametrize("email", ["dana@example.test", "Dana@Example.Test"])
def test_the_leader_cannot_be_her_own_observer(
    dev: Dev, request_: FeedbackRequest, mailoutbox, email: str
) -> None:
    response = dev.client().post(dev.url("request", request_.pk), _invite_form("Me", email))
    assert response.status_code == 400
    assert "You cannot be your own observer" in response.text
    assert not request_.invitations.exists()
    assert not mailoutbox


def test_a_closed_request_takes_no_new_observers(dev: Dev, request_: FeedbackRequest) -> None:
    services.feedback_request_close(request=request_)
    response = dev.client().post(dev.url("request", request_.pk), _invite_form())
    assert response.status_code == 400
    assert "This request has closed" in response.text
    assert not request_.invitations.exists()


def test_the_leader_sees_how_many_answered_per_group_not_who(
    dev: Dev, request_: FeedbackRequest
) -> None:
    dev.observers(request_, {"peer": 2})
    dev.invite(request_, "Paula Partner", group="partner")
    progress = dev.client().get(dev.url("request", request_.pk)).context["progress"]
    assert [(g.group, g.invited, g.answered) for g in progress] == [
        ("peer", 2, 2),
        ("partner", 1, 0),
    ]


# -- Answering -----------------------------------------------------------------------------


def test_an_answer_is_stored_with_its_group_only(dev: Dev, request_: FeedbackRequest) -> None:
    invitation, token = dev.invite(request_, "Olga Observer", group="partner")
    response = dev.answer(token, 4, strengths="  Brings people together. ")
    assert response.url == reverse("development:observer_thanks", args=[token])
    stored = ObserverResponse.objects.get()
    assert stored.group == "partner"
    assert stored.scores == {c.key: 4 for c in dev.competences}
    assert stored.strengths == "Brings people together."
    invitation.refresh_from_db()
    assert invitation.has_answered
    thanks = Client().get(response.url)
    assert thanks.status_code == 200 and "Thank you" in thanks.text


def test_every_score_is_required(dev: Dev, request_: FeedbackRequest) -> None:
    invitation, token = dev.invite(request_, "Olga Observer")
    data = dev.answer_data(4)
    del data[f"score_{dev.competences[-1].key}"]
    response = Client().post(_answer_url(token), data)
    assert response.status_code == 400
    assert "Some answers are missing" in response.text
    assert not ObserverResponse.objects.exists()
    invitation.refresh_from_db()
    assert not invitation.has_answered


@pytest.mark.parametrize("value", ["0", "6", "x"])
def test_a_score_out_of_range_is_refused(dev: Dev, request_: FeedbackRequest, value: str) -> None:
    _invitation, token = dev.invite(request_, "Olga Observer")
    data = dev.answer_data(4)
    data[f"score_{dev.competences[0].key}"] = value
    assert Client().post(_answer_url(token), data).status_code == 400
    assert not ObserverResponse.objects.exists()


def test_consent_is_required(dev: Dev, request_: FeedbackRequest) -> None:
    invitation, token = dev.invite(request_, "Olga Observer")
    response = Client().post(_answer_url(token), dev.answer_data(4, consent=False))
    assert response.status_code == 400
    assert "Please confirm that you agree before you send." in response.text
    assert not ObserverResponse.objects.exists()
    invitation.refresh_from_db()
    assert not invitation.has_answered


def test_a_used_link_says_so_and_changes_nothing(dev: Dev, request_: FeedbackRequest) -> None:
    invitation, token = dev.invite(request_, "Olga Observer")
    dev.answer(token, 4)
    invitation.refresh_from_db()
    assert invitation.has_answered
    again = Client().post(_answer_url(token), dev.answer_data(1))
    assert again.status_code == 200
    assert "Your feedback has been received" in again.text
    opened = Client().get(_answer_url(token))
    assert "Your feedback has been received" in opened.text
    assert ObserverResponse.objects.count() == 1
    assert ObserverResponse.objects.get().scores == {c.key: 4 for c in dev.competences}
    invitation.refresh_from_db()
    assert invitation.has_answered


def test_an_unknown_link_is_not_found(db: None) -> None:
    for url in (
        _answer_url("not-a-real-token"),
        reverse("development:observer_thanks", args=["x"]),
    ):
        response = Client().get(url)
        assert response.status_code == 404
        assert "This link is not known" in response.text


def test_thanks_page_before_answering_is_not_found(dev: Dev, request_: FeedbackRequest) -> None:
    _invitation, token = dev.invite(request_, "Olga Observer")
    response = Client().get(reverse("development:observer_thanks", args=[token]))
    assert response.status_code == 404


def test_a_survey_token_does_not_open_an_observer_link(dev: Dev, request_: FeedbackRequest) -> None:
    from netlead.core.tokens import token_for
    from netlead.surveys.models import SURVEY_LINK_PURPOSE

    invitation, _token = dev.invite(request_, "Olga Observer")
    survey_token = token_for(
        invitation.salt, SURVEY_LINK_PURPOSE
    )  # the same salt, the survey purpose
    assert Client().get(_answer_url(survey_token)).status_code == 404


def test_a_closed_request_takes_no_answers(dev: Dev, request_: FeedbackRequest) -> None:
    _invitation, token = dev.invite(request_, "Olga Observer")
    closed = dev.client().post(dev.url("request_close", request_.pk))
    assert closed.status_code == 302 and closed.url == dev.url("request_report", request_.pk)
    for response in (
        Client().get(_answer_url(token)),
        Client().post(_answer_url(token), dev.answer_data(4)),
    ):
        assert response.status_code == 410
        assert "This feedback request has closed" in response.text
    assert not ObserverResponse.objects.exists()


def test_a_request_past_its_closing_date_takes_no_answers(
    dev: Dev, request_: FeedbackRequest
) -> None:
    _invitation, token = dev.invite(request_, "Olga Observer")
    FeedbackRequest.objects.filter(pk=request_.pk).update(
        closes_on=timezone.localdate() - timedelta(days=1)
    )
    response = Client().post(_answer_url(token), dev.answer_data(4))
    assert response.status_code == 410
    assert not ObserverResponse.objects.exists()


def test_only_a_manager_can_be_shown_alone(dev: Dev, request_: FeedbackRequest) -> None:
    _peer, peer_token = dev.invite(request_, "Pete Peer", group="peer")
    _boss, boss_token = dev.invite(request_, "Mona Manager", group="manager")
    peer_form = Client().get(_answer_url(peer_token))
    assert "shown_alone" not in peer_form.context["form"].fields
    dev.answer(peer_token, 4, shown_alone="on")
    dev.answer(boss_token, 4, shown_alone="on")
    assert dict(ObserverResponse.objects.values_list("group", "shown_alone")) == {
        "peer": False,
        "manager": True,
    }


def test_a_response_cannot_be_traced_to_its_invitation(dev: Dev, request_: FeedbackRequest) -> None:
    invitation, token = dev.invite(request_, "Olga Observer")
    dev.answer(token, 4)
    invitation.refresh_from_db()
    response = ObserverResponse.objects.get()
    related = {
        f.related_model
        for f in ObserverResponse._meta.get_fields()
        if isinstance(f, models.ForeignObjectRel | models.ForeignKey | models.ManyToManyField)
    }
    assert ObserverInvitation not in related
    assert {f.name for f in ObserverResponse._meta.get_fields()}.isdisjoint(
        {"invitation", "name", "email", "salt", "token_hash"}
    )
    assert response.response_key not in (invitation.token_hash, invitation.salt, token)


# -- The report ----------------------------------------------------------------------------


def test_the_report_stays_hidden_until_the_request_closes(
    dev: Dev, request_: FeedbackRequest
) -> None:
    dev.observers(request_, {"peer": 3})
    client = dev.client()
    hidden = client.get(dev.url("request_report", request_.pk))
    assert hidden.status_code == 200
    assert hidden.context["view"] is None
    assert "Your report opens when the request closes" in hidden.text
    assert "All observers" not in hidden.text and "observers answered" not in hidden.text
    client.post(dev.url("request_close", request_.pk))
    shown = client.get(dev.url("request_report", request_.pk))
    assert shown.context["view"] is not None
    assert "All observers" in shown.text
    assert '<span class="figure">3</span> observers answered' in shown.text


def test_with_fewer_than_k_answers_the_report_says_too_few(
    dev: Dev, request_: FeedbackRequest
) -> None:
    dev.observers(request_, {"peer": 1, "manager": 1})
    dev.invite(request_, "Silent Sam")
    services.feedback_request_close(request=request_)
    response = dev.client().get(dev.url("request_report", request_.pk))
    view = response.context["view"]
    assert view.report.all_observers is None and view.columns == []
    assert "2 observers have answered so far" in response.text
    assert "Feedback is shown once at least 3 have answered" in response.text
    assert "All observers" not in response.text


@pytest.fixture
def merged_report(dev: Dev, request_: FeedbackRequest) -> tuple[Any, dict[str, list[str]]]:
    """Manager (agreed to be shown alone), 3 peers, 3 partners and 2 direct reports."""
    names = dev.observers(request_, {"manager": 1, "peer": 3, "partner": 3, "report": 2})
    services.feedback_request_close(request=request_)
    response = dev.client().get(dev.url("request_report", request_.pk))
    assert response.status_code == 200
    return response, names


def test_small_groups_are_merged_and_one_more_so_nobody_can_be_worked_out(
    merged_report: tuple[Any, dict[str, list[str]]],
) -> None:
    response, _names = merged_report
    view = response.context["view"]
    assert view.columns == ["Manager", "Peers"]
    assert view.merged == ["Network partners", "Direct reports"]
    assert view.secondary == ["Network partners"]
    assert 'Shown only within "all observers": Network partners, Direct reports.' in response.text
    assert "Network partners: enough answers, but merged too" in response.text


def test_the_figures_are_the_groups_means(merged_report: tuple[Any, dict[str, list[str]]]) -> None:
    response, _names = merged_report
    row = response.context["view"].rows[0]
    # manager 5, peers 4 each, partners 3 each, reports 2 each: (5 + 12 + 9 + 4) / 9
    assert row.groups == [5, 4]
    assert row.all_observers == pytest.approx(30 / 9)
    assert row.self_score == 3
    assert row.gap == pytest.approx(3 - 30 / 9)


def test_a_manager_who_did_not_agree_is_not_shown_alone(
    dev: Dev, request_: FeedbackRequest
) -> None:
    dev.observers(request_, {"manager": 1, "peer": 3}, manager_alone=False)
    services.feedback_request_close(request=request_)
    view = dev.client().get(dev.url("request_report", request_.pk)).context["view"]
    assert "Manager" not in view.columns
    assert view.merged == ["Manager", "Peers"]


def test_observer_names_never_appear_in_the_report(
    merged_report: tuple[Any, dict[str, list[str]]],
) -> None:
    response, names = merged_report
    for group_names in names.values():
        for name in group_names:
            assert name not in response.text
            assert name.split()[0].lower() + "@observer.test" not in response.text


def test_comments_are_sorted_and_unsigned(dev: Dev, request_: FeedbackRequest) -> None:
    for name, comment in [
        ("Zoe First", "banana: keeps the shared interest in view"),
        ("Yann Second", "Apple: brings people together"),
        ("Xena Third", "cherry: listens well"),
    ]:
        _invitation, token = dev.invite(request_, name)
        dev.answer(token, 4, strengths=comment)
    services.feedback_request_close(request=request_)
    response = dev.client().get(dev.url("request_report", request_.pk))
    assert response.context["view"].comments_strengths == [
        "Apple: brings people together",
        "banana: keeps the shared interest in view",
        "cherry: listens well",
    ]
    text = response.text
    assert text.index("Apple:") < text.index("banana:") < text.index("cherry:")
    for name in ("Zoe First", "Yann Second", "Xena Third"):
        assert name not in text


def test_comments_stay_hidden_below_k(dev: Dev, request_: FeedbackRequest) -> None:
    _invitation, token = dev.invite(request_, "Olga Observer")
    dev.answer(token, 4, strengths="Only I wrote this")
    services.feedback_request_close(request=request_)
    response = dev.client().get(dev.url("request_report", request_.pk))
    assert "Only I wrote this" not in response.text


def test_reading_a_report_is_logged(dev: Dev, request_: FeedbackRequest) -> None:
    from netlead.workspaces.models import AuditEvent

    client = dev.client()
    client.get(dev.url("request_report", request_.pk))  # still open: nothing read
    assert not AuditEvent.objects.exists()
    services.feedback_request_close(request=request_)
    client.get(dev.url("request_report", request_.pk))
    event = AuditEvent.objects.get()
    assert (event.user, event.target) == (dev.leader, f"feedback report {request_.pk}")


def test_the_answer_day_does_not_tell_whose_response_it_is(
    dev: Dev, request_: FeedbackRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = timezone.now().replace(hour=10, minute=0, second=0, microsecond=0)
    sent: dict[str, dict[str, object]] = {}
    for day, name in enumerate(("Ann Early", "Bob Middle", "Cyd Late")):
        invitation, token = dev.invite(request_, name)
        sent[name] = model_to_dict(ObserverInvitation.objects.get(pk=invitation.pk))
        moment = start + timedelta(days=day)
        monkeypatch.setattr(timezone, "now", lambda moment=moment: moment)
        dev.answer(token, 4)
    monkeypatch.undo()
    # Answering changed only the flag on each invitation: no day of answering to match.
    for invitation in request_.invitations.all():
        before = sent[invitation.name]
        after = model_to_dict(invitation)
        changed = {key for key in after if after[key] != before[key]}
        assert changed == {"has_answered"} and invitation.has_answered
    # And a response holds no day at all.
    assert time_fields(ObserverResponse) == []


def test_observer_responses_cannot_be_paired_with_invitations(
    dev: Dev, request_: FeedbackRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The operator's view (issue 14): ten observers answer on ten days, in the order of their
    invitations; the responses follow that order neither in key, row order nor time."""
    start = timezone.now().replace(hour=10, minute=0, second=0, microsecond=0)
    names = [f"Observer{n} Surname" for n in range(ANSWERERS)]
    for day, name in enumerate(names):
        _invitation, token = dev.invite(request_, name)
        moment = start + timedelta(days=day)
        monkeypatch.setattr(timezone, "now", lambda moment=moment: moment)
        dev.answer(token, 4, strengths=name)  # the test's own marker of whose answer it is
    monkeypatch.undo()
    assert request_.invitations.filter(has_answered=True).count() == ANSWERERS
    by_name = dict(ObserverResponse.objects.values_list("strengths", "pk"))
    in_answer_order = [by_name[name] for name in names]
    assert_cannot_be_paired(ObserverResponse, in_answer_order, request=request_.pk)


def test_the_invitation_task_run_twice_mails_once(
    dev: Dev, request_: FeedbackRequest, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    from netlead.development.tasks import send_observer_invitation

    with django_capture_on_commit_callbacks(execute=True):
        dev.client().post(dev.url("request", request_.pk), _invite_form())
    invitation = ObserverInvitation.objects.get()
    # The queue delivers at least once: the second run finds the invitation sent.
    assert send_observer_invitation.call(invitation_id=invitation.pk, base_url="") is False
    assert len(mailoutbox) == 1
    # One whose mail never left (its worker died before the commit) is sent by the next run.
    ObserverInvitation.objects.filter(pk=invitation.pk).update(sent_at=None)
    assert send_observer_invitation.call(invitation_id=invitation.pk, base_url="") is True
    assert send_observer_invitation.call(invitation_id=invitation.pk, base_url="") is False
    assert len(mailoutbox) == 2
    # Sent again, it is the same message (mail programs that sort by Message-ID show it once).
    first, again = (m.message()["Message-ID"] for m in mailoutbox)
    assert first == again
