"""Readers and writers: CSV / XLSX tables, GraphML in and out, GEXF out.

Every reader error is an :class:`InputError` naming the file, line, column and value.
"""

from __future__ import annotations

from netlead.analysis.io.errors import InputError
from netlead.analysis.io.graphml import (
    gexf_text,
    graphml_text,
    read_graphml,
    write_gexf,
    write_graphml,
)
from netlead.analysis.io.tables import read_members, read_network, read_ties

__all__ = [
    "InputError",
    "gexf_text",
    "graphml_text",
    "read_graphml",
    "read_members",
    "read_network",
    "read_ties",
    "write_gexf",
    "write_graphml",
]
