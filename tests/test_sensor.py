import json
from pathlib import Path

from dagster import RunRequest, SkipReason, build_sensor_context

from pipelines.sensors import drop_folder_sensor
from tests.fixtures import NEWSML, PLAIN


def _evaluate(cursor: str | None) -> tuple[list, str | None]:
    context = build_sensor_context(cursor=cursor)
    results = list(drop_folder_sensor(context))
    return results, context.cursor


def test_new_files_request_runs_for_their_days(tmp_path: Path, monkeypatch) -> None:
    drop = tmp_path / "drop"
    (drop / "2026-11-16").mkdir(parents=True)
    (drop / "2026-11-16" / "a.xml").write_text(NEWSML, encoding="utf-8")
    sources = tmp_path / "sources.yaml"
    sources.write_text("sources:\n  - id: w\n    kind: dropfolder\n    location: drop\n")
    monkeypatch.setenv("WIREDESK_SOURCES", str(sources))

    results, cursor = _evaluate(None)
    assert [r.partition_key for r in results if isinstance(r, RunRequest)] == ["2026-11-16"]
    assert str(drop / "2026-11-16" / "a.xml") in json.loads(cursor)

    results, cursor = _evaluate(cursor)  # nothing new
    assert all(isinstance(r, SkipReason) for r in results)

    (drop / "2026-11-18").mkdir()
    (drop / "2026-11-18" / "b.txt").write_text(PLAIN, encoding="utf-8")
    results, _ = _evaluate(cursor)
    assert [r.partition_key for r in results if isinstance(r, RunRequest)] == ["2026-11-18"]


def test_bad_sources_file_skips_with_reason(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("WIREDESK_SOURCES", str(tmp_path / "missing.yaml"))
    results, _ = _evaluate(None)
    assert isinstance(results[0], SkipReason) and "not found" in results[0].skip_message
