"""GraphML in (with line-numbered errors), GraphML and GEXF out (Gephi opens both).

Reading: nodes are members (``id``; data ``name`` or ``label``, ``organization``,
``layer``, ``round``, anything else an attribute), edges are ties read as
``source -> target`` (also in undirected files), with data ``weight``, the six ratings
and ``round``. Data keys written by netlead itself (``netlead_*``: metrics) are
skipped on reading, so CSV -> GraphML -> back gives the same network.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn
from xml.parsers import expat

from netlead.analysis.io.errors import InputError
from netlead.analysis.io.tables import merge_ties, parse_rating, parse_weight
from netlead.analysis.model import RATING_FIELDS, Member, Network, Tie

if TYPE_CHECKING:
    from netlead.analysis.results import Diagnosis

__all__ = ["gexf_text", "graphml_text", "read_graphml", "write_gexf", "write_graphml"]

_METRIC_PREFIX = "netlead_"
_NODE_FIELDS = ("name", "label", "organization", "layer", "round")


@dataclass(slots=True)
class _Key:
    domain: str
    name: str
    default: str | None = None


@dataclass(slots=True)
class _State:
    file: str
    keys: dict[str, _Key] = field(default_factory=dict)
    nodes: list[tuple[int, str, dict[str, str]]] = field(default_factory=list)
    edges: list[tuple[int, str, str, dict[str, str]]] = field(default_factory=list)
    root_seen: bool = False
    depth_graph: int = 0
    current: dict[str, str] | None = None
    key_for_default: str | None = None
    data_key: str | None = None
    text: list[str] = field(default_factory=list)


def _local(tag: str) -> str:
    return tag.rsplit(":", 1)[-1]


def read_graphml(path: str | Path, *, merge_duplicates: bool = False) -> Network:
    """Read a network from a GraphML file.

    >>> read_graphml.__name__
    'read_graphml'
    """
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(name, None, None, None, f"cannot read file: {exc.strerror}") from None
    if not data.strip():
        raise InputError(name, 1, None, None, "the file is empty")
    state = _State(name)
    parser = expat.ParserCreate()

    def fail(message: str, value: str | None = None, column: str | None = None) -> NoReturn:
        raise InputError(name, parser.CurrentLineNumber, column, value, message)

    def start(tag: str, attrs: dict[str, str]) -> None:
        tag = _local(tag)
        if not state.root_seen:
            state.root_seen = True
            if tag != "graphml":
                fail(f"not a GraphML file (the root element is <{tag}>)", tag)
            return
        if tag == "key":
            key_id = attrs.get("id")
            if not key_id:
                fail("<key> without id")
            state.keys[key_id] = _Key(attrs.get("for", "all"), attrs.get("attr.name", key_id))
            state.key_for_default = key_id
        elif tag == "default":
            state.text = []
        elif tag == "graph":
            state.depth_graph += 1
            if state.depth_graph > 1:
                fail("nested graphs are not supported", "graph")
        elif tag == "node":
            node_id = attrs.get("id")
            if node_id is None or not node_id.strip():
                fail("<node> without id", node_id, "id")
            state.current = {}
            state.nodes.append((parser.CurrentLineNumber, node_id.strip(), state.current))
        elif tag == "edge":
            source, target = attrs.get("source"), attrs.get("target")
            if not source or not target:
                fail("<edge> without source or target", None, "source")
            state.current = {}
            state.edges.append((parser.CurrentLineNumber, source, target, state.current))
        elif tag in ("hyperedge", "port"):
            fail(f"<{tag}> is not supported", tag)
        elif tag == "data":
            state.data_key = attrs.get("key")
            state.text = []

    def end(tag: str) -> None:
        tag = _local(tag)
        if tag == "default" and state.key_for_default in state.keys:
            state.keys[state.key_for_default].default = "".join(state.text).strip()
        elif tag == "data":
            if state.current is not None and state.data_key is not None:
                state.current[state.data_key] = "".join(state.text).strip()
            state.data_key = None
        elif tag in ("node", "edge"):
            state.current = None
        elif tag == "key":
            state.key_for_default = None

    def chars(text: str) -> None:
        state.text.append(text)

    def no_dtd(*_: object) -> None:
        fail("DTDs and entity declarations are not allowed in GraphML input")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.StartDoctypeDeclHandler = no_dtd
    parser.EntityDeclHandler = no_dtd
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise InputError(
            name,
            exc.lineno,
            f"{exc.offset + 1}",
            None,
            f"not a GraphML file: {expat.ErrorString(exc.code)}",
        ) from None
    if not state.root_seen:
        raise InputError(name, 1, None, None, "not a GraphML file")
    return _network(state, merge_duplicates)


def _named(state: _State, domain: str, data: dict[str, str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for key in state.keys.values():
        if key.domain in (domain, "all") and key.default is not None:
            values[key.name] = key.default
    for key_id, text in data.items():
        found = state.keys.get(key_id)
        values[found.name if found else key_id] = text
    return {k: v for k, v in values.items() if not k.startswith(_METRIC_PREFIX)}


def _network(state: _State, merge_duplicates: bool) -> Network:
    name = state.file
    members: list[Member] = []
    first_line: dict[str, int] = {}
    for line, node_id, data in state.nodes:
        if node_id in first_line:
            raise InputError(
                name,
                line,
                "id",
                node_id,
                f"duplicate member id (first on line {first_line[node_id]})",
            )
        first_line[node_id] = line
        values = _named(state, "node", data)
        members.append(
            Member(
                id=node_id,
                name=values.get("name", values.get("label", "")),
                organization=values.get("organization") or None,
                layer=values.get("layer") or None,
                attributes=tuple(
                    sorted((k, v) for k, v in values.items() if k not in _NODE_FIELDS and v)
                ),
                rounds=tuple(r for r in values.get("round", "").split("|") if r),
            )
        )
    if not members:
        raise InputError(name, None, None, None, "the GraphML file has no nodes")
    ties: list[Tie] = []
    found: dict[tuple[str, str, str | None], tuple[int, int]] = {}
    duplicates: dict[int, list[Tie]] = {}
    for line, source, target, data in state.edges:
        for column, value in (("source", source), ("target", target)):
            if value not in first_line:
                raise InputError(name, line, column, value, "unknown member id (no such node)")
        if source == target:
            raise InputError(
                name, line, "target", target, "self tie: a member cannot name themself"
            )
        values = _named(state, "edge", data)
        tie = Tie(
            source,
            target,
            parse_weight(name, line, values.get("weight", "")),
            round=values.get("round") or None,
            **{f: parse_rating(name, line, f, values.get(f, "")) for f in RATING_FIELDS},
        )
        key = (source, target, tie.round)
        if key in found:
            if not merge_duplicates:
                raise InputError(
                    name,
                    line,
                    "target",
                    target,
                    f"duplicate tie {source} -> {target} (first on line {found[key][1]}); "
                    "use --merge-duplicates to merge duplicates",
                )
            duplicates.setdefault(found[key][0], [ties[found[key][0]]]).append(tie)
            continue
        found[key] = (len(ties), line)
        ties.append(tie)
    for position, group in duplicates.items():
        ties[position] = merge_ties(group)
    return Network(members=tuple(members), ties=tuple(ties))


def _raw(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _node_columns(network: Network, diagnosis: Diagnosis | None) -> list[tuple[str, str]]:
    columns = [
        ("name", "string"),
        ("organization", "string"),
        ("layer", "string"),
        ("round", "string"),
    ]
    extra = sorted({k for m in network.members for k, _ in m.attributes} - set(_NODE_FIELDS))
    columns += [(k, "string") for k in extra]
    if diagnosis is not None:
        columns += [(_METRIC_PREFIX + m, t) for m, t in _METRICS]
    return columns


_METRICS = (
    ("degree", "int"),
    ("in_degree", "int"),
    ("out_degree", "int"),
    ("betweenness", "double"),
    ("harmonic_closeness", "double"),
    ("constraint", "double"),
    ("effective_size", "double"),
    ("core", "int"),
    ("community", "int"),
    ("cut_point", "boolean"),
)
_EDGE_COLUMNS = [("weight", "double"), *((f, "double") for f in RATING_FIELDS), ("round", "string")]


def _node_values(network: Network, diagnosis: Diagnosis | None) -> list[dict[str, object | None]]:
    rows: list[dict[str, object | None]] = []
    for i, m in enumerate(network.members):
        row: dict[str, object | None] = {
            "name": m.name or None,
            "organization": m.organization,
            "layer": m.layer,
            "round": "|".join(m.rounds) or None,
            **dict(m.attributes),
        }
        if diagnosis is not None:
            metrics = diagnosis.members[i]
            for metric, _ in _METRICS:
                row[_METRIC_PREFIX + metric] = getattr(metrics, metric)
        rows.append(row)
    return rows


def _edge_values(tie: Tie) -> dict[str, object | None]:
    row: dict[str, object | None] = {"weight": tie.weight, "round": tie.round}
    for f in RATING_FIELDS:
        row[f] = getattr(tie, f)
    return row


def _present(value: object | None) -> bool:
    return value is not None and not (isinstance(value, float) and not math.isfinite(value))


#: Extra data per member or per tie, in the order of ``network.members`` / ``network.ties``:
#: a column name -> a value (bool, int, float or str; ``None`` for no value).
Extra = Sequence[Mapping[str, object | None]]


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "double"
    return "string"


def _extra_columns(rows: Extra | None, taken: set[str]) -> list[tuple[str, str]]:
    """The columns of `rows`, typed by their first value, in the order they first appear."""
    kinds: dict[str, str] = {}
    for row in rows or ():
        for column, value in row.items():
            if column in taken:
                raise ValueError(f"extra column {column!r} is already written by netlead")
            if value is not None and column not in kinds:
                kinds[column] = _kind(value)
            kinds.setdefault(column, "")
    return [(column, kind or "string") for column, kind in kinds.items()]


def _edge_columns(network: Network, edge_data: Extra | None) -> list[tuple[str, str]]:
    if edge_data is None:
        return list(_EDGE_COLUMNS)
    # With data of its own, a writer leaves out the rating columns no tie has (an export of
    # a survey round holds no ratings at all) rather than declaring them empty.
    held = {f for t in network.ties for f in RATING_FIELDS if getattr(t, f) is not None}
    base = [c for c in _EDGE_COLUMNS if c[0] in held or c[0] in ("weight", "round")]
    return base + _extra_columns(edge_data, {c for c, _ in _EDGE_COLUMNS})


def _rows(
    base: list[dict[str, object | None]], extra: Extra | None
) -> list[dict[str, object | None]]:
    if extra is None:
        return base
    if len(extra) != len(base):
        raise ValueError(f"{len(extra)} rows of extra data for {len(base)} rows")
    return [{**row, **more} for row, more in zip(base, extra, strict=True)]


def graphml_text(
    network: Network,
    diagnosis: Diagnosis | None = None,
    *,
    node_data: Extra | None = None,
    edge_data: Extra | None = None,
) -> str:
    """The network (and the diagnosis' member metrics as ``netlead_*`` node data) as
    GraphML 1.0, directed. ``node_data`` and ``edge_data`` add typed columns of the caller's
    own, one mapping per member and per tie.

    >>> from netlead.analysis.model import Member, Tie
    >>> net = Network(members=(Member("a"), Member("b")), ties=(Tie("a", "b"),))
    >>> '<edge source="a" target="b">' in graphml_text(net)
    True
    """
    # Imported here: xml.sax.saxutils brings urllib.request and http.client with it (about
    # 40 ms), which reading a network from CSV never needs.
    from xml.sax.saxutils import escape, quoteattr

    node_columns = _node_columns(network, diagnosis)
    node_columns += _extra_columns(node_data, {c for c, _ in node_columns})
    edge_columns = _edge_columns(network, edge_data)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ]
    for i, (column, kind) in enumerate(node_columns):
        out.append(f'<key id="n{i}" for="node" attr.name={quoteattr(column)} attr.type="{kind}"/>')
    for i, (column, kind) in enumerate(edge_columns):
        out.append(f'<key id="e{i}" for="edge" attr.name={quoteattr(column)} attr.type="{kind}"/>')
    out.append('<graph id="G" edgedefault="directed">')
    node_rows = _rows(_node_values(network, diagnosis), node_data)
    for m, row in zip(network.members, node_rows, strict=True):
        data = "".join(
            f'<data key="n{i}">{escape(_raw(row.get(c)))}</data>'
            for i, (c, _) in enumerate(node_columns)
            if _present(row.get(c))
        )
        out.append(f"<node id={quoteattr(m.id)}>{data}</node>")
    edge_rows = _rows([_edge_values(t) for t in network.ties], edge_data)
    for t, row in zip(network.ties, edge_rows, strict=True):
        data = "".join(
            f'<data key="e{i}">{escape(_raw(row.get(c)))}</data>'
            for i, (c, _) in enumerate(edge_columns)
            if _present(row.get(c))
        )
        out.append(f"<edge source={quoteattr(t.source)} target={quoteattr(t.target)}>{data}</edge>")
    out += ["</graph>", "</graphml>", ""]
    return "\n".join(out)


def write_graphml(path: str | Path, network: Network, diagnosis: Diagnosis | None = None) -> None:
    """Write the network (and the diagnosis' member metrics as ``netlead_*`` node
    data) as GraphML 1.0, directed (see `graphml_text`).

    >>> write_graphml.__name__
    'write_graphml'
    """
    Path(path).write_text(graphml_text(network, diagnosis), encoding="utf-8")


_GEXF_TYPES = {"string": "string", "int": "integer", "double": "double", "boolean": "boolean"}


def gexf_text(
    network: Network,
    diagnosis: Diagnosis | None = None,
    *,
    node_data: Extra | None = None,
    edge_data: Extra | None = None,
) -> str:
    """The network as GEXF 1.3 (directed), member metrics as node attributes; ``node_data``
    and ``edge_data`` as in `graphml_text`.

    >>> from netlead.analysis.model import Member, Tie
    >>> net = Network(members=(Member("a", "Ann"), Member("b")), ties=(Tie("a", "b"),))
    >>> '<node id="a" label="Ann">' in gexf_text(net)
    True
    """
    from xml.sax.saxutils import quoteattr  # see graphml_text

    node_columns = [c for c in _node_columns(network, diagnosis) if c[0] != "name"]
    node_columns += _extra_columns(node_data, {c for c, _ in node_columns} | {"name"})
    edge_columns = [c for c in _edge_columns(network, edge_data) if c[0] != "weight"]
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
        "<meta><creator>netlead</creator></meta>",
        '<graph defaultedgetype="directed" mode="static">',
        '<attributes class="node">',
    ]
    out += [
        f'<attribute id="{i}" title={quoteattr(c)} type="{_GEXF_TYPES[k]}"/>'
        for i, (c, k) in enumerate(node_columns)
    ]
    out += ["</attributes>", '<attributes class="edge">']
    out += [
        f'<attribute id="{i}" title={quoteattr(c)} type="{_GEXF_TYPES[k]}"/>'
        for i, (c, k) in enumerate(edge_columns)
    ]
    out += ["</attributes>", "<nodes>"]
    node_rows = _rows(_node_values(network, diagnosis), node_data)
    for m, row in zip(network.members, node_rows, strict=True):
        values = "".join(
            f'<attvalue for="{i}" value={quoteattr(_raw(row.get(c)))}/>'
            for i, (c, _) in enumerate(node_columns)
            if _present(row.get(c))
        )
        out.append(
            f"<node id={quoteattr(m.id)} label={quoteattr(m.name or m.id)}>"
            f"<attvalues>{values}</attvalues></node>"
        )
    out += ["</nodes>", "<edges>"]
    edge_rows = _rows([_edge_values(t) for t in network.ties], edge_data)
    for i, (t, row) in enumerate(zip(network.ties, edge_rows, strict=True)):
        values = "".join(
            f'<attvalue for="{j}" value={quoteattr(_raw(row.get(c)))}/>'
            for j, (c, _) in enumerate(edge_columns)
            if _present(row.get(c))
        )
        out.append(
            f'<edge id="{i}" source={quoteattr(t.source)} target={quoteattr(t.target)} '
            f'weight="{t.weight!r}"><attvalues>{values}</attvalues></edge>'
        )
    out += ["</edges>", "</graph>", "</gexf>", ""]
    return "\n".join(out)


def write_gexf(path: str | Path, network: Network, diagnosis: Diagnosis | None = None) -> None:
    """Write the network as GEXF 1.3 (see `gexf_text`).

    >>> write_gexf.__name__
    'write_gexf'
    """
    Path(path).write_text(gexf_text(network, diagnosis), encoding="utf-8")
