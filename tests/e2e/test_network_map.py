"""The network map as a leader uses it in a meeting, in a real browser with the page's own CSP
(no bypass, so an inline style would show as a console error): click a member and read the
side panel, download the view as PNG and SVG (valid images), switch to the organizations and
back, all again with the keyboard alone; axe-core finds nothing; the console stays clean; on a
phone the map fills the width and the panel is a sheet."""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORKSPACE = "/w/jeugdnetwerk-rivierenland"


@pytest.fixture
def demo(transactional_db: None) -> None:
    from netlead.demo import load_demo

    load_demo()


def _map_url(base: str) -> str:
    from netlead.surveys.models import SurveyRound

    autumn = SurveyRound.objects.get(title="Netwerkmeting najaar")
    return f"{base}{WORKSPACE}/networks/{autumn.network_id}/surveys/{autumn.pk}/map/"


def _open(browser: Any, base: str, *, phone: bool = False) -> tuple[Any, Any, list[str]]:
    viewport = {"width": 390, "height": 844} if phone else {"width": 1280, "height": 900}
    context = browser.new_context(
        locale="en-GB", viewport=viewport, accept_downloads=True, has_touch=phone
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
    page.goto(_map_url(base))
    page.locator("#network-map[data-ready=true]").wait_for()
    return context, page, problems


def _accessible(page: Any) -> None:
    violations = axe_violations(page)
    assert violations == [], (page.url, violations)


def _node_at(page: Any, label: str) -> tuple[float, float]:
    """Where a node is on the screen (the canvas has no DOM element per node)."""
    page.locator("#network-map").scroll_into_view_if_needed()
    # Cytoscape learns of a scroll from the scroll event: let it arrive before clicking.
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)))")
    box = page.locator("#network-map").bounding_box()
    position = page.evaluate(
        """(label) => {
          const cy = window.netleadMap;
          const node = cy.nodes().filter((n) => n.data("label") === label || n.data("name") === label)[0];
          cy.center(node);
          return node.renderedPosition();
        }""",
        label,
    )
    return box["x"] + position["x"], box["y"] + position["y"]


def _panel(page: Any) -> str:
    return page.locator("#map-panel").inner_text()


