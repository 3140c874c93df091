"""The SQLite store: schema, save functions, FTS and views.

The schema is a contract: researchers query it directly (README, "The store").
Ids are derived from content so re-runs upsert instead of duplicating, and each
document is written in one transaction so a crash never leaves half of one.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlite_utils

from .. import __version__
from ..config import SchemesConfig
from ..errors import DocumentNotFound, StoreError
from ..records import Action, Amount, Fact, ProcessedDocument, Resolution, SchemeMention
from .checks import real_date

FACT_COLUMNS = {
    "id": str,
    "document_id": str,
    "meeting_id": str,
    "item_id": str,
    "start_char": int,
    "end_char": int,
    "page": int,
    "text": str,
}

SCHEMA: dict[str, dict[str, Any]] = {
    "meetings": {
        "columns": {
            "id": str,
            "council": str,
            "committee": str,
            "date": str,
            "title": str,
            "venue": str,
            "attendees": str,
            "apologies": str,
            "external_id": str,
        },
        "pk": "id",
    },
    "documents": {
        "columns": {
            "id": str,
            "path": str,
            "format": str,
            "meeting_id": str,
            "source_url": str,
            "text": str,
            "page_map": str,
            "fingerprint": str,
            "duplicate_of": str,
            "pages": int,
            "size": int,
            "mtime": float,
            "ingested_at": str,
            "pipeline_version": str,
        },
        "pk": "id",
        "foreign_keys": [("meeting_id", "meetings", "id")],
    },
    "agenda_items": {
        "columns": {
            "id": str,
            "meeting_id": str,
            "document_id": str,
            "ordinal": int,
            "number": str,
            "title": str,
            "text": str,
            "start_char": int,
            "end_char": int,
            "page_start": int,
            "page_end": int,
            "issue_id": str,
            "themes": str,
        },
        "pk": "id",
        "foreign_keys": [("meeting_id", "meetings", "id"), ("document_id", "documents", "id")],
    },
    "resolutions": {
        "columns": {**FACT_COLUMNS, "cue": str, "part": str, "is_noting": int, "themes": str},
        "pk": "id",
    },
    "actions": {
        "columns": {
            **FACT_COLUMNS,
            "owner": str,
            "due": str,
            "due_date": str,
            "context": str,
            "context_start": int,
            "context_end": int,
            "from_resolution": int,
            "themes": str,
            "status": str,
        },
        "pk": "id",
    },
    "amounts": {
        "columns": {
            **FACT_COLUMNS,
            "raw": str,
            "value_gbp": float,
            "period": str,
            "kind": str,
            "purpose": str,
            "suspect": str,
        },
        "pk": "id",
    },
    "schemes": {
        "columns": {"id": str, "name": str, "aliases": str},
        "pk": "id",
    },
    "scheme_mentions": {
        "columns": {**FACT_COLUMNS, "scheme_id": str, "name": str, "score": float},
        "pk": "id",
    },
    "problems": {
        "columns": {"id": int, "path": str, "stage": str, "message": str, "at": str, "sha256": str},
        "pk": "id",
    },
    # Bookkeeping between runs: a link_pending:<document id> row per stored change awaiting follow-through.
    "state": {
        "columns": {"key": str, "value": str},
        "pk": "key",
    },
}

FACT_TABLES = ("resolutions", "actions", "amounts", "scheme_mentions")
FACT_FOREIGN_KEYS = [
    ("document_id", "documents", "id"),
    ("meeting_id", "meetings", "id"),
    ("item_id", "agenda_items", "id"),
]


def connect(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) the store at ``path`` with safe settings."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=60, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA busy_timeout=60000")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=NORMAL")
    # No sqlite-utils plugins: looking for them scans every installed package
    # (about 40 ms, a tenth of a read command) and the store needs none.
    db = sqlite_utils.Database(conn, execute_plugins=False)
    ensure_schema(db)
    return db


INDEXES: tuple[tuple[str, list[str]], ...] = (
    ("documents", ["meeting_id"]),
    ("documents", ["fingerprint"]),
    ("documents", ["path", "size", "mtime"]),  # covers the unchanged-file check of a re-ingest
    ("agenda_items", ["document_id"]),
    ("agenda_items", ["meeting_id"]),
    ("agenda_items", ["issue_id"]),
    ("meetings", ["council", "committee", "date"]),
    ("scheme_mentions", ["scheme_id"]),
    *((t, ["document_id"]) for t in FACT_TABLES),
    *((t, ["item_id"]) for t in FACT_TABLES),
)


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create every table, index, FTS index and view that does not exist yet.

    All of it in one IMMEDIATE transaction: two processes opening a new store
    at once take turns (no "database is locked", no "table already exists"),
    and a kill half way leaves no FTS index without its triggers."""
    if _schema_complete(db):
        return
    with transaction(db):
        _create_schema(db)


