"""The demo member in a browser: "what needs me" with its count in the navigation, the
notification settings, and one-click unsubscribe; the leader's meeting plan picker with its
preview. No axe violations, nothing wider than a 390 px phone inside the page's own content."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

#: Elements of the page's own content (the header is another issue's) wider than the screen.
OVERFLOW = """() => [...document.querySelectorAll('main *')]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap'))
  .map(e => e.tagName)"""


@pytest.fixture
def demo(transactional_db: None) -> None:
    from netlead.demo import load_demo

    load_demo()


def _log_in(page: Any, base: str, email: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill("netlead-demo")
    page.locator("form[action='/accounts/login/'] button[type=submit]").click()
    page.wait_for_url(f"{base}/w/jeugdnetwerk-rivierenland/")


def test_the_member_finds_what_needs_her_and_chooses_her_mail(
    live_server: Any, page: Any, demo: None
) -> None:
    base = live_server.url
    page.set_viewport_size({"width": 390, "height": 844})
    _log_in(page, base, "member@example.org")
    # On a phone the navigation folds into the menu: open it to see the count.
    page.get_by_role("button", name="Menu").click()
    count = page.locator(".needs-count .badge")
    count.wait_for()
    assert int(count.inner_text().split()[0]) > 0
    page.get_by_role("link", name="What needs me").click()
    page.wait_for_url(f"{base}/needs-me/")
    assert page.get_by_role("heading", name="Charter versions to respond to").is_visible()
    assert page.get_by_role("heading", name="Minutes to approve").is_visible()
    assert page.locator(".overdue").count() >= 1
    assert page.evaluate(OVERFLOW) == []
    assert axe_violations(page) == []

    page.get_by_role("link", name="How netlead e-mails you about these").click()
    page.get_by_label("Minutes are ready for my approval: In a daily digest").check()
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    assert page.get_by_text("Your notification settings are saved.").is_visible()
    assert page.get_by_label("Minutes are ready for my approval: In a daily digest").is_checked()
    assert page.evaluate(OVERFLOW) == []
    assert axe_violations(page) == []


def test_one_click_unsubscribe_page(live_server: Any, page: Any, demo: None) -> None:
    from netlead.accounts.models import User
    from netlead.notifications.links import unsubscribe_url
    from netlead.notifications.models import Preference

    user = User.objects.get(email="member@example.org")
    url = unsubscribe_url(user.pk, "charter_adopted").split("/notifications/", 1)[1]
    page.goto(f"{live_server.url}/notifications/{url}")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Unsubscribe").click()
    page.wait_for_load_state()
    assert page.get_by_text("you will no longer receive e-mails").is_visible()
    assert Preference.objects.get(user=user, kind="charter_adopted").delivery == "off"


def test_the_leader_picks_a_meeting_plan_with_a_preview(
    live_server: Any, page: Any, demo: None
) -> None:
    from netlead.networks.models import Network, NetworkKind

    base = live_server.url
    network = Network.objects.get(kind=NetworkKind.INTER_ORGANIZATIONAL)
    _log_in(page, base, "leader@example.org")
    page.goto(f"{base}/w/jeugdnetwerk-rivierenland/networks/{network.pk}/meetings/plans/new/")
    page.locator("#id_title").fill("Kernteam")
    page.locator("#id_first_starts_at").fill("2027-01-07T19:30")
    page.locator("#id_repeat_0").check()  # weekly
    page.locator("#id_interval").fill("2")
    page.locator("#id_interval").dispatch_event("change")
    preview = page.locator("#plan-preview")
    preview.get_by_text("Every 2 weeks on Thursday, 6 times").wait_for()
    assert preview.locator("li").count() == 6
    assert axe_violations(page) == []
    page.locator("main form[method=post] button[type=submit]").click()
    page.wait_for_url(f"{base}/w/jeugdnetwerk-rivierenland/networks/{network.pk}/meetings/")
    assert page.get_by_text("Every 2 weeks on Thursday, 6 times").is_visible()
