"""The one error type of the readers."""

from __future__ import annotations

__all__ = ["InputError"]


class InputError(ValueError):
    """Bad input, located: ``file``, ``line`` (1-based, ``None`` for the whole
    file), ``column`` (a column name, or a position) and the offending ``value``.

    >>> str(InputError("ties.csv", 3, "weight", "-1", "weight must be > 0"))
    "ties.csv, line 3, column weight, value '-1': weight must be > 0"
    """

    def __init__(
        self,
        file: str,
        line: int | None,
        column: str | None,
        value: str | None,
        message: str,
    ) -> None:
        self.file = file
        self.line = line
        self.column = column
        self.value = value
        self.message = message
        super().__init__(self.__str__())

    def __str__(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.column is not None:
            parts.append(f"column {self.column}")
        if self.value is not None:
            parts.append(f"value {self.value!r}")
        return f"{', '.join(parts)}: {self.message}"
