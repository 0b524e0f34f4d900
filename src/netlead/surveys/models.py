"""Survey rounds, invitations and answers.

Answers are personal data of the most sensitive kind in netlead. No page, export or API shows
one person's answers to anyone; only the stored, k-suppressed diagnosis of a closed round is
shown. Health-check responses are not linked to an invitation: they are found again only by a
key derived from the respondent's secret token, which the database does not hold.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netlead.core.scales import SCORE, TIE, Scale
from netlead.core.validators import on_scale, on_scale_check
from netlead.frameworks.instruments import HEALTH_CHECK, RELATIONSHIP_SURVEY
from netlead.networks.models import Network, NetworkMember

#: The seven questions asked about every tie (keys of relationship_survey.toml).
TIE_QUESTIONS = (
    "frequency",
    "reliability",
    "mission",
    "openness",
    "influence",
    "involvement",
    "resources",
)


#: Link purposes (netlead.core.tokens): a survey link opens nothing else, and a health
#: response's key is a different hash from its invitation's.
SURVEY_LINK_PURPOSE = "netlead.surveys.invitation"
HEALTH_RESPONSE_PURPOSE = "health-response"


class Instrument(models.TextChoices):
    RELATIONSHIPS = RELATIONSHIP_SURVEY, _("Relationships and trust")
    HEALTH = HEALTH_CHECK, _("Network health check")


class RoundStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class DiagnosisStatus(models.TextChoices):
    NONE = "", _("Not computed")
    PENDING = "pending", _("Being computed")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class SurveyRound(models.Model):
    """One run of an instrument for a network: drafted, opened (invitations go out), closed
    (unsubmitted drafts are deleted and the diagnosis is computed and stored)."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="survey_rounds", verbose_name=_("network")
    )
    instrument = models.CharField(_("survey"), max_length=30, choices=Instrument.choices)
    title = models.CharField(_("title"), max_length=200)
    opens_on = models.DateField(_("opens on"), null=True, blank=True)
    closes_on = models.DateField(_("closes on"))
    status = models.CharField(
        _("status"), max_length=10, choices=RoundStatus.choices, default=RoundStatus.DRAFT
    )
    anonymous = models.BooleanField(
        _("anonymous response tracking"),
        default=True,
        help_text=_(
            "Response tracking then shows only how many answered, never who has not. "
            "This cannot be switched off once the first answer exists."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    previous = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("compared with"),
    )
    diagnosis_status = models.CharField(
        max_length=10, choices=DiagnosisStatus.choices, default=DiagnosisStatus.NONE, blank=True
    )
    #: The stored diagnosis (relationships: netlead.analysis.to_dict plus map edges; health:
    #: the scored summary). Member ids are network-member ids; names are added when shown.
    diagnosis = models.JSONField(null=True, blank=True, editable=False)
    computed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("survey round")
        verbose_name_plural = _("survey rounds")
        ordering = ("-created_at",)
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opens_on__isnull=True)
                | models.Q(closes_on__gte=models.F("opens_on")),
                name="survey_round_closes_after_opening",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_relationships(self) -> bool:
        return self.instrument == Instrument.RELATIONSHIPS

    @property
    def is_health(self) -> bool:
        return self.instrument == Instrument.HEALTH

    @property
    def accepts_answers(self) -> bool:
        return self.status == RoundStatus.OPEN and timezone.localdate() <= self.closes_on

    @property
    def has_results(self) -> bool:
        return self.status == RoundStatus.CLOSED and self.diagnosis_status == DiagnosisStatus.READY