def _schema_complete(db: sqlite_utils.Database) -> bool:
    names = {r[0] for r in db.execute("select name from sqlite_master")}
    from ..link.schema import LINK_SCHEMA
    from . import browse, scheme_money

    indexes = {f"idx_{table}_{'_'.join(cols)}" for table, cols in INDEXES}
    wanted = {*SCHEMA, *LINK_SCHEMA, *VIEWS, "agenda_items_fts", *FTS_TRIGGERS, *indexes, *browse.NAMES}
    return (
        wanted <= names and not _missing_columns(db) and browse.up_to_date(db) and scheme_money.up_to_date(db)
    )


def _missing_columns(db: sqlite_utils.Database) -> list[tuple[str, str, type]]:
    """Columns a newer version added to a table an older version created."""
    missing = []
    for name, spec in SCHEMA.items():
        have = {row[1] for row in db.execute(f"pragma table_info([{name}])")}
        if have:
            missing += [(name, col, kind) for col, kind in spec["columns"].items() if col not in have]
    return missing


#: The FTS index over agenda items and the triggers keeping it in sync (the SQL
#: sqlite-utils' enable_fts writes, run as plain statements so it can sit in a
#: transaction: executescript would commit half way).
FTS_TRIGGERS = {
    "agenda_items_ai": """CREATE TRIGGER "agenda_items_ai" AFTER INSERT ON "agenda_items" BEGIN
  INSERT INTO "agenda_items_fts" (rowid, "title", "text") VALUES (new.rowid, new."title", new."text");
END""",
    "agenda_items_ad": """CREATE TRIGGER "agenda_items_ad" AFTER DELETE ON "agenda_items" BEGIN
  INSERT INTO "agenda_items_fts" ("agenda_items_fts", rowid, "title", "text") VALUES('delete', old.rowid, old."title", old."text");
END""",
    "agenda_items_au": """CREATE TRIGGER "agenda_items_au" AFTER UPDATE ON "agenda_items" BEGIN
  INSERT INTO "agenda_items_fts" ("agenda_items_fts", rowid, "title", "text") VALUES('delete', old.rowid, old."title", old."text");
  INSERT INTO "agenda_items_fts" (rowid, "title", "text") VALUES (new.rowid, new."title", new."text");
END""",
}
FTS_SQL = """CREATE VIRTUAL TABLE "agenda_items_fts" USING FTS5 (
    "title", "text",
    tokenize='porter',
    content="agenda_items"
)"""


def _ensure_fts(db: sqlite_utils.Database) -> None:
    names = {r[0] for r in db.execute("select name from sqlite_master")}
    if "agenda_items_fts" not in names:
        db.execute(FTS_SQL)
        db.execute(
            'INSERT INTO "agenda_items_fts" (rowid, "title", "text") SELECT rowid, '
            '"title", "text" FROM "agenda_items"'
        )
    for name, sql in FTS_TRIGGERS.items():
        if name not in names:
            db.execute(sql)


def _create_schema(db: sqlite_utils.Database) -> None:
    for name, spec in SCHEMA.items():
        if name in db.table_names():
            continue
        fks = spec.get("foreign_keys", FACT_FOREIGN_KEYS if name in FACT_TABLES else None)
        db.table(name).create(spec["columns"], pk=spec["pk"], foreign_keys=fks, if_not_exists=True)
    for table, column, kind in _missing_columns(db):
        db.table(table).add_column(column, kind)
    for table, cols in INDEXES:
        db.table(table).create_index(cols, if_not_exists=True)
    _ensure_fts(db)
    from ..link.schema import ensure_link_schema  # follow-through tables (pipeline/link owns them)

    ensure_link_schema(db)
    for name, sql in VIEWS.items():
        db.create_view(name, sql, ignore=True)
    from .scheme_money import ensure_scheme_money  # which amounts belong to a scheme

    ensure_scheme_money(db)
    from .browse import ensure_browse_schema  # fact FTS and the UI's list views

    ensure_browse_schema(db)


