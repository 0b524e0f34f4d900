"""The operator's view of anonymous answers (issue 14): someone with database access who sees
the invitations (who answered, and when where that is kept) and the anonymous rows, as the
database keeps them, and tries to pair the two by key order, row order or time.

A test answers as several people, one after the other on different days, so the order in
which they answered is known; it then checks the anonymous rows against that order. With n
answers a random order equals the answer order by chance once in n! (10! is 3.6 million)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from django.db import connection, models

ANSWERERS = 10


def rows_as_stored(model: type[models.Model], **where: Any) -> list[uuid.UUID]:
    """The keys of `model`'s rows where the columns equal `where`, in the order the database
    hands them out unasked (no ORDER BY): SQLite's rowid order, PostgreSQL's heap order."""
    quote = connection.ops.quote_name
    columns = [model._meta.get_field(name).column for name in where]
    sql = f"SELECT {quote(model._meta.pk.column)} FROM {quote(model._meta.db_table)}"  # noqa: S608 (names from the model)
    if columns:
        sql += " WHERE " + " AND ".join(f"{quote(c)} = %s" for c in columns)
    values = [model._meta.get_field(n).get_db_prep_value(v, connection) for n, v in where.items()]
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        return [uuid.UUID(str(row[0])) for row in cursor.fetchall()]


def time_fields(model: type[models.Model]) -> list[str]:
    return [f.name for f in model._meta.concrete_fields if isinstance(f, models.DateField)]


def assert_cannot_be_paired(
    model: type[models.Model], in_answer_order: Sequence[Any], **where: Any
) -> None:
    """`in_answer_order`: the keys of the anonymous rows in the order their people answered
    (which the test knows, and the invitations may tell). Neither the keys, nor the order of
    the rows, nor a time on them follows that order."""
    keys = [uuid.UUID(str(pk)) for pk in in_answer_order]
    assert len(keys) >= ANSWERERS
    assert all(k.version == 4 for k in keys), "keys are random (UUID 4), not counted up"
    assert sorted(keys) != keys, "the keys sort in the order people answered"
    stored = rows_as_stored(model, **where)
    assert sorted(stored) == sorted(keys), "the rows checked are the rows stored"
    assert stored != keys, "the rows are stored in the order people answered"
    assert time_fields(model) == [], "an anonymous row keeps no time of answering"
