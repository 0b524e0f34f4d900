"""A programme and its curriculum: modules in order, each with learning goals, lessons and
assignments. A masterclass is taught from its curriculum to cohorts; a mentoring programme
has pairs instead (models/mentoring.py)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netlead.programmes.text import lines
from netlead.workspaces.models import Workspace


class ProgrammeKind(models.TextChoices):
    MASTERCLASS = "masterclass", _("Masterclass with a curriculum and cohorts")
    MENTORING = "mentoring", _("Mentoring programme")


class Programme(models.Model):
    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="programmes", verbose_name=_("workspace")
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=ProgrammeKind.choices, default=ProgrammeKind.MASTERCLASS
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(
        _("language of the programme"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    #: The default curriculum it was copied from ("" when written from scratch).
    source = models.CharField(max_length=60, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ("title",)

    def __str__(self) -> str:
        return self.title

    @property
    def is_mentoring(self) -> bool:
        return self.kind == ProgrammeKind.MENTORING


class Module(models.Model):
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="modules", verbose_name=_("programme")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    learning_goals = models.TextField(
        _("learning goals"), blank=True, help_text=_("One goal per line.")
    )

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")
        ordering = ("programme", "number")
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="module_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def goal_list(self) -> list[str]:
        return lines(self.learning_goals)


class Lesson(models.Model):
    module = models.ForeignKey(
        Module, on_delete=models.CASCADE, related_name="lessons", verbose_name=_("module")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("text"),
        blank=True,
        help_text=_(
            "Markdown: an empty line between paragraphs, **bold**, *italic*, lists with - , "
            "headings with #, links as [text](https://…)."
        ),
    )
    links = models.TextField(
        _("links"),
        blank=True,
        help_text=_(
            "One link per line: a web address, optionally followed by a space and a title."
        ),
    )

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        ordering = ("module", "number")
        constraints = [
            models.UniqueConstraint(fields=["module", "number"], name="lesson_number_unique")
        ]

    def __str__(self) -> str:
        return self.title


class AssignmentKind(models.TextChoices):
    REFLECTION = "reflection", _("Reflection")
    CASE_ANALYSIS = "case_analysis", _("Case analysis of a real project")
    SKILLS_MEASUREMENT = "skills_measurement", _("Skills measurement")


class Assignment(models.Model):
    module = models.ForeignKey(
        Module, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("module")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    kind = models.CharField(
        _("kind"), max_length=30, choices=AssignmentKind.choices, default=AssignmentKind.REFLECTION
    )
    title = models.CharField(_("title"), max_length=200)
    instructions = models.TextField(
        _("instructions"),
        blank=True,
        help_text=_("Markdown, as in lessons."),
    )

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ("module", "number")
        constraints = [
            models.UniqueConstraint(fields=["module", "number"], name="assignment_number_unique")
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_case_analysis(self) -> bool:
        return self.kind == AssignmentKind.CASE_ANALYSIS

    @property
    def is_measurement(self) -> bool:
        return self.kind == AssignmentKind.SKILLS_MEASUREMENT


class Attachment(models.Model):
    """A file of a lesson or of a submission, kept in the database so web processes share no
    disk. Type and size are checked by services.files before it is stored."""

    lesson = models.ForeignKey(
        Lesson, on_delete=models.CASCADE, null=True, blank=True, related_name="attachments"
    )
    submission = models.ForeignKey(
        "programmes.Submission",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attachments",
    )
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    data = models.BinaryField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("file")
        verbose_name_plural = _("files")
        ordering = ("uploaded_at", "pk")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(lesson__isnull=False, submission__isnull=True)
                | models.Q(lesson__isnull=True, submission__isnull=False),
                name="attachment_lesson_or_submission",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if (self.lesson_id is None) == (self.submission_id is None):
            raise ValidationError(_("A file belongs to one lesson or one submission."))