def _fact_view(table: str) -> str:
    """A fact with the meeting, item and document it came from: what the
    query commands and Datasette facets (council, committee, year) read."""
    return f"""select f.*, m.council, m.committee, m.date, substr(m.date, 1, 4) as year,
  i.number as item_number, i.title as item_title, i.themes as item_themes, d.path as document_path
from [{table}] f
left join meetings m on m.id = f.meeting_id
left join agenda_items i on i.id = f.item_id
left join documents d on d.id = f.document_id"""


#: The fact views. Which amounts belong to a scheme (scheme_amount_links,
#: scheme_amounts) is defined once, in store/scheme_money.py.
VIEWS: dict[str, str] = {f"{t}_view": _fact_view(t) for t in FACT_TABLES}


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def short_hash(*parts: object) -> str:
    """A stable 16-hex id from the parts (content-derived ids make re-runs upsert)."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def meeting_id_for(doc: ProcessedDocument) -> str:
    """Documents about the same meeting share a row: key on what identifies it."""
    meta = doc.clean.source.meta
    return meeting_key(meta.council, meta.committee, meta.date, meta.external_id, doc.clean.source.doc_id)


def meeting_key(
    council: str | None, committee: str | None, date: str | None, external_id: str | None, doc_id: str
) -> str:
    """The meeting id for these facts (the document's own when they do not identify a meeting)."""
    if date and (committee or external_id):
        return short_hash(council, committee, date, external_id if not committee else "")
    return short_hash("document", doc_id)


def page_map(doc: ProcessedDocument) -> list[list[int]]:
    """[[start_char, page], ...] where the page changes: enough to rebuild
    provenance when `minutes reextract` re-runs extraction from stored text."""
    out: list[list[int]] = []
    for span in doc.clean.blocks:
        page = span.block.page
        if page is not None and (not out or out[-1][1] != page):
            out.append([span.start, page])
    return out


def text_fingerprint(text: str) -> str:
    """The document's words, case-folded: the same minutes published twice (a
    text export and a PDF, say) share it whatever the layout, so their facts
    are stored once."""
    return hashlib.sha256(" ".join(re.findall(r"\w+", text.lower())).encode("utf-8")).hexdigest()


def _fill_meeting_gaps(db: sqlite_utils.Database, meeting_id: str, meta: Any) -> None:
    """A second document about a meeting may know what the first did not."""
    for column in ("council", "committee", "date", "title", "venue", "external_id"):
        value = getattr(meta, column)
        if value:
            db.execute(
                f"update meetings set [{column}] = ? where id = ? and [{column}] is null", [value, meeting_id]
            )


def item_id_for(doc_id: str, ordinal: int) -> str:
    return f"{doc_id[:16]}-{ordinal:03d}"


@dataclass(frozen=True)
class SaveResult:
    doc_id: str
    stored: bool  # False when the same bytes were already in the store
    items: int
    replaced: int = 0  # earlier versions at the same path that this one superseded
    kept_overrides: tuple[Any, ...] = ()  # versions.KeptOverride: overrides whose action is gone
    reread: tuple[str, ...] = ()  # duplicates released by the supersede, to be read again


def has_document(db: sqlite_utils.Database, doc_id: str) -> bool:
    return db.execute("select 1 from documents where id = ?", [doc_id]).fetchone() is not None


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
        db.table("documents").insert(
            {
                "id": source.doc_id,
                "path": source.path,
                "format": source.format,
                "meeting_id": meeting_id,
                "source_url": source.source_url,
                "text": doc.clean.text,
                "page_map": json.dumps(page_map(doc)),
                "fingerprint": fingerprint,
                "duplicate_of": twin[0] if twin else None,
                "pages": source.pages,
                "size": size,
                "mtime": mtime,
                "ingested_at": now(),
                "pipeline_version": __version__,
            }
        )
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
    db.table("meetings").insert(
        {
            "id": meeting_id,
            "council": meta.council,
            "committee": meta.committee,
            "date": meta.date,
            "title": meta.title,
            "venue": meta.venue,
            "attendees": json.dumps(list(meta.attendees)),
            "apologies": json.dumps(list(meta.apologies)),
            "external_id": meta.external_id,
        }
    )


def _save_items(db: sqlite_utils.Database, doc: ProcessedDocument, meeting_id: str) -> None:
    doc_id = doc.clean.source.doc_id
    item_themes = dict(doc.extraction.item_themes)
    db.table("agenda_items").insert_all(
        
            {
                "id": item_id_for(doc_id, item.ordinal),
                "meeting_id": meeting_id,
                "document_id": doc_id,
                "ordinal": item.ordinal,
                "number": item.number,
                "title": item.title,
                "text": item.text,
                "start_char": item.start_char,
                "end_char": item.end_char,
                "page_start": item.page_start,
                "page_end": item.page_end,
                "issue_id": item.issue_id,
                "themes": json.dumps(list(item_themes.get(item.ordinal, ()))),
            }
            for item in doc.items
        
    )


def _fact_row(fact: Fact, doc_id: str, meeting_id: str, kind: str) -> dict[str, Any]:
    return {
        "id": short_hash(kind, doc_id, fact.start_char, fact.end_char),
        "document_id": doc_id,
        "meeting_id": meeting_id,
        "item_id": item_id_for(doc_id, fact.item_ordinal) if fact.item_ordinal is not None else None,
        "start_char": fact.start_char,
        "end_char": fact.end_char,
        "page": fact.page,
        "text": fact.text,
    }


def action_id(doc_id: str, text: str) -> str:
    """Actions are keyed on document and wording, not offsets, so an officer's
    status override survives re-extraction after rules move a boundary."""
    return short_hash("action", doc_id, " ".join(text.lower().split()))


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
        (ids("resolutions", _resolution_row(r, doc_id, meeting_id), r.fact) for r in ex.resolutions),
        replace=True,
    )
    db.table("actions").insert_all(
        (ids("actions", _action_row(a, doc_id, meeting_id), a.fact) for a in ex.actions), replace=True
    )
    db.table("amounts").insert_all(
        (ids("amounts", _amount_row(a, doc_id, meeting_id), a.fact) for a in ex.amounts), replace=True
    )
    save_scheme_mentions(db, ex.schemes, doc_id, meeting_id, ids, config=schemes)


