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
