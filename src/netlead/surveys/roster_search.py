"""A round's roster for the answering pages: its size, the lines a roster page lists, and
searching it by name or organization.

In a round of thousands, every respondent searches for the people they work with outside their
own organization. Matching each search in the database scanned and joined every invitation,
member and person of the round: the most expensive query of answering (13 ms of PostgreSQL
time at 5,000 members, bench/surveys); counting the round and listing the own organization
with the people named cost another 2 and 5 ms of PostgreSQL's CPU on every roster page. The
roster does not change while a round is open (invitations are made when it opens), so each
web process keeps a round's names for a minute and answers all three in memory. A name edited
in that minute may be shown in its old spelling for the rest of it; nothing else is kept (ids,
names and organizations, as the page shows them).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

from netlead.networks.models import NetworkMember

#: Seconds a process keeps a round's roster, and how many rounds it keeps at most.
KEEP_SECONDS = 60.0
KEEP_ROUNDS = 8

#: (member id, name, organization or "—", name folded, organization folded, organization id)
_Line = tuple[str, str, str, str, str, int | None]

#: What a roster page shows of a member: member id (as text, for the form), name, organization.
RosterEntry = tuple[str, str, str]

_rosters: OrderedDict[int, tuple[float, list[_Line]]] = OrderedDict()
_lock = threading.Lock()


def _load(round_id: int) -> list[_Line]:
    rows = (
        NetworkMember.objects.filter(survey_invitations__round_id=round_id)
        .order_by("person__organization__name", "person__name", "pk")
        .values_list("pk", "person__name", "person__organization__name", "person__organization_id")
    )
    return [
        (
            str(pk),
            name,
            organization or "—",
            name.casefold(),
            (organization or "").casefold(),
            organization_id,
        )
        for pk, name, organization, organization_id in rows
    ]


def _roster(round_id: int) -> list[_Line]:
    now = time.monotonic()
    with _lock:
        kept = _rosters.get(round_id)
        if kept is not None and now - kept[0] < KEEP_SECONDS:
            _rosters.move_to_end(round_id)
            return kept[1]
    lines = _load(round_id)
    with _lock:
        _rosters[round_id] = (now, lines)
        _rosters.move_to_end(round_id)
        while len(_rosters) > KEEP_ROUNDS:
            _rosters.popitem(last=False)
    return lines


def size(round_id: int) -> int:
    """How many members the round invited."""
    return len(_roster(round_id))


def everyone(round_id: int, *, leave_out: str) -> list[RosterEntry]:
    """Every member of the round but `leave_out` (a member id), by organization and name."""
    return [line[:3] for line in _roster(round_id) if line[0] != leave_out]


def named_and_colleagues(
    round_id: int, *, named: set[str], organization_id: int | None, leave_out: str
) -> tuple[list[RosterEntry], list[RosterEntry]]:
    """The members in `named` and, apart, the other members of the organization, each by
    organization and name, without `leave_out`."""
    named_lines, colleagues = [], []
    for line in _roster(round_id):
        if line[0] == leave_out:
            continue
        if line[0] in named:
            named_lines.append(line[:3])
        elif organization_id is not None and line[5] == organization_id:
            colleagues.append(line[:3])
    return named_lines, colleagues


def search(round_id: int, query: str, *, leave_out: set[str], limit: int) -> list[RosterEntry]:
    """The first `limit` members of the round whose name or organization contains `query`
    (case-insensitive), ordered by organization and name, without the ids in `leave_out`."""
    needle = query.casefold()
    found = []
    for pk, name, organization, name_folded, organization_folded, _ in _roster(round_id):
        if (needle in name_folded or needle in organization_folded) and pk not in leave_out:
            found.append((pk, name, organization))
            if len(found) == limit:
                break
    return found


def forget() -> None:
    """Drop every kept roster (tests)."""
    with _lock:
        _rosters.clear()
