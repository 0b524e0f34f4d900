"""The tenant (workspace), who may use it (memberships, invitations) and whom it is about
(organizations and persons; a person needs no account)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netlead.core.scales import K_DEFAULT, K_MAX, K_MIN

if TYPE_CHECKING:
    from netlead.accounts.models import User


class Role(models.TextChoices):
    OWNER = "owner", _("Owner")
    FACILITATOR = "facilitator", _("Facilitator")
    MEMBER = "member", _("Member")


class Layer(models.TextChoices):
    STRATEGIC = "strategic", _("Strategic")
    TACTICAL = "tactical", _("Tactical")
    OPERATIONAL = "operational", _("Operational")


class OrganizationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    AGENCY = "agency", _("Government agency")
    CARE_PROVIDER = "care_provider", _("Care provider")
    SCHOOL = "school", _("School")
    COMPANY = "company", _("Company")
    NON_PROFIT = "non_profit", _("Non-profit")
    OTHER = "other", _("Other")


class Workspace(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    default_language = models.CharField(
        _("default language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    anonymity_threshold = models.PositiveSmallIntegerField(
        _("anonymity threshold (k)"),
        default=K_DEFAULT,
        validators=[MinValueValidator(K_MIN), MaxValueValidator(K_MAX)],
        help_text=_("Aggregates are shown only when at least this many people answered."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("workspace")
        verbose_name_plural = _("workspaces")
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name


class MembershipQuerySet(models.QuerySet["Membership"]):
    def for_user(self, user: User) -> MembershipQuerySet:
        return self.filter(user=user).select_related("workspace")


class Membership(models.Model):
    """A user's role in one workspace."""

    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("workspace")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(_("since"), default=timezone.now)

    objects: ClassVar[MembershipQuerySet] = MembershipQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("workspace membership")
        verbose_name_plural = _("workspace memberships")
        constraints = [
            models.UniqueConstraint(fields=["workspace", "user"], name="membership_unique_user")
        ]
        ordering = ("workspace", "user__email")

    def __str__(self) -> str:
        return f"{self.user} · {self.workspace} · {self.get_role_display()}"


class Organization(models.Model):
    workspace = models.ForeignKey(
        Workspace,
        on_delete=models.CASCADE,
        related_name="organizations",
        verbose_name=_("workspace"),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=20, choices=OrganizationKind.choices, default=OrganizationKind.OTHER
    )

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ("name",)
        constraints = [
            models.UniqueConstraint(
                "workspace", Lower("name"), name="organization_unique_name_per_workspace"
            )
        ]

    def __str__(self) -> str:
        return self.name


class PersonManager(models.Manager["Person"]):
    """Persons who were not erased: an erased person stays only as an empty record that keeps
    the counts and aggregates they were part of (see netlead.privacy), reached through the
    records that point to it, never in a list or a choice."""

    def get_queryset(self) -> models.QuerySet[Person]:
        return super().get_queryset().filter(erased_at__isnull=True)


class Person(models.Model):
    """Someone the workspace works with. Needs no account: surveys reach persons by e-mail."""

    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="persons", verbose_name=_("workspace")
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"), blank=True)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="persons",
        verbose_name=_("organization"),
    )
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    layer = models.CharField(_("layer"), max_length=20, choices=Layer.choices, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="persons",
        verbose_name=_("user account"),
    )
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True, editable=False)

    objects: ClassVar[PersonManager] = PersonManager()
    #: Every person, the erased ones included.
    everyone: ClassVar[models.Manager[Person]] = models.Manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        ordering = ("name",)
        constraints = [
            models.UniqueConstraint(
                "workspace",
                Lower("email"),
                condition=~models.Q(email=""),
                name="person_unique_email_per_workspace",
            ),
            models.UniqueConstraint(
                fields=["workspace", "user"],
                condition=models.Q(user__isnull=False),
                name="person_unique_user_per_workspace",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.organization_id and self.organization.workspace_id != self.workspace_id:
            raise ValidationError({"organization": _("Choose an organization of this workspace.")})


#: Keeps workspace invitation links apart from other links derived from a salt.
INVITATION_PURPOSE = "workspace-invitation"


class Invitation(models.Model):
    """An e-mail link that lets someone join a workspace. Only a hash of the token is stored."""

    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("workspace")
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The link's token is derived from this salt and the server's secret (core.tokens.token_for),
    # so the mail task gets the invitation's id and builds the link itself: no token is ever
    # kept in a task's arguments. Empty on invitations made before.
    salt = models.CharField(max_length=32, blank=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    mailed_at = models.DateTimeField(null=True, blank=True, editable=False)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"{self.email} → {self.workspace}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class AuditEvent(models.Model):
    """Who viewed or exported a sensitive page, and when (DESIGN.md privacy rules)."""

    workspace = models.ForeignKey(
        Workspace,
        on_delete=models.CASCADE,
        related_name="audit_events",
        verbose_name=_("workspace"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("user"),
    )
    action = models.CharField(_("action"), max_length=40)
    target = models.CharField(_("what"), max_length=200)
    path = models.CharField(_("address"), max_length=500)
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ("-at",)

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user} {self.action} {self.target}"
