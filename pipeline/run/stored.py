"""What an ingest does to documents already in the store without reading
them: move one to the meeting its metadata now names, or find the ones whose
files are gone."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import sqlite_utils

from ..records import MeetingMeta
from ..store import versions
from .discover import folder_prefixes


def restate(db: sqlite_utils.Database, path: str, meta: MeetingMeta, override: bool) -> bool:
    """A stored document given metadata again: its meeting takes it (fills gaps, or
    replaces with ``override``). True when the meeting changed."""
    from ..store.meetings import UnknownDocument, find_document_id, set_meeting

    try:
        doc_id = find_document_id(db, path)
    except UnknownDocument:
        return False
    values = {"council": meta.council, "committee": meta.committee, "date": meta.date}
    return set_meeting(db, doc_id, values, override=override).changed


def gone_under(
    db: sqlite_utils.Database, paths: Iterable[str | Path], seen: dict[str, Path]
) -> dict[str, str]:
    """{document id: path} of stored documents under the given folders (as
    the paths were given) that this run did not find and that do not exist."""
    gone: dict[str, str] = {}
    for prefix in folder_prefixes(paths):
        for doc_id, stored in versions.under(db, prefix):
            if stored not in seen and not os.path.lexists(stored):
                gone[doc_id] = stored
    return gone
