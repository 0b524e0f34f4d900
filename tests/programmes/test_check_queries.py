"""The four-principles check is given by every member right after a meeting: its page and its
answer ask the database a fixed number of questions, and its radios keep their markup."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from netlead.programmes.models import PrinciplesCheckReceipt, PrinciplesCheckResponse
from tests.conftest import World
from tests.programmes.test_leader_networks import GOOD, LN, build
from tests.query_counts import RATE_COUNT, SAVEPOINT

SCORES = {key: str(value) for key, value in GOOD.items()}
#: The session and its user, and the check's own rate count (netlead.core.ratelimit).
REQUEST = 2 + RATE_COUNT
#: The workspace membership; the network member with the leader network's profile.
ACCESS = 2


@pytest.fixture
def ln(world: World) -> LN:
    return build(world)


def _check(ln: LN) -> tuple[Client, str]:
    url = reverse(
        "programmes:leader_network_check",
        args=[ln.world.workspace.slug, ln.network.pk, ln.recent.pk],
    )
    client = ln.world.client_for(ln.world.member)
    client.get(url)  # the rate limit's first request in its window also clears old windows
    return client, url


def test_the_check_page_asks_a_fixed_number_of_queries(ln: LN, django_assert_num_queries) -> None:
    client, url = _check(ln)
    # The meeting, whether the member was away or has answered (one query), and the
    # navigation's workspaces.
    with django_assert_num_queries(REQUEST + ACCESS + 3):
        page = client.get(url)
    assert page.status_code == 200
    assert page.text.count('type="radio"') == 4 * 5
    assert page.text.count(" checked") == 0


def test_an_answer_asks_a_fixed_number_of_queries(ln: LN, django_assert_num_queries) -> None:
    client, url = _check(ln)
    # The meeting; in the service the meeting's lock, the refusal's facts, the receipt, the
    # answer, the meeting's answers read, deleted and written again in a random order.
    with django_assert_num_queries(REQUEST + ACCESS + 1 + SAVEPOINT + 7):
        response = client.post(url, SCORES)
    assert response.status_code == 302
    assert PrinciplesCheckReceipt.objects.filter(meeting=ln.recent, member=ln.member).exists()
    stored = PrinciplesCheckResponse.objects.get(meeting=ln.recent)
    assert {key: getattr(stored, key) for key in GOOD} == GOOD


def test_a_refused_answer_stores_nothing_and_says_why(ln: LN) -> None:
    client, url = _check(ln)
    client.post(url, SCORES)
    again = client.post(url, {**SCORES, "feedback": "5"})
    assert again.status_code == 400
    assert "already" in again.text
    assert PrinciplesCheckResponse.objects.filter(meeting=ln.recent).count() == 1


def test_radios_keep_the_answer_and_mark_the_missing_one(ln: LN) -> None:
    client, url = _check(ln)
    data = {**SCORES}
    del data["feedback"]
    page = client.post(url, data)
    assert page.status_code == 400
    assert not PrinciplesCheckReceipt.objects.exists()
    # Each radio has its label; the points given stay checked.
    assert (
        '<li><label for="id_free_space_3"><input type="radio" name="free_space" value="4" '
        'id="id_free_space_3" required checked> <span>4 · largely</span></label></li>'
    ) in page.text
    assert page.text.count(" checked>") == 3
    # Only the missing principle's radios are marked invalid.
    assert page.text.count('aria-invalid="true"') == 5
    assert 'name="feedback" value="1" id="id_feedback_0" required aria-invalid="true">' in page.text
