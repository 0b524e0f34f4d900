"""The leader's personal network map (Ibarra & Hunter): contacts, the balance of the three
networks, suggestions in plain words, the audit and snapshots over time."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from netlead.development import services
from netlead.development.models import Contact, NetworkAudit, NetworkSnapshot
from tests.development.conftest import Dev, contact_form


def test_a_contact_is_added(dev: Dev) -> None:
    response = dev.client().post(
        dev.url("contact_create"),
        contact_form(name="  Ruben Mulder ", kind="strategic", level="above", strength="4"),
    )
    assert response.status_code == 302 and response.url == dev.url("network")
    contact = Contact.objects.get()
    assert (contact.owner, contact.name, contact.kind, contact.strength) == (
        dev.person,
        "Ruben Mulder",
        "strategic",
        4,
    )


def test_save_and_add_another_returns_to_an_empty_form(dev: Dev) -> None:
    response = dev.client().post(dev.url("contact_create"), contact_form(add_another="yes"))
    assert response.status_code == 302 and response.url == dev.url("contact_create")
    assert Contact.objects.count() == 1


@pytest.mark.parametrize("name", ["", "   "])
def test_a_contact_needs_a_name(dev: Dev, name: str) -> None:
    response = dev.client().post(dev.url("contact_create"), contact_form(name=name))
    assert response.status_code == 400
    assert "Give the contact a name or an alias." in response.text
    assert not Contact.objects.exists()


@pytest.mark.parametrize("strength", ["0", "6", "strong"])
def test_a_strength_outside_1_to_5_is_refused(dev: Dev, strength: str) -> None:
    response = dev.client().post(dev.url("contact_create"), contact_form(strength=strength))
    assert response.status_code == 400
    assert not Contact.objects.exists()


@pytest.mark.parametrize("strength", ["0", "6"])
def test_the_strength_message_says_what_is_allowed(dev: Dev, strength: str) -> None:
    response = dev.client().post(dev.url("contact_create"), contact_form(strength=strength))
    assert "Choose a strength from 1 to 5." in response.text


@pytest.mark.parametrize("bad", [{"kind": "friends"}, {"level": "sideways"}, {"kind": ""}])
def test_an_unknown_network_or_position_is_refused(dev: Dev, bad: dict[str, str]) -> None:
    response = dev.client().post(dev.url("contact_create"), contact_form(**bad))
    assert response.status_code == 400
    assert not Contact.objects.exists()


def test_a_contact_is_edited_and_deleted(dev: Dev) -> None:
    contact = dev.contact("Carla Contact")
    client = dev.client()
    edited = client.post(
        dev.url("contact_edit", contact.pk), contact_form(name="Carla C.", strength="5")
    )
    assert edited.status_code == 302
    contact.refresh_from_db()
    assert (contact.name, contact.strength) == ("Carla C.", 5)
    blanked = client.post(dev.url("contact_edit", contact.pk), contact_form(name=" "))
    assert blanked.status_code == 400
    contact.refresh_from_db()
    assert contact.name == "Carla C."
    deleted = client.post(dev.url("contact_delete", contact.pk))
    assert deleted.status_code == 302 and deleted.url == dev.url("network")
    assert not Contact.objects.exists()


def test_a_contact_in_a_plan_action_can_be_deleted(dev: Dev) -> None:
    from netlead.development.models import DevelopmentGoal, PlanAction

    contact = dev.contact("Carla Contact")
    action = PlanAction.objects.create(
        goal=DevelopmentGoal.objects.create(owner=dev.person, title="Goal"), title="Meet Carla"
    )
    action.contacts.add(contact)
    assert dev.client().post(dev.url("contact_delete", contact.pk)).status_code == 302
    assert PlanAction.objects.filter(pk=action.pk).exists()
    assert not action.contacts.exists()


# -- What the page shows -------------------------------------------------------------------


def test_an_empty_network_gets_a_first_step(dev: Dev) -> None:
    page = dev.client().get(dev.url("network"))
    assert page.status_code == 200
    assert "Start by adding the people you work with now" in page.text
    assert "No contacts yet." in page.text


def test_only_internal_strategic_contacts_are_pointed_out(dev: Dev) -> None:
    dev.contact("Alderman", kind="strategic", level="above")
    dev.contact("Director", kind="strategic", level="above")
    dev.contact("Colleague", kind="operational")
    page = dev.client().get(dev.url("network"))
    assert "All your strategic contacts are in your own organization." in page.text


def test_an_external_strategic_contact_takes_the_remark_away(dev: Dev) -> None:
    dev.contact("Alderman", kind="strategic", level="above")
    dev.contact("Funder", kind="strategic", level="above", internal=False, organization="Fund")
    page = dev.client().get(dev.url("network"))
    assert "All your strategic contacts are in your own organization." not in page.text


TEN_CONTACTS = [
    # name, kind, organization (blank: own organization), level, function area, strength
    ("Olaf", "operational", "", "peer", "policy", "4"),
    ("Otto", "operational", "", "peer", "finance", "3"),
    ("Oona", "operational", "", "below", "delivery", "2"),
    ("Omar", "operational", "Police", "peer", "delivery", "4"),
    ("Olga", "operational", "School", "peer", "care", "5"),
    ("Pia", "personal", "Province", "peer", "policy", "4"),
    ("Paul", "personal", "", "peer", "hr", "3"),
    ("Sara", "strategic", "", "above", "politics", "2"),
    ("Sven", "strategic", "", "above", "management", "3"),
    ("Sofia", "strategic", "Ministry", "above", "policy", "5"),
]


@pytest.fixture
def ten(dev: Dev) -> None:
    """Ten contacts entered through the form; Sven was last reached 200 days ago."""
    client = dev.client()
    today = timezone.localdate()
    for name, kind, organization, level, area, strength in TEN_CONTACTS:
        last = today - timedelta(days=200 if name == "Sven" else 5)
        response = client.post(
            dev.url("contact_create"),
            contact_form(
                name=name,
                kind=kind,
                organization=organization,
                internal=None if organization else "on",
                level=level,
                function_area=area,
                strength=strength,
                last_contact=last.isoformat(),
                add_another="yes",
            ),
        )
        assert response.status_code == 302, response.content.decode()[:3000]
    assert Contact.objects.filter(owner=dev.person).count() == 10


def test_the_balance_of_ten_contacts(dev: Dev, ten: None) -> None:
    page = dev.client().get(dev.url("network"))
    summary = page.context["view"].summary
    assert summary.contacts == 10
    assert {b.kind: (b.contacts, b.external, b.strong) for b in summary.balance} == {
        "operational": (5, 2, 3),
        "personal": (2, 1, 1),
        "strategic": (3, 1, 1),
    }
    assert (summary.external_share, summary.function_areas, summary.organizations) == (0.4, 7, 5)
    text = page.text
    for figure in (
        '<span class="figure">10</span> contacts',
        '<span class="figure">50%</span> operational',
        '<span class="figure">20%</span> personal',
        '<span class="figure">30%</span> strategic',
        '<span class="figure">40%</span> outside my organization',
        '<span class="figure">33%</span> of strategic contacts outside my organization',
        '<span class="figure">7</span> function areas',
        '<span class="figure">5</span> organizations',
        "2 outside, 3 strong",
    ):
        assert figure in text, figure


def test_a_contact_not_reached_for_long_is_marked(dev: Dev, ten: None) -> None:
    page = dev.client().get(dev.url("network"))
    assert [c.name for c in page.context["view"].stale] == ["Sven"]
    assert "1 contact not reached in 90 days is marked." in page.text
    assert "1 of your strategic contacts have not heard from you for over 90 days." in page.text


def test_the_number_of_days_is_the_leaders_choice(dev: Dev, ten: None) -> None:
    client = dev.client()
    saved = client.post(dev.url("settings"), {"stale_after_days": "365"})
    assert saved.status_code == 302
    assert client.get(dev.url("network")).context["view"].stale == []
    refused = client.post(dev.url("settings"), {"stale_after_days": "3"})
    assert refused.status_code == 400
    assert services.profile_for(dev.person).stale_after_days == 365


def test_every_contact_is_on_the_map(dev: Dev, ten: None) -> None:
    view = dev.client().get(dev.url("network")).context["view"]
    assert sorted(p.contact.name for p in view.placed) == sorted(c[0] for c in TEN_CONTACTS)
    for placed in view.placed:
        assert 0 <= placed.x <= view.size and 0 <= placed.y <= view.size


def test_the_page_shows_only_own_contacts(dev: Dev) -> None:
    dev.contact("Mine")
    dev.contact("Not mine at all", owner=dev.leader_of(dev.world.member))
    page = dev.client().get(dev.url("network"))
    assert [c.name for c in page.context["view"].contacts] == ["Mine"]
    assert "Not mine at all" not in page.text


# -- The audit -----------------------------------------------------------------------------


def _audit_form(**values: str) -> dict[str, str]:
    data = {
        "importance_operational": "4",
        "quality_operational": "4",
        "importance_personal": "3",
        "quality_personal": "3",
        "importance_strategic": "5",
        "quality_strategic": "2",
    }
    data.update(values)
    return data


def _audit(dev: Dev) -> dict[str, tuple[int, int]]:
    return {
        a.kind: (a.importance, a.quality) for a in NetworkAudit.objects.filter(owner=dev.person)
    }


def test_the_audit_is_saved_and_its_gap_suggested(dev: Dev) -> None:
    dev.contact("Colleague")  # without contacts, the only suggestion is to add some
    client = dev.client()
    response = client.post(dev.url("audit"), _audit_form())
    assert response.status_code == 302 and response.url == dev.url("network")
    assert _audit(dev) == {"operational": (4, 4), "personal": (3, 3), "strategic": (5, 2)}
    page = client.get(dev.url("network"))
    assert "You rate your strategic network as important (5 of 5)" in page.text
    assert "quality now as 2 of 5" in page.text
    # Saved again, it replaces the ratings.
    client.post(dev.url("audit"), _audit_form(quality_strategic="4"))
    assert _audit(dev)["strategic"] == (5, 4)
    assert NetworkAudit.objects.count() == 3


@pytest.mark.parametrize(
    "bad",
    [
        {"importance_strategic": "0"},
        {"quality_personal": "6"},
        {"quality_operational": "good"},
        {"importance_personal": ""},
    ],
)
def test_a_bad_audit_is_refused_and_changes_nothing(dev: Dev, bad: dict[str, str]) -> None:
    services.audit_save(owner=dev.person, ratings={"strategic": (3, 3)})
    response = dev.client().post(dev.url("audit"), _audit_form(**bad))
    assert response.status_code == 400
    assert "Rate every network on both questions." in response.text
    assert _audit(dev) == {"strategic": (3, 3)}


def test_the_audit_form_shows_the_saved_ratings(dev: Dev) -> None:
    services.audit_save(owner=dev.person, ratings={"strategic": (5, 2)})
    form = dev.client().get(dev.url("audit")).context["form"]
    assert (form["importance_strategic"].value(), form["quality_strategic"].value()) == (5, 2)


# -- Snapshots -----------------------------------------------------------------------------


def test_a_snapshot_keeps_todays_figures(dev: Dev, ten: None) -> None:
    client = dev.client()
    response = client.post(dev.url("snapshot"))
    assert response.status_code == 302 and response.url == dev.url("network")
    snapshot = NetworkSnapshot.objects.get()
    assert snapshot.owner == dev.person and snapshot.taken_on == timezone.localdate()
    assert snapshot.summary["contacts"] == 10
    assert snapshot.summary["balance"] == {"operational": 5, "personal": 2, "strategic": 3}
    assert snapshot.summary["stale"] == 1
    # Figures only: no names or ids of contacts are kept in it.
    for name, *_rest in TEN_CONTACTS:
        assert name not in str(snapshot.summary)
    page = client.get(dev.url("network"))
    assert page.context["view"].snapshots == [snapshot]


def test_a_second_snapshot_on_the_same_day_replaces_the_first(dev: Dev) -> None:
    client = dev.client()
    dev.contact("First")
    client.post(dev.url("snapshot"))
    dev.contact("Second")
    client.post(dev.url("snapshot"))
    assert NetworkSnapshot.objects.count() == 1
    assert NetworkSnapshot.objects.get().summary["contacts"] == 2


def test_a_snapshot_is_a_post(dev: Dev) -> None:
    assert dev.client().get(dev.url("snapshot")).status_code == 405
    assert not NetworkSnapshot.objects.exists()
