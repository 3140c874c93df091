"""Changing the meeting a stored document belongs to, without re-ingesting it.

`minutes meta PATH --date ...` (and `minutes ingest --override` over files
already stored) move a document, and its duplicates in other formats, to the
meeting the corrected council, committee and date identify: the document's
rows and facts are re-pointed in one transaction, the facts themselves (and so
their ids, statuses and officers' overrides) are kept, and a meeting left with
no document is removed. The caller re-links afterwards.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from ..errors import DocumentNotFound
from ..load import sha256_bytes
from . import linkstate
from .ids import meeting_key
from .schema import FACT_TABLES
from .write import transaction

FIELDS = ("council", "committee", "date")


@dataclass(frozen=True)
class MeetingChange:
    doc_id: str
    path: str
    old_meeting: str
    new_meeting: str
    before: dict[str, str | None]
    after: dict[str, str | None]

    @property
    def changed(self) -> bool:
        return self.before != self.after or self.old_meeting != self.new_meeting

    def as_dict(self) -> dict[str, object]:
        return {
            "document": self.doc_id,
            "path": self.path,
            "meeting": self.new_meeting,
            "previous_meeting": self.old_meeting,
            "before": self.before,
            "after": self.after,
            "changed": self.changed,
        }


UnknownDocument = DocumentNotFound  # the name this module's callers know


def find_document_id(db: sqlite_utils.Database, ref: str) -> str:
    """A stored document by file (its bytes' hash, else its stored path) or by id or id prefix."""
    path = Path(ref)
    if path.is_file():
        doc_id = sha256_bytes(path.read_bytes())
        if db.execute("select 1 from documents where id = ?", [doc_id]).fetchone():
            return doc_id
    rows = db.execute(
        "select id from documents where path = ? or path = ?", [ref, str(path.resolve())]
    ).fetchall()
    if not rows and len(ref) >= 8 and all(c in "0123456789abcdef" for c in ref.lower()):
        rows = db.execute("select id from documents where id like ?", [ref.lower() + "%"]).fetchall()
    if len(rows) != 1:
        raise UnknownDocument(
            f"{ref}: {'no stored document' if not rows else 'more than one stored document'} "
            "(give the file, its stored path or its document id)"
        )
    return str(rows[0][0])


def set_meeting(
    db: sqlite_utils.Database, doc_id: str, values: dict[str, str | None], *, override: bool = True
) -> MeetingChange:
    """Give ``doc_id`` (and its duplicates) the meeting these values identify.

    ``override``: the given values replace what is stored; otherwise they only
    fill what is empty."""
    with transaction(db):
        doc = db.execute(
            "select id, path, meeting_id, duplicate_of from documents where id = ?", [doc_id]
        ).fetchone()
        if doc is None:
            raise UnknownDocument(doc_id)
        primary = doc[3] or doc[0]
        group = [
            r[0]
            for r in db.execute(
                "select id from documents where id = ? or duplicate_of = ?", [primary, primary]
            )
        ]
        old_id = str(doc[2])
        old = _meeting_row(db, old_id)
        before: dict[str, str | None] = {f: _text(old.get(f)) for f in FIELDS}
        after = dict(before)
        for name, value in values.items():
            if value and (override or not after.get(name)):
                after[name] = value
        new_id = meeting_key(
            after["council"], after["committee"], after["date"], _text(old.get("external_id")), primary
        )
        if new_id == old_id:
            db.execute("update meetings set council = ?, committee = ?, date = ? where id = ?",
                       [after["council"], after["committee"], after["date"], old_id])
        else:
            _move(db, group, old, old_id, new_id, after)
        if before != after or new_id != old_id:
            linkstate.mark(db, doc_id)  # follow-through reads meeting dates: the next ingest re-links
    return MeetingChange(doc_id, str(doc[1]), old_id, new_id, before, after)


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _meeting_row(db: sqlite_utils.Database, meeting_id: str) -> dict[str, object]:
    cursor = db.execute("select * from meetings where id = ?", [meeting_id])
    row = cursor.fetchone()
    if row is None:
        return {"id": meeting_id}
    return dict(zip([c[0] for c in cursor.description], row))


def _move(db: sqlite_utils.Database, group: list[str], old: dict[str, object], old_id: str, new_id: str,
          after: dict[str, str | None]) -> None:
    if db.execute("select 1 from meetings where id = ?", [new_id]).fetchone() is None:
        row = {**old, **after, "id": new_id}
        row.setdefault("attendees", json.dumps([]))
        row.setdefault("apologies", json.dumps([]))
        db.table("meetings").insert(row)
    else:  # the corrected meeting is already stored (another document of it): fill its gaps
        for column in ("title", "venue", "external_id"):
            if old.get(column):
                db.execute(
                    f"update meetings set [{column}] = ? where id = ? and [{column}] is null",
                    [old[column], new_id],
                )
    marks = ",".join("?" for _ in group)
    for table in ("documents", "agenda_items", *FACT_TABLES):
        key = "id" if table == "documents" else "document_id"
        db.execute(f"update [{table}] set meeting_id = ? where [{key}] in ({marks})", [new_id, *group])
    if db.execute("select 1 from documents where meeting_id = ?", [old_id]).fetchone() is None:
        db.execute("delete from meetings where id = ?", [old_id])
