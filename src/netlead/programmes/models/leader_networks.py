"""A leader network: a fixed, self-governing group of leaders who meet regularly with a defined
purpose. It is a `Network` of kind "leader network" (so members, meetings, agendas, attendance
and actions are the meetings app's), plus the profile, agreement and check below."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netlead.core.scales import SCORE
from netlead.core.validators import on_scale, on_scale_check
from netlead.meetings.models import Meeting
from netlead.networks.models import Network, NetworkMember

#: Size guidance for a confidential group doing case work and sparring.
CONFIDENTIAL_SIZE = (8, 20)

PRINCIPLE_SCORE = on_scale(SCORE)


class LeaderNetworkFocus(models.TextChoices):
    PROFESSIONAL = "professional", _("Professional: leaders of the same field")
    INTERDISCIPLINARY = "interdisciplinary", _("Interdisciplinary: leaders across fields")


class LeaderNetworkReach(models.TextChoices):
    LOCAL = "local", _("Local: within one organization or place")
    BROAD = "broad", _("Broad: across organizations or regions")


class LeaderNetworkProfile(models.Model):
    """What makes a network a leader network: its focus, anchoring, rules, values, goals and
    the confidentiality agreement every participant accepts."""

    network = models.OneToOneField(
        Network, on_delete=models.CASCADE, related_name="leader_profile", verbose_name=_("network")
    )
    focus = models.CharField(
        _("type"),
        max_length=20,
        choices=LeaderNetworkFocus.choices,
        default=LeaderNetworkFocus.INTERDISCIPLINARY,
    )
    reach = models.CharField(
        _("reach"),
        max_length=20,
        choices=LeaderNetworkReach.choices,
        default=LeaderNetworkReach.LOCAL,
    )
    is_confidential = models.BooleanField(
        _("confidential group"),
        default=True,
        help_text=_("The group works on cases and spars in confidence (best with 8 to 20 people)."),
    )
    mandate = models.TextField(
        _("anchoring and mandate"),
        blank=True,
        help_text=_(
            "Who in the organization backs the network, and what it may decide or propose."
        ),
    )
    rules = models.TextField(_("agreed rules"), blank=True, help_text=_("One rule per line."))
    values = models.TextField(_("value set"), blank=True, help_text=_("One value per line."))
    goals = models.TextField(
        _("precisely defined goals"), blank=True, help_text=_("One goal per line.")
    )
    agreement = models.TextField(
        _("confidentiality agreement"),
        blank=True,
        help_text=_(
            "What participants promise each other. Changing it asks everyone to accept again."
        ),
    )
    agreement_version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("leader network profile")
        verbose_name_plural = _("leader network profiles")

    def __str__(self) -> str:
        return str(self.network)


class AgreementAcceptance(models.Model):
    """A participant accepted one version of the confidentiality agreement and said what they
    commit to bring."""

    profile = models.ForeignKey(
        LeaderNetworkProfile, on_delete=models.CASCADE, related_name="acceptances"
    )
    member = models.ForeignKey(NetworkMember, on_delete=models.CASCADE, related_name="+")
    version = models.PositiveIntegerField()
    commitment = models.TextField(_("what I commit to"), blank=True)
    accepted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("acceptance of the agreement")
        verbose_name_plural = _("acceptances of the agreement")
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "member", "version"], name="agreement_accepted_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member} · v{self.version}"


class MeetingRoles(models.Model):
    """Who chairs a leader network's meeting and whose case the group consults on. Both rotate."""

    meeting = models.OneToOneField(
        Meeting, on_delete=models.CASCADE, related_name="leader_roles", verbose_name=_("meeting")
    )
    chair = models.ForeignKey(
        NetworkMember,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("chair"),
    )
    case_owner = models.ForeignKey(
        NetworkMember,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("case owner"),
    )

    class Meta:
        verbose_name = _("meeting roles")
        verbose_name_plural = _("meeting roles")

    def __str__(self) -> str:
        return str(self.meeting)


class PrinciplesCheckReceipt(models.Model):
    """That a member answered the four-principles check of a meeting (so nobody answers
    twice). It holds no answer: the answer is a separate row with no link back."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    member = models.ForeignKey(NetworkMember, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="principles_check_once")
        ]

    def __str__(self) -> str:
        return f"{self.member} · {self.meeting}"


class PrinciplesCheckResponse(models.Model):
    """One anonymous answer to the four-principles check after a meeting: no member, no time
    stamp and a random key, so no page, export or key links it to a receipt; and each new
    answer writes the meeting's answers again in a random order (netlead.core.unlinkable), so
    the order of the rows says nothing either (docs/privacy.md)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    free_space = models.PositiveSmallIntegerField(_("free space"), validators=PRINCIPLE_SCORE)
    flexibility = models.PositiveSmallIntegerField(_("flexibility"), validators=PRINCIPLE_SCORE)
    commitment = models.PositiveSmallIntegerField(_("commitment"), validators=PRINCIPLE_SCORE)
    feedback = models.PositiveSmallIntegerField(_("feedback"), validators=PRINCIPLE_SCORE)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=on_scale_check("free_space", SCORE)
                & on_scale_check("flexibility", SCORE)
                & on_scale_check("commitment", SCORE)
                & on_scale_check("feedback", SCORE),
                name="principles_scores_between_1_and_5",
            )
        ]

    def __str__(self) -> str:
        return f"{self.meeting}"
