"""360-degree feedback report: figures with known answers, the anonymity rules one by
one, bad input, and the privacy rules as properties over random inputs."""

from __future__ import annotations

from dataclasses import replace
from statistics import fmean

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netlead.analysis.feedback import (
    ALL_OBSERVERS,
    MANAGER,
    OBSERVER_GROUPS,
    TOO_FEW_OBSERVERS,
    FeedbackReport,
    Gap,
    ObserverResponse,
    feedback_report,
)

C = ("listening", "vision", "courage")


def _many(
    group: str, n: int, scores: dict[str, int], *, alone: bool = False
) -> list[ObserverResponse]:
    return [ObserverResponse(group, scores, shown_alone=alone) for _ in range(n)]


def _shown(report: FeedbackReport) -> list[str]:
    return [g.group for g in report.groups]


def test_known_figures() -> None:
    responses = [
        ObserverResponse("peer", {"listening": 4, "vision": 2, "courage": 5}),
        ObserverResponse("peer", {"listening": 5, "vision": 3}),
        ObserverResponse("peer", {"listening": 3, "vision": 4, "courage": 3}),
        *_many("report", 3, {"listening": 2, "vision": 5}),
    ]
    report = feedback_report(C, {"listening": 2, "vision": 5, "courage": 4}, responses)
    assert report.suppressed is None and report.respondents == 6
    assert report.respondents_by_group == {
        "manager": 0,
        "peer": 3,
        "partner": 0,
        "report": 3,
        "other": 0,
    }
    assert _shown(report) == ["peer", "report"]
    assert report.merged == () and report.secondary == ()
    peer, reports = report.groups
    assert peer.means == {"listening": 4.0, "vision": 3.0, "courage": 4.0}
    assert peer.overall == pytest.approx(11 / 3)
    # nobody in "report" could judge courage: None, and the overall skips it
    assert reports.means == {"listening": 2.0, "vision": 5.0, "courage": None}
    assert reports.overall == 3.5
    everyone = report.all_observers
    assert everyone is not None and everyone.group == ALL_OBSERVERS and everyone.respondents == 6
    assert everyone.means == {"listening": 3.0, "vision": 4.0, "courage": 4.0}
    assert report.gaps == (
        Gap("listening", 2, 3.0, -1.0),
        Gap("vision", 5, 4.0, 1.0),
        Gap("courage", 4, 4.0, 0.0),
    )
    assert report.strengths == ("vision", "courage")  # tie at 4.0: competence order
    assert report.development_points == ("listening",)
    assert report.blind_spots == ("vision",)  # a gap equal to the threshold counts
    assert report.hidden_strengths == ()  # others 3.0 < 3.5 although 1.0 above self


def test_self_is_never_an_observer() -> None:
    responses = _many("peer", 3, {"listening": 3, "vision": 3, "courage": 3})
    low = feedback_report(C, {"listening": 1, "vision": 1, "courage": 1}, responses)
    high = feedback_report(C, {"listening": 5, "vision": 5, "courage": 5}, responses)
    none = feedback_report(C, None, responses)
    for report in (low, high, none):
        assert report.respondents == 3
        assert report.all_observers is not None
        assert report.all_observers.means == dict.fromkeys(C, 3.0)
        assert report.groups == none.groups
    assert [g.gap for g in low.gaps] == [-2.0] * 3 and [g.gap for g in high.gaps] == [2.0] * 3
    assert none.gaps == tuple(Gap(c, None, 3.0, None) for c in C)
    assert none.blind_spots == none.hidden_strengths == ()
    assert high.blind_spots == C and low.hidden_strengths == ()  # 3.0 is no strength


def test_manager_who_agreed_is_shown_alone() -> None:
    responses = [
        *_many("manager", 1, {"listening": 5}, alone=True),
        *_many("peer", 3, {"listening": 3}),
    ]
    report = feedback_report(["listening"], None, responses)
    assert _shown(report) == ["manager", "peer"]
    assert report.groups[0].means == {"listening": 5.0} and report.groups[0].respondents == 1
    assert report.merged == () and report.secondary == ()


def test_manager_who_did_not_agree_is_merged() -> None:
    # Two managers, one did not agree: both are merged. With 2 < k merged, the peers
    # would give them away by subtraction, so the peers are merged as well.
    responses = [
        ObserverResponse("manager", {"listening": 5}, shown_alone=True),
        ObserverResponse("manager", {"listening": 1}),
        *_many("peer", 3, {"listening": 3}),
    ]
    report = feedback_report(["listening"], None, responses)
    assert report.groups == ()
    assert report.merged == ("manager", "peer") and report.secondary == ("peer",)
    assert report.all_observers is not None and report.all_observers.means["listening"] == 3.0
    # shown_alone on a non-manager response means nothing
    responses = [*_many("peer", 2, {"listening": 3}, alone=True), *_many("other", 3, {})]
    assert _shown(feedback_report(["listening"], None, responses)) == []


