"""Daily partitions: one partition per UTC publication day."""

from __future__ import annotations

from dagster import DailyPartitionsDefinition

from wiredesk.settings import current_settings

#: First day partitions exist for (``schedule.start_date``): archives may start earlier.
START_DATE = current_settings().schedule.start_date.isoformat()

daily_partitions = DailyPartitionsDefinition(start_date=START_DATE, timezone="UTC", end_offset=1)
