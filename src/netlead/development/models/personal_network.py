"""The leader's personal network (Ibarra & Hunter 2007): contacts, the audit of the three
networks, and snapshots of its summary over time."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netlead.development.models.assessments import SCORE_VALIDATORS
from netlead.workspaces.models import Person


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
