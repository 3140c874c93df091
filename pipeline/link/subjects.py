"""What the link stage follows: actions and substantive (non-noting) resolutions."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import sqlite_utils


@dataclass(frozen=True)
class Subject:
    kind: str  # "action" | "resolution"
    id: str
    document_id: str
    meeting_id: str
    item_id: str | None
    start_char: int
    end_char: int
    text: str
    context: str = ""
    context_start: int = 0
    due: str | None = None
    due_date: str | None = None
    owner: str | None = None


def load_subjects(db: sqlite_utils.Database) -> Iterator[Subject]:
    for row in db.execute(
        "select id, document_id, meeting_id, item_id, start_char, end_char, "
        "text, context, context_start, due, due_date,"
        " owner from actions"
    ):
        aid, did, mid, iid, s, e, text, ctx, cs, due, due_date, owner = row
        yield Subject(
            "action", aid, did, mid, iid, s or 0, e or 0, text or "", ctx or "", cs or 0, due, due_date, owner
        )
    for rid, did, mid, iid, s, e, text in db.execute(
        "select id, document_id, meeting_id, item_id, start_char, end_char, text from resolutions"
        " where coalesce(is_noting, 0) = 0"
    ):
        yield Subject("resolution", rid, did, mid, iid, s or 0, e or 0, text or "")
