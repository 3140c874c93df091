"""Orchestration: find files, run them through an executor, store each result.

Workers (threads of a pool, or Dask) only load/clean/segment/extract; a single
writer in this process stores results as they stream back, so SQLite never
sees two writers from one ingest and memory stays bounded by the queue.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from .. import store
from ..config import Config, SchemesConfig, default_config
from ..load import sha256_bytes
from ..records import MeetingMeta, ProcessedDocument
from .executors import make_executor
from .manifest import ManifestIndex
from .process import Failure, process_file
from .walk import Skipped, walk

log = logging.getLogger(__name__)

#: Extensions picked up when a folder is walked. A file named explicitly with
#: any other extension is still tried, and reported if it is not minutes.
DISCOVER_SUFFIXES = {".txt", ".html", ".htm", ".xml", ".pdf"}


@dataclass(frozen=True)
class Task:
    path: str
    meta: MeetingMeta | None
    override: bool = False


@dataclass
class Summary:
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    items: int = 0
    updated: int = 0  # stored documents whose meeting the supplied metadata changed
    failures: list[Failure] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def as_dict(self) -> dict[str, object]:
        return {
            "new": self.new,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "items": self.items,
            "updated": self.updated,
            "failures": [{"path": f.path, "stage": f.stage, "message": f.message} for f in self.failures],
        }


def discover(paths: Iterable[str | Path], skipped: list[Skipped] | None = None) -> Iterator[Path]:
    """Files named directly, and minutes-like files found by walking folders;
    what the walk refused (unreadable folders, links out of the folder, FIFOs)
    goes to ``skipped`` (see run/walk.py)."""
    for found in walk(paths, DISCOVER_SUFFIXES):
        if isinstance(found, Skipped):
            if skipped is not None:
                skipped.append(found)
        else:
            yield found


def _unchanged_on_disk(db: sqlite_utils.Database, path: Path) -> bool:
    """Recognise an unchanged file without reading it: same path, size, mtime."""
    try:
        st = path.stat()
    except OSError:
        return False
    row = db.execute(
        "select 1 from documents where path = ? and size = ? and mtime = ?",
        [str(path), st.st_size, st.st_mtime],
    ).fetchone()
    return row is not None


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
    override: bool = False,
) -> Summary:
    """Ingest every file under ``paths`` into ``db``; never stops on a bad file.

    Metadata from ``manifest`` and ``meta`` fills what a document leaves empty
    (``override``: replaces it). A file already stored is not read again, but
    its stored meeting takes that metadata the same way (`minutes meta`).
    ``on_progress(path, outcome)`` is called once per file with outcome
    "new", "unchanged", "updated" or "failed" (the CLI drives its progress bar with it).
    ``config`` (default: the packaged defaults) goes to every worker pickled,
    so no worker reads a config file of its own.
    """
    config = config or default_config()
    summary = Summary()
    manifest = manifest or ManifestIndex()
    tasks: list[Task] = []
    known = _known_ids(db)
    skipped: list[Skipped] = []
    for path in discover(paths, skipped):
        file_meta = manifest.meta_for(path)
        if meta is not None:
            file_meta = meta.merged(file_meta) if file_meta else meta
        if _unchanged_on_disk(db, path) or _known_bytes(db, path, known):
            outcome = "updated" if file_meta and _restate(db, path, file_meta, override) else "unchanged"
            setattr(summary, outcome, getattr(summary, outcome) + 1)
            if on_progress:
                on_progress(str(path), outcome)
            continue
        tasks.append(Task(str(path), file_meta, override))
    for refused in skipped:  # one line and a problems row each; the run exits 1
        _store_result(db, Task(refused.path, None), Failure(refused.path, "discover", refused.reason), summary, known)

    # A run killed after storing documents but before linking them leaves this
    # flag set, so the next run links even when it finds nothing new.
    pending = store.get_state(db, "link_pending") == "1"
    if tasks and not pending:
        store.set_state(db, "link_pending", "1")
    with make_executor(executor, workers=workers, scheduler=scheduler) as run_many:
        results = run_many(process_file, [(t.path, t.meta, config, t.override) for t in tasks])
        for task, result in zip(tasks, results):
            outcome = _store_result(db, task, result, summary, known, schemes=config.schemes)
            if on_progress:
                on_progress(task.path, outcome)
    if summary.new or summary.updated or pending:  # nothing new stored: the links already made still stand
        _link(db, config)
    if tasks or pending:
        store.set_state(db, "link_pending", "0")
    return summary


def _restate(db: sqlite_utils.Database, path: Path, meta: MeetingMeta, override: bool) -> bool:
    """A stored document given metadata again: its meeting takes it (fills gaps, or
    replaces with ``override``). True when the meeting changed."""
    from ..store.meetings import UnknownDocument, find_document_id, set_meeting

    try:
        doc_id = find_document_id(db, str(path))
    except UnknownDocument:
        return False
    values = {"council": meta.council, "committee": meta.committee, "date": meta.date}
    return set_meeting(db, doc_id, values, override=override).changed


def _link(db: sqlite_utils.Database, config: Config) -> None:
    """Follow-through over the whole store: new minutes may close old actions."""
    from ..link import link

    link(db, config=config.link)


def _known_bytes(db: sqlite_utils.Database, path: Path, known: set[str]) -> bool:
    """Size or mtime moved but the bytes are already stored (touched, copied):
    recognise it by hash here, so no worker parses it again."""
    try:
        doc_id = sha256_bytes(path.read_bytes())
    except OSError:
        return False  # the worker reports it
    if doc_id not in known:
        return False
    _touch(db, doc_id, str(path), _stat(str(path)))
    return True


def _known_ids(db: sqlite_utils.Database) -> set[str]:
    return {row[0] for row in db.execute("select id from documents")}


def _store_result(
    db: sqlite_utils.Database,
    task: Task,
    result: ProcessedDocument | Failure,
    summary: Summary,
    known: set[str],
    *,
    schemes: SchemesConfig | None = None,
) -> str:
    if isinstance(result, Failure):
        log.info("%s: %s", result.path, result.message)  # the CLI prints one line per failure
        store.record_problem(db, result.path, result.stage, result.message)
        summary.failed += 1
        summary.failures.append(result)
        return "failed"
    doc_id = result.clean.source.doc_id
    st = _stat(task.path)
    if doc_id in known:
        _touch(db, doc_id, task.path, st)
        summary.unchanged += 1
        return "unchanged"
    try:
        saved = store.save_document(
            db, result, size=st[0] if st else None, mtime=st[1] if st else None, schemes=schemes
        )
    except Exception as exc:  # the transaction rolled back: nothing of this document is stored
        failure = Failure(task.path, "store", f"could not store ({type(exc).__name__}: {exc})")
        return _store_result(db, task, failure, summary, known)
    known.add(doc_id)
    if saved.stored:
        summary.new += 1
        summary.items += saved.items
        return "new"
    summary.unchanged += 1
    return "unchanged"


def _stat(path: str) -> tuple[int, float] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime


def _touch(db: sqlite_utils.Database, doc_id: str, path: str, st: tuple[int, float] | None) -> None:
    """Same bytes seen again (maybe touched or copied): refresh size/mtime for the
    stored path so the next run skips it without hashing."""
    if st is None:
        return
    with store.transaction(db):
        db.execute(
            "update documents set size = ?, mtime = ? where id = ? and path = ?",
            [st[0], st[1], doc_id, path],
        )
