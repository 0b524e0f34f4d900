"""A network leader's first hour, in Dutch, in a real browser with axe-core on every page:
create a network, import 30 members from a ;-separated CSV, write and agree a charter, add a
result with three measurements, plan monthly meetings and subscribe to the feed, hold a meeting
with minutes, attendance and two actions, and move to the next phase."""

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


def _submit(page: Any, form: str = "main form[method=post]") -> None:
    page.locator(form).last.locator("button[type=submit]").first.click()
    page.wait_for_load_state()


def test_network_leader_path_in_dutch(
    live_server: Any, page: Any, demo: None, tmp_path: Path
) -> None:
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
    assert page.locator("html").get_attribute("lang") == "nl"

    # Create a network.
    page.goto(f"{base}/w/jeugdnetwerk-rivierenland/networks/new/")
    _accessible(page)
    page.locator("#id_name").fill("Veilig Thuis Rivierenland")
    page.locator("#id_starts_on").fill("2026-01-15")
    page.locator("#id_planned_end_on").fill("2027-12-31")
    _submit(page)
    network_url = page.url
    assert re.search(r"/networks/\d+/$", network_url)
    assert page.get_by_role("heading", level=1).inner_text() == "Veilig Thuis Rivierenland"
    _accessible(page)

    # Import 30 members from a ;-separated CSV: preview first, then confirm.
    csv = tmp_path / "leden.csv"
    organizations = ["Gemeente Rivierstad", "Politie basisteam Rivierstad", "Het Baken Lyceum"]
    # Members since the network started (15-01-2026): the meetings of September are theirs.
    lines = ["name;email;organization;layer;job_title;lid sinds"]
    lines += [
        f"Lid {i};lid{i}@voorbeeld.nl;{organizations[i % 3]};{['strategisch', 'tactisch', 'operationeel'][i % 3]};Adviseur;15-01-2026"
        for i in range(30)
    ]
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    page.goto(network_url + "members/import/")
    page.locator("#id_file").set_input_files(str(csv))
    _submit(page)
    assert page.locator("table tbody tr").count() == 30
    _accessible(page)
    page.locator("form[action$='members/import/confirm/'] button").click()
    page.wait_for_load_state()
    assert page.locator("main table tbody tr").count() == 31  # 30 imported + the leader
    _accessible(page)

    # Write and agree a charter.
    page.goto(network_url + "charter/propose/")
    page.locator("#id_necessity").fill("Geen van ons kan huiselijk geweld alleen stoppen.")
    page.locator("#id_shared_interest").fill("Elk kind veilig thuis.")
    _submit(page)
    page.locator("input[name=agrees][value=yes]").check()
    page.locator("form[action*='/respond/'] button").click()
    page.wait_for_load_state()
    page.locator("a[href*='/adopt/']").click()
    page.wait_for_load_state()
    _accessible(page)
    # Only the leader agreed so far: deciding anyway is an explicit, recorded choice.
    page.locator("input[name=despite_rule]").check()
    page.locator("main form[method=post] button[type=submit]").click()
    page.wait_for_load_state()
    from netlead.networks.models import CharterVersion

    assert CharterVersion.objects.get(network__name="Veilig Thuis Rivierenland").status == "agreed"
    assert "Elk kind veilig thuis." in page.locator("main").inner_text()
    _accessible(page)

    # A result with three measurements.
    page.goto(network_url + "results/new/")
    page.locator("#id_title").fill("Snellere veiligheidsinschatting")
    page.locator("#id_indicator").fill("Dagen tot de eerste inschatting")
    page.locator("#id_baseline").fill("20")
    page.locator("#id_target").fill("5")
    _submit(page)
    for day, value in (("2026-02-01", "18"), ("2026-03-01", "12"), ("2026-04-01", "9")):
        page.locator("#id_measured_on").fill(day)
        page.locator("#id_value").fill(value)
        _submit(page)
    assert page.locator("main table tbody tr").count() == 3
    _accessible(page)

    # Plan monthly meetings and subscribe to the network's calendar feed.
    page.goto(network_url + "meetings/plans/new/")
    _accessible(page)
    page.locator("#id_title").fill("Kernteam")
    page.locator("#id_repeat_1").check()  # monthly, the first Tuesday (as 1 September 2026)
    page.locator("#id_count").fill("6")
    page.locator("#id_first_starts_at").fill("2026-09-01T19:30")
    page.locator("#id_location").fill("Stadhuis Rivierstad")
    _submit(page)
    assert "/meetings/" in page.url
    _accessible(page)
    page.locator("form[action$='meetings/calendar/'] input[value=network] ~ button").click()
    page.wait_for_load_state()
    feed_url = page.locator("#feed-url").input_value()
    feed = page.request.get(feed_url)
    assert feed.status == 200
    import icalendar

    calendar = icalendar.Calendar.from_ical(feed.body())
    starts = sorted(event.decoded("dtstart") for event in calendar.walk("VEVENT"))
    assert [(d.year, d.month, d.day) for d in starts] == [
        (2026, 9, 1),
        (2026, 10, 6),
        (2026, 11, 3),
        (2026, 12, 1),
        (2027, 1, 5),
        (2027, 2, 2),
    ]

    # Hold the first meeting: minutes, attendance and two actions.
    from netlead.meetings.models import Meeting

    meeting = (
        Meeting.objects.filter(network__name="Veilig Thuis Rivierenland")
        .order_by("starts_at")
        .first()
    )
    meeting_url = network_url + f"meetings/{meeting.pk}/"
    page.goto(meeting_url)
    page.locator("#minutes-text").fill("We bespraken de aanpak en spraken twee acties af.")
    page.locator("form[action$='/minutes/'] button[type=submit]").click()
    page.wait_for_load_state()
    page.goto(meeting_url + "attendance/")
    _accessible(page)
    selects = page.locator("main form select")
    for i in range(selects.count()):
        selects.nth(i).select_option("present" if i % 4 else "excused")
    _submit(page)
    for title, owner_index in (("Protocol delen met de scholen", 1), ("Casus voorbereiden", 2)):
        page.goto(meeting_url)
        page.locator("details:has(#action-title) summary").click()
        page.locator("#action-title").fill(title)
        page.locator("#action-owner").select_option(index=owner_index)
        page.locator("#action-due_on").fill("2026-12-15")
        page.locator("form[action$='/actions/'] button[type=submit]").click()
        page.wait_for_load_state()
    page.goto(meeting_url)
    assert page.get_by_text("Protocol delen met de scholen").count() >= 1
    assert page.get_by_text("Casus voorbereiden").count() >= 1
    assert page.locator(".status--present").count() > 0
    _accessible(page)

    # Move to the next phase.
    page.goto(network_url + "phase/")
    _accessible(page)
    page.locator("form[action$='phase/move/'] button").click()
    page.wait_for_load_state()
    assert page.locator("li[aria-current=step]").inner_text().startswith(("Opstarten", "Starten"))
