"""Is a file already stored? Recognised without reading it (same path,
size and mtime) or by the hash of its bytes; a file whose bytes are stored
already only has its size and mtime refreshed, and supersedes an earlier
version stored from the same path."""

from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils

from .. import store
from ..load import read_file, sha256_bytes
from ..store import versions
from .discover import Found
from .process import Failure
from .summary import Summary


def unchanged_on_disk(db: sqlite_utils.Database, found: Found) -> bool:
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


def known_bytes(db: sqlite_utils.Database, found: Found, known: set[str], summary: Summary,
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
    rereads += same_bytes(db, doc_id, found.shown, read.size, read.mtime, summary, known)
    return True, doc_id


def same_bytes(db: sqlite_utils.Database, doc_id: str, path: str, size: int | None, mtime: float | None,
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
    keep_warnings(summary, settled.kept)
    return list(settled.reread)


def digest_of(path: str) -> str | None:
    try:
        return sha256_bytes(read_file(path).data)
    except OSError:
        return None


def known_ids(db: sqlite_utils.Database) -> set[str]:
    return {row[0] for row in db.execute("select id from documents")}


def keep_warnings(summary: Summary, kept: Iterable[versions.KeptOverride]) -> None:
    for k in kept:
        summary.warnings.append(Failure(k.path, "override", k.message))


__all__ = ["digest_of", "keep_warnings", "known_bytes", "known_ids", "same_bytes", "unchanged_on_disk"]
