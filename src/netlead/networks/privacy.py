"""The networks app's part of the privacy rights (see netlead.privacy.parts). An erased person
leaves their networks as a former member (the record stays, so who took part in a meeting or
owns an action still adds up); their charter responses keep the agreement without its text."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netlead.accounts.models import User
from netlead.networks.models import (
    CharterResponse,
    CharterVersion,
    Measurement,
    Network,
    NetworkMember,
    PhaseCheck,
    PhaseTransition,
)
from netlead.privacy.parts import Line, Table, count_line, table
from netlead.workspaces.models import Person


def data_of(user: User, persons: Sequence[Person]) -> list[Table]:
    return [
        table(
            "networks_memberships",
            gettext_lazy("The networks you are or were a member of, and your role."),
            NetworkMember.objects.filter(person__in=persons),
            ["network__workspace__name", "network__name", "role", "joined_on", "left_on"],
        ),
        table(
            "networks_charter_responses",
            gettext_lazy("Your responses to proposed charter versions."),
            CharterResponse.objects.filter(member__person__in=persons),
            ["version__network__name", "version__number", "agrees", "objection", "responded_at"],
        ),
        table(
            "networks_charter_versions",
            gettext_lazy("Charter versions you proposed."),
            CharterVersion.objects.filter(proposed_by=user),
            ["network__name", "number", "status", "change_note", "proposed_at"],
        ),
        table(
            "networks_measurements",
            gettext_lazy("Measurements of results you recorded."),
            Measurement.objects.filter(recorded_by=user),
            ["result__network__name", "result__title", "measured_on", "value", "note"],
        ),
    ]


def erasure_of(person: Person) -> list[Line]:
    return [
        count_line(
            _("Network memberships, kept as a former member"),
            NetworkMember.objects.filter(person=person),
            kept=True,
        ),
        count_line(
            _("Charter responses, kept without the text of an objection"),
            CharterResponse.objects.filter(member__person=person),
            kept=True,
        ),
    ]


def erase(person: Person) -> None:
    CharterResponse.objects.filter(member__person=person).update(objection="")
    NetworkMember.objects.filter(person=person, left_on__isnull=True).update(
        left_on=timezone.localdate()
    )
    Network.objects.filter(sponsor=person).update(sponsor=None)
    if person.user_id:
        # Who proposed, recorded or decided what in this workspace no longer names them.
        in_workspace = {
            "network__workspace_id": person.workspace_id,
            "proposed_by_id": person.user_id,
        }
        CharterVersion.objects.filter(**in_workspace).update(proposed_by=None)
        Measurement.objects.filter(
            result__network__workspace_id=person.workspace_id, recorded_by_id=person.user_id
        ).update(recorded_by=None)
        PhaseCheck.objects.filter(
            network__workspace_id=person.workspace_id, done_by_id=person.user_id
        ).update(done_by=None)
        PhaseTransition.objects.filter(
            network__workspace_id=person.workspace_id, decided_by_id=person.user_id
        ).update(decided_by=None)
