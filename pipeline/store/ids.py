"""Ids derived from content, so a re-run upserts instead of duplicating, and the
time stamp rows carry."""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Iterable
from datetime import datetime, timezone

from ..records import ProcessedDocument


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


def item_id_for(doc_id: str, ordinal: int) -> str:
    return f"{doc_id[:16]}-{ordinal:03d}"


def fact_id(kind: str, doc_id: str, start_char: int, end_char: int) -> str:
    """A fact at these offsets of this document (an action's id is its words')."""
    return short_hash(kind, doc_id, start_char, end_char)


def action_id(doc_id: str, text: str) -> str:
    """Actions are keyed on document and wording, not offsets, so an officer's
    status override survives re-extraction after rules move a boundary."""
    return short_hash("action", doc_id, " ".join(text.lower().split()))


def text_fingerprint(text: str) -> str:
    """The document's words, case-folded: the same minutes published twice (a
    text export and a PDF, say) share it whatever the layout, so their facts
    are stored once."""
    return hashlib.sha256(" ".join(re.findall(r"\w+", text.lower())).encode("utf-8")).hexdigest()


def unique_prefixes(every: Iterable[str], wanted: Iterable[str], minimum: int = 8) -> dict[str, str]:
    """{id: its shortest prefix of at least ``minimum`` characters that no other
    id in ``every`` shares}: the short ids tables print and `minutes action` takes."""
    ids = sorted(set(every))
    out: dict[str, str] = {}
    for wid in wanted:
        i = bisect.bisect_left(ids, wid)
        common = 0
        for j in (i - 1, i + 1) if i < len(ids) and ids[i] == wid else (i - 1, i):
            if 0 <= j < len(ids):
                common = max(common, _shared_prefix(ids[j], wid))
        out[wid] = wid[: max(minimum, common + 1)]
    return out


def _shared_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n
