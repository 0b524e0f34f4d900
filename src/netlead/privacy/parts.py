"""What each app contributes to the privacy rights, and the shapes it contributes them in.

Each app that holds personal data has a module `<app>/privacy.py` with three functions, listed
in `netlead.privacy.registry`:

- ``data_of(user, persons) -> list[Table]``: what the app holds about the user (their account)
  and their persons (one per workspace), as tables. Only what the person could already see:
  their own answers and records, and aggregates of what others said about them as the pages
  show them; never another person's individual answer.
- ``erasure_of(person) -> list[Line]``: what erasing the person deletes and what it keeps (as
  anonymous records or aggregates), for the confirmation page.
- ``erase(person) -> None``: delete the person's data in the app, keep what other people's
  records and the stored aggregates need. Runs inside the erasure's one transaction, before the
  workspaces part empties the person record itself.

So the privacy app never reaches into another app's models, and an app's rule about its own
data stays in that app.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from django.db.models import Model, QuerySet

if TYPE_CHECKING:
    from django.utils.functional import Promise

    from netlead.accounts.models import User
    from netlead.workspaces.models import Person


@dataclass(frozen=True)
class Table:
    """One table of the archive: a JSON list and a CSV file named `name`."""

    name: str
    description: str
    #: column name -> what it holds
    columns: dict[str, str]
    rows: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class Line:
    """A line of an erasure's confirmation page: `count` records of a kind, deleted or kept."""

    label: str
    count: int
    kept: bool = False


class Part(Protocol):
    """The module `<app>/privacy.py` (see above)."""

    def data_of(self, user: User, persons: Sequence[Person]) -> list[Table]: ...

    def erasure_of(self, person: Person) -> list[Line]: ...

    def erase(self, person: Person) -> None: ...


def _describe(model: type[Model], path: str) -> str:
    """The verbose name of the field `path` (``"network__name"``) of `model`, its parts joined."""
    names: list[str] = []
    for part in path.split("__"):
        if part == "id":
            names.append("id")
            continue
        model_field = model._meta.get_field(part)
        names.append(str(getattr(model_field, "verbose_name", part)))
        related = model_field.related_model
        if isinstance(related, type) and issubclass(related, Model):
            model = related
    return " · ".join(names)


def table(
    name: str,
    description: str | Promise,
    source: QuerySet[Any] | Iterable[Mapping[str, Any]],
    columns: Sequence[str] | None = None,
    *,
    labels: Mapping[str, str | Promise] | None = None,
) -> Table:
    """The table `name` of `columns` (by default, those of `labels`) taken from `source`: a
    queryset (its rows by pk, lookups across relations allowed; a column is described by the
    verbose names of its fields unless `labels` describes it, as for an annotation), or rows
    already built (each column described by `labels`, the rows kept as they are)."""
    labels = labels or {}
    names = list(labels) if columns is None else list(columns)
    if isinstance(source, QuerySet):
        model = source.model
        headers = {c: str(labels[c]) if c in labels else _describe(model, c) for c in names}
        rows = [dict(r) for r in source.order_by("pk").values(*names)]
    else:
        headers = {c: str(labels[c]) for c in names}
        rows = [dict(r) for r in source]
    return Table(name=name, description=str(description), columns=headers, rows=rows)


def count_line(label: str | Promise, queryset: QuerySet[Any], *, kept: bool = False) -> Line:
    return Line(label=str(label), count=queryset.count(), kept=kept)


def retire_tokens(queryset: QuerySet[Any]) -> int:
    """Switch off the links of `queryset`'s rows (a `salt` and a unique `token_hash`): the salt
    that derives the token goes, and the hash becomes a value no token hashes to."""
    from django.db.models import CharField, Value
    from django.db.models.functions import Cast, Concat

    return queryset.exclude(salt="").update(
        salt="", token_hash=Concat(Value("retired-"), Cast("pk", output_field=CharField()))
    )