def test_small_group_is_merged_and_secondary_suppression() -> None:
    responses = [
        *_many("peer", 3, {"listening": 4}),
        *_many("partner", 2, {"listening": 1}),
        *_many("report", 4, {"listening": 2}),
    ]
    report = feedback_report(["listening"], None, responses)
    # partners (2 < 3) are merged; peers (3, smaller than reports) go with them
    assert report.merged == ("peer", "partner") and report.secondary == ("peer",)
    assert _shown(report) == ["report"]
    assert report.all_observers is not None and report.all_observers.respondents == 9
    # with k = 2 the partners are shown
    assert _shown(feedback_report(["listening"], None, responses, k=2)) == [
        "peer",
        "partner",
        "report",
    ]


def test_secondary_tie_merges_the_later_group() -> None:
    responses = [*_many("peer", 3, {}), *_many("report", 3, {}), *_many("other", 1, {})]
    report = feedback_report(C, None, responses)
    assert report.secondary == ("report",) and report.merged == ("report", "other")
    assert _shown(report) == ["peer"]


def test_no_secondary_when_merged_are_at_least_k() -> None:
    responses = [
        *_many("peer", 3, {}),
        *_many("partner", 2, {}),
        *_many("other", 1, {}),
    ]
    report = feedback_report(C, None, responses)
    assert report.merged == ("partner", "other") and report.secondary == ()
    assert _shown(report) == ["peer"]


def test_manager_is_merged_last() -> None:
    # a manager who agreed, and two partners: nothing but the manager is left to merge
    responses = [*_many("manager", 1, {"vision": 2}, alone=True), *_many("partner", 2, {})]
    report = feedback_report(C, None, responses)
    assert report.groups == () and report.secondary == ("manager",)
    assert report.merged == ("manager", "partner")
    # with a peer group to merge instead, the manager stays
    responses += _many("peer", 3, {"vision": 4})
    report = feedback_report(C, None, responses)
    assert _shown(report) == ["manager"] and report.secondary == ("peer",)


def test_too_few_observers() -> None:
    responses = [*_many("manager", 1, {"vision": 2}, alone=True), *_many("peer", 1, {"vision": 3})]
    report = feedback_report(C, {"vision": 4}, responses)
    assert report.suppressed == TOO_FEW_OBSERVERS
    assert report.respondents == 2 and report.respondents_by_group["peer"] == 1
    assert report.groups == () and report.all_observers is None
    assert report.merged == report.secondary == ()
    assert report.gaps[1] == Gap("vision", 4, None, None)
    assert report.strengths == report.development_points == report.blind_spots == ()
    assert feedback_report(C, None, [], k=1).suppressed == TOO_FEW_OBSERVERS
    shown = feedback_report(C, None, responses, k=2)
    assert shown.suppressed is None and shown.all_observers is not None


def test_strengths_and_development_points() -> None:
    names = ("a", "b", "c", "d", "e", "f")
    scores = {"a": 4, "b": 5, "c": 2, "d": 4, "e": 3, "f": 4}
    report = feedback_report(names, None, _many("peer", 3, scores))
    # best first, ties in competence order, at most three
    assert report.strengths == ("b", "a", "d")
    # lowest first among the rest: f (4.0) is not a strength, so it may be named
    assert report.development_points == ("c", "e", "f")
    few = feedback_report(("a", "b"), None, _many("peer", 3, {"a": 3, "b": 2}))
    assert few.strengths == () and few.development_points == ("b", "a")
    # a competence nobody could judge is neither
    blank = feedback_report(("a", "b"), None, _many("peer", 3, {"a": 4}))
    assert blank.strengths == ("a",) and blank.development_points == ()


def test_hidden_strengths_and_blind_spots_at_the_threshold() -> None:
    # others: 3.7 (seven 4s and three 3s), a float; self 4 is 0.3 above it
    responses = [*_many("peer", 7, {"x": 4, "y": 5}), *_many("peer", 3, {"x": 3, "y": 4})]
    report = feedback_report(("x", "y"), {"x": 4, "y": 3}, responses, gap_threshold=0.3)
    assert report.all_observers is not None
    assert report.all_observers.means["x"] == pytest.approx(3.7)
    assert report.blind_spots == ("x",)
    # y: others 4.7, 1.7 above self
    assert report.hidden_strengths == ("y",)
    strict = feedback_report(("x", "y"), {"x": 4, "y": 3}, responses, gap_threshold=2.0)
    assert strict.blind_spots == strict.hidden_strengths == ()
    # others 3.8 (eight 4s, two 3s) is 0.8 above self 3, as a float a little less
    close = [*_many("peer", 8, {"x": 4}), *_many("peer", 2, {"x": 3})]
    assert feedback_report(("x",), {"x": 3}, close, gap_threshold=0.8).hidden_strengths == ("x",)


