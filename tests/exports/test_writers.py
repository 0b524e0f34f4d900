"""The two tabular writers on their own: separators and decimal signs per language, typed XLSX
cells, and formula injection neutralised by both."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from netlead.exports.cells import neutralise
from netlead.exports.tables import Column, Kind, Table, write_csv, write_xlsx

TABLE = Table(
    name="Results",
    columns=(
        Column("Name"),
        Column("Count", Kind.INT),
        Column("Value", Kind.NUMBER),
        Column("On", Kind.DATE),
        Column("At", Kind.DATETIME),
        Column("Done", Kind.BOOL),
    ),
    rows=[
        (
            "Anna",
            3,
            Decimal("1234.5"),
            date(2026, 5, 1),
            datetime(2026, 5, 1, 10, 30, tzinfo=UTC),
            True,
        ),
        ("=1+1", -2, -0.25, None, None, False),
    ],
)

ATTACKS = ['=HYPERLINK("http://evil")', "+1", "-1", "@SUM(A1)", "\tcmd", "\rcmd"]


@pytest.mark.parametrize("text", ATTACKS)
def test_formula_starts_are_neutralised(text: str) -> None:
    assert neutralise(text) == "'" + text
    assert neutralise("Anna =1") == "Anna =1"


@pytest.mark.parametrize(
    ("language", "delimiter", "decimal"), [("nl", ";", ","), ("da", ";", ","), ("en", ",", ".")]
)
def test_csv_follows_the_language(language: str, delimiter: str, decimal: str) -> None:
    data = write_csv(TABLE, language)
    assert data.startswith(b"\xef\xbb\xbf")  # a BOM: Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=delimiter))
    assert rows[0] == ["Name", "Count", "Value", "On", "At", "Done"]
    assert rows[1][:4] == ["Anna", "3", f"1234{decimal}50", "2026-05-01"]
    assert rows[1][4].startswith("2026-05-01 ")
    assert rows[2][:3] == ["'=1+1", "-2", f"-0{decimal}25"]  # a number stays a number


def test_xlsx_cells_are_typed_with_a_bold_frozen_header() -> None:
    sheet = load_workbook(io.BytesIO(write_xlsx(TABLE))).active
    assert sheet.title == "Results"
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.bold for cell in sheet[1])
    name, count, value, on, at, done = (cell.value for cell in sheet[2])
    assert (name, count, value, done) == ("Anna", 3, 1234.5, True)
    assert isinstance(on, datetime) and on.date() == date(2026, 5, 1)
    assert isinstance(at, datetime) and at.tzinfo is None
    assert sheet["B2"].data_type == "n" and sheet["C2"].data_type == "n"
    assert sheet["D2"].is_date and sheet["E2"].is_date
    assert sheet["A3"].value == "'=1+1" and sheet["A3"].data_type == "s"
    assert sheet.column_dimensions["A"].width >= 8


def test_both_writers_neutralise_every_text_cell() -> None:
    table = Table(
        name="x", columns=(Column("=evil"), Column("n", Kind.INT)), rows=[(a, 1) for a in ATTACKS]
    )
    text = write_csv(table, "en").decode("utf-8-sig")
    for line in list(csv.reader(io.StringIO(text)))[1:]:
        assert line[0].startswith("'")
    sheet = load_workbook(io.BytesIO(write_xlsx(table))).active
    values = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert values[0] == "'=evil"
    assert all(isinstance(v, str) and v.startswith("'") for v in values[1:])
    assert all(cell.data_type == "s" for (cell,) in sheet.iter_rows(max_col=1))
