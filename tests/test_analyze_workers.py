"""wiredesk analyze --jsonl on a pool of worker processes: same output, in order, streamed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.article_fixtures import COPY_EDITED, JSON_LD_PAGE, NITF_STAFF, WIRE_NEWSML, WIRE_TEXT
from tests.fixtures import HTML, PLAIN
from wiredesk.handoffs import routed_map
from wiredesk.settings.load import SettingsError
from wiredesk.workers import QUEUED_PER_WORKER, worker_count

WIREDESK = Path(sys.executable).parent / "wiredesk"


def test_worker_count_comes_from_the_flag_then_the_environment_then_the_cores(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("WIREDESK_WORKERS", raising=False)
    assert worker_count() == len(os.sched_getaffinity(0))
    monkeypatch.setenv("WIREDESK_WORKERS", "3")
    assert worker_count() == 3
    assert worker_count(5) == 5
    monkeypatch.setenv("WIREDESK_WORKERS__PROCESSES", "4")  # the settings file's name wins
    assert worker_count() == 4
    monkeypatch.delenv("WIREDESK_WORKERS__PROCESSES")
    monkeypatch.setenv("WIREDESK_WORKERS", "many")
    with pytest.raises(SettingsError, match="WIREDESK_WORKERS: workers.processes: expected"):
        worker_count()
    with pytest.raises(ValueError, match="0 is not a positive number"):
        worker_count(0)


def slow_square(work: tuple[int, frozenset[str]]) -> list[tuple[int, int]]:
    """Early batches take longest, so a pool would finish them last."""
    value, _ = work
    time.sleep(0.3 if value < 2 else 0.01)
    return [(value, value * value)]


def unused(_payloads: list) -> list:
    raise AssertionError("nothing is handed on here")


def test_batches_keep_input_order_and_stream_with_few_in_flight() -> None:
    consumed = []

    def batches():
        for value in range(20):
            consumed.append(value)
            yield value

    seen_when_first_came = None
    results = []
    for result in routed_map(slow_square, unused, batches(), workers=2):
        if seen_when_first_came is None:
            seen_when_first_came = len(consumed)
        results.extend(result)
    assert results == [(v, v * v) for v in range(20)]
    # The first result came out before the input was read to its end, and no more batches
    # than the pool's bound had been taken from the input by then.
    assert seen_when_first_came <= 2 * (1 + QUEUED_PER_WORKER) + 1 < 20


def ner_setting(_work: tuple[int, frozenset[str]]) -> list[str | None]:
    return [os.environ.get("WIREDESK_NER_PROCESSES")]


def test_workers_recognise_entities_in_their_own_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WIREDESK_NER_PROCESSES", raising=False)
    assert list(routed_map(ner_setting, unused, [1, 2, 3], workers=2)) == [["1"]] * 3
    assert os.environ.get("WIREDESK_NER_PROCESSES") is None  # this process is left alone


def pid_plus(work: tuple[int, frozenset[str]]) -> list[int]:
    return [os.getpid() + work[0]]


def test_one_worker_or_one_batch_runs_in_this_process() -> None:
    assert list(routed_map(pid_plus, unused, [0, 0], workers=1)) == [[os.getpid()]] * 2
    assert list(routed_map(pid_plus, unused, [0], workers=2)) == [[os.getpid()]]


def _input_lines() -> str:
    """Every kind of input, good and bad, so that batches mix them."""
    records = [
        {"id": "wire", "text": WIRE_TEXT},
        {"id": "page", "html": HTML, "url": "https://www.t.example/bridge"},
        "{not json",
        {"id": "edited", "html": COPY_EDITED, "url": "https://www.t.example/edited"},
        {"id": "newsml", "text": WIRE_NEWSML},
        {"id": "missing"},
        {"id": "plain", "text": PLAIN},
        {"id": "jsonld", "html": JSON_LD_PAGE, "url": "https://www.t.example/jsonld"},
        {"id": "nitf", "text": NITF_STAFF},
        {"id": "empty", "html": "   "},
    ]
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n"


def _analyze(workers: int) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(WIREDESK), "analyze", "--jsonl", "--batch-size", "2", "--workers", str(workers)],
        input=_input_lines(),
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_output_is_the_same_with_one_worker_or_two() -> None:
    one, two = _analyze(1), _analyze(2)
    assert one.returncode == two.returncode == 1  # bad lines make the status 1
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    records = [json.loads(line) for line in two.stdout.splitlines()]
    ids = ["wire", "page", None, "edited", "newsml", "missing", "plain", "jsonld", "nitf", "empty"]
    assert [r["id"] for r in records] == ids
    assert [("error" in r) for r in records] == [id_ in (None, "missing", "empty") for id_ in ids]
    assert records[0]["entities"] and records[3]["title"]
    assert "stdin line 3: not a JSON object" in two.stderr and "Traceback" not in two.stderr


def test_a_bad_worker_setting_is_a_one_line_error() -> None:
    done = subprocess.run(
        [str(WIREDESK), "analyze", "--jsonl"],
        input="",
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "WIREDESK_WORKERS": "zero"},
    )
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "wiredesk: environment WIREDESK_WORKERS: workers.processes: expected a valid integer,"
        " unable to parse string as an integer, got 'zero'"
    )


def test_the_input_s_last_lines_go_out_in_smaller_batches_when_read_ahead() -> None:
    from wiredesk.analyze import numbered_batches

    lines = [f"line {n}" for n in range(1, 60)]
    lines[3] = "  "  # a blank line has no batch, but keeps its number
    plain = list(numbered_batches(lines, 16))
    ahead = list(numbered_batches(lines, 16, ahead=32))
    assert [len(b) for b in plain] == [16, 16, 16, 10]
    assert [len(b) for b in ahead] == [16] + [4] * 10 + [2]  # the last 42 of 58 lines
    assert [item for b in ahead for item in b] == [item for b in plain for item in b]
    assert [n for n, _ in plain[0][:4]] == [1, 2, 3, 5]
    assert [len(b) for b in numbered_batches(lines[:16], 16, ahead=32)] == [15]  # one batch
    assert [len(b) for b in numbered_batches(lines[:21], 16, ahead=32)] == [4] * 5
