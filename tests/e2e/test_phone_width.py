"""The demo on a 390px phone: no page is wider than the screen, the header folds into a menu
that a keyboard opens, and axe-core finds nothing; at 1280px the owner's header is one row."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.e2e.conftest import axe_violations, open_account_tools

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def demo(transactional_db: None) -> str:
    from netlead.demo import load_demo

    return load_demo().workspace.slug


def _pages(slug: str) -> list[str]:
    """The demo's main pages: dashboard, network, members, charter, meetings, actions, surveys
    and results, map, development, programmes and what needs me."""
    from netlead.meetings.models import Meeting
    from netlead.networks.models import Network
    from netlead.surveys.models import SurveyRound

    # The demo's autumn round: closed, with its diagnosis and map.
    closed = SurveyRound.objects.get(title="Netwerkmeting najaar")
    network = Network.objects.get(pk=closed.network_id)
    meeting = Meeting.objects.filter(network=network).order_by("pk").first()
    assert meeting is not None
    n = {"slug": slug, "network_id": network.pk}
    r = {**n, "pk": closed.pk}
    return [
        reverse("workspaces:dashboard", args=[slug]),
        reverse("networks:list", args=[slug]),
        reverse("networks:dashboard", kwargs=n),
        reverse("networks:members", kwargs=n),
        reverse("networks:charter", kwargs=n),
        reverse("networks:results", kwargs=n),
        reverse("meetings:list", kwargs=n),
        reverse("meetings:detail", kwargs={**n, "pk": meeting.pk}),
        reverse("meetings:actions", kwargs=n),
        reverse("meetings:my_actions", args=[slug]),
        reverse("surveys:list", kwargs=n),
        reverse("surveys:trends", kwargs=n),
        reverse("surveys:results", kwargs=r),
        reverse("surveys:map", kwargs=r),
        reverse("development:overview", args=[slug]),
        reverse("development:assessments", args=[slug]),
        reverse("development:plan", args=[slug]),
        reverse("development:network", args=[slug]),
        reverse("programmes:hub", args=[slug]),
        reverse("notifications:needs_me"),
    ]


def _log_in(page: Any, base: str, email: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", "netlead-demo")
    page.locator('form[action="/accounts/login/"] button[type=submit]').click()
    page.wait_for_load_state()


def _width(page: Any) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth"))


def test_no_demo_page_is_wider_than_a_phone(live_server: Any, browser: Any, demo: str) -> None:
    context = browser.new_context(bypass_csp=True, locale="en-GB", viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        _log_in(page, live_server.url, "leader@example.org")
        too_wide: dict[str, int] = {}
        violations: dict[str, list[dict[str, Any]]] = {}
        for path in _pages(demo):
            response = page.goto(f"{live_server.url}{path}")
            assert response is not None and response.ok, path
            page.wait_for_load_state("networkidle")
            if _width(page) > PHONE["width"]:
                too_wide[path] = _width(page)
            found = axe_violations(page)
            if found:
                violations[path] = found
        assert too_wide == {}
        assert violations == {}
    finally:
        context.close()


def test_the_phone_menu_opens_and_closes_from_the_keyboard(
    live_server: Any, browser: Any, demo: str
) -> None:
    context = browser.new_context(bypass_csp=True, locale="en-GB", viewport=PHONE)
    page = context.new_page()
    try:
        _log_in(page, live_server.url, "leader@example.org")
        toggle = page.get_by_role("button", name="Menu")
        networks = page.get_by_role("navigation", name="Main").get_by_role("link", name="Networks")
        assert toggle.get_attribute("aria-expanded") == "false"
        assert not networks.is_visible()

        toggle.focus()
        page.keyboard.press("Enter")
        assert toggle.get_attribute("aria-expanded") == "true"
        assert networks.is_visible()
        open_account_tools(page)
        assert page.locator("#language-switcher").is_visible()
        assert _width(page) <= PHONE["width"]  # the open menu fits the screen too
        toggle.focus()
        page.keyboard.press("Tab")
        page.keyboard.press("Escape")
        assert toggle.get_attribute("aria-expanded") == "false"
        assert not networks.is_visible()
        assert page.evaluate("document.activeElement.classList.contains('menu-toggle')")
        assert _width(page) <= PHONE["width"]
    finally:
        context.close()


def test_the_owners_header_is_one_row_at_1280(live_server: Any, page: Any, demo: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    _log_in(page, live_server.url, "leader@example.org")
    for language in ["nl", "da", "en"]:
        open_account_tools(page)
        page.locator("#language-switcher").select_option(language)
        page.locator("form[action='/accounts/language/'] button").click()
        page.wait_for_load_state()
        assert not page.get_by_role("button", name="Menu").is_visible()
        middles = page.evaluate(
            "[...document.querySelectorAll('.brand, .main-nav li, .header-tools > summary')]"
            ".map(e => { const r = e.getBoundingClientRect(); return (r.top + r.bottom) / 2; })"
        )
        assert len(middles) == 12
        assert max(middles) - min(middles) < 20, (language, middles)


def test_the_phone_menu_button_carries_the_count_of_what_needs_me(
    live_server: Any, browser: Any, demo: str
) -> None:
    from netlead.accounts.models import User
    from netlead.notifications.selectors import needs_me

    count = needs_me(User.objects.get(email="leader@example.org")).count
    assert count > 1  # the demo leader has things waiting, so the plural is shown
    context = browser.new_context(bypass_csp=True, locale="en-GB", viewport=PHONE)
    page = context.new_page()
    try:
        _log_in(page, live_server.url, "leader@example.org")
        page.wait_for_load_state("networkidle")
        toggle = page.locator(".menu-toggle")
        assert toggle.get_attribute("aria-expanded") == "false"
        named = page.get_by_role("button", name=f"Menu, {count} need you", exact=True)
        named.wait_for()
        assert named.is_visible()
        assert toggle.locator(".badge").inner_text() == str(count)
        assert _width(page) <= PHONE["width"]
        assert axe_violations(page) == []
        # The menu still opens from the keyboard, and the count's link is inside it.
        toggle.focus()
        page.keyboard.press("Enter")
        assert toggle.get_attribute("aria-expanded") == "true"
        assert page.locator(".main-nav .needs-count .badge").inner_text().startswith(str(count))
    finally:
        context.close()
