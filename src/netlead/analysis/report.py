"""Text and self-contained HTML renderings of a diagnosis, for network leaders.

The sentences of findings and suggestions are the English texts of
``netlead.analysis.messages`` (the CLI's only language; the web app translates the same
texts). A key without a text raises ``messages.UnknownMessageKey``.
"""

from __future__ import annotations

import html
from typing import Any

from netlead.analysis import messages
from netlead.analysis.results import Diagnosis, Finding, MemberMetrics, Suggestion

__all__ = [
    "MESSAGES",
    "SUGGESTION_MESSAGES",
    "finding_text",
    "render_html",
    "render_text",
    "suggestion_text",
]

#: The English text of every finding and suggestion key (kept here for library callers;
#: the one source is ``netlead.analysis.messages``).
MESSAGES = messages.FINDINGS
SUGGESTION_MESSAGES = messages.SUGGESTIONS

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;
padding:0 1rem;color:#1b1b1b;line-height:1.5}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{text-align:left;padding:.3rem .6rem;border-bottom:1px solid #ddd}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:.3rem 0}
.figures{display:flex;flex-wrap:wrap;gap:1rem;padding:0;list-style:none}
.figures li{border:1px solid #ccc;border-radius:.4rem;padding:.5rem .8rem}
.figures strong{display:block;font-size:1.3rem}
"""


def _pct(x: float | int | None) -> str:
    return "n/a" if x is None else f"{100 * x:.0f}%"


def _num(x: float | int | None) -> str:
    if x is None:
        return "n/a"
    return str(x) if isinstance(x, int) else f"{x:.2f}"


def _label(name: Any, member_id: Any) -> str:
    return f"{name} ({member_id})" if name and name != member_id else str(member_id)


def finding_text(finding: Finding, names: dict[str, str] | None = None) -> str:
    """The English sentence of a finding; ``messages.UnknownMessageKey`` for a key
    without a text. A member is named by their label (name and id, from the finding or
    from ``names``), never by the id alone when a name is known.

    >>> finding_text(Finding("org_isolated", {"organization": "Police", "members": 4}, 4, 0.6))
    'Police (4 members) has no tie outside itself.'
    """
    values: dict[str, Any] = {k: ("n/a" if v is None else v) for k, v in finding.params.items()}
    for k, v in finding.params.items():
        if isinstance(v, float) or v is None:
            values[k + "_num"] = _num(v)
    fig = finding.figure
    values["figure_pct"] = _pct(fig)
    values["figure_num"] = _num(fig)
    values["figure_signed_pct"] = "n/a" if fig is None else f"{100 * fig:+.0f} points"
    values["figure_signed_num"] = "n/a" if fig is None else f"{fig:+.2f}"
    if "member" in finding.params:
        member = finding.params["member"]
        name = finding.params.get("name") or (names or {}).get(str(member), "")
        values["member_label"] = _label(name, member)
    return messages.finding_template(finding.key) % values


def suggestion_text(suggestion: Suggestion, names: dict[str, str]) -> str:
    """The English sentence of a weaving suggestion."""

    def who(member_id: str | None) -> str:
        return "" if member_id is None else _label(names.get(member_id, ""), member_id)

    return messages.suggestion_template(suggestion.kind) % {
        "source": who(suggestion.source),
        "target": who(suggestion.target),
        "via": who(suggestion.via),
        "source_organization": suggestion.source_organization or messages.NO_ORGANIZATION,
        "target_organization": suggestion.target_organization or messages.NO_ORGANIZATION,
        "fragmentation_pct": _pct(suggestion.fragmentation_reduction),
    }


_METHOD = {
    "reconstruct": "reconstructed from respondents' nominations",
    "respondents": "respondents only",
}


def _headline(d: Diagnosis) -> list[tuple[str, str]]:
    n = d.network
    return [
        ("Members", str(n.members)),
        ("Response rate", _pct(n.response_rate)),
        ("Missing answers", _METHOD.get(n.missing_data, n.missing_data)),
        ("Ties", str(n.ties)),
        ("Organizations", str(n.organizations)),
        ("Separate parts", str(n.components)),
        ("Pairs that cannot reach each other", _pct(n.fragmentation)),
        ("Ties across organizations", _pct(n.cross_organization_share)),
        ("Mutual ties", _pct(n.reciprocity)),
        ("Density", _pct(n.density)),
        ("Trust (share of maximum)", _pct(d.ratings.network.trust_share) if d.ratings else "n/a"),
    ]


def _estimated(d: Diagnosis) -> str:
    """The label of estimated betweenness and closeness (empty when exact)."""
    if d.network.centrality_method != "estimated":
        return ""
    return (
        f"Estimated: betweenness and closeness are computed from a sample of "
        f"{d.network.centrality_sample} members, not from every member."
    )


def _brokers(d: Diagnosis, top: int = 5) -> list[MemberMetrics]:
    return sorted(d.members, key=lambda m: (-m.betweenness, m.id))[:top]


def render_text(d: Diagnosis, *, top: int = 10) -> str:
    """A short plain-text summary: headline figures, findings, suggestions, brokers,
    organizations."""
    names = {m.id: m.name for m in d.members}
    lines = ["Network diagnosis", "=================", ""]
    lines += [f"{label}: {value}" for label, value in _headline(d)]
    lines += ["", "What stands out", "---------------"]
    lines += [f"{i}. {finding_text(f, names)}" for i, f in enumerate(d.findings[:top], start=1)]
    if not d.findings:
        lines.append("Nothing stands out.")
    if d.comparison is not None:
        lines += ["", "Since the earlier round", "-----------------------"]
        lines += [f"- {finding_text(f, names)}" for f in d.comparison.findings]
        joined, left = len(d.comparison.members_joined), len(d.comparison.members_left)
        lines.append(f"- {joined} member(s) joined and {left} left.")
    lines += ["", "Introductions that would help", "-----------------------------"]
    lines += [f"{i}. {suggestion_text(s, names)}" for i, s in enumerate(d.suggestions[:5], start=1)]
    if not d.suggestions:
        lines.append("No introductions to suggest.")
    lines += ["", "Key connectors (betweenness)", "----------------------------"]
    if _estimated(d):
        lines.append(_estimated(d))
    for m in _brokers(d):
        lines.append(
            f"- {_label(m.name, m.id)}, {m.organization or messages.NO_ORGANIZATION}: "
            f"{_num(m.betweenness)}, {m.degree} partners"
        )
    lines += ["", "Organizations", "-------------"]
    for o in sorted(d.organizations, key=lambda o: (-o.members, o.organization))[:20]:
        lines.append(
            f"- {o.organization}: {o.members} members, {o.internal_ties} ties inside, "
            f"{o.external_ties} outside, {o.partners} partner organization(s)"
        )
    return "\n".join(lines) + "\n"


def _e(x: object) -> str:
    return html.escape(str(x), quote=True)


def _table(caption: str, head: list[str], rows: list[list[str]], numeric: set[int]) -> str:
    def cls(i: int) -> str:
        return ' class="num"' if i in numeric else ""

    out = [f"<table><caption>{_e(caption)}</caption><thead><tr>"]
    out += [f'<th scope="col"{cls(i)}>{_e(h)}</th>' for i, h in enumerate(head)]
    out.append("</tr></thead><tbody>")
    for row in rows:
        cells = [f'<th scope="row">{_e(row[0])}</th>']
        cells += [f"<td{cls(i)}>{_e(v)}</td>" for i, v in enumerate(row[1:], start=1)]
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def render_html(d: Diagnosis, *, title: str = "Network diagnosis", top: int = 15) -> str:
    """A self-contained, accessible HTML page (inline CSS, no external assets, every
    value HTML-escaped)."""
    names = {m.id: m.name for m in d.members}
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body><main>",
        f"<h1>{_e(title)}</h1>",
        '<ul class="figures">',
    ]
    parts += [f"<li><strong>{_e(v)}</strong>{_e(k)}</li>" for k, v in _headline(d)]
    parts.append("</ul><h2>What stands out</h2>")
    if d.findings:
        parts.append(
            "<ol>"
            + "".join(f"<li>{_e(finding_text(f, names))}</li>" for f in d.findings[:top])
            + "</ol>"
        )
    else:
        parts.append("<p>Nothing stands out.</p>")
    if d.comparison is not None:
        parts.append("<h2>Since the earlier round</h2><ul>")
        parts += [f"<li>{_e(finding_text(f, names))}</li>" for f in d.comparison.findings]
        parts.append(
            f"<li>{len(d.comparison.members_joined)} member(s) joined and "
            f"{len(d.comparison.members_left)} left.</li></ul>"
        )
    parts.append("<h2>Introductions that would help</h2>")
    if d.suggestions:
        parts.append(
            "<ol>"
            + "".join(f"<li>{_e(suggestion_text(s, names))}</li>" for s in d.suggestions[:10])
            + "</ol>"
        )
    else:
        parts.append("<p>No introductions to suggest.</p>")
    parts.append("<h2>Key connectors</h2>")
    if _estimated(d):
        parts.append(f"<p><strong>{_e(_estimated(d))}</strong></p>")
    parts.append(
        _table(
            "Members who link others most (betweenness)",
            ["Member", "Organization", "Betweenness", "Partners", "Brokerage across organizations"],
            [
                [
                    _label(m.name, m.id),
                    m.organization or "-",
                    _num(m.betweenness),
                    str(m.degree),
                    str(m.brokerage.total - m.brokerage.coordinator),
                ]
                for m in _brokers(d, 10)
            ],
            {2, 3, 4},
        )
    )
    parts.append("<h2>Organizations</h2>")
    parts.append(
        _table(
            "Ties inside and outside each organization",
            [
                "Organization",
                "Members",
                "Ties inside",
                "Ties outside",
                "Partner organizations",
                "E-I index",
            ],
            [
                [
                    o.organization,
                    str(o.members),
                    str(o.internal_ties),
                    str(o.external_ties),
                    str(o.partners),
                    _num(o.ei_index),
                ]
                for o in sorted(d.organizations, key=lambda o: (-o.members, o.organization))[:50]
            ],
            {1, 2, 3, 4, 5},
        )
    )
    parts.append("</main></body></html>\n")
    return "\n".join(parts)
