"""Builders for link/flag tests: meetings written straight into a store, with
offsets that point at real text, so no extractor is needed."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import sqlite_utils

from pipeline import store


@dataclass
class Minutes:
    council: str
    committee: str
    date: str | None
    items: list[tuple[str, str]]  # (title, text)
    actions: list[tuple[int, str]] = field(default_factory=list)  # (item index, exact action text)
    resolutions: list[tuple[int, str, bool]] = field(default_factory=list)  # (item, text, is_noting)
    issue_ids: dict[int, str] = field(default_factory=dict)
    schemes: list[tuple[int, str, str]] = field(default_factory=list)  # (item, scheme name, text mention)
    path: str = ""
    numbers: dict[int, str] = field(default_factory=dict)  # item index -> its printed number ("16")


def add(db: sqlite_utils.Database, m: Minutes, *, due: dict[str, str] | None = None,
        owners: dict[str, str] | None = None) -> dict[str, str]:
    """Store ``m``; returns {action text: action id}."""
    doc_id = store.short_hash("doc", m.council, m.committee, m.date, m.items)
    meeting_id = store.short_hash("meeting", m.council, m.committee, m.date, doc_id if m.date is None else "")
    text, starts = "", []
    for title, body in m.items:
        starts.append(len(text) + len(title) + 1)
        text += f"{title}\n{body}\n\n"
    if not db.execute("select 1 from meetings where id = ?", [meeting_id]).fetchone():
        db["meetings"].insert(
            {"id": meeting_id, "council": m.council, "committee": m.committee, "date": m.date}
        )
    db["documents"].insert(
        {"id": doc_id, "path": m.path or f"{doc_id}.txt", "meeting_id": meeting_id, "text": text}
    )
    item_ids = []
    for n, (title, body) in enumerate(m.items):
        iid = store.item_id_for(doc_id, n)
        item_ids.append(iid)
        db["agenda_items"].insert({"id": iid, "meeting_id": meeting_id, "document_id": doc_id, "ordinal": n,
                                   "title": title, "text": body, "start_char": starts[n],
                                   "end_char": starts[n] + len(body), "issue_id": m.issue_ids.get(n),
                                   "number": m.numbers.get(n)})

    def fact(n: int, needle: str) -> dict[str, object]:
        s = text.index(needle, starts[n])
        return {"document_id": doc_id, "meeting_id": meeting_id, "item_id": item_ids[n], "start_char": s,
                "end_char": s + len(needle), "page": 1, "text": needle}

    ids = {}
    for n, needle in m.actions:
        aid = store.action_id(doc_id, needle)
        ids[needle] = aid
        db["actions"].insert(
            {
                "id": aid,
                **fact(n, needle),
                "context": m.items[n][1],
                "context_start": starts[n],
                "context_end": starts[n] + len(m.items[n][1]),
                "status": "open",
                "due": (due or {}).get(needle),
                "owner": (owners or {}).get(needle),
                "themes": "[]",
            },
            replace=True,
        )
    for n, needle, noting in m.resolutions:
        db["resolutions"].insert({"id": store.short_hash("res", doc_id, needle), **fact(n, needle),
                                  "is_noting": int(noting), "themes": "[]"})
    for n, name, needle in m.schemes:
        sid = store.short_hash("scheme", name.lower())
        db["schemes"].insert({"id": sid, "name": name, "aliases": json.dumps([name])}, ignore=True)
        db["scheme_mentions"].insert({"id": store.short_hash("sm", doc_id, needle), **fact(n, needle),
                                      "scheme_id": sid, "name": name, "score": 100.0})
    return ids


def status(db: sqlite_utils.Database, action_id: str) -> str:
    return db.execute("select status from actions where id = ?", [action_id]).fetchone()[0]
