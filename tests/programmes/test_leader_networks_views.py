"""Leader network pages: who reaches which page (404 outside the network, 403 below EDIT), bad
input (400, nothing changed), and what the pages show."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from netlead.accounts.models import User
from netlead.meetings.models import AgendaItemKind, Attendance
from netlead.networks.models import Network, NetworkKind, NetworkRole
from netlead.programmes.models import (
    AgreementAcceptance,
    LeaderNetworkProfile,
    MeetingRoles,
    PrinciplesCheckReceipt,
)
from netlead.programmes.services import leader_networks as services
from tests.conftest import World
from tests.programmes.test_leader_networks import GOOD, LN, answer, build, counts, join, meeting


@pytest.fixture
def ln(world: World) -> LN:
    return build(world)


def client(ln: LN, who: str) -> Client:
    user: User | None = {
        "leader": ln.world.facilitator,  # leads the network; a workspace facilitator
        "member": ln.world.member,
        "owner": ln.world.owner,  # workspace owner, not in the network
        "outsider": ln.world.outsider,
        "anonymous": None,
    }[who]
    return ln.world.client_for(user)


def url(ln: LN, name: str, *extra: object, slug: str | None = None) -> str:
    return reverse(f"programmes:{name}", args=[slug or ln.slug, ln.network.pk, *extra])


def form_data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "Leaders in care",
        "purpose": "Learn from each other's cases.",
        "focus": "professional",
        "reach": "broad",
        "is_confidential": "on",
        "starts_on": "2025-01-06",
        "mandate": "The board backs us.",
        "rules": "We start on time.",
        "values": "Trust",
        "goals": "One case each.",
        "agreement": "What is said here stays here.",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


SCORES = {key: str(value) for key, value in GOOD.items()}


# -- Create ---------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["owner", "facilitator"])
def test_managers_set_up_a_leader_network(world: World, who: str) -> None:
    user = world.owner if who == "owner" else world.facilitator
    c = world.client_for(user)
    page = reverse("programmes:leader_network_create", args=[world.workspace.slug])
    assert c.get(page).status_code == 200
    response = c.post(page, form_data(sponsor=world.person.pk, is_open="on"))
    network = Network.objects.get(name="Leaders in care")
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "programmes:leader_network", args=[world.workspace.slug, network.pk]
    )
    assert network.kind == NetworkKind.LEADER_NETWORK
    assert (network.sponsor, network.is_open) == (world.person, True)
    profile = LeaderNetworkProfile.objects.get(network=network)
    assert (profile.focus, profile.reach, profile.mandate) == (
        "professional",
        "broad",
        "The board backs us.",
    )
    leader = network.members.get()
    assert (leader.person.user, leader.role) == (user, NetworkRole.LEADER)
    assert c.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(("who", "status"), [("member", 403), ("outsider", 404)])
def test_create_refused_below_manager(world: World, who: str, status: int) -> None:
    c = world.client_for(world.member if who == "member" else world.outsider)
    page = reverse("programmes:leader_network_create", args=[world.workspace.slug])
    before = counts()
    assert c.get(page).status_code == status
    assert c.post(page, form_data()).status_code == status
    assert counts() == before


def test_create_needs_login(world: World) -> None:
    page = reverse("programmes:leader_network_create", args=[world.workspace.slug])
    response = Client().get(page)
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"focus": "other"}, "focus"),
        ({"reach": None}, "reach"),
        ({"starts_on": "yesterday"}, "starts_on"),
        ({"sponsor": "other-workspace"}, "sponsor"),
    ],
)
def test_create_with_bad_input_shows_the_form_again(
    world: World, changes: dict[str, object], field: str
) -> None:
    if changes.get("sponsor") == "other-workspace":
        changes = {"sponsor": world.other_person.pk}
    c = world.client_for(world.owner)
    before = counts()
    response = c.post(
        reverse("programmes:leader_network_create", args=[world.workspace.slug]),
        form_data(**changes),
    )
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert "not saved" in response.content.decode()
    assert counts() == before


# -- Who reaches which page -----------------------------------------------------------------

PAGES: list[tuple[str, Callable[[LN], list[object]], str]] = [
    ("leader_network", lambda ln: [], "read"),
    ("leader_network_agreement", lambda ln: [], "read"),
    ("leader_network_check", lambda ln: [ln.recent.pk], "read"),
    ("leader_network_edit", lambda ln: [], "edit"),
    ("leader_network_roles", lambda ln: [ln.future.pk], "edit"),
]


@pytest.mark.parametrize(("name", "extra", "need"), PAGES)
@pytest.mark.parametrize("who", ["leader", "member", "owner", "outsider", "anonymous"])
def test_page_access(
    ln: LN, name: str, extra: Callable[[LN], list[object]], need: str, who: str
) -> None:
    response = client(ln, who).get(url(ln, name, *extra(ln)))
    expected = {
        "leader": 200,
        "member": 200 if need == "read" else 403,
        "owner": 404,  # the workspace owner is not in this network
        "outsider": 404,
        "anonymous": 302,
    }[who]
    assert response.status_code == expected


@pytest.mark.parametrize(("name", "extra", "need"), PAGES)
def test_pages_of_another_workspace_or_a_plain_network_are_404(
    ln: LN, world: World, name: str, extra: Callable[[LN], list[object]], need: str
) -> None:
    leader = client(ln, "leader")
    # The same network id under a workspace the leader is not in.
    assert leader.get(url(ln, name, *extra(ln), slug=world.other_workspace.slug)).status_code == 404
    # A network the leader leads that is not a leader network.
    plain = Network.objects.create(workspace=world.workspace, name="Plain")
    join(plain, world.facilitator, NetworkRole.LEADER)
    m = meeting(plain, days=-1)
    args = [ln.slug, plain.pk, *([m.pk] if extra(ln) else [])]
    assert leader.get(reverse(f"programmes:{name}", args=args)).status_code == 404


@pytest.mark.parametrize("name", ["leader_network_check", "leader_network_roles"])
def test_a_meeting_of_another_network_is_404(ln: LN, world: World, name: str) -> None:
    other = Network.objects.create(
        workspace=world.workspace, name="Other", kind=NetworkKind.LEADER_NETWORK
    )
    LeaderNetworkProfile.objects.create(network=other)
    join(other, world.facilitator, NetworkRole.LEADER)
    foreign = meeting(other, days=-1)
    before = counts()
    leader = client(ln, "leader")
    assert leader.get(url(ln, name, foreign.pk)).status_code == 404
    assert leader.post(url(ln, name, foreign.pk), SCORES).status_code == 404
    assert counts() == before


@pytest.mark.parametrize(
    ("name", "extra", "data"),
    [
        ("leader_network_edit", lambda ln: [], form_data(name="Taken over")),
        ("leader_network_roles", lambda ln: [ln.future.pk], {}),
    ],
)
def test_members_cannot_post_to_edit_pages(
    ln: LN, name: str, extra: Callable[[LN], list[object]], data: dict[str, object]
) -> None:
    if name == "leader_network_roles":
        data = {"chair": ln.member.pk, "case_owner": ln.third.pk}
    before = counts()
    assert client(ln, "member").post(url(ln, name, *extra(ln)), data).status_code == 403
    assert counts() == before
    ln.network.refresh_from_db()
    assert ln.network.name == "Leaders in care"


@pytest.mark.parametrize("who", ["owner", "outsider"])
def test_non_members_cannot_post(ln: LN, who: str) -> None:
    before = counts()
    c = client(ln, who)
    assert c.post(url(ln, "leader_network_agreement"), {"accept": "on"}).status_code == 404
    assert c.post(url(ln, "leader_network_check", ln.recent.pk), SCORES).status_code == 404
    assert counts() == before


# -- Edit -----------------------------------------------------------------------------------


def test_edit_saves_and_asks_to_accept_a_changed_agreement_again(ln: LN) -> None:
    services.agreement_accept(profile=ln.profile, member=ln.member, commitment="")
    leader = client(ln, "leader")
    response = leader.post(url(ln, "leader_network_edit"), form_data(agreement="A new text."))
    assert response.status_code == 302
    ln.profile.refresh_from_db()
    assert (ln.profile.agreement, ln.profile.agreement_version) == ("A new text.", 2)
    page = client(ln, "member").get(url(ln, "leader_network")).content.decode()
    assert "A new text." in page
    assert reverse("programmes:leader_network_agreement", args=[ln.slug, ln.network.pk]) in page
    assert "You have accepted this version." not in page


@pytest.mark.parametrize(
    "changes", [{"name": ""}, {"focus": "x"}, {"sponsor": "other-workspace"}, {"reach": None}]
)
def test_edit_with_bad_input_changes_nothing(ln: LN, changes: dict[str, object]) -> None:
    if changes.get("sponsor"):
        changes = {"sponsor": ln.world.other_person.pk}
    response = client(ln, "leader").post(
        url(ln, "leader_network_edit"), form_data(agreement="Changed", **changes)
    )
    assert response.status_code == 400
    assert "not saved" in response.content.decode()
    ln.network.refresh_from_db()
    ln.profile.refresh_from_db()
    assert (ln.network.name, ln.network.sponsor) == ("Leaders in care", None)
    assert (ln.profile.agreement, ln.profile.agreement_version) == (
        "What is said here stays here.",
        1,
    )


# -- Agreement ------------------------------------------------------------------------------


def test_accept_the_agreement_once(ln: LN) -> None:
    member = client(ln, "member")
    page = member.get(url(ln, "leader_network")).content.decode()
    assert 'name="accept"' in page
    response = member.post(
        url(ln, "leader_network_agreement"), {"accept": "on", "commitment": "Come prepared."}
    )
    assert response.status_code == 302
    acceptance = AgreementAcceptance.objects.get()
    assert (acceptance.member, acceptance.commitment) == (ln.member, "Come prepared.")
    page = member.get(url(ln, "leader_network")).content.decode()
    assert 'name="accept"' not in page
    assert "Come prepared." in page

    again = member.post(url(ln, "leader_network_agreement"), {"accept": "on"})
    assert again.status_code == 400
    assert "already" in again.content.decode()
    assert AgreementAcceptance.objects.count() == 1


def test_accepting_needs_the_box_ticked(ln: LN) -> None:
    response = client(ln, "member").post(
        url(ln, "leader_network_agreement"), {"commitment": "Something"}
    )
    assert response.status_code == 400
    assert "Tick the box" in response.content.decode()
    assert AgreementAcceptance.objects.count() == 0


# -- Roles ----------------------------------------------------------------------------------


def test_roles_form_suggests_the_next_in_turn_and_saves(ln: LN) -> None:
    leader = client(ln, "leader")
    form = leader.get(url(ln, "leader_network_roles", ln.future.pk)).context["form"]
    assert (form["chair"].value(), form["case_owner"].value()) == (ln.fourth.pk, ln.third.pk)
    response = leader.post(
        url(ln, "leader_network_roles", ln.future.pk),
        {"chair": ln.member.pk, "case_owner": ln.third.pk, "standard_agenda": "on"},
    )
    assert response.status_code == 302
    roles = MeetingRoles.objects.get(meeting=ln.future)
    assert (roles.chair, roles.case_owner) == (ln.member, ln.third)
    assert set(ln.future.agenda_items.values_list("kind", flat=True)) == {
        AgendaItemKind.HERE_AND_NOW,
        AgendaItemKind.CASE,
    }
    page = leader.get(url(ln, "leader_network")).content.decode()
    assert "Max Member" in page and "Cleo Colleague" in page
    assert reverse("meetings:detail", args=[ln.slug, ln.network.pk, ln.future.pk]) in page


@pytest.mark.parametrize("bad", ["same", "stranger", "left"])
def test_roles_bad_input_changes_nothing(ln: LN, world: World, bad: str) -> None:
    if bad == "same":
        data = {"chair": ln.third.pk, "case_owner": ln.third.pk}
    elif bad == "stranger":
        other = Network.objects.create(
            workspace=world.workspace, name="Other", kind=NetworkKind.LEADER_NETWORK
        )
        data = {"chair": join(other, world.owner).pk}
    else:
        ln.fourth.left_on = timezone.localdate()
        ln.fourth.save()
        data = {"chair": ln.fourth.pk}
    before = counts()
    response = client(ln, "leader").post(
        url(ln, "leader_network_roles", ln.future.pk), {**data, "standard_agenda": "on"}
    )
    assert response.status_code == 400
    assert "not saved" in response.content.decode()
    assert counts() == before


# -- The four-principles check --------------------------------------------------------------


def test_give_the_check_after_a_meeting(ln: LN) -> None:
    member = client(ln, "member")
    page = member.get(url(ln, "leader_network")).content.decode()
    check = url(ln, "leader_network_check", ln.recent.pk)
    assert check in page  # listed under "checks you can still give"
    form = member.get(check)
    assert form.status_code == 200 and 'name="free_space"' in form.content.decode()
    response = member.post(check, SCORES)
    assert response.status_code == 302
    assert PrinciplesCheckReceipt.objects.filter(member=ln.member, meeting=ln.recent).exists()
    assert check not in member.get(url(ln, "leader_network")).content.decode()

    again = member.post(check, SCORES)
    assert again.status_code == 400
    assert "already" in again.content.decode()
    assert PrinciplesCheckReceipt.objects.count() == 1


@pytest.mark.parametrize(
    "data",
    [
        {**SCORES, "feedback": "6"},
        {**SCORES, "free_space": "0"},
        {**SCORES, "commitment": "three"},
        {k: v for k, v in SCORES.items() if k != "flexibility"},
        {},
    ],
)
def test_check_bad_scores_store_nothing(ln: LN, data: dict[str, str]) -> None:
    before = counts()
    response = client(ln, "member").post(url(ln, "leader_network_check", ln.recent.pk), data)
    assert response.status_code == 400
    assert "not saved" in response.content.decode()
    assert counts() == before


def test_check_before_the_meeting_is_refused(ln: LN) -> None:
    member = client(ln, "member")
    check = url(ln, "leader_network_check", ln.future.pk)
    page = member.get(check)
    assert page.status_code == 200
    assert "opens when the meeting has ended" in page.content.decode()
    assert 'name="free_space"' not in page.content.decode()
    before = counts()
    assert member.post(check, SCORES).status_code == 400
    assert counts() == before


@pytest.mark.parametrize(
    ("case", "reason"),
    [
        ("given", "You have given the check of this meeting already."),
        ("closed", "The check of this meeting has closed."),
        ("cancelled", "This meeting was cancelled: there is nothing to check."),
        ("absent", "You were not at this meeting."),
    ],
)
@pytest.mark.parametrize("data", [SCORES, {**SCORES, "feedback": "6"}, {}])
def test_a_refused_check_says_why_and_stores_nothing(
    ln: LN, case: str, reason: str, data: dict[str, str]
) -> None:
    target = ln.recent
    if case == "given":
        services.principles_check_submit(meeting=ln.recent, member=ln.member, scores=GOOD)
    elif case == "closed":
        target = ln.closed
    elif case == "cancelled":
        target = meeting(ln.network, days=-1)
        target.is_cancelled = True
        target.save()
    else:
        Attendance.objects.create(meeting=ln.recent, member=ln.member, status="absent")
    before = counts()
    response = client(ln, "member").post(url(ln, "leader_network_check", target.pk), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert reason in page
    assert 'name="free_space"' not in page  # the reason, not the form
    assert "not saved" not in page
    assert counts() == before


# -- What the detail page shows -------------------------------------------------------------


def test_detail_shows_the_set_up(ln: LN) -> None:
    LeaderNetworkProfile.objects.filter(pk=ln.profile.pk).update(mandate="The board backs us.")
    Network.objects.filter(pk=ln.network.pk).update(sponsor=ln.world.person)
    services.agreement_accept(profile=ln.profile, member=ln.third, commitment="One case")
    page = client(ln, "member").get(url(ln, "leader_network")).content.decode()
    for text in (
        "Learn from each other",
        "Interdisciplinary",
        "Local",
        "closed",
        "Pia Person",
        "The board backs us.",
        "We listen first.",
        "Curiosity",
        "Every participant brings one case a year.",
        "What is said here stays here.",
        "One case",
        'id="size-warning"',
        "4 participants: fewer than 8",
        "Ben Bakker to chair",
        "Cleo Colleague to bring a case",
        reverse("meetings:list", args=[ln.slug, ln.network.pk]),
    ):
        assert text in page, text


def test_detail_has_no_size_warning_for_an_open_group_of_any_size(ln: LN) -> None:
    LeaderNetworkProfile.objects.filter(pk=ln.profile.pk).update(is_confidential=False)
    page = client(ln, "member").get(url(ln, "leader_network")).content.decode()
    assert 'id="size-warning"' not in page


def test_detail_trend_hides_means_below_k_and_shows_them_at_k(ln: LN) -> None:
    below = meeting(ln.network, days=-20)
    answer(below, 2)
    answer(ln.closed, 3, {"free_space": 4, "flexibility": 2, "commitment": 5, "feedback": 3})
    page = client(ln, "member").get(url(ln, "leader_network")).content.decode()
    trend = page[page.index('id="principles-trend"') :]
    assert "Fewer than 3 answers: not shown" in trend
    assert trend.count("Fewer than 3 answers") == 1
    for mean in ("4.0", "2.0", "5.0", "3.0"):
        assert mean in trend
    assert "scored lowest" in page


def test_detail_queries_are_bounded(ln: LN) -> None:
    member = client(ln, "member")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert member.get(url(ln, "leader_network")).status_code == 200
        return len(captured)

    queries()  # the first visit stores the workspace in the session
    small = queries()
    for i in range(5):
        user = User.objects.create(email=f"many{i}@example.test", name=f"Many {i}")
        extra = join(ln.network, user)
        m = meeting(ln.network, days=-(30 + i))
        services.meeting_roles_set(meeting=m, chair=extra, case_owner=ln.third)
        services.agreement_accept(profile=ln.profile, member=extra, commitment="Yes")
        answer(m, 3)
        meeting(ln.network, days=20 + i)
    assert queries() == small


def test_a_closed_check_is_not_offered(ln: LN) -> None:
    ln.recent.ends_at = timezone.now() - timedelta(days=8)
    ln.recent.starts_at = ln.recent.ends_at - timedelta(hours=2)
    ln.recent.save()
    page = client(ln, "member").get(url(ln, "leader_network")).content.decode()
    assert url(ln, "leader_network_check", ln.recent.pk) not in page


def test_checks_over_the_rate_limit_store_nothing(ln: LN, limits: object) -> None:
    """The check page is limited per client address (netlead.core.ratelimit)."""
    limits(principles_check=1)  # type: ignore[operator]
    member = client(ln, "member")
    check = url(ln, "leader_network_check", ln.recent.pk)
    assert member.get(check).status_code == 200
    before = counts()
    response = member.post(check, SCORES)
    assert response.status_code == 429
    assert counts() == before
    assert not PrinciplesCheckReceipt.objects.filter(member=ln.member).exists()
