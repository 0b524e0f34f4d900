"""The interactive personal network map: what its data island holds, and who may see it."""

from __future__ import annotations

import json
import math
import re

import pytest

from netlead.analysis import personal
from tests.development.conftest import Dev


def _island(html: str) -> dict[str, object]:
    found = re.search(r'<script id="map-data" type="application/json">(.*?)</script>', html, re.S)
    assert found, "no map data on the page"
    return json.loads(found.group(1))


def test_the_map_puts_the_leader_at_the_centre_and_links_each_contact(dev: Dev) -> None:
    carla = dev.contact("Carla", kind="strategic", level="above", internal=False, organization="X")
    page = dev.client().get(dev.url("network"))
    data = _island(page.text)
    assert data["leader"] == dev.person.name
    [node] = data["contacts"]  # type: ignore[misc]
    assert node["name"] == "Carla" and node["edit"] == dev.url("contact_edit", carla.pk)
    assert node["organization"] == "X" and node["level"] == "above"
    # The contact sits in the strategic sector: 150 to 270 degrees around the centre.
    centre = data["size"] / 2  # type: ignore[operator]
    angle = math.degrees(math.atan2(node["y"] - centre, node["x"] - centre)) % 360
    assert 150 <= angle <= 270


def test_contacts_of_a_sector_are_grouped_by_position(dev: Dev) -> None:
    # Strength alone would mix them: above-5, below-4, above-3, peer-2.
    dev.contact("A5", level="above", strength=5)
    dev.contact("B4", level="below", strength=4)
    dev.contact("A3", level="above", strength=3)
    dev.contact("P2", level="peer", strength=2)
    data = _island(dev.client().get(dev.url("network")).text)
    centre = data["size"] / 2  # type: ignore[operator]
    by_angle = sorted(
        data["contacts"],  # type: ignore[arg-type]
        key=lambda n: (math.degrees(math.atan2(n["y"] - centre, n["x"] - centre)) + 90) % 360,
    )
    assert [n["name"] for n in by_angle] == ["A5", "A3", "P2", "B4"]


def test_the_layout_groups_by_level_only_when_asked() -> None:
    contacts = [
        personal.Contact("1", "operational", True, "below", "", "", 5, None),
        personal.Contact("2", "operational", True, "above", "", "", 1, None),
    ]
    assert [p.id for p in personal.ego_layout(contacts)] == ["1", "2"]
    assert [p.id for p in personal.ego_layout(contacts, group_by_level=True)] == ["2", "1"]


def test_a_sector_name_sits_in_the_middle_of_its_sector() -> None:
    assert personal.sector_middle("operational", size=100, distance=10) == (58.66, 45.0)
    with pytest.raises(ValueError, match="unknown kind"):
        personal.sector_middle("family", size=100, distance=10)


@pytest.mark.parametrize("who", ["owner", "facilitator"])
def test_owners_and_facilitators_see_only_their_own_map(dev: Dev, who: str) -> None:
    secret = dev.contact("Secret contact")
    client = dev.client(getattr(dev.world, who))
    page = client.get(dev.url("network"))
    assert page.status_code == 200 and "Secret contact" not in page.text
    assert client.get(dev.url("contact_edit", secret.pk)).status_code == 404


def test_another_workspace_gets_a_404(dev: Dev) -> None:
    dev.contact("Secret contact")
    page = dev.client(dev.world.outsider).get(dev.url("network"))
    assert page.status_code == 404 and "Secret contact" not in page.text


def test_somebody_elses_contact_is_not_on_my_map(dev: Dev) -> None:
    dev.contact("Not mine", owner=dev.leader_of(dev.world.member))
    dev.contact("Mine")
    data = _island(dev.client().get(dev.url("network")).text)
    assert [n["name"] for n in data["contacts"]] == ["Mine"]  # type: ignore[union-attr]
