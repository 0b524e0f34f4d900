"""Reading a members file (CSV with `,` or `;`, or XLSX) into rows, with line-numbered errors.

Nothing is saved here: the page shows a preview, and `services.members_import` saves the rows
once the user confirms.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _

from netlead.core.language import active_language
from netlead.networks.models import NetworkRole
from netlead.workspaces.models import Layer, Workspace

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000
#: An XLSX is a zip: its parts unpacked may be far larger than the upload (a 1.9 MB file once
#: expanded to 520 MB and held a worker for 30 s). Checked from the zip's directory before
#: anything is unpacked.
MAX_UNPACKED_BYTES = 25 * 1024 * 1024
#: The longest value a members' column can hold (the models' max_length).
MAX_CELL = 200
COLUMNS = ("name", "email", "organization", "layer", "job_title", "role", "joined")

#: The column headers in each language, in the order of COLUMNS: the import template uses the
#: reader's, and a file may use any of them (a Dutch template filled in by a Danish partner).
HEADERS = {
    "en": COLUMNS,
    "nl": ("naam", "e-mail", "organisatie", "laag", "functie", "rol", "lid sinds"),
    "da": ("navn", "e-mail", "organisation", "lag", "stilling", "rolle", "medlem siden"),
}
HEADER_WORDS = {
    **{
        word: column
        for words in HEADERS.values()
        for word, column in zip(words, COLUMNS, strict=True)
    },
    # Other ways people write them.
    "e-mail address": "email",
    "e-mailadres": "email",
    "e-mailadresse": "email",
    "mail": "email",
    "job title": "job_title",
    "functietitel": "job_title",
    "stillingsbetegnelse": "job_title",
    "joined on": "joined",
    "joined_on": "joined",
    "toegetreden": "joined",
    "tiltrådt": "joined",
}

#: The ways a joining day is written: ISO, or day first as in the Netherlands and Denmark.
DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y")

# Layer words as people write them in the three languages.
LAYER_WORDS = {
    **{value: value for value in Layer.values},
    "strategisch": Layer.STRATEGIC,
    "tactisch": Layer.TACTICAL,
    "operationeel": Layer.OPERATIONAL,
    "strategisk": Layer.STRATEGIC,
    "taktisk": Layer.TACTICAL,
    "operationel": Layer.OPERATIONAL,
    "operationelt": Layer.OPERATIONAL,
}


@dataclass(frozen=True)
class ImportRow:
    line: int
    name: str
    email: str
    organization_id: int
    organization: str
    layer: str
    job_title: str
    role: str
    #: ISO day the person joined the network; "" for today.
    joined_on: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def joined_day(self) -> date | None:
        """`joined_on` as a day, for the preview to show in the page's date format."""
        return date.fromisoformat(self.joined_on) if self.joined_on else None


@dataclass(frozen=True)
class ImportError_:
    line: int
    message: str


@dataclass(frozen=True)
class LikelyDuplicate:
    """A row that may name someone already known: a person of the workspace (`person_id`) or
    an earlier line of the file (`same_line`), with the same name and organization and no
    e-mail address that tells them apart. The page asks whether it is the same person."""

    line: int
    name: str
    organization: str
    person_id: int | None = None
    person_email: str = ""
    same_line: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ParsedFile:
    rows: list[ImportRow]
    errors: list[ImportError_]
    duplicates: list[LikelyDuplicate] = field(default_factory=list)


def column_of(header: str) -> str:
    """The column a header names, in any of the three languages (else the header itself)."""
    word = header.strip().lower()
    return HEADER_WORDS.get(word, word)


def _joined_on(value: str) -> date | None:
    """The day a "joined" cell names (an XLSX date cell reads as "2026-01-15 00:00:00")."""
    text = value.strip()
    if len(text) == 19 and text.endswith(" 00:00:00"):
        text = text[:10]
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _role_words() -> dict[str, str]:
    """Roles by value and by their name in the reader's language ("kernlid")."""
    return {
        **{value: value for value in NetworkRole.values},
        **{str(label).lower(): value for value, label in NetworkRole.choices},
    }


