"""Members and ties from CSV (UTF-8, with or without BOM; `,` `;` or tab) or XLSX.

``members``: ``id`` (required, unique), ``name``, ``organization``, ``layer``,
optional ``round`` (rounds the member belongs to, separated by ``|``) and ``responded``
(whether the member answered the survey: yes/no, 1/0, true/false; without the column
everyone answered); other columns become attributes. ``ties``: ``source``, ``target`` (required member ids), optional
``weight`` (> 0, default 1), ratings ``reliability``, ``mission``, ``openness``,
``influence``, ``involvement``, ``resources`` (1-4) and ``round``.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterator
from operator import itemgetter
from pathlib import Path

from netlead.analysis.io.errors import InputError
from netlead.analysis.model import RATING_FIELDS, Member, Network, Tie
from netlead.core.scales import TIE

__all__ = ["read_members", "read_network", "read_table", "read_ties"]

_MEMBER_FIELDS = ("id", "name", "organization", "layer", "round", "responded")
_YES = frozenset({"yes", "1", "true"})
_NO = frozenset({"no", "0", "false"})
_TIE_FIELDS = ("source", "target", "weight", *RATING_FIELDS, "round")

Row = tuple[int, dict[str, str]]


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        bad = data[exc.start : exc.end]
        raise InputError(
            str(path),
            line,
            f"byte {exc.start - line_start + 1}",
            " ".join(f"0x{b:02X}" for b in bad),
            "bytes that are not UTF-8 (save the file as UTF-8 or CSV UTF-8)",
        ) from None


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_rows(path: Path) -> tuple[int, list[str], Iterator[tuple[int, list[str]]]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), None, None, None, f"cannot read file: {exc.strerror}") from None
    text = _decode(path, data)
    if not text.strip():
        raise InputError(str(path), 1, None, None, "the file is empty")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))

    def rows() -> Iterator[tuple[int, list[str]]]:
        previous = 0
        try:
            for cells in reader:
                start = previous + 1
                previous = reader.line_num
                yield start, cells
        except csv.Error as exc:
            raise InputError(
                str(path), reader.line_num, None, None, f"malformed CSV: {exc}"
            ) from None

    it = rows()
    for line, cells in it:
        if any(c.strip() for c in cells):
            return line, cells, it
    raise InputError(str(path), 1, None, None, "the file is empty")


def _xlsx_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_rows(path: Path, sheet: str) -> tuple[int, list[str], Iterator[tuple[int, list[str]]]]:
    import zipfile

    import openpyxl  # type: ignore[import-untyped,unused-ignore]

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise InputError(
            str(path), None, None, None, f"not a readable XLSX workbook ({exc})"
        ) from None
    names = {name.lower(): name for name in book.sheetnames}
    ws = book[names[sheet]] if sheet in names else book.worksheets[0]
    label = f"{path} [sheet {ws.title}]"

    def rows() -> Iterator[tuple[int, list[str]]]:
        for line, values in enumerate(ws.iter_rows(values_only=True), start=1):
            yield line, [_xlsx_cell(v) for v in values]

    it = rows()
    for line, cells in it:
        if any(c.strip() for c in cells):
            return line, cells, it
    raise InputError(label, 1, None, None, "the sheet is empty")


def read_table(path: str | Path, *, sheet: str, required: tuple[str, ...]) -> Iterator[Row]:
    """Yield ``(line, {column: value})`` for each non-blank data row of a CSV or XLSX
    file (sheet ``sheet`` if it exists, else the first). Column names are trimmed
    and lower-cased; values trimmed. Checks required columns and row width.

    >>> read_table.__name__
    'read_table'
    """
    columns, rows = _table(path, sheet=sheet, required=required)
    for line, values in rows:
        yield line, dict(zip(columns, values, strict=True))


def _table(
    path: str | Path, *, sheet: str, required: tuple[str, ...]
) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The checked header of a table and its non-blank data rows as ``(line, values)``, the
    values trimmed and one per column (what :func:`read_table` yields, without a dict per
    row)."""
    p = Path(path)
    is_xlsx = p.suffix.lower() in (".xlsx", ".xlsm")
    header_line, header, rows = _xlsx_rows(p, sheet) if is_xlsx else _csv_rows(p)
    name = str(p)
    columns = [h.strip().lower() for h in header]
    while columns and not columns[-1]:
        columns.pop()
    seen: set[str] = set()
    for position, column in enumerate(columns, start=1):
        if not column:
            raise InputError(
                name, header_line, f"{position}", "", "empty column name in the header"
            )
        if column in seen:
            raise InputError(
                name, header_line, column, column, "column appears twice in the header"
            )
        seen.add(column)
    for column in required:
        if column not in seen:
            raise InputError(name, header_line, column, None, f"missing required column {column!r}")
    return columns, _values(name, len(columns), rows)


