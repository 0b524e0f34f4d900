"""The results page of a relationship round (issue 17, parts 2, 3, 5 and 6): trust and value per
organization and per pair of organizations under the k rule, each member's received ratings to
that member alone, the structure, findings linked to their evidence, and the defects: rounding,
the health band and its bar."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from django.utils import translation

from netlead.analysis.messages import FINDINGS
from netlead.surveys import selectors, texts
from netlead.surveys.readmodels import read_diagnosis, read_structure
from netlead.surveys.selectors import RatingCell
from tests.surveys.conftest import Survey

DATA = Path(__file__).resolve().parent.parent / "data" / "surveys"


def _sample(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / name).read_text())
    return data


def _label(key: object) -> str:
    return f"member {key}"


# -- Read models and selectors -----------------------------------------------------------------


def test_a_diagnosis_of_schema_3_reads_its_rating_matrix_and_structure() -> None:
    stored = _sample("diagnosis_v3.json")
    diagnosis = read_diagnosis(stored)
    assert diagnosis.schema == 3 and diagnosis.rating_matrix is not None
    assert len(diagnosis.rating_matrix) == len(stored["diagnosis"]["rating_matrix"])
    structure = read_structure(stored)
    assert structure.key_players is not None
    assert [s.size for s in structure.key_players.sets] == [2, 3]
    assert [c.members for c in structure.community_mix] == [5, 4, 3]
    assert structure.community_mix[0].organizations == (("Care", 3), ("Municipality", 2))


@pytest.mark.parametrize("name", ["diagnosis_v1.json", "diagnosis_v2.json"])
def test_older_diagnoses_show_their_structure_without_key_players(name: str) -> None:
    stored = _sample(name)
    structure = selectors.structure(stored, _label)
    assert structure.key_players is None
    members = stored["diagnosis"]["members"]
    assert sum(c.members for c in structure.community_rows) == len(members)
    assert structure.communities == stored["diagnosis"]["network"]["communities"]["count"]
    assert selectors.rating_matrix(stored) is None  # not computed then: the page says so


def test_no_cell_of_the_matrix_shows_a_figure_under_k() -> None:
    stored = _sample("diagnosis_v3.json")
    with translation.override("en"):
        matrix = selectors.rating_matrix(stored)
    assert matrix is not None
    raters = {
        (c["source"], c["target"]): c["ratings"]["raters"]
        for c in stored["diagnosis"]["rating_matrix"]
    }
    k = stored["diagnosis"]["k"]
    shown = 0
    for row in matrix.rows:
        for column, trust, value in zip(matrix.organizations, row.trust, row.value, strict=True):
            count = raters.get((row.organization, column), 0)
            if count < k:
                assert trust.shown == value.shown == "" and trust.reason
                assert trust.reason == ("fewer_than_k" if count else "no_ratings")
            else:
                assert trust.shown and not trust.reason
                shown += 1
    assert shown == 4 and matrix.under_k == 4
    care = matrix.rows[matrix.organizations.index("Municipality")]
    assert care.trust[matrix.organizations.index("Care")] == RatingCell("2.50", "")


def test_organization_ratings_received_and_given_follow_k() -> None:
    rows = selectors.organization_ratings(_sample("diagnosis_v3.json"))
    by_name = {r.organization: r for r in rows}
    care = by_name["Care"]
    # Care is rated by five people of other organizations; it rates others through two
    assert care.received_raters == 5 and care.received_trust.shown
    assert care.given_raters == 2 and care.given_trust == RatingCell("", "fewer_than_k")


def test_key_players_and_the_core_are_named_through_the_labels() -> None:
    structure = selectors.structure(_sample("diagnosis_v3.json"), _label)
    assert structure.key_players is not None
    assert structure.key_players[0].members == ["member 22", "member 31"]
    assert all(name.startswith("member ") for name in structure.core_members)
    assert all(name.startswith("member ") for name, _value in structure.closeness)


# -- Evidence of findings -------------------------------------------------------------------


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids.update(value for name, value in attrs if name == "id" and value)


def test_every_finding_of_a_round_has_its_evidence() -> None:
    comparison_only = {
        "ties_changed",
        "ties_not_compared",
        "fragmentation_rose",
        "fragmentation_fell",
        "cross_organization_rose",
        "cross_organization_fell",
        "trust_rose",
        "trust_fell",
    }
    assert set(FINDINGS) - comparison_only == set(texts.FINDING_EVIDENCE)


# -- The page -------------------------------------------------------------------------------


@pytest.fixture
def rated(survey: Survey, django_capture_on_commit_callbacks) -> tuple[Survey, Any]:  # type: ignore[no-untyped-def]
    """Ben, Cas (Police) and Dee (School) rate the member 2; the leader and the member rate
    the associate 4 (two raters: under k)."""
    survey_round = survey.open(django_capture_on_commit_callbacks)
    net = survey.net
    ben, cas, dee = survey.members[3:]
    for rater in (ben, cas, dee):
        survey.answer_ties(rater, [net.member], value=2)
    survey.answer_ties(net.leader, [net.associate], value=4)
    survey.answer_ties(net.member, [net.associate], value=4)
    return survey, survey.close(django_capture_on_commit_callbacks, survey_round)


def test_a_member_sees_the_ratings_they_received_and_nobody_elses(
    rated: tuple[Survey, Any],
) -> None:
    survey, survey_round = rated
    world = survey.net.world
    url = survey.url("results", survey_round)

    mine = world.client_for(world.member).get(url)
    assert mine.status_code == 200
    own = mine.context["my_ratings"]
    assert own.raters == 3 and own.trust.shown == "2.00" and own.value.shown == "2.00"
    assert "How others rated you" in mine.text

    # the leader was rated by nobody: nothing of theirs, and nothing of the member's
    leader = world.client_for(world.owner).get(url)
    assert leader.context["my_ratings"].raters == 0
    assert "How others rated you" not in leader.text

    # the associate was rated by two: under k, the page says why and shows no figure
    associate = world.client_for(survey.net.associate_user).get(url)
    theirs = associate.context["my_ratings"]
    assert theirs.raters == 2 and theirs.trust.shown == "" and theirs.trust.reason
    section = associate.text.split('id="my-ratings-title"')[1].split("</section>")[0]
    assert "fewer than 3" in section and "4.00" not in section and "2.00" not in section


def test_the_page_shows_the_matrix_with_reasons_and_links_findings_to_their_evidence(
    rated: tuple[Survey, Any],
) -> None:
    survey, survey_round = rated
    world = survey.net.world
    page = world.client_for(world.member).get(survey.url("results", survey_round))
    matrix = page.context["rating_matrix"]
    police = matrix.rows[matrix.organizations.index("Police")]
    own = world.organization.name
    assert police.trust[matrix.organizations.index(own)] == RatingCell("", "fewer_than_k")
    assert "Not shown: fewer than 3 people rated." in page.text
    parser = _Ids()
    parser.feed(page.text)
    for anchor in re.findall(r'class="evidence" href="#([\w-]+)"', page.text):
        assert anchor in parser.ids
    assert set(texts.FINDING_EVIDENCE.values()) - {"map"} <= parser.ids
    for section in ("communities-title", "key-players-title", "core-title", "closeness-title"):
        assert section in parser.ids


def test_the_matrix_reasons_read_in_dutch_and_danish(rated: tuple[Survey, Any]) -> None:
    survey, survey_round = rated
    reader = survey.net.world.member
    for language in ("nl", "da"):
        reader.language = language
        reader.save()
        page = survey.net.world.client_for(reader).get(survey.url("results", survey_round))
        assert page.status_code == 200
        with translation.override(language):
            reason = translation.gettext("Not shown: fewer than %(k)s people rated.")
        assert reason != "Not shown: fewer than %(k)s people rated."
        assert 'class="num muted" title="' in page.text


# -- Defects: rounding ----------------------------------------------------------------------


def test_percentages_and_figures_are_rounded_not_truncated() -> None:
    with translation.override("en"):
        assert texts.pct(0.4567) == "46%" and texts.pct(2 / 3) == "67%"
        assert texts.num(2.956) == "2.96" and texts.num(0.665) == "0.67"
        assert texts.signed(2.956, 2) == "+2.96" and texts.signed(-0.004, 2) == "+0.00"
        assert texts.metric_change("density", 0.0467) == "+5"
    with translation.override("da"):
        assert texts.num(2.956) == "2,96"


@pytest.mark.parametrize(
    ("mean", "shown", "meter", "band"),
    [
        (2.95, "3.0", "3.0", "discuss"),
        (2.94, "2.9", "2.9", "concern"),
        (3.95, "4.0", "4.0", "strength"),
        (3.25, "3.3", "3.3", "discuss"),
    ],
)
def test_the_health_band_the_bar_and_the_figure_agree(
    mean: float, shown: str, meter: str, band: str
) -> None:
    stored = _sample("health_v1.json")
    first = stored["health"]["dimensions"][0]
    first["mean"], first["band"] = mean, "concern"  # as an older version may have stored it
    with translation.override("en"):
        dimension = selectors.health_dashboard(stored, "en").dimensions[0]
    assert (dimension.shown, dimension.meter, dimension.band) == (shown, meter, band)
    # the bar's regions (low 3, high 4) put the shown value in the band's colour
    value = float(dimension.meter)
    assert band == ("concern" if value < 3 else "strength" if value >= 4 else "discuss")
