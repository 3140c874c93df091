"""Re-run extraction from stored text after the rules change, without
re-reading (or even having) the source files.

Everything extraction needs is in the store: ``documents.text`` is the cleaned
text every offset refers to, ``documents.page_map`` says where pages start,
``agenda_items`` holds the segmentation and ``meetings`` the metadata. Each
document's facts are swapped in one transaction; documents and agenda items
keep their rows and ids, so links and officers' overrides survive.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from .. import store
from ..config import Config
from ..errors import DocumentNotFound
from ..extract import extract
from ..records import (
    AgendaItem,
    Block,
    BlockSpan,
    CleanDocument,
    LoadedDocument,
    MeetingMeta,
    ProcessedDocument,
)


@dataclass
class ReextractSummary:
    documents: int = 0
    facts: int = 0
    failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (document id, message)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def as_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "facts": self.facts,
            "failed": self.failed,
            "failures": [{"document_id": d, "message": m} for d, m in self.failures],
        }


def blocks_from_page_map(text: str, page_map: list[list[int]]) -> tuple[BlockSpan, ...]:
    """One block per page span ([[start_char, page], ...]); text before the first
    page start (or all of it, with no map) is a block without a page."""
    starts = sorted((max(0, min(int(s), len(text))), int(p)) for s, p in page_map)
    bounds: list[tuple[int, int | None]] = []
    if not starts or starts[0][0] > 0:
        bounds.append((0, None))
    bounds.extend(starts)
    spans: list[BlockSpan] = []
    for i, (start, page) in enumerate(bounds):
        end = bounds[i + 1][0] if i + 1 < len(bounds) else len(text)
        if end > start or not text:
            spans.append(BlockSpan(start, end, Block(text[start:end], page=page)))
    return tuple(spans)


def _meta(row: dict[str, Any] | None) -> MeetingMeta:
    if row is None:
        return MeetingMeta()
    return MeetingMeta(
        council=row["council"],
        committee=row["committee"],
        date=row["date"],
        title=row["title"],
        venue=row["venue"],
        attendees=tuple(json.loads(row["attendees"] or "[]")),
        apologies=tuple(json.loads(row["apologies"] or "[]")),
        external_id=row["external_id"],
    )


def rebuild(db: sqlite_utils.Database, doc_id: str) -> tuple[CleanDocument, tuple[AgendaItem, ...]]:
    """The CleanDocument and agenda items that extraction saw, from the store."""
    rows = list(db.query("select * from documents where id = ?", [doc_id]))
    if not rows:
        raise DocumentNotFound(f"no document {doc_id!r} in the store")
    d = rows[0]
    meeting = next(iter(db.query("select * from meetings where id = ?", [d["meeting_id"]])), None)
    text = d["text"] or ""
    blocks = blocks_from_page_map(text, json.loads(d["page_map"] or "[]"))
    source = LoadedDocument(
        doc_id=d["id"],
        path=d["path"],
        format=d["format"],
        blocks=tuple(b.block for b in blocks),
        meta=_meta(meeting),
        source_url=d["source_url"],
        pages=d["pages"],
    )
    items = tuple(
        AgendaItem(
            number=r["number"],
            title=r["title"],
            start_char=r["start_char"],
            end_char=r["end_char"],
            text=r["text"],
            page_start=r["page_start"],
            page_end=r["page_end"],
            issue_id=r["issue_id"],
            ordinal=r["ordinal"],
        )
        for r in db.query("select * from agenda_items where document_id = ? order by ordinal", [doc_id])
    )
    return CleanDocument(source=source, text=text, blocks=blocks), items


def document_ids(db: sqlite_utils.Database) -> Iterator[str]:
    yield from (row[0] for row in db.execute("select id from documents order by path, id").fetchall())


def reextract(
    db: sqlite_utils.Database,
    *,
    config: Config,
    doc_ids: list[str] | None = None,
    on_progress: Callable[[str, str], None] | None = None,
) -> ReextractSummary:
    """Re-run extraction over stored documents (all, or ``doc_ids``); a document
    that fails keeps its old facts and is reported, the rest go on."""
    summary = ReextractSummary()
    for doc_id in doc_ids if doc_ids is not None else list(document_ids(db)):
        try:
            clean, items = rebuild(db, doc_id)
            extraction = extract(clean, items, config=config)
            processed = ProcessedDocument(clean=clean, items=items, extraction=extraction)
            summary.facts += store.replace_facts(db, processed, schemes=config.schemes)
        except DocumentNotFound:
            summary.failed += 1
            summary.failures.append((doc_id, "no such document in the store"))
            outcome = "failed"
        except Exception as exc:  # noqa: BLE001 - a rule that crashes on one document: report, keep going
            summary.failed += 1
            summary.failures.append((doc_id, f"{type(exc).__name__}: {exc}"))
            outcome = "failed"
        else:
            summary.documents += 1
            outcome = "done"
        if on_progress:
            on_progress(doc_id, outcome)
    return summary


__all__ = ["ReextractSummary", "blocks_from_page_map", "rebuild", "reextract"]
