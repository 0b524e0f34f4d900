"""The "download my data" archive: one JSON file (the tables and a short description of each
table and column) and one CSV file per table, in a zip."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from netlead.exports.cells import neutralise
from netlead.privacy.parts import Table

FORMAT = "netlead-data-export"
VERSION = 1


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return None
    return value


def _csv_value(value: Any) -> str:
    value = _json_value(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return neutralise(str(value))


def _csv(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([_csv_value(row.get(column)) for column in table.columns])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def build(tables: Sequence[Table], *, about: str, created_at: datetime) -> bytes:
    """The zip: ``data.json`` (``schema``: each table's description and columns; ``tables``:
    its rows) and ``csv/<table>.csv``."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": created_at.isoformat(),
        "about": about,
        "schema": {
            t.name: {"description": t.description, "columns": t.columns, "rows": len(t.rows)}
            for t in tables
        },
        "tables": {
            t.name: [{k: _json_value(v) for k, v in row.items()} for row in t.rows] for t in tables
        },
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "data.json", json.dumps(document, ensure_ascii=False, indent=2, default=str)
        )
        for t in tables:
            archive.writestr(f"csv/{t.name}.csv", _csv(t))
    return buffer.getvalue()
