"""Organizations and people: what managers can do, and bad input that changes nothing."""

from __future__ import annotations

from django.urls import reverse

from netlead.workspaces.models import Organization, Person
from tests.conftest import World


def test_facilitator_adds_an_organization(world: World) -> None:
    client = world.client_for(world.facilitator)
    response = client.post(
        reverse("workspaces:organization_create", args=["youth"]),
        {"name": "Police", "kind": "agency"},
    )
    assert response.status_code == 302
    organization = world.workspace.organizations.get(name="Police")
    assert organization.kind == "agency"


def test_organization_without_name_is_refused(world: World) -> None:
    client = world.client_for(world.owner)
    response = client.post(
        reverse("workspaces:organization_create", args=["youth"]), {"name": "", "kind": "school"}
    )
    assert response.status_code == 400
    assert "This field is required." in response.text
    assert world.workspace.organizations.count() == 1


def test_duplicate_organization_name_is_refused_case_insensitively(world: World) -> None:
    client = world.client_for(world.owner)
    response = client.post(
        reverse("workspaces:organization_create", args=["youth"]),
        {"name": "MUNICIPALITY", "kind": "other"},
    )
    assert response.status_code == 400
    assert world.workspace.organizations.count() == 1


def test_the_same_organization_name_may_exist_in_another_workspace(world: World) -> None:
    client = world.client_for(world.owner)
    client.post(
        reverse("workspaces:organization_create", args=["youth"]),
        {"name": "Agency", "kind": "agency"},
    )
    assert Organization.objects.filter(name="Agency").count() == 2


def test_unknown_organization_kind_is_refused(world: World) -> None:
    client = world.client_for(world.owner)
    response = client.post(
        reverse("workspaces:organization_create", args=["youth"]), {"name": "X", "kind": "castle"}
    )
    assert response.status_code == 400
    assert not world.workspace.organizations.filter(name="X").exists()


def test_organization_with_people_cannot_be_removed(world: World) -> None:
    client = world.client_for(world.owner)
    response = client.post(
        reverse("workspaces:organization_delete", args=["youth", world.organization.pk]),
        follow=True,
    )
    assert "still has people" in response.text
    assert Organization.objects.filter(pk=world.organization.pk).exists()


def test_empty_organization_can_be_removed(world: World) -> None:
    empty = Organization.objects.create(workspace=world.workspace, name="Empty")
    client = world.client_for(world.facilitator)
    client.post(reverse("workspaces:organization_delete", args=["youth", empty.pk]))
    assert not Organization.objects.filter(pk=empty.pk).exists()


def test_facilitator_adds_and_edits_a_person(world: World) -> None:
    client = world.client_for(world.facilitator)
    data = {
        "name": "Rik de Wijkagent",
        "email": "Rik@Police.example",
        "organization": world.organization.pk,
        "job_title": "Community officer",
        "layer": "operational",
    }
    assert client.post(reverse("workspaces:person_create", args=["youth"]), data).status_code == 302
    person = world.workspace.persons.get(name="Rik de Wijkagent")
    assert person.email == "rik@police.example"
    data["layer"] = "tactical"
    client.post(reverse("workspaces:person_edit", args=["youth", person.pk]), data)
    person.refresh_from_db()
    assert person.layer == "tactical"


def test_person_with_organization_of_another_workspace_is_refused(world: World) -> None:
    client = world.client_for(world.owner)
    response = client.post(
        reverse("workspaces:person_create", args=["youth"]),
        {"name": "Tamper", "organization": world.other_organization.pk, "layer": "tactical"},
    )
    assert response.status_code == 400
    assert not Person.objects.filter(name="Tamper").exists()


def test_person_with_bad_email_and_layer_is_refused(world: World) -> None:
    client = world.client_for(world.owner)
    response = client.post(
        reverse("workspaces:person_create", args=["youth"]),
        {"name": "Bad", "email": "not-an-address", "layer": "cosmic"},
    )
    assert response.status_code == 400
    assert "Enter a valid email address." in response.text
    assert not Person.objects.filter(name="Bad").exists()