@pytest.mark.parametrize(
    ("self_scores", "responses", "message"),
    [
        (None, [ObserverResponse("boss", {})], "unknown observer group 'boss'"),
        (None, [ObserverResponse("self", {})], "self_scores"),
        (
            None,
            [ObserverResponse("peer", {"vision": 0})],
            r"'vision' must be a whole number 1\.\.5",
        ),
        (None, [ObserverResponse("peer", {"vision": 6})], "got 6"),
        (None, [ObserverResponse("peer", {"vision": True})], "got True"),
        (None, [ObserverResponse("peer", {"vision": 3.5})], "got 3.5"),  # type: ignore[dict-item]
        (
            None,
            [ObserverResponse("peer", {"charm": 3})],
            "response 0 \\(peer\\): unknown competence",
        ),
        ({"charm": 3}, [], "self_scores: unknown competence 'charm'"),
        ({"vision": 9}, [], "self_scores"),
    ],
)
def test_bad_input(
    self_scores: dict[str, int] | None, responses: list[ObserverResponse], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        feedback_report(C, self_scores, responses)


def test_bad_options() -> None:
    with pytest.raises(ValueError, match="unique"):
        feedback_report(("a", "a"), None, [])
    with pytest.raises(ValueError, match="k must be"):
        feedback_report(C, None, [], k=0)


# Properties ---------------------------------------------------------------------------

COMPETENCES = ("a", "b", "c", "d")
SCORES = st.dictionaries(st.sampled_from(COMPETENCES), st.integers(1, 5), max_size=4)
RESPONSES = st.lists(
    st.builds(ObserverResponse, st.sampled_from(OBSERVER_GROUPS), SCORES, st.booleans()),
    max_size=24,
)


@settings(max_examples=300, deadline=None)
@given(RESPONSES, st.integers(1, 5))
def test_privacy_rules_hold(responses: list[ObserverResponse], k: int) -> None:
    report = feedback_report(COMPETENCES, None, responses, k=k)
    n = len(responses)
    counts = {g: sum(1 for r in responses if r.group == g) for g in OBSERVER_GROUPS}
    assert report.respondents == n and report.respondents_by_group == counts
    if n < k:
        assert report.suppressed == TOO_FEW_OBSERVERS
        assert report.groups == () and report.all_observers is None
        assert all(g.others is None for g in report.gaps) and report.strengths == ()
        return
    shown = _shown(report)
    assert shown == [g for g in OBSERVER_GROUPS if g in shown]  # display order
    for group in report.groups:
        assert group.respondents == counts[group.group] >= 1
        if group.group == MANAGER:
            assert all(r.shown_alone for r in responses if r.group == MANAGER)
        else:
            assert group.respondents >= k
    remainder = n - sum(g.respondents for g in report.groups)
    assert remainder == 0 or remainder >= k
    assert remainder == sum(counts[g] for g in report.merged)
    assert set(report.merged) | set(shown) == {g for g in OBSERVER_GROUPS if counts[g]}
    assert not set(report.merged) & set(shown)
    assert set(report.secondary) <= set(report.merged) and len(report.secondary) <= 1
    # a group is merged by secondary suppression only when the others would leak
    agree = all(r.shown_alone for r in responses if r.group == MANAGER)
    primary = sum(
        counts[g]
        for g in OBSERVER_GROUPS
        if counts[g] and not (agree if g == MANAGER else counts[g] >= k)
    )
    assert bool(report.secondary) == (0 < primary < k)
    # all observers: every response, brute force
    assert report.all_observers is not None
    for c in COMPETENCES:
        values = [r.scores[c] for r in responses if c in r.scores]
        assert report.all_observers.means[c] == (fmean(values) if values else None)
    assert not set(report.strengths) & set(report.development_points)


@settings(max_examples=200, deadline=None)
@given(RESPONSES, st.integers(1, 4), SCORES, st.floats(0.1, 3.0))
def test_self_scores_never_change_observer_figures(
    responses: list[ObserverResponse], k: int, own: dict[str, int], threshold: float
) -> None:
    without = feedback_report(COMPETENCES, None, responses, k=k, gap_threshold=threshold)
    with_self = feedback_report(COMPETENCES, own, responses, k=k, gap_threshold=threshold)
    assert with_self.self_scores == own
    assert replace(
        with_self,
        self_scores=None,
        gaps=tuple(replace(g, self_score=None, gap=None) for g in with_self.gaps),
        hidden_strengths=(),
        blind_spots=(),
    ) == replace(without, hidden_strengths=(), blind_spots=())
    for gap in with_self.gaps:
        mine = own.get(gap.competence)
        if mine is None or gap.others is None:
            assert gap.gap is None
        else:
            assert gap.gap == pytest.approx(mine - gap.others)
