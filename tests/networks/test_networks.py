"""A network leader's week: profile, members and import, charter, results, phases."""

from __future__ import annotations

import io
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from netlead.networks.models import (
    CharterStatus,
    Network,
    NetworkMember,
    NetworkRole,
    PhaseTransition,
    Result,
)
from netlead.workspaces.models import Organization, Person
from tests.networks.conftest import Net


def _u(net: Net, name: str, *extra: object) -> str:
    return reverse(name, args=[net.slug, net.network.pk, *extra])


def test_creator_becomes_leader(world) -> None:  # type: ignore[no-untyped-def]
    client = world.client_for(world.facilitator)
    response = client.post(
        reverse("networks:create", args=["youth"]),
        {
            "name": "Safe at home",
            "kind": "inter_organizational",
            "scope": "local",
            "governance": "shared",
            "status": "active",
        },
    )
    network = Network.objects.get(name="Safe at home")
    assert response["Location"] == reverse("networks:dashboard", args=["youth", network.pk])
    leader = network.members.get()
    assert (leader.role, leader.person.user) == (NetworkRole.LEADER, world.facilitator)
    assert client.get(response["Location"]).status_code == 200


def test_network_with_end_before_start_is_refused(world) -> None:  # type: ignore[no-untyped-def]
    response = world.client_for(world.member).post(
        reverse("networks:create", args=["youth"]),
        {
            "name": "Backwards",
            "kind": "learning",
            "scope": "local",
            "governance": "nao",
            "status": "active",
            "starts_on": "2026-05-01",
            "planned_end_on": "2026-01-01",
        },
    )
    assert response.status_code == 400
    assert "The planned end must come after the start." in response.text
    assert not Network.objects.filter(name="Backwards").exists()


def test_sponsor_from_another_workspace_is_refused(net: Net) -> None:
    response = net.world.client_for(net.world.owner).post(
        _u(net, "networks:profile"),
        {
            "name": "X",
            "kind": "learning",
            "scope": "local",
            "governance": "shared",
            "status": "active",
            "sponsor": net.world.other_person.pk,
        },
    )
    assert response.status_code == 400
    net.network.refresh_from_db()
    assert net.network.name == "Youth care network"


def test_add_member_and_refuse_a_second_time(net: Net) -> None:
    client = net.world.client_for(net.world.owner)
    person = Person.objects.create(
        workspace=net.world.workspace, name="New Partner", organization=net.world.organization
    )
    assert (
        client.post(_u(net, "networks:members"), {"person": person.pk, "role": "core"}).status_code
        == 302
    )
    response = client.post(_u(net, "networks:members"), {"person": person.pk, "role": "core"})
    assert response.status_code == 400
    assert net.network.members.current().filter(person=person).count() == 1


def test_person_of_another_workspace_cannot_be_added(net: Net) -> None:
    response = net.world.client_for(net.world.owner).post(
        _u(net, "networks:members"), {"person": net.world.other_person.pk, "role": "member"}
    )
    assert response.status_code == 400
    assert not net.network.members.filter(person=net.world.other_person).exists()


def test_leaving_keeps_history_and_rejoining_adds_a_row(net: Net) -> None:
    client = net.world.client_for(net.world.owner)
    client.post(
        _u(net, "networks:member_leave", net.member.pk), {"left_on": date.today().isoformat()}
    )
    net.member.refresh_from_db()
    assert net.member.left_on == date.today()
    client.post(_u(net, "networks:members"), {"person": net.member.person.pk, "role": "member"})
    assert NetworkMember.objects.filter(network=net.network, person=net.member.person).count() == 2
    page = client.get(_u(net, "networks:members"))
    assert "Former members" in page.text


def test_leaving_before_joining_is_refused(net: Net) -> None:
    response = net.world.client_for(net.world.owner).post(
        _u(net, "networks:member_leave", net.member.pk), {"left_on": "2000-01-01"}, follow=True
    )
    assert "cannot come before the joining date" in response.text
    net.member.refresh_from_db()
    assert net.member.left_on is None


def test_the_leader_changes_a_members_role_and_joining_day_on_its_own_page(net: Net) -> None:
    client = net.world.client_for(net.world.owner)
    url = _u(net, "networks:member_edit", net.member.pk)
    page = client.get(url)
    assert page.status_code == 200 and net.member.person.name in page.text
    day = date.today() - timedelta(days=200)
    response = client.post(url, {"role": "core", "joined_on": day.isoformat()})
    assert response.status_code == 302
    net.member.refresh_from_db()
    assert (net.member.role, net.member.joined_on) == ("core", day)
    # The members page is one table, with a link per member instead of forms.
    members = client.get(_u(net, "networks:members"))
    assert members.text.count("<table") == 1 and 'name="left_on"' not in members.text
    assert url in members.text


