"""Readers and writers: encodings, separators, XLSX, GraphML and GEXF round trips."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import openpyxl
import pytest

from netlead.analysis import (
    Member,
    Network,
    Tie,
    diagnose,
    read_graphml,
    read_network,
    write_gexf,
    write_graphml,
)
from tests.analysis.helpers import DATA


def test_reads_csv_fixture() -> None:
    net = read_network(DATA / "members.csv", DATA / "ties.csv")
    assert len(net.members) == 12
    assert net.members[0] == Member(
        "m01",
        "Anna de Vries",
        "Municipality",
        "strategic",
        (("email", "anna@example.org"),),
    )
    assert net.members[11].organization is None
    assert net.rounds() == ("1", "2")
    first = net.ties[0]
    assert (first.weight, first.reliability, first.trust) == (2.0, 4.0, pytest.approx(11 / 3))
    unrated = next(t for t in net.ties if t.source == "m03" and t.target == "m12")
    assert unrated.trust is None and unrated.value is None


def test_reads_semicolons_bom_crlf_and_decimal_comma() -> None:
    net = read_network(DATA / "members_da.csv", DATA / "ties_da.csv")
    assert [m.name for m in net.members] == ["Søren Ny", "Åse Holm", "Jens Ørum"]
    assert net.members[0].attributes == (("organisation_note", "x"),)
    assert [t.weight for t in net.ties] == [1.5, 2.0, 1.0]
    assert net.ties[2].reliability is None


def test_merge_duplicates(tmp_path: Path) -> None:
    (tmp_path / "m.csv").write_text("id\na\nb\n")
    (tmp_path / "t.csv").write_text("source,target,weight,reliability\na,b,1,2\na,b,2,4\nb,a,1,\n")
    net = read_network(tmp_path / "m.csv", tmp_path / "t.csv", merge_duplicates=True)
    assert len(net.ties) == 2
    assert (net.ties[0].weight, net.ties[0].reliability) == (3.0, 3.0)


def test_same_tie_in_two_rounds_is_not_a_duplicate(tmp_path: Path) -> None:
    (tmp_path / "m.csv").write_text("id\na\nb\n")
    (tmp_path / "t.csv").write_text("source,target,round\na,b,1\na,b,2\n")
    net = read_network(tmp_path / "m.csv", tmp_path / "t.csv")
    assert net.for_round("2").ties == (Tie("a", "b", round="2"),)


def _xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)


def test_reads_xlsx_workbook_with_two_sheets(tmp_path: Path) -> None:
    path = tmp_path / "network.xlsx"
    _xlsx(
        path,
        {
            "Members": [
                ["ID", "Name", "Organization"],
                [1, "Ann", "X"],
                [2, "Bo", "Y"],
                [3, "Cy", None],
            ],
            "Ties": [
                ["source", "target", "weight", "openness"],
                [1, 2, 2.5, 4],
                [2, 3, None, None],
            ],
        },
    )
    net = read_network(path, path)
    assert [m.id for m in net.members] == ["1", "2", "3"]
    assert net.members[2].organization is None
    assert net.ties == (Tie("1", "2", 2.5, openness=4.0), Tie("2", "3"))


def test_csv_graphml_csv_round_trip(tmp_path: Path) -> None:
    net = read_network(DATA / "members.csv", DATA / "ties.csv")
    path = tmp_path / "net.graphml"
    write_graphml(path, net)
    assert read_graphml(path) == net
    # with metrics attached the network read back is still the same
    round1 = net.for_round("1")
    write_graphml(path, round1, diagnose(round1))
    assert read_graphml(path) == round1


def test_graphml_is_read_by_networkx(tmp_path: Path) -> None:
    net = read_network(DATA / "members.csv", DATA / "ties.csv").for_round("2")
    path = tmp_path / "net.graphml"
    write_graphml(path, net, diagnose(net))
    g = nx.read_graphml(path)
    assert g.is_directed()
    assert set(g.nodes) == {m.id for m in net.members}
    assert g.number_of_edges() == len(net.ties)
    assert g.nodes["m01"]["organization"] == "Municipality"
    assert g.nodes["m01"]["netlead_degree"] == 4
    assert g.edges["m01", "m02"]["weight"] == 2.0


def test_reads_graphml_written_by_networkx(tmp_path: Path) -> None:
    g = nx.florentine_families_graph()
    for v in g:
        g.nodes[v]["organization"] = "family" if len(v) > 6 else "bank"
    path = tmp_path / "florentine.graphml"
    nx.write_graphml(g, path)
    net = read_graphml(path)
    assert {m.id for m in net.members} == set(g)
    assert len(net.ties) == g.number_of_edges()
    assert {m.organization for m in net.members} == {"family", "bank"}


def test_gexf_is_read_by_networkx(tmp_path: Path) -> None:
    net = Network(
        (Member("a", "Ann <&>", "X"), Member("b", 'B"o', "Y"), Member("c")),
        (Tie("a", "b", 2.0, reliability=3.0), Tie("b", "c")),
    )
    path = tmp_path / "net.gexf"
    write_gexf(path, net, diagnose(net))
    g = nx.read_gexf(path)
    assert set(g.nodes) == {"a", "b", "c"}
    assert g.nodes["a"]["label"] == "Ann <&>"
    assert g.nodes["b"]["organization"] == "Y"
    assert g.edges["a", "b"]["weight"] == 2.0
    assert g.edges["a", "b"]["reliability"] == 3.0
    assert g.nodes["b"]["netlead_betweenness"] == 1.0


def _ties_file(tmp_path: Path, rows: str) -> tuple[Path, Path]:
    members = tmp_path / "members.csv"
    members.write_text("id\na\nb\nc\n", encoding="utf-8")
    ties = tmp_path / "ties.csv"
    ties.write_text(rows, encoding="utf-8")
    return members, ties


def test_a_rating_or_weight_seen_before_is_read_the_same_and_a_bad_one_still_stops(
    tmp_path: Path,
) -> None:
    """The reader parses each distinct cell text once: later rows with the same text get the
    same value, and a bad text is reported on its own line and column, even after good ones."""
    members, ties = _ties_file(
        tmp_path,
        "source,target,weight,mission,openness,round\n"
        'a,b,"2,5",3,,r1\n'
        'b,a,"2,5",,3,\n'
        "a,c,,3,3,r1\n"
        "c,a,1,3,5,r1\n",
    )
    with pytest.raises(ValueError, match=r"line 5, column openness, value '5'.*1 to 4"):
        read_network(members, ties)
    members, ties = _ties_file(
        tmp_path,
        "source,target,weight,mission\na,b,2,3\nb,a,2,3\nb,c,-2,3\n",
    )
    with pytest.raises(ValueError, match=r"line 4, column weight, value '-2'.*> 0"):
        read_network(members, ties)
    members, ties = _ties_file(
        tmp_path,
        "source,target,weight,mission,openness,round\n"
        'a,b,"2,5",3,,r1\n'
        'b,a,"2,5",,3,\n'
        "a,c,,3,3,r1\n",
    )
    net = read_network(members, ties)
    assert net.ties == (
        Tie("a", "b", 2.5, mission=3.0, round="r1"),
        Tie("b", "a", 2.5, openness=3.0),
        Tie("a", "c", 1.0, mission=3.0, openness=3.0, round="r1"),
    )


def test_a_row_with_several_faults_reports_the_first_in_column_order(tmp_path: Path) -> None:
    members, ties = _ties_file(tmp_path, "source,target,weight,reliability\na,b,1,3\nx,a,0,9\n")
    with pytest.raises(ValueError, match=r"line 3, column source, value 'x': unknown member"):
        read_network(members, ties)
    members, ties = _ties_file(tmp_path, "source,target,weight,reliability\na,b,0,9\n")
    with pytest.raises(ValueError, match=r"line 2, column reliability, value '9'"):
        read_network(members, ties)
    members, ties = _ties_file(tmp_path, "source,target,weight\na,,1\n , \nb,a,1,extra\n")
    with pytest.raises(ValueError, match=r"line 2, column target, value '': empty member id"):
        read_network(members, ties)
    members, ties = _ties_file(tmp_path, "source,target,weight\n , ,\nb,a,1,extra\n")
    with pytest.raises(ValueError, match=r"line 3, column 4, value 'extra': more cells"):
        read_network(members, ties)
