"""The nightly flag: actions with no evidence of completion, oldest first.

An action is flagged when its status on ``as_of`` is open or in progress and
it is overdue: its due date has passed, or (no due date) its meeting is at
least ``older_than_days`` old. Actions of undated meetings are always listed,
marked "undated", because nobody can tell they are not overdue.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import date

import sqlite_utils

from ..link.status import Change, status_as_of
from ..link.text import CLOSED

_DURATION = re.compile(r"^\s*(\d+)\s*([dwmy]?)\s*$", re.IGNORECASE)
_UNIT_DAYS = {"": 1, "d": 1, "w": 7, "m": 30, "y": 365}


def parse_days(value: str) -> int:
    """"90d", "4w", "3m", "1y" or "28" to days."""
    m = _DURATION.match(value or "")
    if not m:
        raise ValueError(f"not a duration: {value!r} (write e.g. 90d, 4w, 3m)")
    return int(m.group(1)) * _UNIT_DAYS[m.group(2).lower()]


@dataclass(frozen=True)
class FlagRow:
    action_id: str
    council: str | None
    committee: str | None
    meeting_date: str | None  # None = undated
    item_title: str | None
    action: str
    context: str
    owner: str | None
    due: str | None
    due_date: str | None
    status: str
    days_outstanding: int | None
    last_evidence: str | None
    last_evidence_date: str | None
    document: str | None
    page: int | None
    start_char: int
    end_char: int

    @property
    def source(self) -> str:
        page = f" p.{self.page}" if self.page is not None else ""
        return f"{self.document}{page} chars {self.start_char}–{self.end_char}"

    @property
    def when(self) -> str:
        return self.meeting_date or "undated"

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "meeting_date": self.when, "source": self.source}


@dataclass(frozen=True)
class FlagQuery:
    as_of: str
    older_than_days: int = 28
    council: str | None = None
    committee: str | None = None


def flagged(db: sqlite_utils.Database, query: FlagQuery) -> list[FlagRow]:
    """The report: flagged actions, undated last, then oldest meeting first."""
    where, params = ["(m.date is null or m.date <= ?)"], [query.as_of]
    for column, value in (("council", query.council), ("committee", query.committee)):
        if value:
            where.append(f"lower(m.{column}) like ?")
            params.append(f"%{value.lower()}%")
    rows = db.execute(
        "select a.id, m.council, m.committee, m.date, i.title, a.text, a.context, a.owner, a.due, a.due_date,"
        " a.status, d.path, a.page, a.start_char, a.end_char"
        " from actions a left join meetings m on m.id = a.meeting_id left join "
        "agenda_items i on i.id = a.item_id"
        " left join documents d on d.id = a.document_id where " + " and ".join(where),
        params,
    ).fetchall()
    history = _history(db)
    evidence = _last_evidence(db, query.as_of)
    as_of = date.fromisoformat(query.as_of)
    out: list[FlagRow] = []
    for (
        aid,
        council,
        committee,
        mdate,
        title,
        text,
        context,
        owner,
        due,
        due_date,
        current,
        path,
        page,
        s,
        e,
    ) in rows:
        changes = history.get(aid)
        state = status_as_of(changes, query.as_of).status if changes else (current or "open")
        if state in CLOSED:
            continue
        days = (as_of - date.fromisoformat(mdate)).days if mdate else None
        if days is not None and not _overdue(days, due_date, query):
            continue
        last = evidence.get(aid)
        out.append(
            FlagRow(
                aid,
                council,
                committee,
                mdate,
                title,
                text or "",
                context or "",
                owner,
                due,
                due_date,
                state,
                days,
                last[0] if last else None,
                last[1] if last else None,
                path,
                page,
                s or 0,
                e or 0,
            )
        )
    out.sort(key=lambda r: (r.meeting_date is None, r.meeting_date or "", r.council or "", r.start_char))
    return out


def _overdue(days: int, due_date: str | None, query: FlagQuery) -> bool:
    if due_date:
        return due_date < query.as_of
    return days >= query.older_than_days


def _history(db: sqlite_utils.Database) -> dict[str, list[Change]]:
    out: dict[str, list[Change]] = defaultdict(list)
    for row in db.execute(
        "select action_id, seq, status, rule, evidence_document_id, start_char, end_char, quote, score, at"
        " from action_status_changes order by action_id, seq"
    ):
        out[row[0]].append(Change(*row))
    return out


def _last_evidence(db: sqlite_utils.Database, as_of: str) -> dict[str, tuple[str, str]]:
    """Latest evidence on or before ``as_of`` per action: ("rule: quote", date)."""
    out: dict[str, tuple[str, str]] = {}
    for sid, rule, quote, mdate in db.execute(
        "select subject_id, rule, quote, meeting_date from link_evidence where subject_kind = 'action'"
        " and meeting_date <= ? order by meeting_date, start_char",
        [as_of],
    ):
        out[sid] = (f"{rule}: {quote}", mdate)
    return out
