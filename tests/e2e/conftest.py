"""Real-browser tests: Playwright driving Debian's Chromium (no browser download).

Without Chromium these tests are skipped with a note on how to enable them; with
NETLEAD_REQUIRE_BROWSER=1 (as CI sets) a missing browser is an error instead.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOW_TO_ENABLE = "install Chromium (apt-get install -y chromium) and run `npm ci` for axe-core"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    missing = [what for what, ok in (("chromium", CHROMIUM), ("axe-core", AXE.exists())) if not ok]
    if not missing:
        return
    message = f"browser tests need {' and '.join(missing)}: {HOW_TO_ENABLE}"
    if os.environ.get("NETLEAD_REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(message)
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=message))


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # around it are plain synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    # The pages' CSP forbids inline scripts; the test injects axe-core, so it bypasses CSP.
    context = browser.new_context(bypass_csp=True, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    # Let requests the page made on its own (the "needs me" count) finish first: a live-server
    # thread still reading when the test's database is flushed makes the flush fail.
    with contextlib.suppress(Exception):
        page.wait_for_load_state("networkidle", timeout=5_000)
    context.close()


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core (WCAG 2.1 A/AA rules) on the page; return the violations found."""
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def open_account_tools(page: Any) -> None:
    """Open the header's account tools (workspace, language, log out) if they are closed."""
    if page.locator("details.header-tools[open]").count() == 0:
        page.locator("details.header-tools > summary").click()
