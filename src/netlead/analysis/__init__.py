"""netlead.analysis: the network diagnosis engine (pure Python + igraph, no Django).

>>> from netlead.analysis import Member, Network, Tie, diagnose, to_dict
>>> d = diagnose(Network((Member("a"), Member("b")), (Tie("a", "b"),)))
>>> to_dict(d)["network"]["density"]
0.5
"""

from __future__ import annotations

from netlead.analysis.compare import compare
from netlead.analysis.diagnosis import SCHEMA_VERSION, diagnose, to_dict
from netlead.analysis.io import (
    InputError,
    read_graphml,
    read_members,
    read_network,
    read_ties,
    write_gexf,
    write_graphml,
)
from netlead.analysis.model import Member, Network, NetworkError, Tie
from netlead.analysis.report import render_html, render_text
from netlead.analysis.results import Comparison, Diagnosis, Finding, Suggestion

__all__ = [
    "SCHEMA_VERSION",
    "Comparison",
    "Diagnosis",
    "Finding",
    "InputError",
    "Member",
    "Network",
    "NetworkError",
    "Suggestion",
    "Tie",
    "compare",
    "diagnose",
    "read_graphml",
    "read_members",
    "read_network",
    "read_ties",
    "render_html",
    "render_text",
    "to_dict",
    "write_gexf",
    "write_graphml",
]
