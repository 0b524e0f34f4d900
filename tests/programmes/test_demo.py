"""The demo programmes: a leader network of 12 with six meetings and the four-principles trend,
a masterclass cohort of 15 halfway through, an ended cohort with its alumni group, and three
mentoring pairs. Loaded once however often the demo is loaded, and visible to the demo logins."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import netlead.demo as demo_package
from netlead.accounts.models import User
from netlead.demo import load_demo
from netlead.demo.programmes import LEADER_NETWORK, MASTERCLASS, MENTORING
from netlead.demo.programmes_masterclass import CASE_NETWORK
from netlead.meetings.models import AgendaItemKind, Attendance
from netlead.networks.models import Network
from netlead.programmes.models import (
    AgreementAcceptance,
    AlumniPost,
    Cohort,
    Enrolment,
    EnrolmentRole,
    LessonDone,
    MentoringMeeting,
    MentoringPair,
    PairStatus,
    PrinciplesCheckReceipt,
    PrinciplesCheckResponse,
    Programme,
    Submission,
    SubmissionFeedback,
    SubmissionStatus,
)
from netlead.programmes.selectors.cohorts import measurement_figures, networks_for_case
from netlead.programmes.selectors.leader_networks import principles_trend_of
from netlead.programmes.text import lines
from netlead.workspaces.models import Workspace

MODELS = (
    Programme,
    Cohort,
    Enrolment,
    LessonDone,
    Submission,
    SubmissionFeedback,
    AgreementAcceptance,
    PrinciplesCheckReceipt,
    PrinciplesCheckResponse,
    MentoringPair,
    MentoringMeeting,
    AlumniPost,
)


@dataclass
class Demo:
    workspace: Workspace
    users: dict[str, User]

    @property
    def leader_network(self) -> Network:
        return self.workspace.networks.get(name=LEADER_NETWORK)

    @property
    def cohort(self) -> Cohort:
        return Cohort.objects.get(programme__title=MASTERCLASS, status="open")


@pytest.fixture(scope="module")
def loaded(django_db_setup: None, django_db_blocker: Any) -> Iterator[Demo]:
    """The demo, loaded once for this module (it takes seconds) in a transaction that is
    rolled back at the end; each test runs in a savepoint inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        demo = load_demo()
        yield Demo(workspace=demo.workspace, users=demo.users)
        transaction.set_rollback(True)


@pytest.fixture
def demo(loaded: Demo, db: None) -> Demo:
    return loaded


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_loading_the_demo_again_adds_nothing(demo: Demo) -> None:
    before = _counts()
    assert all(before.values()), before
    load_demo()
    assert _counts() == before


def test_the_leader_network_has_twelve_leaders_with_the_demo_users(demo: Demo) -> None:
    network = demo.leader_network
    members = list(network.members.current().select_related("person"))
    assert len(members) == 12
    users = {m.person.user for m in members if m.person.user_id}
    assert users == {demo.users["leader@example.org"], demo.users["member@example.org"]}
    others = [m.person for m in members if not m.person.user_id]
    assert all(p.email.endswith("@example.org") and p.organization_id for p in others)
    profile = network.leader_profile
    assert profile.is_confidential
    assert (len(lines(profile.rules)), len(lines(profile.values)), len(lines(profile.goals))) == (
        5,
        4,
        3,
    )
    accepted = AgreementAcceptance.objects.filter(profile=profile)
    assert accepted.count() == 10
    assert all(a.commitment for a in accepted)


def test_the_leader_network_meets_monthly_with_rotating_roles(demo: Demo) -> None:
    network = demo.leader_network
    assert network.meeting_plans.count() == 1
    meetings = list(network.meetings.select_related("leader_roles").order_by("starts_at"))
    assert len(meetings) == 6
    now = timezone.now()
    past = [m for m in meetings if m.ends_at <= now]
    assert len(past) in (4, 5)
    chairs = {m.leader_roles.chair_id for m in meetings}
    owners = {m.leader_roles.case_owner_id for m in meetings}
    assert len(chairs) == 6 and len(owners) == 6
    for meeting in meetings:
        assert meeting.leader_roles.chair_id != meeting.leader_roles.case_owner_id
        kinds = set(meeting.agenda_items.values_list("kind", flat=True))
        assert {AgendaItemKind.HERE_AND_NOW, AgendaItemKind.CASE} <= kinds
        recorded = Attendance.objects.filter(meeting=meeting).count()
        assert recorded == (12 if meeting in past else 0)


def test_the_principles_trend_rises_and_hides_a_meeting_under_k(demo: Demo) -> None:
    network = demo.leader_network
    overview = principles_trend_of(network, k=demo.workspace.anonymity_threshold)
    closed = [row for row in overview.rows if not row.is_open]
    shown = [row for row in closed if row.shown]
    hidden = [row for row in closed if not row.shown]
    assert len(shown) >= 3
    assert [row.respondents for row in hidden] == [2]
    assert all(7 <= row.respondents <= 10 for row in shown)
    free_space = [c.mean for row in shown for c in row.cells if c.principle == "free_space"]
    means = [mean for mean in free_space if mean is not None]
    assert len(means) == len(shown)
    assert means == sorted(means) and means[-1] > means[0]
    # The check of the last meeting is still open: the demo member can still give it.
    member = network.members.get(person__user=demo.users["member@example.org"])
    if overview.rows[-1].is_open:
        assert (
            PrinciplesCheckReceipt.objects.filter(
                meeting=overview.rows[-1].meeting, member=member
            ).count()
            == 0
        )


