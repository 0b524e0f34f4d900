"""Networks, members, charter versions, results and measurements through the API: every
endpoint's happy path; a network exists only for its current members (another workspace's ids
and a network one is not in are 404, as on the pages); a read-only token cannot write; a member
cannot do an editor's work; bad input is a problem with a field message and changes nothing;
ETags and If-Match; and the API gives the same numbers as the result pages."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from netlead.networks.models import Measurement, NetworkMember
from tests.api.conftest import ApiClient, Cast, field_messages, problem_of

# Reads


def test_networks_lists_the_callers_networks(
    cast: Cast, member_rw: ApiClient, facilitator_rw: ApiClient
) -> None:
    body = member_rw.get(f"/workspaces/{cast.slug}/networks").json()
    assert body["count"] == 1
    network = body["items"][0]
    assert (network["id"], network["name"], network["members"], network["your_role"]) == (
        cast.network.pk,
        "Youth care network",
        3,
        "member",
    )
    assert member_rw.get(cast.net).json() == network
    # A workspace facilitator in no network sees none, as on the networks page.
    assert facilitator_rw.get(f"/workspaces/{cast.slug}/networks").json()["count"] == 0


def test_members_list_current_members_and_on_request_former_ones(
    cast: Cast, owner_ro: ApiClient
) -> None:
    NetworkMember.objects.filter(pk=cast.associate.pk).update(left_on=date(2025, 6, 1))
    current = owner_ro.get(f"{cast.net}/members").json()
    assert [m["name"] for m in current["items"]] == ["Lea Leader", "Max Member"]
    assert current["items"][0]["organization"] == "Municipality"
    everyone = owner_ro.get(f"{cast.net}/members", include_former="true").json()
    assert [m["left_on"] for m in everyone["items"]] == ["2025-06-01", None, None]
    one = owner_ro.get(f"{cast.net}/members/{cast.member.pk}")
    assert one.json()["role"] == "member"
    assert one["ETag"]


def test_charter_versions_newest_first(cast: Cast, member_rw: ApiClient) -> None:
    cast.network.charter_versions.create(number=2, necessity="Second")
    body = member_rw.get(f"{cast.net}/charter-versions").json()
    assert [(v["number"], v["status"]) for v in body["items"]] == [(2, "proposed"), (1, "proposed")]
    assert body["items"][1]["necessity"] == cast.charter.necessity


def test_measurements_in_date_order(cast: Cast, member_rw: ApiClient) -> None:
    body = member_rw.get(f"{cast.net}/results/{cast.result.pk}/measurements").json()
    assert [(m["measured_on"], m["value"]) for m in body["items"]] == [
        ("2025-03-01", "11.00"),
        ("2025-06-01", "9.50"),
        ("2025-09-01", "7.25"),
    ]


# Writes: happy paths


def test_a_leader_adds_a_member_changes_the_role_and_ends_the_membership(
    cast: Cast, owner_rw: ApiClient
) -> None:
    person = cast.world.person
    added = owner_rw.post(
        f"{cast.net}/members", {"person_id": person.pk, "role": "core", "joined_on": "2025-02-01"}
    )
    assert added.status_code == 201, added.content
    member = added.json()
    assert (member["name"], member["role"], member["joined_on"]) == (
        "Pia Person",
        "core",
        "2025-02-01",
    )
    path = f"{cast.net}/members/{member['id']}"
    assert added["ETag"] == owner_rw.get(path)["ETag"]
    changed = owner_rw.patch(path, {"role": "co_driver"}, if_match=added["ETag"])
    assert changed.json()["role"] == "co_driver"
    left = owner_rw.patch(path, {"left_on": "2025-10-01"}, if_match=changed["ETag"])
    assert left.json()["left_on"] == "2025-10-01"
    row = NetworkMember.objects.get(pk=member["id"])
    assert (row.role, row.left_on) == ("co_driver", date(2025, 10, 1))


def test_a_member_adds_a_measurement(cast: Cast, member_rw: ApiClient) -> None:
    response = member_rw.post(
        f"{cast.net}/results/{cast.result.pk}/measurements",
        {"measured_on": "2025-12-01", "value": "6.5", "note": " December "},
    )
    assert response.status_code == 201, response.content
    assert response.json()["value"] == "6.50"
    added = Measurement.objects.get(pk=response.json()["id"])
    assert (added.value, added.note, added.recorded_by) == (
        Decimal("6.5"),
        "December",
        cast.world.member,
    )


# Permissions


def _member_path(cast: Cast) -> str:
    return f"{cast.net}/members/{cast.member.pk}"


def _measurements_path(cast: Cast) -> str:
    return f"{cast.net}/results/{cast.result.pk}/measurements"


WRITES: list[tuple[str, Any, Any]] = [
    ("POST", lambda c: f"{c.net}/members", lambda c: {"person_id": c.world.person.pk}),
    ("PATCH", _member_path, lambda c: {"role": "core"}),
    ("POST", _measurements_path, lambda c: {"measured_on": "2025-12-01", "value": "1"}),
]


def _snapshot() -> tuple[list[Any], list[Any]]:
    return (
        list(NetworkMember.objects.order_by("pk").values()),
        list(Measurement.objects.order_by("pk").values()),
    )


@pytest.mark.parametrize(("method", "path", "body"), WRITES)
def test_a_read_only_token_cannot_write(
    cast: Cast, owner_ro: ApiClient, method: str, path: Any, body: Any
) -> None:
    before = _snapshot()
    response = owner_ro.send(method, path(cast), body(cast), if_match="*")
    assert problem_of(response, 403)["detail"] == "This token is read-only."
    assert _snapshot() == before


def test_a_member_cannot_do_an_editors_work(cast: Cast, member_rw: ApiClient) -> None:
    before = _snapshot()
    for method, path, body in WRITES[:2]:
        problem_of(member_rw.send(method, path(cast), body(cast), if_match="*"), 403)
    assert _snapshot() == before
    # The pages refuse the same.
    page = cast.world.client_for(cast.world.member)
    base = f"/w/{cast.slug}/networks/{cast.network.pk}"
    assert page.post(f"{base}/members/", {"person": cast.world.person.pk}).status_code == 403
    change = {"role": "core", "joined_on": "2025-01-06"}
    assert page.post(f"{base}/members/{cast.member.pk}/", change).status_code == 403


def test_an_associate_cannot_add_a_measurement(cast: Cast) -> None:
    associate = cast.client(cast.associate_user, write=True)
    body = {"measured_on": "2025-12-01", "value": "1"}
    problem_of(associate.post(_measurements_path(cast), body), 403)
    assert associate.get(_measurements_path(cast)).status_code == 200
    page = cast.world.client_for(cast.associate_user)
    url = f"/w/{cast.slug}/networks/{cast.network.pk}/results/{cast.result.pk}/"
    assert page.post(url, body).status_code == 403
    assert Measurement.objects.count() == 3


def _network_paths(cast: Cast, net: str) -> list[str]:
    return [
        net,
        f"{net}/members",
        f"{net}/members/{cast.member.pk}",
        f"{net}/charter-versions",
        f"{net}/results",
        f"{net}/results/{cast.result.pk}/measurements",
    ]


def test_another_workspaces_network_is_404_for_every_endpoint(
    cast: Cast, owner_rw: ApiClient
) -> None:
    other = cast.other_network.pk
    before = _snapshot()
    for net in (
        f"/workspaces/{cast.slug}/networks/{other}",
        f"/workspaces/{cast.other_slug}/networks/{other}",
    ):
        for path in _network_paths(cast, net):
            problem_of(owner_rw.get(path), 404)
        problem_of(owner_rw.post(f"{net}/members", {"person_id": cast.world.person.pk}), 404)
        body = {"measured_on": "2025-12-01", "value": "1"}
        problem_of(owner_rw.post(f"{net}/results/{cast.other_result.pk}/measurements", body), 404)
    # Another network's ids under one's own network are 404 too.
    problem_of(owner_rw.get(f"{cast.net}/members/{cast.other_member.pk}"), 404)
    problem_of(owner_rw.patch(f"{cast.net}/members/{cast.other_member.pk}", {}, if_match="*"), 404)
    problem_of(owner_rw.get(f"{cast.net}/results/{cast.other_result.pk}/measurements"), 404)
    body = {"measured_on": "2025-12-01", "value": "1"}
    problem_of(owner_rw.post(f"{cast.net}/results/{cast.other_result.pk}/measurements", body), 404)
    # ... and so is another workspace's person.
    other_person = cast.world.other_person.pk
    problem_of(owner_rw.post(f"{cast.net}/members", {"person_id": other_person}), 404)
    assert _snapshot() == before


def test_a_network_one_is_not_in_is_404_as_on_the_pages(
    cast: Cast, facilitator_rw: ApiClient
) -> None:
    for path in _network_paths(cast, cast.net):
        problem_of(facilitator_rw.get(path), 404)
    page = cast.world.client_for(cast.world.facilitator)
    assert page.get(f"/w/{cast.slug}/networks/{cast.network.pk}/results/").status_code == 404


def test_a_former_member_no_longer_reaches_the_network(cast: Cast, member_rw: ApiClient) -> None:
    NetworkMember.objects.filter(pk=cast.member.pk).update(left_on=date(2025, 6, 1))
    problem_of(member_rw.get(f"{cast.net}/results"), 404)


# Bad input


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"measured_on": "2025-13-01", "value": "1"}, 422, "measured_on"),
        ({"measured_on": "2025-12-01", "value": "lots"}, 422, "value"),
        ({"measured_on": "2025-12-01", "value": "1.234"}, 422, "value"),
        ({"measured_on": "2025-12-01", "value": "1e20"}, 422, "value"),
        ({"measured_on": "2025-12-01", "value": "1", "note": "x" * 301}, 422, "note"),
        ({"value": "1"}, 422, "measured_on"),
    ],
)
def test_a_bad_measurement_is_a_problem_and_adds_nothing(
    cast: Cast, member_rw: ApiClient, body: Any, status: int, field: str
) -> None:
    messages = field_messages(member_rw.post(_measurements_path(cast), body), status)
    assert messages[field]
    assert Measurement.objects.count() == 3


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "field"),
    [
        ("POST", "members", {"person_id": "me"}, 422, "person_id"),
        ("POST", "members", {"person_id": 0, "role": "boss"}, 422, "role"),
        ("POST", "member", {"role": "boss"}, 422, "role"),
        ("POST", "member", {"left_on": "yesterday"}, 422, "left_on"),
        ("POST", "leader", {"role": "member"}, 400, "__all__"),
        ("POST", "member", {"left_on": "2024-01-01"}, 400, "__all__"),
        ("POST", "duplicate", None, 400, "person"),
    ],
)
def test_a_bad_member_change_is_a_problem_and_changes_nothing(
    cast: Cast, owner_rw: ApiClient, method: str, path: str, body: Any, status: int, field: str
) -> None:
    before = _snapshot()
    if path == "members":
        response = owner_rw.post(f"{cast.net}/members", body)
    elif path == "duplicate":
        response = owner_rw.post(f"{cast.net}/members", {"person_id": cast.member.person_id})
    else:
        target = cast.leader if path == "leader" else cast.member
        response = owner_rw.patch(f"{cast.net}/members/{target.pk}", body, if_match="*")
    assert field_messages(response, status)[field]
    assert _snapshot() == before


# ETag and If-Match


def test_a_member_change_needs_the_current_etag(cast: Cast, owner_rw: ApiClient) -> None:
    path = _member_path(cast)
    before = _snapshot()
    problem_of(owner_rw.patch(path, {"role": "core"}), 428)
    problem_of(owner_rw.patch(path, {"role": "core"}, if_match='"stale"'), 412)
    assert _snapshot() == before
    etag = owner_rw.get(path)["ETag"]
    assert owner_rw.patch(path, {"role": "core"}, if_match=etag).status_code == 200
    # The version read before that change is stale now.
    problem_of(owner_rw.patch(path, {"role": "member"}, if_match=etag), 412)
    assert NetworkMember.objects.get(pk=cast.member.pk).role == "core"


# The same numbers as the pages


def test_results_give_the_same_numbers_as_the_results_page(
    cast: Cast, member_rw: ApiClient
) -> None:
    cast.network.results.create(
        title="No measurement yet", indicator="count", baseline=Decimal(0), target=Decimal(10)
    )
    page = cast.world.client_for(cast.world.member).get(
        f"/w/{cast.slug}/networks/{cast.network.pk}/results/"
    )
    api = {r["id"]: r for r in member_rw.get(f"{cast.net}/results").json()}
    assert len(page.context["rows"]) == len(api) == 2
    for row in page.context["rows"]:
        out = api[row.result.pk]
        assert Decimal(out["baseline"]) == row.result.baseline
        assert Decimal(out["target"]) == row.result.target
        assert out["progress"] == row.progress
        latest = out["latest"]
        assert (Decimal(latest["value"]) if latest else None) == (
            row.latest.value if row.latest else None
        )
    # The numbers as printed: latest 7.25 of 12 -> 4: 59% of the way.
    shown = api[cast.result.pk]
    assert (shown["latest"]["value"], round(shown["progress"] * 100)) == ("7.25", 59)
    html = page.content.decode()
    assert "7.25" in html
    assert "59%" in html


def test_measurements_give_the_same_numbers_as_the_result_page(
    cast: Cast, member_rw: ApiClient
) -> None:
    page = cast.world.client_for(cast.world.member).get(
        f"/w/{cast.slug}/networks/{cast.network.pk}/results/{cast.result.pk}/"
    )
    script = re.search(
        r'<script id="result-series" type="application/json">(.*?)</script>',
        page.content.decode(),
        re.S,
    )
    assert script is not None
    series = json.loads(script.group(1))
    api = member_rw.get(_measurements_path(cast)).json()["items"]
    assert series["labels"] == [m["measured_on"] for m in api]
    assert series["values"] == [float(m["value"]) for m in api]
    result = member_rw.get(f"{cast.net}/results").json()[0]
    assert (series["baseline"], series["target"]) == (
        float(result["baseline"]),
        float(result["target"]),
    )


def test_an_id_beyond_the_databases_range_is_a_problem_not_a_server_error(
    cast: Cast, owner_rw: ApiClient
) -> None:
    # Found by the schema fuzz run: 2**63 made the database driver overflow (a 500).
    huge = 2**63
    assert "network_id" in field_messages(owner_rw.get(f"/workspaces/{cast.slug}/networks/{huge}"))
    assert "pk" in field_messages(owner_rw.get(f"{cast.net}/members/{huge}"))
    response = owner_rw.post(f"{cast.net}/members", {"person_id": huge})
    assert "person_id" in field_messages(response)
    assert owner_rw.get(f"{cast.net}/members/{2**63 - 1}").status_code == 404
