"""The fixed meeting plan of a network, its meetings (agenda, minutes, decisions, attendance)
and the actions that come out of them."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netlead.meetings.recurrence import rrule_in_words
from netlead.networks.models import DecisionRule, Network, NetworkMember, Result
from netlead.workspaces.models import Person


class MeetingPlan(models.Model):
    """A recurring series, e.g. "the core team meets on the first Tuesday of the month"."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="meeting_plans", verbose_name=_("network")
    )
    title = models.CharField(_("title"), max_length=200)
    rrule = models.CharField(
        _("recurrence rule"),
        max_length=300,
        help_text=_("An iCalendar RRULE, e.g. FREQ=MONTHLY;BYDAY=1TU;COUNT=12"),
    )
    first_starts_at = models.DateTimeField(_("first meeting starts"))
    duration_minutes = models.PositiveIntegerField(
        _("duration in minutes"),
        default=120,
        validators=[MinValueValidator(5), MaxValueValidator(24 * 60)],
    )
    location = models.CharField(_("location"), max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("meeting plan")
        verbose_name_plural = _("meeting plans")
        ordering = ("first_starts_at",)

    def __str__(self) -> str:
        return self.title

    @property
    def in_words(self) -> str:
        """The rule as people say it, in the active language ("every first Thursday of the
        month, 6 times")."""
        return rrule_in_words(self.rrule, first_starts_at=self.first_starts_at)


class Meeting(models.Model):
    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("network")
    )
    plan = models.ForeignKey(
        MeetingPlan,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("meeting plan"),
    )
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    is_cancelled = models.BooleanField(_("cancelled"), default=False)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ("starts_at",)
        indexes = [models.Index(fields=["network", "starts_at"])]

    def __str__(self) -> str:
        return f"{self.title} · {self.starts_at:%Y-%m-%d}"

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must come after the start.")})

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    @property
    def has_ended(self) -> bool:
        return self.ends_at <= timezone.now()


class AgendaItemKind(models.TextChoices):
    HERE_AND_NOW = "here_and_now", _("Here-and-now round")
    THEME = "theme", _("Theme")
    CASE = "case", _("Case consultation")
    DECISION = "decision", _("Decision")
    INFORMATION = "information", _("Information")


class AgendaItemStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACCEPTED = "accepted", _("On the agenda")
    DECLINED = "declined", _("Not taken up")


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("meeting")
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=AgendaItemKind.choices, default=AgendaItemKind.THEME
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    proposed_by = models.ForeignKey(
        NetworkMember,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AgendaItemStatus.choices,
        default=AgendaItemStatus.ACCEPTED,
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    result = models.ForeignKey(
        Result,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("result"),
    )

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ("position", "pk")

    def __str__(self) -> str:
        return self.title


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    READY = "ready", _("Ready for approval")
    APPROVED = "approved", _("Approved")


class Minutes(models.Model):
    meeting = models.OneToOneField(
        Meeting, on_delete=models.CASCADE, related_name="minutes", verbose_name=_("meeting")
    )
    text = models.TextField(_("minutes"))
    status = models.CharField(
        _("status"), max_length=20, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    ready_at = models.DateTimeField(_("put up for approval"), null=True, blank=True)
    # What the approval was decided under, kept as it was then: the network's rule may change.
    approved_rule = models.CharField(
        _("decision rule applied"), max_length=20, choices=DecisionRule.choices, blank=True
    )
    approved_rule_days = models.PositiveSmallIntegerField(
        _("period applied"), null=True, blank=True
    )
    approved_rule_met = models.BooleanField(_("decision rule met"), null=True, blank=True)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("declared approved by"),
        help_text=_("Empty when the minutes were approved by everyone who was present."),
    )

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self) -> str:
        return str(self.meeting)

    @property
    def is_locked(self) -> bool:
        return self.status == MinutesStatus.APPROVED


class MinutesApproval(models.Model):
    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="approvals")
    member = models.ForeignKey(NetworkMember, on_delete=models.CASCADE, related_name="+")
    approved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("approval of minutes")
        verbose_name_plural = _("approvals of minutes")
        ordering = ("approved_at", "pk")
        constraints = [
            models.UniqueConstraint(fields=["minutes", "member"], name="minutes_approval_once")
        ]

    def __str__(self) -> str:
        return f"{self.member} · {self.minutes}"


class Decision(models.Model):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("meeting")
    )
    text = models.TextField(_("decision"))
    results = models.ManyToManyField(
        Result, blank=True, related_name="decisions", verbose_name=_("results")
    )

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ("pk",)

    def __str__(self) -> str:
        return self.text[:80]


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    EXCUSED = "excused", _("Excused")
    ABSENT = "absent", _("Absent")


class Attendance(models.Model):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("meeting")
    )
    member = models.ForeignKey(
        NetworkMember, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("member")
    )
    status = models.CharField(_("attendance"), max_length=20, choices=AttendanceStatus.choices)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="attendance_once")
        ]

    def __str__(self) -> str:
        return f"{self.member} · {self.meeting}: {self.get_status_display()}"


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class Action(models.Model):
    """Something a member will do. The owner is the member named, whoever wrote it down."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="actions", verbose_name=_("network")
    )
    title = models.CharField(_("action"), max_length=300)
    owner = models.ForeignKey(
        NetworkMember, on_delete=models.PROTECT, related_name="actions", verbose_name=_("owner")
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("meeting"),
    )
    result = models.ForeignKey(
        Result,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("result"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(default=timezone.now)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ("due_on", "pk")
        indexes = [models.Index(fields=["network", "status", "due_on"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        return (
            self.status == ActionStatus.OPEN
            and self.due_on is not None
            and self.due_on < timezone.localdate()
        )


class CalendarFeed(models.Model):
    """A secret URL a calendar program subscribes to: one per network, or one per person
    (all meetings of that person's networks). Only a hash of the token is stored."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(network__isnull=False, person__isnull=True)
                | models.Q(network__isnull=True, person__isnull=False),
                name="calendar_feed_network_or_person",
            ),
            # One live feed per network and per person: resetting replaces it.
            models.UniqueConstraint(
                fields=["network"],
                condition=models.Q(network__isnull=False),
                name="calendar_feed_one_per_network",
            ),
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(person__isnull=False),
                name="calendar_feed_one_per_person",
            ),
        ]

    def __str__(self) -> str:
        return str(self.network or self.person)
