"""Missing answers: the response rate, reconstruction (Stork & Richards 1992), figures over
observed pairs, respondents only, the warning, comparisons and the `responded` column; and the
accuracy of the reconstructed figures on classic networks with simulated non-response."""

from __future__ import annotations

import json
import statistics
from pathlib import Path

import pytest

from netlead.analysis import Member, Network, Tie, compare, diagnose, read_network, to_dict
from netlead.analysis.cli import main
from netlead.analysis.compare import pair_changes
from netlead.analysis.io import InputError, read_members
from netlead.analysis.missing import (
    estimated_cross_share,
    observed_density,
    observed_reciprocity,
    reconstruct,
    respondents_only,
    response_of,
)
from tests.analysis import missing_sim


def net(*ties: tuple[str, str], silent: str = "", orgs: str = "XXYY") -> Network:
    members = tuple(
        Member(m, organization=o, responded=m not in silent)
        for m, o in zip("abcd", orgs, strict=True)
    )
    return Network(members, tuple(Tie(a, b) for a, b in ties))


# -- Rules ------------------------------------------------------------------------------------


def test_the_response_rate_overall_and_per_organization() -> None:
    response = response_of(net(silent="bc"))
    assert (response.members, response.respondents, response.rate) == (4, 2, 0.5)
    assert response.by_organization == {"X": (2, 1), "Y": (2, 1)}
    data = to_dict(diagnose(net(("a", "b"), silent="bcd")))["network"]
    assert data["response_rate"] == 0.25 and data["respondents"] == 1
    assert data["missing_data"] == "reconstruct"
    assert data["response_by_organization"]["Y"] == {
        "members": 2,
        "respondents": 0,
        "response_rate": 0.0,
    }


def test_a_tie_named_to_a_non_respondent_stands_for_both_directions() -> None:
    network, added = reconstruct(net(("a", "b"), ("a", "c"), ("d", "a"), ("c", "d"), silent="bc"))
    ties = {(t.source, t.target) for t in network.ties}
    assert added == 2 and {("b", "a"), ("c", "a")} <= ties
    assert ("a", "d") not in ties  # d answered: d -> a is not mutual unless a said so
    # a tie from a non-respondent (a file may hold one) is kept as given, and not turned around
    assert ("c", "d") in ties and ("d", "c") not in ties


def test_reconstructed_ties_carry_no_ratings() -> None:
    members = (Member("a"), Member("b", responded=False))
    network, _ = reconstruct(Network(members, (Tie("a", "b", reliability=4, weight=2),)))
    back = next(t for t in network.ties if t.source == "b")
    assert back.weight == 2 and not back.rated


def test_pairs_of_two_non_respondents_do_not_count_as_absent() -> None:
    assert observed_density(6, 4, 2) == 6 / 10
    assert observed_density(6, 4, 0) == 6 / 12  # everyone answered: the plain density
    d = diagnose(net(("a", "b"), ("b", "a"), ("a", "c"), silent="cd")).network
    # a->b, b->a, a->c and the reconstructed c->a over 12 - 2 ordered pairs
    assert d.density == pytest.approx(4 / 10) and d.ties == 4 and d.reconstructed_ties == 1


def test_reciprocity_over_the_dyads_both_reported() -> None:
    assert observed_reciprocity([(0, 1), (1, 0), (0, 2)], [True, True, False]) == 1.0
    assert observed_reciprocity([(0, 2)], [True, True, False]) is None
    d = diagnose(net(("a", "b"), ("b", "a"), ("c", "a"), ("a", "d"), silent="d")).network
    assert d.reciprocity == pytest.approx(2 / 3)  # a<->b mutual, c->a not; a-d reconstructed


def test_the_cross_organization_share_is_estimated_over_observed_pairs() -> None:
    everyone = [True] * 4
    edges = [(0, 1), (1, 0), (0, 2), (2, 0)]
    assert estimated_cross_share(edges, [0, 0, 1, 1], everyone) == 0.5  # the plain share
    # Y (2, 3) answered at half: its inside pair 2-3 is observed, the pair 1-3 is not
    assert estimated_cross_share(
        [(0, 1), (1, 0), (0, 2), (2, 0), (2, 3)], [0, 0, 1, 1], [True, False, True, False]
    ) == pytest.approx(0.4)


def test_everyone_answering_changes_nothing() -> None:
    full = read_network(missing_sim.DATA_MEMBERS, missing_sim.DATA_TIES).for_round("1")
    a, b = to_dict(diagnose(full)), to_dict(diagnose(full, missing="respondents"))
    assert a == {**b, "network": {**b["network"], "missing_data": "reconstruct"}}
    assert a["network"]["response_rate"] == 1.0 and not a["network"]["low_response"]
    assert a["findings"][0]["key"] != "low_response"


def test_respondents_only_leaves_the_non_respondents_out() -> None:
    network = net(("a", "b"), ("a", "c"), ("d", "a"), silent="bc")
    assert [m.id for m in respondents_only(network).members] == ["a", "d"]
    d = diagnose(network, missing="respondents")
    assert d.network.members == 2 and d.network.members_asked == 4
    assert d.network.missing_data == "respondents" and d.network.ties == 1
    assert d.findings[0].key == "low_response_respondents"
    with pytest.raises(ValueError, match="missing must be one of"):
        diagnose(network, missing="impute")


def test_below_the_threshold_the_findings_warn() -> None:
    d = diagnose(net(("a", "b"), silent="bc"))
    assert d.network.low_response and d.findings[0].key == "low_response"
    assert d.findings[0].params == {"respondents": 2, "members": 4, "threshold": 70}
    assert d.findings[0].figure == 0.5
    assert not diagnose(net(("a", "b"), silent="bc"), response_threshold=0.5).network.low_response


