"""What the networks app tells people by e-mail (through `netlead.notifications`)."""

from __future__ import annotations

from django.urls import reverse

from netlead.accounts.models import User
from netlead.networks.models import CONTRIBUTORS, CharterVersion, Network
from netlead.notifications.events import emit


def _charter_path(network: Network) -> str:
    return reverse("networks:charter", args=[network.workspace.slug, network.pk])


def charter_proposed(version: CharterVersion, *, actor: User | None = None) -> int:
    """To the members who respond to a charter version (the contributors), the proposer aside."""
    network = version.network
    proposer = version.proposed_by
    return emit(
        kind="charter_proposed",
        event=f"charter_proposed:{version.pk}",
        user_ids=network.members.current()
        .filter(role__in=CONTRIBUTORS)
        .values_list("person__user_id", flat=True),
        path=_charter_path(network),
        params={
            "network": network.name,
            "number": version.number,
            "proposer": str(proposer) if proposer else network.name,
        },
        workspace=network.workspace,
        actor=actor,
    )


def charter_adopted(version: CharterVersion, *, actor: User | None = None) -> int:
    """To every current member: the charter they work under changed."""
    network = version.network
    return emit(
        kind="charter_adopted",
        event=f"charter_adopted:{version.pk}",
        user_ids=network.members.current().values_list("person__user_id", flat=True),
        path=_charter_path(network),
        params={"network": network.name, "number": version.number},
        workspace=network.workspace,
        actor=actor,
    )
