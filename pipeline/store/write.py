"""Writing the store: each document, its meeting, agenda items and facts in one
transaction, so a crash never leaves half of one; a re-extraction swaps a
document's facts the same way. Ids come from store/ids.py, rows from
store/rows.py, and the caller's config decides scheme identity."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from ..config import SchemesConfig
from ..errors import DocumentNotFound, StoreError
from ..records import ProcessedDocument, SchemeMention
from .checks import real_date
from .ids import item_id_for, meeting_id_for, now, short_hash, text_fingerprint
from .read import has_document
from .rows import action_row, amount_row, document_row, fact_row, item_rows, meeting_row, resolution_row
from .schema import FACT_TABLES


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[None]:
    """One IMMEDIATE transaction: the writer lock is taken up front, so two
    ingests never deadlock half way through a document. Used inside
    another, it joins the outer transaction (which commits or rolls back)."""
    if db.conn.in_transaction:
        yield
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.conn.execute("ROLLBACK")
        raise
    else:
        db.conn.execute("COMMIT")


@dataclass(frozen=True)
class SaveResult:
    doc_id: str
    stored: bool  # False when the same bytes were already in the store
    items: int
    replaced: int = 0  # earlier versions at the same path that this one superseded
    kept_overrides: tuple[Any, ...] = ()  # versions.KeptOverride: overrides whose action is gone
    reread: tuple[str, ...] = ()  # duplicates released by the supersede, to be read again


def save_document(
    db: sqlite_utils.Database,
    doc: ProcessedDocument,
    *,
    size: int | None = None,
    mtime: float | None = None,
    replace: bool = False,
    schemes: SchemesConfig | None = None,
) -> SaveResult:
    """Store one processed document and all its facts in one transaction.

    Same bytes already stored: nothing is written (idempotent ingest), unless
    ``replace`` (re-extraction), which swaps the document's rows atomically.
    Other bytes stored from the same path: this is a correction, and it
    supersedes them (store/versions.py) in the same transaction. The same
    words already stored in a format read less well (a PDF of a text export):
    this document takes the facts over and the other becomes its duplicate,
    so which one holds them never depends on which was stored first.
    ``schemes`` (the caller's config) decides which stored scheme a mention joins.
    """
    from . import linkstate, versions

    source = doc.clean.source
    if source.meta.date is not None and not real_date(source.meta.date):
        raise StoreError(
            f"impossible meeting date {source.meta.date!r} (want a real YYYY-MM-DD date); not stored"
        )
    with transaction(db):
        if has_document(db, source.doc_id):
            if not replace:
                return SaveResult(source.doc_id, False, 0)
            delete_document_rows(db, source.doc_id)
        earlier = [] if replace else versions.at_path(db, source.path, source.doc_id)
        retired = versions.retire(db, earlier) if earlier else None
        fingerprint = text_fingerprint(doc.clean.text)
        twin = db.execute(
            "select id, meeting_id, format from documents where fingerprint = ? and "
            "id != ? and duplicate_of is null",
            [fingerprint, source.doc_id],
        ).fetchone()
        meeting_id = twin[1] if twin else meeting_id_for(doc)
        demoted = None
        if twin and versions.better_format(source.format, twin[2]):
            demoted, twin = versions.demote(db, twin[0]), None
        _save_meeting(db, meeting_id, source.meta)
        duplicate_of = twin[0] if twin else None
        db.table("documents").insert(document_row(doc, meeting_id, fingerprint, duplicate_of, size, mtime))
        if not twin:  # a twin is the same minutes in another format: its facts are the twin's
            _save_items(db, doc, meeting_id)
            save_facts(db, doc, meeting_id, reuse=versions.merged_reuse(retired, demoted), schemes=schemes)
        kept: tuple[Any, ...] = ()
        reread: tuple[str, ...] = ()
        for gone in (retired, demoted):
            if gone is not None:
                settled = versions.settle(db, gone, primary=twin[0] if twin else source.doc_id,
                                          fingerprint=fingerprint, meeting_id=meeting_id)
                kept, reread = kept + settled.kept, reread + settled.reread
        linkstate.mark(db, source.doc_id)
    return SaveResult(source.doc_id, True, 0 if twin else len(doc.items), len(earlier), kept, reread)


def _save_meeting(db: sqlite_utils.Database, meeting_id: str, meta: Any) -> None:
    existing = db.execute("select 1 from meetings where id = ?", [meeting_id]).fetchone()
    if existing is not None:
        _fill_meeting_gaps(db, meeting_id, meta)
        return
    db.table("meetings").insert(meeting_row(meeting_id, meta))


def _fill_meeting_gaps(db: sqlite_utils.Database, meeting_id: str, meta: Any) -> None:
    """A second document about a meeting may know what the first did not."""
    for column in ("council", "committee", "date", "title", "venue", "external_id"):
        value = getattr(meta, column)
        if value:
            db.execute(
                f"update meetings set [{column}] = ? where id = ? and [{column}] is null", [value, meeting_id]
            )


def _save_items(db: sqlite_utils.Database, doc: ProcessedDocument, meeting_id: str) -> None:
    db.table("agenda_items").insert_all(item_rows(doc, meeting_id))


def save_facts(
    db: sqlite_utils.Database,
    doc: ProcessedDocument,
    meeting_id: str,
    reuse: dict[Any, list[str]] | None = None,
    *,
    schemes: SchemesConfig | None = None,
) -> None:
    """Insert the document's facts. ``reuse`` (versions.fact_ids of the rows
    being replaced) gives a fact that is the same as before its old id."""
    from . import versions

    doc_id = doc.clean.source.doc_id
    ex = doc.extraction
    ids = versions.FactIds(doc, reuse)
    db.table("resolutions").insert_all(
        (ids("resolutions", resolution_row(r, doc_id, meeting_id), r.fact) for r in ex.resolutions),
        replace=True,
    )
    db.table("actions").insert_all(
        (ids("actions", action_row(a, doc_id, meeting_id), a.fact) for a in ex.actions), replace=True
    )
    db.table("amounts").insert_all(
        (ids("amounts", amount_row(a, doc_id, meeting_id), a.fact) for a in ex.amounts), replace=True
    )
    save_scheme_mentions(db, ex.schemes, doc_id, meeting_id, ids, config=schemes)


def save_scheme_mentions(
    db: sqlite_utils.Database,
    mentions: Iterable[SchemeMention],
    doc_id: str,
    meeting_id: str,
    ids: Any = None,
    *,
    config: SchemesConfig | None = None,
) -> None:
    """Each mention joins the stored scheme whose canonical key matches its own
    (rapidfuzz, scorer/cutoff from ``config``: the caller's, never a file read
    here) or starts a new one."""
    from .schemes_link import cached_known_keys, link_scheme

    config = config or SchemesConfig()
    mentions = list(mentions)
    keys = cached_known_keys(db) if mentions else {}
    touched: set[str] = set()
    for m in mentions:
        link = link_scheme(
            db, name=m.name, canonical=m.canonical, new_id=short_hash("scheme", m.canonical),
            config=config, keys=keys,
        )
        row = {
            **fact_row(m.fact, doc_id, meeting_id, "scheme"),
            "scheme_id": link.scheme_id,
            "name": m.name,
            "score": link.score,
        }
        db.table("scheme_mentions").insert(ids("scheme_mentions", row, m.fact) if ids else row, replace=True)
        touched.add(link.scheme_id)
    for scheme_id in touched:
        _name_scheme(db, scheme_id)


def _name_scheme(db: sqlite_utils.Database, scheme_id: str) -> None:
    """A scheme is shown under the spelling most mentions use (the longest on a
    tie), so one 'Nominate a Neighbour Scheme' typo does not name it."""
    db.execute(
        """update schemes set name = coalesce((
             select name from scheme_mentions where scheme_id = ?
             group by name order by count(*) desc, length(name) desc limit 1), name)
           where id = ?""",
        [scheme_id, scheme_id],
    )


def delete_document_rows(db: sqlite_utils.Database, doc_id: str) -> None:
    """Remove a document and everything extracted from it (not its meeting)."""
    for table in FACT_TABLES:
        db.execute(f"delete from [{table}] where document_id = ?", [doc_id])
    db.execute("delete from agenda_items where document_id = ?", [doc_id])
    db.execute("delete from documents where id = ?", [doc_id])


def replace_facts(
    db: sqlite_utils.Database, doc: ProcessedDocument, *, schemes: SchemesConfig | None = None
) -> int:
    """Swap one stored document's facts for ``doc.extraction`` in one transaction
    (`minutes reextract`). The documents and agenda_items rows stay (item themes
    are refreshed); an action whose id survives keeps its status, so officers'
    overrides outlive a rules change. Returns the number of facts written."""
    from .versions import fact_ids

    doc_id = doc.clean.source.doc_id
    with transaction(db):
        row = db.execute("select meeting_id from documents where id = ?", [doc_id]).fetchone()
        if row is None:
            raise DocumentNotFound(f"no document {doc_id!r} in the store")
        status = dict(db.execute("select id, status from actions where document_id = ?", [doc_id]).fetchall())
        reuse = fact_ids(db, [doc_id])
        for table in FACT_TABLES:
            db.execute(f"delete from [{table}] where document_id = ?", [doc_id])
        save_facts(db, doc, row[0], reuse=reuse, schemes=schemes)
        db.conn.executemany(
            "update actions set status = ? where id = ? and document_id = ?",
            [(s, i, doc_id) for i, s in status.items() if s is not None],
        )
        db.conn.executemany(
            "update agenda_items set themes = ? where id = ?",
            [(json.dumps(list(t)), item_id_for(doc_id, o)) for o, t in doc.extraction.item_themes],
        )
    ex = doc.extraction
    return len(ex.resolutions) + len(ex.actions) + len(ex.amounts) + len(ex.schemes)


def set_state(db: sqlite_utils.Database, key: str, value: str) -> None:
    with transaction(db):
        db.execute("insert or replace into state (key, value) values (?, ?)", [key, value])


def record_problem(
    db: sqlite_utils.Database, path: str, stage: str, message: str, sha256: str | None = None
) -> None:
    """One row per file and failure (see store/problems.py)."""
    from .problems import record_problem as record

    record(db, path, stage, message, sha256=sha256, at=now())
