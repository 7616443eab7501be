"""The brief as HTML: the template in templates/brief.html filled with inline SVG charts."""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path
from string import Template

from wiredesk.aggregates.brief.charts import PALETTE, bar_chart, cooccurrence_chart, volume_chart
from wiredesk.aggregates.brief.data import BriefData

TEMPLATE = Path(__file__).resolve().parent / "templates" / "brief.html"


def _quote_block(data: BriefData) -> str:
    quote = data.quote
    if not quote:
        return '<p class="empty">No attributed quote was carried on this day.</p>'
    outlets = ", ".join(quote["outlet_list"] or [])
    first = quote["first_seen_at"].strftime("%d %b %H:%M UTC") if quote["first_seen_at"] else ""
    if quote.get("first_local") is not None and quote.get("first_offset") is not None:
        first += f" ({quote['first_local']:%d %b %H:%M} {utc_offset_label(quote['first_offset'])})"
    return (
        f"<blockquote>\u201c{escape(quote['text'].strip())}\u201d</blockquote>"
        f"<p><strong>{escape(quote['speaker'])}</strong></p>"
        f'<p class="meta">Carried by {quote["copies"]} article(s) in {escape(outlets)}; '
        f"first by {escape(quote['first_outlet'] or '')} at {escape(first)}.</p>"
    )


def utc_offset_label(minutes: int) -> str:
    """540 -> "UTC+09:00", -300 -> "UTC-05:00"."""
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def local_days_line(data: BriefData) -> str:
    """Which day the page covers, and how the outlets themselves dated its articles."""
    text = f"Partition day {data.day.isoformat()} is the UTC day of publication."
    if data.local_days:
        counts = ", ".join(f"{when:%a %d %b} ({count})" for when, count in data.local_days)
        text += f" By the outlets\u2019 own dates: {counts}."
    return escape(text)


def render_brief(data: BriefData, generated: dt.datetime | None = None) -> str:
    """The whole page, one string of HTML with everything inline."""
    generated = generated or dt.datetime.now(dt.UTC)
    entities = [
        (e["name"], e["articles"], f"{e['articles']} art., {e['sources']} src.")
        for e in data.top_entities
    ]
    risers = [
        (r["name"], r["z_7"], f"z {r['z_7']:.1f} ({r['articles']} vs {r['mean_7']:.1f}/day)")
        for r in data.risers
    ]
    values = {
        "day": data.day.isoformat(),
        "day_long": data.day.strftime("%A %d %B %Y"),
        "articles": data.totals.get("articles", 0),
        "sources": data.totals.get("sources", 0),
        "quotes": data.totals.get("quotes", 0),
        "local_days": local_days_line(data),
        "volume_chart": volume_chart(data.days, data.volume),
        "quote": _quote_block(data),
        "entities_chart": bar_chart("entities", "Entities in most articles", entities, PALETTE[0]),
        "risers_chart": bar_chart("risers", "Entities rising against 7 days", risers, PALETTE[3]),
        "pairs_chart": cooccurrence_chart(data.pair_names, data.pairs),
        "generated": generated.strftime("%Y-%m-%d %H:%M UTC"),
    }
    return Template(TEMPLATE.read_text(encoding="utf-8")).substitute(values)
