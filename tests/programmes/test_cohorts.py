"""Masterclass programmes and cohorts: the curriculum from the default data file, enrolment,
lessons, submissions (with a real network's case context), peer and facilitator feedback, the
skills measurement figures, and who may see what."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from netlead.accounts.models import User
from netlead.development.models import CompetenceScore
from netlead.development.services import ScoreInput, assessment_save
from netlead.networks.models import Network, NetworkKind, NetworkMember
from netlead.networks.services import network_create
from netlead.programmes.models import (
    Assignment,
    AssignmentKind,
    Attachment,
    Cohort,
    Enrolment,
    EnrolmentRole,
    LessonDone,
    Programme,
    ProgrammeKind,
    Submission,
    SubmissionFeedback,
)
from netlead.programmes.selectors.cohorts import networks_for_case
from netlead.programmes.services import cohorts as services
from netlead.programmes.services.curricula import programme_create
from netlead.workspaces.models import Person, Role
from netlead.workspaces.services import person_for_user
from tests.conftest import World
from tests.factories import MembershipFactory, PersonFactory, UserFactory


@dataclass
class Course:
    world: World
    programme: Programme
    cohort: Cohort
    facilitator: Enrolment
    alice: User
    bob: User
    carol: User
    dave: User

    @property
    def slug(self) -> str:
        return self.world.workspace.slug

    def url(self, name: str, *args: object) -> str:
        return reverse(f"programmes:{name}", args=[self.slug, *args])

    def client(self, user: User) -> Client:
        return self.world.client_for(user)

    def enrolment(self, user: User) -> Enrolment:
        return Enrolment.objects.get(cohort=self.cohort, person__user=user)

    def assignment(self, kind: str) -> Assignment:
        return Assignment.objects.filter(module__programme=self.programme, kind=kind).first()


def _user(world: World, name: str) -> User:
    user = UserFactory(email=f"{name.lower()}@example.test", name=name)
    MembershipFactory(workspace=world.workspace, user=user, role=Role.MEMBER)
    return user


@pytest.fixture
def course(world: World) -> Course:
    programme = programme_create(
        workspace=world.workspace,
        creator=world.facilitator,
        programme=Programme(kind=ProgrammeKind.MASTERCLASS, title="Masterclass", language="nl"),
        from_default=True,
    )
    today = timezone.localdate()
    cohort = services.cohort_create(
        programme=programme,
        creator=world.facilitator,
        name="Cohort 1",
        starts_on=today - timedelta(days=30),
        ends_on=today + timedelta(days=90),
    )
    users = [_user(world, n) for n in ("Alice", "Bob", "Carol", "Dave")]
    persons = [person_for_user(workspace=world.workspace, user=u) for u in users]
    services.enrol(cohort=cohort, persons=persons, role=EnrolmentRole.PARTICIPANT)
    return Course(
        world=world,
        programme=programme,
        cohort=cohort,
        facilitator=Enrolment.objects.get(cohort=cohort, role=EnrolmentRole.FACILITATOR),
        alice=users[0],
        bob=users[1],
        carol=users[2],
        dave=users[3],
    )


def _pair_up(course: Course, *users: User, group: int = 1) -> None:
    for user in users:
        services.peer_group_set(enrolment=course.enrolment(user), group=group)


# -- Programme and curriculum --------------------------------------------------------------


def test_a_masterclass_from_the_default_curriculum_has_six_dutch_modules(world: World) -> None:
    response = world.client_for(world.facilitator).post(
        reverse("programmes:programme_create", args=["youth"]),
        {
            "kind": "masterclass",
            "title": "Masterclass 2027",
            "language": "nl",
            "from_default": "on",
        },
    )
    programme = Programme.objects.get(title="Masterclass 2027")
    assert response.status_code == 302
    modules = list(programme.modules.order_by("number"))
    assert len(modules) == 6
    assert modules[0].title.startswith("Kiezen") or "netwerk" in modules[0].title.lower()
    assert (
        Assignment.objects.filter(
            module__programme=programme, kind=AssignmentKind.CASE_ANALYSIS
        ).count()
        >= 2
    )
    page = world.client_for(world.facilitator).get(
        reverse("programmes:programme", args=["youth", programme.pk])
    )
    assert modules[5].title in page.content.decode()


def test_a_programme_without_a_title_is_refused_and_nothing_is_stored(world: World) -> None:
    response = world.client_for(world.facilitator).post(
        reverse("programmes:programme_create", args=["youth"]),
        {"kind": "masterclass", "title": "", "language": "nl", "from_default": "on"},
    )
    assert response.status_code == 400
    assert Programme.objects.count() == 0


def test_lesson_links_must_be_web_addresses(course: Course) -> None:
    module = course.programme.modules.get(number=1)
    before = module.lessons.count()
    response = course.client(course.world.facilitator).post(
        course.url("lesson_create", course.programme.pk, module.pk),
        {"lesson-title": "Extra", "lesson-body": "Tekst", "lesson-links": "not a link at all"},
    )
    assert response.status_code == 400
    assert module.lessons.count() == before


def test_an_assignment_with_work_handed_in_cannot_be_deleted(course: Course) -> None:
    assignment = course.assignment(AssignmentKind.REFLECTION)
    services.submission_save(
        enrolment=course.enrolment(course.alice),
        assignment=assignment,
        text="Mijn reflectie",
        network=None,
        hand_in=True,
    )
    response = course.client(course.world.facilitator).post(
        course.url("assignment_delete", course.programme.pk, assignment.module_id, assignment.pk),
        follow=True,
    )
    assert Assignment.objects.filter(pk=assignment.pk).exists()
    assert Submission.objects.filter(assignment=assignment).count() == 1
    assert "cannot be deleted" in response.content.decode()


def test_lesson_files_are_checked_for_type_and_size(course: Course) -> None:
    module = course.programme.modules.get(number=1)
    lesson = module.lessons.first()
    url = course.url("lesson_edit", course.programme.pk, module.pk, lesson.pk)
    client = course.client(course.world.facilitator)
    renamed_program = SimpleUploadedFile("slides.pdf", b"MZ\x90\x00 not a pdf")
    response = client.post(url, {"add_file": "1", "f-file": renamed_program})
    assert response.status_code == 400
    assert "not a .pdf file" in response.content.decode()
    exe = SimpleUploadedFile("tool.exe", b"MZ")
    assert client.post(url, {"add_file": "1", "f-file": exe}).status_code == 400
    assert Attachment.objects.count() == 0
    pdf = SimpleUploadedFile("slides.pdf", b"%PDF-1.7 hello")
    assert client.post(url, {"add_file": "1", "f-file": pdf}).status_code == 302
    assert lesson.attachments.get().name == "slides.pdf"


def test_a_file_over_the_limit_is_refused(course: Course, settings: object) -> None:
    from netlead.programmes.services import files

    big = SimpleUploadedFile("big.txt", b"a" * (files.MAX_BYTES + 1))
    with pytest.raises(Exception, match="too large"):
        files.check_upload(big)


# -- Permissions --------------------------------------------------------------------------


def test_programme_pages_are_for_owners_and_facilitators(course: Course) -> None:
    urls = [
        course.url("programme_create"),
        course.url("programme", course.programme.pk),
        course.url("programme_edit", course.programme.pk),
        course.url("module_create", course.programme.pk),
        course.url("cohort_create", course.programme.pk),
    ]
    for url in urls:
        assert course.client(course.world.member).get(url).status_code == 403, url
        assert course.client(course.world.outsider).get(url).status_code == 404, url
        assert course.client(course.world.owner).get(url).status_code == 200, url


def test_cohort_pages_exist_only_for_the_people_enrolled(course: Course) -> None:
    assignment = course.assignment(AssignmentKind.REFLECTION)
    lesson = course.programme.modules.get(number=1).lessons.first()
    pages = [
        course.url("cohort", course.cohort.pk),
        course.url("cohort_lesson", course.cohort.pk, lesson.pk),
        course.url("cohort_assignment", course.cohort.pk, assignment.pk),
    ]
    for url in pages:
        assert course.client(course.alice).get(url).status_code == 200, url
        # Workspace owner, not enrolled: the cohort does not exist for them.
        assert course.client(course.world.owner).get(url).status_code == 404, url
        assert course.client(course.world.outsider).get(url).status_code == 404, url
    for name in ("cohort_enrol", "cohort_progress"):
        url = course.url(name, course.cohort.pk)
        assert course.client(course.alice).get(url).status_code == 403, url
        assert course.client(course.world.facilitator).get(url).status_code == 200, url
    response = course.client(course.alice).post(
        course.url("cohort_close", course.cohort.pk), {"what": "cohort"}
    )
    assert response.status_code == 403
    course.cohort.refresh_from_db()
    assert not course.cohort.is_closed


# -- Enrolment ------------------------------------------------------------------------------


def test_enrolling_five_participants_adds_them_to_the_sessions_network(course: Course) -> None:
    persons = [PersonFactory(workspace=course.world.workspace) for _ in range(5)]
    response = course.client(course.world.facilitator).post(
        course.url("cohort_enrol", course.cohort.pk),
        {"persons": [p.pk for p in persons], "role": "participant"},
    )
    assert response.status_code == 302
    assert course.cohort.enrolments.filter(role="participant").count() == 9
    assert (
        NetworkMember.objects.current()
        .filter(network=course.cohort.network, person__in=persons)
        .count()
        == 5
    )


def test_enrolling_someone_twice_changes_nothing_and_says_who(course: Course) -> None:
    newcomer = PersonFactory(workspace=course.world.workspace, name="Nora New")
    alice = Person.objects.get(user=course.alice)
    before = Enrolment.objects.count()
    response = course.client(course.world.facilitator).post(
        course.url("cohort_enrol", course.cohort.pk),
        {"persons": [newcomer.pk, alice.pk], "role": "participant"},
    )
    assert response.status_code == 400
    assert "Already enrolled in this cohort: Alice" in response.content.decode()
    assert Enrolment.objects.count() == before
    assert not NetworkMember.objects.filter(person=newcomer).exists()


def test_a_person_of_another_workspace_cannot_be_enrolled(course: Course) -> None:
    response = course.client(course.world.facilitator).post(
        course.url("cohort_enrol", course.cohort.pk),
        {"persons": [course.world.other_person.pk], "role": "participant"},
    )
    assert response.status_code == 400
    assert not Enrolment.objects.filter(person=course.world.other_person).exists()


def test_peer_groups_leave_nobody_alone(course: Course) -> None:
    groups = services.peer_groups_assign(cohort=course.cohort, size=3, seed=1)
    sizes = sorted(
        list(
            course.cohort.enrolments.filter(role="participant").values_list("peer_group", flat=True)
        ).count(g)
        for g in range(1, groups + 1)
    )
    assert groups == 1 and sizes == [4]
    assert course.facilitator.peer_group is None


# -- Lessons, submissions, feedback ---------------------------------------------------------


def test_marking_a_lesson_done_counts_in_progress(course: Course) -> None:
    lesson = course.programme.modules.get(number=1).lessons.first()
    url = course.url("cohort_lesson", course.cohort.pk, lesson.pk)
    course.client(course.alice).post(url, {"done": "1"})
    assert LessonDone.objects.filter(enrolment=course.enrolment(course.alice)).count() == 1
    page = course.client(course.world.facilitator).get(
        course.url("cohort_progress", course.cohort.pk)
    )
    assert "1/2 lessons, 0/" in page.content.decode()


def _demo_network(course: Course, user: User) -> Network:
    return network_create(
        workspace=course.world.workspace,
        creator=user,
        network=Network(name="Jeugdnetwerk", kind=NetworkKind.INTER_ORGANIZATIONAL, phase=3),
    )


def test_a_case_analysis_linked_to_a_real_network_pulls_in_its_phase(course: Course) -> None:
    network = _demo_network(course, course.alice)
    assignment = course.assignment(AssignmentKind.CASE_ANALYSIS)
    url = course.url("cohort_assignment", course.cohort.pk, assignment.pk)
    response = course.client(course.alice).post(
        url, {"text": "Analyse van de sturing", "network": network.pk, "pull": "1"}
    )
    assert response.status_code == 302
    submission = Submission.objects.get(assignment=assignment)
    assert submission.network == network
    assert submission.case_context["phase"]["number"] == 3
    assert submission.case_context["network"] == "Jeugdnetwerk"
    assert not submission.is_submitted


def test_a_network_the_participant_is_not_in_cannot_be_linked(course: Course) -> None:
    network = _demo_network(course, course.bob)
    assignment = course.assignment(AssignmentKind.CASE_ANALYSIS)
    response = course.client(course.alice).post(
        course.url("cohort_assignment", course.cohort.pk, assignment.pk),
        {"text": "Analyse", "network": network.pk, "hand_in": "1"},
    )
    assert response.status_code == 400
    assert not Submission.objects.exists()


def test_handing_in_after_the_cohort_ended_is_refused_and_the_draft_kept(course: Course) -> None:
    assignment = course.assignment(AssignmentKind.REFLECTION)
    url = course.url("cohort_assignment", course.cohort.pk, assignment.pk)
    course.client(course.alice).post(url, {"text": "Eerste versie", "save": "1"})
    services.cohort_close(cohort=course.cohort)
    response = course.client(course.alice).post(
        url, {"text": "Te laat", "hand_in": "1"}, follow=True
    )
    submission = Submission.objects.get(assignment=assignment)
    assert submission.text == "Eerste versie"
    assert not submission.is_submitted
    assert "can no longer be handed in" in response.content.decode()


def test_a_file_of_the_wrong_type_on_a_submission_stores_nothing(course: Course) -> None:
    assignment = course.assignment(AssignmentKind.REFLECTION)
    url = course.url("cohort_assignment", course.cohort.pk, assignment.pk)
    response = course.client(course.alice).post(
        url,
        {"text": "Met bijlage", "hand_in": "1", "file": SimpleUploadedFile("x.exe", b"MZ")},
    )
    assert response.status_code == 400
    assert not Submission.objects.exists()
    assert not Attachment.objects.exists()


def test_submissions_are_seen_by_the_owner_facilitators_and_peers_only(course: Course) -> None:
    _pair_up(course, course.alice, course.bob)
    _pair_up(course, course.carol, course.dave, group=2)
    submission = services.submission_save(
        enrolment=course.enrolment(course.alice),
        assignment=course.assignment(AssignmentKind.REFLECTION),
        text="Vertrouwelijke reflectie van Alice",
        network=None,
        hand_in=True,
    )
    url = course.url("submission", course.cohort.pk, submission.pk)
    for user in (course.alice, course.bob, course.world.facilitator):
        assert course.client(user).get(url).status_code == 200
    for user in (course.carol, course.world.owner, course.world.outsider):
        assert course.client(user).get(url).status_code == 404
    overview = course.client(course.carol).get(
        course.url("cohort_assignment", course.cohort.pk, submission.assignment_id)
    )
    assert "Vertrouwelijke reflectie" not in overview.content.decode()
    assert "Alice" not in overview.content.decode()


def test_a_draft_is_not_shown_to_peers(course: Course) -> None:
    _pair_up(course, course.alice, course.bob)
    draft = services.submission_save(
        enrolment=course.enrolment(course.alice),
        assignment=course.assignment(AssignmentKind.REFLECTION),
        text="Nog niet klaar",
        network=None,
        hand_in=False,
    )
    url = course.url("submission", course.cohort.pk, draft.pk)
    assert course.client(course.bob).get(url).status_code == 404
    assert course.client(course.world.facilitator).get(url).status_code == 404


def test_peer_and_facilitator_feedback(course: Course) -> None:
    _pair_up(course, course.alice, course.bob)
    _pair_up(course, course.carol, group=2)
    submission = services.submission_save(
        enrolment=course.enrolment(course.alice),
        assignment=course.assignment(AssignmentKind.REFLECTION),
        text="Reflectie",
        network=None,
        hand_in=True,
    )
    url = course.url("submission", course.cohort.pk, submission.pk)
    assert course.client(course.bob).post(url, {"text": "Sterk punt"}).status_code == 302
    assert (
        course.client(course.world.facilitator).post(url, {"text": "Goed gedaan"}).status_code
        == 302
    )
    assert course.client(course.bob).post(url, {"text": ""}).status_code == 400
    # Alice cannot review herself; Carol (another group) cannot even see it.
    assert course.client(course.alice).post(url, {"text": "Zelf"}).status_code == 403
    assert course.client(course.carol).post(url, {"text": "Ik"}).status_code == 404
    texts = list(SubmissionFeedback.objects.values_list("text", flat=True))
    assert sorted(texts) == ["Goed gedaan", "Sterk punt"]
    mine = course.client(course.alice).get(
        course.url("cohort_assignment", course.cohort.pk, submission.assignment_id)
    )
    assert "Sterk punt" in mine.content.decode()


# -- Skills measurement -------------------------------------------------------------------------


def _complete(course: Course, user: User, which: str, score: int) -> None:
    assessment = services.measurement_start(enrolment=course.enrolment(user), which=which)
    rows = CompetenceScore.objects.filter(assessment=assessment)
    assessment_save(
        assessment=assessment,
        answers={r.competence_id: ScoreInput(score=score) for r in rows},
        complete=True,
    )


def test_start_figures_appear_only_once_closed_and_over_k(course: Course) -> None:
    url = course.url("cohort_progress", course.cohort.pk)
    fac = course.client(course.world.facilitator)
    _complete(course, course.alice, services.START, 2)
    _complete(course, course.bob, services.START, 4)
    services.measurement_start(enrolment=course.enrolment(course.carol), which=services.START)
    assert "The start measurement is still open." in fac.get(url).content.decode()
    services.start_measurement_close(cohort=course.cohort)
    page = fac.get(url).content.decode()
    assert "Fewer than 3 participants" in page
    # A third answer completed after the close does not count: the figures stay frozen.
    _complete(course, course.carol, services.START, 3)
    assert "Fewer than 3 participants" in fac.get(url).content.decode()
    course.cohort.refresh_from_db()
    assert course.cohort.start_figures["participants"] == 2
    with pytest.raises(ValidationError, match="closed"):
        services.measurement_start(enrolment=course.enrolment(course.dave), which=services.START)


def test_the_change_is_shown_over_k_pairs_when_the_cohort_ends(course: Course) -> None:
    for user, start, _end in (
        (course.alice, 2, 4),
        (course.bob, 3, 4),
        (course.carol, 2, 3),
        (course.dave, 3, 3),
    ):
        _complete(course, user, services.START, start)
    services.start_measurement_close(cohort=course.cohort)
    for user, end in ((course.alice, 4), (course.bob, 4), (course.carol, 3), (course.dave, 3)):
        _complete(course, user, services.END, end)
    services.cohort_close(cohort=course.cohort)
    page = (
        course.client(course.world.facilitator)
        .get(course.url("cohort_progress", course.cohort.pk))
        .content.decode()
    )
    assert "Change from the start to the end measurement" in page
    assert "+1.0" in page  # means 2.5 -> 3.5
    # No individual self-assessment reaches the facilitator.
    alice_assessment = course.enrolment(course.alice).start_assessment
    detail = course.client(course.world.facilitator).get(
        reverse("development:assessment", args=[course.slug, alice_assessment.pk])
    )
    assert detail.status_code == 404


def test_the_change_stays_as_computed_when_the_cohort_ended(course: Course) -> None:
    """Cohort figures are frozen per period (issue 14): a correction of a self-assessment
    after the cohort ended moves neither the stored figures nor the page."""
    for user in (course.alice, course.bob, course.carol):
        _complete(course, user, services.START, 2)
    services.start_measurement_close(cohort=course.cohort)
    for user in (course.alice, course.bob, course.carol):
        _complete(course, user, services.END, 4)
    services.cohort_close(cohort=course.cohort)
    course.cohort.refresh_from_db()
    stored = (course.cohort.start_figures, course.cohort.change_figures)
    url = course.url("cohort_progress", course.cohort.pk)
    page = course.client(course.world.facilitator).get(url).content.decode()
    assert "+2.0" in page
    # Alice corrects both of her measurements to the top of the scale.
    enrolment = course.enrolment(course.alice)
    for assessment in (enrolment.start_assessment, enrolment.end_assessment):
        CompetenceScore.objects.filter(assessment=assessment).update(score=5)
    course.cohort.refresh_from_db()
    assert (course.cohort.start_figures, course.cohort.change_figures) == stored
    after = course.client(course.world.facilitator).get(url).content.decode()
    assert "+2.0" in after and "+1.3" not in after  # recomputed: means 3.0 -> 4.3


def test_the_change_is_held_back_when_one_or_two_dropped_out(course: Course) -> None:
    for user in (course.alice, course.bob, course.carol, course.dave):
        _complete(course, user, services.START, 3)
    services.start_measurement_close(cohort=course.cohort)
    for user in (course.alice, course.bob, course.carol):
        _complete(course, user, services.END, 4)
    services.cohort_close(cohort=course.cohort)
    page = (
        course.client(course.world.facilitator)
        .get(course.url("cohort_progress", course.cohort.pk))
        .content.decode()
    )
    assert "The change is not shown" in page
    assert "Change from the start to the end measurement" not in page


def test_the_measurement_button_opens_the_participants_own_self_assessment(course: Course) -> None:
    response = course.client(course.alice).post(
        course.url("measurement", course.cohort.pk, "start")
    )
    enrolment = course.enrolment(course.alice)
    assert enrolment.start_assessment is not None
    assert response["Location"] == reverse(
        "development:assessment_edit", args=[course.slug, enrolment.start_assessment.pk]
    )
    again = course.client(course.alice).post(course.url("measurement", course.cohort.pk, "start"))
    assert again["Location"] == response["Location"]
    assert (
        course.client(course.alice)
        .post(course.url("measurement", course.cohort.pk, "middle"))
        .status_code
        == 404
    )


def test_hub_lists_my_cohort(course: Course) -> None:
    page = course.client(course.alice).get(course.url("hub")).content.decode()
    assert "Cohort 1" in page
    assert "Programmes of this workspace" not in page
    assert "Programmes of this workspace" in (
        course.client(course.world.facilitator).get(course.url("hub")).content.decode()
    )


def test_a_cohort_whose_end_is_before_its_start_is_refused(course: Course) -> None:
    before = Cohort.objects.count()
    today = date.today()
    response = course.client(course.world.facilitator).post(
        course.url("cohort_create", course.programme.pk),
        {
            "name": "X",
            "starts_on": today.isoformat(),
            "ends_on": (today - timedelta(days=1)).isoformat(),
        },
    )
    assert response.status_code == 400
    assert Cohort.objects.count() == before
    assert not Network.objects.filter(name__endswith="· X").exists()


def test_a_workspace_owner_not_enrolled_cannot_reach_a_cohort(course: Course) -> None:
    for name in ("cohort", "cohort_progress", "cohort_enrol"):
        url = course.url(name, course.cohort.pk)
        assert course.client(course.world.owner).get(url).status_code == 404, url
    # A cohort facilitator can enrol them as a facilitator; then they are in.
    owner = person_for_user(workspace=course.world.workspace, user=course.world.owner)
    course.client(course.world.facilitator).post(
        course.url("cohort_enrol", course.cohort.pk),
        {"persons": [owner.pk], "role": "facilitator"},
    )
    progress_url = course.url("cohort_progress", course.cohort.pk)
    assert course.client(course.world.owner).get(progress_url).status_code == 200


def test_a_completed_start_measurement_counts_as_handed_in(course: Course) -> None:
    from netlead.programmes.selectors.cohorts import progress

    _complete(course, course.alice, services.START, 3)
    services.measurement_start(enrolment=course.enrolment(course.bob), which=services.START)
    rows = {
        r.enrolment.person.user_id: r
        for r in progress(course.cohort, list(course.cohort.enrolments.filter(role="participant")))
    }
    module_1 = rows[course.alice.pk].modules[0]
    assert module_1.handed_in == 1
    assert rows[course.bob.pk].modules[0].handed_in == 0  # started, not completed
    assert rows[course.alice.pk].modules[5].handed_in == 0  # the end measurement is module 6's


def test_a_skills_measurement_is_not_handed_in_as_work(course: Course) -> None:
    measurement = course.assignment(AssignmentKind.SKILLS_MEASUREMENT)
    url = course.url("cohort_assignment", course.cohort.pk, measurement.pk)
    page = course.client(course.alice).get(url).content.decode()
    assert 'name="hand_in"' not in page
    assert course.url("measurement", course.cohort.pk, "start") in page
    response = course.client(course.alice).post(url, {"text": "Werk", "hand_in": "1"})
    assert response.status_code == 405
    assert not Submission.objects.exists()
    with pytest.raises(ValidationError, match="self-assessment"):
        services.submission_save(
            enrolment=course.enrolment(course.alice),
            assignment=measurement,
            text="Werk",
            network=None,
            hand_in=True,
        )


def test_stored_figures_do_not_move_when_a_participant_corrects_or_is_erased(
    course: Course,
) -> None:
    for user, score in ((course.alice, 2), (course.bob, 3), (course.carol, 4)):
        _complete(course, user, services.START, score)
    services.start_measurement_close(cohort=course.cohort)
    url = course.url("cohort_progress", course.cohort.pk)
    before = course.client(course.world.facilitator).get(url).content.decode()
    assert "3,0" in before or "3.0" in before
    _complete_again = course.enrolment(course.alice).start_assessment
    rows = CompetenceScore.objects.filter(assessment=_complete_again)
    assessment_save(
        assessment=_complete_again,
        answers={r.competence_id: ScoreInput(score=5) for r in rows},
        complete=True,
    )
    Person.objects.filter(user=course.carol).delete()
    after = course.client(course.world.facilitator).get(url).content.decode()
    assert "4,0" not in after and "4.0" not in after
    assert ("3,0" in after) or ("3.0" in after)


def test_a_confidential_leader_network_cannot_be_a_case(course: Course) -> None:
    from netlead.programmes.models import LeaderNetworkProfile

    network = _demo_network(course, course.alice)
    assert network in networks_for_case(course.enrolment(course.alice).person)
    network.kind = NetworkKind.LEADER_NETWORK
    network.save()
    LeaderNetworkProfile.objects.create(network=network, is_confidential=True)
    assert network not in networks_for_case(course.enrolment(course.alice).person)


def test_pulling_without_a_network_saves_nothing(course: Course) -> None:
    assignment = course.assignment(AssignmentKind.CASE_ANALYSIS)
    url = course.url("cohort_assignment", course.cohort.pk, assignment.pk)
    response = course.client(course.alice).post(url, {"text": "Analyse", "pull": "1"})
    assert response.status_code == 400
    assert not Submission.objects.exists()


def test_an_ended_cohort_takes_no_lessons_or_new_peer_groups(course: Course) -> None:
    _pair_up(course, course.alice, course.bob)
    services.cohort_close(cohort=course.cohort)
    lesson = course.programme.modules.get(number=1).lessons.first()
    course.client(course.alice).post(
        course.url("cohort_lesson", course.cohort.pk, lesson.pk), {"done": "1"}
    )
    assert not LessonDone.objects.exists()
    response = course.client(course.world.facilitator).post(
        course.url("cohort_progress", course.cohort.pk), {"size": "3"}
    )
    assert response.status_code == 400
    assert course.enrolment(course.alice).peer_group == 1
    assert course.enrolment(course.carol).peer_group is None


def test_a_tampered_lesson_mark_changes_nothing(course: Course) -> None:
    lesson = course.programme.modules.get(number=1).lessons.first()
    url = course.url("cohort_lesson", course.cohort.pk, lesson.pk)
    assert course.client(course.alice).post(url, {"done": "yes"}).status_code == 400
    assert not LessonDone.objects.exists()


def test_files_of_work_are_downloaded_only_by_those_who_see_the_work(course: Course) -> None:
    _pair_up(course, course.alice, course.bob)
    assignment = course.assignment(AssignmentKind.REFLECTION)
    course.client(course.alice).post(
        course.url("cohort_assignment", course.cohort.pk, assignment.pk),
        {"text": "Zie bijlage", "hand_in": "1", "file": SimpleUploadedFile("n.txt", b"notes")},
    )
    attachment = Attachment.objects.get()
    url = course.url("cohort_file", course.cohort.pk, attachment.pk)
    assert course.client(course.bob).get(url).content == b"notes"
    assert course.client(course.carol).get(url).status_code == 404
    assert course.client(course.world.facilitator).get(url).status_code == 200
    from netlead.workspaces.models import AuditEvent

    assert AuditEvent.objects.filter(action="downloaded").count() == 2


def _queries(client: Client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_cohort_pages_make_no_query_per_participant(course: Course) -> None:
    fac = course.client(course.world.facilitator)
    pages = [
        course.url("cohort", course.cohort.pk),
        course.url("cohort_progress", course.cohort.pk),
        course.url("programme", course.programme.pk),
        course.url("hub"),
        course.url("cohort_assignment", course.cohort.pk, course.assignment("reflection").pk),
    ]
    fac.get(pages[0])  # the first visit stores the workspace in the session
    before = [_queries(fac, url) for url in pages]
    more = [PersonFactory(workspace=course.world.workspace) for _ in range(6)]
    services.enrol(cohort=course.cohort, persons=more, role=EnrolmentRole.PARTICIPANT)
    for enrolment in course.cohort.enrolments.filter(role="participant"):
        services.submission_save(
            enrolment=enrolment,
            assignment=course.assignment("reflection"),
            text="Werk",
            network=None,
            hand_in=True,
        )
    after = [_queries(fac, url) for url in pages]
    assert after == before, list(zip(pages, before, after, strict=True))


def test_every_curriculum_endpoint_is_closed_to_members_and_outsiders(course: Course) -> None:
    module = course.programme.modules.get(number=1)
    lesson = module.lessons.first()
    assignment = module.assignments.first()
    pdf = Attachment.objects.create(
        lesson=lesson, name="a.pdf", content_type="application/pdf", size=6, data=b"%PDF-1"
    )
    p = course.programme.pk
    gets = [
        course.url("module_edit", p, module.pk),
        course.url("lesson_create", p, module.pk),
        course.url("lesson_edit", p, module.pk, lesson.pk),
        course.url("assignment_create", p, module.pk),
        course.url("assignment_edit", p, module.pk, assignment.pk),
        course.url("programme_file", p, pdf.pk),
    ]
    posts = [
        course.url("lesson_delete", p, module.pk, lesson.pk),
        course.url("assignment_delete", p, module.pk, assignment.pk),
        course.url("lesson_file_delete", p, pdf.pk),
    ]
    for url in gets:
        assert course.client(course.world.member).get(url).status_code == 403, url
        assert course.client(course.world.outsider).get(url).status_code == 404, url
        assert course.client(course.world.facilitator).get(url).status_code == 200, url
    for url in posts:
        assert course.client(course.world.member).post(url).status_code == 403, url
        assert course.client(course.world.outsider).post(url).status_code == 404, url
        assert course.client(course.world.facilitator).get(url).status_code == 405, url
    assert Attachment.objects.filter(pk=pdf.pk).exists()
    assert module.lessons.filter(pk=lesson.pk).exists()


def test_empty_titles_are_refused_and_nothing_changes(course: Course) -> None:
    module = course.programme.modules.get(number=1)
    assignment = module.assignments.first()
    fac = course.client(course.world.facilitator)
    p = course.programme.pk
    title = module.title
    assert fac.post(course.url("module_edit", p, module.pk), {"title": ""}).status_code == 400
    module.refresh_from_db()
    assert module.title == title
    response = fac.post(
        course.url("assignment_edit", p, module.pk, assignment.pk),
        {"kind": "nonsense", "title": "X"},
    )
    assert response.status_code == 400
    assignment.refresh_from_db()
    assert assignment.title != "X"
    count = course.programme.modules.count()
    assert fac.post(course.url("module_create", p), {"title": ""}).status_code == 400
    assert course.programme.modules.count() == count


def test_facilitators_take_no_measurement_and_submit_no_work(course: Course) -> None:
    fac = course.client(course.world.facilitator)
    fac.post(course.url("measurement", course.cohort.pk, "start"))
    assert course.facilitator.start_assessment is None
    assignment = course.assignment(AssignmentKind.REFLECTION)
    response = fac.post(
        course.url("cohort_assignment", course.cohort.pk, assignment.pk),
        {"text": "Werk", "hand_in": "1"},
    )
    assert response.status_code == 405
    assert not Submission.objects.exists()
    lesson = course.programme.modules.get(number=1).lessons.first()
    assert (
        fac.post(
            course.url("cohort_lesson", course.cohort.pk, lesson.pk), {"done": "1"}
        ).status_code
        == 403
    )


def test_lesson_text_is_markdown_without_html(course: Course) -> None:
    module = course.programme.modules.get(number=1)
    lesson = module.lessons.first()
    lesson.body = (
        "# Kern\n\n**Let op** <script>alert(1)</script> "
        "[bron](https://example.org) [kwaad](javascript:alert(1))\n\n- een\n- twee"
    )
    lesson.save()
    page = (
        course.client(course.alice)
        .get(course.url("cohort_lesson", course.cohort.pk, lesson.pk))
        .content.decode()
    )
    assert "<h3>Kern</h3>" in page  # under the lesson's own <h2>
    assert "<strong>Let op</strong>" in page
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    assert '<a href="https://example.org">bron</a>' in page
    assert 'href="javascript:' not in page
    assert "<li>twee</li>" in page
