"""The estimate's sources in groups of 16 per igraph call (netlead.analysis.centrality): the
strata told apart per member by the kind of group give the same ranking as one call per source,
and a refined member's neighbours, all sources, give its exact distance-1 stratum."""

from __future__ import annotations

import igraph as ig
import numpy as np
import pytest

from netlead.analysis import centrality
from netlead.analysis.centrality import centralities
from netlead.analysis.graph import build_graphs
from tests.analysis.test_estimated import _organizations, _ranks


def test_groups_rank_members_as_one_call_per_source(monkeypatch: pytest.MonkeyPatch) -> None:
    u = build_graphs(_organizations(2_400, 19_000, seed=6)).undirected
    grouped = centralities(u, exact_limit=2_000, seed=4)
    monkeypatch.setattr(centrality, "_GROUP", 1)
    single = centralities(u, exact_limit=2_000, seed=4)
    assert grouped.sample == single.sample
    assert grouped.harmonic == single.harmonic
    spearman = np.corrcoef(_ranks(grouped.betweenness), _ranks(single.betweenness))[0, 1]
    assert spearman > 0.98
    top = set(np.argsort(single.betweenness)[-10:])
    assert len(top & set(np.argsort(grouped.betweenness)[-10:])) >= 9
    relative = np.abs(np.subtract(grouped.betweenness, single.betweenness)).sum() / sum(
        single.betweenness
    )
    assert relative < 0.1


def test_a_refined_member_has_its_exact_first_stratum() -> None:
    """A star of 50: the centre's strata are its 50 neighbours only; refined, all of them are
    sources (in groups of 16, 16, 16 and 2), so its betweenness is exact: every pair of leaves."""
    star = ig.Graph.Star(51)
    result = centralities(star, exact_limit=0, sample=50, seed=1)
    assert result.method == "estimated"
    assert result.betweenness[0] == pytest.approx(1.0)
    assert result.betweenness[1:] == [0.0] * 50
