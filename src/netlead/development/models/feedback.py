"""Observer feedback: a leader's request, the observers' personal links, and their answers.

Observer responses are not linked to their invitation: they are found again only by a key
derived from the observer's secret token, which the database does not hold. Nor can they be
paired with one by time or order: an invitation records only whether its observer answered,
a response has a random key and no time, and each new answer writes the request's responses
again in a random order (netlead.core.unlinkable).
"""

from __future__ import annotations

import uuid
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netlead.core.scales import SCORE
from netlead.development.models.assessments import SelfAssessment
from netlead.workspaces.models import Person

#: Link purposes (netlead.core.tokens): observer links are derived with their own purpose, so a
#: survey token never opens one; a response's key is a different hash from its invitation's.
OBSERVER_LINK_PURPOSE = "netlead.development.observer"
OBSERVER_RESPONSE_PURPOSE = "observer-response"


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
    def closed_on(self) -> date | None:
        """The day answering really ended: the day the leader closed the request early, or
        the planned last day once it has passed; None while observers can still answer."""
        if self.closed_at is not None:
            return min(timezone.localdate(self.closed_at), self.closes_on)
        if timezone.localdate() > self.closes_on:
            return self.closes_on
        return None

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
    #: When the link was last sent again (a reminder, or a re-send on request).
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    #: Whether, not when: a time of answering could be matched to the responses.
    has_answered = models.BooleanField(_("answered"), default=False)

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

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    request = models.ForeignKey(FeedbackRequest, on_delete=models.CASCADE, related_name="responses")
    response_key = models.CharField(max_length=64, unique=True, editable=False)
    group = models.CharField(max_length=10, choices=ObserverGroup.choices)
    shown_alone = models.BooleanField(default=False)
    #: competence key -> 1..5
    scores = models.JSONField(default=dict)
    strengths = models.TextField(blank=True)
    development = models.TextField(blank=True)

    class Meta:
        # A new table name: the table keyed by sequential ids was replaced (migration 0004),
        # and its index names stay taken until it is gone.
        db_table = "development_observer_response"

    def __str__(self) -> str:
        return f"{self.request} · {self.get_group_display()}"

    def clean(self) -> None:
        for key, value in self.scores.items():
            if value not in SCORE:
                raise ValidationError(_("Score out of range for %(key)s.") % {"key": key})
