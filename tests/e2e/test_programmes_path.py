"""Leadership programmes as their users meet them, in Dutch, in a real browser with axe-core on
every page visited.

1. A masterclass: a facilitator opens Programmes from the main menu, sets up a masterclass from
   the default curriculum (six modules), a cohort, and enrols five participants. Participant A
   writes the module-2 case analysis about a real network she belongs to, pulls in its charter
   and phase, and hands it in; B, in her peer group, finds it waiting for feedback and gives
   it; the facilitator sees it on the cohort's progress page.
2. A leader network: a facilitator sets it up (rules, values, goals, agreement) and plans its
   meetings, the first of which has just been held. A member accepts the agreement and gives
   the four-principles check; the trend shows the meeting as open while its check is open,
   "fewer than k" once it has closed with one answer, and the means with three answers.

Texts of the programmes app are being translated while this is written, so the checks use
form-field names, ids, addresses and figures; where a text is checked it is compared with what
Django's gettext gives for Dutch (the string the page renders, translated or not)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from typing import Any
from unittest import mock

import pytest
from django.utils import formats, timezone, translation

from tests.e2e.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLUG = "leiderschap-oost"
FACILITATOR = ("Femke Faber", "femke@example.test")
PARTICIPANTS = [
    ("Anouk Alberts", "anouk@example.test"),
    ("Bram Bakker", "bram@example.test"),
    ("Carla Claassen", "carla@example.test"),
    ("Daan Dekker", "daan@example.test"),
    ("Eva Evers", "eva@example.test"),
]
#: Someone in the workspace who is not enrolled (the enrol page offers her too).
BYSTANDER = ("Gijs Groen", "gijs@example.test")
MEMBERS = [
    ("Hanna Hendriks", "hanna@example.test"),
    ("Ivo IJzerman", "ivo@example.test"),
    ("Joke Jansen", "joke@example.test"),
]
#: The leader network's rules, one per line.
RULES = [
    "We beginnen en eindigen op tijd.",
    "Telefoons gaan weg.",
    "Iedereen brengt om beurten een casus in.",
]
#: The members' answers to the check: free space, flexibility, commitment, feedback.
PRINCIPLES = ("free_space", "flexibility", "commitment", "feedback")
SCORES = [(4, 3, 5, 2), (5, 3, 4, 3), (3, 4, 4, 2)]

#: Pages on which axe-core found violations: page label -> [(rule id, url, selectors)].
FOUND: dict[str, list[tuple[str, str, list[Any]]]] = {}


# -- Helpers ---------------------------------------------------------------------------------


def _nl(text: str) -> str:
    """What the pages show for `text` in Dutch (English while it is not translated yet)."""
    with translation.override("nl"):
        return translation.gettext(text)


def _nl_plural(singular: str, plural: str, n: int) -> str:
    with translation.override("nl"):
        return translation.ngettext(singular, plural, n)


def _nl_decimal(value: float) -> str:
    with translation.override("nl"):
        return formats.number_format(round(value, 1), 1)


def _axe(page: Any, label: str) -> None:
    """Run axe-core; collect violations per page (asserted at the end of the test, so one
    page's findings do not hide the rest of the path)."""
    violations = axe_violations(page)
    if violations:
        FOUND.setdefault(label, []).extend((v["id"], page.url, v["nodes"]) for v in violations)


def _assert_accessible() -> None:
    report = "\n".join(
        f"- {label}: {rule} at {url}: {nodes}"
        for label, found in FOUND.items()
        for rule, url, nodes in found
    )
    assert not FOUND, f"axe-core found violations on {len(FOUND)} page(s):\n{report}"


def _new_page(browser: Any) -> tuple[Any, Any]:
    context = browser.new_context(bypass_csp=True, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


def _login(page: Any, base: str, email: str) -> None:
    from tests.factories import PASSWORD

    page.goto(f"{base}/accounts/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/w/{SLUG}/$"))
    assert page.locator("html").get_attribute("lang") == "nl"


def _click(page: Any, selector: str) -> None:
    page.locator(selector).first.click()
    page.wait_for_load_state()


def _no_errors(page: Any) -> None:
    errors = page.locator("main .errorlist")
    assert errors.count() == 0, (page.url, page.locator("main").inner_text())


def _hub(page: Any) -> None:
    """Programmes, from the main menu."""
    _click(page, "nav.main-nav a[href$='/programmes/']")
    assert page.url.endswith(f"/w/{SLUG}/programmes/")
    current = page.locator("nav.main-nav a[aria-current=page]")
    assert current.get_attribute("href").endswith("/programmes/")


def _user(name: str, email: str, role: str) -> Any:
    """A user of the workspace (in Dutch), with her person."""
    from tests.factories import MembershipFactory, PersonFactory, UserFactory

    workspace = _workspace()
    user = UserFactory(name=name, email=email, language="nl")
    MembershipFactory(workspace=workspace, user=user, role=role)
    PersonFactory(workspace=workspace, user=user, name=name, email=email)
    return user


def _workspace() -> Any:
    from netlead.workspaces.models import Workspace

    return Workspace.objects.get(slug=SLUG)


@pytest.fixture
def workspace(transactional_db: None) -> Any:
    from tests.factories import WorkspaceFactory

    FOUND.clear()
    return WorkspaceFactory(name="Leiderschap Oost", slug=SLUG, default_language="nl")


# -- 1. A masterclass ------------------------------------------------------------------------


def _real_network(email: str) -> Any:
    """A real network participant `email` leads, with an agreed charter, in phase 2."""
    from netlead.accounts.models import User
    from netlead.networks.models import CharterVersion, Network
    from netlead.networks.services import (
        charter_adopt,
        charter_propose,
        charter_respond,
        network_create,
    )

    user = User.objects.get(email=email)
    network = network_create(
        workspace=_workspace(),
        creator=user,
        network=Network(name="Wijkteam Oosterpark", phase=2),
    )
    version = charter_propose(
        network=network,
        proposer=user,
        version=CharterVersion(
            necessity="Geen van ons kan eenzaamheid in de wijk alleen oplossen.",
            shared_interest="Iedereen in Oosterpark kent iemand bij wie hij terecht kan.",
        ),
        mandates={},
    )
    charter_respond(version=version, member=network.members.get(), agrees=True)
    charter_adopt(version=version)
    return network


def _set_up_masterclass(page: Any, base: str) -> Any:
    """As the facilitator: a masterclass from the default curriculum, in Dutch."""
    from netlead.programmes.models import Programme

    _login(page, base, FACILITATOR[1])
    _hub(page)
    _axe(page, "programmes hub (facilitator)")
    _click(page, "main a[href$='/programmes/new/']")
    assert page.url.endswith("/programmes/new/")
    _axe(page, "new programme form")
    page.locator("input[name=kind][value=masterclass]").check()
    page.locator("#id_title").fill("Masterclass Netwerkleiderschap 2026")
    page.locator("#id_language").select_option("nl")
    assert page.locator("#id_from_default").is_checked()
    _click(page, "main form[method=post] button[type=submit]")
    _no_errors(page)
    programme = Programme.objects.get(title="Masterclass Netwerkleiderschap 2026")
    assert page.url.endswith(f"/programmes/{programme.pk}/"), page.url
    assert (programme.kind, programme.language) == ("masterclass", "nl")
    assert page.locator("h1").inner_text() == programme.title
    modules = page.locator("main article[aria-labelledby^='module-']")
    assert modules.count() == 6
    titles = list(programme.modules.order_by("number").values_list("title", flat=True))
    assert len(titles) == 6
    for i, title in enumerate(titles):
        assert title in modules.nth(i).locator("h3").inner_text()
    _axe(page, "programme page")
    return programme


def _set_up_cohort(page: Any, programme: Any) -> Any:
    from netlead.programmes.models import Cohort, EnrolmentRole
    from netlead.workspaces.models import Person

    _click(page, f"main a[href$='/programmes/{programme.pk}/cohorts/new/']")
    _axe(page, "new cohort form")
    starts = timezone.localdate() - timedelta(days=14)
    page.locator("#id_name").fill("Groep Voorjaar")
    page.locator("#id_starts_on").fill(starts.isoformat())
    page.locator("#id_ends_on").fill((starts + timedelta(days=180)).isoformat())
    _click(page, "main form[method=post] button[type=submit]")
    _no_errors(page)
    cohort = Cohort.objects.get(programme=programme, name="Groep Voorjaar")
    assert page.url.endswith(f"/cohorts/{cohort.pk}/enrol/"), page.url

    # The enrol page offers everyone in the workspace but the facilitator (enrolled already).
    _axe(page, "enrol page")
    offered = page.locator("main input[name=persons]")
    assert offered.count() == len(PARTICIPANTS) + 1  # the bystander too
    assert page.locator("input[name=role][value=participant]").is_checked()
    persons = {p.email: p for p in Person.objects.filter(workspace=programme.workspace)}
    for _, email in PARTICIPANTS:
        page.locator(f"main input[name=persons][value='{persons[email].pk}']").check()
    _click(page, "main form[method=post] button[type=submit]")
    _no_errors(page)
    assert page.url.endswith(f"/cohorts/{cohort.pk}/"), page.url
    enrolled = cohort.enrolments.filter(role=EnrolmentRole.PARTICIPANT)
    assert sorted(enrolled.values_list("person__email", flat=True)) == sorted(
        email for _, email in PARTICIPANTS
    )
    assert cohort.enrolments.filter(role=EnrolmentRole.FACILITATOR).count() == 1
    _axe(page, "cohort page (facilitator)")
    return cohort


def _hand_in_case(browser: Any, base: str, cohort: Any, network: Any) -> Any:
    """Participant A: the module-2 case analysis about her real network, handed in."""
    from netlead.programmes.models import Assignment, Submission

    assignment = Assignment.objects.get(
        module__programme=cohort.programme, module__number=2, kind="case_analysis"
    )
    context, page = _new_page(browser)
    _login(page, base, PARTICIPANTS[0][1])
    _hub(page)
    _axe(page, "programmes hub (participant)")
    _click(page, f"main a[href$='/programmes/cohorts/{cohort.pk}/']")
    _axe(page, "cohort page (participant)")
    _click(page, f"main a[href$='/cohorts/{cohort.pk}/assignments/{assignment.pk}/']")
    assert page.url.endswith(f"/assignments/{assignment.pk}/"), page.url
    assert page.locator("#assignment-title").inner_text() == assignment.title
    _axe(page, "assignment page (empty)")

    work = "Ons wijkteam zit in de opstartfase. De partners delen de urgentie, niet het mandaat."
    page.locator("main textarea[name=text]").fill(work)
    # Only her real network is offered, not the cohort's own learning network.
    options = page.locator("main select[name=network] option").all()
    assert [o.get_attribute("value") for o in options] == ["", str(network.pk)]
    page.locator("main select[name=network]").select_option(str(network.pk))
    _click(page, "main button[name=pull]")
    _no_errors(page)
    submission = Submission.objects.get(enrolment__person__email=PARTICIPANTS[0][1])
    assert not submission.is_submitted
    assert submission.case_context["network"] == network.name
    case = page.locator(f"main section[aria-labelledby='case-{submission.pk}']")
    assert network.name in case.locator("h3").inner_text()
    assert "eenzaamheid in de wijk" in case.inner_text()  # the agreed charter
    assert page.locator("main textarea[name=text]").input_value() == work
    _axe(page, "assignment page (with the case)")

    _click(page, "main button[name=hand_in]")
    _no_errors(page)
    submission.refresh_from_db()
    assert submission.is_submitted
    assert submission.text == work
    assert submission.network_id == network.pk
    context.close()
    return submission


def _give_feedback(browser: Any, base: str, cohort: Any, submission: Any) -> str:
    """Participant B, in A's peer group, finds A's work waiting for her feedback."""
    context, page = _new_page(browser)
    _login(page, base, PARTICIPANTS[1][1])
    _hub(page)
    _click(page, f"main a[href$='/programmes/cohorts/{cohort.pk}/']")
    waiting = page.locator("main section[aria-labelledby=review-title]")
    assert waiting.locator("li").count() == 1
    assert PARTICIPANTS[0][0] in waiting.inner_text()
    _axe(page, "cohort page (participant with work to review)")
    _click(page, f"main section[aria-labelledby=review-title] a[href$='/work/{submission.pk}/']")
    assert page.url.endswith(f"/cohorts/{cohort.pk}/work/{submission.pk}/"), page.url
    assert "opstartfase" in page.locator("main").inner_text()
    _axe(page, "submission page")
    feedback = "Scherp beschreven. Vraag: wie zou het mandaat moeten geven?"
    page.locator("main textarea[name=text]").fill(feedback)
    _click(page, "main form[method=post] button[type=submit]")
    _no_errors(page)
    assert submission.feedback.get().text == feedback
    assert feedback in page.locator("main section[aria-labelledby=feedback-title]").inner_text()
    # Given: nothing left waiting on the cohort page.
    page.goto(f"{base}/w/{SLUG}/programmes/cohorts/{cohort.pk}/")
    assert page.locator("main section[aria-labelledby=review-title]").count() == 0
    context.close()
    return feedback


def test_masterclass_in_dutch(live_server: Any, browser: Any, workspace: Any) -> None:
    from netlead.programmes.models import EnrolmentRole
    from netlead.programmes.services.cohorts import peer_group_set
    from netlead.workspaces.models import Role

    base = live_server.url
    _user(*FACILITATOR, Role.FACILITATOR)
    for name, email in [*PARTICIPANTS, BYSTANDER]:
        _user(name, email, Role.MEMBER)

    context, page = _new_page(browser)
    programme = _set_up_masterclass(page, base)
    cohort = _set_up_cohort(page, programme)

    # Peer groups: A and B together, the others in two more groups.
    enrolments = {
        e.person.email: e
        for e in cohort.enrolments.filter(role=EnrolmentRole.PARTICIPANT).select_related("person")
    }
    for (_, email), group in zip(PARTICIPANTS, (1, 1, 2, 2, 3), strict=True):
        peer_group_set(enrolment=enrolments[email], group=group)
    network = _real_network(PARTICIPANTS[0][1])

    submission = _hand_in_case(browser, base, cohort, network)
    _give_feedback(browser, base, cohort, submission)

    # The facilitator sees A's hand-in on the progress page, under module 2.
    page.goto(f"{base}/w/{SLUG}/programmes/cohorts/{cohort.pk}/")
    _click(page, f"main a[href$='/cohorts/{cohort.pk}/progress/']")
    assert page.url.endswith(f"/cohorts/{cohort.pk}/progress/"), page.url
    modules = list(programme.modules.order_by("number"))
    headers = page.locator("section[aria-labelledby=progress-title] thead th")
    assert headers.count() == 2 + len(modules)
    rows = page.locator("section[aria-labelledby=progress-title] tbody tr")
    assert rows.count() == len(PARTICIPANTS)
    row = rows.filter(has=page.locator("th", has_text=PARTICIPANTS[0][0]))
    assert row.count() == 1
    cells = row.locator("td")
    assert cells.nth(0).inner_text() == "1"  # peer group
    module_2 = modules[1]
    expected = _nl("%(d)s/%(l)s lessons, %(h)s/%(a)s handed in") % {
        "d": 0,
        "l": module_2.lessons.count(),
        "h": 1,
        "a": module_2.assignments.count(),
    }
    assert cells.nth(2).inner_text() == expected  # peer group, module 1, module 2
    # Nothing handed in for module 2 by B, who gave the feedback.
    others = rows.filter(has=page.locator("th", has_text=PARTICIPANTS[1][0])).locator("td")
    assert others.nth(2).inner_text() == expected.replace(", 1/", ", 0/")
    _axe(page, "cohort progress page")
    context.close()

    _assert_accessible()


# -- 2. A leader network ---------------------------------------------------------------------


@contextmanager
def _days_later(days: int) -> Iterator[None]:
    """The server's clock (and so the live server's pages) `days` days ahead."""
    real_now = timezone.now
    with mock.patch("django.utils.timezone.now", lambda: real_now() + timedelta(days=days)):
        yield


def _set_up_leader_network(page: Any, base: str, starts_on: date) -> Any:
    from netlead.networks.models import Network

    _login(page, base, FACILITATOR[1])
    _hub(page)
    _axe(page, "programmes hub (facilitator)")
    _click(page, "main a[href$='/programmes/leader-networks/new/']")
    assert page.url.endswith("/programmes/leader-networks/new/")
    _axe(page, "new leader network form")
    page.locator("#id_name").fill("Ledenkring Zorg Oost")
    page.locator("#id_purpose").fill("Samen sterker leidinggeven in de zorg in Oost.")
    page.locator("input[name=focus][value=interdisciplinary]").check()
    page.locator("input[name=reach][value=broad]").check()
    page.locator("#id_is_confidential").check()
    page.locator("#id_starts_on").fill(starts_on.isoformat())
    page.locator("#id_rules").fill("\n".join(RULES))
    page.locator("#id_values").fill("Openheid\nRespect\n")
    page.locator("#id_goals").fill("Elke deelnemer brengt één casus per jaar in.")
    page.locator("#id_agreement").fill("Wat in de kring besproken wordt, blijft in de kring.")
    _click(page, "main form[method=post] button[type=submit]")
    _no_errors(page)
    network = Network.objects.get(name="Ledenkring Zorg Oost")
    assert page.url.endswith(f"/programmes/leader-networks/{network.pk}/"), page.url
    assert network.kind == "leader_network"
    profile = network.leader_profile
    assert (profile.focus, profile.reach, profile.is_confidential) == (
        "interdisciplinary",
        "broad",
        True,
    )
    rules = page.locator("main section[aria-labelledby=rules-heading] .card").first
    assert [li.inner_text() for li in rules.locator("li").all()] == RULES
    _axe(page, "leader network page (leader, new)")
    return network


def _plan_meetings(page: Any, network: Any) -> Any:
    """A monthly plan whose first meeting was three days ago (10:00-12:00)."""
    from netlead.meetings.models import Meeting

    _click(page, f"main a[href$='/networks/{network.pk}/meetings/plans/new/']")
    _axe(page, "meeting plan form")
    first = datetime.combine(timezone.localdate() - timedelta(days=3), time(10, 0))
    page.locator("#id_title").fill("Kringbijeenkomst")
    page.locator("#id_repeat_2").check()  # monthly, on the same day of the month
    page.locator("#id_count").fill("6")
    page.locator("#id_first_starts_at").fill(first.strftime("%Y-%m-%dT%H:%M"))
    page.locator("#id_duration_minutes").fill("120")
    page.locator("#id_location").fill("Gezondheidscentrum Oost")
    _click(page, "main form[method=post] button[type=submit]")
    _no_errors(page)
    assert page.url.endswith(f"/networks/{network.pk}/meetings/"), page.url
    _axe(page, "meetings list")
    meetings = list(Meeting.objects.filter(network=network).order_by("starts_at"))
    assert len(meetings) == 6
    held = meetings[0]
    assert held.ends_at < timezone.now() < meetings[1].starts_at
    return held


def _trend_row(page: Any, base: str, network: Any) -> Any:
    page.goto(f"{base}/w/{SLUG}/programmes/leader-networks/{network.pk}/")
    rows = page.locator("#principles-trend tbody tr")
    assert rows.count() == 1  # the one meeting held
    return rows.first


def _check_as_member(page: Any, base: str, network: Any, meeting: Any) -> None:
    """A member accepts the agreement and gives the four-principles check of `meeting`."""
    from netlead.programmes.models import AgreementAcceptance, PrinciplesCheckReceipt

    _login(page, base, MEMBERS[0][1])
    _hub(page)
    _axe(page, "programmes hub (member)")
    _click(page, f"main a[href$='/programmes/leader-networks/{network.pk}/']")
    assert page.url.endswith(f"/leader-networks/{network.pk}/"), page.url
    _axe(page, "leader network page (member)")

    form = page.locator(f"main form[action$='/leader-networks/{network.pk}/agreement/']")
    form.locator("textarea[name=commitment]").fill("Ik kom voorbereid en breng in maart een casus.")
    form.locator("input[name=accept]").check()
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    _no_errors(page)
    assert re.search(rf"/leader-networks/{network.pk}/#agreement$", page.url), page.url
    assert AgreementAcceptance.objects.filter(member__person__email=MEMBERS[0][1]).count() == 1
    agreement = page.locator("main section[aria-labelledby=agreement]")
    assert agreement.locator("form").count() == 0
    assert agreement.locator(".status--agreed").count() == 1
    _axe(page, "leader network page (member, agreement accepted)")

    check_link = f"main a[href$='/leader-networks/{network.pk}/meetings/{meeting.pk}/check/']"
    assert page.locator(check_link).count() == 1
    _click(page, check_link)
    _axe(page, "four-principles check")
    assert page.locator("main fieldset input[type=radio]").count() == 4 * 5
    for principle, score in zip(PRINCIPLES, SCORES[0], strict=True):
        page.locator(f"main input[name={principle}][value='{score}']").check()
    _click(page, "main form[method=post] button[type=submit]")
    _no_errors(page)
    assert re.search(rf"/leader-networks/{network.pk}/#check$", page.url), page.url
    assert PrinciplesCheckReceipt.objects.filter(meeting=meeting).count() == 1
    # Answered: the check is no longer offered to her.
    assert page.locator(check_link).count() == 0


def test_leader_network_in_dutch(live_server: Any, browser: Any, workspace: Any) -> None:
    from netlead.networks.models import NetworkRole
    from netlead.networks.services import member_add
    from netlead.programmes.rules import CHECK_OPEN_DAYS
    from netlead.programmes.services.leader_networks import principles_check_submit
    from netlead.workspaces.models import Person, Role

    base = live_server.url
    k = workspace.anonymity_threshold
    assert k == 3
    _user(*FACILITATOR, Role.FACILITATOR)
    for name, email in MEMBERS:
        _user(name, email, Role.MEMBER)
    starts_on = timezone.localdate() - timedelta(days=60)

    context, page = _new_page(browser)
    network = _set_up_leader_network(page, base, starts_on)
    members = [
        member_add(
            network=network,
            person=Person.objects.get(email=email),
            role=NetworkRole.MEMBER,
            joined_on=starts_on,
        )
        for _, email in MEMBERS
    ]
    page.reload()
    assert page.locator("main section[aria-labelledby=members-heading] tbody tr").count() == 4
    meeting = _plan_meetings(page, network)
    context.close()

    context, page = _new_page(browser)
    _check_as_member(page, base, network, meeting)

    # While the check is open, the trend counts the answer but shows no figures.
    row = _trend_row(page, base, network)
    assert row.locator("td").nth(0).inner_text() == "1"
    closes_at = timezone.localtime(meeting.ends_at + timedelta(days=CHECK_OPEN_DAYS))
    with translation.override("nl"):
        open_until = _nl("Open until %(date)s: shown when the check closes.") % {
            "date": formats.date_format(closes_at, "DATE_FORMAT")
        }
    assert row.locator("td[colspan='4']").inner_text() == open_until
    _axe(page, "leader network page (member, check given)")

    # A week later the check has closed with one answer: fewer than k, nothing shown. (The
    # session of a week ago has expired by then: she logs in again.)
    fewer = _nl_plural(
        "Fewer than %(k)s answer: not shown, so that no answer can be traced to a person.",
        "Fewer than %(k)s answers: not shown, so that no answer can be traced to a person.",
        k,
    ) % {"k": k}
    with _days_later(CHECK_OPEN_DAYS + 1):
        later, page = _new_page(browser)
        _login(page, base, MEMBERS[0][1])
        row = _trend_row(page, base, network)
        assert row.locator("td").nth(0).inner_text() == "1"
        assert row.locator("td[colspan='4']").inner_text() == fewer
        _axe(page, "leader network page (check closed, fewer than k)")
        later.close()

    # Had two more members answered while it was open, the closed check shows the means.
    for member, scores in zip(members[1:], SCORES[1:], strict=True):
        principles_check_submit(
            meeting=meeting, member=member, scores=dict(zip(PRINCIPLES, scores, strict=True))
        )
    with _days_later(CHECK_OPEN_DAYS + 1):
        later, page = _new_page(browser)
        _login(page, base, MEMBERS[0][1])
        row = _trend_row(page, base, network)
        cells = row.locator("td")
        assert cells.count() == 1 + len(PRINCIPLES)
        assert cells.nth(0).inner_text() == "3"
        means = [sum(s[i] for s in SCORES) / len(SCORES) for i in range(len(PRINCIPLES))]
        assert [cells.nth(1 + i).inner_text() for i in range(len(PRINCIPLES))] == [
            _nl_decimal(mean) for mean in means
        ]
        assert row.locator("td[colspan]").count() == 0
        _axe(page, "leader network page (check closed, means)")
        later.close()
    context.close()

    _assert_accessible()