def _records_from_csv(data: bytes) -> list[tuple[int, dict[str, str]]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            _("The file is not UTF-8 text (byte %(position)s). Save it as CSV UTF-8 and try again.")
            % {"position": error.start + 1}
        ) from error
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    records: list[tuple[int, dict[str, str]]] = []
    try:
        for row in reader:
            records.append((reader.line_num, row))
            if len(records) > MAX_ROWS:  # enough to refuse; the rest is never read
                break
    except csv.Error as error:  # a NUL character, a quote left open
        raise ValidationError(
            _("Line %(line)s cannot be read: %(reason)s.")
            % {"line": reader.line_num, "reason": error}
        ) from error
    return records


def _check_unpacked_size(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(part.file_size for part in archive.infolist())
    except zipfile.BadZipFile as error:
        raise ValidationError(_("The file is not a readable XLSX workbook.")) from error
    if unpacked > MAX_UNPACKED_BYTES:
        raise ValidationError(
            _(
                "The workbook unpacks to more than %(mb)s MB. Save only the members' sheet and try again."
            )
            % {"mb": MAX_UNPACKED_BYTES // (1024 * 1024)}
        )


def _records_from_xlsx(data: bytes) -> list[tuple[int, dict[str, str]]]:
    from openpyxl import load_workbook

    _check_unpacked_size(data)
    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise ValidationError(_("The file is not a readable XLSX workbook.")) from error
    rows = sheet.iter_rows(values_only=True)
    header = [str(cell or "").strip() for cell in next(rows, ())]
    records: list[tuple[int, dict[str, str]]] = []
    for number, row in enumerate(rows, start=2):
        if not any(cell not in (None, "") for cell in row):
            continue
        records.append(
            (
                number,
                {
                    header[i]: "" if cell is None else str(cell)
                    for i, cell in enumerate(row)
                    if i < len(header)
                },
            )
        )
        if len(records) > MAX_ROWS:  # enough to refuse; the rest is never read
            break
    return records


def parse_members_file(*, data: bytes, filename: str, workspace: Workspace) -> ParsedFile:
    """Rows of a members file, checked against the workspace's organizations."""
    if not data.strip():
        raise ValidationError(_("The file is empty."))
    if len(data) > MAX_BYTES:
        raise ValidationError(_("The file is larger than 2 MB."))
    is_xlsx = filename.lower().endswith(".xlsx")
    records = _records_from_xlsx(data) if is_xlsx else _records_from_csv(data)
    if not records:
        raise ValidationError(_("The file has a header but no rows."))
    if len(records) > MAX_ROWS:
        raise ValidationError(_("The file has more than %(max)s rows.") % {"max": MAX_ROWS})
    header = {column_of(key) for key in records[0][1] if key}
    words = dict(zip(COLUMNS, HEADERS.get(active_language(), COLUMNS), strict=True))
    missing = [words[column] for column in ("name", "organization") if column not in header]
    if missing:
        raise ValidationError(
            _("Missing column(s): %(columns)s. Expected columns: %(expected)s.")
            % {"columns": ", ".join(missing), "expected": ", ".join(words.values())}
        )
    roles = _role_words()

    organizations = {o.name.casefold(): o for o in workspace.organizations.all()}
    rows: list[ImportRow] = []
    errors: list[ImportError_] = []
    seen_emails: dict[str, int] = {}
    for line, raw in records:
        record = {column_of(k or ""): (v or "").strip() for k, v in raw.items()}
        problems = [
            _("the %(column)s contains a NUL character") % {"column": words.get(column, column)}
            for column, value in record.items()
            if "\x00" in value
        ] + [
            _("the %(column)s is longer than %(max)s characters")
            % {"column": words.get(column, column), "max": MAX_CELL}
            for column, value in record.items()
            if column in COLUMNS and len(value) > MAX_CELL
        ]
        name = record.get("name", "")
        if not name:
            problems.append(_("the name is empty"))
        email = record.get("email", "").lower()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                problems.append(_("“%(value)s” is not an e-mail address") % {"value": email})
            if email in seen_emails:
                problems.append(
                    _("the e-mail address is also on line %(line)s") % {"line": seen_emails[email]}
                )
            seen_emails.setdefault(email, line)
        organization = organizations.get(record.get("organization", "").casefold())
        if organization is None:
            problems.append(
                _("unknown organization “%(value)s”: add it to the workspace first")
                % {"value": record.get("organization", "")}
            )
        layer = LAYER_WORDS.get(record.get("layer", "").lower()) if record.get("layer") else ""
        if layer is None:
            problems.append(_("unknown layer “%(value)s”") % {"value": record.get("layer")})
        role = (
            roles.get(record.get("role", "").lower()) if record.get("role") else NetworkRole.MEMBER
        )
        if role is None:
            problems.append(_("unknown role “%(value)s”") % {"value": record.get("role")})
        joined = _joined_on(record["joined"]) if record.get("joined") else None
        if record.get("joined") and joined is None:
            problems.append(
                _("“%(value)s” is not a day (write it as 2026-01-15 or 15-01-2026)")
                % {"value": record["joined"]}
            )
        elif joined is not None and joined > timezone.localdate():
            problems.append(_("the joining day is in the future"))
        if problems or organization is None or layer is None or role is None:
            errors.append(ImportError_(line=line, message="; ".join(problems)))
            continue
        rows.append(
            ImportRow(
                line=line,
                name=name,
                email=email,
                organization_id=organization.pk,
                organization=organization.name,
                layer=layer,
                job_title=record.get("job_title", ""),
                role=role,
                joined_on=joined.isoformat() if joined else "",
            )
        )
    return ParsedFile(rows=rows, errors=errors, duplicates=likely_duplicates(rows, workspace))


def _same_person_key(name: str, organization_id: int) -> tuple[str, int]:
    return (" ".join(name.casefold().split()), organization_id)


def _may_be_same(email: str, other: str) -> bool:
    return not (email and other and email.lower() != other.lower())


def likely_duplicates(rows: list[ImportRow], workspace: Workspace) -> list[LikelyDuplicate]:
    """Rows with the same name and organization as a person of the workspace or an earlier
    row, where no e-mail address tells them apart (a known address is reused anyway)."""
    known_emails = {
        e.lower() for e in workspace.persons.exclude(email="").values_list("email", flat=True)
    }
    persons: dict[tuple[str, int], tuple[int, str]] = {}
    for pk, name, organization_id, email in workspace.persons.filter(
        organization_id__in={row.organization_id for row in rows}
    ).values_list("pk", "name", "organization_id", "email"):
        persons.setdefault(_same_person_key(name, organization_id), (pk, email))
    # An earlier row's address, or that of the known person it names: two rows apart by
    # address are two people.
    earlier: dict[tuple[str, int], tuple[int, str]] = {}
    found: list[LikelyDuplicate] = []
    for row in rows:
        if row.email and row.email in known_emails:
            continue  # the address finds the person: reused, not duplicated
        key = _same_person_key(row.name, row.organization_id)
        person = persons.get(key)
        if person is not None and _may_be_same(row.email, person[1]):
            found.append(
                LikelyDuplicate(
                    line=row.line,
                    name=row.name,
                    organization=row.organization,
                    person_id=person[0],
                    person_email=person[1],
                )
            )
            earlier.setdefault(key, (row.line, row.email or person[1].lower()))
            continue
        first = earlier.get(key)
        if first is not None and _may_be_same(row.email, first[1]):
            found.append(
                LikelyDuplicate(
                    line=row.line, name=row.name, organization=row.organization, same_line=first[0]
                )
            )
        earlier.setdefault(key, (row.line, row.email))
    return found
