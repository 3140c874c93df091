"""The nightly flag: actions with no evidence of completion, oldest first.

An action is flagged when its status on ``as_of`` is open or in progress and
it is overdue: its due date has passed, or (no due date) its meeting is at
least ``older_than_days`` old. Actions of undated meetings are always listed,
marked "undated", because nobody can tell they are not overdue. Actions
"not trackable" (too vague to check) are never overdue; ``untrackable``
lists them apart. The due date is the one in force on ``as_of`` (a deadline
moved by later minutes counts from when it was moved).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, replace
from datetime import date

import sqlite_utils

from ..link.cues import is_decision_notice
from ..link.due import DueChange, due_as_of
from ..link.status import Change, status_as_of
from ..link.text import CLOSED, norm_key
from ..store.checks import real_date


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
    also_in: tuple[str, ...] = ()  # the same action printed again (decision notice and minutes): its sources
    problem: str | None = (
        None  # a stored value that makes no sense (an impossible date): listed, never a crash
    )

    @property
    def source(self) -> str:
        page = f" p.{self.page}" if self.page is not None else ""
        return f"{self.document}{page} chars {self.start_char}–{self.end_char}"

    @property
    def when(self) -> str:
        return self.meeting_date or "undated"

    def as_dict(self) -> dict[str, object]:
        return {
            **asdict(self),
            "meeting_date": self.when,
            "source": self.source,
            "also_in": list(self.also_in),
        }


@dataclass(frozen=True)
class FlagQuery:
    as_of: str
    older_than_days: int = 28
    council: str | None = None
    committee: str | None = None


def flagged(db: sqlite_utils.Database, query: FlagQuery) -> list[FlagRow]:
    """The report: flagged actions, undated last, then oldest meeting first.

    An action whose meeting date (or due date) is not a real date, as an older
    version could store, is always listed, like an undated one, with the
    problem said in ``problem``: nobody can tell it is not overdue."""
    return _rows(db, query, untrackable=False)


def untrackable(db: sqlite_utils.Database, query: FlagQuery) -> list[FlagRow]:
    """Actions "not trackable" on ``as_of``: listed, never counted overdue."""
    return _rows(db, query, untrackable=True)


def _rows(db: sqlite_utils.Database, query: FlagQuery, *, untrackable: bool) -> list[FlagRow]:
    where: list[str] = ["1"]  # the meeting date is checked below: a stored one may be no date at all
    params: list[object] = []
    for column, value in (("council", query.council), ("committee", query.committee)):
        if value:
            where.append(f"lower(m.{column}) like ?")
            params.append(f"%{value.lower()}%")
    rows = db.execute(
        "select a.id, m.council, m.committee, m.date, i.title, a.text, a.context, a.owner, a.due, a.due_date,"
        " a.status, d.path, a.page, a.start_char, a.end_char, a.meeting_id, substr(d.text, 1, 600)"
        " from actions a left join meetings m on m.id = a.meeting_id left join "
        "agenda_items i on i.id = a.item_id"
        " left join documents d on d.id = a.document_id where " + " and ".join(where),
        params,
    ).fetchall()
    history = _history(db)
    dues = _due_history(db)
    evidence = _last_evidence(db, query.as_of)
    as_of = date.fromisoformat(query.as_of)
    out: list[FlagRow] = []
    seen: dict[tuple[str, str], int] = {}  # (meeting, wording) -> index in out
    rows.sort(
        key=lambda r: (is_decision_notice(r[16] or ""), r[11] or "", r[13] or 0)
    )  # printed minutes first
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
        meeting_id,
        _head,
    ) in rows:
        problem = _problem(mdate, due_date)
        if mdate and real_date(mdate) and mdate > query.as_of:
            continue
        changes = history.get(aid)
        state = status_as_of(changes, query.as_of).status if changes else (current or "open")
        if state in CLOSED or (state == "not trackable") != untrackable:
            continue
        due_date = due_as_of(dues.get(aid, []), query.as_of, due_date)
        days = (as_of - date.fromisoformat(mdate)).days if mdate and real_date(mdate) else None
        if (
            days is not None
            and not untrackable
            and not _overdue(days, due_date if real_date(due_date) else None, query)
        ):
            continue
        last = evidence.get(aid)
        row = FlagRow(
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
            problem=problem,
        )
        # same committee, same day, same words: one commitment (its council may be missing on the notice)
        key = (f"{mdate}|{norm_key(committee)}" if mdate else meeting_id or aid, norm_key(text))
        if key in seen:  # one commitment, printed twice: one row, both sources
            first = out[seen[key]]
            out[seen[key]] = replace(first, also_in=(*first.also_in, row.source))
            continue
        seen[key] = len(out)
        out.append(row)
    out.sort(key=lambda r: (r.days_outstanding is None, r.meeting_date or "", r.council or "", r.start_char))
    return out


def _problem(meeting_date: str | None, due_date: str | None) -> str | None:
    if meeting_date and not real_date(meeting_date):
        return f"meeting date {meeting_date!r} is not a real date"
    if due_date and not real_date(due_date):
        return f"due date {due_date!r} is not a real date"
    return None


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


def _due_history(db: sqlite_utils.Database) -> dict[str, list[DueChange]]:
    out: dict[str, list[DueChange]] = defaultdict(list)
    for row in db.execute(
        "select action_id, seq, due_date, due_text, rule, document_id, item_id, "
        "start_char, end_char, quote, at"
        " from action_due_changes order by action_id, seq"
    ):
        out[row[0]].append(DueChange(*row))
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
