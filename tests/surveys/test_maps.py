"""The map page's data (surveys/maps.py) on the demo's rounds: its privacy rules, and the
stored layout that keeps every load and the next round in the same places."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from netlead.surveys import maps
from netlead.surveys.models import SurveyRound

pytestmark = pytest.mark.django_db


@pytest.fixture
def rounds() -> tuple[SurveyRound, SurveyRound]:
    from netlead.demo import load_demo

    load_demo()
    spring = SurveyRound.objects.get(title="Netwerkmeting voorjaar")
    autumn = SurveyRound.objects.get(title="Netwerkmeting najaar")
    return spring, autumn


def _person_ids(survey_round: SurveyRound) -> set[str]:
    return {str(pk) for pk in survey_round.invitations.values_list("member__person_id", flat=True)}


def test_ids_are_random_for_each_view_and_never_person_ids(rounds) -> None:  # type: ignore[no-untyped-def]
    _spring, autumn = rounds
    first = maps.network_map(autumn.diagnosis, autumn, pseudonymised=False)
    second = maps.network_map(autumn.diagnosis, autumn, pseudonymised=False)
    ids = {m.id for m in first.members} | {o.id for o in first.organizations}
    assert not ids & {m.id for m in second.members}
    assert not ids & _person_ids(autumn)
    # The same people in the same places, whatever their ids.
    assert sorted((m.label, m.x, m.y) for m in first.members) == sorted(
        (m.label, m.x, m.y) for m in second.members
    )


def test_hidden_names_are_organization_and_layer_groups(rounds) -> None:  # type: ignore[no-untyped-def]
    _spring, autumn = rounds
    shown = maps.network_map(autumn.diagnosis, autumn, pseudonymised=True)
    names = set(autumn.invitations.values_list("member__person__name", flat=True))
    assert not {m.label for m in shown.members} & names
    assert all(m.short == "" and not m.named for m in shown.members)
    groups = Counter(m.label for m in shown.members)
    for m in shown.members:
        if m.layer:  # labelled by organization and layer: never a group of one
            assert groups[m.label] > 1 and m.label.endswith(" at " + m.organization), m.label
        else:
            assert m.label == f"Member of {m.organization or 'No organization'}"
    # Who named whom is not shown for members not named.
    assert all(t.mutual is None for t in shown.ties)
    named = maps.network_map(autumn.diagnosis, autumn, pseudonymised=False)
    assert any(t.mutual for t in named.ties)


def test_no_rating_of_a_person_or_tie_and_trust_only_over_k(rounds) -> None:  # type: ignore[no-untyped-def]
    _spring, autumn = rounds
    shown = maps.network_map(autumn.diagnosis, autumn, pseudonymised=False)
    text = json.dumps(shown.as_json())
    for word in ("reliability", "ratings", '"trust"', '"value"', "openness"):
        assert word not in text
    cells = {
        (c["source"], c["target"]): c["ratings"]
        for c in autumn.diagnosis["diagnosis"]["rating_matrix"]
    }
    names = {o.id: o.name for o in shown.organizations}
    for tie in shown.organization_ties:
        a, b = names[tie.source], names[tie.target]
        rated = [cells.get(pair) for pair in ((a, b), (b, a))]
        over_k = [c for c in rated if c and c["trust"] is not None]
        assert (tie.trust is None) == (not over_k), (a, b)


def test_the_layout_is_stored_and_the_next_round_keeps_the_places(rounds) -> None:  # type: ignore[no-untyped-def]
    spring, autumn = rounds
    assert autumn.diagnosis["map"]["version"] == 1
    before = maps.network_map(spring.diagnosis, spring, pseudonymised=False)
    after = maps.network_map(autumn.diagnosis, autumn, pseudonymised=False)
    places = {m.label: (m.x, m.y) for m in before.members}
    kept = [m for m in after.members if m.label in places]
    assert len(kept) >= 25
    moved = [
        m.label for m in kept if abs(m.x - places[m.label][0]) + abs(m.y - places[m.label][1]) > 30
    ]
    assert not moved


def test_a_round_stored_without_a_layout_gets_the_same_one_on_every_load(rounds) -> None:  # type: ignore[no-untyped-def]
    _spring, autumn = rounds
    stored = {k: v for k, v in autumn.diagnosis.items() if k != "map"}
    first = maps.network_map(stored, autumn, pseudonymised=False)
    again = maps.network_map(stored, autumn, pseudonymised=False)
    assert sorted((m.label, m.x, m.y) for m in first.members) == sorted(
        (m.label, m.x, m.y) for m in again.members
    )


def test_members_and_organizations_carry_the_findings_about_them(rounds) -> None:  # type: ignore[no-untyped-def]
    _spring, autumn = rounds
    shown = maps.network_map(autumn.diagnosis, autumn, pseudonymised=False)
    findings = autumn.diagnosis["diagnosis"]["findings"]
    about_members = [f for f in findings if "member" in (f["params"] or {})]
    assert sum(len(m.findings) for m in shown.members) == len(about_members)
    assert all(m.label in text for m in shown.members for text in m.findings)
