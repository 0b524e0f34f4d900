"""The accountability report as a new user makes it, in Dutch, in a real browser with axe-core
on every page: from the demo network's page to Reports, draft the 2026 report, write the text
per section, issue it and download the PDF as sent."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import axe_violations, open_account_tools

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db: None) -> None:
    from netlead.demo import load_demo

    load_demo()


def _accessible(page: Any) -> None:
    violations = axe_violations(page)
    assert violations == [], (page.url, violations)


def test_leader_drafts_annotates_and_issues_the_report_in_dutch(
    live_server: Any, page: Any, demo: None, tmp_path: Path
) -> None:
    from netlead.demo.networks import NETWORK_NAME
    from netlead.networks.models import Network

    base = live_server.url
    page.goto(f"{base}/accounts/login/")
    page.locator("#id_username").fill("leader@example.org")
    page.locator("#id_password").fill("netlead-demo")
    page.locator("main button[type=submit]").click()
    page.wait_for_url(re.compile(r"/w/jeugdnetwerk-rivierenland/$"))
    open_account_tools(page)
    page.locator("#language-switcher").select_option("nl")
    page.locator("form[action='/accounts/language/'] button").click()
    page.wait_for_load_state()

    # From the network's page, as a new user finds it.
    network = Network.objects.get(name=NETWORK_NAME)
    page.goto(f"{base}/w/jeugdnetwerk-rivierenland/networks/{network.pk}/")
    page.locator("nav.sub-nav a[href$='/reports/']").click()
    page.wait_for_load_state()
    _accessible(page)

    # Draft the 2026 report in Dutch.
    page.locator("#id_title").fill("Verantwoording aan de besturen 2026")
    page.locator("#id_starts_on").fill("2026-01-01")
    page.locator("#id_ends_on").fill("2026-12-31")
    page.locator("#id_language").select_option("nl")
    page.locator("form[action$='/reports/new/'] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/reports/\d+/edit/$"))
    _accessible(page)

    # Annotate: a text per section.
    page.locator("#id_results").fill("Twee van de drie resultaten liggen op koers.")
    page.locator("#id_outlook").fill("In 2027 richten we ons op de wachttijden.")
    page.locator("main form[method=post] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/reports/\d+/$"))
    assert "Twee van de drie resultaten liggen op koers." in page.content()
    _accessible(page)

    # Issue, after confirming; the PDF is then the document as sent.
    page.locator("input[name=confirm]").check()
    page.locator("form[action$='/issue/'] button").click()
    page.wait_for_load_state()
    page.wait_for_selector("a[href$='report.pdf']")
    _accessible(page)
    with page.expect_download() as info:
        page.locator("a[href$='report.pdf']").click()
    path = tmp_path / "report.pdf"
    info.value.save_as(path)
    assert path.read_bytes().startswith(b"%PDF")
    assert info.value.suggested_filename.endswith(".pdf")


def test_facilitator_reads_the_cohort_report(live_server: Any, page: Any, demo: None) -> None:
    from netlead.demo.programmes import MASTERCLASS
    from netlead.programmes.models import Cohort

    cohort = Cohort.objects.get(programme__title=MASTERCLASS, status="open")
    base = live_server.url
    page.goto(f"{base}/accounts/login/")
    page.locator("#id_username").fill("facilitator@example.org")
    page.locator("#id_password").fill("netlead-demo")
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    page.goto(f"{base}/w/jeugdnetwerk-rivierenland/programmes/cohorts/{cohort.pk}/progress/")
    page.locator("nav.sub-nav a[href$='/report/']").click()
    page.wait_for_load_state()
    assert page.locator("svg.chart").count() >= 1
    _accessible(page)