def _values(
    name: str, width: int, rows: Iterator[tuple[int, list[str]]]
) -> Iterator[tuple[int, list[str]]]:
    for line, cells in rows:
        if len(cells) == width:
            values = list(map(str.strip, cells))
            if any(values):
                yield line, values
            continue
        if not "".join(cells).strip():
            continue
        extra = [c for c in cells[width:] if c.strip()]
        if extra:
            raise InputError(
                name, line, f"{width + 1}", extra[0], "more cells than columns in the header"
            )
        values = [c.strip() for c in cells[:width]]
        values += [""] * (width - len(values))
        yield line, values


def read_members(path: str | Path) -> tuple[Member, ...]:
    """Read members (see the module docstring for columns).

    >>> read_members.__name__
    'read_members'
    """
    name = str(path)
    members: list[Member] = []
    first_line: dict[str, int] = {}
    for line, row in read_table(path, sheet="members", required=("id",)):
        member_id = row["id"]
        if not member_id:
            raise InputError(name, line, "id", "", "empty member id")
        if member_id in first_line:
            raise InputError(
                name,
                line,
                "id",
                member_id,
                f"duplicate member id (first on line {first_line[member_id]})",
            )
        first_line[member_id] = line
        attributes = tuple(sorted((k, v) for k, v in row.items() if k not in _MEMBER_FIELDS and v))
        rounds = tuple(r.strip() for r in row.get("round", "").split("|") if r.strip())
        responded = parse_responded(name, line, row["responded"]) if "responded" in row else True
        members.append(
            Member(
                id=member_id,
                name=row.get("name", ""),
                organization=row.get("organization") or None,
                layer=row.get("layer") or None,
                attributes=attributes,
                rounds=rounds,
                responded=responded,
            )
        )
    if not members:
        raise InputError(name, 2, None, None, "no members after the header")
    return tuple(members)


def parse_responded(file: str, line: int | None, text: str) -> bool:
    """Whether a member answered: yes/no, 1/0 or true/false (any case).

    >>> parse_responded("members.csv", 2, "No")
    False
    """
    value = text.strip().lower()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise InputError(file, line, "responded", text, "responded must be yes/no, 1/0 or true/false")


def _number(text: str) -> float:
    if "," in text and "." not in text:
        text = text.replace(",", ".")  # decimal comma (Dutch, Danish spreadsheets)
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def parse_weight(file: str, line: int | None, text: str) -> float:
    """A tie weight: a finite number > 0 (empty means 1)."""
    if not text:
        return 1.0
    try:
        value = _number(text)
    except ValueError:
        raise InputError(file, line, "weight", text, "weight must be a number > 0") from None
    if value <= 0:
        raise InputError(file, line, "weight", text, "weight must be a number > 0")
    return value


def parse_rating(file: str, line: int | None, column: str, text: str) -> float | None:
    """A rating: a number from 1 to 4 (empty means not rated)."""
    if not text:
        return None
    try:
        value = _number(text)
    except ValueError:
        raise InputError(file, line, column, text, "rating must be a number from 1 to 4") from None
    # A file may hold averaged ratings (2.5): any number within the tie scale.
    if not TIE.low <= value <= TIE.high:
        raise InputError(file, line, column, text, "rating must be a number from 1 to 4")
    return value


