"""Two texts side by side with their differences marked (for comparing charter versions).

Lines are matched with :class:`difflib.SequenceMatcher`; within a changed line pair the words
that differ are marked too. The result is plain data: templates escape every segment.

>>> rows = side_by_side("We share\\nthe goal", "We share\\na goal")
>>> [(r.kind, r.left_text, r.right_text) for r in rows]
[('equal', 'We share', 'We share'), ('replace', 'the goal', 'a goal')]
>>> [(s.text, s.changed) for s in rows[1].left]
[('the', True), (' goal', False)]
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

__all__ = ["DiffRow", "Segment", "side_by_side"]


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    changed: bool


@dataclass(frozen=True, slots=True)
class DiffRow:
    """One row of the side-by-side view. ``kind`` is difflib's tag: ``equal``, ``replace``,
    ``delete`` (only on the left) or ``insert`` (only on the right)."""

    kind: str
    left: tuple[Segment, ...]
    right: tuple[Segment, ...]

    @property
    def left_text(self) -> str:
        return "".join(s.text for s in self.left)

    @property
    def right_text(self) -> str:
        return "".join(s.text for s in self.right)


_WORDS = re.compile(r"\s*\S+|\s+")


def _words(a: str, b: str) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    left_words, right_words = _WORDS.findall(a), _WORDS.findall(b)
    left: list[Segment] = []
    right: list[Segment] = []
    matcher = difflib.SequenceMatcher(a=left_words, b=right_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        changed = tag != "equal"
        if i2 > i1:
            left.append(Segment("".join(left_words[i1:i2]), changed))
        if j2 > j1:
            right.append(Segment("".join(right_words[j1:j2]), changed))
    return tuple(left), tuple(right)


def side_by_side(a: str, b: str) -> list[DiffRow]:
    """Rows pairing the lines of ``a`` (left) with those of ``b`` (right)."""
    left_lines, right_lines = a.splitlines(), b.splitlines()
    rows: list[DiffRow] = []
    matcher = difflib.SequenceMatcher(a=left_lines, b=right_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows.extend(
                DiffRow("equal", (Segment(line, False),), (Segment(line, False),))
                for line in left_lines[i1:i2]
            )
            continue
        olds, news = left_lines[i1:i2], right_lines[j1:j2]
        for k in range(max(len(olds), len(news))):
            old = olds[k] if k < len(olds) else None
            new = news[k] if k < len(news) else None
            if old is not None and new is not None:
                rows.append(DiffRow("replace", *_words(old, new)))
            elif old is not None:
                rows.append(DiffRow("delete", (Segment(old, True),), ()))
            elif new is not None:
                rows.append(DiffRow("insert", (), (Segment(new, True),)))
    return rows