def _png(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    assert data.rstrip(b"\x00").endswith(b"IEND\xaeB`\x82")
    return width, height


def _svg(path: Path) -> ET.Element:
    root = ET.fromstring(path.read_bytes())  # noqa: S314 (a file the test made)
    assert root.tag.endswith("svg")
    assert float(root.get("width", "0").rstrip("px")) > 100
    assert len(list(root.iter())) > 30  # members, ties and labels, not an empty picture
    return root


def _download(page: Any, trigger: Any, tmp_path: Path, name: str) -> Path:
    with page.expect_download() as info:
        trigger()
    path = tmp_path / name
    info.value.save_as(path)
    return path


def test_map_with_the_mouse(live_server: Any, browser: Any, demo: None, tmp_path: Path) -> None:
    context, page, problems = _open(browser, live_server.url)
    _accessible(page)
    assert page.locator("[data-map-level=members]").get_attribute("aria-pressed") == "true"

    # A member: the side panel tells organization, layer, ties, role and findings.
    x, y = _node_at(page, "Mark de Graaf")
    page.mouse.click(x, y)
    assert page.locator("#map-panel-title").inner_text() == "Mark de Graaf"
    panel = _panel(page)
    assert "Jeugdzorg Rivierenland" in panel and "Tactical" in panel and "Works with" in panel
    assert "Findings about them" in panel
    for word in ("reliability", "trust"):
        assert word not in panel.lower()
    # Focus mode, and a neighbour from the panel.
    page.get_by_role("button", name="Focus on the selection").click()
    assert page.locator("[data-map-action=focus]").get_attribute("aria-pressed") == "true"
    page.locator("#map-panel .link-button").first.click()
    assert page.locator("#map-panel-title").inner_text() != "Mark de Graaf"
    page.get_by_role("button", name="Show everything").click()

    png = _download(
        page, lambda: page.get_by_role("button", name="Download PNG").click(), tmp_path, "map.png"
    )
    width, height = _png(png)
    assert width > 600 and height > 400
    _svg(
        _download(
            page,
            lambda: page.get_by_role("button", name="Download SVG").click(),
            tmp_path,
            "map.svg",
        )
    )

    # The organizations, one opened to its members, and back.
    page.get_by_role("button", name="Organizations", exact=True).click()
    assert page.locator("#network-map").get_attribute("data-level") == "organizations"
    x, y = _node_at(page, "Gemeente Rivierstad")
    page.mouse.click(x, y)
    assert "Partner organizations" in _panel(page)
    _accessible(page)
    page.get_by_role("button", name="Show its members").click()
    assert page.locator("#network-map").get_attribute("data-level") == "members"
    page.get_by_role("button", name="Organizations", exact=True).click()
    page.get_by_role("button", name="Members", exact=True).click()
    assert page.locator("#network-map").get_attribute("data-level") == "members"

    # Filters re-fit the view; the comparison shows new and lost ties.
    page.locator("#map-organization").select_option(label="Gemeente Rivierstad")
    shown = page.evaluate("() => window.netleadMap.nodes('.member').not('.hidden').length")
    assert 0 < shown < 30
    page.locator("#map-compare").check()
    page.locator("#map-status", has_text="new ties").wait_for(state="attached")
    _accessible(page)
    assert problems == []
    context.close()


def test_map_with_the_keyboard(live_server: Any, browser: Any, demo: None, tmp_path: Path) -> None:
    context, page, problems = _open(browser, live_server.url)
    page.locator("#map-search").focus()
    page.keyboard.type("Anouk de Vries")
    page.keyboard.press("Enter")
    assert page.locator("#map-panel-title").inner_text() == "Anouk de Vries"

    # Tab into the map, arrow keys move the selection and the panel follows.
    page.locator("#network-map").focus()
    before = page.locator("#map-panel-title").inner_text()
    page.keyboard.press("ArrowRight")
    after = page.locator("#map-panel-title").inner_text()
    assert after != before and "Organization" in _panel(page)
    page.keyboard.press("f")
    assert page.locator("[data-map-action=focus]").get_attribute("aria-pressed") == "true"
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    assert page.locator("#map-panel-title").inner_text() == "Nothing selected"

    # Downloads by keyboard: Tab to the buttons and press Enter.
    page.locator("[data-map-action=fullscreen]").focus()
    page.keyboard.press("Tab")
    png = _download(page, lambda: page.keyboard.press("Enter"), tmp_path, "keys.png")
    _png(png)
    page.keyboard.press("Tab")
    _svg(_download(page, lambda: page.keyboard.press("Enter"), tmp_path, "keys.svg"))

    # The organizations by keyboard, Enter opens one's members, then back to the organizations.
    page.locator("[data-map-level=organizations]").focus()
    page.keyboard.press("Enter")
    assert page.locator("#network-map").get_attribute("data-level") == "organizations"
    page.locator("#network-map").focus()
    page.keyboard.press("ArrowDown")
    organization = page.locator("#map-panel-title").inner_text()
    assert "Partner organizations" in _panel(page) or "No tie" in _panel(page)
    page.keyboard.press("Enter")
    assert page.locator("#network-map").get_attribute("data-level") == "members"
    assert page.locator("#map-panel-title").inner_text() == organization
    page.locator("[data-map-level=organizations]").focus()
    page.keyboard.press("Enter")
    assert page.locator("#network-map").get_attribute("data-level") == "organizations"
    _accessible(page)
    assert problems == []
    context.close()


def test_map_on_a_phone(live_server: Any, browser: Any, demo: None) -> None:
    context, page, problems = _open(browser, live_server.url, phone=True)
    box = page.locator("#network-map").bounding_box()
    assert box["width"] >= 388  # the whole width of the screen
    assert not page.locator("#map-panel").is_visible()  # no sheet until something is chosen
    page.locator("#network-map").focus()
    page.keyboard.press("ArrowRight")
    sheet = page.locator("#map-panel").bounding_box()
    assert sheet["y"] + sheet["height"] >= 843 and sheet["width"] >= 388  # a sheet at the bottom
    page.get_by_role("button", name="Close the panel").click()
    assert not page.locator("#map-panel").is_visible()
    _accessible(page)
    assert problems == []
    context.close()
