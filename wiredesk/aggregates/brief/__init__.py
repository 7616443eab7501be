"""The daily brief: one self-contained HTML page an analyst opens in the morning."""

from wiredesk.aggregates.brief.data import BriefData, gather
from wiredesk.aggregates.brief.render import render_brief

__all__ = ["BriefData", "gather", "render_brief"]
