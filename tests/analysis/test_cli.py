"""`netlead analyze` on good input: JSON shape, text, HTML, exports, rounds."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from netlead.analysis.cli import main
from tests.analysis.helpers import DATA

ARGS = ["--members", str(DATA / "members.csv"), "--ties", str(DATA / "ties.csv")]


def _json(capsys: pytest.CaptureFixture[str], *extra: str) -> dict:  # type: ignore[type-arg]
    assert main([*ARGS, *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    out = _json(capsys, "--round", "1")
    for key in ("network", "members", "organizations", "findings", "suggestions"):
        assert key in out
    for key in (
        "members",
        "ties",
        "density",
        "reciprocity",
        "components",
        "fragmentation",
        "transitivity",
        "average_clustering",
        "cross_organization_share",
        "ei_index",
    ):
        assert key in out["network"]
    for member in out["members"]:
        for key in (
            "id",
            "organization",
            "degree",
            "in_degree",
            "out_degree",
            "betweenness",
            "constraint",
            "effective_size",
            "core",
            "community",
            "cut_point",
        ):
            assert key in member
    finding = out["findings"][0]
    assert set(finding) == {"key", "params", "figure", "importance"}
    importances = [f["importance"] for f in out["findings"]]
    assert importances == sorted(importances, reverse=True)


def test_json_is_strict_and_stable(capsys: pytest.CaptureFixture[str]) -> None:
    first = _json(capsys, "--round", "2")
    second = _json(capsys, "--round", "2")
    assert first == second
    text = json.dumps(first, allow_nan=False)  # raises on NaN
    assert "NaN" not in text


def test_ratings_are_aggregates_only(capsys: pytest.CaptureFixture[str]) -> None:
    out = _json(capsys, "--round", "1")
    assert out["ratings"]["network"]["trust"] is not None
    # no individual tie ratings appear anywhere in the diagnosis
    assert '"reliability"' not in json.dumps(out)
    suppressed = [m for m in out["members"] if m["ratings_received"]["suppressed"]]
    assert suppressed and all(m["ratings_received"]["trust"] is None for m in suppressed)


def test_findings_name_the_isolated_organization(capsys: pytest.CaptureFixture[str]) -> None:
    out = _json(capsys, "--round", "1")
    keys = {(f["key"], f["params"].get("organization")) for f in out["findings"]}
    assert ("org_isolated", "Housing") in keys


def test_compare_rounds(capsys: pytest.CaptureFixture[str]) -> None:
    out = _json(capsys, "--round", "2", "--compare", "1")
    comparison = out["comparison"]
    assert comparison["ties_new"] == 2  # m05->m08, m10->m03
    assert comparison["ties_lost"] == 6
    assert comparison["ties_kept"] == 12
    changes = {c["metric"]: c for c in comparison["network"]}
    assert changes["ties"]["change"] == 14 - 18
    assert comparison["findings"][0]["key"]


def test_text_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*ARGS, "--round", "1", "--format", "text"]) == 0
    text = capsys.readouterr().out
    assert "Housing (1 members) has no tie outside itself." in text
    assert "What stands out" in text


def test_html_is_self_contained_accessible_and_escaped(tmp_path: Path) -> None:
    members = tmp_path / "m.csv"
    members.write_text("id,name,organization\na,<script>alert(1)</script>,X&Y\nb,Bo,Z\nc,Cy,Z\n")
    ties = tmp_path / "t.csv"
    ties.write_text("source,target\na,b\nb,c\n")
    out = tmp_path / "report.html"
    assert (
        main(
            [
                "--members",
                str(members),
                "--ties",
                str(ties),
                "--format",
                "html",
                "--output",
                str(out),
            ]
        )
        == 0
    )
    page = out.read_text()
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in page
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "X&amp;Y" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert '<th scope="col"' in page and "<caption>" in page


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_opens_in_networkx(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"net.{fmt}"
    assert main([*ARGS, "--round", "1", "--export", fmt, str(path)]) == 0
    capsys.readouterr()
    g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert g.number_of_nodes() == 12
    assert g.number_of_edges() == 18


def test_graphml_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "net.graphml"
    assert main([*ARGS, "--round", "1", "--export", "graphml", str(path)]) == 0
    from_csv = json.loads(capsys.readouterr().out)
    assert main(["--graphml", str(path)]) == 0
    from_graphml = json.loads(capsys.readouterr().out)
    assert from_graphml == from_csv


def test_console_script_does_not_import_django(tmp_path: Path) -> None:
    code = (
        "import sys; from netlead.cli import main; "
        f"rc = main(['analyze', '--members', {str(DATA / 'members_da.csv')!r}, "
        f"'--ties', {str(DATA / 'ties_da.csv')!r}, '--output', {str(tmp_path / 'o.json')!r}]); "
        "assert rc == 0, rc; "
        "assert not [m for m in sys.modules if m == 'django' or m.startswith('django.')]"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    assert json.loads((tmp_path / "o.json").read_text())["network"]["members"] == 3


def test_no_django_import_anywhere_in_analysis() -> None:
    root = Path(__file__).resolve().parents[2] / "src" / "netlead" / "analysis"
    for path in root.rglob("*.py"):
        text = path.read_text()
        assert not re.search(r"^\s*(from|import)\s+django", text, re.M), path