def test_a_bad_member_change_says_why_and_changes_nothing(net: Net) -> None:
    client = net.world.client_for(net.world.owner)
    url = _u(net, "networks:member_edit", net.member.pk)
    before = (net.member.role, net.member.joined_on)
    future = (date.today() + timedelta(days=3)).isoformat()
    cases = [
        ({"role": "emperor", "joined_on": "2025-01-01"}, "Select a valid choice"),
        ({"role": "core", "joined_on": "someday"}, "Enter a valid date"),
        ({"role": "core", "joined_on": future}, "cannot be in the future"),
    ]
    for data, message in cases:
        response = client.post(url, data)
        assert response.status_code == 400 and message in response.text, message
    # A rejoined member's new membership cannot start before the old one ended.
    NetworkMember.objects.create(
        network=net.network,
        person=net.member.person,
        role="member",
        joined_on=date(2024, 1, 1),
        left_on=date(2024, 6, 30),
    )
    response = client.post(url, {"role": "core", "joined_on": "2024-03-01"})
    assert response.status_code == 400 and "this membership starts after that" in response.text
    net.member.refresh_from_db()
    assert (net.member.role, net.member.joined_on) == before


def test_last_leader_cannot_leave_or_step_down(net: Net) -> None:
    client = net.world.client_for(net.world.owner)
    joined = net.leader.joined_on.isoformat()
    client.post(
        _u(net, "networks:member_edit", net.leader.pk), {"role": "member", "joined_on": joined}
    )
    client.post(
        _u(net, "networks:member_leave", net.leader.pk), {"left_on": date.today().isoformat()}
    )
    net.leader.refresh_from_db()
    assert (net.leader.role, net.leader.left_on) == (NetworkRole.LEADER, None)


def _csv(rows: list[str]) -> SimpleUploadedFile:
    return SimpleUploadedFile(
        "members.csv", ("\n".join(rows) + "\n").encode("utf-8-sig"), content_type="text/csv"
    )


def test_import_30_members_from_semicolon_csv_with_preview(net: Net) -> None:
    Organization.objects.create(workspace=net.world.workspace, name="Politie")
    rows = ["name;email;organization;layer;job_title;role"]
    rows += [
        f"Lid {i};lid{i}@example.test;{'Politie' if i % 2 else 'municipality'};{'operationeel' if i % 3 else 'tactical'};Adviseur;member"
        for i in range(30)
    ]
    client = net.world.client_for(net.world.owner)
    preview = client.post(_u(net, "networks:members_import"), {"file": _csv(rows)})
    assert preview.status_code == 200
    assert "Preview: 30 members" in preview.text
    assert net.network.members.current().count() == 3  # nothing saved yet
    client.post(_u(net, "networks:members_import_confirm"))
    assert net.network.members.current().count() == 33
    assert Person.objects.get(email="lid1@example.test").organization.name == "Politie"
    # The preview cannot be replayed.
    client.post(_u(net, "networks:members_import_confirm"))
    assert net.network.members.current().count() == 33