class SurveyInvitation(models.Model):
    """A member's personal link to a round. The token is derived from `salt` and the server's
    secret key, so reminders can repeat the link; the database holds only its hash."""

    round = models.ForeignKey(
        SurveyRound, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("round")
    )
    member = models.ForeignKey(
        NetworkMember,
        on_delete=models.CASCADE,
        related_name="survey_invitations",
        verbose_name=_("member"),
    )
    salt = models.CharField(max_length=32, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    not_named = models.BooleanField(_("not named on the map"), default=False)

    class Meta:
        verbose_name = _("survey invitation")
        verbose_name_plural = _("survey invitations")
        constraints = [
            models.UniqueConstraint(fields=["round", "member"], name="survey_invitation_once")
        ]

    def __str__(self) -> str:
        return f"{self.round} · {self.member.person}"

    @property
    def accepts_answers(self) -> bool:
        return self.round.accepts_answers

    @property
    def has_answered(self) -> bool:
        return self.submitted_at is not None


def _rating(label: str, scale: Scale) -> models.PositiveSmallIntegerField:  # type: ignore[type-arg]
    return models.PositiveSmallIntegerField(
        label, null=True, blank=True, validators=on_scale(scale)
    )


class TieAnswer(models.Model):
    """One respondent's answers about one other member: a tie of the relationship survey."""

    round = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="tie_answers")
    respondent = models.ForeignKey(NetworkMember, on_delete=models.CASCADE, related_name="+")
    target = models.ForeignKey(NetworkMember, on_delete=models.CASCADE, related_name="+")
    frequency = _rating(_("frequency"), TIE)
    reliability = _rating(_("reliability"), TIE)
    mission = _rating(_("support of the mission"), TIE)
    openness = _rating(_("openness"), TIE)
    influence = _rating(_("influence"), TIE)
    involvement = _rating(_("involvement"), TIE)
    resources = _rating(_("resources"), TIE)
    from_previous_round = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["round", "respondent", "target"], name="tie_answer_once_per_pair"
            ),
            models.CheckConstraint(
                condition=~models.Q(respondent=models.F("target")), name="tie_answer_not_self"
            ),
            *(
                models.CheckConstraint(
                    condition=models.Q(**{f"{name}__isnull": True})
                    | models.Q(**{f"{name}__gte": 1, f"{name}__lte": 4}),
                    name=f"tie_answer_{name}_1_to_4",
                )
                for name in TIE_QUESTIONS
            ),
        ]

    def __str__(self) -> str:
        return f"tie answer {self.pk}"  # never names: the str must not reveal who named whom


class HealthResponse(models.Model):
    """An anonymous health-check response. `key_hash` is derived from the respondent's token,
    which is never stored, so the response cannot be traced back to an invitation. Its key is
    random, it holds no time (only whether it was submitted), and closing the round writes the
    round's responses again in a random order (netlead.core.unlinkable), so neither key, row
    order nor time pairs it with an invitation's `started_at` or `submitted_at`."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(
        SurveyRound, on_delete=models.CASCADE, related_name="health_responses"
    )
    key_hash = models.CharField(max_length=64, unique=True)
    # Kept for the breakdown per organization and layer, shown only for groups of k or more.
    organization = models.CharField(max_length=200, blank=True)
    layer = models.CharField(max_length=20, blank=True)
    submitted = models.BooleanField(default=False)

    class Meta:
        # A new table name: the tables keyed by sequential ids were replaced (migration
        # 0003), and their index names stay taken until the old tables are gone.
        db_table = "surveys_health_response"

    def __str__(self) -> str:
        return f"health response {self.pk}"


class HealthAnswer(models.Model):
    """One statement of one health-check response; one row each, so saves never collide. A
    random key, like its response: sequential ids would tell the order people answered in."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(HealthResponse, on_delete=models.CASCADE, related_name="answers")
    item = models.CharField(max_length=40)
    value = models.PositiveSmallIntegerField(validators=on_scale(SCORE))

    class Meta:
        db_table = "surveys_health_answer"
        constraints = [
            models.UniqueConstraint(fields=["response", "item"], name="health_answer_once"),
            models.CheckConstraint(
                condition=on_scale_check("value", SCORE), name="health_answer_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"health answer {self.pk}"


class Introduction(models.Model):
    """A weaving suggestion of a closed round that the leader marked as introduced, so that
    later rounds show whether the two members are now tied. The pair is kept as the round's
    member keys (person ids, the smaller first), as its stored suggestions name them."""

    round = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="introductions")
    first = models.CharField(max_length=40)
    second = models.CharField(max_length=40)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    marked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["round", "first", "second"], name="introduction_once_per_pair"
            ),
        ]

    def __str__(self) -> str:
        return f"introduction {self.pk}"
