"""Leader networks: the services (set-up, agreement, meeting roles and rotation, the
four-principles check) and the selectors (page data, the trend under the k threshold).

The leader network of these tests: the world's facilitator leads it, the world's member and
two more users take part. The workspace owner is not in it (its pages are a 404 for them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from netlead.accounts.models import User
from netlead.meetings.models import AgendaItem, AgendaItemKind, Attendance, Meeting
from netlead.networks.models import Network, NetworkKind, NetworkMember, NetworkRole
from netlead.programmes import rules
from netlead.programmes.models import (
    AgreementAcceptance,
    LeaderNetworkProfile,
    MeetingRoles,
    PrinciplesCheckReceipt,
    PrinciplesCheckResponse,
)
from netlead.programmes.selectors import leader_networks as selectors
from netlead.programmes.services import leader_networks as services
from tests.conftest import World
from tests.factories import MembershipFactory, PersonFactory, UserFactory
from tests.linkage import ANSWERERS, assert_cannot_be_paired

GOOD = {"free_space": 4, "flexibility": 3, "commitment": 5, "feedback": 2}


@dataclass
class LN:
    world: World
    network: Network
    profile: LeaderNetworkProfile
    leader: NetworkMember
    member: NetworkMember
    third: NetworkMember
    fourth: NetworkMember
    third_user: User
    fourth_user: User
    closed: Meeting  # ended 10 days ago: its check has closed
    recent: Meeting  # ended an hour ago: its check is open
    future: Meeting

    @property
    def slug(self) -> str:
        return self.world.workspace.slug


def join(network: Network, user: User, role: str = NetworkRole.MEMBER) -> NetworkMember:
    person = network.workspace.persons.filter(user=user).first() or PersonFactory(
        workspace=network.workspace, name=user.name, email=user.email, user=user
    )
    return NetworkMember.objects.create(
        network=network,
        person=person,
        role=role,
        joined_on=timezone.localdate() - timedelta(days=90),
    )


def meeting(network: Network, *, days: float, hours: float = 2, title: str = "Group") -> Meeting:
    """A meeting starting `days` from now (negative: in the past)."""
    starts = timezone.now().replace(microsecond=0) + timedelta(days=days)
    return Meeting.objects.create(
        network=network, title=title, starts_at=starts, ends_at=starts + timedelta(hours=hours)
    )


def build(world: World) -> LN:
    network = Network.objects.create(
        workspace=world.workspace,
        name="Leaders in care",
        purpose="Learn from each other's cases.",
        kind=NetworkKind.LEADER_NETWORK,
    )
    profile = LeaderNetworkProfile.objects.create(
        network=network,
        rules="We start on time.\nWe listen first.",
        values="Trust\n\nCuriosity",
        goals="Every participant brings one case a year.",
        agreement="What is said here stays here.",
    )
    third_user = UserFactory(email="cleo@example.test", name="Cleo Colleague")
    fourth_user = UserFactory(email="ben@example.test", name="Ben Bakker")
    for user in (third_user, fourth_user):
        MembershipFactory(workspace=world.workspace, user=user)
    return LN(
        world=world,
        network=network,
        profile=profile,
        leader=join(network, world.facilitator, NetworkRole.LEADER),
        member=join(network, world.member),
        third=join(network, third_user),
        fourth=join(network, fourth_user),
        third_user=third_user,
        fourth_user=fourth_user,
        closed=meeting(network, days=-10),
        recent=_ended_recently(network),
        future=meeting(network, days=14),
    )


def _ended_recently(network: Network) -> Meeting:
    now = timezone.now().replace(microsecond=0)
    return Meeting.objects.create(
        network=network,
        title="Group",
        starts_at=now - timedelta(hours=3),
        ends_at=now - timedelta(hours=1),
    )


def answer(meeting: Meeting, n: int, scores: dict[str, int] | None = None) -> None:
    """`n` anonymous answers, stored directly (as after a check that has closed)."""
    PrinciplesCheckResponse.objects.bulk_create(
        PrinciplesCheckResponse(meeting=meeting, **(scores or GOOD)) for _ in range(n)
    )


def counts() -> dict[str, int]:
    return {
        "networks": Network.objects.count(),
        "profiles": LeaderNetworkProfile.objects.count(),
        "members": NetworkMember.objects.count(),
        "acceptances": AgreementAcceptance.objects.count(),
        "roles": MeetingRoles.objects.count(),
        "agenda": AgendaItem.objects.count(),
        "receipts": PrinciplesCheckReceipt.objects.count(),
        "responses": PrinciplesCheckResponse.objects.count(),
    }


@pytest.fixture
def ln(world: World) -> LN:
    return build(world)


# -- Set-up ---------------------------------------------------------------------------------


def test_create_makes_a_leader_network_led_by_its_creator(world: World) -> None:
    network = services.leader_network_create(
        workspace=world.workspace,
        creator=world.facilitator,
        network=Network(name="New leaders", kind=NetworkKind.INTER_ORGANIZATIONAL),
        profile=LeaderNetworkProfile(agreement="Confidential.", rules="Be on time."),
    )
    network.refresh_from_db()
    assert network.kind == NetworkKind.LEADER_NETWORK
    assert network.workspace == world.workspace
    profile = LeaderNetworkProfile.objects.get(network=network)
    assert profile.agreement_version == 1
    (leader,) = network.members.current()
    assert leader.role == NetworkRole.LEADER
    assert leader.person.user == world.facilitator


def test_create_with_bad_input_stores_nothing(world: World) -> None:
    before = counts()
    with pytest.raises(ValidationError) as error:
        services.leader_network_create(
            workspace=world.workspace,
            creator=world.owner,
            network=Network(name="", sponsor=world.other_person),
            profile=LeaderNetworkProfile(focus="nonsense"),
        )
    # Every problem at once: the network's and the profile's.
    assert {"name", "sponsor", "focus"} <= set(error.value.message_dict)
    assert counts() == before


def test_update_bumps_the_agreement_version_only_when_its_text_changes(ln: LN) -> None:
    ln.profile.rules = "A new rule."
    ln.profile.agreement = "  What is said here stays here.\n"
    services.leader_network_update(network=ln.network, profile=ln.profile)
    ln.profile.refresh_from_db()
    assert (ln.profile.rules, ln.profile.agreement_version) == ("A new rule.", 1)

    ln.profile.agreement = "What is said here stays here, also at home."
    services.leader_network_update(network=ln.network, profile=ln.profile)
    ln.profile.refresh_from_db()
    assert ln.profile.agreement_version == 2


def test_update_with_bad_input_changes_nothing(ln: LN) -> None:
    ln.network.sponsor = ln.world.other_person
    ln.profile.agreement = "Changed."
    with pytest.raises(ValidationError):
        services.leader_network_update(network=ln.network, profile=ln.profile)
    ln.network.refresh_from_db()
    ln.profile.refresh_from_db()
    assert ln.network.sponsor is None
    assert (ln.profile.agreement, ln.profile.agreement_version) == (
        "What is said here stays here.",
        1,
    )


@pytest.mark.parametrize(
    ("confidential", "size", "expected"),
    [
        (True, 7, "too_small"),
        (True, 8, None),
        (True, 20, None),
        (True, 21, "too_large"),
        (False, 3, None),
        (False, 40, None),
    ],
)
def test_size_guidance(confidential: bool, size: int, expected: str | None) -> None:
    profile = LeaderNetworkProfile(is_confidential=confidential)
    assert rules.size_guidance(profile, size) == expected


# -- The agreement --------------------------------------------------------------------------


def test_agreement_is_accepted_once_per_version(ln: LN) -> None:
    services.agreement_accept(profile=ln.profile, member=ln.member, commitment=" Be there. ")
    before = counts()
    with pytest.raises(ValidationError) as error:
        services.agreement_accept(profile=ln.profile, member=ln.member, commitment="Again")
    assert error.value.messages == ["You have accepted this version of the agreement already."]
    assert counts() == before
    acceptance = AgreementAcceptance.objects.get()
    assert (acceptance.version, acceptance.commitment) == (1, "Be there.")

    ln.profile.agreement = "A new text."
    services.leader_network_update(network=ln.network, profile=ln.profile)
    page = selectors.leader_network_page(ln.profile, ln.member)
    assert not page.viewer_accepted  # asked again
    services.agreement_accept(profile=ln.profile, member=ln.member, commitment="Still there.")
    assert list(
        AgreementAcceptance.objects.order_by("version").values_list("version", flat=True)
    ) == [1, 2]
    assert selectors.leader_network_page(ln.profile, ln.member).viewer_accepted


def test_agreement_only_for_current_members_of_that_network(ln: LN, world: World) -> None:
    other = Network.objects.create(
        workspace=world.workspace, name="Other", kind=NetworkKind.LEADER_NETWORK
    )
    stranger = join(other, world.owner)
    ln.third.left_on = timezone.localdate()
    ln.third.save()
    for member in (stranger, ln.third):
        with pytest.raises(ValidationError):
            services.agreement_accept(profile=ln.profile, member=member, commitment="")
    assert AgreementAcceptance.objects.count() == 0


def test_no_agreement_text_nothing_to_accept(ln: LN) -> None:
    LeaderNetworkProfile.objects.filter(pk=ln.profile.pk).update(agreement="")
    with pytest.raises(ValidationError, match="no agreement"):
        services.agreement_accept(profile=ln.profile, member=ln.member, commitment="")
    assert AgreementAcceptance.objects.count() == 0


# -- Meeting roles and rotation -------------------------------------------------------------


def test_roles_are_set_and_the_standard_agenda_added_once(ln: LN) -> None:
    for _ in range(2):
        services.meeting_roles_set(
            meeting=ln.future,
            chair=ln.member,
            case_owner=ln.third,
            by=ln.leader,
            standard_agenda=True,
        )
    roles = MeetingRoles.objects.get(meeting=ln.future)
    assert (roles.chair, roles.case_owner) == (ln.member, ln.third)
    kinds = sorted(ln.future.agenda_items.values_list("kind", flat=True))
    assert kinds == [AgendaItemKind.CASE, AgendaItemKind.HERE_AND_NOW]
    assert ln.future.agenda_items.get(kind=AgendaItemKind.CASE).title.endswith(ln.third.person.name)


def test_roles_refused_for_strangers_the_same_person_and_cancelled_meetings(
    ln: LN, world: World
) -> None:
    other = Network.objects.create(
        workspace=world.workspace, name="Other", kind=NetworkKind.LEADER_NETWORK
    )
    stranger = join(other, world.owner)
    services.meeting_roles_set(meeting=ln.future, chair=ln.member, case_owner=None)
    before = counts()
    bad = [
        {"chair": stranger, "case_owner": None},
        {"chair": None, "case_owner": stranger},
        {"chair": ln.third, "case_owner": ln.third},
    ]
    for roles in bad:
        with pytest.raises(ValidationError):
            services.meeting_roles_set(meeting=ln.future, **roles)
    ln.closed.is_cancelled = True
    ln.closed.save()
    with pytest.raises(ValidationError, match="cancelled"):
        services.meeting_roles_set(meeting=ln.closed, chair=ln.third, case_owner=None)
    assert counts() == before
    assert MeetingRoles.objects.get(meeting=ln.future).chair == ln.member


def test_roles_only_in_a_leader_network(ln: LN, world: World) -> None:
    plain = Network.objects.create(workspace=world.workspace, name="Plain network")
    member = join(plain, world.member)
    with pytest.raises(ValidationError):
        services.meeting_roles_set(meeting=meeting(plain, days=3), chair=member, case_owner=None)
    assert MeetingRoles.objects.count() == 0


def test_rotation_suggests_who_held_the_role_least_recently(ln: LN) -> None:
    # Names: Ben Bakker, Cleo Colleague, Fay Facilitator, Max Member.
    assert selectors.next_rotation(ln.network) == (ln.fourth, ln.third)  # nobody yet: by name

    older = meeting(ln.network, days=-30)
    services.meeting_roles_set(meeting=older, chair=ln.fourth, case_owner=ln.third)
    services.meeting_roles_set(meeting=ln.closed, chair=ln.third, case_owner=ln.fourth)
    services.meeting_roles_set(meeting=ln.future, chair=ln.leader, case_owner=ln.member)
    # Max never chaired; Fay never owned a case (Ben owned one 10 days ago, Cleo 30).
    assert selectors.next_rotation(ln.network) == (ln.member, ln.leader)

    services.meeting_roles_set(meeting=ln.recent, chair=ln.member, case_owner=ln.leader)
    # Everyone chaired: Ben longest ago. Cleo owned a case longest ago.
    assert selectors.next_rotation(ln.network) == (ln.fourth, ln.third)


def test_rotation_never_suggests_one_person_for_both_roles(ln: LN) -> None:
    # Nobody held a role: Ben is first in both orders, so the case owner is the next, Cleo.
    assert selectors.next_rotation(ln.network) == (ln.fourth, ln.third)
    for member in (ln.leader, ln.member, ln.third):
        member.left_on = timezone.localdate()
        member.save()
    # Ben alone: he chairs, and nobody else can bring a case.
    assert selectors.next_rotation(ln.network) == (ln.fourth, None)


def test_rotation_ignores_members_who_left_and_cancelled_meetings(ln: LN) -> None:
    services.meeting_roles_set(meeting=ln.closed, chair=ln.fourth, case_owner=ln.third)
    ln.closed.is_cancelled = True
    ln.closed.save()
    # The cancelled meeting does not count: Ben is again first by name.
    assert selectors.next_rotation(ln.network)[0] == ln.fourth
    ln.fourth.left_on = timezone.localdate()
    ln.fourth.save()
    assert selectors.next_rotation(ln.network)[0] == ln.third


# -- The four-principles check --------------------------------------------------------------


def test_check_stores_a_receipt_and_an_answer_without_a_name(ln: LN) -> None:
    services.principles_check_submit(meeting=ln.recent, member=ln.member, scores=GOOD)
    receipt = PrinciplesCheckReceipt.objects.get()
    assert (receipt.meeting, receipt.member) == (ln.recent, ln.member)
    response = PrinciplesCheckResponse.objects.get()
    assert {p: getattr(response, p) for p in GOOD} == GOOD
    assert response.meeting == ln.recent


def test_an_answer_row_carries_no_member_and_no_time() -> None:
    fields = PrinciplesCheckResponse._meta.get_fields()
    links = {f.name: f.related_model for f in fields if f.is_relation}
    assert links == {"meeting": Meeting}
    assert not [f for f in fields if isinstance(f, (models.DateField, models.DateTimeField))]
    assert isinstance(PrinciplesCheckResponse._meta.pk, models.UUIDField)


def test_answers_cannot_be_paired_with_receipts(
    ln: LN, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The operator's view (issue 14): ten members answer one after the other, hours apart;
    the receipts tell who answered in which order, the answers follow it neither in key, row
    order nor time."""
    members = [ln.leader, ln.member, ln.third, ln.fourth]
    for n in range(ANSWERERS - len(members)):
        user = UserFactory(email=f"extra{n}@example.test", name=f"Extra Member{n}")
        MembershipFactory(workspace=world.workspace, user=user)
        members.append(join(ln.network, user))
    start = timezone.now()
    for index, member in enumerate(members):
        moment = start + timedelta(hours=index)
        monkeypatch.setattr(timezone, "now", lambda moment=moment: moment)
        # The test's own marker of whose answer it is: the index in base 5.
        scores = {**GOOD, "free_space": index // 5 + 1, "flexibility": index % 5 + 1}
        services.principles_check_submit(meeting=ln.recent, member=member, scores=scores)
    monkeypatch.undo()
    receipts = PrinciplesCheckReceipt.objects.filter(meeting=ln.recent).order_by("pk")
    assert [r.member_id for r in receipts] == [m.pk for m in members]
    whose = {
        (row.free_space - 1) * 5 + row.flexibility - 1: row.pk
        for row in PrinciplesCheckResponse.objects.filter(meeting=ln.recent)
    }
    in_answer_order = [whose[index] for index in range(ANSWERERS)]
    assert_cannot_be_paired(PrinciplesCheckResponse, in_answer_order, meeting=ln.recent.pk)


def test_check_cannot_be_given_twice(ln: LN) -> None:
    services.principles_check_submit(meeting=ln.recent, member=ln.member, scores=GOOD)
    before = counts()
    with pytest.raises(ValidationError) as error:
        services.principles_check_submit(meeting=ln.recent, member=ln.member, scores=GOOD)
    assert error.value.messages == ["You have given the check of this meeting already."]
    assert counts() == before


def test_check_not_before_the_meeting_has_ended(ln: LN) -> None:
    now = timezone.now()
    running = Meeting.objects.create(
        network=ln.network,
        title="Now",
        starts_at=now - timedelta(minutes=30),
        ends_at=now + timedelta(minutes=30),
    )
    for m in (ln.future, running):
        with pytest.raises(ValidationError, match="ended"):
            services.principles_check_submit(meeting=m, member=ln.member, scores=GOOD)
    assert counts()["responses"] == counts()["receipts"] == 0


@pytest.mark.parametrize("who", ["stranger", "left"])
def test_check_only_by_current_members_of_the_network(ln: LN, world: World, who: str) -> None:
    if who == "stranger":
        other = Network.objects.create(
            workspace=world.workspace, name="Other", kind=NetworkKind.LEADER_NETWORK
        )
        member = join(other, world.owner)
    else:
        member = ln.third
        member.left_on = timezone.localdate()
        member.save()
    with pytest.raises(ValidationError, match="current members"):
        services.principles_check_submit(meeting=ln.recent, member=member, scores=GOOD)
    assert counts()["responses"] == counts()["receipts"] == 0


@pytest.mark.parametrize(
    "scores",
    [
        {**GOOD, "feedback": 6},
        {**GOOD, "free_space": 0},
        {k: v for k, v in GOOD.items() if k != "commitment"},
        {**GOOD, "fun": 3},
        {**GOOD, "flexibility": True},
        {**GOOD, "flexibility": "3"},
    ],
)
def test_check_needs_four_scores_from_1_to_5(ln: LN, scores: dict[str, int]) -> None:
    with pytest.raises(ValidationError):
        services.principles_check_submit(meeting=ln.recent, member=ln.member, scores=scores)
    assert counts()["responses"] == counts()["receipts"] == 0


def test_check_refused_when_cancelled_closed_absent_or_joined_later(ln: LN) -> None:
    cancelled = _ended_recently(ln.network)
    cancelled.is_cancelled = True
    cancelled.save()
    Attendance.objects.create(meeting=ln.recent, member=ln.third, status="absent")
    ln.fourth.joined_on = timezone.localdate() + timedelta(days=1)
    ln.fourth.save()
    cases = [
        (cancelled, ln.member, "cancelled"),
        (ln.closed, ln.member, "closed"),
        (ln.recent, ln.third, "not at this meeting"),
        (ln.recent, ln.fourth, "joined after"),
    ]
    for m, member, reason in cases:
        assert reason in (services.check_refusal(meeting=m, member=member) or "")
        with pytest.raises(ValidationError, match=reason):
            services.principles_check_submit(meeting=m, member=member, scores=GOOD)
    assert counts()["responses"] == counts()["receipts"] == 0
    # Present (or not recorded) is fine.
    Attendance.objects.create(meeting=ln.recent, member=ln.member, status="present")
    assert services.check_refusal(meeting=ln.recent, member=ln.member) is None


def test_checks_open_for_follows_the_same_rules(ln: LN, world: World) -> None:
    cancelled = _ended_recently(ln.network)
    cancelled.is_cancelled = True
    cancelled.save()
    second = _ended_recently(ln.network)
    Attendance.objects.create(meeting=second, member=ln.member, status="excused")
    third = _ended_recently(ln.network)
    # Someone else being absent does not matter for the member.
    Attendance.objects.create(meeting=third, member=ln.third, status="absent")
    Attendance.objects.create(meeting=third, member=ln.leader, status="present")
    services.principles_check_submit(meeting=ln.recent, member=ln.leader, scores=GOOD)
    # Just inside and just outside the week the check stays open; one still running.
    now = timezone.now().replace(microsecond=0)
    for ended in (timedelta(days=6, hours=23), timedelta(days=7, minutes=1)):
        Meeting.objects.create(
            network=ln.network,
            title="Edge",
            starts_at=now - ended - timedelta(hours=2),
            ends_at=now - ended,
        )
    Meeting.objects.create(
        network=ln.network,
        title="Now",
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(hours=1),
    )
    # Someone who joined after the recent meetings, someone who left, and a member of another
    # leader network with a meeting of its own.
    ln.fourth.joined_on = timezone.localdate() + timedelta(days=1)
    ln.fourth.save()
    gone = join(ln.network, UserFactory(email="gone@example.test"))
    gone.left_on = timezone.localdate()
    gone.save()
    other = Network.objects.create(
        workspace=world.workspace, name="Other", kind=NetworkKind.LEADER_NETWORK
    )
    stranger = join(other, world.owner)
    _ended_recently(other)

    every_meeting = list(Meeting.objects.order_by("-starts_at", "-pk"))
    for member in (ln.member, ln.leader, ln.third, ln.fourth, gone, stranger):
        expected = [
            m for m in every_meeting if services.check_refusal(meeting=m, member=member) is None
        ]
        assert selectors.checks_open_for(member) == expected, member
    assert selectors.checks_open_for(ln.member)[:2] == [third, ln.recent]
    assert selectors.checks_open_for(ln.fourth) == []
    assert selectors.checks_open_for(gone) == []
    assert [m.network for m in selectors.checks_open_for(stranger)] == [other]


def test_checks_open_for_is_one_query(ln: LN, django_assert_num_queries) -> None:
    for days in range(1, 7):
        m = meeting(ln.network, days=-days)
        Attendance.objects.create(meeting=m, member=ln.member, status="present")
    with django_assert_num_queries(1):
        assert len(selectors.checks_open_for(ln.member)) == 7


# -- The trend ------------------------------------------------------------------------------


def test_trend_hides_means_below_k_and_shows_them_at_k(ln: LN) -> None:
    workspace = ln.world.workspace
    workspace.anonymity_threshold = 4
    workspace.save()
    below = meeting(ln.network, days=-20)
    answer(below, 3)
    answer(ln.closed, 3, {"free_space": 2, "flexibility": 4, "commitment": 4, "feedback": 4})
    answer(ln.closed, 1, {"free_space": 4, "flexibility": 4, "commitment": 4, "feedback": 1})
    answer(ln.recent, 5)  # open: not shown yet, whatever the number

    trend = selectors.principles_trend_of(ln.network, k=workspace.anonymity_threshold)
    rows = {row.meeting: row for row in trend.rows}
    assert [row.meeting for row in trend.rows] == [below, ln.closed, ln.recent]
    assert (rows[below].respondents, rows[below].shown) == (3, False)
    assert all(cell.mean is None for cell in rows[below].cells)
    assert (rows[ln.closed].respondents, rows[ln.closed].shown) == (4, True)
    assert [c.mean for c in rows[ln.closed].cells] == [2.5, 4.0, 4.0, 3.25]
    assert (rows[ln.recent].shown, rows[ln.recent].is_open) == (False, True)
    assert all(cell.mean is None for cell in rows[ln.recent].cells)
    assert trend.weakest == "free_space"

    page = selectors.leader_network_page(ln.profile, ln.member)
    assert page.principles.k == 4


def test_trend_change_against_the_previous_shown_meeting(ln: LN) -> None:
    earlier = meeting(ln.network, days=-20)
    answer(earlier, 3, {"free_space": 3, "flexibility": 3, "commitment": 3, "feedback": 3})
    answer(ln.closed, 3)
    rows = selectors.principles_trend_of(ln.network, k=3).rows
    assert [c.change for c in rows[0].cells] == [None] * 4
    assert [c.change for c in rows[1].cells] == [1.0, 0.0, 2.0, -1.0]


# -- The page and lists ---------------------------------------------------------------------


def test_page_data(ln: LN) -> None:
    services.agreement_accept(profile=ln.profile, member=ln.third, commitment="One case a year")
    services.meeting_roles_set(meeting=ln.future, chair=ln.member, case_owner=ln.third)
    Attendance.objects.create(meeting=ln.closed, member=ln.member, status="present")
    Attendance.objects.create(meeting=ln.recent, member=ln.member, status="absent")
    page = selectors.leader_network_page(ln.profile, ln.member)
    assert page.rules == ["We start on time.", "We listen first."]
    assert page.values == ["Trust", "Curiosity"]
    assert page.goals == ["Every participant brings one case a year."]
    assert (page.member_count, page.size_warning) == (4, "too_small")
    rows = {row.member: row for row in page.members}
    assert rows[ln.third].accepted and rows[ln.third].commitment == "One case a year"
    assert not rows[ln.member].accepted and rows[ln.member].commitment == ""
    assert rows[ln.member].rate.percent == 50
    assert page.next_meeting is not None
    assert (page.next_meeting.meeting, page.next_meeting.chair) == (ln.future, ln.member)
    assert page.next_meeting.case_owner == ln.third
    assert [r.meeting for r in page.past] == [ln.recent, ln.closed]
    assert page.checks_open == []  # absent from the recent meeting
    assert page.accepted_count == 1 and not page.viewer_accepted


def test_page_lists_the_next_and_the_last_meetings(ln: LN) -> None:
    later = [meeting(ln.network, days=20 + i) for i in range(6)]
    earlier = [meeting(ln.network, days=-(30 + i)) for i in range(6)]
    cancelled_soon = meeting(ln.network, days=1)
    cancelled_soon.is_cancelled = True
    cancelled_soon.save()
    page = selectors.leader_network_page(ln.profile, ln.member)
    assert page.next_meeting is not None and page.next_meeting.meeting == ln.future
    assert [r.meeting for r in page.upcoming] == [ln.future, *later[:4]]
    assert [r.meeting for r in page.past] == [ln.recent, ln.closed, *earlier[:3]]
    assert len(page.upcoming) == selectors.UPCOMING_MEETINGS
    assert len(page.past) == selectors.PAST_MEETINGS


def test_page_queries_do_not_grow_with_members_and_meetings(ln: LN) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            selectors.leader_network_page(
                LeaderNetworkProfile.objects.get(pk=ln.profile.pk), ln.member
            )
        return len(captured)

    small = queries()
    for i in range(6):
        user = UserFactory(email=f"extra{i}@example.test")
        member = join(ln.network, user)
        m = meeting(ln.network, days=-(i + 30))
        answer(m, 3)
        services.meeting_roles_set(meeting=m, chair=member, case_owner=ln.third)
        services.agreement_accept(profile=ln.profile, member=member, commitment="Yes")
        meeting(ln.network, days=i + 20)
    assert queries() == small
    # More than the page lists on either side: still the same reads.
    for i in range(6):
        meeting(ln.network, days=-(i + 60))
        meeting(ln.network, days=i + 60)
    assert queries() == small
    page = selectors.leader_network_page(ln.profile, ln.member)
    assert (len(page.upcoming), len(page.past)) == (5, 5)


def test_leader_networks_of_a_person(ln: LN, world: World) -> None:
    plain = Network.objects.create(workspace=world.workspace, name="Plain")
    join(plain, world.member)
    left = Network.objects.create(
        workspace=world.workspace, name="Left", kind=NetworkKind.LEADER_NETWORK
    )
    gone = join(left, world.member)
    gone.left_on = timezone.localdate()
    gone.save()
    assert selectors.leader_networks_of(ln.member.person) == [ln.network]
