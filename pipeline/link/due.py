"""Due-date history: every deadline an action was given, with its source.

A deadline that quietly moves ("the report would now be presented in June
2025", "deferred to the September meeting") is the thing a scrutiny officer
most needs to see. The first entry is the deadline minuted with the action
(its own words, or "the next meeting" once that meeting is stored); each
later entry comes from an evidence sentence that names a new date or meeting,
and keeps that sentence's document, item and offsets.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .blocking import StoreIndex
from .cues import Reschedule, find_reschedule
from .evidence import Evidence
from .subjects import Subject


@dataclass(frozen=True)
class DueChange:
    action_id: str
    seq: int
    due_date: str | None
    due_text: str
    rule: str  # "minuted" | "rescheduled"
    document_id: str | None
    item_id: str | None
    start_char: int | None
    end_char: int | None
    quote: str
    at: str | None  # date of the meeting that set it


def due_history(action: Subject, resolved: str | None, evidence: Iterable[Evidence],
                index: StoreIndex) -> list[DueChange]:
    """The action's deadlines in the order they were set (empty: never given one)."""
    own = index.meetings.get(action.meeting_id)
    out: list[DueChange] = []
    first = action.due_date or resolved
    if first or action.due:
        out.append(DueChange(action.id, 0, first, action.due or first or "", "minuted", action.document_id,
                             action.item_id, action.start_char, action.end_char, action.text,
                             own.date if own else None))
    current = first
    for ev in sorted(evidence, key=lambda e: (e.meeting_date or "", e.start_char)):
        if ev.meeting_id == action.meeting_id or ev.meeting_date is None:
            continue
        found = find_reschedule(ev.quote)
        if found is None:
            continue
        when = _resolve(found, ev, index)
        if when is not None and when == current:
            continue
        quote_start = ev.start_char
        out.append(
            DueChange(
                action.id,
                len(out),
                when,
                found.due_text,
                "rescheduled",
                ev.document_id,
                ev.item_id,
                quote_start,
                ev.end_char,
                ev.quote,
                ev.meeting_date,
            )
        )
        current = when
    return out


def _resolve(found: Reschedule, ev: Evidence, index: StoreIndex) -> str | None:
    """A named date as is; "the next meeting" and "the September meeting" as the
    stored meeting of the block they name (None until it is stored)."""
    if found.due_date:
        return found.due_date
    later = index.later_meetings(ev.meeting_id)
    dates = [index.meetings[m].date for m in later if index.meetings[m].date]
    if found.next_meeting:
        return dates[0] if dates else None
    if found.month is not None:
        return next((d for d in dates if d and int(d[5:7]) == found.month), None)
    return None


def due_as_of(history: list[DueChange], as_of: str | None, fallback: str | None) -> str | None:
    """The deadline in force on ``as_of``: the latest set on or before it."""
    chosen = fallback
    for ch in history:
        if as_of is None or ch.at is None or ch.at[:10] <= as_of:
            chosen = ch.due_date or chosen
    return chosen
