"""The embedded sample as a warehouse, built once per test session the way users build it.

It goes through the same Dagster assets, in the same phases, as ``wiredesk ingest``
(``pipelines.runner.ingest_days``), so every table a user has is here too (syndication,
raw pages, article versions and signatures included), and the examples, search and brief
tests see what users see.
"""

from __future__ import annotations

from pathlib import Path

from dagster import DagsterInstance

from pipelines.runner import available_days, ingest_days
from tests.conftest import REPO

SOURCES = REPO / "sources.yaml"


def build_sample(home: Path) -> Path:
    """Ingest every day of the sample into ``home``; returns ``home``."""
    days = available_days(SOURCES)
    ingest_days(days, home=str(home), sources=str(SOURCES), instance=DagsterInstance.ephemeral())
    return home
