"""A closed round's stored results read back into the typed read models, by schema version.

The samples in tests/data/surveys are stored results of each schema version as the engine wrote
them (a relationship round with a previous round, a health round with one). They are frozen:
when the engine writes a new version, add a sample of it and keep the old ones reading.
"""

from __future__ import annotations

import copy
import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from netlead.analysis import SCHEMA_VERSION, Member, Network, Tie, diagnose, to_dict
from netlead.surveys import selectors
from netlead.surveys.diagnosis import map_edges
from netlead.surveys.readmodels import (
    DIAGNOSIS_SCHEMAS,
    HEALTH_SCHEMAS,
    Diagnosis,
    Edge,
    Health,
    MemberFigures,
    NetworkMap,
    UnknownSchema,
    read_diagnosis,
    read_health,
    read_map,
)

DATA = Path(__file__).resolve().parent.parent / "data" / "surveys"


def _sample(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / name).read_text())
    return data


def _label(key: object) -> str:
    return f"member {key}"


# -- Relationship rounds --------------------------------------------------------------------


def test_every_diagnosis_schema_has_a_sample() -> None:
    assert {f"diagnosis_v{v}.json" for v in DIAGNOSIS_SCHEMAS} <= {
        p.name for p in DATA.glob("diagnosis_v*.json")
    }
    assert SCHEMA_VERSION in DIAGNOSIS_SCHEMAS


def test_a_stored_diagnosis_of_schema_1_reads_back() -> None:
    stored = _sample("diagnosis_v1.json")
    found = stored["diagnosis"]
    diagnosis = read_diagnosis(stored)

    assert isinstance(diagnosis, Diagnosis)
    assert (diagnosis.schema, diagnosis.k) == (1, 3)
    for key in ("members", "ties", "density", "reciprocity", "fragmentation", "cut_points"):
        assert diagnosis.network.value(key) == found["network"][key]
    assert diagnosis.network.value("not a metric") is None
    assert [o.organization for o in diagnosis.organizations] == ["Gemeente", "Politie", "Zorg"]
    assert [(c.source, c.target, c.ties) for c in diagnosis.organization_ties] == [
        (c["source"], c["target"], c["ties"]) for c in found["organization_matrix"]
    ]
    assert diagnosis.ratings is not None
    assert diagnosis.ratings.network.trust == found["ratings"]["network"]["trust"] == 3.125
    assert diagnosis.ratings.network.value is None
    assert [(f.key, dict(f.params), f.figure) for f in diagnosis.findings] == [
        (f["key"], f["params"], f["figure"]) for f in found["findings"]
    ]
    assert [(s.kind, s.source, s.target, s.via) for s in diagnosis.suggestions] == [
        (s["kind"], s["source"], s["target"], s["via"]) for s in found["suggestions"]
    ]

    comparison = diagnosis.comparison
    assert comparison is not None
    assert (comparison.ties_new, comparison.ties_lost, comparison.ties_kept) == (
        stored["comparison"]["ties_new"],
        stored["comparison"]["ties_lost"],
        stored["comparison"]["ties_kept"],
    )
    assert comparison.members_joined == ("17",) and comparison.members_left == ()
    assert [(c.metric, c.before, c.after, c.change) for c in comparison.network] == [
        (c["metric"], c["before"], c["after"], c["change"]) for c in stored["comparison"]["network"]
    ]
    assert [f.key for f in comparison.findings] == [
        f["key"] for f in stored["comparison"]["findings"]
    ]


def test_a_diagnosis_of_schema_1_has_no_response() -> None:
    diagnosis = read_diagnosis(_sample("diagnosis_v1.json"))
    assert diagnosis.response is None
    assert diagnosis.comparison is not None and diagnosis.comparison.ties_not_compared is None
    assert selectors.response(diagnosis, _label) is None
    assert selectors.comparison(diagnosis, _label).ties_not_compared is None  # type: ignore[union-attr]


def test_a_stored_diagnosis_of_schema_2_reads_back_with_its_response() -> None:
    stored = _sample("diagnosis_v2.json")
    network = stored["diagnosis"]["network"]
    diagnosis = read_diagnosis(stored)
    assert diagnosis.schema == 2 and read_map(stored).schema == 2
    response = diagnosis.response
    assert response is not None
    assert (response.members, response.respondents, response.rate) == (
        network["members_asked"],
        network["respondents"],
        network["response_rate"],
    )
    assert (response.method, response.low, response.threshold) == ("reconstruct", True, 0.7)
    assert response.reconstructed_ties == network["reconstructed_ties"] > 0
    assert [(o.organization, o.members, o.respondents) for o in response.by_organization] == [
        ("Care", 3, 1),
        ("Housing", 1, 1),
        ("Municipality", 3, 2),
        ("Police", 2, 2),
        ("School", 2, 1),
    ]
    assert diagnosis.comparison is not None
    assert diagnosis.comparison.ties_not_compared == stored["comparison"]["ties_not_compared"] > 0


