"""Corrections and removals.

A file at a known path that now holds other bytes is a correction: the new
version supersedes the earlier one in the same transaction that stores it.
A fact that is the same in both (same kind, same words, same agenda item)
keeps its id, so an officer's override, the action's status and everything
keyed on the id follow it to the new version. An override whose action is
gone is kept in ``action_overrides`` (never dropped) and reported, as a line
and a ``problems`` row, so someone can look at it.

A document whose file is gone can be forgotten (``minutes ingest --prune``,
``minutes forget``) the same way, with nothing to take its place.

A stored duplicate (the same words in another format, ``duplicate_of``) of a
retired document follows the new version when its words still match it;
otherwise it no longer has anyone's facts, so its row is removed and its
path handed back to be read again as a document of its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from ..records import Fact, ProcessedDocument
from . import linkstate
from .ids import now, short_hash
from .schema import FACT_TABLES
from .write import delete_document_rows, transaction

#: (table, words, agenda item) -> ids of stored facts, in document order.
ReuseMap = dict[tuple[str, str, str], list[str]]


@dataclass(frozen=True)
class KeptOverride:
    """An officer's override whose action is no longer in the store."""

    action_id: str
    status: str
    note: str
    action_text: str
    path: str

    @property
    def message(self) -> str:
        note = f" ({self.note})" if self.note else ""
        return (f"officer's override '{self.status}'{note} on action {self.action_id} "
                f"\"{_clip(self.action_text)}\" has no matching action now; kept in action_overrides")


@dataclass
class Retired:
    """What retiring documents leaves for their successor to pick up."""

    doc_ids: list[str]
    paths: dict[str, str] = field(default_factory=dict)
    reuse: ReuseMap = field(default_factory=dict)
    status: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, KeptOverride] = field(default_factory=dict)
    twins: list[tuple[str, str, str | None]] = field(default_factory=list)  # (id, path, fingerprint)
    meetings: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Settled:
    kept: tuple[KeptOverride, ...] = ()
    reread: tuple[str, ...] = ()  # duplicates that must be read again as documents of their own


