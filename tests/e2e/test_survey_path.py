"""A survey round as a new user meets it, in a real browser with axe-core on every page: the
leader starts a relationship round for the demo network, three members answer through the
links in their e-mails (in Dutch, in Danish and in English, one on a phone-sized screen), the
leader closes the round and sees the findings, the map, the comparison and the health
dashboard; a member cannot reach anyone's answers by guessing addresses."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail

from tests.e2e.conftest import axe_violations, open_account_tools

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORKSPACE = "/w/jeugdnetwerk-rivierenland"
LINK = re.compile(r"https?://[^/\s]+(/s/[^/\s]+/)")


@pytest.fixture
def demo(transactional_db: None) -> None:
    from netlead.demo import load_demo

    load_demo()


def _accessible(page: Any) -> None:
    violations = axe_violations(page)
    assert violations == [], (page.url, violations)


def _login(page: Any, base: str, email: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill("netlead-demo")
    page.locator("main button[type=submit]").click()
    page.wait_for_url(re.compile(r"/w/"))


def _answer(browser: Any, url: str, language: str | None, *, phone: bool = False) -> None:
    """Answer through a personal link: consent, name two people, rate them, submit."""
    viewport = {"width": 390, "height": 844} if phone else {"width": 1280, "height": 900}
    context = browser.new_context(bypass_csp=True, locale="en-GB", viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(url)
    if language:
        open_account_tools(page)
        page.locator("#language-switcher").select_option(language)
        page.locator("form[action='/accounts/language/'] button").click()
        page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == language
    _accessible(page)
    page.locator("#consent").check()
    page.locator("main button[type=submit]").click()
    page.wait_for_url(re.compile(r"/people/$"))
    _accessible(page)
    # The roster filter narrows the list as you type (it once did nothing: its script stopped
    # early on a page without autosave).
    items = page.locator("[data-roster-name]")
    total = items.count()
    first_name = (items.nth(total - 1).get_attribute("data-roster-name") or "").split()[0]
    page.locator("#roster-filter").fill(first_name)
    assert 1 <= page.locator("[data-roster-name]:visible").count() < total
    page.locator("#roster-filter").fill("")
    assert page.locator("[data-roster-name]:visible").count() == total
    boxes = page.locator("input[name=named]:not(:checked)")
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.locator("main button[type=submit]").click()
    page.wait_for_url(re.compile(r"/ties/$"))
    _accessible(page)
    # Answer every question; each click is also autosaved.
    page.evaluate(
        "() => document.querySelectorAll('.question').forEach("
        "q => { const r = q.querySelectorAll('input[type=radio]'); if (![...r].some(x => x.checked)) r[2].click(); })"
    )
    page.locator("#save-status").filter(has_text=re.compile(r"\S")).wait_for()
    page.locator("button[name=submit]").click()
    page.wait_for_url(re.compile(r"/thanks/$"))
    _accessible(page)
    # The same link again: nothing can be changed any more.
    page.goto(url)
    assert page.locator("h1").count() == 1
    context.close()


def test_survey_round_from_start_to_results(
    live_server: Any, browser: Any, page: Any, demo: None
) -> None:
    from netlead.networks.models import Network

    base = live_server.url
    network = Network.objects.get(name="Samen Sterk voor Jeugd Rivierenland")
    surveys = f"{base}{WORKSPACE}/networks/{network.pk}/surveys/"
    _login(page, base, "leader@example.org")

    page.goto(surveys)
    _accessible(page)
    page.get_by_role("link", name="Start a survey round").click()
    _accessible(page)
    page.locator("#id_instrument").select_option("relationship_survey")
    page.locator("#id_title").fill("Network check-up")
    page.locator("#id_closes_on").fill("2099-06-30")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/surveys/\d+/$"))
    round_url = page.url
    _accessible(page)
    mail.outbox.clear()
    page.get_by_role("button", name="Open the round and send the invitations").click()
    page.wait_for_load_state()
    assert "invitations are being sent" in page.inner_text("main")

    links = {m.to[0]: LINK.search(m.body).group(1) for m in mail.outbox}  # type: ignore[union-attr]
    assert len(links) == 30
    member_emails = [e for e in sorted(links) if "anouk" not in e][:3]
    _answer(browser, base + links[member_emails[0]], None, phone=True)  # Dutch, the workspace's
    _answer(browser, base + links[member_emails[1]], "da")
    _answer(browser, base + links[member_emails[2]], "en")

    page.goto(round_url)
    assert "3 / 30" in page.inner_text("main")
    # Closing goes through a page that says what follows, then the button closes it.
    page.get_by_role("link", name="Close the round and compute the results").click()
    page.wait_for_url(re.compile(r"/close/$"))
    _accessible(page)
    page.get_by_role("button", name="Close the round and compute the results").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="See the results").click()
    page.wait_for_url(re.compile(r"/results/$"))
    assert page.get_by_role("heading", name="What stands out").is_visible()
    _accessible(page)

    page.get_by_role("link", name="Network map").click()
    page.wait_for_url(re.compile(r"/map/$"))
    page.locator("#network-map canvas").first.wait_for(state="attached")
    page.locator("#map-layer").select_option("operational")
    _accessible(page)

    # The demo's autumn round against its spring round: new and lost ties, figures compared.
    autumn = network.survey_rounds.get(title="Netwerkmeting najaar")
    page.goto(f"{surveys}{autumn.pk}/compare/")
    assert "ties lost" in page.inner_text("main")
    _accessible(page)
    health = network.survey_rounds.get(title="Gezondheidscheck najaar")
    page.goto(f"{surveys}{health.pk}/results/")
    assert page.get_by_role("heading", name="Health of the network").is_visible()
    _accessible(page)


def test_member_cannot_reach_answers_by_guessing(live_server: Any, page: Any, demo: None) -> None:
    from netlead.networks.models import Network
    from netlead.surveys.models import SurveyRound

    base = live_server.url
    network = Network.objects.get(name="Samen Sterk voor Jeugd Rivierenland")
    open_round = network.survey_rounds.get(status="open")
    _login(page, base, "member@example.org")
    prefix = f"{base}{WORKSPACE}/networks/{network.pk}/surveys/"
    guesses = [
        f"{prefix}{open_round.pk}/results/",
        f"{prefix}{open_round.pk}/map.json",
        f"{prefix}{SurveyRound.objects.order_by('-pk').first().pk + 1}/results/",  # type: ignore[union-attr]
        f"{base}/s/{'a' * 43}/",
        f"{base}/admin/surveys/tieanswer/",
        f"{base}/admin/surveys/healthresponse/",
    ]
    for url in guesses:
        response = page.request.get(url, max_redirects=0)
        assert response.status in (302, 404), (url, response.status)
        if response.status == 302:  # the admin sends non-staff users to its login
            assert "/admin/login/" in response.headers["location"], url
