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
from dataclasses import dataclass, field, replace
from pathlib import Path

import sqlite_utils

from .. import store
from ..config import Config, SchemesConfig, default_config
from ..errors import MinutesError
from ..load import read_file, sha256_bytes
from ..records import MeetingMeta, ProcessedDocument
from ..store import linkstate, versions
from ..store.problems import clear_problems, failed_hashes
from .discover import DISCOVER_SUFFIXES, Found, discover, discover_files
from .executors import Limits, Lost, make_executor
from .manifest import ManifestIndex
from .process import Failure, process_file, warm_up
from .stored import gone_under, restate
from .walk import Skipped, Unread

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Task:
    path: str  # the name on disk
    meta: MeetingMeta | None
    shown: str = ""  # the name as stored and printed (see discover.shown_path)
    override: bool = False  # ``meta`` replaces what the document says, not just its gaps
    digest: str | None = None  # sha256 of the bytes, when read before the run

    @property
    def name(self) -> str:
        return self.shown or self.path


@dataclass
class Summary:
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    items: int = 0
    replaced: int = 0  # of the new: corrections that superseded an earlier version
    updated: int = 0  # stored documents whose meeting the supplied metadata changed
    forgotten: int = 0  # documents whose files are gone, removed by --prune
    failures: list[Failure] = field(default_factory=list)
    warnings: list[Failure] = field(
        default_factory=list
    )  # bad manifest rows, overrides left without their action
    skipped: list[Failure] = field(default_factory=list)  # not read: unsupported type, notes files
    not_retried: int = 0  # failed before with the same bytes (see --retry-failed)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed or any(w.stage == "manifest" for w in self.warnings) else 0

    def as_dict(self) -> dict[str, object]:
        return {
            "new": self.new,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "items": self.items,
            "replaced": self.replaced,
            "updated": self.updated,
            "forgotten": self.forgotten,
            "skipped": [{"path": f.path, "reason": f.message} for f in self.skipped],
            "not_retried": self.not_retried,
            "failures": [{"path": f.path, "stage": f.stage, "message": f.message} for f in self.failures],
            "warnings": [{"path": f.path, "stage": f.stage, "message": f.message} for f in self.warnings],
        }


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
    known = _known_ids(db)
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
        if not _unchanged_on_disk(db, found):
            stored, digest = _known_bytes(db, found, known, summary, rereads)
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
        _store_result(
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
                    outcome = _store_result(db, task, result, summary, known, again, schemes=config.schemes)
                    if on_progress:
                        on_progress(task.name, outcome)
                reread = {n for n in reread if n not in again}  # released after it was read: read it again
                tasks = _reread_tasks(again, seen, manifest, meta, reread, override=override)
    _link_pending(db, config)
    return summary


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
    _keep(summary, settled.kept)
    return list(settled.reread)


def _keep(summary: Summary, kept: Iterable[versions.KeptOverride]) -> None:
    for k in kept:
        summary.warnings.append(Failure(k.path, "override", k.message))


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


def _unchanged_on_disk(db: sqlite_utils.Database, found: Found) -> bool:
    """Recognise an unchanged file without reading it: same path, size, mtime."""
    try:
        st = found.path.stat()
    except OSError:
        return False
    row = db.execute(
        "select 1 from documents where path = ? and size = ? and mtime = ?",
        [found.shown, st.st_size, st.st_mtime],
    ).fetchone()
    return row is not None


def _known_bytes(db: sqlite_utils.Database, found: Found, known: set[str], summary: Summary,
                 rereads: list[str]) -> tuple[bool, str | None]:
    """Size or mtime moved but the bytes are already stored (touched, copied):
    recognise it by hash here, so no worker parses it again. Returns whether
    they are stored, and their hash (None when the file cannot be read: the
    worker reports it)."""
    try:
        read = read_file(found.path)
    except OSError:
        return False, None
    doc_id = sha256_bytes(read.data)
    if doc_id not in known:
        return False, doc_id
    rereads += _same_bytes(db, doc_id, found.shown, read.size, read.mtime, summary, known)
    return True, doc_id


def _same_bytes(db: sqlite_utils.Database, doc_id: str, path: str, size: int | None, mtime: float | None,
                summary: Summary, known: set[str]) -> list[str]:
    """``path`` holds bytes already stored as ``doc_id``: refresh its size and
    mtime (the next run skips it without hashing); an earlier version stored
    from ``path`` is superseded by those bytes, so it is forgotten."""
    with store.transaction(db):
        db.execute(
            "update documents set size = ?, mtime = ? where id = ? and path = ?", [size, mtime, doc_id, path]
        )
    earlier = versions.at_path(db, path, doc_id)
    if not earlier:
        return []
    settled = versions.forget(db, earlier)
    known.difference_update(earlier)
    _keep(summary, settled.kept)
    return list(settled.reread)


def _digest(path: str) -> str | None:
    try:
        return sha256_bytes(read_file(path).data)
    except OSError:
        return None


def _known_ids(db: sqlite_utils.Database) -> set[str]:
    return {row[0] for row in db.execute("select id from documents")}


def _store_result(
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
        digest = None if result.stage in ("store", "discover") else task.digest or _digest(task.path)
        store.record_problem(db, result.path, result.stage, result.message, digest)
        summary.failed += 1
        summary.failures.append(result)
        return "failed"
    source = result.clean.source
    if source.path != task.name:
        result = replace(result, clean=replace(result.clean, source=replace(source, path=task.name)))
    if source.doc_id in known:
        rereads += _same_bytes(db, source.doc_id, task.name, source.size, source.mtime, summary, known)
        summary.unchanged += 1
        return "unchanged"
    try:
        saved = store.save_document(db, result, size=source.size, mtime=source.mtime, schemes=schemes)
    except Exception as exc:  # noqa: BLE001 - the transaction rolled back: nothing of this document is stored
        reason = (
            str(exc) if isinstance(exc, MinutesError) else f"could not store ({type(exc).__name__}: {exc})"
        )
        return _store_result(db, task, Failure(task.name, "store", reason), summary, known, rereads)
    known.add(source.doc_id)
    clear_problems(db, task.name)
    if saved.replaced:  # the earlier versions' ids are gone
        known.intersection_update(_known_ids(db))
    if not saved.stored:
        summary.unchanged += 1
        return "unchanged"
    summary.new += 1
    summary.items += saved.items
    summary.replaced += bool(saved.replaced)
    _keep(summary, saved.kept_overrides)
    rereads += saved.reread
    return "replaced" if saved.replaced else "new"


__all__ = ["DISCOVER_SUFFIXES", "Summary", "Task", "discover", "ingest", "relink_if_pending"]