def merge_ties(ties: list[Tie]) -> Tie:
    """Merge duplicate ties: weights add up, each rating is the mean of those given.

    >>> merge_ties([Tie("a", "b", 1, reliability=2), Tie("a", "b", 2, reliability=4)])
    Tie(source='a', target='b', weight=3, reliability=3.0, mission=None, openness=None, influence=None, involvement=None, resources=None, round=None)
    """
    ratings: dict[str, float | None] = {}
    for field in RATING_FIELDS:
        given = [getattr(t, field) for t in ties if getattr(t, field) is not None]
        ratings[field] = sum(given) / len(given) if given else None
    first = ties[0]
    return Tie(
        first.source,
        first.target,
        sum(t.weight for t in ties),
        round=first.round,
        **ratings,
    )


def read_ties(
    path: str | Path,
    member_ids: set[str] | dict[str, object],
    *,
    members_file: str = "the members file",
    merge_duplicates: bool = False,
) -> tuple[Tie, ...]:
    """Read directed ties, checking ids, self ties, duplicates, weights and ratings.

    >>> read_ties.__name__
    'read_ties'
    """
    name = str(path)
    found: dict[tuple[str, str, str | None], tuple[int, int]] = {}
    ties: list[Tie] = []
    duplicates: dict[int, list[Tie]] = {}
    columns, rows = _table(path, sheet="ties", required=("source", "target"))
    at = {column: i for i, column in enumerate(columns)}
    source_at, target_at = at["source"], at["target"]
    weight_at, round_at = at.get("weight"), at.get("round")
    rating_at = [(field, at.get(field)) for field in RATING_FIELDS]
    present = [i for _, i in rating_at if i is not None]
    rating_texts = itemgetter(*present) if present else (lambda _values: ())
    # The checked ratings of each combination of rating cells seen so far, and the weights (a
    # file holds few distinct ones): each is parsed, with its error, the first time only.
    ratings_seen: dict[object, tuple[float | None, ...]] = {}
    weights_seen: dict[str, float] = {}
    for line, values in rows:
        source, target = values[source_at], values[target_at]
        if not (source and target and source in member_ids and target in member_ids):
            for column, value in (("source", source), ("target", target)):
                if not value:
                    raise InputError(name, line, column, "", "empty member id")
                if value not in member_ids:
                    raise InputError(
                        name, line, column, value, f"unknown member id (not in {members_file})"
                    )
        if source == target:
            raise InputError(
                name, line, "target", target, "self tie: a member cannot name themself"
            )
        texts = rating_texts(values)
        r = ratings_seen.get(texts)
        if r is None:
            r = ratings_seen[texts] = tuple(
                parse_rating(name, line, field, values[i]) if i is not None else None
                for field, i in rating_at
            )
        text = values[weight_at] if weight_at is not None else ""
        if not text:
            weight = 1.0
        elif (known := weights_seen.get(text)) is not None:
            weight = known
        else:
            weight = weights_seen[text] = parse_weight(name, line, text)
        round_ = (values[round_at] or None) if round_at is not None else None
        tie = Tie(source, target, weight, r[0], r[1], r[2], r[3], r[4], r[5], round_)
        key = (source, target, round_)
        if key in found:
            if not merge_duplicates:
                raise InputError(
                    name,
                    line,
                    "target",
                    target,
                    f"duplicate tie {source} -> {target} (first on line {found[key][1]}); "
                    "use --merge-duplicates to merge duplicates",
                )
            position = found[key][0]
            duplicates.setdefault(position, [ties[position]]).append(tie)
            continue
        found[key] = (len(ties), line)
        ties.append(tie)
    if not ties:
        raise InputError(name, 2, None, None, "no ties after the header")
    for position, group in duplicates.items():
        ties[position] = merge_ties(group)
    return tuple(ties)


def read_network(
    members_path: str | Path, ties_path: str | Path, *, merge_duplicates: bool = False
) -> Network:
    """Read a network from a members file and a ties file (CSV or XLSX).

    >>> read_network.__name__
    'read_network'
    """
    members = read_members(members_path)
    ids = {m.id for m in members}
    ties = read_ties(
        ties_path, ids, members_file=Path(members_path).name, merge_duplicates=merge_duplicates
    )
    return Network(members=members, ties=ties)