def words(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def item_key(number: str | None, title: str | None, ordinal: int | None) -> str:
    """An agenda item across versions: its printed number, else its title,
    else its position."""
    if number:
        return f"n:{words(number)}"
    if title:
        return f"t:{words(title)}"
    return "" if ordinal is None else f"o:{ordinal}"


class FactIds:
    """Gives a new fact row the id of the same fact (kind, words, agenda
    item) among the rows it replaces, so ids stay stable across versions.
    When the agenda item is not recognised (a PDF and its text export split
    items differently) the words alone decide, if only one old fact had them.

    No two rows of a table ever get one id: re-extracting a document can put
    other words at a fact's old offsets (its offset-derived id) while the old
    words moved, and an insert-or-replace would then silently keep only one."""

    def __init__(self, doc: ProcessedDocument, reuse: ReuseMap | None) -> None:
        self.left = {k: list(v) for k, v in (reuse or {}).items()}
        self.items = {i.ordinal: item_key(i.number, i.title, i.ordinal) for i in doc.items}
        self.taken: dict[str, set[str]] = defaultdict(set)
        by_words: dict[tuple[str, str], list[str]] = defaultdict(list)
        for (table, text, _item), ids in self.left.items():
            by_words[(table, text)] += ids
        self.only = {k: v[0] for k, v in by_words.items() if len(v) == 1}

    def __call__(self, table: str, row: dict[str, Any], fact: Fact) -> dict[str, Any]:
        taken = self.taken[table]
        item = self.items.get(fact.item_ordinal, "") if fact.item_ordinal is not None else ""
        old = self.left.get((table, words(fact.text), item), [])
        while old and old[0] in taken:
            old.pop(0)
        only = self.only.get((table, words(fact.text)))
        if old:
            row["id"] = old.pop(0)
        elif only is not None and only not in taken:
            row["id"] = only
        while row["id"] in taken:
            row["id"] = short_hash(row["id"], "taken")
        taken.add(row["id"])
        return row


#: Which of the same minutes in several formats holds the facts: the one read
#: best (the order run/walk.py reads a folder's twins in).
FORMAT_PREFERENCE = {fmt: rank for rank, fmt in enumerate(("text", "html", "xml", "markdown", "docx", "pdf"))}


def better_format(new: str, stored: str) -> bool:
    """True when ``new`` is read better than ``stored`` (a tie keeps the stored one)."""
    worst = len(FORMAT_PREFERENCE)
    return FORMAT_PREFERENCE.get(new, worst) < FORMAT_PREFERENCE.get(stored, worst)


def demote(db: sqlite_utils.Database, doc_id: str) -> Retired:
    """A stored document gives its facts up to the same words in a better
    format: note what must survive, delete its items and facts, and let it
    (with its own duplicates) point at the newcomer (``settle``)."""
    out = _note(db, [doc_id])
    out.twins = db.execute("select id, path, fingerprint from documents where id = ? or duplicate_of = ?",
                           [doc_id, doc_id]).fetchall()
    for table in FACT_TABLES:
        db.execute(f"delete from [{table}] where document_id = ?", [doc_id])
    db.execute("delete from agenda_items where document_id = ?", [doc_id])
    out.meetings = set()
    return out


def merged_reuse(*gone: Retired | None) -> ReuseMap:
    out: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for g in gone:
        for key, ids in (g.reuse if g is not None else {}).items():
            out[key] += ids
    return dict(out)


def at_path(db: sqlite_utils.Database, path: str, doc_id: str) -> list[str]:
    """Stored documents read from ``path`` that are not ``doc_id``: earlier versions."""
    return [r[0] for r in db.execute("select id from documents where path = ? and id != ?", [path, doc_id])]


def fact_ids(db: sqlite_utils.Database, doc_ids: Iterable[str]) -> ReuseMap:
    reuse: ReuseMap = defaultdict(list)
    for doc_id in doc_ids:
        for table in FACT_TABLES:
            for fid, text, number, title, ordinal in db.execute(
                f"select f.id, f.text, i.number, i.title, i.ordinal from [{table}] f"
                " left join agenda_items i on i.id = f.item_id where f.document_id = ? "
                "order by f.start_char, f.id",
                [doc_id],
            ):
                reuse[(table, words(text), item_key(number, title, ordinal))].append(fid)
    return dict(reuse)


def retire(db: sqlite_utils.Database, doc_ids: list[str]) -> Retired:
    """Note what must survive ``doc_ids``, then delete their rows (call inside
    the transaction that stores their successor, or forgets them)."""
    out = _note(db, doc_ids)
    out.twins += db.execute(
        f"select id, path, fingerprint from documents where duplicate_of in ({_marks(doc_ids)})"
        f" and id not in ({_marks(doc_ids)})", [*doc_ids, *doc_ids],
    ).fetchall()
    for doc_id in doc_ids:
        delete_document_rows(db, doc_id)
    return out


def _note(db: sqlite_utils.Database, doc_ids: list[str]) -> Retired:
    """What must survive ``doc_ids``: their facts' ids, statuses, overrides."""
    out = Retired(list(doc_ids))
    for doc_id in doc_ids:
        row = db.execute("select path, meeting_id from documents where id = ?", [doc_id]).fetchone()
        if row is None:
            continue
        out.paths[doc_id] = row[0]
        out.meetings.add(row[1])
        out.status.update(
            db.execute("select id, status from actions where document_id = ?", [doc_id]).fetchall()
        )
        for aid, status, note, text in db.execute(
            "select o.action_id, o.status, o.note, a.text from action_overrides o "
            "join actions a on a.id = o.action_id"
            " where a.document_id = ? order by o.id",
            [doc_id],
        ):
            out.overrides[aid] = KeptOverride(aid, status, note or "", text or "", row[0])
    out.reuse = fact_ids(db, doc_ids)
    return out


def settle(
    db: sqlite_utils.Database,
    retired: Retired,
    *,
    primary: str | None = None,
    fingerprint: str | None = None,
    meeting_id: str | None = None,
) -> Settled:
    """After the successor (``primary``, the document now holding the facts)
    is stored, or with none when forgetting: carry statuses to the ids that
    survived, move or release duplicates, drop meetings left empty, and report
    overrides whose action is gone."""
    db.conn.executemany(
        "update actions set status = ? where id = ?",
        [(s, i) for i, s in retired.status.items() if s is not None],
    )
    reread: list[str] = []
    for twin_id, twin_path, twin_fp in retired.twins:
        if primary is not None and twin_fp == fingerprint and twin_id != primary:
            db.execute(
                "update documents set duplicate_of = ?, meeting_id = ? where id = ?",
                [primary, meeting_id, twin_id],
            )
        else:
            delete_document_rows(db, twin_id)
            reread.append(twin_path)
    if retired.meetings:
        db.conn.executemany(
            "delete from meetings where id = ? and not exists (select 1 from documents where meeting_id = ?)",
            [(m, m) for m in retired.meetings],
        )
    live = {r[0] for r in db.execute(
        f"select id from actions where id in ({_marks(retired.overrides)})", list(retired.overrides)
    )} if retired.overrides else set()
    kept = tuple(o for aid, o in retired.overrides.items() if aid not in live)
    db.conn.executemany("insert into problems (path, stage, message, at) values (?, ?, ?, ?)",
                        [(o.path, "override", o.message, now()) for o in kept])
    return Settled(kept, tuple(reread))


def forget(db: sqlite_utils.Database, doc_ids: list[str]) -> Settled:
    """Remove documents (their files are gone) and everything extracted from them."""
    with transaction(db):
        settled = settle(db, retire(db, doc_ids))
        for doc_id in doc_ids:
            linkstate.mark(db, doc_id)
    return settled


def under(db: sqlite_utils.Database, prefix: str) -> list[tuple[str, str]]:
    """(id, path) of stored documents whose path is ``prefix`` or inside it,
    as it was given ("." stands for every relative path below here)."""
    prefix = prefix.rstrip("/") or "/"
    rows = db.execute("select id, path from documents order by path").fetchall()
    if prefix == ".":
        return [(i, p) for i, p in rows if not p.startswith(("/", "../"))]
    inside = prefix if prefix.endswith("/") else prefix + "/"
    return [(i, p) for i, p in rows if p == prefix or p.startswith(inside)]


def _marks(values: Iterable[object]) -> str:
    return ",".join("?" for _ in values)


def _clip(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"

