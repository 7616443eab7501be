"""Daily partitions: one partition per UTC publication day."""

from __future__ import annotations

import os

from dagster import DailyPartitionsDefinition

#: First day partitions exist for; a setting, because archives may start earlier.
START_DATE = os.environ.get("WIREDESK_START_DATE", "2026-01-01")

daily_partitions = DailyPartitionsDefinition(start_date=START_DATE, timezone="UTC", end_offset=1)
