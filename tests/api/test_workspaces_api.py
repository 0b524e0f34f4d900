"""Workspaces, organizations and persons through the API: every endpoint's happy path, its
permissions (another workspace's ids are 404, a read-only token cannot write, a member cannot
do what a member's pages cannot), bad input as problem details with a field message and
nothing changed, ETags on reads and If-Match on changes."""

from __future__ import annotations

from typing import Any

import pytest

from netlead.workspaces.models import Organization, Person
from tests.api.conftest import ApiClient, Cast, field_messages, problem_of


def _ws(cast: Cast) -> str:
    return f"/workspaces/{cast.slug}"


# Reads


def test_workspaces_lists_the_tokens_workspace_with_role_and_k(
    cast: Cast, owner_ro: ApiClient, member_rw: ApiClient
) -> None:
    assert owner_ro.get("/workspaces").json() == [
        {
            "slug": cast.slug,
            "name": "Youth network",
            "role": "owner",
            "anonymity_threshold": cast.world.workspace.anonymity_threshold,
        }
    ]
    assert member_rw.get("/workspaces").json()[0]["role"] == "member"


def test_organizations_are_paginated_and_filtered(cast: Cast, member_rw: ApiClient) -> None:
    from tests.factories import OrganizationFactory

    for name in ("Basisschool", "Zorggroep"):
        OrganizationFactory(workspace=cast.world.workspace, name=name, kind="school")
    body = member_rw.get(f"{_ws(cast)}/organizations", limit=2).json()
    assert body["count"] == 3
    assert [o["name"] for o in body["items"]] == ["Basisschool", "Municipality"]
    rest = member_rw.get(f"{_ws(cast)}/organizations", limit=2, offset=2).json()
    assert [o["name"] for o in rest["items"]] == ["Zorggroep"]
    schools = member_rw.get(f"{_ws(cast)}/organizations", kind="school").json()
    assert [o["name"] for o in schools["items"]] == ["Basisschool", "Zorggroep"]
    problem = field_messages(member_rw.get(f"{_ws(cast)}/organizations", kind="castle"))
    assert "kind" in problem


def test_an_organization_has_an_etag(cast: Cast, member_rw: ApiClient) -> None:
    organization = cast.world.organization
    response = member_rw.get(f"{_ws(cast)}/organizations/{organization.pk}")
    assert response.status_code == 200
    assert response.json() == {"id": organization.pk, "name": "Municipality", "kind": "other"}
    assert response["ETag"].startswith('"')
    assert member_rw.get(f"{_ws(cast)}/organizations/{organization.pk}")["ETag"] == response["ETag"]


def test_persons_show_e_mail_addresses_only_to_managers(
    cast: Cast, owner_ro: ApiClient, member_rw: ApiClient
) -> None:
    person = cast.world.person
    Person.objects.filter(pk=person.pk).update(email="pia@example.test", layer="tactical")
    for client, email in ((owner_ro, "pia@example.test"), (member_rw, None)):
        found = client.get(f"{_ws(cast)}/persons/{person.pk}")
        assert found.json()["email"] == email
        assert found["ETag"]
        listed = client.get(f"{_ws(cast)}/persons", q="Pia").json()["items"]
        assert [(p["name"], p["email"]) for p in listed] == [("Pia Person", email)]
    # As on the people page, a member cannot find people by their e-mail address.
    assert owner_ro.get(f"{_ws(cast)}/persons", q="pia@").json()["count"] == 1
    assert member_rw.get(f"{_ws(cast)}/persons", q="pia@").json()["count"] == 4  # unfiltered


def test_persons_filter_by_organization_and_layer(cast: Cast, member_rw: ApiClient) -> None:
    Person.objects.filter(pk=cast.world.person.pk).update(layer="strategic")
    by_org = member_rw.get(f"{_ws(cast)}/persons", organization_id=cast.world.organization.pk)
    assert "Pia Person" in [p["name"] for p in by_org.json()["items"]]
    by_layer = member_rw.get(f"{_ws(cast)}/persons", layer="strategic").json()
    assert [p["name"] for p in by_layer["items"]] == ["Pia Person"]
    assert "layer" in field_messages(member_rw.get(f"{_ws(cast)}/persons", layer="middle"))


