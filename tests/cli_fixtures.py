"""An invented store for the CLI tests (search over facts, tables, tracker,
problems, themes): two meetings of one panel, hand-placed facts whose text
is sliced from invented minutes, follow-through evidence, an officer's
override and two failed files. Nothing here comes from a real document.
"""

from __future__ import annotations

import json
from pathlib import Path

import sqlite_utils
from fact_rows import fact_row, span

from pipeline import store

COUNCIL = "Invented Borough Council"
COMMITTEE = "Safer Streets Scrutiny Panel"

MINUTES_1 = """Agenda item 4

Anti-Social Behaviour in the Town Centre

Minutes:

The Panel received an update on anti-social behaviour near the bus station.
The Community Safety Officer would circulate the new dispersal order map to Members by 30 June 2024.
Officers to report on children's services referrals to the next meeting.
- the Clerk to write to the youth club about covid-19 recovery funding.
=SUM(A1:A9) was quoted from the spreadsheet appended to the report.
RESOLVED that the update on anti-social behaviour be noted.
RESOLVED that children's services be invited to the September meeting.
A covid-19 recovery grant of £25,000 was confirmed for the youth club.
The housing budget of £40,000 was noted.
"""

MINUTES_2 = """Agenda item 2

Matters Arising

Minutes:

The dispersal order map had been circulated to Members on 2 July.
The children's services referral figures were still awaited.
"""

#: Long enough to be cut in a narrow terminal, so tests can see it is not cut when piped.
LONG_ACTION = (
    "The Community Safety Officer would circulate the new dispersal order map to Members by 30 June 2024"
)
DUE_ACTION = "Officers to report on children's services referrals to the next meeting"
FORMULA_ACTION = "=SUM(A1:A9) was quoted from the spreadsheet appended to the report"
DASH_ACTION = "- the Clerk to write to the youth club about covid-19 recovery funding"


def _fact(kind: str, doc_id: str, text: str, needle: str, **extra: object) -> dict:
    return fact_row(kind, doc_id, "m1", "e1-000", text, needle, page=None, **extra)


def action_id(needle: str) -> str:
    start, end = span(MINUTES_1, needle)
    return store.short_hash("action", "e1", start, end)


