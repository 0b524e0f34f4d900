"""Leader development: competence frameworks, self-assessments, observer feedback, the
development plan, the reflection journal and the personal network map.

Everything here except the frameworks belongs to one leader (`owner`, a person with an
account). No page, export, admin list or API shows it to anyone else; a facilitator sees only
the report a leader chooses to share, and cohort figures over at least k leaders. Observer
responses are not linked to their invitation: they are found again only by a key derived from
the observer's secret token, which the database does not hold.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netlead.core.language import active_language
from netlead.core.scales import SCORE
from netlead.frameworks import competences as default_content
from netlead.meetings.models import Meeting
from netlead.workspaces.models import Person, Workspace

SCORE_VALIDATORS = [MinValueValidator(SCORE.low), MaxValueValidator(SCORE.high)]


def _pick(texts: dict[str, Any], language: str) -> Any:
    """A text in `language`, else English, else any language it was written in."""
    return texts.get(language) or texts.get("en") or next(iter(texts.values()), "")


#: Link purposes (netlead.core.tokens): observer links are derived with their own purpose, so a
#: survey token never opens one; a response's key is a different hash from its invitation's.
OBSERVER_LINK_PURPOSE = "netlead.development.observer"
OBSERVER_RESPONSE_PURPOSE = "observer-response"


class CompetenceFramework(models.Model):
    """A set of competences leaders assess themselves on. The default framework's texts come
    from frameworks/competences.toml (so they stay translated); a workspace's own framework
    keeps its texts here, in the languages it was written in."""

    workspace = models.ForeignKey(
        Workspace,
        on_delete=models.CASCADE,
        related_name="competence_frameworks",
        verbose_name=_("workspace"),
    )
    key = models.SlugField(_("key"), max_length=60)
    is_default = models.BooleanField(_("netlead's default framework"), default=False)
    title = models.JSONField(_("title"), default=dict)
    intro = models.JSONField(_("introduction"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("competence framework")
        verbose_name_plural = _("competence frameworks")
        ordering = ("-is_default", "created_at")
        constraints = [
            models.UniqueConstraint(fields=["workspace", "key"], name="framework_unique_key")
        ]

    def __str__(self) -> str:
        return self.title_text

    @property
    def title_text(self) -> str:
        if self.is_default:
            return default_content.competence_framework(active_language()).title
        return str(_pick(self.title, active_language()))

    @property
    def intro_text(self) -> str:
        if self.is_default:
            return default_content.competence_framework(active_language()).intro
        return str(_pick(self.intro, active_language())) if self.intro else ""


class Competence(models.Model):
    framework = models.ForeignKey(
        CompetenceFramework,
        on_delete=models.CASCADE,
        related_name="competences",
        verbose_name=_("framework"),
    )
    key = models.SlugField(_("key"), max_length=60)
    number = models.PositiveSmallIntegerField(_("number"))
    #: For a workspace's own framework: {"name": {lang: text}, "description": {...},
    #: "behaviours": {lang: [text, ...]}, "questions": [{lang: text}, {lang: text}]}.
    texts = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("competence")
        verbose_name_plural = _("competences")
        ordering = ("framework", "number")
        constraints = [
            models.UniqueConstraint(fields=["framework", "key"], name="competence_unique_key"),
            models.UniqueConstraint(
                fields=["framework", "number"], name="competence_unique_number"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def localized(self, language: str | None = None) -> default_content.Competence:
        """The competence's texts in `language` (default: the active one)."""
        language = language or active_language()
        if self.framework.is_default:
            for competence in default_content.competence_framework(language).competences:
                if competence.key == self.key:
                    return competence
        texts = self.texts
        questions = tuple(
            default_content.ReflectionQuestion(key=f"q{i + 1}", text=str(_pick(q, language)))
            for i, q in enumerate(texts.get("questions", []))
            if q
        )
        return default_content.Competence(
            key=self.key,
            number=self.number,
            name=str(_pick(texts.get("name", {}), language)) or self.key,
            description=str(_pick(texts.get("description", {}), language)),
            behaviours=tuple(_pick(texts.get("behaviours", {}), language) or ()),
            questions=questions,
        )

    @property
    def name(self) -> str:
        return self.localized().name


# ---------------------------------------------------------------------------------------------
# Self-assessment
# ---------------------------------------------------------------------------------------------


