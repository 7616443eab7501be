"""Batches where a worker hands some items to another: results whole and in input order."""

from __future__ import annotations

import os
import time

import pytest

from wiredesk.handoffs import SPREAD_AFTER, Handoff, routed_map
from wiredesk.workers import home_worker, worker_slot


def keep_or_hand_on(work: tuple[list[str], frozenset[str]]) -> list:
    """Items are "group:n"; group "x" is finished only by its home worker (or when spread),
    as a worker that has not loaded a language hands its articles on."""
    batch, spread = work
    slot = worker_slot()
    out: list = []
    for item in batch:
        group = item.split(":")[0]
        mine = slot is None or home_worker(group, slot[1]) == slot[0] or group in spread
        if group == "x" and not mine:
            out.append(Handoff(group, item))
        else:
            out.append((item, os.getpid(), "kept"))
    if batch and batch[0].endswith(":0"):
        time.sleep(0.2)  # the first batch finishes last
    return out


def finish(payloads: list[str]) -> list:
    return [(item, os.getpid(), "handed") for item in payloads]


def fail(_payloads: list[str]) -> list:
    raise ValueError("the home worker failed")


def _batches(groups: str, size: int = 4) -> list[list[str]]:
    items = [f"{g}:{i}" for i, g in enumerate(groups)]
    return [items[start : start + size] for start in range(0, len(items), size)]


def test_handed_on_items_come_back_in_place_from_the_group_home_worker() -> None:
    batches = _batches("ex" * 8)
    results = list(routed_map(keep_or_hand_on, finish, batches, workers=2))
    flat = [value for result in results for value in result]
    assert [item for item, _, _ in flat] == [i for b in batches for i in b]
    handed = {pid for item, pid, how in flat if how == "handed"}
    x_pids = {pid for item, pid, _ in flat if item.startswith("x")}
    assert len(handed) == 1 and x_pids == handed  # every "x" item done by one worker
    assert len({pid for _, pid, _ in flat}) == 2
    assert os.getpid() not in {pid for _, pid, _ in flat}


def test_a_group_that_is_most_of_the_input_is_spread_over_every_worker() -> None:
    batches = _batches("x" * (SPREAD_AFTER * 4), size=8)
    flat = [v for r in routed_map(keep_or_hand_on, finish, batches, workers=2) for v in r]
    late = flat[3 * len(flat) // 4 :]  # submitted once enough had come back
    assert {how for _, _, how in late} == {"kept"}  # no longer handed on: each worker keeps its own
    assert "handed" in {how for _, _, how in flat}  # as the first were


def test_one_worker_runs_here_and_hands_nothing_on() -> None:
    results = list(routed_map(keep_or_hand_on, finish, _batches("xe" * 4), workers=1))
    assert {(pid, how) for r in results for _, pid, how in r} == {(os.getpid(), "kept")}


def test_a_failure_in_a_handed_on_part_is_raised_where_the_result_is_taken() -> None:
    with pytest.raises(ValueError, match="the home worker failed"):
        list(routed_map(keep_or_hand_on, fail, _batches("ex" * 8), workers=2))


_imported_by: int | None = None


def _import_here() -> None:
    global _imported_by
    _imported_by = os.getpid()


def seen_import(work: tuple[list[str], frozenset[str]]) -> list:
    return [(item, os.getpid(), _imported_by) for item in work[0]]


def test_what_runs_before_the_fork_is_shared_by_every_worker() -> None:
    parent = os.getpid()
    results = [
        row
        for batch in routed_map(seen_import, finish, _batches("ab" * 12), 2, None, _import_here)
        for row in batch
    ]
    assert {seen for _, _, seen in results} == {parent}  # every worker has it, done here once
    assert {pid for _, pid, _ in results} - {parent}  # by workers, not here