def build(path: str | Path) -> sqlite_utils.Database:
    db = store.connect(path)
    db["meetings"].insert_all([
        {"id": "m1", "council": COUNCIL, "committee": COMMITTEE, "date": "2024-01-10", "title": COMMITTEE},
        {"id": "m2", "council": COUNCIL, "committee": COMMITTEE, "date": "2024-07-10", "title": COMMITTEE},
    ])
    db["documents"].insert_all([
        {"id": "e1", "path": "minutes/panel-2024-01-10.txt", "format": "text", "meeting_id": "m1",
         "text": MINUTES_1, "ingested_at": "2024-08-01T10:00:00+00:00"},
        {"id": "e2", "path": "minutes/panel-2024-07-10.txt", "format": "text", "meeting_id": "m2",
         "text": MINUTES_2, "ingested_at": "2024-08-01T10:00:00+00:00"},
    ])
    db["agenda_items"].insert_all([
        {"id": "e1-000", "meeting_id": "m1", "document_id": "e1", "ordinal": 0, "number": "4",
         "title": "Anti-Social Behaviour in the Town Centre", "text": MINUTES_1, "start_char": 0,
         "end_char": len(MINUTES_1), "themes": json.dumps(["community safety", "anti-social behaviour"])},
        {"id": "e2-000", "meeting_id": "m2", "document_id": "e2", "ordinal": 0, "number": "2",
         "title": "Matters Arising", "text": MINUTES_2, "start_char": 0, "end_char": len(MINUTES_2),
         "themes": "[]"},
    ])
    asb = ["community safety", "anti-social behaviour"]
    db["actions"].insert_all(
        [
            # done: evidence at the next meeting says so
            _fact(
                "action",
                "e1",
                MINUTES_1,
                LONG_ACTION,
                owner="The Community Safety Officer",
                due="by 30 June 2024",
                due_date="2024-06-30",
                context=LONG_ACTION,
                from_resolution=0,
                themes=json.dumps(asb),
                status="done",
            ),
            # in progress, due at the next meeting (2024-07-10)
            _fact(
                "action",
                "e1",
                MINUTES_1,
                DUE_ACTION,
                owner="Officers",
                due="to the next meeting",
                due_date="2024-07-10",
                context=DUE_ACTION,
                from_resolution=0,
                themes=json.dumps(["children and education"]),
                status="in progress",
            ),
            # open, no due date
            _fact(
                "action",
                "e1",
                MINUTES_1,
                DASH_ACTION,
                owner="the Clerk",
                due=None,
                due_date=None,
                context=DASH_ACTION,
                from_resolution=0,
                themes=json.dumps(["children and education"]),
                status="open",
            ),
            # open, no due date, a formula-looking text and owner
            _fact(
                "action",
                "e1",
                MINUTES_1,
                FORMULA_ACTION,
                owner="@Finance",
                due=None,
                due_date=None,
                context=FORMULA_ACTION,
                from_resolution=0,
                themes="[]",
                status="open",
            ),
        ]
    )
    db["resolutions"].insert_all([
        _fact("resolution", "e1", MINUTES_1, "the update on anti-social behaviour be noted", cue="RESOLVED",
              part=None, is_noting=1, themes=json.dumps(asb)),
        _fact("resolution", "e1", MINUTES_1, "children's services be invited to the September meeting",
              cue="RESOLVED", part=None, is_noting=0, themes=json.dumps(["children and education"])),
    ])
    db["amounts"].insert_all(
        [
            _fact(
                "amount",
                "e1",
                MINUTES_1,
                "£25,000",
                raw="£25,000",
                value_gbp=25000.0,
                purpose="covid-19 recovery grant",
            ),
            _fact(
                "amount",
                "e1",
                MINUTES_1,
                "£40,000",
                raw="£40,000",
                value_gbp=40000.0,
                purpose="housing budget",
            ),
        ]
    )
    done_start, done_end = span(
        MINUTES_2, "The dispersal order map had been circulated to Members on 2 July."
    )
    wait_start, wait_end = span(MINUTES_2, "The children's services referral figures were still awaited.")
    db["link_evidence"].insert_all(
        [
            {
                "id": "ev1",
                "subject_kind": "action",
                "subject_id": action_id(LONG_ACTION),
                "rule": "review_section",
                "status": "done",
                "score": 90.0,
                "meeting_id": "m2",
                "meeting_date": "2024-07-10",
                "evidence_document_id": "e2",
                "evidence_item_id": "e2-000",
                "start_char": done_start,
                "end_char": done_end,
                "quote": MINUTES_2[done_start:done_end],
            },
            {
                "id": "ev2",
                "subject_kind": "action",
                "subject_id": action_id(DUE_ACTION),
                "rule": "review_section",
                "status": "in progress",
                "score": 85.0,
                "meeting_id": "m2",
                "meeting_date": "2024-07-10",
                "evidence_document_id": "e2",
                "evidence_item_id": "e2-000",
                "start_char": wait_start,
                "end_char": wait_end,
                "quote": MINUTES_2[wait_start:wait_end],
            },
        ]
    )
    db["action_overrides"].insert(
        {
            "action_id": action_id(DASH_ACTION),
            "status": "open",
            "note": "Letter drafted, awaiting sign-off",
            "at": "2024-07-20T09:00:00+00:00",
        }
    )
    db["problems"].insert_all(
        [
            # failed once, then stored: not outstanding
            {
                "path": "minutes/panel-2024-01-10.txt",
                "stage": "load",
                "message": "file was empty",
                "at": "2024-07-01T10:00:00+00:00",
            },
            {
                "path": "incoming/agenda-only.html",
                "stage": "load",
                "message": "not minutes: an agenda with no minutes",
                "at": "2024-07-02T10:00:00+00:00",
            },
            {
                "path": "incoming/locked.pdf",
                "stage": "load",
                "message": "encrypted PDF: cannot read the text",
                "at": "2024-07-03T10:00:00+00:00",
            },
            {
                "path": "incoming/locked.pdf",
                "stage": "load",
                "message": "encrypted PDF: cannot read the text",
                "at": "2024-07-04T10:00:00+00:00",
            },
        ]
    )
    return db
