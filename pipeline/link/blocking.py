"""Blocks of later evidence, built once per link run.

Nothing is compared with everything: an action only ever meets the items of
(a) later meetings with the same ModernGov issue id, (b) later items about a
scheme named in its context, (c) the meeting a deferral names, and (d) the
next ``horizon`` meetings of its own council + committee. Every block is a
dict lookup, so a link run grows with the store, not with its square.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

import sqlite_utils

from ..text.sentences import Sentence, sentences
from .cues import is_decision_notice, item_number, notice_date
from .parents import find_parents
from .text import norm_key

Block = tuple[str, str]  # (council, committee), normalised


@dataclass(frozen=True)
class Meeting:
    id: str
    block: Block
    date: str | None


@dataclass(frozen=True)
class Item:
    id: str
    meeting_id: str
    document_id: str
    title: str
    text: str
    start_char: int  # of the item in its document: sentence offsets add to it
    issue_id: str | None
    number: str | None = None  # its leading number ("16"): what "Minute 16" refers to


@dataclass
class StoreIndex:
    """Meetings per block in date order, items per meeting, issue and scheme
    postings. Item sentences are split lazily and cached."""

    meetings: dict[str, Meeting]
    block_dates: dict[Block, list[tuple[str, str]]]  # block -> sorted [(date, meeting_id)]
    items: dict[str, Item]
    meeting_items: dict[str, list[str]]
    issue_items: dict[tuple[str, str], list[str]]  # (council, issue id) -> item ids
    scheme_items: dict[str, set[str]]  # scheme id -> item ids
    doc_schemes: dict[str, list[tuple[int, int, str]]]  # document -> [(start, end, scheme id)]
    notices: dict[str, str | None] = field(default_factory=dict)  # decision notice -> date it records
    parents: dict[Block, set[Block]] = field(default_factory=dict)  # a body -> the bodies it reports to
    _sentences: dict[str, tuple[Sentence, ...]] = field(default_factory=dict)

    @classmethod
    def load(cls, db: sqlite_utils.Database, parent_bodies: tuple[str, ...] = ()) -> StoreIndex:
        meetings: dict[str, Meeting] = {}
        block_dates: dict[Block, list[tuple[str, str]]] = defaultdict(list)
        rows = db.execute("select id, council, committee, date from meetings").fetchall()
        known = _councils_by_committee(rows)
        for mid, council, committee, mdate in rows:
            block = (norm_key(council) or known.get(norm_key(committee), ""), norm_key(committee))
            meetings[mid] = Meeting(mid, block, mdate or None)
            if mdate:
                block_dates[block].append((mdate, mid))
        for dates in block_dates.values():
            dates.sort()
        items: dict[str, Item] = {}
        meeting_items: dict[str, list[str]] = defaultdict(list)
        issue_items: dict[tuple[str, str], list[str]] = defaultdict(list)
        for iid, mid, did, title, text, start, issue, number in db.execute(
            "select id, meeting_id, document_id, title, text, start_char, issue_id, number from agenda_items"
            " order by ordinal"
        ):
            items[iid] = Item(
                iid, mid, did, title or "", text or "", start or 0, issue or None, item_number(number)
            )
            meeting_items[mid].append(iid)
            if issue and mid in meetings:
                issue_items[(meetings[mid].block[0], str(issue))].append(iid)
        scheme_items: dict[str, set[str]] = defaultdict(set)
        doc_schemes: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for did, iid, start, end, sid in db.execute(
            "select document_id, item_id, start_char, end_char, scheme_id from scheme_mentions"
        ):
            if iid:
                scheme_items[sid].add(iid)
            doc_schemes[did].append((start or 0, end or 0, sid))
        notices = {did: notice_date(head) for did, head in db.execute(
            "select id, substr(text, 1, 600) from documents") if is_decision_notice(head or "")}
        return cls(
            meetings,
            dict(block_dates),
            items,
            dict(meeting_items),
            dict(issue_items),
            dict(scheme_items),
            dict(doc_schemes),
            notices,
            find_parents(meetings, items, parent_bodies),
        )

    # -- meetings ---------------------------------------------------------
    def later_meetings(self, meeting_id: str, horizon: int | None = None) -> list[str]:
        """Meetings of the same block strictly after this one, nearest first."""
        m = self.meetings.get(meeting_id)
        if m is None or m.date is None:
            return []
        dates = self.block_dates.get(m.block, [])
        i = bisect.bisect_right(dates, (m.date, "\uffff"))
        chosen = dates[i:] if horizon is None else dates[i : i + horizon]
        return [mid for _d, mid in chosen]

    def previous_meeting(self, meeting_id: str) -> str | None:
        """The meeting of the same block just before this one (whose minutes it approves)."""
        m = self.meetings.get(meeting_id)
        if m is None or m.date is None:
            return None
        dates = self.block_dates.get(m.block, [])
        i = bisect.bisect_left(dates, (m.date, ""))
        return dates[i - 1][1] if i > 0 else None

    def parent_meetings(self, meeting_id: str, horizon: int) -> list[str]:
        """Later meetings of the bodies this one reports to (``horizon`` each)."""
        m = self.meetings.get(meeting_id)
        if m is None or m.date is None:
            return []
        out: list[str] = []
        for parent in self.parents.get(m.block, ()):
            dates = self.block_dates.get(parent, [])
            i = bisect.bisect_right(dates, (m.date, "\uffff"))
            out.extend(mid for _d, mid in dates[i : i + horizon])
        return out

    def next_meeting(self, meeting_id: str) -> str | None:
        later = self.later_meetings(meeting_id, 1)
        return later[0] if later else None

    def meeting_on(self, meeting_id: str, iso: str) -> str | None:
        """The meeting of the same block held on ``iso``, if it is stored."""
        m = self.meetings.get(meeting_id)
        if m is None:
            return None
        dates = self.block_dates.get(m.block, [])
        i = bisect.bisect_left(dates, (iso, ""))
        if i < len(dates) and dates[i][0] == iso:
            return dates[i][1]
        return None

    def is_later(self, meeting_id: str, than: str) -> bool:
        a, b = self.meetings.get(meeting_id), self.meetings.get(than)
        return bool(a and b and a.date and b.date and a.date > b.date)

    # -- blocks -----------------------------------------------------------
    def issue_block(self, item_id: str | None) -> list[str]:
        """Items at later meetings carrying the same ModernGov issue id."""
        item = self.items.get(item_id or "")
        if item is None or not item.issue_id or item.meeting_id not in self.meetings:
            return []
        council = self.meetings[item.meeting_id].block[0]
        return [i for i in self.issue_items.get((council, item.issue_id), [])
                if self.is_later(self.items[i].meeting_id, item.meeting_id)]

    def schemes_within(self, document_id: str, start: int, end: int) -> set[str]:
        return {sid for s, e, sid in self.doc_schemes.get(document_id, ()) if s < end and e > start}

    def scheme_block(self, scheme_ids: set[str], meeting_id: str) -> list[str]:
        """Later items (any committee: schemes cross them) naming one of the schemes."""
        out: set[str] = set()
        for sid in scheme_ids:
            out.update(
                i
                for i in self.scheme_items.get(sid, ())
                if self.is_later(self.items[i].meeting_id, meeting_id)
            )
        return sorted(out)

    def sentences_of(self, item_id: str) -> tuple[Sentence, ...]:
        cached = self._sentences.get(item_id)
        if cached is None:
            cached = tuple(sentences(self.items[item_id].text, clauses=True))
            self._sentences[item_id] = cached
        return cached

    @cached_property
    def dated_meetings(self) -> int:
        return sum(1 for m in self.meetings.values() if m.date)


def _councils_by_committee(rows: list[tuple[str, str | None, str | None, str | None]]) -> dict[str, str]:
    """A committee named by exactly one council: a document of it that does not
    name its council (a decision notice) belongs to that council's block."""
    seen: dict[str, set[str]] = defaultdict(set)
    for _mid, council, committee, _date in rows:
        if norm_key(council) and norm_key(committee):
            seen[norm_key(committee)].add(norm_key(council))
    return {committee: next(iter(councils)) for committee, councils in seen.items() if len(councils) == 1}