def test_the_masterclass_cohort_is_halfway(demo: Demo) -> None:
    cohort = demo.cohort
    assert cohort.programme.source  # copied from the default curriculum
    participants = list(cohort.enrolments.filter(role=EnrolmentRole.PARTICIPANT))
    assert len(participants) == 15
    member = demo.workspace.persons.get(user=demo.users["member@example.org"])
    assert any(e.person_id == member.pk for e in participants)
    facilitator = cohort.enrolments.get(role=EnrolmentRole.FACILITATOR)
    assert facilitator.person.user == demo.users["facilitator@example.org"]
    today = timezone.localdate()
    assert cohort.starts_on < today < cohort.ends_on

    sessions = list(cohort.network.meetings.order_by("starts_at"))
    assert len(sessions) == 6
    held = [m for m in sessions if m.ends_at <= timezone.now()]
    assert len(held) == 3
    assert all(m.attendance.count() == 16 for m in held)

    groups = [e.peer_group for e in participants]
    assert None not in groups
    assert sorted(groups.count(g) for g in set(groups)) == [3] * 5

    assert cohort.start_measurement_closed_at is not None
    starts = [e.start_assessment for e in participants if e.start_assessment]
    assert len(starts) == 12 and all(a.is_complete for a in starts)
    assert measurement_figures(cohort).start_shown

    modules_done = set(
        LessonDone.objects.filter(enrolment__cohort=cohort).values_list(
            "lesson__module__number", flat=True
        )
    )
    assert {1, 2, 3} <= modules_done


def test_the_cohort_has_work_with_case_context_and_feedback(demo: Demo) -> None:
    cohort = demo.cohort
    work = Submission.objects.filter(enrolment__cohort=cohort).select_related(
        "assignment__module", "enrolment"
    )
    handed_in = [s for s in work if s.status == SubmissionStatus.SUBMITTED]
    assert {s.assignment.module.number for s in handed_in} == {1, 2, 3}
    assert len({s.enrolment_id for s in handed_in}) >= 12
    assert any(s.status == SubmissionStatus.DRAFT for s in work)
    linked = [s for s in work if s.network_id]
    assert linked and all(s.assignment.is_case_analysis and s.case_context for s in linked)
    # Linked only to networks the participant may link a case to; the demo network among them.
    assert all(s.network in networks_for_case(s.enrolment.person) for s in linked)
    assert {s.network.name for s in linked if s.network} >= {CASE_NETWORK}

    feedback = list(
        SubmissionFeedback.objects.filter(submission__enrolment__cohort=cohort).select_related(
            "author", "submission__enrolment"
        )
    )
    by_facilitator = [f for f in feedback if f.is_from_facilitator]
    by_peers = [f for f in feedback if not f.is_from_facilitator]
    assert len(by_facilitator) >= 5 and len(by_peers) >= 5
    assert all(f.author.peer_group == f.submission.enrolment.peer_group for f in by_peers)
    assert all(f.author_id != f.submission.enrolment_id for f in feedback)


def test_the_ended_cohort_has_an_alumni_group(demo: Demo) -> None:
    ended = Cohort.objects.get(programme__title=MASTERCLASS, status="closed")
    assert ended.closed_at is not None and ended.ends_on < timezone.localdate()
    topics = AlumniPost.objects.filter(cohort=ended, topic__isnull=True)
    assert topics.count() == 2
    assert all(t.replies.exists() for t in topics)


def test_the_mentoring_programme_has_three_pairs(demo: Demo) -> None:
    programme = Programme.objects.get(title=MENTORING)
    assert programme.is_mentoring
    pairs = list(programme.pairs.order_by("proposed_at"))
    assert [p.status for p in pairs] == [PairStatus.ACTIVE, PairStatus.ACTIVE, PairStatus.PROPOSED]
    running, accepted, waiting = pairs
    assert running.mentor.user == demo.users["leader@example.org"]
    assert running.goals and running.meetings.count() == 2
    assert not accepted.goals and not accepted.meetings.exists()
    assert waiting.mentor_accepted_at is not None and waiting.mentee_accepted_at is None


def test_the_member_login_sees_the_cohort_and_the_leader_network(demo: Demo) -> None:
    client = Client()
    client.force_login(demo.users["member@example.org"])
    slug = demo.workspace.slug
    response = client.get(reverse("programmes:hub", args=[slug]))
    assert response.status_code == 200
    assert demo.cohort.name in response.text
    assert LEADER_NETWORK in response.text
    network = demo.leader_network
    for url in (
        reverse("programmes:leader_network", args=[slug, network.pk]),
        reverse("programmes:cohort", args=[slug, demo.cohort.pk]),
    ):
        assert client.get(url).status_code == 200


def test_the_facilitator_sees_the_cohort_progress(demo: Demo) -> None:
    client = Client()
    client.force_login(demo.users["facilitator@example.org"])
    response = client.get(
        reverse("programmes:cohort_progress", args=[demo.workspace.slug, demo.cohort.pk])
    )
    assert response.status_code == 200
    assert response.context["figures"].start_shown


def test_the_demo_modules_stay_under_a_thousand_lines() -> None:
    # The conventions forbid files of 1,000+ lines; the programmes demo is split by area.
    folder = Path(demo_package.__file__).parent
    sizes = {p.name: len(p.read_text().splitlines()) for p in folder.glob("*.py")}
    assert {"programmes_leader_network.py", "programmes_masterclass.py"} <= set(sizes)
    assert max(sizes.values()) < 1000, sizes
