"""Decision rules named in a network's charter, evaluated on plain counts and dates.

A rule has a kind and a period in days. The period starts when the question is put (a charter
version proposed, minutes marked ready) and ends ``days`` later:

- ``consent``: adopted when nobody objected by the end of the period (silence is consent), or
  earlier once everyone agreed. Any objection means the rule is not met.
- ``majority``: adopted once more than half of the people who decide agreed.
- ``everyone``: adopted once every person who decides agreed.

Reference: consent and majority as decision rules of networks, see Sociocracy 3.0, "Consent
Decision Making" (https://patterns.sociocracy30.org/consent-decision-making.html).

>>> from datetime import date
>>> p = progress(kind="majority", days=14, eligible=14, agreed=9, objections=0,
...              opened_on=date(2026, 1, 1), today=date(2026, 1, 10))
>>> (p.met, p.days_left, p.needed)
(True, 5, 8)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["CONSENT", "EVERYONE", "KINDS", "MAJORITY", "RuleProgress", "progress"]

CONSENT = "consent"
MAJORITY = "majority"
EVERYONE = "everyone"
KINDS = (CONSENT, MAJORITY, EVERYONE)


@dataclass(frozen=True, slots=True)
class RuleProgress:
    """Where a decision stands under its rule.

    ``needed`` is how many agreements the rule asks for (``None`` for consent, which asks for
    no objection rather than a number); ``days_left`` is 0 once the period has ended;
    ``met`` says whether the rule is satisfied today; ``open`` whether the outcome can still
    change by waiting (the period runs and the rule is not met yet).
    """

    kind: str
    days: int
    eligible: int
    agreed: int
    objections: int
    not_answered: int
    needed: int | None
    ends_on: date
    days_left: int
    met: bool

    @property
    def period_over(self) -> bool:
        return self.days_left == 0

    @property
    def open(self) -> bool:
        return (
            not self.met and not self.period_over and not (self.kind == CONSENT and self.objections)
        )


def progress(
    *,
    kind: str,
    days: int,
    eligible: int,
    agreed: int,
    objections: int,
    opened_on: date,
    today: date,
) -> RuleProgress:
    """Evaluate rule ``kind`` with period ``days`` for ``eligible`` deciders of whom ``agreed``
    agreed and ``objections`` objected, the question put on ``opened_on``.

    >>> from datetime import date
    >>> d = date(2026, 3, 1)
    >>> progress(kind="consent", days=14, eligible=5, agreed=1, objections=0,
    ...          opened_on=d, today=d).met
    False
    >>> progress(kind="consent", days=14, eligible=5, agreed=1, objections=0,
    ...          opened_on=d, today=date(2026, 3, 15)).met
    True
    """
    if kind not in KINDS:
        raise ValueError(f"unknown decision rule {kind!r}")
    if days < 0 or eligible < 0 or agreed < 0 or objections < 0:
        raise ValueError("days and counts cannot be negative")
    ends_on = opened_on + timedelta(days=days)
    days_left = max(0, (ends_on - today).days)
    everyone_agreed = eligible > 0 and agreed >= eligible
    needed: int | None
    if kind == CONSENT:
        needed = None
        met = objections == 0 and (days_left == 0 or everyone_agreed)
    elif kind == MAJORITY:
        needed = eligible // 2 + 1
        met = eligible > 0 and agreed >= needed
    else:
        needed = eligible
        met = everyone_agreed
    return RuleProgress(
        kind=kind,
        days=days,
        eligible=eligible,
        agreed=agreed,
        objections=objections,
        not_answered=max(0, eligible - agreed - objections),
        needed=needed,
        ends_on=ends_on,
        days_left=days_left,
        met=met,
    )