def test_the_response_is_shown_per_organization_only_from_k_members_asked() -> None:
    diagnosis = read_diagnosis(_sample("diagnosis_v2.json"))
    shown = selectors.response(diagnosis, _label)
    assert shown is not None
    assert [o.organization for o in shown.by_organization] == ["Care", "Municipality"]  # k = 3
    assert shown.organizations_not_shown == 3
    assert (shown.respondents, shown.members) == (8, 12) and shown.rate == "67%"  # 8 of 12, rounded
    assert shown.warning.startswith("Only 8 of 12 members answered")
    # the warning is shown apart, not among the findings
    assert not any(
        text.startswith("Only 8 of 12") for text in selectors.findings(diagnosis, _label)
    )


def test_the_map_of_a_stored_diagnosis_of_schema_1_reads_back() -> None:
    stored = _sample("diagnosis_v1.json")
    graph = read_map(stored)

    assert isinstance(graph, NetworkMap) and graph.schema == 1
    assert [dataclasses.asdict(m) for m in graph.members] == [
        {
            "id": m["id"],
            "organization": m["organization"],
            "layer": m["layer"],
            "degree": m["degree"],
            "betweenness": m["betweenness"],
            "harmonic_closeness": m["harmonic_closeness"],
            "constraint": m["constraint"],
            "cut_point": m["cut_point"],
            "brokerage": m["brokerage"]["total"],
        }
        for m in stored["diagnosis"]["members"]
    ]
    assert {type(m) for m in graph.members} == {MemberFigures}
    assert graph.edges[0] == Edge(source="11", target="12", strength=3, mutual=True, new=False)
    assert [(e.source, e.target, e.strength, e.mutual) for e in graph.edges] == [
        tuple(e) for e in stored["edges"]
    ]
    assert {(e.source, e.target) for e in graph.edges if e.new} == {("11", "14"), ("12", "13")}
    assert graph.lost == (("12", "15"),)


