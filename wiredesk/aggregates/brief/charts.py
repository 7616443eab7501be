"""Charts as inline SVG: drawn here, so the page needs no script or network to show them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape

PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf"]
INK, GRID, MUTED = "#222", "#e3e3e3", "#777"


def _svg(kind: str, width: int, height: int, label: str, body: list[str]) -> str:
    return (
        f'<svg class="chart" data-chart="{kind}" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(label)}"><title>{escape(label)}</title>' + "".join(body) + "</svg>"
    )


def _text(x: float, y: float, text: str, anchor: str = "start", size: int = 11, **attrs) -> str:
    fill = attrs.pop("fill", INK)
    extra = "".join(f' {k.replace("_", "-")}="{v}"' for k, v in attrs.items())
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="{fill}"{extra}>{escape(text)}</text>'
    )


def _nice_max(value: float) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step * 4:
            return step * 4
    return int(value) + 1


def volume_chart(days: Sequence[dt.date], volume: dict[str, list[int]]) -> str:
    """Stacked daily bars of articles per source, with a legend."""
    width, height, left, top, bottom = 760, 260, 40, 14, 58
    plot_w, plot_h = width - left - 10, height - top - bottom
    totals = [sum(series[i] for series in volume.values()) for i in range(len(days))]
    peak = _nice_max(max(totals, default=0) or 1)
    slot = plot_w / max(len(days), 1)
    body = []
    for k in range(5):
        value = peak * k / 4
        y = top + plot_h - plot_h * k / 4
        body.append(
            f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>'
        )
        body.append(_text(left - 6, y + 4, f"{value:g}", "end", 10, fill=MUTED))
    for i, day in enumerate(days):
        base = top + plot_h
        for n, (source, series) in enumerate(sorted(volume.items())):
            if not series[i]:
                continue
            h = plot_h * series[i] / peak
            base -= h
            body.append(
                f'<rect class="bar" x="{left + i * slot + 1:.1f}" y="{base:.1f}" '
                f'width="{max(slot - 2, 1):.1f}" height="{h:.1f}" fill="{PALETTE[n % 8]}">'
                f"<title>{escape(f'{day} {source}: {series[i]}')}</title></rect>"
            )
        if i % 5 == len(days) % 5 or i == len(days) - 1:
            body.append(
                _text(
                    left + (i + 0.5) * slot,
                    top + plot_h + 14,
                    day.strftime("%d %b"),
                    "middle",
                    10,
                    fill=MUTED,
                )
            )
    x = left
    for n, source in enumerate(sorted(volume)):
        body.append(
            f'<rect x="{x}" y="{height - 22}" width="10" height="10" fill="{PALETTE[n % 8]}"/>'
        )
        body.append(_text(x + 14, height - 13, source, size=11))
        x += 24 + 7 * len(source)
    return _svg("volume", width, height, "Articles per source per day, last 30 days", body)


def bar_chart(kind: str, label: str, rows: Sequence[tuple[str, float, str]], color: str) -> str:
    """Horizontal bars: (name, value, note) per row, largest first as given."""
    width, row_h, left, right = 480, 24, 170, 130
    height = max(len(rows), 1) * row_h + 10
    peak = max((v for _, v, _ in rows), default=0) or 1
    body = []
    if not rows:
        body.append(_text(10, 20, "nothing to show for this day", fill=MUTED))
    for i, (name, value, note) in enumerate(rows):
        y = 5 + i * row_h
        w = max((width - left - right) * max(value, 0) / peak, 1)
        shown = name if len(name) <= 26 else name[:25] + "\u2026"
        body.append(_text(left - 6, y + 15, shown, "end", 12))
        body.append(
            f'<rect class="bar" x="{left}" y="{y + 3}" width="{w:.1f}" height="{row_h - 8}" '
            f'fill="{color}"><title>{escape(f"{name}: {note}")}</title></rect>'
        )
        body.append(_text(left + w + 5, y + 15, note, size=11, fill=MUTED))
    return _svg(kind, width, height, label, body)


def cooccurrence_chart(names: Sequence[str], pairs: dict[tuple[int, int], int]) -> str:
    """A matrix of the top entities: a cell's shade is how many articles name both."""
    n = len(names)
    cell, left, top = 34, 170, 150
    width, height = left + n * cell + 20, top + n * cell + 10
    peak = max(pairs.values(), default=0) or 1
    body = []
    if not n:
        return _svg(
            "cooccurrence",
            300,
            30,
            "Entities named together",
            [_text(10, 20, "no entities", fill=MUTED)],
        )
    for i, name in enumerate(names):
        shown = name if len(name) <= 24 else name[:23] + "\u2026"
        body.append(_text(left - 6, top + i * cell + cell / 2 + 4, shown, "end", 11))
        x = left + i * cell + cell / 2
        body.append(
            f'<text x="{x:.1f}" y="{top - 6}" font-size="11" fill="{INK}" '
            f'transform="rotate(-45 {x:.1f} {top - 6})">{escape(shown)}</text>'
        )
    for i in range(n):
        for j in range(n):
            if i == j:
                fill, title = "#f4f4f4", names[i]
            else:
                count = pairs.get((min(i, j), max(i, j)), 0)
                strength = count / peak
                fill = f"rgba(214, 39, 40, {0.08 + 0.92 * strength:.2f})" if count else "#fff"
                title = f"{names[i]} + {names[j]}: {count} article(s)"
            body.append(
                f'<rect class="cell" x="{left + j * cell}" y="{top + i * cell}" '
                f'width="{cell - 2}" height="{cell - 2}" fill="{fill}" stroke="{GRID}">'
                f"<title>{escape(title)}</title></rect>"
            )
            count = pairs.get((min(i, j), max(i, j)), 0) if i != j else 0
            if count:
                body.append(
                    _text(
                        left + j * cell + cell / 2 - 1,
                        top + i * cell + cell / 2 + 3,
                        str(count),
                        "middle",
                        10,
                    )
                )
    return _svg("cooccurrence", width, height, "Top entities named in the same articles", body)
