"""The API documentation page in a real browser: Swagger UI (from our static files, started by
our own script under the site's CSP) renders every operation of the schema, with no console
error, no request outside the site, and no axe-core violation, signed out and signed in, with
an operation opened."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.e2e.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db: None) -> None:
    from netlead.demo import load_demo

    load_demo()


class Watch:
    """What the page logs and asks for while the test drives it."""

    def __init__(self, page: Any, base: str) -> None:
        self.site = urlsplit(base).netloc
        self.errors: list[str] = []
        self.outside: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        page.on("request", self._request)

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning") and "Content Security Policy" in message.text:
            self.errors.append(f"CSP: {message.text}")
        elif message.type == "error":
            self.errors.append(message.text)

    def _request(self, request: Any) -> None:
        url = urlsplit(request.url)
        if url.scheme in ("data", "blob"):
            return
        if url.netloc != self.site:  # the live server's own host and port only
            self.outside.append(request.url)


def _operations(page: Any) -> int:
    page.locator(".opblock").first.wait_for()
    return int(page.locator(".opblock").count())


def _check(page: Any, watch: Watch) -> None:
    assert watch.errors == [], watch.errors
    assert watch.outside == [], watch.outside
    violations = axe_violations(page)
    assert violations == [], (page.url, violations)


def _expected_operations() -> int:
    from netlead.api.api import api

    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    return sum(len(operations) for operations in schema["paths"].values())


def test_the_api_docs_page_keeps_to_the_sites_csp(live_server: Any, browser: Any) -> None:
    # A context of its own with the CSP on (the `page` fixture bypasses it for axe-core):
    # a blocked script or style would show as a console error, and the UI would not render.
    context = browser.new_context(locale="en-GB")
    try:
        page = context.new_page()
        watch = Watch(page, live_server.url)
        response = page.goto(f"{live_server.url}/api/v1/docs/")
        assert response.status == 200
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        page.wait_for_load_state("networkidle")
        assert _operations(page) == _expected_operations()
        page.locator(".opblock-summary").first.click()
        page.locator(".opblock-body .responses-wrapper").first.wait_for()
        assert watch.errors == [], watch.errors
        assert watch.outside == [], watch.outside
    finally:
        context.close()


def test_the_api_docs_page_renders_cleanly(live_server: Any, page: Any, demo: None) -> None:
    base = live_server.url
    watch = Watch(page, base)
    page.goto(f"{base}/api/v1/docs/")
    page.wait_for_load_state("networkidle")
    expected = _expected_operations()
    assert _operations(page) == expected
    assert page.get_by_role("heading", level=1).first.inner_text() == "API documentation"
    _check(page, watch)

    # Open a read, a write and a change, and the schemas: their parameters, responses (the
    # problem details) and models render cleanly too, several at once.
    for index in (0, 2, 4):
        page.locator(".opblock-summary-control").nth(index).click()
    page.locator(".opblock-body .responses-wrapper").nth(2).wait_for()
    assert page.locator("table.responses-table").first.get_attribute("aria-label")
    page.locator(".models-control").first.click()
    _check(page, watch)

    # Signed in, the page links to the token page and still renders cleanly.
    page.goto(f"{base}/accounts/login/")
    page.locator("#id_username").fill("leader@example.org")
    page.locator("#id_password").fill("netlead-demo")
    page.locator("main button[type=submit]").click()
    page.wait_for_url(re.compile(r"/w/"))
    page.goto(f"{base}/api/v1/docs/")
    page.wait_for_load_state("networkidle")
    assert _operations(page) == expected
    assert page.get_by_role("link", name="Your API tokens").count() == 1
    _check(page, watch)
