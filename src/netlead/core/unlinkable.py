"""Anonymous answers that cannot be paired with invitations by the order of their rows.

An anonymous answer row (health-check response, observer response, four-principles answer)
has a random UUID key and no time of answering. That still leaves the order in which the
database keeps the rows (SQLite's rowid, PostgreSQL's heap order and transaction ids), which
follows the order in which people answered, and the invitations record who answered when.
So the anonymous rows of one round, request or meeting are written again, together, in a
random order and under new random keys (`rewrite_in_random_order`): afterwards neither key,
row order nor transaction says who answered first. See docs/privacy.md.
"""

from __future__ import annotations

import secrets
import uuid
from collections import defaultdict
from typing import Any

from django.db import models

#: The operating system's randomness: a seeded generator's order could be replayed.
_random = secrets.SystemRandom()


def rewrite_in_random_order[M: models.Model](
    rows: models.QuerySet[M], *, children: tuple[type[models.Model], str] | None = None
) -> int:
    """Delete `rows` and write them again in a random order under new random (UUID) keys;
    `children` names a model and its foreign key to them (rewritten too, after them).
    Run it in a transaction that holds a lock on the set's round, request or meeting, so two
    answers never rewrite the same rows at once. Returns the number of rows written."""
    parents = list(rows)
    if not parents:
        return 0
    kids: dict[Any, list[models.Model]] = defaultdict(list)
    if children is not None:
        child_model, link = children
        attname = f"{link}_id"
        for kid in child_model._default_manager.filter(**{f"{link}__in": [p.pk for p in parents]}):
            kids[getattr(kid, attname)].append(kid)
    model = rows.model
    model._default_manager.filter(pk__in=[p.pk for p in parents]).delete()
    _random.shuffle(parents)
    moved: list[models.Model] = []
    for parent in parents:
        old = parent.pk
        parent.pk = uuid.uuid4()
        for kid in kids.get(old, ()):
            kid.pk = uuid.uuid4()
            setattr(kid, attname, parent.pk)
            moved.append(kid)
    model._default_manager.bulk_create(parents)
    if moved and children is not None:
        _random.shuffle(moved)
        children[0]._default_manager.bulk_create(moved)
    return len(parents)