def test_import_asks_about_likely_duplicates_and_does_what_the_user_says(net: Net) -> None:
    workspace = net.world.workspace
    municipality = Organization.objects.get(workspace=workspace, name="Municipality")
    known = Person.objects.create(
        workspace=workspace, name="Jan de Vries", organization=municipality, email="jan@ex.test"
    )
    twin = Person.objects.create(workspace=workspace, name="Eva Jansen", organization=municipality)
    rows = [
        "name;organization;email",
        "jan  de vries;Municipality;",  # line 2: Jan, without his address
        "Eva Jansen;Municipality;",  # line 3: Eva, or a namesake
        "Piet Nieuw;Municipality;",  # line 4: new
        "Piet Nieuw;Municipality;",  # line 5: line 4 again
        "Jan de Vries;Municipality;other@ex.test",  # line 6: another address: someone else
    ]
    client = net.world.client_for(net.world.owner)
    preview = client.post(_u(net, "networks:members_import"), {"file": _csv(rows)})
    assert preview.status_code == 200
    assert "3 lines may name someone already known" in preview.text
    assert "jan@ex.test" in preview.text
    assert "The same person as on line 4" in preview.text
    assert Person.objects.filter(workspace=workspace).count() == 4 + 2  # nothing saved yet
    before = Person.objects.filter(workspace=workspace).count()

    # Jan is Jan (the default), Eva is a namesake, line 5 repeats line 4.
    client.post(_u(net, "networks:members_import_confirm"), {"same_3": "new"})
    current = net.network.members.current()
    assert current.filter(person=known).exists()
    assert current.filter(person=twin).count() == 0
    assert Person.objects.filter(workspace=workspace, name="Eva Jansen").count() == 2
    assert Person.objects.filter(workspace=workspace, name="Piet Nieuw").count() == 1
    assert Person.objects.filter(workspace=workspace, email="other@ex.test").count() == 1
    # Created: Eva's namesake, Piet, the other Jan.
    assert Person.objects.filter(workspace=workspace).count() == before + 3
    assert current.count() == 3 + 4


def test_a_tampered_duplicate_answer_cannot_pick_another_person(net: Net) -> None:
    workspace = net.world.workspace
    municipality = Organization.objects.get(workspace=workspace, name="Municipality")
    Person.objects.create(workspace=workspace, name="Jan de Vries", organization=municipality)
    client = net.world.client_for(net.world.owner)
    client.post(
        _u(net, "networks:members_import"),
        {"file": _csv(["name;organization", "Jan de Vries;Municipality"])},
    )
    # The page offers "same" or "new"; anything else counts as "same", never as a person id.
    client.post(
        _u(net, "networks:members_import_confirm"), {"same_2": str(net.world.other_person.pk)}
    )
    assert not net.network.members.filter(person=net.world.other_person).exists()
    assert Person.objects.filter(workspace=workspace, name="Jan de Vries").count() == 1


def test_import_with_unknown_organization_names_the_line_and_saves_nothing(net: Net) -> None:
    rows = ["name;organization", "Good;Municipality", "Bad;Nowhere Inc"]
    response = net.world.client_for(net.world.owner).post(
        _u(net, "networks:members_import"), {"file": _csv(rows)}
    )
    assert response.status_code == 400
    assert "unknown organization “Nowhere Inc”" in response.text
    assert ">3<" in response.text  # the line number
    assert net.network.members.current().count() == 3
    assert not Person.objects.filter(name="Good").exists()


def test_import_refuses_missing_columns_bad_bytes_and_empty_files(net: Net) -> None:
    client = net.world.client_for(net.world.owner)
    cases = [
        (_csv(["nom,email", "A,a@example.test"]), "Missing column(s): name, organization"),
        (
            SimpleUploadedFile("m.csv", b"name,organization\n\xff\xfe,Municipality\n"),
            "is not UTF-8",
        ),
        (SimpleUploadedFile("m.csv", b""), "The submitted file is empty."),
        (_csv(["name,organization,email", "A,Municipality,not-mail"]), "is not an e-mail address"),
    ]
    for upload, message in cases:
        response = client.post(_u(net, "networks:members_import"), {"file": upload})
        assert response.status_code == 400
        assert message in response.text, message
    assert net.network.members.current().count() == 3


def test_import_from_xlsx(net: Net) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["name", "organization", "layer", "role"])
    sheet.append(["Xena Xlsx", "Municipality", "strategic", "core"])
    buffer = io.BytesIO()
    book.save(buffer)
    upload = SimpleUploadedFile("members.xlsx", buffer.getvalue())
    client = net.world.client_for(net.world.owner)
    assert (
        "Preview: 1 member"
        in client.post(_u(net, "networks:members_import"), {"file": upload}).text
    )
    client.post(_u(net, "networks:members_import_confirm"))
    assert net.network.members.current().get(person__name="Xena Xlsx").role == NetworkRole.CORE


