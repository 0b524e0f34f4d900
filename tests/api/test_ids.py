"""Ids too large for a database key are bad input with a clear message, never a server error
(SQLite cannot even compare them)."""

from __future__ import annotations

import pytest

from netlead.networks.models import NetworkMember
from tests.api.fixtures_apps import ApiFactory, api, fields
from tests.meetings.conftest import Net, net

__all__ = ["api", "net"]

TOO_LARGE = 2**64


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/networks/{big}", "network_id"),
        ("/networks/{big}/meetings", "network_id"),
        ("/networks/{network}/actions/{big}", "pk"),
        ("/networks/0/members", "network_id"),
    ],
)
def test_an_id_out_of_range_is_a_clear_422(
    api: ApiFactory, net: Net, path: str, field: str
) -> None:
    client = api(net.world.owner, net.world.workspace)
    response = client.get(path.format(big=TOO_LARGE, network=net.network.pk))
    assert response.status_code == 422
    assert field in fields(response.json())


def test_a_body_id_out_of_range_adds_no_member(api: ApiFactory, net: Net) -> None:
    client = api(net.world.owner, net.world.workspace, write=True)
    before = NetworkMember.objects.count()
    response = client.post(f"/networks/{net.network.pk}/members", {"person_id": TOO_LARGE})
    assert response.status_code == 422
    assert "person_id" in fields(response.json())
    assert NetworkMember.objects.count() == before


@pytest.mark.parametrize("number", [2**63, 2**64, 10**19 - 1, 10**30])
def test_a_page_id_too_large_for_the_database_is_not_found(net: Net, number: int) -> None:
    client = net.world.client_for(net.world.owner)
    for path in (
        f"/w/{net.slug}/networks/{number}/",
        f"/w/{net.slug}/networks/{net.network.pk}/meetings/{number}/",
        f"/w/{net.slug}/networks/{net.network.pk}/members/{number}/",
    ):
        assert client.get(path).status_code == 404, path


def test_a_page_id_in_range_still_finds_the_page(net: Net) -> None:
    client = net.world.client_for(net.world.owner)
    assert client.get(f"/w/{net.slug}/networks/{net.network.pk}/").status_code == 200
    assert client.get(f"/w/{net.slug}/networks/{2**63 - 1}/").status_code == 404
