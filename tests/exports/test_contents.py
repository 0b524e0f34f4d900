"""What the files hold: the round's network as its diagnosis has it (read back by networkx and
igraph), no ratings, no names of members who chose not to be named, typed XLSX cells, CSV in
the reader's language, formulas neutralised."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import igraph as ig
import networkx as nx
import pytest
from openpyxl import load_workbook

from netlead.surveys.models import SurveyInvitation
from netlead.surveys.readmodels import read_health, read_map
from tests.exports.conftest import EXPORTS, Demo

RATING_WORDS = (
    "trust",
    "value",
    "reliability",
    "mission",
    "openness",
    "influence",
    "involvement",
    "resources",
)


def _get(demo: Demo, key: str, fmt: str, query: str = "") -> bytes:
    user = demo.facilitator if key == "cohort" else demo.member
    response = demo.client(user).get(demo.url(key, fmt) + query)
    assert response.status_code == 200
    return response.content


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_the_network_opens_in_networkx_and_igraph_as_diagnosed(
    demo: Demo, fmt: str, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    stored = read_map(demo.relationship_round.diagnosis)
    members = {m.id for m in stored.members}
    ties = {frozenset((e.source, e.target)) for e in stored.edges}
    path = tmp_path / f"round.{fmt}"
    path.write_bytes(_get(demo, "network", fmt))

    graph = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert set(graph.nodes) == members
    assert {frozenset(e) for e in graph.edges} == ties
    assert graph.number_of_edges() == len(stored.edges)
    some = stored.edges[0]
    data = graph.edges[some.source, some.target]
    assert int(data["frequency"]) == some.strength and bool(data["mutual"]) == some.mutual
    node = graph.nodes[stored.members[0].id]
    assert node["organization"] == stored.members[0].organization
    assert int(node["netlead_degree"]) == stored.members[0].degree

    if fmt == "graphml":
        g = ig.Graph.Read_GraphML(str(path))
        assert set(g.vs["id"]) == members
        assert {frozenset((g.vs[e.source]["id"], g.vs[e.target]["id"])) for e in g.es} == ties
        assert set(g.es.attributes()) >= {"frequency", "mutual", "weight"}
    else:
        # igraph has no GEXF reader: its NetworkX bridge reads what networkx read.
        g = ig.Graph.from_networkx(graph)
        assert g.vcount() == len(members) and g.ecount() == len(ties)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_the_network_holds_no_rating(demo: Demo, fmt: str) -> None:
    text = _get(demo, "network", fmt).decode()
    for word in RATING_WORDS:
        assert f'"{word}"' not in text


def test_no_export_names_a_member_who_chose_not_to_be_named(demo: Demo) -> None:
    survey_round = demo.relationship_round
    invitation = (
        SurveyInvitation.objects.filter(round=survey_round).select_related("member__person").first()
    )
    assert invitation is not None
    invitation.not_named = True
    invitation.save(update_fields=["not_named"])
    secret = invitation.member.person.name
    for key, fmt in EXPORTS:
        if key in ("network", "matrix", "health"):
            content = _get(demo, key, fmt)
            if fmt in ("xlsx",):
                book = load_workbook(io.BytesIO(content))
                text = " ".join(
                    str(v)
                    for s in book.worksheets
                    for row in s.iter_rows(values_only=True)
                    for v in row
                )
            else:
                text = content.decode("utf-8-sig")
            assert secret not in text, (key, fmt)
    graph = _get(demo, "network", "graphml").decode()
    assert "member 1" in graph  # a pseudonym in their place
    hidden = _get(demo, "network", "gexf", "?names=hidden").decode()
    named = [m for m in survey_round.invitations.select_related("member__person")]
    assert not any(f'label="{i.member.person.name}"' in hidden for i in named)


def test_health_shows_only_groups_of_at_least_k(demo: Demo) -> None:
    stored = read_health(demo.health_round.diagnosis).summary
    sheet = load_workbook(io.BytesIO(_get(demo, "health", "xlsx"))).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows
    shown = [r for r in rows if r[4] is not None]
    assert shown and all(r[3] >= stored.k for r in shown)
    assert all(isinstance(r[4], int | float) for r in shown)
    hidden = [r for r in rows if r[4] is None]
    assert all(r[6] for r in hidden)  # each says why
    suppressed = {g.group for g in (*stored.by_organization, *stored.by_layer) if g.suppressed}
    assert not any(r[1] in suppressed and r[4] is not None for r in rows)


def test_xlsx_exports_have_typed_cells(demo: Demo) -> None:
    members = load_workbook(io.BytesIO(_get(demo, "members", "xlsx"))).active
    assert members.freeze_panes == "A2" and members["A1"].font.bold
    assert isinstance(members["F2"].value, datetime)  # joined on: a date
    results = load_workbook(io.BytesIO(_get(demo, "results", "xlsx"))).active
    values = [r[9] for r in results.iter_rows(min_row=2, values_only=True) if r[9] is not None]
    assert values and all(isinstance(v, int | float) for v in values)
    meetings = load_workbook(io.BytesIO(_get(demo, "meetings", "xlsx"))).active
    assert isinstance(meetings["B2"].value, datetime)
    assert isinstance(meetings["E2"].value, bool)
    matrix = load_workbook(io.BytesIO(_get(demo, "matrix", "xlsx"))).active
    assert all(
        isinstance(v, int)
        for row in matrix.iter_rows(min_row=2, min_col=2, values_only=True)
        for v in row
    )
    cohort = load_workbook(io.BytesIO(_get(demo, "cohort", "xlsx"))).active
    assert all(
        isinstance(v, int)
        for v in next(cohort.iter_rows(min_row=2, min_col=4, max_col=5, values_only=True))
    )


def test_csv_in_dutch_uses_semicolons_and_a_decimal_comma(demo: Demo) -> None:
    demo.member.language = "nl"
    demo.member.save(update_fields=["language"])
    text = _get(demo, "results", "csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][0] == "Resultaat" or len(rows[0]) == 11
    assert all(len(r) == 11 for r in rows)
    baseline = rows[1][3]
    assert "," in baseline and "." not in baseline
    demo.member.language = "en"
    demo.member.save(update_fields=["language"])
    rows = list(csv.reader(io.StringIO(_get(demo, "results", "csv").decode("utf-8-sig"))))
    assert all(len(r) == 11 for r in rows) and "." in rows[1][3]


def test_a_formula_in_a_name_is_neutralised_in_both_files(demo: Demo) -> None:
    member = demo.network.members.select_related("person").first()
    assert member is not None
    member.person.name = '=HYPERLINK("http://evil.example","click")'
    member.person.job_title = "@SUM(1+1)"
    member.person.save(update_fields=["name", "job_title"])
    text = _get(demo, "members", "csv").decode("utf-8-sig")
    assert "'=HYPERLINK(" in text and "'@SUM(1+1)" in text
    assert "\n=HYPERLINK" not in text.replace('"', "")
    sheet = load_workbook(io.BytesIO(_get(demo, "members", "xlsx"))).active
    cells = [c for row in sheet.iter_rows() for c in row if c.value and "HYPERLINK" in str(c.value)]
    assert cells and all(c.data_type == "s" and c.value.startswith("'") for c in cells)