def test_charter_is_proposed_agreed_and_versioned(net: Net) -> None:
    leader = net.world.client_for(net.world.owner)
    member = net.world.client_for(net.world.member)
    data = {
        "necessity": "No one can do it alone.",
        "shared_interest": "Help in time.",
        f"mandate_{net.world.organization.pk}": "Full mandate.",
    }
    member.post(_u(net, "networks:charter_propose"), data)
    v1 = net.network.charter_versions.get()
    assert (v1.number, v1.status, v1.mandates.get().mandate) == (
        1,
        CharterStatus.PROPOSED,
        "Full mandate.",
    )
    leader.post(_u(net, "networks:charter_respond", v1.pk), {"agrees": "yes"})
    member.post(_u(net, "networks:charter_respond", v1.pk), {"agrees": "yes"})
    leader.post(_u(net, "networks:charter_adopt", v1.pk))
    v1.refresh_from_db()
    assert v1.status == CharterStatus.AGREED and v1.agreed_at is not None

    member.post(_u(net, "networks:charter_propose"), {**data, "values": "Openness."})
    v2 = net.network.charter_versions.get(number=2)
    member.post(_u(net, "networks:charter_respond", v2.pk), {"agrees": "yes"})
    # The leader has not responded: consent within 14 days is not met, so deciding is explicit.
    leader.post(_u(net, "networks:charter_adopt", v2.pk), {"despite_rule": "on"})
    v1.refresh_from_db()
    v2.refresh_from_db()
    assert v1.status == CharterStatus.SUPERSEDED
    assert (v1.adopted_rule, v1.adopted_rule_met) == ("consent", True)
    assert (v2.adopted_rule, v2.adopted_rule_days, v2.adopted_rule_met) == ("consent", 14, False)
    page = member.get(_u(net, "networks:charter"))
    assert "Openness." in page.text
    assert "Earlier agreed versions" in page.text
    assert net.network.charter_versions.filter(status=CharterStatus.AGREED).count() == 1


def test_objection_needs_a_reason_and_adoption_needs_confirming(net: Net) -> None:
    net.network.charter_versions.create(number=1, necessity="n", shared_interest="s")
    version = net.network.charter_versions.get()
    member = net.world.client_for(net.world.member)
    response = member.post(
        _u(net, "networks:charter_respond", version.pk),
        {"agrees": "no", "objection": ""},
        follow=True,
    )
    assert "Say what you object to" in response.text
    assert not version.responses.exists()
    member.post(
        _u(net, "networks:charter_respond", version.pk), {"agrees": "no", "objection": "Too vague."}
    )
    response = net.world.client_for(net.world.owner).post(
        _u(net, "networks:charter_adopt", version.pk), follow=True
    )
    assert response.status_code == 400
    assert "Not met: there are objections." in response.text
    assert "decision rule is not met yet" in response.text
    version.refresh_from_db()
    assert version.status == CharterStatus.PROPOSED


def test_result_with_measurements_and_chart_data(net: Net) -> None:
    client = net.world.client_for(net.world.owner)
    response = client.post(
        _u(net, "networks:result_create"),
        {
            "title": "Faster help",
            "indicator": "Days to first talk",
            "unit": "days",
            "baseline": "42",
            "target": "14",
            "status": "on_track",
        },
    )
    result = Result.objects.get(title="Faster help")
    assert response["Location"] == _u(net, "networks:result", result.pk)
    member = net.world.client_for(net.world.member)
    for day, value in (("2026-01-01", "40"), ("2026-02-01", "33"), ("2026-03-01", "28")):
        assert (
            member.post(
                _u(net, "networks:result", result.pk), {"measured_on": day, "value": value}
            ).status_code
            == 302
        )
    page = member.get(_u(net, "networks:result", result.pk))
    assert page.context["series"] == {
        "labels": ["2026-01-01", "2026-02-01", "2026-03-01"],
        "values": [40.0, 33.0, 28.0],
        "baseline": 42.0,
        "target": 14.0,
    }
    overview = client.get(_u(net, "networks:results"))
    assert overview.context["rows"][0].progress == (28 - 42) / (14 - 42)


def test_result_with_a_target_that_is_not_a_number_is_refused(net: Net) -> None:
    response = net.world.client_for(net.world.owner).post(
        _u(net, "networks:result_create"),
        {"title": "T", "indicator": "I", "baseline": "1", "target": "many", "status": "on_track"},
    )
    assert response.status_code == 400
    assert "Enter a number." in response.text
    assert not Result.objects.exists()


def test_measurement_with_bad_value_is_refused(net: Net) -> None:
    result = Result.objects.create(
        network=net.network, title="R", indicator="I", baseline=0, target=10
    )
    response = net.world.client_for(net.world.member).post(
        _u(net, "networks:result", result.pk), {"measured_on": "soon", "value": "x"}
    )
    assert response.status_code == 400
    assert not result.measurements.exists()


