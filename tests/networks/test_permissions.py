"""Who reaches which network page: members by role; anyone outside the network gets 404."""

from __future__ import annotations

import pytest
from django.urls import reverse

from netlead.networks.models import CharterStatus, CharterVersion, Result
from tests.networks.conftest import Net

READ, CONTRIBUTE, EDIT = "read", "contribute", "edit"
# url name, object it needs, the lowest right it needs
PAGES = [
    ("networks:dashboard", None, READ),
    ("networks:members", None, READ),
    ("networks:charter", None, READ),
    ("networks:results", None, READ),
    ("networks:result", "result", READ),
    ("networks:phase", None, READ),
    ("networks:charter_compare", None, READ),
    ("networks:charter_propose", None, CONTRIBUTE),
    ("networks:decision_rule", None, EDIT),
    ("networks:charter_adopt", "proposal", EDIT),
    ("networks:member_leave", "member", EDIT),
    ("networks:member_edit", "member", EDIT),
    ("networks:profile", None, EDIT),
    ("networks:members_import", None, EDIT),
    ("networks:result_create", None, EDIT),
    ("networks:result_edit", "result", EDIT),
]
POSTS = [
    ("networks:member_edit", "member", EDIT),
    ("networks:member_leave", "member", EDIT),
    ("networks:members_import_confirm", None, EDIT),
    ("networks:charter_adopt", "proposal", EDIT),
    ("networks:phase_check", None, EDIT),
    ("networks:phase_move", None, EDIT),
    ("networks:decision_rule", None, EDIT),
    ("networks:charter_respond", "proposal", CONTRIBUTE),
]
RIGHTS = {"leader": {READ, CONTRIBUTE, EDIT}, "member": {READ, CONTRIBUTE}, "associate": {READ}}


def _url(net: Net, name: str, needs: str | None) -> str:
    args: list[object] = [net.slug, net.network.pk]
    if needs == "result":
        args.append(
            Result.objects.get_or_create(
                network=net.network, title="R", indicator="i", baseline=0, target=1
            )[0].pk
        )
    elif needs == "member":
        args.append(net.member.pk)
    elif needs == "proposal":
        args.append(
            CharterVersion.objects.get_or_create(
                network=net.network,
                number=1,
                defaults={
                    "necessity": "n",
                    "shared_interest": "s",
                    "status": CharterStatus.PROPOSED,
                },
            )[0].pk
        )
    return reverse(name, args=args)


def _user(net: Net, who: str):  # type: ignore[no-untyped-def]
    return {"leader": net.world.owner, "member": net.world.member, "associate": net.associate_user}[
        who
    ]


@pytest.mark.parametrize(("name", "needs", "right"), PAGES)
@pytest.mark.parametrize("who", ["leader", "member", "associate"])
def test_pages_by_network_role(
    net: Net, name: str, needs: str | None, right: str, who: str
) -> None:
    response = net.world.client_for(_user(net, who)).get(_url(net, name, needs))
    assert response.status_code == (200 if right in RIGHTS[who] else 403)


REFUSED_POSTS = [
    (name, needs, who)
    for name, needs, right in POSTS
    for who in ("member", "associate")
    if right not in RIGHTS[who]
]


@pytest.mark.parametrize(("name", "needs", "who"), REFUSED_POSTS)
def test_writes_below_role_are_refused_and_change_nothing(
    net: Net, name: str, needs: str | None, who: str
) -> None:
    url = _url(net, name, needs)
    response = net.world.client_for(_user(net, who)).post(
        url, {"role": "leader", "left_on": "2030-01-01", "to_phase": 3, "agrees": "yes"}
    )
    assert response.status_code == 403
    net.network.refresh_from_db()
    assert net.network.phase == 2
    assert net.network.members.current().count() == 3
    assert not net.network.charter_versions.filter(responses__isnull=False).exists()


@pytest.mark.parametrize(("name", "needs", "right"), PAGES + POSTS)
@pytest.mark.parametrize("who", ["facilitator", "outsider"])
def test_everyone_outside_the_network_gets_404(
    net: Net, name: str, needs: str | None, right: str, who: str
) -> None:
    # The workspace facilitator is in the workspace but not in the network: it does not exist for her.
    client = net.world.client_for(getattr(net.world, who))
    url = _url(net, name, needs)
    if (name, needs, right) in PAGES:
        assert client.get(url).status_code == 404
    assert client.post(url, {"to_phase": 3}).status_code == 404
    net.network.refresh_from_db()
    assert net.network.phase == 2


def test_former_member_loses_access(net: Net) -> None:
    from datetime import date

    net.member.left_on = date.today()
    net.member.save()
    response = net.world.client_for(net.world.member).get(
        reverse("networks:dashboard", args=[net.slug, net.network.pk])
    )
    assert response.status_code == 404


def test_network_list_shows_only_own_networks(net: Net) -> None:
    from netlead.networks.models import Network

    Network.objects.create(workspace=net.world.workspace, name="Secret network")
    response = net.world.client_for(net.world.member).get(reverse("networks:list", args=[net.slug]))
    assert "Youth care network" in response.text
    assert "Secret network" not in response.text
    assert (
        net.world.client_for(net.world.outsider)
        .get(reverse("networks:list", args=[net.slug]))
        .status_code
        == 404
    )


def test_access_brings_the_network_with_its_workspace(net: Net, django_assert_num_queries) -> None:
    from netlead.networks.access import network_for

    # The membership, then the network member with the network, person and organization.
    with django_assert_num_queries(2):
        access = network_for(net.world.member, net.slug, net.network.pk)
    # Pages read the network's workspace (its k, its slug): no query more.
    with django_assert_num_queries(0):
        assert access.network.workspace.slug == net.slug
        assert (
            access.network.workspace.anonymity_threshold == net.world.workspace.anonymity_threshold
        )
