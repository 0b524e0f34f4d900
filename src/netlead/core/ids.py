"""Ids in paths: a database key is at most 2**63 - 1, so a larger number is a page that does
not exist (404), not a server error (SQLite cannot even compare it)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

MAX_ID = 2**63 - 1

#: An id in the REST API, in a path, a query or a body.
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


class IdConverter:
    """The `<id:...>` converter of the pages' URLs: digits that fit a database key."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_ID:
            raise ValueError(value)  # Django then tries the next pattern, and ends in a 404
        return number

    def to_url(self, value: int) -> str:
        return str(value)