def test_phase_move_records_date_and_who(net: Net) -> None:
    client = net.world.client_for(net.world.owner)
    client.post(_u(net, "networks:phase_move"), {"to_phase": 3, "note": "Design done"})
    net.network.refresh_from_db()
    assert net.network.phase == 3
    transition = PhaseTransition.objects.get()
    assert (
        transition.from_phase,
        transition.to_phase,
        transition.decided_by,
        transition.decided_on,
    ) == (2, 3, net.world.owner, date.today())


def test_phase_move_out_of_range_changes_nothing(net: Net) -> None:
    client = net.world.client_for(net.world.owner)
    for bad in ("8", "0", "two", "2"):
        client.post(_u(net, "networks:phase_move"), {"to_phase": bad})
    net.network.refresh_from_db()
    assert net.network.phase == 2
    assert not PhaseTransition.objects.exists()


def test_phase_checklist_items_are_marked_and_unknown_ones_refused(net: Net) -> None:
    from netlead import frameworks

    item = frameworks.phases("en")[1].checklist[0].key
    client = net.world.client_for(net.world.owner)
    client.post(_u(net, "networks:phase_check"), {"item": item, "done": "on"})
    assert net.network.phase_checks.filter(item=item, phase=2).exists()
    client.post(_u(net, "networks:phase_check"), {"item": item})
    assert not net.network.phase_checks.exists()
    response = client.post(
        _u(net, "networks:phase_check"), {"item": "hack", "done": "on"}, follow=True
    )
    assert "Unknown checklist item." in response.text
    assert not net.network.phase_checks.exists()


def test_phase_page_shows_the_framework_in_dutch(net: Net) -> None:
    from netlead import frameworks

    net.world.owner.language = "nl"
    net.world.owner.save()
    page = net.world.client_for(net.world.owner).get(_u(net, "networks:phase"))
    assert frameworks.phases("nl")[1].title in page.text


def test_dashboard_queries_do_not_grow_with_results(net: Net) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = net.world.client_for(net.world.member)

    def queries_with(results: int) -> int:
        for i in range(results - net.network.results.count()):
            result = Result.objects.create(
                network=net.network, title=f"R{i}", indicator="I", baseline=0, target=10
            )
            result.measurements.create(measured_on=date.today(), value=i)
        with CaptureQueriesContext(connection) as context:
            assert client.get(_u(net, "networks:dashboard")).status_code == 200
        return len(context.captured_queries)

    queries_with(1)  # warm the session
    assert queries_with(2) == queries_with(12)


def test_import_takes_the_joining_day_and_refuses_a_bad_or_future_one(net: Net) -> None:
    client = net.world.client_for(net.world.owner)
    future = (date.today() + timedelta(days=5)).strftime("%d-%m-%Y")
    bad = [
        "naam;organisatie;lid sinds",
        "A Een;Municipality;31-02-2026",
        f"B Twee;Municipality;{future}",
    ]
    response = client.post(_u(net, "networks:members_import"), {"file": _csv(bad)})
    assert response.status_code == 400
    assert "“31-02-2026” is not a day" in response.text
    assert "the joining day is in the future" in response.text
    assert not Person.objects.filter(name__in=["A Een", "B Twee"]).exists()

    good = ["name;organization;joined", "C Drie;Municipality;15-01-2026", "D Vier;Municipality;"]
    client.post(_u(net, "networks:members_import"), {"file": _csv(good)})
    client.post(_u(net, "networks:members_import_confirm"))
    joined = dict(
        net.network.members.filter(person__name__in=["C Drie", "D Vier"]).values_list(
            "person__name", "joined_on"
        )
    )
    assert joined == {"C Drie": date(2026, 1, 15), "D Vier": date.today()}


def test_the_import_preview_shows_the_joining_day_in_the_pages_language(net: Net) -> None:
    net.world.owner.language = "nl"
    net.world.owner.save(update_fields=["language"])
    client = net.world.client_for(net.world.owner)
    rows = ["naam;organisatie;lid sinds", "C Drie;Municipality;01-03-2026", "D Vier;Municipality;"]
    preview = client.post(_u(net, "networks:members_import"), {"file": _csv(rows)})
    assert preview.status_code == 200
    # Dutch short date ("1 mrt 2026"), not the ISO form the preview keeps for the import.
    assert "<td>1 mrt 2026</td>" in preview.text
    assert "2026-03-01" not in preview.text
    assert "<td>—</td>" in preview.text
