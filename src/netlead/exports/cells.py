"""One rule for every text cell an export writes: a spreadsheet must not run it as a formula.

A cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return, which some programs
skip before reading the rest as a formula) is a formula to Excel, LibreOffice and Google Sheets
when the file is opened, so a member named `=HYPERLINK(...)` could act on the reader's machine
(CSV/formula injection, OWASP). Such a cell gets a leading apostrophe: the value reads as text,
and a reader can see that it was changed.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """`text` made safe to open in a spreadsheet program.

    >>> neutralise("=1+1"), neutralise("-2"), neutralise("Anna")
    ("'=1+1", "'-2", 'Anna')
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text
