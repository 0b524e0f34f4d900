"""Figures of leadership programmes: the four-principles check of a leader network over its
meetings, and a cohort's competence change from the start to the end measurement.

Pure Python. Scores are whole numbers 1..5; a missing key means "not answered".

The four principles are the "four F's" of self-governing Danish leader networks: free space
(*frirum*), flexibility (*fleksibilitet*), commitment (*forpligtelse*) and feedback (Lederweb,
*Introduktion til ledernetværk*). After each meeting, participants score each principle
anonymously.

Anonymity follows the product's privacy rule: an aggregate is shown only when at least ``k``
people are in it. Counts of respondents are always reported, since a count alone reveals no
answer. Means and counts are exact functions of the answers given, so they are meant to be
computed once a round is closed: comparing figures of the same round before and after one more
person answered, or a start-only figure with the paired figure of the same cohort, can reveal
the scores of the people in the difference.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from statistics import fmean

from netlead.analysis._scores import check_scores

__all__ = [
    "PRINCIPLES",
    "CohortChange",
    "CompetenceChange",
    "MeasurementPair",
    "MeetingAnswers",
    "PrinciplesAnswer",
    "PrinciplesTrend",
    "TrendPoint",
    "cohort_change",
    "principles_trend",
    "start_only_means",
    "weakest_principle",
]

#: The four principles of a leader network, in display order.
PRINCIPLES = ("free_space", "flexibility", "commitment", "feedback")


@dataclass(frozen=True, slots=True)
class PrinciplesAnswer:
    """One participant's anonymous answer after a meeting (principle -> 1..5)."""

    scores: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class MeetingAnswers:
    """The answers given after one meeting."""

    meeting_id: int
    held_on: date
    answers: Sequence[PrinciplesAnswer]


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """One meeting of the trend: ``means`` and ``change`` have a key for every principle."""

    meeting_id: int
    held_on: date
    respondents: int
    shown: bool
    means: Mapping[str, float | None]
    change: Mapping[str, float | None]


@dataclass(frozen=True, slots=True)
class PrinciplesTrend:
    """The meetings of a leader network in the order they were held."""

    points: tuple[TrendPoint, ...]
    k: int

    @property
    def latest(self) -> TrendPoint | None:
        """The last shown point (``None`` when no point is shown).

        >>> PrinciplesTrend((), k=3).latest is None
        True
        """
        return next((p for p in reversed(self.points) if p.shown), None)


@dataclass(frozen=True, slots=True)
class MeasurementPair:
    """One participant's start and end measurement (competence key -> 1..5)."""

    start: Mapping[str, int]
    end: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class CompetenceChange:
    """The figures of one competence; ``participants`` is how many were counted for it."""

    competence: str
    start_mean: float | None
    end_mean: float | None
    change: float | None
    improved: int | None
    participants: int


@dataclass(frozen=True, slots=True)
class CohortChange:
    """A cohort's change per competence, rows in competence order."""

    participants: int
    k: int
    shown: bool
    rows: tuple[CompetenceChange, ...]


def _check_k(k: int) -> None:
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise ValueError(f"k must be a whole number >= 1, got {k!r}")


def _check_competences(competences: Sequence[str]) -> tuple[str, ...]:
    names = tuple(competences)
    if len(set(names)) != len(names):
        raise ValueError("competences must be unique")
    return names


def _mean(values: Sequence[int], k: int) -> float | None:
    return fmean(values) if values and len(values) >= k else None


def principles_trend(meetings: Sequence[MeetingAnswers], *, k: int) -> PrinciplesTrend:
    """The four-principles check of a leader network, meeting by meeting.

    Points are ordered by ``held_on`` (then ``meeting_id``). Every answer counts as a
    respondent, also one that scored nothing. A meeting is ``shown`` only when at least ``k``
    people answered it; otherwise all its means are ``None`` (its ``respondents`` are still
    reported). Per principle, the mean is over the answers that scored it, ``None`` when
    fewer than ``k`` did. ``change`` is the mean minus the same principle's mean at the
    previous shown point, ``None`` when either is ``None`` (so always at the first shown
    point and at points not shown). Reference: the four F's of leader networks (Lederweb,
    *Introduktion til ledernetværk*).

    Raises ``ValueError`` for an unknown principle, a score outside 1..5, two meetings with
    the same ``meeting_id`` or ``k < 1``.

    >>> day = date(2025, 3, 4)
    >>> first = [PrinciplesAnswer({"free_space": 4, "feedback": 2})] * 3
    >>> later = [PrinciplesAnswer({"free_space": 5, "feedback": 3})] * 3
    >>> trend = principles_trend(
    ...     [MeetingAnswers(2, date(2025, 4, 1), later), MeetingAnswers(1, day, first)], k=3
    ... )
    >>> [(p.meeting_id, p.shown) for p in trend.points]
    [(1, True), (2, True)]
    >>> trend.latest.means
    {'free_space': 5.0, 'flexibility': None, 'commitment': None, 'feedback': 3.0}
    >>> trend.latest.change["free_space"], trend.latest.change["flexibility"]
    (1.0, None)
    >>> principles_trend([MeetingAnswers(1, day, first[:2])], k=3).points[0].shown
    False
    """
    _check_k(k)
    seen: set[int] = set()
    for meeting in meetings:
        if meeting.meeting_id in seen:
            raise ValueError(f"meeting {meeting.meeting_id}: given twice")
        seen.add(meeting.meeting_id)
        for i, answer in enumerate(meeting.answers):
            check_scores(
                answer.scores, PRINCIPLES, f"meeting {meeting.meeting_id}, answer {i}", "principle"
            )

    points: list[TrendPoint] = []
    previous: Mapping[str, float | None] | None = None
    for meeting in sorted(meetings, key=lambda m: (m.held_on, m.meeting_id)):
        respondents = len(meeting.answers)
        if respondents < k:
            nothing: dict[str, float | None] = dict.fromkeys(PRINCIPLES)
            point = TrendPoint(
                meeting.meeting_id, meeting.held_on, respondents, False, nothing, dict(nothing)
            )
            points.append(point)
            continue
        means = {
            p: _mean([a.scores[p] for a in meeting.answers if p in a.scores], k) for p in PRINCIPLES
        }
        change: dict[str, float | None] = {}
        for p in PRINCIPLES:
            now = means[p]
            before = previous[p] if previous is not None else None
            change[p] = now - before if now is not None and before is not None else None
        points.append(
            TrendPoint(meeting.meeting_id, meeting.held_on, respondents, True, means, change)
        )
        previous = means
    return PrinciplesTrend(tuple(points), k)


