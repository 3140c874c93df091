"""link(db, config=...): find later evidence for every action and substantive
resolution, recompute action status and resolve "next meeting" due dates.
Runs at the end of every ingest and from `minutes link`."""

from __future__ import annotations

import gc
import logging
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass

import sqlite_utils

from ..config import LinkConfig
from ..store import short_hash, transaction
from .blocking import StoreIndex
from .due import DueChange, due_history
from .evidence import Evidence, EvidenceFinder
from .overrides import latest_overrides
from .status import ActionOrigin, Change, timeline
from .subjects import load_subjects
from .text import untrackable_pattern

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LinkSummary:
    actions: int
    resolutions: int
    evidence: int
    status_counts: dict[str, int]
    due_dates_resolved: int
    seconds: float

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def link(db: sqlite_utils.Database, *, config: LinkConfig) -> LinkSummary:
    """Recompute all follow-through evidence and action status in one transaction."""
    # Read and write under one write lock: a concurrent ingest that commits
    # between our read and our write would otherwise have its evidence replaced
    # by what we computed from the older store.
    with transaction(db), _no_cyclic_gc(), _page_cache(db):
        return _link(db, config=config)


LINK_CACHE_KIB = 65_536


@contextmanager
def _page_cache(db: sqlite_utils.Database) -> Iterator[None]:
    """A run rewrites every link row (hundreds of thousands, under three
    indexes keyed by hashes): with SQLite's default 2 MiB page cache the
    index pages are read and written again and again. 64 MiB for the run,
    then the connection's own setting back."""
    before = db.execute("pragma cache_size").fetchone()[0]
    db.execute(f"pragma cache_size = {-LINK_CACHE_KIB}")
    try:
        yield
    finally:
        db.execute(f"pragma cache_size = {int(before)}")


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """A link run builds hundreds of thousands of long-lived, acyclic objects
    (candidates, terms, evidence); each full pass of the cyclic collector walks
    all of them, so with it on, 10x the actions cost about 18x the time.
    Reference counting frees the run's objects when it returns."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _link(db: sqlite_utils.Database, *, config: LinkConfig) -> LinkSummary:
    started = time.perf_counter()
    index = StoreIndex.load(db, config.parent_bodies)
    subjects = list(load_subjects(db))
    finder = EvidenceFinder(index, config)
    evidence = finder.evidence(subjects)
    by_subject: dict[str, list[Evidence]] = defaultdict(list)
    for ev in evidence:
        by_subject[ev.subject_id].append(ev)
    overrides = latest_overrides(db)
    vague = untrackable_pattern(config)
    resolved = {u.action_id: u.due_date for u in finder.due_updates}
    changes: list[Change] = []
    dues: list[DueChange] = []
    current: dict[str, str] = {}
    stored: dict[str, str | None] = dict(db.execute("select id, status from actions").fetchall())
    actions = [s for s in subjects if s.kind == "action"]
    for a in actions:
        meeting = index.meetings.get(a.meeting_id)
        found = by_subject.get(a.id, ())
        due = due_history(a, resolved.get(a.id), found, index)
        trackable = not vague.search(a.text) or any(d.due_date for d in due)
        origin = ActionOrigin(
            a.id,
            a.document_id,
            a.start_char,
            a.end_char,
            a.text,
            meeting.date if meeting else None,
            trackable,
        )
        history = timeline(origin, found, overrides.get(a.id))
        changes.extend(history)
        dues.extend(due)
        current[a.id] = history[-1].status
    with transaction(db):
        db.execute("delete from link_evidence")
        db.execute("delete from action_status_changes")
        db.execute("delete from action_due_changes")
        db.conn.executemany(
            "insert or replace into action_due_changes (id, action_id, seq, "
            "due_date, due_text, rule, document_id,"
            " item_id, start_char, end_char, quote, at) values (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                (
                    f"{d.action_id}-{d.seq}",
                    d.action_id,
                    d.seq,
                    d.due_date,
                    d.due_text,
                    d.rule,
                    d.document_id,
                    d.item_id,
                    d.start_char,
                    d.end_char,
                    d.quote,
                    d.at,
                )
                for d in dues
            ),
        )
        db.conn.executemany(
            "insert or replace into link_evidence (id, subject_kind, subject_id, "
            "rule, status, score, meeting_id,"
            " meeting_date, evidence_document_id, evidence_item_id, start_char, end_char, quote)"
            " values (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                (
                    short_hash(e.subject_id, e.rule, e.item_id, e.start_char),
                    e.subject_kind,
                    e.subject_id,
                    e.rule,
                    e.status,
                    e.score,
                    e.meeting_id,
                    e.meeting_date,
                    e.document_id,
                    e.item_id,
                    e.start_char,
                    e.end_char,
                    e.quote,
                )
                for e in evidence
            ),
        )
        db.conn.executemany(
            "insert or replace into action_status_changes (id, action_id, seq, "
            "status, rule, evidence_document_id,"
            " start_char, end_char, quote, score, at) values (?,?,?,?,?,?,?,?,?,?,?)",
            (
                (
                    f"{c.action_id}-{c.seq}",
                    c.action_id,
                    c.seq,
                    c.status,
                    c.rule,
                    c.evidence_document_id,
                    c.start_char,
                    c.end_char,
                    c.quote,
                    c.score,
                    c.at,
                )
                for c in changes
            ),
        )
        # only the statuses that changed: a re-link leaves most as they were
        db.conn.executemany(
            "update actions set status = ? where id = ?",
            ((s, i) for i, s in current.items() if stored.get(i) != s),
        )
        db.conn.executemany(
            "update actions set due_date = ? where id = ? and due_date is null",
            ((u.due_date, u.action_id) for u in finder.due_updates),
        )
    counts: dict[str, int] = defaultdict(int)
    for s in current.values():
        counts[s] += 1
    summary = LinkSummary(
        len(actions),
        len(subjects) - len(actions),
        len(evidence),
        dict(counts),
        len({u.action_id for u in finder.due_updates}),
        round(time.perf_counter() - started, 3),
    )
    log.info("link: %s", summary)
    return summary
