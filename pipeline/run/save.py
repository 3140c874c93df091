"""The single writer's step: one worker result into the store, or one
failure into ``problems``; counts go to the Summary."""

from __future__ import annotations

import logging
from dataclasses import replace

import sqlite_utils

from .. import store
from ..config import SchemesConfig
from ..errors import MinutesError
from ..records import ProcessedDocument
from ..store.problems import clear_problems
from .executors import Lost
from .known import digest_of, keep_warnings, known_ids, same_bytes
from .process import Failure
from .summary import Summary, Task

log = logging.getLogger(__name__)


def store_result(
    db: sqlite_utils.Database,
    task: Task,
    result: ProcessedDocument | Failure | Lost,
    summary: Summary,
    known: set[str],
    rereads: list[str],
    *,
    schemes: SchemesConfig | None = None,
) -> str:
    if isinstance(result, Lost):
        result = Failure(task.name, "worker", result.reason)
    if isinstance(result, Failure):
        result = replace(result, path=task.name)
        log.info("%s: %s", result.path, result.message)  # the CLI prints one line per failure
        # the bytes are kept only when they are the cause: a store failure is worth
        # retrying, and a path the walk refused (a FIFO) is never opened
        digest = None if result.stage in ("store", "discover") else task.digest or digest_of(task.path)
        store.record_problem(db, result.path, result.stage, result.message, digest)
        summary.failed += 1
        summary.failures.append(result)
        return "failed"
    source = result.clean.source
    if source.path != task.name:
        result = replace(result, clean=replace(result.clean, source=replace(source, path=task.name)))
    if source.doc_id in known:
        rereads += same_bytes(db, source.doc_id, task.name, source.size, source.mtime, summary, known)
        summary.unchanged += 1
        return "unchanged"
    try:
        saved = store.save_document(db, result, size=source.size, mtime=source.mtime, schemes=schemes)
    except Exception as exc:  # noqa: BLE001 - the transaction rolled back: nothing of this document is stored
        reason = (
            str(exc) if isinstance(exc, MinutesError) else f"could not store ({type(exc).__name__}: {exc})"
        )
        return store_result(db, task, Failure(task.name, "store", reason), summary, known, rereads)
    known.add(source.doc_id)
    clear_problems(db, task.name)
    if saved.replaced:  # the earlier versions' ids are gone
        known.intersection_update(known_ids(db))
    if not saved.stored:
        summary.unchanged += 1
        return "unchanged"
    summary.new += 1
    summary.items += saved.items
    summary.replaced += bool(saved.replaced)
    keep_warnings(summary, saved.kept_overrides)
    rereads += saved.reread
    return "replaced" if saved.replaced else "new"


__all__ = ["store_result"]