def weakest_principle(point: TrendPoint) -> str | None:
    """The principle with the lowest shown mean at ``point`` (ties: the one earlier in
    :data:`PRINCIPLES`); ``None`` when no mean is shown.

    >>> means = {"free_space": 4.0, "flexibility": 3.0, "commitment": 3.0, "feedback": None}
    >>> weakest_principle(TrendPoint(1, date(2025, 3, 4), 3, True, means, means))
    'flexibility'
    """
    scored = [(m, i, p) for i, p in enumerate(PRINCIPLES) if (m := point.means.get(p)) is not None]
    return min(scored)[2] if scored else None


def cohort_change(
    pairs: Sequence[MeasurementPair], competences: Sequence[str], *, k: int
) -> CohortChange:
    """A cohort's change per competence between its start and end measurement.

    For each competence, only participants with a score on it in both measurements are
    counted (the row's ``participants``). ``start_mean`` and ``end_mean`` are the means of
    their start and end scores, ``change = end_mean - start_mean``, and ``improved`` is the
    *number* of counted participants who scored higher at the end (a count, never who). A
    row's figures are ``None`` when fewer than ``k`` participants are counted; nothing is
    shown (``shown`` is false) when the cohort has fewer than ``k`` pairs. Counts are always
    reported.

    Raises ``ValueError`` for an unknown competence, a score outside 1..5, duplicate
    competences or ``k < 1``.

    >>> pairs = [
    ...     MeasurementPair({"vision": 2, "trust": 3}, {"vision": 4, "trust": 3}),
    ...     MeasurementPair({"vision": 3}, {"vision": 3}),
    ...     MeasurementPair({"vision": 1, "trust": 4}, {"vision": 2}),
    ... ]
    >>> result = cohort_change(pairs, ["vision", "trust"], k=3)
    >>> vision, trust = result.rows
    >>> result.shown, vision.start_mean, vision.end_mean, vision.change, vision.improved
    (True, 2.0, 3.0, 1.0, 2)

    Only one participant has a trust score in both measurements:

    >>> trust.participants, trust.start_mean, trust.improved
    (1, None, None)
    >>> cohort_change(pairs[:2], ["vision", "trust"], k=3).shown
    False
    """
    _check_k(k)
    names = _check_competences(competences)
    for i, pair in enumerate(pairs):
        check_scores(pair.start, names, f"pair {i}, start")
        check_scores(pair.end, names, f"pair {i}, end")

    rows = []
    for c in names:
        counted = [(p.start[c], p.end[c]) for p in pairs if c in p.start and c in p.end]
        if len(counted) < k:
            rows.append(CompetenceChange(c, None, None, None, None, len(counted)))
            continue
        start = fmean(s for s, _ in counted)
        end = fmean(e for _, e in counted)
        improved = sum(1 for s, e in counted if e > s)
        rows.append(CompetenceChange(c, start, end, end - start, improved, len(counted)))
    return CohortChange(len(pairs), k, len(pairs) >= k, tuple(rows))


def start_only_means(
    starts: Sequence[Mapping[str, int]], competences: Sequence[str], *, k: int
) -> tuple[CompetenceChange, ...]:
    """The start means of a cohort whose end measurement has not happened yet.

    Per competence, ``start_mean`` is the mean over the participants who scored it
    (``participants``), ``None`` when fewer than ``k`` did; ``end_mean``, ``change`` and
    ``improved`` are always ``None``. Raises ``ValueError`` as :func:`cohort_change` does.

    Once the end measurement is in, show :func:`cohort_change` instead, and not both: when
    some participants have no end score, the two start means are over different people.

    >>> starts = [{"vision": 2}, {"vision": 3, "trust": 5}, {"vision": 4}]
    >>> [(r.competence, r.start_mean, r.participants) for r in start_only_means(
    ...     starts, ["vision", "trust"], k=3)]
    [('vision', 3.0, 3), ('trust', None, 1)]
    """
    _check_k(k)
    names = _check_competences(competences)
    for i, start in enumerate(starts):
        check_scores(start, names, f"start {i}")
    rows = []
    for c in names:
        values = [s[c] for s in starts if c in s]
        rows.append(CompetenceChange(c, _mean(values, k), None, None, None, len(values)))
    return tuple(rows)
