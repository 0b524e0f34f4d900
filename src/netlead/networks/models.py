"""A network of organizations: its profile, members, charter versions, results and phases."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netlead.workspaces.models import Organization, Person, Workspace


class NetworkKind(models.TextChoices):
    INTER_ORGANIZATIONAL = "inter_organizational", _("Inter-organizational network")
    CROSS_DEPARTMENTAL = "cross_departmental", _("Cross-departmental network")
    LEADER_NETWORK = "leader_network", _("Leader network")
    INNOVATION = "innovation", _("Innovation network")
    LEARNING = "learning", _("Learning network")


class Scope(models.TextChoices):
    LOCAL = "local", _("Local")
    REGIONAL = "regional", _("Regional")
    NATIONAL = "national", _("National")


class Governance(models.TextChoices):
    SHARED = "shared", _("Shared governance")
    LEAD_ORGANIZATION = "lead_organization", _("Lead organization")
    NAO = "nao", _("Network administrative organization")


class NetworkStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    CLOSED = "closed", _("Closed")


PHASE_COUNT = 7


class DecisionRule(models.TextChoices):
    """How the network decides on a charter version or minutes; evaluated by
    netlead.analysis.decisions (the values are its kinds)."""

    CONSENT = "consent", _("Consent: no objection within the period")
    MAJORITY = "majority", _("A majority of the members who decide")
    EVERYONE = "everyone", _("Everyone who decides agrees")


DECISION_DAYS_MAX = 90


class Network(models.Model):
    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="networks", verbose_name=_("workspace")
    )
    name = models.CharField(_("name"), max_length=200)
    purpose = models.TextField(
        _("purpose in one paragraph"),
        blank=True,
        help_text=_("What the partners want to achieve together that none can achieve alone."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=30,
        choices=NetworkKind.choices,
        default=NetworkKind.INTER_ORGANIZATIONAL,
    )
    scope = models.CharField(
        _("scope"), max_length=20, choices=Scope.choices, default=Scope.REGIONAL
    )
    is_open = models.BooleanField(
        _("open network"),
        default=False,
        help_text=_(
            "An open network lets new partners join as it goes; a closed one has a fixed set."
        ),
    )
    governance = models.CharField(
        _("governance form"), max_length=30, choices=Governance.choices, default=Governance.SHARED
    )
    starts_on = models.DateField(_("start"), null=True, blank=True)
    planned_end_on = models.DateField(_("planned end"), null=True, blank=True)
    sponsor = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sponsored_networks",
        verbose_name=_("sponsoring manager"),
        help_text=_(
            "Links the network to the partners' strategy, secures resources and handles the politics."
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=NetworkStatus.choices, default=NetworkStatus.ACTIVE
    )
    phase = models.PositiveSmallIntegerField(
        _("current phase"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(PHASE_COUNT)],
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    decision_rule = models.CharField(
        _("decision rule"),
        max_length=20,
        choices=DecisionRule.choices,
        default=DecisionRule.CONSENT,
        help_text=_("Applies to adopting a charter version and to approving minutes."),
    )
    decision_days = models.PositiveSmallIntegerField(
        _("period in days"),
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(DECISION_DAYS_MAX)],
        help_text=_("How long members have to respond once a question is put to them."),
    )

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.starts_on and self.planned_end_on and self.planned_end_on < self.starts_on:
            raise ValidationError(
                {"planned_end_on": _("The planned end must come after the start.")}
            )
        if self.sponsor_id and self.sponsor.workspace_id != self.workspace_id:
            raise ValidationError({"sponsor": _("Choose a person of this workspace.")})


class NetworkRole(models.TextChoices):
    LEADER = "leader", _("Network leader")
    CO_DRIVER = "co_driver", _("Co-driver")
    CORE = "core", _("Core member")
    MEMBER = "member", _("Member")
    ASSOCIATE = "associate", _("Associate (reads, does not decide)")
    STAKEHOLDER = "stakeholder", _("Stakeholder")


# Who may do what (see docs/architecture.md): editors change everything of the network,
# contributors propose and edit their own items, readers only read.
EDITORS = (NetworkRole.LEADER, NetworkRole.CO_DRIVER)
CONTRIBUTORS = (*EDITORS, NetworkRole.CORE, NetworkRole.MEMBER)


class NetworkMemberQuerySet(models.QuerySet["NetworkMember"]):
    def current(self) -> NetworkMemberQuerySet:
        return self.filter(left_on__isnull=True)

    def on(self, day: date) -> NetworkMemberQuerySet:
        """The memberships that held on `day`: joined by then and not left before it (a
        member who left that day still counts: leaving is recorded as the last day)."""
        return self.filter(joined_on__lte=day).filter(
            models.Q(left_on__isnull=True) | models.Q(left_on__gte=day)
        )


class NetworkMember(models.Model):
    """A person's membership of a network. Leaving sets `left_on`; rejoining adds a new row,
    so the history is kept."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="members", verbose_name=_("network")
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="network_memberships",
        verbose_name=_("person"),
    )
    role = models.CharField(
        _("role"), max_length=20, choices=NetworkRole.choices, default=NetworkRole.MEMBER
    )
    joined_on = models.DateField(_("joined"), default=timezone.localdate)
    left_on = models.DateField(_("left"), null=True, blank=True)

    objects = NetworkMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("network member")
        verbose_name_plural = _("network members")
        ordering = ("person__name",)
        constraints = [
            models.UniqueConstraint(
                fields=["network", "person"],
                condition=models.Q(left_on__isnull=True),
                name="network_member_once_at_a_time",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.get_role_display()}"

    @property
    def is_editor(self) -> bool:
        return self.role in EDITORS

    @property
    def is_contributor(self) -> bool:
        return self.role in CONTRIBUTORS


class CharterStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    AGREED = "agreed", _("Agreed")
    SUPERSEDED = "superseded", _("Superseded")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class CharterVersion(models.Model):
    """One version of the network's charter. Proposed versions collect agreement or objections;
    the leader adopts a version once nobody objects, and agreed versions are kept."""

    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        related_name="charter_versions",
        verbose_name=_("network"),
    )
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=20, choices=CharterStatus.choices, default=CharterStatus.PROPOSED
    )
    necessity = models.TextField(
        _("shared necessity"), help_text=_("Why no partner can do this alone.")
    )
    shared_interest = models.TextField(
        _("jointly formulated interest"),
        help_text=_("The interest of the whole network, in the partners' own words."),
    )
    values = models.TextField(_("values"), blank=True)
    rules = models.TextField(_("rules of the game"), blank=True)
    decision_rules = models.TextField(_("how we decide"), blank=True)
    change_note = models.CharField(_("what changes in this version"), max_length=300, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    proposed_at = models.DateTimeField(_("proposed"), default=timezone.now)
    agreed_at = models.DateTimeField(_("agreed"), null=True, blank=True)
    # What the adoption was decided under, kept as it was then: the network's rule may change.
    adopted_rule = models.CharField(
        _("decision rule applied"), max_length=20, choices=DecisionRule.choices, blank=True
    )
    adopted_rule_days = models.PositiveSmallIntegerField(_("period applied"), null=True, blank=True)
    adopted_rule_met = models.BooleanField(_("decision rule met"), null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("adopted by"),
    )

    class Meta:
        verbose_name = _("charter version")
        verbose_name_plural = _("charter versions")
        ordering = ("-number",)
        constraints = [
            models.UniqueConstraint(
                fields=["network", "number"], name="charter_version_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.network} · v{self.number}"


class CharterMandate(models.Model):
    """How the network is anchored in one partner organization, as written in one version."""

    version = models.ForeignKey(
        CharterVersion,
        on_delete=models.CASCADE,
        related_name="mandates",
        verbose_name=_("charter version"),
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="+", verbose_name=_("organization")
    )
    mandate = models.TextField(_("mandate"))

    class Meta:
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        ordering = ("organization__name",)
        constraints = [
            models.UniqueConstraint(fields=["version", "organization"], name="charter_mandate_once")
        ]

    def __str__(self) -> str:
        return f"{self.organization} · v{self.version.number}"


class CharterResponse(models.Model):
    version = models.ForeignKey(
        CharterVersion,
        on_delete=models.CASCADE,
        related_name="responses",
        verbose_name=_("charter version"),
    )
    member = models.ForeignKey(
        NetworkMember,
        on_delete=models.CASCADE,
        related_name="charter_responses",
        verbose_name=_("member"),
    )
    agrees = models.BooleanField(_("agrees"))
    objection = models.TextField(_("objection"), blank=True)
    responded_at = models.DateTimeField(_("responded"), default=timezone.now)

    class Meta:
        verbose_name = _("charter response")
        verbose_name_plural = _("charter responses")
        constraints = [
            models.UniqueConstraint(fields=["version", "member"], name="charter_response_once")
        ]

    def __str__(self) -> str:
        return f"{self.member} · v{self.version.number}"


class ResultStatus(models.TextChoices):
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    ACHIEVED = "achieved", _("Achieved")
    DROPPED = "dropped", _("Dropped")


class Result(models.Model):
    """A result the partners named together, with an indicator measured over time."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="results", verbose_name=_("network")
    )
    title = models.CharField(_("result"), max_length=200)
    indicator = models.CharField(_("indicator"), max_length=300)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    owner_organization = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner organization"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ResultStatus.choices, default=ResultStatus.ON_TRACK
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")
        ordering = ("deadline", "title")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if (
            self.owner_organization_id
            and self.owner_organization.workspace_id != self.network.workspace_id
        ):
            raise ValidationError(
                {"owner_organization": _("Choose an organization of this workspace.")}
            )


class Measurement(models.Model):
    result = models.ForeignKey(
        Result, on_delete=models.CASCADE, related_name="measurements", verbose_name=_("result")
    )
    measured_on = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ("measured_on", "pk")

    def __str__(self) -> str:
        return f"{self.result} · {self.measured_on}: {self.value}"


class PhaseCheck(models.Model):
    """A checklist item of a phase that the network has done."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="phase_checks")
    phase = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(PHASE_COUNT)]
    )
    item = models.CharField(max_length=60)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    done_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("phase checklist item done")
        verbose_name_plural = _("phase checklist items done")
        constraints = [
            models.UniqueConstraint(fields=["network", "phase", "item"], name="phase_check_once")
        ]

    def __str__(self) -> str:
        return f"{self.network} · {self.phase}.{self.item}"


class GovernanceChange(models.Model):
    """The record of a change of the network's governance form: when, from what, to what, and
    who changed it (for the accountability report's history)."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="governance_changes"
    )
    from_form = models.CharField(_("from"), max_length=30, choices=Governance.choices)
    to_form = models.CharField(_("to"), max_length=30, choices=Governance.choices)
    changed_on = models.DateField(_("changed on"), default=timezone.localdate)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("changed by"),
    )

    class Meta:
        verbose_name = _("governance change")
        verbose_name_plural = _("governance changes")
        ordering = ("-changed_on", "-pk")

    def __str__(self) -> str:
        return f"{self.network}: {self.from_form} → {self.to_form}"


class PhaseTransition(models.Model):
    """The record of a move from one phase to another: when, and who decided."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="phase_transitions")
    from_phase = models.PositiveSmallIntegerField(_("from phase"))
    to_phase = models.PositiveSmallIntegerField(_("to phase"))
    decided_on = models.DateField(_("decided on"), default=timezone.localdate)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("phase transition")
        verbose_name_plural = _("phase transitions")
        ordering = ("-decided_on", "-pk")

    def __str__(self) -> str:
        return f"{self.network}: {self.from_phase} → {self.to_phase}"
