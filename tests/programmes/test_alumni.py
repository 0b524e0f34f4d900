"""Alumni groups: once a cohort has ended, the people enrolled in it keep a threaded discussion
that only they see, with a daily e-mail digest of what others posted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from netlead.accounts.models import User
from netlead.networks.models import Network, NetworkKind
from netlead.programmes.models import (
    AlumniPost,
    Cohort,
    CohortStatus,
    Enrolment,
    EnrolmentRole,
    Programme,
    ProgrammeKind,
)
from netlead.programmes.selectors import alumni as selectors
from netlead.programmes.services import alumni as services
from netlead.workspaces.models import Membership, Role
from netlead.workspaces.services import person_for_user
from tests.conftest import World
from tests.factories import MembershipFactory, PersonFactory, UserFactory


@dataclass
class Alumni:
    world: World
    programme: Programme
    cohort: Cohort
    running: Cohort
    ann: Enrolment  # world.member, participant
    bea: Enrolment  # participant
    fay: Enrolment  # world.facilitator, facilitator of the cohort
    bea_user: User

    @property
    def slug(self) -> str:
        return self.world.workspace.slug

    def url(self, name: str, *args: object, cohort: Cohort | None = None) -> str:
        return reverse(f"programmes:{name}", args=[self.slug, (cohort or self.cohort).pk, *args])

    def client(self, user: User | None) -> Client:
        return self.world.client_for(user)


def _cohort(world: World, programme: Programme, name: str, status: str) -> Cohort:
    network = Network.objects.create(
        workspace=world.workspace, name=f"{name} network", kind=NetworkKind.LEARNING
    )
    return Cohort.objects.create(
        programme=programme,
        name=name,
        starts_on=date(2025, 1, 1),
        ends_on=date(2025, 6, 30),
        network=network,
        status=status,
    )


@pytest.fixture
def a(world: World) -> Alumni:
    workspace = world.workspace
    programme = Programme.objects.create(
        workspace=workspace, kind=ProgrammeKind.MASTERCLASS, title="Network leadership"
    )
    cohort = _cohort(world, programme, "Spring 2025", CohortStatus.CLOSED)
    running = _cohort(world, programme, "Autumn 2026", CohortStatus.OPEN)
    bea_user = UserFactory(email="bea@example.test", name="Bea Bakker")
    MembershipFactory(workspace=workspace, user=bea_user, role=Role.MEMBER)
    ann_person = person_for_user(workspace=workspace, user=world.member)
    bea_person = person_for_user(workspace=workspace, user=bea_user)
    fay_person = person_for_user(workspace=workspace, user=world.facilitator)
    enrolled = timezone.now() - timedelta(days=200)

    def enrol(cohort: Cohort, person: object, role: str = EnrolmentRole.PARTICIPANT) -> Enrolment:
        return Enrolment.objects.create(
            cohort=cohort, person=person, role=role, enrolled_at=enrolled
        )

    enrol(running, ann_person)
    return Alumni(
        world=world,
        programme=programme,
        cohort=cohort,
        running=running,
        ann=enrol(cohort, ann_person),
        bea=enrol(cohort, bea_person),
        fay=enrol(cohort, fay_person, EnrolmentRole.FACILITATOR),
        bea_user=bea_user,
    )


def _topic(a: Alumni, author: Enrolment | None = None, **kwargs: str) -> AlumniPost:
    return services.post_topic(
        cohort=a.cohort,
        author=author or a.ann,
        title=kwargs.get("title", "Chairing without a mandate"),
        body=kwargs.get("body", "How do you chair when nobody gave you the chair?"),
    )


# -- Who reaches the group -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [("member", 200), ("bea_user", 200), ("facilitator", 200), ("owner", 404), ("outsider", 404)],
)
def test_who_reaches_the_alumni_pages(a: Alumni, who: str, status: int) -> None:
    topic = _topic(a)
    client = a.client(getattr(a, who, None) or getattr(a.world, who))
    assert client.get(a.url("alumni")).status_code == status
    assert client.get(a.url("alumni_topic", topic.pk)).status_code == status


@pytest.mark.parametrize("who", ["owner", "outsider"])
def test_people_not_enrolled_cannot_post_or_switch(a: Alumni, who: str) -> None:
    topic = _topic(a)
    client = a.client(getattr(a.world, who))
    response = client.post(a.url("alumni"), {"title": "Spam", "body": "Spam"})
    assert response.status_code == 404
    response = client.post(a.url("alumni_topic", topic.pk), {"body": "Spam"})
    assert response.status_code == 404
    assert client.post(a.url("alumni_digest"), {"wants": "no"}).status_code == 404
    assert AlumniPost.objects.count() == 1
    assert Enrolment.objects.filter(wants_digest=False).count() == 0


def test_anonymous_visitors_are_sent_to_log_in(a: Alumni) -> None:
    response = Client().get(a.url("alumni"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_a_topic_of_another_cohort_or_a_reply_is_not_a_topic_here(a: Alumni) -> None:
    other = _cohort(a.world, a.programme, "Other cohort", CohortStatus.CLOSED)
    other_ann = Enrolment.objects.create(cohort=other, person=a.ann.person)
    theirs = services.post_topic(cohort=other, author=other_ann, title="Theirs", body="Theirs")
    topic = _topic(a)
    reply = services.post_reply(topic=topic, author=a.bea, body="A reply")
    client = a.client(a.world.member)
    assert client.get(a.url("alumni_topic", theirs.pk)).status_code == 404
    assert client.get(a.url("alumni_topic", reply.pk)).status_code == 404
    # Not even a reply to a reply through the URL.
    assert client.post(a.url("alumni_topic", reply.pk), {"body": "Deeper"}).status_code == 404
    assert AlumniPost.objects.count() == 3


# -- The group opens when the cohort ends ----------------------------------------------------


def test_before_the_cohort_ends_the_group_is_not_open(a: Alumni) -> None:
    client = a.client(a.world.member)
    page = client.get(a.url("alumni", cohort=a.running))
    assert page.status_code == 200
    assert "The alumni group opens when the cohort ends" in page.text
    assert "Start a topic" not in page.text
    response = client.post(
        a.url("alumni", cohort=a.running), {"title": "Too early", "body": "Hello"}
    )
    assert response.status_code == 400
    assert AlumniPost.objects.count() == 0
    running_ann = a.running.enrolments.get()
    with pytest.raises(ValidationError, match="opens when the cohort ends"):
        services.post_topic(cohort=a.running, author=running_ann, title="T", body="B")
    assert AlumniPost.objects.count() == 0


def test_a_post_in_another_cohort_by_someone_not_enrolled_there_is_refused(a: Alumni) -> None:
    other = _cohort(a.world, a.programme, "Other cohort", CohortStatus.CLOSED)
    with pytest.raises(ValidationError, match="Only people enrolled"):
        services.post_topic(cohort=other, author=a.ann, title="T", body="B")
    theirs = services.post_topic(
        cohort=other,
        author=Enrolment.objects.create(cohort=other, person=a.bea.person),
        title="T",
        body="B",
    )
    with pytest.raises(ValidationError, match="Only people enrolled"):
        services.post_reply(topic=theirs, author=a.ann, body="Not mine to answer")
    assert AlumniPost.objects.count() == 1


# -- Topics and replies ----------------------------------------------------------------------


def test_a_participant_starts_a_topic_and_others_reply(a: Alumni) -> None:
    response = a.client(a.world.member).post(
        a.url("alumni"), {"title": "Budget talks", "body": "Who pays for the coordinator?"}
    )
    assert response.status_code == 302
    topic = AlumniPost.objects.get()
    assert (topic.author, topic.cohort, topic.topic) == (a.ann, a.cohort, None)
    assert response["Location"] == a.url("alumni_topic", topic.pk)
    response = a.client(a.bea_user).post(
        a.url("alumni_topic", topic.pk), {"body": "We share it three ways."}
    )
    assert response.status_code == 302
    reply = AlumniPost.objects.get(topic=topic)
    assert (reply.author, reply.cohort, reply.body) == (a.bea, a.cohort, "We share it three ways.")
    page = a.client(a.world.facilitator).get(a.url("alumni_topic", topic.pk)).text
    assert "Who pays for the coordinator?" in page
    assert "We share it three ways." in page
    assert "1 reply" in page


@pytest.mark.parametrize(
    "data",
    [
        {"title": "", "body": "A message"},
        {"title": "A title", "body": ""},
        {"title": "   ", "body": "A message"},
        {"title": "A title", "body": "   "},
        {"title": "x" * 201, "body": "A message"},
    ],
)
def test_bad_topics_are_not_posted(a: Alumni, data: dict[str, str]) -> None:
    response = a.client(a.world.member).post(a.url("alumni"), data)
    assert response.status_code == 400
    assert AlumniPost.objects.count() == 0


@pytest.mark.parametrize("body", ["", "  \n ", "x" * 10001])
def test_bad_replies_are_not_posted(a: Alumni, body: str) -> None:
    topic = _topic(a)
    response = a.client(a.bea_user).post(a.url("alumni_topic", topic.pk), {"body": body})
    assert response.status_code == 400
    assert AlumniPost.objects.count() == 1


def test_the_services_refuse_empty_text(a: Alumni) -> None:
    with pytest.raises(ValidationError):
        services.post_topic(cohort=a.cohort, author=a.ann, title=" ", body="Body")
    with pytest.raises(ValidationError):
        services.post_topic(cohort=a.cohort, author=a.ann, title="Title", body=" ")
    topic = _topic(a)
    with pytest.raises(ValidationError):
        services.post_reply(topic=topic, author=a.bea, body="\n")
    assert AlumniPost.objects.count() == 1


def test_a_reply_to_a_reply_is_refused(a: Alumni) -> None:
    topic = _topic(a)
    reply = services.post_reply(topic=topic, author=a.bea, body="First reply")
    with pytest.raises(ValidationError, match="a reply cannot have replies"):
        services.post_reply(topic=reply, author=a.ann, body="Reply to the reply")
    assert AlumniPost.objects.count() == 2


def test_topics_come_with_reply_counts_and_last_activity(
    a: Alumni, django_assert_num_queries
) -> None:
    quiet = _topic(a, title="Quiet topic")
    busy = _topic(a, a.bea, title="Busy topic")
    last = None
    for author in (a.ann, a.fay):
        last = services.post_reply(topic=busy, author=author, body="Me too")
    AlumniPost.objects.filter(pk=quiet.pk).update(created_at=timezone.now() - timedelta(days=2))
    with django_assert_num_queries(1):
        topics = [
            (t.title, t.reply_count, t.last_activity, t.author.person.name)
            for t in selectors.topics_of(a.cohort)
        ]
    assert last is not None
    assert topics[0] == ("Busy topic", 2, last.created_at, "Bea Bakker")
    assert topics[1][:2] == ("Quiet topic", 0)
    page = a.client(a.world.member).get(a.url("alumni")).text
    assert page.index("Busy topic") < page.index("Quiet topic")


# -- The digest ------------------------------------------------------------------------------


def _send(now: datetime | None = None, **kwargs: str) -> int:
    return services.digest_send(now=now or timezone.now(), **kwargs)


def test_the_digest_sends_each_person_what_others_posted(
    a: Alumni, django_capture_on_commit_callbacks
) -> None:
    topic = _topic(a, body="ANN-TOPIC-BODY")
    services.post_reply(topic=topic, author=a.bea, body="BEA-REPLY-BODY")
    with django_capture_on_commit_callbacks(execute=True):
        count = _send(base_url="https://netlead.example.org/")
    assert count == 3
    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == [
        "bea@example.test",
        "facilitator@example.test",
        "member@example.test",
    ]
    ann, bea, fay = (
        by_address["member@example.test"].body,
        by_address["bea@example.test"].body,
        by_address["facilitator@example.test"].body,
    )
    assert "BEA-REPLY-BODY" in ann and "ANN-TOPIC-BODY" not in ann
    assert "ANN-TOPIC-BODY" in bea and "BEA-REPLY-BODY" not in bea
    assert "ANN-TOPIC-BODY" in fay and "BEA-REPLY-BODY" in fay
    link = "https://netlead.example.org" + a.url("alumni_topic", topic.pk)
    assert link in ann
    assert "Spring 2025" in by_address["member@example.test"].subject
    assert all(e.digest_sent_at is not None for e in a.cohort.enrolments.all())


def test_nothing_new_from_others_means_no_mail(
    a: Alumni, django_capture_on_commit_callbacks
) -> None:
    Enrolment.objects.filter(pk__in=[a.bea.pk, a.fay.pk]).update(wants_digest=False)
    _topic(a)  # Ann's own post only
    with django_capture_on_commit_callbacks(execute=True):
        assert _send() == 0
    assert mail.outbox == []
    a.ann.refresh_from_db()
    assert a.ann.digest_sent_at is None


def test_a_second_run_sends_nothing_new(a: Alumni, django_capture_on_commit_callbacks) -> None:
    _topic(a)
    with django_capture_on_commit_callbacks(execute=True):
        first = _send()
    assert first == 2  # Bea and Fay; not Ann, whose own post it is
    assert len(mail.outbox) == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert _send() == 0
    assert len(mail.outbox) == 2
    # Something new later reaches only those who did not write it.
    later = timezone.now() + timedelta(minutes=1)
    reply = services.post_reply(topic=AlumniPost.objects.get(), author=a.fay, body="NEWER")
    AlumniPost.objects.filter(pk=reply.pk).update(created_at=later)
    with django_capture_on_commit_callbacks(execute=True):
        assert _send(later + timedelta(seconds=1)) == 2
    assert sorted(m.to[0] for m in mail.outbox[2:]) == ["bea@example.test", "member@example.test"]
    assert all("NEWER" in m.body for m in mail.outbox[2:])


def test_posts_before_the_last_digest_are_not_sent_again(
    a: Alumni, django_capture_on_commit_callbacks
) -> None:
    topic = _topic(a, body="OLD-POST")
    Enrolment.objects.filter(pk=a.bea.pk).update(
        digest_sent_at=topic.created_at + timedelta(seconds=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        _send()
    assert [m.to[0] for m in mail.outbox] == ["facilitator@example.test"]


def test_the_opt_out_is_respected(a: Alumni, django_capture_on_commit_callbacks) -> None:
    response = a.client(a.bea_user).post(a.url("alumni_digest"), {"wants": "no"})
    assert response.status_code == 302
    a.bea.refresh_from_db()
    assert a.bea.wants_digest is False
    _topic(a)
    with django_capture_on_commit_callbacks(execute=True):
        assert _send() == 1
    assert [m.to[0] for m in mail.outbox] == ["facilitator@example.test"]


def test_switching_the_digest_back_on_starts_from_now(
    a: Alumni, django_capture_on_commit_callbacks
) -> None:
    services.digest_set(enrolment=a.bea, wants=False)
    topic = _topic(a)
    AlumniPost.objects.filter(pk=topic.pk).update(created_at=timezone.now() - timedelta(hours=1))
    response = a.client(a.bea_user).post(a.url("alumni_digest"), {"wants": "yes"})
    assert response.status_code == 302
    a.bea.refresh_from_db()
    assert a.bea.wants_digest is True
    with django_capture_on_commit_callbacks(execute=True):
        _send()
    assert "bea@example.test" not in [m.to[0] for m in mail.outbox]


@pytest.mark.parametrize("wants", ["", "YES", "No", "true", "1", "off", None])
def test_a_tampered_digest_switch_is_refused(a: Alumni, wants: str | None) -> None:
    before = Enrolment.objects.values().get(pk=a.bea.pk)
    data = {} if wants is None else {"wants": wants}
    response = a.client(a.bea_user).post(a.url("alumni_digest"), data)
    assert response.status_code == 400
    assert Enrolment.objects.values().get(pk=a.bea.pk) == before


def test_the_digest_switch_takes_only_post(a: Alumni) -> None:
    assert a.client(a.bea_user).get(a.url("alumni_digest")).status_code == 405


def test_running_cohorts_and_people_without_an_address_get_no_digest(
    a: Alumni, django_capture_on_commit_callbacks
) -> None:
    nobody = PersonFactory(workspace=a.world.workspace, name="No Address", email="")
    Enrolment.objects.create(cohort=a.cohort, person=nobody)
    running_ann = a.running.enrolments.get()
    # A post in the running cohort (written directly: the service would refuse it).
    AlumniPost.objects.create(cohort=a.running, author=running_ann, title="T", body="RUNNING")
    Enrolment.objects.create(
        cohort=a.running, person=person_for_user(workspace=a.world.workspace, user=a.bea_user)
    )
    _topic(a, a.fay)
    with django_capture_on_commit_callbacks(execute=True):
        assert _send() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["bea@example.test", "member@example.test"]
    assert not any("RUNNING" in m.body for m in mail.outbox)


@pytest.mark.parametrize("how", ["membership removed", "moved to another workspace", "inactive"])
def test_people_who_can_no_longer_open_the_group_get_no_digest(
    a: Alumni, django_capture_on_commit_callbacks, how: str
) -> None:
    # Still enrolled and still wanting the digest, but the group's page is a 404 for Bea now.
    Membership.objects.filter(workspace=a.world.workspace, user=a.bea_user).delete()
    if how == "moved to another workspace":
        MembershipFactory(workspace=a.world.other_workspace, user=a.bea_user, role=Role.OWNER)
    if how == "inactive":
        MembershipFactory(workspace=a.world.workspace, user=a.bea_user, role=Role.MEMBER)
        User.objects.filter(pk=a.bea_user.pk).update(is_active=False)
    _topic(a, a.fay)
    with django_capture_on_commit_callbacks(execute=True):
        assert _send() == 1
    assert [m.to[0] for m in mail.outbox] == ["member@example.test"]
    a.bea.refresh_from_db()
    assert a.bea.digest_sent_at is None
    if how != "inactive":
        assert a.client(a.bea_user).get(a.url("alumni")).status_code == 404


def test_a_person_without_an_account_gets_no_digest(
    a: Alumni, django_capture_on_commit_callbacks
) -> None:
    # An address of their own, but no account to open the group with.
    nora = PersonFactory(workspace=a.world.workspace, name="Nora Noaccount", email="nora@x.test")
    enrolment = Enrolment.objects.create(cohort=a.cohort, person=nora)
    assert enrolment.wants_digest
    _topic(a, a.fay)
    with django_capture_on_commit_callbacks(execute=True):
        assert _send() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["bea@example.test", "member@example.test"]
    enrolment.refresh_from_db()
    assert enrolment.digest_sent_at is None


def test_one_mail_per_person_across_their_groups(
    a: Alumni, django_capture_on_commit_callbacks
) -> None:
    other = _cohort(a.world, a.programme, "Autumn 2024", CohortStatus.CLOSED)
    Enrolment.objects.create(cohort=other, person=a.ann.person)
    other_bea = Enrolment.objects.create(cohort=other, person=a.bea.person)
    _topic(a, a.bea, body="IN-SPRING")
    services.post_topic(cohort=other, author=other_bea, title="Autumn", body="IN-AUTUMN")
    Enrolment.objects.filter(pk=a.fay.pk).update(wants_digest=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert _send() == 1
    (message,) = mail.outbox
    assert message.to == ["member@example.test"]
    assert "IN-SPRING" in message.body and "IN-AUTUMN" in message.body


def test_the_daily_command_sends_the_digest(
    a: Alumni, django_capture_on_commit_callbacks, capsys
) -> None:
    _topic(a)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_alumni_digests", "--base-url", "https://netlead.example.org")
    assert len(mail.outbox) == 2
    assert "Queued 2" in capsys.readouterr().out
