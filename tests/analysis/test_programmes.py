"""Programme figures: the four-principles trend of a leader network and a cohort's competence
change. Worked examples with known answers, bad input, and the anonymity rule and the
definitions as properties over random inputs."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netlead.analysis.programmes import (
    PRINCIPLES,
    CompetenceChange,
    MeasurementPair,
    MeetingAnswers,
    PrinciplesAnswer,
    TrendPoint,
    cohort_change,
    principles_trend,
    start_only_means,
    weakest_principle,
)

C = ("vision", "trust", "courage")
DAY = date(2025, 1, 6)


def _answers(*scores: dict[str, int]) -> list[PrinciplesAnswer]:
    return [PrinciplesAnswer(s) for s in scores]


def _all(score: int) -> dict[str, int]:
    return dict.fromkeys(PRINCIPLES, score)


# -- The four-principles trend: worked examples ----------------------------------------------


def test_trend_known_figures() -> None:
    first = MeetingAnswers(
        10,
        DAY,
        _answers(
            {"free_space": 4, "flexibility": 3, "commitment": 5, "feedback": 2},
            {"free_space": 5, "flexibility": 3, "commitment": 4},
            {"free_space": 3, "flexibility": 4, "commitment": 5, "feedback": 4},
        ),
    )
    second = MeetingAnswers(11, DAY + timedelta(days=28), _answers(_all(2), _all(3)))
    third = MeetingAnswers(
        12,
        DAY + timedelta(days=56),
        _answers(_all(5), _all(4), {"free_space": 3, "flexibility": 5}, {}),
    )
    trend = principles_trend([third, first, second], k=3)
    assert trend.k == 3
    assert [p.meeting_id for p in trend.points] == [10, 11, 12]
    one, two, three = trend.points

    assert one.shown and one.respondents == 3
    # feedback was scored by two of three: below k, so not shown
    assert one.means == {
        "free_space": 4.0,
        "flexibility": pytest.approx(10 / 3),
        "commitment": pytest.approx(14 / 3),
        "feedback": None,
    }
    assert one.change == dict.fromkeys(PRINCIPLES)

    # two answers: the count is reported, no mean and no change
    assert not two.shown and two.respondents == 2
    assert two.means == dict.fromkeys(PRINCIPLES)
    assert two.change == dict.fromkeys(PRINCIPLES)

    # an answer that scored nothing still counts as a respondent
    assert three.shown and three.respondents == 4
    assert three.means == {
        "free_space": 4.0,
        "flexibility": pytest.approx(14 / 3),
        "commitment": None,
        "feedback": None,
    }
    # compared with the previous *shown* point (the first), skipping the hidden one
    assert three.change["free_space"] == 0.0
    assert three.change["flexibility"] == pytest.approx(14 / 3 - 10 / 3)
    assert three.change["commitment"] is None  # not shown now
    assert three.change["feedback"] is None  # not shown before nor now

    assert trend.latest is three
    assert weakest_principle(one) == "flexibility"
    assert weakest_principle(three) == "free_space"
    assert weakest_principle(two) is None


def test_trend_ties_on_a_day_go_by_meeting_id() -> None:
    a = MeetingAnswers(7, DAY, _answers(_all(2), _all(2), _all(2)))
    b = MeetingAnswers(3, DAY, _answers(_all(4), _all(4), _all(4)))
    trend = principles_trend([a, b], k=3)
    assert [p.meeting_id for p in trend.points] == [3, 7]
    assert trend.points[1].change == dict.fromkeys(PRINCIPLES, -2.0)


def test_trend_k_one_and_empty() -> None:
    trend = principles_trend([MeetingAnswers(1, DAY, _answers({"feedback": 3}))], k=1)
    assert trend.points[0].shown
    assert trend.points[0].means == {
        "free_space": None,
        "flexibility": None,
        "commitment": None,
        "feedback": 3.0,
    }
    empty = principles_trend([], k=3)
    assert empty.points == () and empty.latest is None
    nobody = principles_trend([MeetingAnswers(1, DAY, [])], k=1)
    assert not nobody.points[0].shown and nobody.points[0].respondents == 0


def test_latest_skips_hidden_points() -> None:
    shown = MeetingAnswers(1, DAY, _answers(_all(3), _all(3), _all(3)))
    hidden = MeetingAnswers(2, DAY + timedelta(days=1), _answers(_all(5)))
    trend = principles_trend([shown, hidden], k=3)
    assert trend.points[-1].meeting_id == 2
    latest = trend.latest
    assert latest is not None and latest.meeting_id == 1
    assert principles_trend([hidden], k=3).latest is None


def test_weakest_principle_ties_go_to_the_earlier_principle() -> None:
    means: dict[str, float | None] = {
        "free_space": 4.0,
        "flexibility": 2.5,
        "commitment": None,
        "feedback": 2.5,
    }
    point = TrendPoint(1, DAY, 3, True, means, dict.fromkeys(PRINCIPLES))
    assert weakest_principle(point) == "flexibility"
    means["free_space"] = 1.0
    assert weakest_principle(point) == "free_space"
    # equal means from different answers are equal floats, so the tie rule applies
    trend = principles_trend(
        [
            MeetingAnswers(
                1,
                DAY,
                _answers(
                    {"free_space": 5, "flexibility": 4, "commitment": 3, "feedback": 3},
                    {"free_space": 5, "flexibility": 1, "commitment": 3, "feedback": 2},
                    {"free_space": 5, "flexibility": 4, "commitment": 3, "feedback": 4},
                ),
            )
        ],
        k=3,
    )
    assert weakest_principle(trend.points[0]) == "flexibility"


@pytest.mark.parametrize(
    ("scores", "message"),
    [
        ({"free_space": 0}, "must be a whole number 1..5"),
        ({"feedback": 6}, "must be a whole number 1..5"),
        ({"commitment": True}, "must be a whole number 1..5"),
        ({"commitment": 3.0}, "must be a whole number 1..5"),
        ({"frirum": 3}, "unknown principle 'frirum'"),
    ],
)
def test_trend_bad_scores(scores: dict[str, int], message: str) -> None:
    meeting = MeetingAnswers(4, DAY, _answers(_all(3), scores))
    with pytest.raises(ValueError, match=message) as raised:
        principles_trend([meeting], k=1)
    assert "meeting 4, answer 1" in str(raised.value)


@pytest.mark.parametrize("k", [0, -1, True, 2.0])
def test_trend_bad_k(k: int) -> None:
    with pytest.raises(ValueError, match="k must be"):
        principles_trend([], k=k)


def test_trend_duplicate_meeting() -> None:
    a = MeetingAnswers(1, DAY, _answers(_all(3)))
    with pytest.raises(ValueError, match="meeting 1: given twice"):
        principles_trend([a, MeetingAnswers(1, DAY + timedelta(days=7), [])], k=1)


# -- Cohort change: worked examples ----------------------------------------------------------


def test_cohort_known_figures() -> None:
    pairs = [
        MeasurementPair({"vision": 2, "trust": 3, "courage": 4}, {"vision": 4, "trust": 3}),
        MeasurementPair({"vision": 3, "trust": 2, "courage": 1}, {"vision": 3, "trust": 4}),
        MeasurementPair({"vision": 1, "trust": 5}, {"vision": 2, "trust": 4, "courage": 5}),
        MeasurementPair({"trust": 1}, {"vision": 5}),
    ]
    result = cohort_change(pairs, C, k=3)
    assert result.participants == 4 and result.k == 3 and result.shown
    assert result.rows == (
        # the fourth has no start score on vision: not counted
        CompetenceChange("vision", 2.0, 3.0, 1.0, 2, 3),
        CompetenceChange("trust", 10 / 3, 11 / 3, 11 / 3 - 10 / 3, 1, 3),
        # nobody has courage at both start and end
        CompetenceChange("courage", None, None, None, None, 0),
    )


def test_cohort_improved_is_a_count_of_strictly_higher() -> None:
    pairs = [
        MeasurementPair({"vision": 3}, {"vision": 3}),
        MeasurementPair({"vision": 4}, {"vision": 2}),
        MeasurementPair({"vision": 1}, {"vision": 5}),
    ]
    (row,) = cohort_change(pairs, ["vision"], k=3).rows
    assert row.improved == 1
    assert row.change == pytest.approx(2 / 3)


def test_cohort_below_k_shows_nothing_but_counts() -> None:
    pairs = [MeasurementPair({"vision": 1, "trust": 2}, {"vision": 5, "trust": 2})] * 2
    result = cohort_change(pairs, C, k=3)
    assert not result.shown and result.participants == 2
    assert result.rows == (
        CompetenceChange("vision", None, None, None, None, 2),
        CompetenceChange("trust", None, None, None, None, 2),
        CompetenceChange("courage", None, None, None, None, 0),
    )
    assert cohort_change(pairs, C, k=2).shown
    assert cohort_change(pairs, C, k=2).rows[0] == CompetenceChange("vision", 1.0, 5.0, 4.0, 2, 2)
    empty = cohort_change([], C, k=1)
    assert not empty.shown and empty.participants == 0
    assert all(r.start_mean is None and r.participants == 0 for r in empty.rows)


def test_start_only_means_known_figures() -> None:
    starts = [{"vision": 2, "trust": 5}, {"vision": 3, "trust": 4}, {"vision": 5}, {}]
    assert start_only_means(starts, C, k=3) == (
        CompetenceChange("vision", 10 / 3, None, None, None, 3),
        CompetenceChange("trust", None, None, None, None, 2),
        CompetenceChange("courage", None, None, None, None, 0),
    )
    assert start_only_means(starts, C, k=2)[1] == CompetenceChange(
        "trust", 4.5, None, None, None, 2
    )


@pytest.mark.parametrize(
    ("pair", "message"),
    [
        (MeasurementPair({"vision": 0}, {}), "pair 1, start: the score of 'vision'"),
        (MeasurementPair({}, {"trust": 6}), "pair 1, end: the score of 'trust'"),
        (MeasurementPair({}, {"trust": False}), "pair 1, end: the score of 'trust'"),
        (MeasurementPair({"listening": 3}, {}), "pair 1, start: unknown competence 'listening'"),
        (MeasurementPair({}, {"listening": 3}), "pair 1, end: unknown competence 'listening'"),
    ],
)
def test_cohort_bad_scores(pair: MeasurementPair, message: str) -> None:
    good = MeasurementPair({"vision": 3}, {"vision": 4})
    with pytest.raises(ValueError, match=message):
        cohort_change([good, pair], C, k=1)


@pytest.mark.parametrize(
    ("starts", "message"),
    [
        ([{"vision": 9}], "start 0: the score of 'vision'"),
        ([{"vision": 3}, {"nope": 3}], "start 1: unknown competence 'nope'"),
    ],
)
def test_start_only_bad_scores(starts: list[dict[str, int]], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        start_only_means(starts, C, k=1)


@pytest.mark.parametrize("k", [0, -3, False, 1.5])
def test_cohort_bad_k(k: int) -> None:
    with pytest.raises(ValueError, match="k must be"):
        cohort_change([], C, k=k)
    with pytest.raises(ValueError, match="k must be"):
        start_only_means([], C, k=k)


def test_duplicate_competences() -> None:
    with pytest.raises(ValueError, match="competences must be unique"):
        cohort_change([], ["vision", "vision"], k=1)
    with pytest.raises(ValueError, match="competences must be unique"):
        start_only_means([], ["vision", "vision"], k=1)


# -- Properties ------------------------------------------------------------------------------

SCORE = st.integers(1, 5)
PRINCIPLE_SCORES = st.dictionaries(st.sampled_from(PRINCIPLES), SCORE)
# few days, so that meetings share a day and the tie rule is exercised
MEETINGS = st.lists(
    st.builds(
        MeetingAnswers,
        meeting_id=st.integers(1, 10_000),
        held_on=st.dates(DAY, DAY + timedelta(days=4)),
        answers=st.lists(st.builds(PrinciplesAnswer, PRINCIPLE_SCORES), max_size=7),
    ),
    max_size=6,
    unique_by=lambda m: m.meeting_id,
)
COMPETENCE_SCORES = st.dictionaries(st.sampled_from(C), SCORE)
PAIRS = st.lists(st.builds(MeasurementPair, COMPETENCE_SCORES, COMPETENCE_SCORES), max_size=8)
K = st.integers(1, 5)


def _scored(meeting: MeetingAnswers, principle: str) -> list[int]:
    return [a.scores[principle] for a in meeting.answers if principle in a.scores]


@settings(max_examples=300, deadline=None)
@given(MEETINGS, K)
def test_trend_never_shows_a_mean_of_fewer_than_k(meetings: list[MeetingAnswers], k: int) -> None:
    by_id = {m.meeting_id: m for m in meetings}
    trend = principles_trend(meetings, k=k)
    assert sorted(p.meeting_id for p in trend.points) == sorted(by_id)
    for point in trend.points:
        meeting = by_id[point.meeting_id]
        assert point.respondents == len(meeting.answers)
        assert point.shown == (point.respondents >= k)
        assert set(point.means) == set(point.change) == set(PRINCIPLES)
        for p in PRINCIPLES:
            values = _scored(meeting, p)
            mean = point.means[p]
            if not point.shown or len(values) < k:
                assert mean is None
                assert point.change[p] is None
            else:
                assert mean is not None and 1 <= mean <= 5
                assert min(values) <= mean <= max(values)
                assert mean == pytest.approx(sum(values) / len(values))


@settings(max_examples=300, deadline=None)
@given(MEETINGS, K)
def test_trend_order_and_change_definition(meetings: list[MeetingAnswers], k: int) -> None:
    trend = principles_trend(meetings, k=k)
    keys = [(p.held_on, p.meeting_id) for p in trend.points]
    assert keys == sorted(keys)
    shown = [p for p in trend.points if p.shown]
    assert trend.latest is (shown[-1] if shown else None)
    for before, after in pairwise(shown):
        for p in PRINCIPLES:
            old, new = before.means[p], after.means[p]
            expected = new - old if old is not None and new is not None else None
            assert after.change[p] == expected
    if shown:
        assert shown[0].change == dict.fromkeys(PRINCIPLES)
    for point in trend.points:
        weakest = weakest_principle(point)
        given_means = {p: m for p, m in point.means.items() if m is not None}
        if not given_means:
            assert weakest is None
        else:
            assert weakest is not None
            assert given_means[weakest] == min(given_means.values())
            earlier = PRINCIPLES[: PRINCIPLES.index(weakest)]
            assert all(given_means.get(p, 6.0) > given_means[weakest] for p in earlier)


@settings(max_examples=200, deadline=None)
@given(MEETINGS, K, st.data())
def test_trend_ignores_input_order(
    meetings: list[MeetingAnswers], k: int, data: st.DataObject
) -> None:
    shuffled = [
        MeetingAnswers(m.meeting_id, m.held_on, data.draw(st.permutations(m.answers)))
        for m in data.draw(st.permutations(meetings))
    ]
    assert principles_trend(shuffled, k=k) == principles_trend(meetings, k=k)


def _counted(pairs: list[MeasurementPair], competence: str) -> list[tuple[int, int]]:
    return [
        (p.start[competence], p.end[competence])
        for p in pairs
        if competence in p.start and competence in p.end
    ]


@settings(max_examples=300, deadline=None)
@given(PAIRS, K)
def test_cohort_never_shows_a_figure_of_fewer_than_k(pairs: list[MeasurementPair], k: int) -> None:
    result = cohort_change(pairs, C, k=k)
    assert result.participants == len(pairs) and result.k == k
    assert result.shown == (len(pairs) >= k)
    assert [r.competence for r in result.rows] == list(C)
    for row in result.rows:
        counted = _counted(pairs, row.competence)
        assert row.participants == len(counted)
        figures = (row.start_mean, row.end_mean, row.change, row.improved)
        if not result.shown or len(counted) < k:
            assert figures == (None, None, None, None)
            continue
        assert row.start_mean is not None and row.end_mean is not None
        assert 1 <= row.start_mean <= 5 and 1 <= row.end_mean <= 5
        assert row.start_mean == pytest.approx(sum(s for s, _ in counted) / len(counted))
        assert row.end_mean == pytest.approx(sum(e for _, e in counted) / len(counted))
        assert row.change == row.end_mean - row.start_mean
        assert row.improved == sum(1 for s, e in counted if e > s)
        assert 0 <= row.improved <= row.participants


@settings(max_examples=200, deadline=None)
@given(PAIRS, K, st.data())
def test_cohort_ignores_input_order(
    pairs: list[MeasurementPair], k: int, data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(pairs))
    assert cohort_change(shuffled, C, k=k) == cohort_change(pairs, C, k=k)
    starts = [p.start for p in pairs]
    assert start_only_means(data.draw(st.permutations(starts)), C, k=k) == start_only_means(
        starts, C, k=k
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(COMPETENCE_SCORES, max_size=8), K)
def test_start_only_means_rule(starts: list[dict[str, int]], k: int) -> None:
    rows = start_only_means(starts, C, k=k)
    assert [r.competence for r in rows] == list(C)
    for row in rows:
        values = [s[row.competence] for s in starts if row.competence in s]
        assert row.participants == len(values)
        assert (row.end_mean, row.change, row.improved) == (None, None, None)
        if len(values) < k:
            assert row.start_mean is None
        else:
            assert row.start_mean is not None and 1 <= row.start_mean <= 5
            assert row.start_mean == pytest.approx(sum(values) / len(values))


@settings(max_examples=200, deadline=None)
@given(PAIRS, K)
def test_complete_end_measurement_keeps_the_start_means(
    pairs: list[MeasurementPair], k: int
) -> None:
    # when everyone scored at the end whatever they scored at the start, the counted
    # participants are those of the start, so both start means agree exactly
    complete = [MeasurementPair(p.start, {**p.start, **p.end}) for p in pairs]
    paired = cohort_change(complete, C, k=k).rows
    alone = start_only_means([p.start for p in pairs], C, k=k)
    assert [(r.start_mean, r.participants) for r in paired] == [
        (r.start_mean, r.participants) for r in alone
    ]
