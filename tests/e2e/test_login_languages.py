"""A new user's first minutes: log in, use the dashboard in three languages, no axe violations."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import axe_violations, open_account_tools

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db: None) -> None:
    from netlead.demo import load_demo

    load_demo()


def _log_in(page: Any, base: str) -> None:
    page.goto(f"{base}/")
    page.get_by_label("E-mail address").fill("leader@example.org")
    page.get_by_label("Password").fill("netlead-demo")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base}/w/jeugdnetwerk-rivierenland/")


def _switch_language(page: Any, label: str, language_name: str) -> None:
    open_account_tools(page)
    page.get_by_label(label, exact=True).select_option(label=language_name)
    page.locator("form[action='/accounts/language/'] button").click()
    page.wait_for_load_state()


def test_login_page_has_no_accessibility_violations(
    live_server: Any, page: Any, demo: None
) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    assert page.get_by_role("heading", level=1).inner_text() == "Log in to netlead"
    assert axe_violations(page) == []


def test_log_in_and_use_the_dashboard_in_three_languages(
    live_server: Any, page: Any, demo: None
) -> None:
    base = live_server.url
    _log_in(page, base)
    assert page.get_by_role("heading", level=1).inner_text() == "Jeugdnetwerk Rivierenland"
    assert page.get_by_role("row", name="Politie basisteam Rivierstad").is_visible()
    assert axe_violations(page) == []

    _switch_language(page, "Language", "Nederlands")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.get_by_role("link", name="Organisaties").is_visible()
    assert axe_violations(page) == []

    _switch_language(page, "Taal", "Dansk")
    assert page.locator("html").get_attribute("lang") == "da"
    assert page.get_by_role("link", name="Organisationer").is_visible()
    assert axe_violations(page) == []

    # The choice is remembered with the account: a fresh login comes back in Danish.
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/login/")
    page.locator("#id_username").fill("leader@example.org")
    page.locator("#id_password").fill("netlead-demo")
    page.locator("form[action='/accounts/login/'] button[type=submit]").click()
    page.wait_for_url(f"{base}/w/jeugdnetwerk-rivierenland/")
    assert page.locator("html").get_attribute("lang") == "da"


@pytest.mark.parametrize("path", ["people/", "organizations/", "team/", "settings/"])
def test_workspace_pages_have_no_accessibility_violations(
    live_server: Any, page: Any, demo: None, path: str
) -> None:
    _log_in(page, live_server.url)
    page.goto(f"{live_server.url}/w/jeugdnetwerk-rivierenland/{path}")
    assert page.get_by_role("heading", level=1).is_visible()
    assert axe_violations(page) == []


def test_people_search_filters_as_you_type(live_server: Any, page: Any, demo: None) -> None:
    _log_in(page, live_server.url)
    page.goto(f"{live_server.url}/w/jeugdnetwerk-rivierenland/people/")
    assert page.get_by_role("row", name="Rick Vermeulen").is_visible()
    page.get_by_label("Search").fill("Sanne")
    page.get_by_role("row", name="Rick Vermeulen").wait_for(state="detached")
    assert page.get_by_role("row", name="Sanne Bakker").is_visible()


def test_switching_workspace(live_server: Any, page: Any, demo: None) -> None:
    base = live_server.url
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("E-mail address").fill("facilitator@example.org")
    page.get_by_label("Password").fill("netlead-demo")
    page.get_by_role("button", name="Log in").click()
    open_account_tools(page)
    page.get_by_label("Workspace", exact=True).select_option(label="Netwerkacademie (demo)")
    page.get_by_role("button", name="Switch").click()
    page.wait_for_url(f"{base}/w/netwerkacademie-demo/")
    assert page.get_by_role("heading", level=1).inner_text() == "Netwerkacademie (demo)"
