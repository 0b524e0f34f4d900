"""Uploaded files of lessons and submissions: checked for type and size before anything is
stored. The type is judged by the file's first bytes as well as its name, so a renamed
program is refused."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

MAX_BYTES = 10 * 1024 * 1024

_ZIP = b"PK\x03\x04"


@dataclass(frozen=True)
class FileType:
    content_type: str
    magic: tuple[bytes, ...]  # empty: plain text, checked by decoding


FILE_TYPES: dict[str, FileType] = {
    "pdf": FileType("application/pdf", (b"%PDF-",)),
    "docx": FileType(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", (_ZIP,)
    ),
    "xlsx": FileType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (_ZIP,)),
    "pptx": FileType(
        "application/vnd.openxmlformats-officedocument.presentationml.presentation", (_ZIP,)
    ),
    "odt": FileType("application/vnd.oasis.opendocument.text", (_ZIP,)),
    "ods": FileType("application/vnd.oasis.opendocument.spreadsheet", (_ZIP,)),
    "odp": FileType("application/vnd.oasis.opendocument.presentation", (_ZIP,)),
    "png": FileType("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": FileType("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": FileType("image/jpeg", (b"\xff\xd8\xff",)),
    "txt": FileType("text/plain", ()),
    "md": FileType("text/markdown", ()),
}

ACCEPT = ",".join(f".{extension}" for extension in FILE_TYPES)


@dataclass(frozen=True)
class CheckedFile:
    name: str
    content_type: str
    data: bytes


def check_upload(upload: UploadedFile[bytes]) -> CheckedFile:
    """The upload's name, type and bytes, or a ValidationError saying what is wrong with it."""
    name = (upload.name or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1][:200]
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    kind = FILE_TYPES.get(extension)
    allowed = ", ".join(sorted(FILE_TYPES))
    if kind is None:
        raise ValidationError(
            _("Files of this type cannot be added. Allowed: %(types)s.") % {"types": allowed}
        )
    if upload.size is None or upload.size > MAX_BYTES:
        raise ValidationError(
            _("The file is too large: at most %(mb)s MB.") % {"mb": MAX_BYTES // (1024 * 1024)}
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."))
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValidationError(
            _("The file is too large: at most %(mb)s MB.") % {"mb": MAX_BYTES // (1024 * 1024)}
        )
    if kind.magic:
        matches = any(data.startswith(magic) for magic in kind.magic)
    else:
        try:
            data.decode("utf-8")
            matches = b"\x00" not in data
        except UnicodeDecodeError:
            matches = False
    if not matches:
        raise ValidationError(
            _("The file's content is not a .%(extension)s file.") % {"extension": extension}
        )
    return CheckedFile(name=name, content_type=kind.content_type, data=data)