# Writes


def test_an_owner_creates_and_changes_an_organization(cast: Cast, owner_rw: ApiClient) -> None:
    created = owner_rw.post(f"{_ws(cast)}/organizations", {"name": " School ", "kind": "school"})
    assert created.status_code == 201
    body = created.json()
    assert (body["name"], body["kind"]) == ("School", "school")
    organization = Organization.objects.get(pk=body["id"], workspace=cast.world.workspace)
    path = f"{_ws(cast)}/organizations/{organization.pk}"
    etag = owner_rw.get(path)["ETag"]
    assert created["ETag"] == etag
    changed = owner_rw.put(path, {"name": "Primary school", "kind": "school"}, if_match=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    organization.refresh_from_db()
    assert organization.name == "Primary school"


def test_a_facilitator_creates_and_changes_a_person(cast: Cast, facilitator_rw: ApiClient) -> None:
    organization = cast.world.organization
    body = {
        "name": "Nina Nieuw",
        "email": "Nina@Example.test",
        "organization_id": organization.pk,
        "job_title": "Adviser",
        "layer": "operational",
    }
    created = facilitator_rw.post(f"{_ws(cast)}/persons", body)
    assert created.status_code == 201, created.content
    out = created.json()
    assert (out["email"], out["organization_id"], out["has_account"]) == (
        "nina@example.test",
        organization.pk,
        False,
    )
    path = f"{_ws(cast)}/persons/{out['id']}"
    changed = facilitator_rw.put(
        path, {**body, "layer": "tactical"}, if_match=facilitator_rw.get(path)["ETag"]
    )
    assert changed.status_code == 200
    assert Person.objects.get(pk=out["id"]).layer == "tactical"


def _org_path(cast: Cast) -> str:
    return f"{_ws(cast)}/organizations/{cast.world.organization.pk}"


def _person_path(cast: Cast) -> str:
    return f"{_ws(cast)}/persons/{cast.world.person.pk}"


PERSON = {"name": "Pia Person"}
ORGANIZATION = {"name": "Town hall"}

WRITES: list[tuple[str, Any, Any]] = [
    ("POST", lambda c: f"{_ws(c)}/organizations", ORGANIZATION),
    ("PUT", _org_path, ORGANIZATION),
    ("POST", lambda c: f"{_ws(c)}/persons", {"name": "New person"}),
    ("PUT", _person_path, PERSON),
]


def _snapshot(cast: Cast) -> tuple[list[Any], list[Any]]:
    return (
        list(Organization.objects.order_by("pk").values()),
        list(Person.objects.order_by("pk").values()),
    )


@pytest.mark.parametrize(("method", "path", "body"), WRITES)
def test_a_read_only_token_cannot_write(
    cast: Cast, owner_ro: ApiClient, method: str, path: Any, body: Any
) -> None:
    before = _snapshot(cast)
    response = owner_ro.send(method, path(cast), body, if_match="*")
    assert problem_of(response, 403)["detail"] == "This token is read-only."
    assert _snapshot(cast) == before


@pytest.mark.parametrize(("method", "path", "body"), WRITES)
def test_a_member_cannot_write_what_a_members_pages_cannot(
    cast: Cast, member_rw: ApiClient, method: str, path: Any, body: Any
) -> None:
    before = _snapshot(cast)
    problem_of(member_rw.send(method, path(cast), body, if_match="*"), 403)
    assert _snapshot(cast) == before
    pages = cast.world.client_for(cast.world.member)
    for page in (
        "organizations/new/",
        f"organizations/{cast.world.organization.pk}/",
        "people/new/",
    ):
        assert pages.get(f"/w/{cast.slug}/{page}").status_code == 403


def test_another_workspaces_ids_are_404(cast: Cast, owner_rw: ApiClient) -> None:
    other_org = cast.world.other_organization.pk
    other_person = cast.world.other_person.pk
    before = _snapshot(cast)
    for path in (
        f"/workspaces/{cast.other_slug}/organizations",
        f"/workspaces/{cast.other_slug}/persons",
        f"{_ws(cast)}/organizations/{other_org}",
        f"{_ws(cast)}/persons/{other_person}",
        f"/workspaces/{cast.other_slug}/organizations/{other_org}",
        "/workspaces/no-such-workspace/organizations",
    ):
        problem_of(owner_rw.get(path), 404)
    problem_of(
        owner_rw.put(f"{_ws(cast)}/organizations/{other_org}", ORGANIZATION, if_match="*"), 404
    )
    problem_of(owner_rw.put(f"{_ws(cast)}/persons/{other_person}", PERSON, if_match="*"), 404)
    problem_of(owner_rw.post(f"/workspaces/{cast.other_slug}/persons", PERSON), 404)
    # A person cannot be put in another workspace's organization either.
    refused = owner_rw.post(f"{_ws(cast)}/persons", {**PERSON, "organization_id": other_org})
    assert field_messages(refused, 400) == {
        "organization_id": "Choose an organization of this workspace."
    }
    assert _snapshot(cast) == before


@pytest.mark.parametrize(
    ("path", "body", "status", "field"),
    [
        ("organizations", {"name": ""}, 422, "name"),
        ("organizations", {"name": "x" * 201}, 422, "name"),
        ("organizations", {"name": "School", "kind": "castle"}, 422, "kind"),
        ("organizations", {}, 422, "name"),
        ("organizations", {"name": "Municipality"}, 400, "name"),
        ("persons", {"name": "New", "email": "not-an-address"}, 400, "email"),
        ("persons", {"name": "New", "layer": "middle"}, 422, "layer"),
        ("persons", {"name": "New", "organization_id": "many"}, 422, "organization_id"),
        ("persons", {"name": "Pia", "email": "taken@example.test"}, 400, "email"),
    ],
)
def test_bad_input_is_a_problem_with_a_field_message_and_changes_nothing(
    cast: Cast, owner_rw: ApiClient, path: str, body: Any, status: int, field: str
) -> None:
    Person.objects.filter(pk=cast.world.person.pk).update(email="taken@example.test")
    before = _snapshot(cast)
    messages = field_messages(owner_rw.post(f"{_ws(cast)}/{path}", body), status)
    assert messages[field]
    assert _snapshot(cast) == before


def test_a_change_needs_if_match(cast: Cast, owner_rw: ApiClient) -> None:
    before = _snapshot(cast)
    for path, body in ((_org_path(cast), ORGANIZATION), (_person_path(cast), PERSON)):
        problem_of(owner_rw.put(path, body), 428)
        problem_of(owner_rw.put(path, body, if_match='"stale"'), 412)
    assert _snapshot(cast) == before


def test_a_stale_etag_loses_to_the_change_made_in_the_meantime(
    cast: Cast, owner_rw: ApiClient, facilitator_rw: ApiClient
) -> None:
    path = _org_path(cast)
    etag = owner_rw.get(path)["ETag"]
    assert facilitator_rw.put(path, {"name": "Town hall"}, if_match=etag).status_code == 200
    response = owner_rw.put(path, {"name": "City hall"}, if_match=etag)
    assert "Read it again" in problem_of(response, 412)["detail"]
    cast.world.organization.refresh_from_db()
    assert cast.world.organization.name == "Town hall"
    # `*` (any version) and a list with the current one both match.
    current = owner_rw.get(path)["ETag"]
    assert owner_rw.put(path, {"name": "A"}, if_match=f'"old", {current}').status_code == 200
    assert owner_rw.put(path, {"name": "B"}, if_match="*").status_code == 200