def test_a_comparison_counts_no_tie_of_a_non_respondent_as_lost_or_new() -> None:
    before = net(("a", "b"), ("b", "c"), ("c", "d"), ("d", "a"))
    after = net(("a", "b"), ("d", "b"), silent="c")  # c did not answer; d dropped d->a
    c = compare(before, after, diagnose(before), diagnose(after))
    assert (c.ties_kept, c.ties_new, c.ties_lost) == (1, 1, 2)  # new d->b; lost b->c, d->a
    assert c.ties_not_compared == 1  # c->d: c did not answer the second round
    assert "ties_not_compared" in {f.key for f in c.findings}
    back = compare(after, before, diagnose(after), diagnose(before))
    assert (back.ties_new, back.ties_lost, back.ties_not_compared) == (2, 1, 1)


def test_pairs_on_the_map_are_lost_only_when_both_could_say_so() -> None:
    before = net(("a", "b"), ("b", "c"), ("c", "d"))
    after = net(("a", "b"), silent="c")
    changes = pair_changes(before, after)
    assert changes.lost == () and changes.new == ()
    assert changes.not_compared == (("b", "c"), ("c", "d"))
    assert pair_changes(before, net(("a", "b"))).lost == (("b", "c"), ("c", "d"))


# -- The members file -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("yes", True), ("No", False), ("1", True), ("0", False), ("TRUE", True), ("false", False)],
)
def test_the_responded_column(tmp_path: Path, value: str, expected: bool) -> None:
    path = tmp_path / "members.csv"
    path.write_text(f"id,responded\na,{value}\n")
    assert read_members(path)[0].responded is expected


def test_without_the_column_everyone_answered(tmp_path: Path) -> None:
    path = tmp_path / "members.csv"
    path.write_text("id\na\n")
    assert read_members(path)[0].responded


@pytest.mark.parametrize("value", ["maybe", "", "ja"])
def test_a_bad_responded_value_names_the_row(tmp_path: Path, value: str) -> None:
    path = tmp_path / "members.csv"
    path.write_text(f"id,responded\na,yes\nb,{value}\n")
    with pytest.raises(InputError, match="line 3, column responded") as error:
        read_members(path)
    assert "yes/no, 1/0 or true/false" in str(error.value)


def test_the_command_writes_the_response_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "m.csv").write_text("id,organization,responded\na,X,yes\nb,X,no\nc,Y,yes\n")
    (tmp_path / "t.csv").write_text("source,target\na,b\nc,a\n")
    args = ["--members", str(tmp_path / "m.csv"), "--ties", str(tmp_path / "t.csv")]
    assert main(args) == 0
    network = json.loads(capsys.readouterr().out)["network"]
    assert network["response_rate"] == pytest.approx(2 / 3)
    assert network["missing_data"] == "reconstruct" and network["reconstructed_ties"] == 1
    assert network["response_by_organization"]["X"]["respondents"] == 1
    assert main([*args, "--missing", "respondents"]) == 0
    assert json.loads(capsys.readouterr().out)["network"]["missing_data"] == "respondents"
    assert main([*args, "--response-threshold", "2"]) == 2


# -- Accuracy on classic networks -------------------------------------------------------------


@pytest.fixture(scope="module")
def accuracy() -> dict[str, list[dict[str, dict[str, float]]]]:
    """Mean absolute errors over 20 seeds, per scenario, of the small classic cases."""
    found: dict[str, list[dict[str, dict[str, float]]]] = {s: [] for s in missing_sim.SCENARIOS}
    for case in missing_sim.cases()[:3]:
        for scenario in missing_sim.SCENARIOS:
            found[scenario].append(missing_sim.errors(case, scenario, range(20)))
    return found


@pytest.mark.parametrize("scenario", missing_sim.SCENARIOS)
@pytest.mark.parametrize("figure", ["density", "reciprocity"])
def test_reconstructed_density_and_reciprocity_are_closer_to_the_truth(
    accuracy: dict[str, list[dict[str, dict[str, float]]]], scenario: str, figure: str
) -> None:
    for errors in accuracy[scenario]:
        assert errors["reconstruct"][figure] < errors["naive"][figure] / 2


def test_the_reconstructed_share_across_organizations_is_closer_when_organizations_differ(
    accuracy: dict[str, list[dict[str, dict[str, float]]]],
) -> None:
    def pooled(scenario: str, estimate: str) -> float:
        return statistics.mean(e[estimate]["cross_organization_share"] for e in accuracy[scenario])

    # Organizations answering at different rates: the naive share loses the ties inside the
    # quiet organizations and overstates the mixing; the estimate over observed pairs does not.
    assert pooled("by organization", "reconstruct") < 0.7 * pooled("by organization", "naive")
    for errors in accuracy["by organization"][:2]:  # the karate club, the Florentine families
        share = {e: errors[e]["cross_organization_share"] for e in ("naive", "reconstruct")}
        assert share["reconstruct"] < share["naive"]
    # At random the naive share is unbiased; the estimate is too, with somewhat more spread.
    assert pooled("random", "reconstruct") < 1.4 * pooled("random", "naive")


def test_the_worked_example_of_the_docs() -> None:
    network = net(("a", "b"), ("a", "c"), ("b", "a"), silent="cd")
    found = diagnose(network).network
    assert (found.ties, found.density, found.reciprocity) == (4, 0.4, 1.0)
    assert found.cross_organization_share == pytest.approx(1 / 3)
    everyone = diagnose(net(("a", "b"), ("a", "c"), ("b", "a"))).network
    assert (everyone.density, everyone.cross_organization_share) == (0.25, 0.5)
    assert everyone.reciprocity == pytest.approx(2 / 3)
