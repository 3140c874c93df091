"""One action with its meeting, context, evidence, status history and every
due date it was given (with the document and item that set it): what
`minutes action ID` shows."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils


@dataclass(frozen=True)
class ActionDetail:
    action: dict[str, object]
    changes: list[dict[str, object]]
    evidence: list[dict[str, object]]
    overrides: list[dict[str, object]]
    due_changes: list[dict[str, object]]


def _rows(db: sqlite_utils.Database, sql: str, params: list[object]) -> list[dict[str, object]]:
    cur = db.execute(sql, params)
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def action_detail(db: sqlite_utils.Database, action_id: str) -> ActionDetail:
    (action,) = _rows(
        db,
        "select a.id, a.status, a.text, a.owner, a.due, a.due_date, a.context, "
        "a.page, a.start_char, a.end_char,"
        " m.council, m.committee, m.date as meeting_date, i.title as item_title, d.path as document"
        " from actions a left join meetings m on m.id = a.meeting_id left join "
        "agenda_items i on i.id = a.item_id"
        " left join documents d on d.id = a.document_id where a.id = ?",
        [action_id],
    )
    changes = _rows(
        db,
        "select c.seq, c.status, c.rule, c.at, c.score, c.quote, d.path as document, c.start_char, c.end_char"
        " from action_status_changes c left join documents d on d.id = c.evidence_document_id"
        " where c.action_id = ? order by c.seq",
        [action_id],
    )
    evidence = _rows(
        db,
        "select e.meeting_date, e.rule, e.status, e.score, e.quote, d.path as "
        "document, e.start_char, e.end_char"
        " from link_evidence e left join documents d on d.id = e.evidence_document_id"
        " where e.subject_id = ? order by e.meeting_date, e.start_char",
        [action_id],
    )
    overrides = _rows(
        db, "select status, note, at from action_overrides where action_id = ? order by id", [action_id]
    )
    due_changes = _rows(
        db,
        "select c.seq, c.due_date, c.due_text, c.rule, c.at, c.quote, d.path as "
        "document, i.title as item_title,"
        " c.start_char, c.end_char from action_due_changes c left join documents d on d.id = c.document_id"
        " left join agenda_items i on i.id = c.item_id where c.action_id = ? order by c.seq",
        [action_id],
    )
    return ActionDetail(action, changes, evidence, overrides, due_changes)
