"""The programmes app's part of the privacy rights (see netlead.privacy.parts).

A copy holds the person's enrolments, lessons done, their own work and the feedback they wrote,
how many feedback notes others left on their work (not the notes: they are the others' words),
mentoring, alumni posts, agreements accepted and which four-principles checks they answered
(the answers themselves carry no name). Erasure deletes their own work and alumni posts (a topic
others replied to stays with its text removed); enrolments, mentoring pairs and feedback they
wrote on others' work stay with the former member's empty record, and the cohort's stored
figures are not touched."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import Count, Q
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netlead.accounts.models import User
from netlead.privacy.parts import Line, Table, count_line, table
from netlead.programmes.models import (
    AgreementAcceptance,
    AlumniPost,
    Attachment,
    Enrolment,
    LessonDone,
    MentoringMeeting,
    MentoringPair,
    PrinciplesCheckReceipt,
    Programme,
    Submission,
    SubmissionFeedback,
)
from netlead.workspaces.models import Person


def _pairs(persons: Sequence[Person]) -> Any:
    return MentoringPair.objects.filter(Q(mentor__in=persons) | Q(mentee__in=persons))


def data_of(user: User, persons: Sequence[Person]) -> list[Table]:
    return [
        table(
            "programmes_enrolments",
            gettext_lazy("The cohorts you are enrolled in."),
            Enrolment.objects.filter(person__in=persons),
            ["cohort__programme__title", "cohort__name", "role", "peer_group", "enrolled_at"],
        ),
        table(
            "programmes_lessons_done",
            gettext_lazy("Lessons you marked as done."),
            LessonDone.objects.filter(enrolment__person__in=persons),
            ["lesson__module__programme__title", "lesson__title", "done_at"],
        ),
        table(
            "programmes_submissions",
            gettext_lazy("Your work on assignments, with how many feedback notes others left."),
            Submission.objects.filter(enrolment__person__in=persons).annotate(
                feedback_notes=Count("feedback")
            ),
            [
                "id",
                "assignment__title",
                "text",
                "network__name",
                "status",
                "submitted_at",
                "feedback_notes",
            ],
            labels={"feedback_notes": gettext_lazy("feedback notes from others")},
        ),
        table(
            "programmes_attachments",
            gettext_lazy("Files attached to your work (their names; the files are on the site)."),
            Attachment.objects.filter(submission__enrolment__person__in=persons),
            ["submission_id", "name", "content_type", "size", "uploaded_at"],
        ),
        table(
            "programmes_feedback_given",
            gettext_lazy("Feedback you wrote on the work of others."),
            SubmissionFeedback.objects.filter(author__person__in=persons),
            ["submission__assignment__title", "text", "created_at"],
        ),
        table(
            "programmes_mentoring_pairs",
            gettext_lazy("Your mentoring pairs."),
            _pairs(persons),
            [
                "id",
                "programme__title",
                "mentor__name",
                "mentee__name",
                "status",
                "goals",
                "mentor_reflection",
                "mentee_reflection",
                "closed_at",
            ],
        ),
        table(
            "programmes_mentoring_meetings",
            gettext_lazy("The meetings of your mentoring pairs."),
            MentoringMeeting.objects.filter(pair__in=_pairs(persons)),
            ["pair_id", "held_on", "topic", "notes"],
        ),
        table(
            "programmes_alumni_posts",
            gettext_lazy("Your posts in alumni groups."),
            AlumniPost.objects.filter(author__person__in=persons),
            ["cohort__name", "title", "body", "created_at"],
        ),
        table(
            "programmes_agreements",
            gettext_lazy("Leader network agreements you accepted."),
            AgreementAcceptance.objects.filter(member__person__in=persons),
            ["profile__network__name", "version", "commitment", "accepted_at"],
        ),
        table(
            "programmes_principles_checks",
            gettext_lazy("Meetings whose four-principles check you answered (not your answers)."),
            PrinciplesCheckReceipt.objects.filter(member__person__in=persons),
            ["meeting__network__name", "meeting__title", "meeting__starts_at"],
        ),
    ]


def erasure_of(person: Person) -> list[Line]:
    return [
        count_line(
            _("Work on assignments, with its files and the feedback on it"),
            Submission.objects.filter(enrolment__person=person),
        ),
        count_line(_("Alumni posts"), AlumniPost.objects.filter(author__person=person)),
        count_line(
            _("Enrolments in cohorts, kept as a former member"),
            Enrolment.objects.filter(person=person),
            kept=True,
        ),
        count_line(
            _("Mentoring pairs, kept without this person's reflection"),
            _pairs([person]),
            kept=True,
        ),
        count_line(
            _("Feedback written on the work of others, kept as a former member"),
            SubmissionFeedback.objects.filter(author__person=person),
            kept=True,
        ),
    ]


def erase(person: Person) -> None:
    Submission.objects.filter(enrolment__person=person).delete()
    posts = AlumniPost.objects.filter(author__person=person)
    # A topic others replied to stays, its text removed, so their replies keep their place.
    answered = set(
        AlumniPost.objects.filter(topic__in=posts.filter(topic__isnull=True))
        .exclude(author__person=person)
        .values_list("topic_id", flat=True)
    )
    with translation.override(person.workspace.default_language):
        removed = _("This message was removed.")
    posts.filter(pk__in=answered).update(title=removed, body=removed)
    posts.exclude(pk__in=answered).delete()
    Enrolment.objects.filter(person=person).update(wants_digest=False)
    MentoringPair.objects.filter(mentor=person).update(mentor_reflection="")
    MentoringPair.objects.filter(mentee=person).update(mentee_reflection="")
    AgreementAcceptance.objects.filter(member__person=person).update(commitment="")
    if person.user_id:
        workspace, user = person.workspace_id, person.user_id
        Programme.objects.filter(workspace_id=workspace, created_by_id=user).update(created_by=None)
        MentoringPair.objects.filter(programme__workspace_id=workspace, proposed_by_id=user).update(
            proposed_by=None
        )
        Attachment.objects.filter(
            lesson__module__programme__workspace_id=workspace, uploaded_by_id=user
        ).update(uploaded_by=None)