def test_duplicate_person_email_is_refused_and_the_first_person_kept(world: World) -> None:
    client = world.client_for(world.owner)
    response = client.post(
        reverse("workspaces:person_create", args=["youth"]),
        {"name": "Copy", "email": world.person.email.upper(), "layer": ""},
    )
    assert response.status_code == 400
    assert world.workspace.persons.filter(email=world.person.email).get().name == "Pia Person"


def test_person_needs_no_email_or_organization(world: World) -> None:
    client = world.client_for(world.owner)
    client.post(reverse("workspaces:person_create", args=["youth"]), {"name": "Anon A"})
    client.post(reverse("workspaces:person_create", args=["youth"]), {"name": "Anon B"})
    assert world.workspace.persons.filter(email="").count() == 2


def test_people_filter_by_layer_and_search(world: World) -> None:
    from tests.factories import PersonFactory

    PersonFactory(
        workspace=world.workspace,
        organization=world.organization,
        name="Stella Strategic",
        layer="strategic",
    )
    client = world.client_for(world.member)
    url = reverse("workspaces:people", args=["youth"])
    response = client.get(url, {"layer": "strategic"})
    assert "Stella Strategic" in response.text and "Pia Person" not in response.text
    response = client.get(url, {"q": "pia"})
    assert "Pia Person" in response.text and "Stella Strategic" not in response.text


def test_people_filter_as_htmx_returns_only_the_table(world: World) -> None:
    response = world.client_for(world.member).get(
        reverse("workspaces:people", args=["youth"]), {"q": "pia"}, headers={"HX-Request": "true"}
    )
    assert "<html" not in response.text
    assert "Pia Person" in response.text


def test_people_filter_with_bad_values_shows_everyone(world: World) -> None:
    response = world.client_for(world.member).get(
        reverse("workspaces:people", args=["youth"]), {"organization": "abc", "layer": "cosmic"}
    )
    assert response.status_code == 200
    assert "Pia Person" in response.text


def test_dashboard_counts_people_per_organization_and_layer(world: World) -> None:
    from tests.factories import PersonFactory

    PersonFactory(workspace=world.workspace, organization=world.organization, layer="strategic")
    response = world.client_for(world.member).get(reverse("workspaces:dashboard", args=["youth"]))
    rows = response.context["overview"].organizations
    assert [(r.organization.name, r.by_layer, r.total) for r in rows] == [
        ("Municipality", {"strategic": 1, "tactical": 0, "operational": 1}, 2)
    ]


def test_dashboard_queries_do_not_grow_with_organizations(
    world: World, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    from tests.factories import PersonFactory

    for i in range(15):
        org = Organization.objects.create(workspace=world.workspace, name=f"Org {i}")
        PersonFactory(workspace=world.workspace, organization=org)
    client = world.client_for(world.member)
    with django_assert_max_num_queries(12):
        client.get(reverse("workspaces:dashboard", args=["youth"]))


def test_removing_a_person_first_says_what_follows_then_removes(world: World) -> None:
    client = world.client_for(world.facilitator)
    url = reverse("workspaces:person_delete", args=["youth", world.person.pk])
    edit = client.get(reverse("workspaces:person_edit", args=["youth", world.person.pk]))
    assert f'href="{url}"' in edit.text
    page = client.get(url)
    assert page.status_code == 200
    assert "Remove Pia Person from the people of this workspace?" in page.text
    assert "They disappear from the people list." in page.text
    assert Person.objects.filter(pk=world.person.pk).exists()
    assert client.post(url).status_code == 302
    assert not Person.objects.filter(pk=world.person.pk).exists()


def test_a_person_who_took_part_is_not_offered_removal(world: World) -> None:
    from netlead.networks.models import Network, NetworkMember

    network = Network.objects.create(workspace=world.workspace, name="Net")
    NetworkMember.objects.create(network=network, person=world.person)
    url = reverse("workspaces:person_delete", args=["youth", world.person.pk])
    page = world.client_for(world.owner).get(url)
    assert "they cannot be removed" in page.text
    assert 'type="submit"' not in page.text.split('id="remove-title"')[1]
    assert reverse("privacy:person_erase", args=["youth", world.person.pk]) in page.text
    response = world.client_for(world.owner).post(url)
    assert response.status_code == 400
    assert Person.objects.filter(pk=world.person.pk).exists()
