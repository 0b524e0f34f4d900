"""Mentoring: the facilitator proposes a pair, both accept, the pair keeps goals, meetings and
reflections that only the two of them see; the facilitator sees status and meeting counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from netlead.accounts.models import User
from netlead.programmes.models import (
    MentoringMeeting,
    MentoringPair,
    PairStatus,
    Programme,
    ProgrammeKind,
)
from netlead.programmes.selectors import mentoring as selectors
from netlead.programmes.services import mentoring as services
from netlead.programmes.tasks import language_of
from netlead.workspaces.models import Person, Role
from netlead.workspaces.services import person_for_user
from tests.conftest import World
from tests.factories import MembershipFactory, PersonFactory, UserFactory


@dataclass
class Mentoring:
    world: World
    programme: Programme
    mentor_user: User
    mentee_user: User
    third_user: User
    mentor: Person
    mentee: Person
    third: Person

    @property
    def slug(self) -> str:
        return self.world.workspace.slug

    def url(self, name: str, *args: object) -> str:
        return reverse(f"programmes:{name}", args=[self.slug, *args])

    def client(self, user: User | None) -> Client:
        return self.world.client_for(user)

    def propose(self, note: str = "") -> MentoringPair:
        return services.pair_propose(
            programme=self.programme,
            mentor=self.mentor,
            mentee=self.mentee,
            note=note,
            proposed_by=self.world.facilitator,
        )

    def active_pair(self) -> MentoringPair:
        pair = self.propose()
        services.pair_respond(pair=pair, person=self.mentor, accept=True)
        return services.pair_respond(pair=pair, person=self.mentee, accept=True)


@pytest.fixture
def m(world: World) -> Mentoring:
    workspace = world.workspace
    mentor_user = UserFactory(email="mona@example.test", name="Mona Mentor")
    third_user = UserFactory(email="theo@example.test", name="Theo Third")
    for user in (mentor_user, third_user):
        MembershipFactory(workspace=workspace, user=user, role=Role.MEMBER)
    programme = Programme.objects.create(
        workspace=workspace, kind=ProgrammeKind.MENTORING, title="Peer mentoring", language="en"
    )
    return Mentoring(
        world=world,
        programme=programme,
        mentor_user=mentor_user,
        mentee_user=world.member,
        third_user=third_user,
        mentor=person_for_user(workspace=workspace, user=mentor_user),
        mentee=person_for_user(workspace=workspace, user=world.member),
        third=person_for_user(workspace=workspace, user=third_user),
    )


def _propose_form(m: Mentoring, **overrides: object) -> dict[str, object]:
    data: dict[str, object] = {"mentor": m.mentor.pk, "mentee": m.mentee.pk, "note": "Both lead"}
    data.update(overrides)
    return data


# -- The facilitator's page ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [("owner", 200), ("facilitator", 200), ("member", 403), ("outsider", 404)],
)
def test_who_reaches_the_facilitator_page(m: Mentoring, who: str, status: int) -> None:
    user = getattr(m.world, who)
    response = m.client(user).get(m.url("mentoring", m.programme.pk))
    assert response.status_code == status


@pytest.mark.parametrize(("who", "status"), [("member", 403), ("outsider", 404)])
def test_only_managers_can_propose(m: Mentoring, who: str, status: int) -> None:
    response = m.client(getattr(m.world, who)).post(
        m.url("mentoring", m.programme.pk), _propose_form(m)
    )
    assert response.status_code == status
    assert not MentoringPair.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(m: Mentoring) -> None:
    response = Client().get(m.url("mentoring", m.programme.pk))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_a_masterclass_has_no_mentoring_page(m: Mentoring) -> None:
    masterclass = Programme.objects.create(
        workspace=m.world.workspace, kind=ProgrammeKind.MASTERCLASS, title="Masterclass"
    )
    response = m.client(m.world.owner).get(m.url("mentoring", masterclass.pk))
    assert response.status_code == 404


def test_another_workspaces_programme_is_not_found(m: Mentoring) -> None:
    theirs = Programme.objects.create(
        workspace=m.world.other_workspace, kind=ProgrammeKind.MENTORING, title="Theirs"
    )
    response = m.client(m.world.owner).get(m.url("mentoring", theirs.pk))
    assert response.status_code == 404


def test_a_facilitator_proposes_a_pair_and_both_are_mailed(
    m: Mentoring, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = m.client(m.world.facilitator).post(
            m.url("mentoring", m.programme.pk), _propose_form(m, note="You both lead care teams")
        )
    assert response.status_code == 302
    pair = MentoringPair.objects.get()
    assert (pair.mentor, pair.mentee, pair.status) == (m.mentor, m.mentee, PairStatus.PROPOSED)
    assert pair.proposed_by == m.world.facilitator
    assert sorted(message.to[0] for message in mailoutbox) == [
        "member@example.test",
        "mona@example.test",
    ]
    link = "http://testserver" + m.url("pair", pair.pk)
    for message in mailoutbox:
        assert "Peer mentoring" in message.subject
        assert link in message.body
        assert "You both lead care teams" in message.body
        assert "&" not in message.body  # plain text, not HTML-escaped
    to_mentor = next(msg for msg in mailoutbox if msg.to == ["mona@example.test"])
    assert "you are proposed as the mentor of Max Member" in to_mentor.body


def test_the_proposal_task_run_twice_mails_each_person_once(
    m: Mentoring, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    from netlead.programmes.tasks import send_pair_proposal

    with django_capture_on_commit_callbacks(execute=True):
        pair = m.propose()
    assert len(mailoutbox) == 2
    # The queue delivers at least once: a second run sends nothing.
    assert send_pair_proposal.call(pair_id=pair.pk, base_url="http://testserver") == 0
    assert len(mailoutbox) == 2


def test_the_proposal_mail_follows_the_persons_language(m: Mentoring) -> None:
    assert language_of(m.mentee, "nl") == "nl"  # no language chosen: the programme's
    m.mentee_user.language = "da"
    m.mentee_user.save(update_fields=["language"])
    m.mentee.refresh_from_db()
    assert language_of(m.mentee, "nl") == "da"


@pytest.mark.parametrize(
    "case",
    ["same person", "no mentee", "other workspace", "no account", "unknown id"],
)
def test_bad_proposals_store_nothing(m: Mentoring, mailoutbox, case: str) -> None:
    outside = m.world.other_person
    no_account = PersonFactory(workspace=m.world.workspace, name="Nora No-account")
    data = {
        "same person": _propose_form(m, mentee=m.mentor.pk),
        "no mentee": _propose_form(m, mentee=""),
        "other workspace": _propose_form(m, mentee=outside.pk),
        "no account": _propose_form(m, mentee=no_account.pk),
        "unknown id": _propose_form(m, mentor=999999),
    }[case]
    response = m.client(m.world.facilitator).post(m.url("mentoring", m.programme.pk), data)
    assert response.status_code == 400
    assert MentoringPair.objects.count() == 0
    assert not mailoutbox


@pytest.mark.parametrize("reversed_roles", [False, True])
def test_the_same_two_people_are_proposed_once_at_a_time(
    m: Mentoring, reversed_roles: bool
) -> None:
    m.propose()
    data = _propose_form(m)
    if reversed_roles:
        data = _propose_form(m, mentor=m.mentee.pk, mentee=m.mentor.pk)
    response = m.client(m.world.facilitator).post(m.url("mentoring", m.programme.pk), data)
    assert response.status_code == 400
    assert "already have a proposed or running pair" in response.text
    assert MentoringPair.objects.count() == 1


def test_after_a_decline_the_two_can_be_proposed_again(m: Mentoring) -> None:
    pair = m.propose()
    services.pair_respond(pair=pair, person=m.mentee, accept=False)
    again = m.propose()
    assert again.pk != pair.pk
    assert MentoringPair.objects.filter(status=PairStatus.PROPOSED).count() == 1


def test_the_service_refuses_bad_proposals(m: Mentoring) -> None:
    masterclass = Programme.objects.create(
        workspace=m.world.workspace, kind=ProgrammeKind.MASTERCLASS, title="Masterclass"
    )
    cases = [
        {"programme": masterclass},
        {"mentee": m.world.other_person},
        {"mentee": m.mentor},
        {"mentee": m.world.person},  # no account: could never accept
    ]
    for overrides in cases:
        kwargs: dict[str, object] = {
            "programme": m.programme,
            "mentor": m.mentor,
            "mentee": m.mentee,
            "note": "",
            "proposed_by": m.world.facilitator,
            **overrides,
        }
        with pytest.raises(ValidationError):
            services.pair_propose(**kwargs)  # type: ignore[arg-type]
    assert MentoringPair.objects.count() == 0


def test_the_facilitator_page_lists_pairs_with_status_and_meeting_count(m: Mentoring) -> None:
    pair = m.active_pair()
    for days in (3, 1):
        services.pair_meeting_add(
            pair=pair,
            held_on=timezone.localdate() - timedelta(days=days),
            topic="Topic",
            notes="",
        )
    response = m.client(m.world.facilitator).get(m.url("mentoring", m.programme.pk))
    assert response.status_code == 200
    rows = response.context["pairs"]
    assert [(r.mentor, r.mentee, r.status, r.meeting_count) for r in rows] == [
        ("Mona Mentor", "Max Member", "active", 2)
    ]
    assert "Running" in response.text


def test_the_programme_pairs_are_read_in_one_query(m: Mentoring, django_assert_num_queries) -> None:
    m.active_pair()
    services.pair_propose(
        programme=m.programme,
        mentor=m.third,
        mentee=m.mentee,
        note="",
        proposed_by=m.world.facilitator,
    )
    with django_assert_num_queries(1):
        rows = selectors.pairs_of_programme(m.programme)
    assert len(rows) == 2


# -- Privacy ---------------------------------------------------------------------------------


def test_the_facilitator_never_sees_what_the_pair_wrote(m: Mentoring) -> None:
    pair = m.active_pair()
    services.pair_goals_save(pair=pair, goals="SECRET-GOAL: speak up in the board")
    services.pair_meeting_add(
        pair=pair, held_on=timezone.localdate(), topic="SECRET-TOPIC", notes="SECRET-NOTES"
    )
    services.pair_reflect(pair=pair, person=m.mentor, text="SECRET-MENTOR-REFLECTION")
    services.pair_reflect(pair=pair, person=m.mentee, text="SECRET-MENTEE-REFLECTION")
    secrets = ["SECRET-GOAL", "SECRET-TOPIC", "SECRET-NOTES", "SECRET-MENTOR", "SECRET-MENTEE"]
    for user in (m.world.facilitator, m.world.owner):
        page = m.client(user).get(m.url("mentoring", m.programme.pk)).text
        assert "Mona Mentor" in page
        for secret in secrets:
            assert secret not in page
    # The pair itself sees all of it.
    own = m.client(m.mentee_user).get(m.url("pair", pair.pk)).text
    for secret in secrets:
        assert secret in own


# -- The pair's page -------------------------------------------------------------------------

PAIR_POSTS: dict[str, dict[str, str]] = {
    "pair_respond": {"accept": "yes"},
    "pair_goals": {"goals-goals": "Hacked"},
    "pair_meeting_add": {"meeting-held_on": "2020-01-01", "meeting-topic": "Hacked"},
    "pair_reflect": {"reflection-text": "Hacked"},
    "pair_close": {},
}


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("mentor_user", 200),
        ("mentee_user", 200),
        ("third_user", 404),
        ("facilitator", 404),
        ("owner", 404),
        ("outsider", 404),
    ],
)
def test_who_reaches_the_pair_page(m: Mentoring, who: str, status: int) -> None:
    pair = m.propose()
    user = getattr(m, who, None) or getattr(m.world, who)
    assert m.client(user).get(m.url("pair", pair.pk)).status_code == status


@pytest.mark.parametrize("name", sorted(PAIR_POSTS))
@pytest.mark.parametrize("who", ["third_user", "facilitator", "outsider"])
def test_nobody_else_can_post_to_a_pair(m: Mentoring, name: str, who: str) -> None:
    pair = m.active_pair()
    services.pair_reflect(pair=pair, person=m.mentor, text="Mine")
    before = MentoringPair.objects.values().get(pk=pair.pk)
    user = getattr(m, who, None) or getattr(m.world, who)
    response = m.client(user).post(m.url(name, pair.pk), PAIR_POSTS[name])
    assert response.status_code == 404
    assert MentoringPair.objects.values().get(pk=pair.pk) == before
    assert not MentoringMeeting.objects.exists()


@pytest.mark.parametrize("name", sorted(PAIR_POSTS))
def test_pair_endpoints_take_only_post(m: Mentoring, name: str) -> None:
    pair = m.active_pair()
    assert m.client(m.mentor_user).get(m.url(name, pair.pk)).status_code == 405


def test_both_accept_and_the_pair_runs(m: Mentoring) -> None:
    pair = m.propose()
    mentor, mentee = m.client(m.mentor_user), m.client(m.mentee_user)
    page = mentor.get(m.url("pair", pair.pk))
    assert "Accept" in page.text
    assert mentor.post(m.url("pair_respond", pair.pk), {"accept": "yes"}).status_code == 302
    pair.refresh_from_db()
    assert pair.status == PairStatus.PROPOSED
    assert pair.mentor_accepted_at is not None and pair.mentee_accepted_at is None
    assert "You accepted" in mentor.get(m.url("pair", pair.pk)).text
    assert "Mona Mentor has accepted" in mentee.get(m.url("pair", pair.pk)).text
    assert mentee.post(m.url("pair_respond", pair.pk), {"accept": "yes"}).status_code == 302
    pair.refresh_from_db()
    assert pair.status == PairStatus.ACTIVE
    assert "Save the goals" in mentee.get(m.url("pair", pair.pk)).text


def test_a_decline_ends_the_proposal(m: Mentoring) -> None:
    pair = m.propose()
    services.pair_respond(pair=pair, person=m.mentor, accept=True)
    response = m.client(m.mentee_user).post(m.url("pair_respond", pair.pk), {"accept": "no"})
    assert response.status_code == 302
    pair.refresh_from_db()
    assert pair.status == PairStatus.DECLINED
    # Answered is answered: a later accept changes nothing.
    late = m.client(m.mentee_user).post(m.url("pair_respond", pair.pk), {"accept": "yes"})
    assert late.status_code == 400
    pair.refresh_from_db()
    assert pair.status == PairStatus.DECLINED
    assert pair.mentee_accepted_at is None


@pytest.mark.parametrize("accept", ["", "YES", "No", "true", "1", "decline", None])
def test_a_tampered_answer_is_refused_and_changes_nothing(m: Mentoring, accept: str | None) -> None:
    pair = m.propose()
    services.pair_respond(pair=pair, person=m.mentor, accept=True)
    before = MentoringPair.objects.values().get(pk=pair.pk)
    data = {} if accept is None else {"accept": accept}
    response = m.client(m.mentee_user).post(m.url("pair_respond", pair.pk), data)
    assert response.status_code == 400
    assert MentoringPair.objects.values().get(pk=pair.pk) == before


def test_a_running_pair_cannot_be_declined(m: Mentoring) -> None:
    pair = m.active_pair()
    response = m.client(m.mentor_user).post(m.url("pair_respond", pair.pk), {"accept": "no"})
    assert response.status_code == 400
    pair.refresh_from_db()
    assert pair.status == PairStatus.ACTIVE


def test_goals_meetings_and_reflection_wait_until_both_accepted(m: Mentoring) -> None:
    pair = m.propose()
    client = m.client(m.mentor_user)
    for name, data in PAIR_POSTS.items():
        if name == "pair_respond":
            continue
        assert client.post(m.url(name, pair.pk), data).status_code == 400, name
    pair.refresh_from_db()
    assert (pair.status, pair.goals, pair.mentor_reflection) == (PairStatus.PROPOSED, "", "")
    assert not MentoringMeeting.objects.exists()


def test_the_pair_keeps_goals_and_meetings(m: Mentoring) -> None:
    pair = m.active_pair()
    client = m.client(m.mentee_user)
    response = client.post(m.url("pair_goals", pair.pk), {"goals-goals": "Chair a network"})
    assert response.status_code == 302
    yesterday = timezone.localdate() - timedelta(days=1)
    response = client.post(
        m.url("pair_meeting_add", pair.pk),
        {
            "meeting-held_on": yesterday.isoformat(),
            "meeting-topic": "First talk",
            "meeting-notes": "Went well",
        },
    )
    assert response.status_code == 302
    pair.refresh_from_db()
    assert pair.goals == "Chair a network"
    meeting = pair.meetings.get()
    assert (meeting.held_on, meeting.topic, meeting.notes) == (yesterday, "First talk", "Went well")


@pytest.mark.parametrize("goals", ["", "   ", "x" * 5001])
def test_bad_goals_change_nothing(m: Mentoring, goals: str) -> None:
    pair = m.active_pair()
    services.pair_goals_save(pair=pair, goals="Kept")
    response = m.client(m.mentor_user).post(m.url("pair_goals", pair.pk), {"goals-goals": goals})
    assert response.status_code == 400
    pair.refresh_from_db()
    assert pair.goals == "Kept"


@pytest.mark.parametrize(
    ("held_on", "topic"),
    [
        ("future", "A topic"),
        ("", "A topic"),
        ("not-a-date", "A topic"),
        ("yesterday", ""),
        ("yesterday", "x" * 201),
    ],
)
def test_bad_meetings_are_not_stored(m: Mentoring, held_on: str, topic: str) -> None:
    pair = m.active_pair()
    dates = {
        "future": (timezone.localdate() + timedelta(days=1)).isoformat(),
        "yesterday": (timezone.localdate() - timedelta(days=1)).isoformat(),
    }
    response = m.client(m.mentor_user).post(
        m.url("pair_meeting_add", pair.pk),
        {"meeting-held_on": dates.get(held_on, held_on), "meeting-topic": topic},
    )
    assert response.status_code == 400
    assert MentoringMeeting.objects.count() == 0


def test_a_future_meeting_is_refused_with_a_reason(m: Mentoring) -> None:
    pair = m.active_pair()
    with pytest.raises(ValidationError, match="taken place"):
        services.pair_meeting_add(
            pair=pair,
            held_on=timezone.localdate() + timedelta(days=7),
            topic="Planned",
            notes="",
        )
    assert MentoringMeeting.objects.count() == 0


@pytest.mark.parametrize("text", ["", "   ", "x" * 10001])
def test_bad_reflections_change_nothing(m: Mentoring, text: str) -> None:
    pair = m.active_pair()
    response = m.client(m.mentee_user).post(
        m.url("pair_reflect", pair.pk), {"reflection-text": text}
    )
    assert response.status_code == 400
    pair.refresh_from_db()
    assert pair.mentee_reflection == ""


def test_each_writes_their_own_reflection(m: Mentoring) -> None:
    pair = m.active_pair()
    m.client(m.mentee_user).post(m.url("pair_reflect", pair.pk), {"reflection-text": "Mentee's"})
    m.client(m.mentor_user).post(m.url("pair_reflect", pair.pk), {"reflection-text": "Mentor's"})
    pair.refresh_from_db()
    assert (pair.mentor_reflection, pair.mentee_reflection) == ("Mentor's", "Mentee's")


def test_closing_needs_ones_own_reflection(m: Mentoring) -> None:
    pair = m.active_pair()
    services.pair_reflect(pair=pair, person=m.mentor, text="The mentor's reflection")
    # The mentee has written nothing: the mentor's reflection does not let them close.
    response = m.client(m.mentee_user).post(m.url("pair_close", pair.pk))
    assert response.status_code == 400
    assert "Write your closing reflection" in response.text
    pair.refresh_from_db()
    assert pair.status == PairStatus.ACTIVE
    assert pair.closed_at is None
    # The mentor may close.
    assert m.client(m.mentor_user).post(m.url("pair_close", pair.pk)).status_code == 302
    pair.refresh_from_db()
    assert pair.status == PairStatus.CLOSED
    assert pair.closed_at is not None


def test_after_closing_only_the_missing_reflection_can_be_added(m: Mentoring) -> None:
    pair = m.active_pair()
    services.pair_goals_save(pair=pair, goals="Kept")
    services.pair_reflect(pair=pair, person=m.mentor, text="Done")
    services.pair_close(pair=pair, person=m.mentor)
    client = m.client(m.mentee_user)
    assert client.post(m.url("pair_goals", pair.pk), {"goals-goals": "New"}).status_code == 400
    response = client.post(
        m.url("pair_meeting_add", pair.pk),
        {"meeting-held_on": timezone.localdate().isoformat(), "meeting-topic": "Late"},
    )
    assert response.status_code == 400
    assert client.post(m.url("pair_close", pair.pk)).status_code == 400
    response = client.post(m.url("pair_reflect", pair.pk), {"reflection-text": "Mine too"})
    assert response.status_code == 302
    pair.refresh_from_db()
    assert (pair.goals, pair.mentee_reflection, pair.status) == (
        "Kept",
        "Mine too",
        PairStatus.CLOSED,
    )
    assert not MentoringMeeting.objects.exists()


def test_my_pairs_are_the_users_own(m: Mentoring) -> None:
    pair = m.propose()
    workspace = m.world.workspace
    assert list(selectors.pairs_of_user(workspace, m.mentor_user)) == [pair]
    assert list(selectors.pairs_of_user(workspace, m.mentee_user)) == [pair]
    assert list(selectors.pairs_of_user(workspace, m.third_user)) == []
    assert list(selectors.pairs_of_user(workspace, m.world.facilitator)) == []
