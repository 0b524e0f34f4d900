"""The report's charts as SVG text: no script, so the same picture shows on the page, in the
stored HTML and in the PDF (WeasyPrint draws inline SVG). Pure Python: plain numbers and
already formatted labels in, markup out; every text is escaped here."""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

INK = "#1f2933"
MUTED = "#4b5563"
GRID = "#d9dee3"
ACCENT = "#2563a6"
GOOD = "#2f7d4f"
WARN = "#b5452f"
SERIES = ("#9db7d5", "#5b8cc2", "#2563a6", "#173f6b")


def _svg(width: int, height: int, body: list[str], title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}" '
        f'class="chart"><title>{escape(title)}</title>{"".join(body)}</svg>'
    )


def _text(
    x: float, y: float, text: str, *, size: int = 11, anchor: str = "start", fill: str = INK
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="{fill}">{escape(text)}</text>'
    )


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def measurement_chart(
    points: Sequence[tuple[str, float]],
    *,
    baseline: float,
    target: float,
    baseline_label: str,
    target_label: str,
    title: str,
    width: int = 560,
    height: int = 200,
) -> str:
    """Measurements as a line over time, with the baseline and the target as dashed lines.
    ``points`` are (formatted date, value), oldest first."""
    left, right, top, bottom = 56, 96, 14, 30
    values = [v for _, v in points] + [baseline, target]
    low, high = min(values), max(values)
    if high == low:
        high, low = high + 1, low - 1
    pad = (high - low) * 0.08
    low, high = low - pad, high + pad
    plot_w, plot_h = width - left - right, height - top - bottom

    def y(value: float) -> float:
        return top + plot_h * (1 - (value - low) / (high - low))

    def x(i: int) -> float:
        return left + (plot_w * i / (len(points) - 1) if len(points) > 1 else plot_w / 2)

    body = [
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" stroke="{GRID}"/>'
    ]
    for value, label, colour in (
        (baseline, baseline_label, MUTED),
        (target, target_label, GOOD),
    ):
        body.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
            f'stroke="{colour}" stroke-dasharray="5 4"/>'
        )
        body.append(_text(left + plot_w + 6, y(value) + 4, label, size=10, fill=colour))
    for value in (low + pad, high - pad):
        body.append(_text(left - 6, y(value) + 4, f"{value:g}", size=10, anchor="end", fill=MUTED))
    if points:
        path = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, (_, v) in enumerate(points))
        body.append(f'<polyline points="{path}" fill="none" stroke="{ACCENT}" stroke-width="2"/>')
        step = max(1, math.ceil(len(points) / 6))
        for i, (label, value) in enumerate(points):
            body.append(f'<circle cx="{x(i):.1f}" cy="{y(value):.1f}" r="3.5" fill="{ACCENT}"/>')
            if i % step == 0 or i == len(points) - 1:
                body.append(_text(x(i), height - 10, label, size=10, anchor="middle", fill=MUTED))
    return _svg(width, height, body, title)


def bar_chart(
    rows: Sequence[tuple[str, float | None, str]],
    *,
    maximum: float,
    title: str,
    minimum: float = 0.0,
    width: int = 560,
    label_width: int = 190,
) -> str:
    """Horizontal bars: (label, value or None, the value as shown). ``None`` draws no bar:
    the shown text says why (e.g. fewer than k answered)."""
    bar_h, gap, top = 16, 8, 6
    height = top + len(rows) * (bar_h + gap) + 4
    plot_w = width - label_width - 60
    body = []
    for i, (label, value, shown) in enumerate(rows):
        y = top + i * (bar_h + gap)
        body.append(_text(label_width - 8, y + 12, _short(label, 26), anchor="end"))
        body.append(
            f'<rect x="{label_width}" y="{y}" width="{plot_w}" height="{bar_h}" fill="#f1f3f5"/>'
        )
        if value is not None and maximum > minimum:
            share = max(0.0, min(1.0, (value - minimum) / (maximum - minimum)))
            body.append(
                f'<rect x="{label_width}" y="{y}" width="{plot_w * share:.1f}" height="{bar_h}" '
                f'fill="{ACCENT}"/>'
            )
        body.append(
            _text(label_width + plot_w + 6, y + 12, shown, fill=INK if value is not None else MUTED)
        )
    return _svg(width, height, body, title)


