"""A closed relationship round's network for Gephi and other tools, written by the analysis
package's own GraphML and GEXF writers.

Nodes are the round's members, with the name the map shows (a member who chose not to be named,
and everyone in pseudonymised mode, gets a pseudonym), their organization and layer and their
figures on the map; ties are the map's: one per pair, with how often the two work together
(the higher of the two answers, 1-4, also the weight) and whether both named each other. Trust
and value ratings are never in the file, not even as aggregates.
"""

from __future__ import annotations

from dataclasses import dataclass

from netlead.analysis.io import gexf_text, graphml_text
from netlead.analysis.model import Member, Network, Tie
from netlead.surveys import selectors as surveys

__all__ = ["RoundGraph", "round_graph"]


@dataclass(frozen=True)
class RoundGraph:
    network: Network
    node_data: list[dict[str, object | None]]
    edge_data: list[dict[str, object | None]]

    def graphml(self) -> str:
        return graphml_text(self.network, node_data=self.node_data, edge_data=self.edge_data)

    def gexf(self) -> str:
        return gexf_text(self.network, node_data=self.node_data, edge_data=self.edge_data)


def round_graph(data: surveys.StoredRound, labels: surveys.Labels) -> RoundGraph:
    """The round's map (``SurveyRound.diagnosis``) as a graph, names given by `labels`."""
    shown = surveys.map_data(data, labels)
    members = tuple(
        Member(
            id=m.id,
            name=m.label,
            organization=m.organization or None,
            layer=m.layer or None,
        )
        for m in shown.members
    )
    ties = tuple(
        Tie(source=e.source, target=e.target, weight=float(e.strength)) for e in shown.edges
    )
    return RoundGraph(
        network=Network(members=members, ties=ties),
        node_data=[
            {
                "netlead_degree": m.degree,
                "netlead_betweenness": m.betweenness,
                "netlead_harmonic_closeness": m.harmonic_closeness,
                "netlead_constraint": m.constraint,
                "netlead_cut_point": m.cut_point,
                "netlead_brokerage": m.brokerage,
            }
            for m in shown.members
        ],
        edge_data=[
            {"frequency": e.strength, "mutual": e.mutual, "new": e.new} for e in shown.edges
        ],
    )
