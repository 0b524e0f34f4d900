"""The SVG charts: valid XML, every text escaped, no script, and sensible with little data."""

from __future__ import annotations

from xml.etree import ElementTree

from netlead.reports import charts

NS = "{http://www.w3.org/2000/svg}"


def _parse(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)  # noqa: S314 - our own output


def test_texts_are_escaped_and_nothing_runs() -> None:
    evil = '<script>alert("x")</script> & co'
    svg = charts.bar_chart([(evil, 0.5, "50%")], maximum=1, title=evil)
    root = _parse(svg)
    assert "<script" not in svg
    assert any(evil[:20] in (t.text or "") for t in root.iter(f"{NS}text"))


def test_a_measurement_chart_with_one_point_and_equal_values() -> None:
    root = _parse(
        charts.measurement_chart(
            [("1-6", 5.0)],
            baseline=5,
            target=5,
            baseline_label="baseline 5",
            target_label="target 5",
            title="t",
        )
    )
    assert len(list(root.iter(f"{NS}circle"))) == 1


def test_bars_are_as_long_as_their_share_and_a_missing_value_draws_none() -> None:
    root = _parse(
        charts.bar_chart([("a", 1.0, "100%"), ("b", None, "fewer than 3")], maximum=1.0, title="t")
    )
    rects = list(root.iter(f"{NS}rect"))
    # a: background and bar; b: background only.
    assert len(rects) == 3
    assert float(rects[0].get("width") or 0) == float(rects[1].get("width") or 1)


def test_the_organization_map_joins_organizations_with_ties() -> None:
    root = _parse(
        charts.organization_map(
            [("A", 3, False), ("B", 1, False), ("C", 2, True)], [("A", "B", 4)], title="t"
        )
    )
    assert len(list(root.iter(f"{NS}line"))) == 1
    assert len(list(root.iter(f"{NS}circle"))) == 3
    assert _parse(charts.organization_map([], [], title="empty")) is not None
