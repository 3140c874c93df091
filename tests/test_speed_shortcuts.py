"""Shortcuts taken for speed must not change what is found or who waits.

- The pool hands an idle worker its next document before the writer gets the
  result it just finished, and starts no more workers than documents.
- The link stage's cheap substring tests in front of the deferral and
  reschedule patterns never turn away a phrase the patterns would match.
- A link run leaves the cyclic garbage collector as it found it.
"""

from __future__ import annotations

import gc
import multiprocessing

import pytest

from pipeline import store
from pipeline.config import load_config
from pipeline.link import link
from pipeline.link.cues import find_reschedule
from pipeline.link.deferrals import find_deferral
from pipeline.run.executors import make_executor
from pipeline.run.pool import WorkerPool


def _double(n: int) -> int:
    return 2 * n


def test_a_worker_has_its_next_document_before_the_writer_gets_the_last() -> None:
    seen: list[tuple[int, int | None]] = []
    with WorkerPool(1) as pool:
        for index, result in pool.run(_double, [(i,) for i in range(4)]):
            assert result == 2 * index
            seen.append((index, pool.workers[0].task))  # what the worker holds while we "store"
    assert seen == [(0, 1), (1, 2), (2, 3), (3, None)]


def test_no_more_workers_than_documents() -> None:
    def workers() -> int:
        return sum(1 for p in multiprocessing.active_children() if p.name == "minutes-worker")

    before = workers()
    with make_executor("local", workers=4, isolate=True, tasks=2) as run_many:
        results = dict(run_many(_double, [(1,), (2,)]))
        assert workers() - before == 2
    assert results == {0: 2, 1: 4}


@pytest.mark.parametrize(
    "text",
    [
        "The item was deferred until the next meeting.",
        "Consideration was postponed to the next meeting.",
        "The meeting adjourned the matter to the next meeting.",
        "It would be brought back to the next meeting.",
        "The proposal would come back to the next meeting.",
        "Officers would report back to the next meeting.",
        "Officers reported back to the next meeting.",
        "The matter would be returned to the next meeting.",
        "The plan would be considered again at the next meeting.",
        "The item was referred to the next meeting, on 3 November 2017.",
    ],
)
def test_every_deferral_cue_passes_the_prefilter(text: str) -> None:
    assert find_deferral(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "The work was now expected by 3 March 2026.",
        "The deadline had been extended to 3 March 2026.",
        "The target date was moved to 3 March 2026.",
        "The timescale had been revised to 3 March 2026.",
        "The due date was changed to 3 March 2026.",
        "The due date had been pushed back to 3 March 2026.",
        "The survey was deferred to 3 March 2026.",
        "The survey was postponed to 3 March 2026.",
        "The survey was delayed to 3 March 2026.",
        "The survey had slipped to 3 March 2026.",
        "The survey was carried forward to 3 March 2026.",
        "The survey would now be done by 3 March 2026.",
        "The survey had been rescheduled to 3 March 2026.",
        "The survey had been re-scheduled to 3 March 2026.",
    ],
)
def test_every_reschedule_cue_passes_the_prefilter(text: str) -> None:
    found = find_reschedule(text)
    assert found is not None and found.due_date == "2026-03-03"


def test_words_without_a_cue_are_neither() -> None:
    text = "The Committee noted the report on street lighting in Batchley."
    assert find_deferral(text) is None and find_reschedule(text) is None


@pytest.mark.parametrize("enabled", [True, False])
def test_link_leaves_the_garbage_collector_as_it_was(tmp_path, enabled: bool) -> None:
    db = store.connect(tmp_path / "m.db")
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        link(db, config=load_config().link)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
