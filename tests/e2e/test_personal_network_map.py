"""The personal network map as a leader uses it, in a real browser with the page's own CSP: the
leader sits at the centre, a click on a contact (and the arrow keys) fill the side panel with a
link to the contact's form, the view downloads as a valid PNG and SVG; axe-core finds nothing
and the console stays clean."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import axe_violations
from tests.e2e.test_network_map import _download, _png, _svg

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NETWORK = "/w/jeugdnetwerk-rivierenland/development/network/"


@pytest.fixture
def demo(transactional_db: None) -> None:
    from netlead.demo import load_demo

    load_demo()


def _open(browser: Any, base: str) -> tuple[Any, Any, list[str]]:
    context = browser.new_context(
        locale="en-GB", viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems: list[str] = []
    page.on(
        "console",
        lambda m: (
            problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None
        ),
    )
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.goto(f"{base}/accounts/login/")
    page.locator("#id_username").fill("leader@example.org")
    page.locator("#id_password").fill("netlead-demo")
    page.locator("main button[type=submit]").click()
    page.wait_for_url(re.compile(r"/w/"))
    page.goto(f"{base}{NETWORK}")
    page.locator("#network-map[data-ready=true]").wait_for()
    return context, page, problems


def _click_contact(page: Any, name: str) -> None:
    page.locator("#network-map").scroll_into_view_if_needed()
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)))")
    box = page.locator("#network-map").bounding_box()
    position = page.evaluate(
        """(name) => {
          const cy = window.netleadMap;
          const node = cy.nodes(".contact").filter((n) => n.data("name") === name)[0];
          return node.renderedPosition();
        }""",
        name,
    )
    page.mouse.click(box["x"] + position["x"], box["y"] + position["y"])


def test_the_personal_map_with_mouse_and_keyboard(
    live_server: Any, browser: Any, demo: None, tmp_path: Path
) -> None:
    from netlead.development.models import Contact

    context, page, problems = _open(browser, live_server.url)
    assert axe_violations(page) == []
    # The leader is at the centre of the map.
    centre = page.evaluate(
        """() => {
          const cy = window.netleadMap;
          const me = cy.getElementById("me").position();
          const ring = cy.getElementById("sectors").position();
          return [me.x - ring.x, me.y - ring.y];
        }"""
    )
    assert centre == [0, 0]

    ellen = Contact.objects.get(name="Ellen Vos")
    _click_contact(page, "Ellen Vos")
    assert page.locator("#map-panel-title").inner_text() == "Ellen Vos"
    panel = page.locator("#map-panel").inner_text()
    assert ellen.get_kind_display() in panel and ellen.get_level_display() in panel
    edit = page.get_by_role("link", name="Edit this contact")
    assert edit.get_attribute("href") == f"{NETWORK}contacts/{ellen.pk}/"
    assert axe_violations(page) == []

    png = _download(
        page, lambda: page.get_by_role("button", name="Download PNG").click(), tmp_path, "m.png"
    )
    width, height = _png(png)
    assert width > 600 and height > 600
    svg = _download(
        page, lambda: page.get_by_role("button", name="Download SVG").click(), tmp_path, "m.svg"
    )
    _svg(svg)
    assert b"Ellen Vos" in svg.read_bytes()

    # The keyboard alone: Escape clears, an arrow key starts at the leader, another moves on.
    page.locator("#network-map").focus()
    page.keyboard.press("Escape")
    assert page.locator("#map-panel-title").inner_text() == "Nothing selected"
    page.keyboard.press("ArrowRight")
    assert page.locator("#map-panel-title").inner_text() == "Anouk de Vries"
    page.keyboard.press("ArrowUp")
    title = page.locator("#map-panel-title").inner_text()
    assert title not in ("Anouk de Vries", "Nothing selected")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "map-panel-title"
    page.get_by_role("link", name="Edit this contact").click()
    page.wait_for_url(re.compile(r"/network/contacts/\d+/$"))
    assert page.locator("#id_name").input_value() == title

    assert problems == []
    context.close()