def test_the_read_models_are_frozen() -> None:
    diagnosis = read_diagnosis(_sample("diagnosis_v1.json"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        diagnosis.k = 1  # type: ignore[misc]
    graph = read_map(_sample("diagnosis_v1.json"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        graph.members[0].degree = 0  # type: ignore[misc]
    with pytest.raises(AttributeError):
        graph.edges[0].new = True  # type: ignore[misc]


def test_a_first_round_has_no_comparison_and_no_new_or_lost_ties() -> None:
    stored = _sample("diagnosis_v1.json")
    for key in ("comparison", "new_edges", "lost_edges"):
        del stored[key]
    assert read_diagnosis(stored).comparison is None
    graph = read_map(stored)
    assert not any(e.new for e in graph.edges) and graph.lost == ()


def test_what_the_engine_stores_today_reads_back() -> None:
    network = Network(
        members=(Member("1", organization="A"), Member("2", organization="B"), Member("3")),
        ties=(Tie("1", "2"), Tie("2", "1"), Tie("2", "3")),
    )
    stored = {
        "kind": "relationship_survey",
        "diagnosis": to_dict(diagnose(network, k=3)),
        "edges": map_edges(network),
    }
    diagnosis = read_diagnosis(stored)
    assert diagnosis.schema == SCHEMA_VERSION == read_map(stored).schema
    assert diagnosis.network.members == 3 and len(read_map(stored).edges) == 2
    assert diagnosis.ratings is None  # no tie carries a rating
    assert selectors.rating_summary(diagnosis) == []


@pytest.mark.parametrize("schema", [5, 0, "1", True, None])
def test_an_unknown_diagnosis_schema_is_a_clear_error(schema: object) -> None:
    stored = _sample("diagnosis_v1.json")
    stored["diagnosis"]["schema"] = schema
    with pytest.raises(
        UnknownSchema, match="this version of netlead reads schema 1, 2, 3, 4"
    ) as error:
        read_diagnosis(stored)
    assert f"stored diagnosis has schema version {schema!r}" in str(error.value)
    assert error.value.version == schema
    with pytest.raises(UnknownSchema):
        read_map(stored)


def test_a_diagnosis_without_a_schema_is_not_guessed() -> None:
    stored = _sample("diagnosis_v1.json")
    del stored["diagnosis"]["schema"]
    with pytest.raises(UnknownSchema, match="schema version None"):
        read_diagnosis(stored)


def test_a_health_result_is_not_a_diagnosis() -> None:
    with pytest.raises(ValueError, match="no relationship diagnosis"):
        read_diagnosis(_sample("health_v1.json"))
    with pytest.raises(ValueError, match="no relationship diagnosis"):
        read_map(_sample("health_v1.json"))
    with pytest.raises(ValueError, match="no health summary"):
        read_health(_sample("diagnosis_v1.json"))


# -- Health rounds --------------------------------------------------------------------------


def test_a_stored_health_result_of_schema_1_reads_back() -> None:
    stored = _sample("health_v1.json")
    assert "schema" not in stored["health"]  # health results have never carried one
    health = read_health(stored)

    assert isinstance(health, Health) and health.schema == 1 == HEALTH_SCHEMAS[0]
    summary = health.summary
    assert (summary.respondents, summary.k, summary.suppressed) == (8, 3, None)
    assert [(d.dimension, d.respondents, d.mean, d.band) for d in summary.dimensions] == [
        (d["dimension"], d["respondents"], d["mean"], d["band"])
        for d in stored["health"]["dimensions"]
    ]
    assert [(g.group, g.respondents, g.suppressed) for g in summary.by_organization] == [
        ("Gemeente", 4, None),
        ("Politie", 3, "secondary_suppression"),
        ("Zorg", 1, "fewer_than_k"),
    ]
    assert all(d.mean is None for d in summary.by_organization[2].dimensions)
    assert [g.group for g in summary.by_layer] == [g["group"] for g in stored["health"]["by_layer"]]
    assert [(c.dimension, c.before, c.after, c.change) for c in health.comparison] == [
        (c["dimension"], c["before"], c["after"], c["change"]) for c in stored["comparison"]
    ]


def test_a_first_health_round_has_no_comparison() -> None:
    stored = _sample("health_v1.json")
    del stored["comparison"]
    assert read_health(stored).comparison == ()


@pytest.mark.parametrize("schema", [2, "1", False])
def test_an_unknown_health_schema_is_a_clear_error(schema: object) -> None:
    stored = _sample("health_v1.json")
    stored["health"]["schema"] = schema
    with pytest.raises(UnknownSchema, match=r"stored health result has schema version .*reads"):
        read_health(stored)


def test_a_health_result_stamped_with_schema_1_reads() -> None:
    stored = _sample("health_v1.json")
    stored["health"]["schema"] = 1
    assert read_health(stored) == read_health(_sample("health_v1.json"))


# -- Selectors over the read models ---------------------------------------------------------


def test_selectors_read_the_stored_json_and_its_read_model_alike() -> None:
    stored = _sample("diagnosis_v1.json")
    untouched = copy.deepcopy(stored)
    diagnosis = read_diagnosis(stored)
    assert selectors.network_figures(stored) == selectors.network_figures(diagnosis)
    assert selectors.organization_matrix(stored) == selectors.organization_matrix(diagnosis)
    assert selectors.rating_summary(stored) == selectors.rating_summary(diagnosis)
    for with_labels in (selectors.findings, selectors.suggestions):
        assert with_labels(stored, _label) == with_labels(diagnosis, _label)
    graph = read_map(stored)
    assert selectors.map_data(stored, _label) == selectors.map_data(graph, _label)
    assert selectors.comparison(stored, _label) == selectors.comparison(diagnosis, _label)
    assert stored == untouched  # reading never changes the stored JSON


def test_the_map_json_keeps_the_fields_the_script_reads() -> None:
    graph = selectors.map_data(_sample("diagnosis_v1.json"), _label)
    data = graph.as_json()
    assert list(data) == ["members", "edges", "lost"]
    assert list(data["members"][0]) == [
        "id",
        "label",
        "organization",
        "layer",
        "layer_label",
        "degree",
        "betweenness",
        "harmonic_closeness",
        "constraint",
        "cut_point",
        "brokerage",
    ]
    assert data["members"][0]["label"] == "member 11"
    assert [e for e in data["edges"] if e["new"]] == [
        {"source": "11", "target": "14", "strength": 2, "mutual": False, "new": True},
        {"source": "12", "target": "13", "strength": 2, "mutual": False, "new": True},
    ]
    assert data["lost"] == [{"source": "12", "target": "15"}]
    assert json.loads(json.dumps(data)) == data
    assert graph.organizations == ["", "Gemeente", "Politie", "Zorg"]


def test_the_health_dashboard_names_dimensions_and_gives_reasons() -> None:
    dashboard = selectors.health_dashboard(_sample("health_v1.json"), "en")
    assert dashboard.respondents == 8 and dashboard.reason == ""
    first = dashboard.dimensions[0]
    assert first.key == "free_space" and first.name and first.band == "concern"
    assert (
        first.mean == pytest.approx(2.8333, abs=1e-4)
        and first.shown == "2.8"
        and first.meter == "2.8"
    )
    politie, zorg = dashboard.by_organization[1:]
    assert "worked out" in politie.reason
    assert zorg.reason == "Not shown: fewer than 3 people answered."
    assert [g.name for g in dashboard.by_layer] == ["Operational", "Strategic", "Tactical"]
    assert dashboard.changes[0].change.startswith("-0.0")  # -0.056, two decimals
    assert dashboard.changes[0].after == "2.83"