class SelfAssessment(models.Model):
    """A leader's scores and reflections on every competence of a framework, at one time."""

    owner = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="self_assessments", verbose_name=_("leader")
    )
    framework = models.ForeignKey(
        CompetenceFramework,
        on_delete=models.RESTRICT,
        related_name="assessments",
        verbose_name=_("framework"),
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        ordering = ("-started_at",)

    def __str__(self) -> str:
        return f"{self.owner} · {self.started_at:%Y-%m-%d}"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None


class CompetenceScore(models.Model):
    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="scores")
    competence = models.ForeignKey(Competence, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(
        _("score"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    reflection_1 = models.TextField(_("answer to the first question"), blank=True)
    reflection_2 = models.TextField(_("answer to the second question"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "competence"], name="score_unique_competence"
            ),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=1, score__lte=5),
                name="score_between_1_and_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.competence} = {self.score}"


# ---------------------------------------------------------------------------------------------
# Observer feedback
# ---------------------------------------------------------------------------------------------


class ObserverGroup(models.TextChoices):
    MANAGER = "manager", _("Manager")
    PEER = "peer", _("Peers")
    PARTNER = "partner", _("Network partners")
    REPORT = "report", _("Direct reports")
    OTHER = "other", _("Others")


class FeedbackRequest(models.Model):
    """A leader asks observers for feedback on the competences of one self-assessment."""

    owner = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="feedback_requests", verbose_name=_("leader")
    )
    assessment = models.ForeignKey(
        SelfAssessment,
        on_delete=models.RESTRICT,
        related_name="feedback_requests",
        verbose_name=_("self-assessment to compare with"),
    )
    title = models.CharField(_("title"), max_length=200)
    message = models.TextField(
        _("personal message"),
        blank=True,
        help_text=_("Shown to your observers in the e-mail and above the questions."),
    )
    closes_on = models.DateField(_("answers until"))
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("feedback request")
        verbose_name_plural = _("feedback requests")
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return self.title

    @property
    def accepts_answers(self) -> bool:
        return self.closed_at is None and timezone.localdate() <= self.closes_on

    @property
    def is_closed(self) -> bool:
        """The report opens only once answering has ended: a report that changed with every
        new answer would let the leader work out each one from the difference."""
        return not self.accepts_answers


class ObserverInvitation(models.Model):
    """An observer's personal link. The database holds only the token's hash; the token is
    derived from `salt` and the server's secret, so a reminder can repeat the link."""

    request = models.ForeignKey(
        FeedbackRequest, on_delete=models.CASCADE, related_name="invitations"
    )
    group = models.CharField(_("group"), max_length=10, choices=ObserverGroup.choices)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    salt = models.CharField(max_length=32, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ("group", "name")
        constraints = [
            models.UniqueConstraint(
                "request", Lower("email"), name="observer_unique_email_per_request"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_group_display()})"

    @property
    def accepts_answers(self) -> bool:
        return self.request.accepts_answers


class ObserverResponse(models.Model):
    """One observer's answers, without a link to who gave them (see the module docstring)."""

    request = models.ForeignKey(FeedbackRequest, on_delete=models.CASCADE, related_name="responses")
    response_key = models.CharField(max_length=64, unique=True, editable=False)
    group = models.CharField(max_length=10, choices=ObserverGroup.choices)
    shown_alone = models.BooleanField(default=False)
    #: competence key -> 1..5
    scores = models.JSONField(default=dict)
    strengths = models.TextField(blank=True)
    development = models.TextField(blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.request} · {self.get_group_display()}"

    def clean(self) -> None:
        for key, value in self.scores.items():
            if value not in SCORE:
                raise ValidationError(_("Score out of range for %(key)s.") % {"key": key})


# ---------------------------------------------------------------------------------------------
# Development plan and journal
# ---------------------------------------------------------------------------------------------


class GoalStatus(models.TextChoices):
    ACTIVE = "active", _("Working on it")
    ACHIEVED = "achieved", _("Achieved")
    PAUSED = "paused", _("Paused")


class DevelopmentGoal(models.Model):
    owner = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="development_goals", verbose_name=_("leader")
    )
    competence = models.ForeignKey(
        Competence,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("competence"),
    )
    title = models.CharField(_("goal"), max_length=200)
    why = models.TextField(_("why this matters"), blank=True)
    support_needed = models.TextField(_("support needed"), blank=True)
    review_on = models.DateField(_("review on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=GoalStatus.choices, default=GoalStatus.ACTIVE
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("development goal")
        verbose_name_plural = _("development goals")
        ordering = ("status", "review_on", "created_at")

    def __str__(self) -> str:
        return self.title


class PlanAction(models.Model):
    goal = models.ForeignKey(
        DevelopmentGoal, on_delete=models.CASCADE, related_name="actions", verbose_name=_("goal")
    )
    title = models.CharField(_("action"), max_length=200)
    due_on = models.DateField(_("due"), null=True, blank=True)
    done_on = models.DateField(_("done"), null=True, blank=True)
    contacts = models.ManyToManyField(
        "Contact", blank=True, related_name="plan_actions", verbose_name=_("people to meet")
    )

    class Meta:
        ordering = ("done_on", "due_on", "pk")

    def __str__(self) -> str:
        return self.title


class ProgressNote(models.Model):
    goal = models.ForeignKey(DevelopmentGoal, on_delete=models.CASCADE, related_name="notes")
    written_on = models.DateField(_("date"), default=timezone.localdate)
    text = models.TextField(_("progress note"))

    class Meta:
        ordering = ("-written_on", "-pk")

    def __str__(self) -> str:
        return f"{self.written_on}: {self.text[:40]}"


class JournalEntry(models.Model):
    """A dated reflection. Private to its owner; it appears in the development report only
    when the owner ticks it for the report."""

    owner = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="journal_entries", verbose_name=_("leader")
    )
    written_on = models.DateField(_("date"), default=timezone.localdate)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("reflection"))
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("meeting"),
    )
    competence = models.ForeignKey(
        Competence,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("competence"),
    )
    action = models.ForeignKey(
        PlanAction,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="journal_entries",
        verbose_name=_("plan action"),
    )
    in_report = models.BooleanField(_("include in my development report"), default=False)

    class Meta:
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")
        ordering = ("-written_on", "-pk")

    def __str__(self) -> str:
        return self.title


