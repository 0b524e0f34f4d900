"""The help text of every file field of the programmes."""

from __future__ import annotations

from django.utils.functional import lazy
from django.utils.translation import gettext

from netlead.programmes.services.files import MAX_BYTES


def _file_help() -> str:
    return gettext("PDF, Office or OpenDocument, image or text; at most %(mb)s MB.") % {
        "mb": MAX_BYTES // (1024 * 1024)
    }


#: Lazy: filling in the size with `%` on a lazy text would fix the text in the language active
#: when the module is imported (English), whatever the language of the page.
FILE_HELP = lazy(_file_help, str)()
