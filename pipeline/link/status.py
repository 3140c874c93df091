"""Status lifecycle: open -> in progress -> done, or superseded / dropped;
"not trackable" for a commitment too vague to check ("would look into it").

Status is recomputed from scratch on every link run (evidence in meeting-date
order, then the officer's latest override), so re-ingesting a document never
loses an override: action ids are derived from document and wording.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .evidence import Evidence
from .text import STATUSES


@dataclass(frozen=True)
class Change:
    action_id: str
    seq: int
    status: str
    rule: str
    evidence_document_id: str | None
    start_char: int | None
    end_char: int | None
    quote: str
    score: float | None
    at: str | None  # meeting date of the evidence, or the override's timestamp


@dataclass(frozen=True)
class Override:
    action_id: str
    status: str
    note: str
    at: str


@dataclass(frozen=True)
class ActionOrigin:
    id: str
    document_id: str
    start_char: int
    end_char: int
    text: str
    meeting_date: str | None
    trackable: bool = True


def next_status(current: str, implied: str | None) -> str:
    """A mention with no verdict moves an open action to "in progress" and
    leaves anything else alone (a vague commitment stays not trackable); a
    verdict always wins."""
    if implied is None:
        return "in progress" if current == "open" else current
    return implied


def timeline(origin: ActionOrigin, evidence: Iterable[Evidence],
             overrides: Sequence[Override] | Override | None) -> list[Change]:
    """Every status the action went through, first "open" (or "not trackable")
    when it was minuted, then each officer's override in the order given (the
    last one is in force)."""
    current = "open" if origin.trackable else "not trackable"
    changes = [
        Change(
            origin.id,
            0,
            current,
            "extracted" if origin.trackable else "untrackable",
            origin.document_id,
            origin.start_char,
            origin.end_char,
            origin.text,
            None,
            origin.meeting_date,
        )
    ]
    for ev in sorted(evidence, key=lambda e: (e.meeting_date or "", e.start_char)):
        if (
            ev.meeting_id
            and ev.meeting_date == origin.meeting_date
            and ev.rule in ("deferred", "report_back_due")
        ):
            continue  # the deferral at its own meeting keeps it open: no change
        new = next_status(current, ev.status)
        if new != current:
            changes.append(
                Change(
                    origin.id,
                    len(changes),
                    new,
                    ev.rule,
                    ev.document_id,
                    ev.start_char,
                    ev.end_char,
                    ev.quote,
                    ev.score,
                    ev.meeting_date,
                )
            )
            current = new
    for override in [overrides] if isinstance(overrides, Override) else overrides or ():
        changes.append(Change(origin.id, len(changes), override.status, "override", None, None, None,
                              override.note, None, override.at))
    return changes


def validate_status(status: str) -> str:
    s = " ".join(status.lower().replace("_", " ").replace("-", " ").split())
    if s not in STATUSES:
        raise ValueError(f"unknown status {status!r}: choose one of {', '.join(STATUSES)}")
    return s


def status_as_of(changes: list[Change], as_of: str | None) -> Change:
    """The change in force on ``as_of`` (ISO date); the latest when None. An
    officer's override wins whatever the date: it says what is true, not when."""
    if changes[-1].rule == "override":
        return changes[-1]
    chosen = changes[0]
    for ch in changes:
        if as_of is None or ch.at is None or ch.at[:10] <= as_of:
            chosen = ch
    return chosen
