"""An observer's page and answer ask the database a fixed number of questions, and the score
radios keep their markup (written by `score_radios`, not the widget templates)."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse

from netlead.development.models import ObserverInvitation, ObserverResponse
from tests.development.conftest import Dev
from tests.query_counts import RATE_COUNT, SAVEPOINT


def _observer(dev: Dev, group: str = "peer") -> tuple[Client, str, ObserverInvitation]:
    request = dev.feedback_request(dev.assessment([3, 3, 3, 2, 3, 3, 2, 3, 3, 3]))
    invitation, token = dev.invite(request, "Olga Observer", group=group)
    client = Client()
    url = reverse("development:observer_answer", args=[token])
    client.get(url)  # the rate limit's first request in its window also clears old windows
    return client, url, invitation


def test_the_observer_page_asks_a_fixed_number_of_queries(
    dev: Dev, django_assert_num_queries
) -> None:
    client, url, _invitation = _observer(dev)
    # The invitation (with its request, owner, workspace and framework) and the competences.
    with django_assert_num_queries(RATE_COUNT + 2):
        page = client.get(url)
    assert page.status_code == 200
    assert page.text.count('type="radio"') == len(dev.competences) * 5


def test_an_answer_asks_a_fixed_number_of_queries(dev: Dev, django_assert_num_queries) -> None:
    client, url, invitation = _observer(dev)
    data = dev.answer_data(4)
    # The invitation, the competences; in the service the request's lock (with its
    # self-assessment), the invitation's lock, the competences' keys, the answer, the
    # request's answers read, deleted and written again in a random order, the invitation
    # marked answered.
    with django_assert_num_queries(RATE_COUNT + 2 + SAVEPOINT + 8):
        response = client.post(url, data)
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.has_answered
    stored = ObserverResponse.objects.get(request=invitation.request)
    assert stored.scores == {c.key: 4 for c in dev.competences}
    assert stored.group == "peer"


def test_a_second_answer_is_refused_and_changes_nothing(dev: Dev) -> None:
    client, url, invitation = _observer(dev)
    client.post(url, dev.answer_data(4))
    again = client.post(url, dev.answer_data(2))
    assert again.status_code != 302
    stored = ObserverResponse.objects.get(request=invitation.request)
    assert set(stored.scores.values()) == {4}


def test_radios_keep_the_answer_and_mark_the_missing_one(dev: Dev) -> None:
    client, url, _invitation = _observer(dev, group="manager")
    first, second = dev.competences[0], dev.competences[1]
    data = dev.answer_data(4)
    del data[f"score_{first.key}"]
    data[f"score_{second.key}"] = "2"
    page = client.post(url, data)
    assert page.status_code == 400
    assert not ObserverResponse.objects.exists()
    # The point given stays checked, with its label; the missing competence's radios are
    # marked invalid, the others not.
    assert (
        f'<li><label for="id_score_{second.key}_1"><input type="radio" '
        f'name="score_{second.key}" value="2" id="id_score_{second.key}_1" required checked> '
        "<span>2 · "
    ) in page.text
    assert len(re.findall(r'type="radio"[^>]* checked>', page.text)) == len(dev.competences) - 1
    assert page.text.count('aria-invalid="true"') == 5
    assert (
        f'name="score_{first.key}" value="1" id="id_score_{first.key}_0" required aria-invalid'
        in page.text
    )