def trend_chart(
    rows: Sequence[tuple[str, Sequence[float | None]]],
    *,
    series: Sequence[str],
    minimum: float,
    maximum: float,
    title: str,
    width: int = 560,
    label_width: int = 190,
) -> str:
    """Per row (a health dimension) one thin bar per series (a round), oldest lightest, so
    the trend reads downwards within each row; a legend names the series."""
    n = max(1, len(series))
    bar_h, gap, top = 7, 10, 22
    row_h = n * bar_h + gap
    height = top + len(rows) * row_h + 4
    plot_w = width - label_width - 20
    colours = SERIES[-n:] if n <= len(SERIES) else [SERIES[i % len(SERIES)] for i in range(n)]
    body = []
    x = label_width
    for name, colour in zip(series, colours, strict=False):
        body.append(f'<rect x="{x}" y="4" width="10" height="10" fill="{colour}"/>')
        body.append(_text(x + 14, 13, _short(name, 28), size=10))
        x += 24 + 6 * min(len(name), 28)
    for i, (label, values) in enumerate(rows):
        y = top + i * row_h
        body.append(_text(label_width - 8, y + n * bar_h / 2 + 4, _short(label, 26), anchor="end"))
        for j, value in enumerate(values):
            if value is None:
                continue
            share = max(0.0, min(1.0, (value - minimum) / (maximum - minimum)))
            body.append(
                f'<rect x="{label_width}" y="{y + j * bar_h}" width="{plot_w * share:.1f}" '
                f'height="{bar_h - 1}" fill="{colours[j % len(colours)]}"/>'
            )
    return _svg(width, height, body, title)


def organization_map(
    organizations: Sequence[tuple[str, int, bool]],
    ties: Sequence[tuple[str, str, int]],
    *,
    title: str,
    width: int = 640,
    height: int = 500,
) -> str:
    """Organizations on a circle, sized by members, joined by lines as thick as the ties
    between them; an organization without a tie outside itself is drawn in the warning
    colour. ``organizations``: (name, members, isolated); ``ties``: (a, b, count)."""
    # Room beside the circle for the names, which stand outside it.
    cx, cy = width / 2, height / 2
    radius = min(height / 2 - 50, width / 2 - 170)
    count = max(1, len(organizations))
    place: dict[str, tuple[float, float]] = {}
    for i, (name, _members, _isolated) in enumerate(organizations):
        angle = 2 * math.pi * i / count - math.pi / 2
        place[name] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    most = max((n for _, _, n in ties), default=1)
    largest = max((m for _, m, _ in organizations), default=1)
    body = []
    for a, b, n in ties:
        if a in place and b in place:
            (x1, y1), (x2, y2) = place[a], place[b]
            body.append(
                f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                f'stroke="{ACCENT}" stroke-opacity="0.55" stroke-width="{1 + 7 * n / most:.1f}"/>'
            )
    for name, members, isolated in organizations:
        x, y = place[name]
        r = 8 + 16 * math.sqrt(members / largest) if largest else 8
        colour = WARN if isolated else ACCENT
        body.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#ffffff" stroke="{colour}" stroke-width="3"/>'
        )
        below = y >= cy
        anchor = "middle" if abs(x - cx) < 40 else ("start" if x > cx else "end")
        dx = 0 if anchor == "middle" else (r + 4 if anchor == "start" else -(r + 4))
        dy = (r + 14) if below and anchor == "middle" else (-(r + 6) if anchor == "middle" else 4)
        body.append(_text(x + dx, y + dy, _short(name, 26), size=10, anchor=anchor))
    return _svg(width, height, body, title)
