"""A cohort: a group of participants taking a masterclass together, with facilitators. Its
sessions are meetings of a learning network made for the cohort (the meetings app's agenda,
attendance and calendar feed). Participants mark lessons done, hand in assignments and give
each other feedback within their peer group."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netlead.development.models import SelfAssessment
from netlead.networks.models import Network
from netlead.programmes.models.curricula import Assignment, Lesson, Programme
from netlead.workspaces.models import Person


class CohortStatus(models.TextChoices):
    OPEN = "open", _("Running")
    CLOSED = "closed", _("Ended")


class Cohort(models.Model):
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="cohorts", verbose_name=_("programme")
    )
    name = models.CharField(_("name"), max_length=200)
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"))
    network = models.OneToOneField(
        Network,
        on_delete=models.PROTECT,
        related_name="cohort",
        verbose_name=_("learning network of the cohort"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CohortStatus.choices, default=CohortStatus.OPEN
    )
    #: When the start measurement was closed: only then are its cohort figures shown, so a
    #: late answer cannot be worked out from a change in the figures.
    start_measurement_closed_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    #: The cohort's skills figures, computed once when the start measurement closes and when
    #: the cohort ends (services/measurement.py). Pages only read them, so a correction or an
    #: erasure later never moves a figure someone has seen.
    start_figures = models.JSONField(null=True, blank=True, editable=False)
    change_figures = models.JSONField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ("-starts_on", "name")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end must come after the start.")})

    @property
    def is_closed(self) -> bool:
        return self.status == CohortStatus.CLOSED


class EnrolmentRole(models.TextChoices):
    PARTICIPANT = "participant", _("Participant")
    FACILITATOR = "facilitator", _("Facilitator")


class Enrolment(models.Model):
    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="enrolments", verbose_name=_("cohort")
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="enrolments", verbose_name=_("person")
    )
    role = models.CharField(
        _("role"), max_length=20, choices=EnrolmentRole.choices, default=EnrolmentRole.PARTICIPANT
    )
    #: Participants with the same number give each other feedback (pairs or small groups).
    peer_group = models.PositiveSmallIntegerField(_("peer group"), null=True, blank=True)
    start_assessment = models.ForeignKey(
        SelfAssessment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    end_assessment = models.ForeignKey(
        SelfAssessment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    wants_digest = models.BooleanField(_("e-mail me a digest of new alumni posts"), default=True)
    digest_sent_at = models.DateTimeField(null=True, blank=True)
    enrolled_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ("cohort", "person__name")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "person"], name="enrolment_once_per_cohort")
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.cohort}"

    @property
    def is_facilitator(self) -> bool:
        return self.role == EnrolmentRole.FACILITATOR


class LessonDone(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="lessons_done")
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="+")
    done_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "lesson"], name="lesson_done_once")
        ]

    def __str__(self) -> str:
        return f"{self.enrolment} · {self.lesson}"


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Handed in")


class Submission(models.Model):
    """A participant's work on one assignment. Seen by the participant, the cohort's
    facilitators and the participant's peer group, nobody else."""

    assignment = models.ForeignKey(
        Assignment,
        on_delete=models.CASCADE,
        related_name="submissions",
        verbose_name=_("assignment"),
    )
    enrolment = models.ForeignKey(
        Enrolment,
        on_delete=models.CASCADE,
        related_name="submissions",
        verbose_name=_("participant"),
    )
    text = models.TextField(_("your work"), blank=True)
    network = models.ForeignKey(
        Network,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("real network this case is about"),
    )
    #: Charter, phase and latest diagnosis figures of `network`, copied in when the participant
    #: asked for them (a snapshot: the case is about the network as it was then).
    case_context = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=SubmissionStatus.choices, default=SubmissionStatus.DRAFT
    )
    updated_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ("assignment", "enrolment")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "enrolment"], name="submission_once_per_assignment"
            )
        ]

    def __str__(self) -> str:
        return f"{self.assignment} · {self.enrolment.person}"

    @property
    def is_submitted(self) -> bool:
        return self.status == SubmissionStatus.SUBMITTED


class SubmissionFeedback(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="feedback")
    author = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="+", verbose_name=_("from")
    )
    text = models.TextField(_("feedback"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("feedback on a submission")
        verbose_name_plural = _("feedback on submissions")
        ordering = ("created_at", "pk")

    def __str__(self) -> str:
        return f"{self.author.person} · {self.submission}"

    @property
    def is_from_facilitator(self) -> bool:
        return self.author.role == "facilitator"
