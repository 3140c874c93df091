"""Orchestration: find files, run them through an executor, store each result.

Workers (processes, or Dask) only load/clean/segment/extract; a single
writer in this process stores results as they come back, so SQLite never
sees two writers from one ingest and memory stays bounded.

Nothing one file does stops the batch: a bad file, a bad manifest row, a
worker that dies or runs out of time are each one line and one `problems`
row. A file at a known path with new bytes is a correction and supersedes
its earlier version (store/versions.py); ``prune`` forgets documents whose
files are gone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path

import sqlite_utils

from .. import store
from ..config import Config, default_config
from ..records import MeetingMeta
from ..store import linkstate, versions
from ..store.problems import failed_hashes
from .discover import DISCOVER_SUFFIXES, discover, discover_files
from .executors import Limits, make_executor
from .known import keep_warnings, known_bytes, known_ids, unchanged_on_disk
from .manifest import ManifestIndex
from .process import Failure, process_file, warm_up
from .save import store_result
from .stored import gone_under, restate
from .summary import Summary, Task
from .walk import Skipped, Unread

log = logging.getLogger(__name__)


def ingest(
    paths: Iterable[str | Path],
    *,
    db: sqlite_utils.Database,
    manifest: ManifestIndex | None = None,
    meta: MeetingMeta | None = None,
    workers: int | None = None,
    executor: str = "local",
    scheduler: str | None = None,
    config: Config | None = None,
    on_progress: Callable[[str, str], None] | None = None,
    prune: bool = False,
    isolate: bool = False,
    override: bool = False,
    retry_failed: bool = False,
) -> Summary:
    """Ingest every file under ``paths`` into ``db``; never stops on a bad file.

    Metadata from ``manifest`` and ``meta`` fills what a document leaves empty
    (``override``: replaces it). A file already stored is not read again, but
    its stored meeting takes that metadata the same way (`minutes meta`).
    ``on_progress(path, outcome)`` is called once per file to read with outcome
    "new", "replaced", "unchanged", "updated", "failed" or "not retried" (the
    CLI drives its progress bar with it). A file that failed before with the
    same bytes is not read again unless ``retry_failed``. ``isolate`` runs
    even a single worker in its own process, under the time and memory limits
    of ``ingest:`` in the config. ``config`` (default: the packaged defaults)
    goes to every worker pickled, so no worker reads a config file of its own.
    """
    config = config or default_config()
    paths = list(paths)
    summary = Summary()
    manifest = manifest or ManifestIndex()
    known = known_ids(db)
    seen: dict[str, Path] = {}
    tasks: list[Task] = []
    rereads: list[str] = []
    skipped: list[Skipped] = []
    unread: list[Unread] = []
    failed_before = set() if retry_failed else failed_hashes(db)
    for found in discover_files(paths, skipped, unread):
        seen[found.shown] = found.path
        file_meta = _meta_for(manifest, meta, found.path)
        stored, digest = True, None
        if not unchanged_on_disk(db, found):
            stored, digest = known_bytes(db, found, known, summary, rereads)
        if stored:
            outcome = (
                "updated" if file_meta and restate(db, found.shown, file_meta, override) else "unchanged"
            )
            setattr(summary, outcome, getattr(summary, outcome) + 1)
            if on_progress:
                on_progress(found.shown, outcome)
            continue
        if digest is not None and digest in failed_before:
            summary.not_retried += 1
            if on_progress:
                on_progress(found.shown, "not retried")
            continue
        tasks.append(Task(str(found.path), file_meta, found.shown, override, digest))
    summary.skipped.extend(Failure(u.path, "skip", u.reason) for u in unread)
    for refused in skipped:  # one line and a problems row each; the run exits 1
        store_result(
            db,
            Task(refused.path, None),
            Failure(refused.path, "discover", refused.reason),
            summary,
            known,
            rereads,
        )
    _report_manifest(db, manifest, summary)
    if prune:
        rereads += _prune(db, paths, seen, summary)
    reread: set[str] = {t.name for t in tasks}  # queued already: read once anyway
    tasks += _reread_tasks(rereads, seen, manifest, meta, reread, override=override)

    limits = Limits(config.ingest.max_seconds_per_document or None, config.ingest.max_memory_mb or None)
    if tasks:  # no worker is started for a run with nothing to read
        _preload_extraction()
        with make_executor(executor, workers=workers, scheduler=scheduler, isolate=isolate, limits=limits,
                           warm=(warm_up, (config,)), tasks=len(tasks)) as run_many:
            for _pass in range(3):  # a reread never releases another: two passes suffice
                if not tasks:
                    break
                again: list[str] = []
                for index, result in run_many(
                    process_file, [(t.path, t.meta, config, t.override) for t in tasks]
                ):
                    task = tasks[index]
                    outcome = store_result(db, task, result, summary, known, again, schemes=config.schemes)
                    if on_progress:
                        on_progress(task.name, outcome)
                reread = {n for n in reread if n not in again}  # released after it was read: read it again
                tasks = _reread_tasks(again, seen, manifest, meta, reread, override=override)
    _link_pending(db, config)
    return summary


def _preload_extraction() -> None:
    """Import spaCy and the extractors here, before any worker starts: a forked
    worker inherits them instead of importing its own copy, and the writer,
    which needs the scheme matcher to store mentions, does not import it again
    after the first document (one small file: about 0.7 s less)."""
    from ..extract import nlp  # noqa: F401
    from ..store import schemes_link  # noqa: F401


def _meta_for(manifest: ManifestIndex, meta: MeetingMeta | None, path: Path) -> MeetingMeta | None:
    file_meta = manifest.meta_for(path)
    if meta is not None:
        return meta.merged(file_meta) if file_meta else meta
    return file_meta


def _reread_tasks(names: list[str], seen: dict[str, Path], manifest: ManifestIndex, meta: MeetingMeta | None,
                  reread: set[str], *, override: bool = False) -> list[Task]:
    """Duplicates a supersede released: read again as documents of their own
    (``reread`` holds the names queued already)."""
    out: list[Task] = []
    for name in dict.fromkeys(names):
        path = seen.get(name) or Path(name)
        if name in reread or not path.is_file():
            continue
        reread.add(name)
        out.append(Task(str(path), _meta_for(manifest, meta, path), name, override))
    return out


def _report_manifest(db: sqlite_utils.Database, manifest: ManifestIndex, summary: Summary) -> None:
    for path, message in manifest.take_problems():
        log.info("%s: %s", path, message)
        store.record_problem(db, path, "manifest", message)
        summary.warnings.append(Failure(path, "manifest", message))


def _prune(
    db: sqlite_utils.Database, paths: list[str | Path], seen: dict[str, Path], summary: Summary
) -> list[str]:
    """Forget stored documents under the given folders whose files are gone."""
    gone = gone_under(db, paths, seen)
    if not gone:
        return []
    settled = versions.forget(db, list(gone))
    for path in sorted(set(gone.values())):
        log.info("%s: file is gone; forgotten", path)
    summary.forgotten += len(gone)
    keep_warnings(summary, settled.kept)
    return list(settled.reread)


def relink_if_pending(db: sqlite_utils.Database, config: Config | None = None) -> None:
    _link_pending(db, config or default_config())


def _link_pending(db: sqlite_utils.Database, config: Config) -> None:
    """Follow-through over the whole store when any stored change awaits it
    (this run's, or one a killed run left): the link and the clearing of
    what it covered are one transaction."""
    if not linkstate.pending(db):
        return
    with store.transaction(db):
        if not linkstate.pending(db):  # another run linked it meanwhile
            return
        _link(db, config)
        linkstate.clear(db)


def _link(db: sqlite_utils.Database, config: Config) -> None:
    """Follow-through over the whole store: new minutes may close old actions."""
    from ..link import link

    link(db, config=config.link)


__all__ = ["DISCOVER_SUFFIXES", "Summary", "Task", "discover", "ingest", "relink_if_pending"]