# ---------------------------------------------------------------------------------------------
# Personal network (Ibarra & Hunter 2007)
# ---------------------------------------------------------------------------------------------


class NetworkKind(models.TextChoices):
    OPERATIONAL = "operational", _("Operational")
    PERSONAL = "personal", _("Personal")
    STRATEGIC = "strategic", _("Strategic")


class Level(models.TextChoices):
    ABOVE = "above", _("Above me")
    PEER = "peer", _("Peer")
    BELOW = "below", _("Below me")


class FunctionArea(models.TextChoices):
    MANAGEMENT = "management", _("General management")
    POLICY = "policy", _("Policy and strategy")
    DELIVERY = "delivery", _("Services and operations")
    CARE = "care", _("Care, welfare and education")
    FINANCE = "finance", _("Finance")
    HR = "hr", _("People and organization")
    IT = "it", _("IT and data")
    COMMUNICATION = "communication", _("Communication")
    LEGAL = "legal", _("Legal")
    RESEARCH = "research", _("Research and knowledge")
    POLITICS = "politics", _("Politics and administration")
    COMMUNITY = "community", _("Citizens and community")
    BUSINESS = "business", _("Business")
    OTHER = "other", _("Other")


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Every week")
    MONTHLY = "monthly", _("Every month")
    QUARTERLY = "quarterly", _("Every few months")
    YEARLY = "yearly", _("Once a year or less")


class Contact(models.Model):
    """Someone in the leader's own network. A name or an alias is enough."""

    owner = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("leader")
    )
    name = models.CharField(_("name or alias"), max_length=200)
    organization = models.CharField(_("organization"), max_length=200, blank=True)
    internal = models.BooleanField(
        _("in my own organization"),
        default=False,
    )
    level = models.CharField(_("position relative to me"), max_length=10, choices=Level.choices)
    function_area = models.CharField(
        _("function area"), max_length=20, choices=FunctionArea.choices, blank=True
    )
    kind = models.CharField(_("network"), max_length=12, choices=NetworkKind.choices)
    strength = models.PositiveSmallIntegerField(
        _("strength of the tie"),
        default=3,
        validators=SCORE_VALIDATORS,
        help_text=_("1 = we hardly know each other, 5 = we trust each other fully."),
    )
    last_contact = models.DateField(_("last contact"), null=True, blank=True)
    frequency = models.CharField(
        _("how often"), max_length=10, choices=Frequency.choices, blank=True
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ("kind", "name")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(strength__gte=1, strength__lte=5),
                name="contact_strength_between_1_and_5",
            ),
            models.CheckConstraint(condition=~models.Q(name=""), name="contact_has_name"),
        ]

    def __str__(self) -> str:
        return self.name


class NetworkAudit(models.Model):
    """How important each of the three networks is for the leader's goals, and how good it
    is now (1-5 each)."""

    owner = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="network_audits")
    kind = models.CharField(max_length=12, choices=NetworkKind.choices)
    importance = models.PositiveSmallIntegerField(
        _("importance for my goals"), validators=SCORE_VALIDATORS
    )
    quality = models.PositiveSmallIntegerField(_("quality now"), validators=SCORE_VALIDATORS)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "kind"], name="audit_unique_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.importance}/{self.quality}"


class NetworkSnapshot(models.Model):
    """The personal network's summary at one moment, to see it change over time."""

    owner = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="network_snapshots")
    taken_on = models.DateField(_("date"), default=timezone.localdate)
    summary = models.JSONField()

    class Meta:
        ordering = ("-taken_on", "-pk")

    def __str__(self) -> str:
        return f"{self.owner} · {self.taken_on}"


class DevelopmentProfile(models.Model):
    """A leader's choices about their own development data."""

    owner = models.OneToOneField(
        Person, on_delete=models.CASCADE, related_name="development_profile"
    )
    report_shared = models.BooleanField(
        _("share my development report with the workspace's facilitators"),
        default=False,
        help_text=_(
            "They then see your self-assessments, the combined feedback and your plan. "
            "Never your journal, your personal network or any single observer's answers."
        ),
    )
    stale_after_days = models.PositiveSmallIntegerField(
        _("flag contacts not reached in this many days"),
        default=90,
        validators=[MinValueValidator(7), MaxValueValidator(730)],
    )

    def __str__(self) -> str:
        return str(self.owner)
