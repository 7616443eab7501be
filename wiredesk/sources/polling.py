"""Which sources are due for a poll: each feed has its own interval, kept between runs.

The poll schedule fires often; a source is read only when its own ``poll_minutes`` (or the
default) have passed since its last poll, so a slow-moving feed is not hammered and a
busy wire is not starved. Drop folders are watched by a sensor instead.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from collections.abc import Sequence
from pathlib import Path

from wiredesk.settings import current_settings
from wiredesk.sources.config import Source

DEFAULT_POLL_MINUTES = 15
POLLED_KINDS = ("feed", "sitemap", "urllist")


def default_poll_minutes() -> int:
    """Minutes between polls of a source that sets none (``schedule.poll_minutes``)."""
    return current_settings().schedule.poll_minutes


class PollState:
    """Last poll time per source, in ``<home>/state/polls.json`` (written atomically)."""

    def __init__(self, home: Path) -> None:
        self.path = Path(home) / "state" / "polls.json"

    def load(self) -> dict[str, dt.datetime]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return {}
        return {key: dt.datetime.fromisoformat(value) for key, value in raw.items()}

    def record(self, source_ids: Sequence[str], when: dt.datetime) -> None:
        state = self.load()
        state.update({source_id: when for source_id in source_ids})
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{uuid.uuid4().hex}.tmp")
        temporary.write_text(
            json.dumps({k: v.isoformat() for k, v in sorted(state.items())}, indent=1),
            encoding="utf-8",
        )
        os.replace(temporary, self.path)


def due_sources(
    sources: Sequence[Source],
    last_polled: dict[str, dt.datetime],
    now: dt.datetime,
    default_minutes: int | None = None,
) -> list[Source]:
    """Enabled feeds, sitemaps and URL lists whose interval has passed (or never polled)."""
    default = default_minutes or default_poll_minutes()
    due = []
    for source in sources:
        if not source.enabled or source.kind not in POLLED_KINDS:
            continue
        interval = dt.timedelta(minutes=source.poll_minutes or default)
        last = last_polled.get(source.source_id)
        # A minute of slack so a schedule firing every N minutes polls an N-minute source.
        if last is None or now - last >= interval - dt.timedelta(minutes=1):
            due.append(source)
    return due
