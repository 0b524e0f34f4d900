"""The two tabular writers: CSV the way a spreadsheet in the reader's language opens it, and
XLSX with typed cells. Both take the same `Table` and pass every text cell through
`cells.neutralise`.

CSV: UTF-8 with a byte-order mark (so Excel reads it as UTF-8), `;` between columns and a
decimal comma in Dutch and Danish (where Excel expects them), `,` and a decimal point in English;
dates as ISO dates, which Excel reads in every language. XLSX: numbers as numbers, dates as
dates, a bold header row, the header frozen, a filter on it and columns wide enough to read.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from django.utils import timezone
from django.utils.translation import gettext as _

from netlead.exports.cells import neutralise

__all__ = ["Column", "Kind", "Table", "csv_format", "write_csv", "write_xlsx"]


class Kind(StrEnum):
    TEXT = "text"
    INT = "int"
    NUMBER = "number"
    DATE = "date"
    DATETIME = "datetime"
    BOOL = "bool"


@dataclass(frozen=True)
class Column:
    header: str
    kind: Kind = Kind.TEXT
    #: Digits after the decimal sign of a NUMBER column (in CSV and in XLSX's display).
    decimals: int = 2


@dataclass(frozen=True)
class Table:
    """Rows of cells under typed columns; ``None`` is an empty cell."""

    name: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[object]]


@dataclass(frozen=True)
class CsvFormat:
    delimiter: str
    decimal: str


def csv_format(language: str) -> CsvFormat:
    """The separator and decimal sign a spreadsheet in `language` expects."""
    if language in ("nl", "da"):
        return CsvFormat(delimiter=";", decimal=",")
    return CsvFormat(delimiter=",", decimal=".")


def _local(moment: datetime) -> datetime:
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment


def _csv_cell(value: object, column: Column, form: CsvFormat) -> str:
    if value is None or value == "":
        return ""
    if column.kind == Kind.BOOL:
        return _("yes") if value else _("no")
    if column.kind == Kind.INT and isinstance(value, int):
        return str(value)
    if column.kind == Kind.NUMBER and isinstance(value, int | float | Decimal):
        return f"{value:.{column.decimals}f}".replace(".", form.decimal)
    if column.kind == Kind.DATETIME and isinstance(value, datetime):
        return _local(value).strftime("%Y-%m-%d %H:%M")
    if column.kind == Kind.DATE and isinstance(value, date):
        return value.isoformat()
    return neutralise(str(value))


def write_csv(table: Table, language: str) -> bytes:
    """`table` as CSV for a reader in `language` (see `csv_format`), UTF-8 with BOM."""
    form = csv_format(language)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=form.delimiter, lineterminator="\r\n")
    writer.writerow([neutralise(c.header) for c in table.columns])
    for row in table.rows:
        writer.writerow(
            [
                _csv_cell(value, column, form)
                for value, column in zip(row, table.columns, strict=True)
            ]
        )
    return out.getvalue().encode("utf-8-sig")


_NUMBER_FORMATS = {
    Kind.INT: "0",
    Kind.DATE: "yyyy-mm-dd",
    Kind.DATETIME: "yyyy-mm-dd hh:mm",
}
_MIN_WIDTH, _MAX_WIDTH = 8, 60


def _xlsx_cell(value: object, column: Column) -> object:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value is None or value == "":
        return None
    if column.kind == Kind.BOOL:
        return bool(value)
    if column.kind in (Kind.INT, Kind.NUMBER) and isinstance(value, int | float | Decimal):
        return float(value) if isinstance(value, Decimal) else value
    if column.kind == Kind.DATETIME and isinstance(value, datetime):
        return _local(value).replace(tzinfo=None)
    if column.kind in (Kind.DATE, Kind.DATETIME) and isinstance(value, date):
        return value
    # openpyxl refuses control characters; a formula is neutralised like in CSV.
    return neutralise(ILLEGAL_CHARACTERS_RE.sub("", str(value)))


def _sheet_title(name: str) -> str:
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in name).strip()
    return cleaned[:31] or "Sheet"


def _shown_length(value: object, column: Column) -> int:
    if value is None:
        return 0
    if column.kind == Kind.DATETIME:
        return 16
    if column.kind == Kind.DATE:
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def write_xlsx(*tables: Table) -> bytes:
    """The tables as an XLSX workbook, one sheet each."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for table in tables:
        sheet = book.create_sheet(_sheet_title(table.name))
        sheet.append([neutralise(c.header) for c in table.columns])
        for cell in sheet[1]:
            cell.font = bold
        widths = [len(c.header) for c in table.columns]
        for number, row in enumerate(table.rows):
            values = [_xlsx_cell(v, c) for v, c in zip(row, table.columns, strict=True)]
            sheet.append(values)
            if number < 500:  # enough to size the columns; the rest follow suit
                widths = [
                    max(w, _shown_length(v, c))
                    for w, v, c in zip(widths, values, table.columns, strict=True)
                ]
        for i, column in enumerate(table.columns, start=1):
            letter = get_column_letter(i)
            sheet.column_dimensions[letter].width = min(
                max(widths[i - 1] + 2, _MIN_WIDTH), _MAX_WIDTH
            )
            number_format = _NUMBER_FORMATS.get(column.kind)
            if column.kind == Kind.NUMBER:
                number_format = "0." + "0" * column.decimals if column.decimals else "0"
            if number_format:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=i, max_col=i):
                    cell.number_format = number_format
        sheet.freeze_panes = "A2"
        if table.columns:
            sheet.auto_filter.ref = (
                f"A1:{get_column_letter(len(table.columns))}{len(table.rows) + 1}"
            )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