def _resolution_row(r: Resolution, doc_id: str, meeting_id: str) -> dict[str, Any]:
    return {
        **_fact_row(r.fact, doc_id, meeting_id, "resolution"),
        "cue": r.cue,
        "part": r.part,
        "is_noting": int(r.is_noting),
        "themes": json.dumps(list(r.themes)),
    }


def _action_row(a: Action, doc_id: str, meeting_id: str) -> dict[str, Any]:
    return {
        **_fact_row(a.fact, doc_id, meeting_id, "action"),
        "id": action_id(doc_id, a.fact.text),
        "owner": a.owner,
        "due": a.due,
        "due_date": a.due_date if real_date(a.due_date) else None,
        "context": a.context,
        "context_start": a.context_start,
        "context_end": a.context_end,
        "from_resolution": int(a.from_resolution),
        "themes": json.dumps(list(a.themes)),
        "status": "open",
    }


def _amount_row(a: Amount, doc_id: str, meeting_id: str) -> dict[str, Any]:
    return {
        **_fact_row(a.fact, doc_id, meeting_id, "amount"),
        "raw": a.raw,
        "value_gbp": a.value_gbp,
        "period": a.period,
        "kind": a.kind,
        "purpose": a.purpose,
        "suspect": a.suspect,
    }


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
            **_fact_row(m.fact, doc_id, meeting_id, "scheme"),
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


def get_state(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("select value from state where key = ?", [key]).fetchone()
    return row[0] if row else None


def set_state(db: sqlite_utils.Database, key: str, value: str) -> None:
    with transaction(db):
        db.execute("insert or replace into state (key, value) values (?, ?)", [key, value])


def record_problem(
    db: sqlite_utils.Database, path: str, stage: str, message: str, sha256: str | None = None
) -> None:
    """One row per file and failure (see store/problems.py)."""
    from .problems import record_problem as record

    record(db, path, stage, message, sha256=sha256, at=now())


def stats(db: sqlite_utils.Database) -> dict[str, int]:
    """Row counts per table, for `minutes stats`."""
    return {name: db[name].count for name in SCHEMA}
