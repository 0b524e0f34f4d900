"""A 360-degree observer feedback report on one person, with the product's anonymity rules.

Pure Python. Observers (manager, peers, partners, reports, others) score competences
1..5; a missing key means "cannot judge". The person's own scores (self) are shown next
to the observers' figures but are never part of any of them.

Anonymity follows common 360-degree feedback reporting practice (the "minimum of three
raters per rater group" rule of multi-source feedback reports, e.g. Bracken, Timmreck &
Church 2001, *The Handbook of Multisource Feedback*; it is a practice, not a theorem):

- all observers (every response, the manager's included) are shown only with at least
  ``k`` respondents; below that nothing about the observers is shown;
- the manager group is shown on its own (whatever its size) only when every manager
  agreed to be shown alone; any other group only with at least ``k`` respondents.
  Groups not shown on their own are *merged*: they count only in all observers;
- secondary suppression: when 1..k-1 respondents are merged, their figures could be
  worked out from all observers minus the shown groups. The smallest shown
  non-manager group is then merged too (ties: the group later in
  :data:`OBSERVER_GROUPS` first), until 0 or at least ``k`` respondents are merged;
  the manager is merged this way only when no non-manager group is left.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import fmean

from netlead.analysis._scores import check_scores

__all__ = [
    "ALL_OBSERVERS",
    "MANAGER",
    "OBSERVER_GROUPS",
    "SELF",
    "STRENGTH_THRESHOLD",
    "TOO_FEW_OBSERVERS",
    "FeedbackReport",
    "Gap",
    "GroupScores",
    "ObserverResponse",
    "feedback_report",
]

SELF = "self"
ALL_OBSERVERS = "all"
MANAGER = "manager"
#: Observer groups in display order.
OBSERVER_GROUPS = ("manager", "peer", "partner", "report", "other")
#: Why nothing about the observers is shown.
TOO_FEW_OBSERVERS = "too_few_observers"
#: The lowest all-observers mean of a strength (and of a hidden strength).
STRENGTH_THRESHOLD = 3.5
_LISTED = 3
# Gaps are differences of float means; a gap that equals the threshold counts.
_EPS = 1e-9


@dataclass(frozen=True, slots=True)
class ObserverResponse:
    """One observer's scores (competence key -> 1..5; a missing key: "cannot judge").

    ``shown_alone`` is read for managers only: the manager agreed to be shown alone.
    """

    group: str
    scores: Mapping[str, int]
    shown_alone: bool = False


@dataclass(frozen=True, slots=True)
class GroupScores:
    """Means of one group (or of all observers, ``group == ALL_OBSERVERS``)."""

    group: str
    respondents: int
    means: dict[str, float | None]
    overall: float | None


@dataclass(frozen=True, slots=True)
class Gap:
    """Self score versus the all-observers mean of one competence."""

    competence: str
    self_score: int | None
    others: float | None
    gap: float | None


@dataclass(frozen=True, slots=True)
class FeedbackReport:
    """The report: shown groups, merged groups, all observers, gaps and highlights."""

    competences: tuple[str, ...]
    k: int
    self_scores: dict[str, int] | None
    respondents: int
    respondents_by_group: dict[str, int]
    groups: tuple[GroupScores, ...]
    merged: tuple[str, ...]
    secondary: tuple[str, ...]
    all_observers: GroupScores | None
    suppressed: str | None
    gaps: tuple[Gap, ...]
    strengths: tuple[str, ...]
    development_points: tuple[str, ...]
    hidden_strengths: tuple[str, ...]
    blind_spots: tuple[str, ...]


def _validate(
    competences: tuple[str, ...],
    self_scores: Mapping[str, int] | None,
    responses: Sequence[ObserverResponse],
    k: int,
) -> None:
    if len(set(competences)) != len(competences):
        raise ValueError("competences must be unique")
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise ValueError(f"k must be a whole number >= 1, got {k!r}")
    known = frozenset(competences)
    if self_scores is not None:
        check_scores(self_scores, known, "self_scores")
    for i, response in enumerate(responses):
        if response.group not in OBSERVER_GROUPS:
            hint = " (self scores go in self_scores)" if response.group == SELF else ""
            raise ValueError(
                f"response {i}: unknown observer group {response.group!r}{hint}; "
                f"expected one of {', '.join(OBSERVER_GROUPS)}"
            )
        check_scores(response.scores, known, f"response {i} ({response.group})")


def _scores(
    group: str, responses: Sequence[ObserverResponse], competences: tuple[str, ...]
) -> GroupScores:
    means: dict[str, float | None] = {}
    for competence in competences:
        values = [r.scores[competence] for r in responses if competence in r.scores]
        means[competence] = fmean(values) if values else None
    given = [m for m in means.values() if m is not None]
    return GroupScores(group, len(responses), means, fmean(given) if given else None)


def _visibility(
    counts: Mapping[str, int], managers_agree: bool, k: int
) -> tuple[list[str], list[str], list[str]]:
    """Shown groups, merged groups (below k, or a manager not agreeing) and secondary."""
    shown = [
        g
        for g in OBSERVER_GROUPS
        if counts[g] and (managers_agree if g == MANAGER else counts[g] >= k)
    ]
    merged = [g for g in OBSERVER_GROUPS if counts[g] and g not in shown]
    secondary: list[str] = []
    hidden = sum(counts[g] for g in merged)
    while 0 < hidden < k:
        # Non-manager groups first; min() keeps the first smallest, so scanning
        # OBSERVER_GROUPS backwards merges the later group of a tie.
        candidates = [g for g in shown if g != MANAGER] or shown
        pick = min(reversed(candidates), key=counts.__getitem__)
        shown.remove(pick)
        secondary.append(pick)
        hidden += counts[pick]
    return shown, merged, secondary


def _highlights(
    means: Mapping[str, float | None], competences: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    scored = [(m, i, c) for i, c in enumerate(competences) if (m := means[c]) is not None]
    best = sorted((x for x in scored if x[0] >= STRENGTH_THRESHOLD), key=lambda x: (-x[0], x[1]))
    strengths = tuple(c for _, _, c in best[:_LISTED])
    lowest = sorted(x for x in scored if x[2] not in strengths)
    return strengths, tuple(c for _, _, c in lowest[:_LISTED])


def feedback_report(
    competences: Sequence[str],
    self_scores: Mapping[str, int] | None,
    responses: Sequence[ObserverResponse],
    *,
    k: int = 3,
    gap_threshold: float = 1.0,
) -> FeedbackReport:
    """The 360-degree feedback report of one person.

    A group's mean of a competence is the mean of the scores given in that group
    (``None`` if nobody in it scored it); its ``overall`` is the mean of its competence
    means. All observers are every response, the manager's included, never self.
    Every response counts as a respondent, also one that could judge nothing.
    Which groups are shown follows the anonymity rules of the module docstring.

    Per competence, ``gap`` = self score - all-observers mean. Strengths: up to three
    competences with the highest all-observers mean, at least 3.5, best first.
    Development points: up to three of the other competences with the lowest
    all-observers mean, lowest first (relative: the lowest are named whatever their
    level). Hidden strengths: all-observers mean >= 3.5 and at least
    ``gap_threshold`` above self; blind spots: self at least ``gap_threshold`` above
    all observers. Ties go by competence order; hidden strengths and blind spots are
    in competence order. Reference: common 360-degree feedback reporting practice
    (minimum of three raters per group), e.g. Bracken, Timmreck & Church (2001).

    Raises ``ValueError`` for an unknown group or competence, a score outside 1..5,
    duplicate competences or ``k < 1``.

    >>> answers = [ObserverResponse("peer", {"listening": 4, "vision": 2})] * 3
    >>> answers.append(ObserverResponse("manager", {"listening": 5, "vision": 3}))
    >>> report = feedback_report(["listening", "vision"], {"listening": 3, "vision": 4}, answers)
    >>> report.all_observers.means
    {'listening': 4.25, 'vision': 2.25}

    The one manager did not agree to be shown alone, so they are merged; peers minus
    all observers would then give the manager's scores, so the peers are merged too:

    >>> report.groups, report.merged, report.secondary
    ((), ('manager', 'peer'), ('peer',))
    >>> report.strengths, report.development_points
    (('listening',), ('vision',))
    >>> report.hidden_strengths, report.blind_spots
    (('listening',), ('vision',))
    >>> feedback_report(["listening", "vision"], None, answers[:2]).suppressed
    'too_few_observers'
    """
    names = tuple(competences)
    _validate(names, self_scores, responses, k)
    own = dict(self_scores) if self_scores is not None else None
    counts = {g: 0 for g in OBSERVER_GROUPS}
    for response in responses:
        counts[response.group] += 1
    n = len(responses)

    if n < k:
        return FeedbackReport(
            competences=names,
            k=k,
            self_scores=own,
            respondents=n,
            respondents_by_group=counts,
            groups=(),
            merged=(),
            secondary=(),
            all_observers=None,
            suppressed=TOO_FEW_OBSERVERS,
            gaps=tuple(Gap(c, own.get(c) if own else None, None, None) for c in names),
            strengths=(),
            development_points=(),
            hidden_strengths=(),
            blind_spots=(),
        )

    managers_agree = all(r.shown_alone for r in responses if r.group == MANAGER)
    shown, merged, secondary = _visibility(counts, managers_agree, k)
    everyone = _scores(ALL_OBSERVERS, responses, names)
    groups = tuple(_scores(g, [r for r in responses if r.group == g], names) for g in shown)

    gaps = []
    hidden_strengths = []
    blind_spots = []
    for c in names:
        mine = own.get(c) if own else None
        others = everyone.means[c]
        gap = mine - others if mine is not None and others is not None else None
        gaps.append(Gap(c, mine, others, gap))
        if gap is None or others is None:
            continue
        if others >= STRENGTH_THRESHOLD and -gap >= gap_threshold - _EPS:
            hidden_strengths.append(c)
        if gap >= gap_threshold - _EPS:
            blind_spots.append(c)
    strengths, development = _highlights(everyone.means, names)

    return FeedbackReport(
        competences=names,
        k=k,
        self_scores=own,
        respondents=n,
        respondents_by_group=counts,
        groups=groups,
        merged=tuple(g for g in OBSERVER_GROUPS if g in merged or g in secondary),
        secondary=tuple(g for g in OBSERVER_GROUPS if g in secondary),
        all_observers=everyone,
        suppressed=None,
        gaps=tuple(gaps),
        strengths=strengths,
        development_points=development,
        hidden_strengths=tuple(hidden_strengths),
        blind_spots=tuple(blind_spots),
    )
