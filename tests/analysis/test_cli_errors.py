"""Every bad input exits 2 with one message naming file, line (and column, value),
and writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from netlead.analysis.cli import main

MEMBERS = "id,name,organization\na,Ann,X\nb,Bo,Y\nc,Cy,X\n"
TIES = "source,target,weight\na,b,1\nb,c,2\n"

# name: (members content, ties content, extra args, expected line, expected fragments)
CASES: dict[str, tuple[str | bytes, str | bytes, list[str], int, list[str]]] = {
    "unknown member in ties": (
        MEMBERS,
        TIES + "a,zz,1\n",
        [],
        4,
        ["ties.csv", "target", "'zz'", "unknown member"],
    ),
    "unknown source": (MEMBERS, "source,target\nqq,a\n", [], 2, ["source", "'qq'", "unknown"]),
    "duplicate member ids": (
        MEMBERS + "b,Bob,Y\n",
        TIES,
        [],
        5,
        ["members.csv", "'b'", "duplicate member id", "line 3"],
    ),
    "self tie": (MEMBERS, TIES + "c,c,1\n", [], 4, ["self tie", "'c'"]),
    "duplicate tie": (
        MEMBERS,
        TIES + "a,b,3\n",
        [],
        4,
        ["duplicate tie a -> b", "first on line 2", "--merge-duplicates"],
    ),
    "empty members file": ("", TIES, [], 1, ["members.csv", "empty"]),
    "empty ties file": (MEMBERS, "", [], 1, ["ties.csv", "empty"]),
    "blank ties file": (MEMBERS, "\n\n  \n", [], 1, ["ties.csv", "empty"]),
    "header only members": ("id,name\n", TIES, [], 2, ["members.csv", "no members"]),
    "header only ties": (MEMBERS, "source,target\n", [], 2, ["ties.csv", "no ties"]),
    "missing id column": (
        "name,organization\nAnn,X\n",
        TIES,
        [],
        1,
        ["members.csv", "missing required column 'id'"],
    ),
    "missing target column": (
        MEMBERS,
        "source,weight\na,1\n",
        [],
        1,
        ["ties.csv", "missing required column 'target'"],
    ),
    "non-numeric weight": (
        MEMBERS,
        TIES + "c,a,heavy\n",
        [],
        4,
        ["weight", "'heavy'", "number > 0"],
    ),
    "negative weight": (MEMBERS, TIES + "c,a,-2\n", [], 4, ["weight", "'-2'"]),
    "zero weight": (MEMBERS, TIES + "c,a,0\n", [], 4, ["weight", "'0'"]),
    "infinite weight": (MEMBERS, TIES + "c,a,inf\n", [], 4, ["weight", "'inf'"]),
    "non-numeric rating": (
        MEMBERS,
        "source,target,reliability\na,b,good\n",
        [],
        2,
        ["reliability", "'good'", "1 to 4"],
    ),
    "rating out of range": (
        MEMBERS,
        "source,target,openness\na,b,3\nb,a,5\n",
        [],
        3,
        ["openness", "'5'", "1 to 4"],
    ),
    "rating zero": (MEMBERS, "source,target,resources\na,b,0\n", [], 2, ["resources", "'0'"]),
    "undecodable bytes": (
        MEMBERS.encode() + b"d,\xff\xfe,X\n",
        TIES,
        [],
        5,
        ["members.csv", "not UTF-8", "0xFF"],
    ),
    "latin-1 file": (
        b"id,name\na,Ann\n" + "b,Søren\n".encode("latin-1"),
        TIES,
        [],
        3,
        ["not UTF-8", "byte 4"],
    ),
    "extra cells": (MEMBERS, TIES + "a,c,1,oops\n", [], 4, ["more cells", "'oops'"]),
}


def _run(
    tmp_path: Path, members: str | bytes, ties: str | bytes, extra: list[str]
) -> tuple[int, str]:
    m, t = tmp_path / "members.csv", tmp_path / "ties.csv"
    for path, content in ((m, members), (t, ties)):
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return main(["--members", str(m), "--ties", str(t), *extra]), ""


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_exits_2_names_line_and_writes_nothing(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    members, ties, extra, line, fragments = CASES[case]
    out, export = tmp_path / "out.json", tmp_path / "out.graphml"
    code, _ = _run(
        tmp_path, members, ties, [*extra, "--output", str(out), "--export", "graphml", str(export)]
    )
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    message = captured.err.strip()
    assert len(message.splitlines()) == 1
    assert f"line {line}" in message
    for fragment in fragments:
        assert fragment in message
    assert not out.exists() and not export.exists()


def test_merge_duplicates_flag_accepts_duplicates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = _run(tmp_path, MEMBERS, TIES + "a,b,3\n", ["--merge-duplicates"])
    assert code == 0
    assert '"ties": 2' in capsys.readouterr().out


GRAPHML_CASES = {
    "csv named graphml": (b"id,name\na,Ann\n", 1, ["not a GraphML file"]),
    "other xml root": (
        b'<?xml version="1.0"?>\n<svg><g/></svg>\n',
        2,
        ["not a GraphML file", "<svg>"],
    ),
    "malformed xml": (
        b'<?xml version="1.0"?>\n<graphml>\n<graph>\n<node id="a">\n</graph>\n',
        5,
        ["not a GraphML file", "mismatched tag"],
    ),
    "bad bytes": (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<graphml>\n<graph>\xff</graph></graphml>',
        3,
        ["not a GraphML file"],
    ),
    "unknown edge target": (
        b'<?xml version="1.0"?>\n<graphml><graph edgedefault="directed">\n<node id="a"/>\n<edge source="a" target="b"/>\n</graph></graphml>',
        4,
        ["target", "'b'", "unknown member"],
    ),
    "duplicate node": (
        b'<graphml><graph>\n<node id="a"/>\n<node id="a"/>\n</graph></graphml>',
        3,
        ["duplicate member id", "'a'"],
    ),
    "self loop": (
        b'<graphml><graph>\n<node id="a"/>\n<edge source="a" target="a"/>\n</graph></graphml>',
        3,
        ["self tie"],
    ),
    "bad weight": (
        b'<graphml><key id="w" for="edge" attr.name="weight" attr.type="double"/><graph>\n'
        b'<node id="a"/><node id="b"/>\n<edge source="a" target="b"><data key="w">-1</data></edge>\n'
        b"</graph></graphml>",
        3,
        ["weight", "'-1'"],
    ),
    "empty": (b"", 1, ["empty"]),
    "entity expansion": (
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">]>\n<graphml/>',
        2,
        ["DTD"],
    ),
}


@pytest.mark.parametrize("case", sorted(GRAPHML_CASES))
def test_bad_graphml_exits_2(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content, line, fragments = GRAPHML_CASES[case]
    path = tmp_path / "in.graphml"
    path.write_bytes(content)
    out = tmp_path / "out.html"
    assert main(["--graphml", str(path), "--format", "html", "--output", str(out)]) == 2
    message = capsys.readouterr().err
    assert "in.graphml" in message and f"line {line}" in message
    for fragment in fragments:
        assert fragment in message
    assert not out.exists()


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--members", "m.csv"],
        ["--format", "pdf"],
        ["--export", "svg", "x.svg"],
        ["--compare", "1"],
        ["--round", "9"],
        ["--no-such-option"],
    ],
)
def test_usage_errors_exit_2(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    m, t = tmp_path / "m.csv", tmp_path / "t.csv"
    m.write_text(MEMBERS)
    t.write_text(TIES)
    full = [a.replace("m.csv", str(m)) for a in args]
    if "--members" not in full and args not in ([],):
        full = ["--members", str(m), "--ties", str(t), *full]
    assert main(full) == 2
    assert capsys.readouterr().err


def test_several_rounds_need_round(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.analysis.helpers import DATA

    code = main(["--members", str(DATA / "members.csv"), "--ties", str(DATA / "ties.csv")])
    assert code == 2
    assert "--round" in capsys.readouterr().err


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--members", str(tmp_path / "nope.csv"), "--ties", str(tmp_path / "t.csv")]) == 2
    assert "nope.csv" in capsys.readouterr().err
