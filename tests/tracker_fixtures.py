"""The query fixture (two seed documents) grown into a small tracker: five
meetings of two committees at known ages, an action closed by evidence in a
later meeting, money linked to two schemes and a file that failed.

Meeting dates are set relative to today, so each outstanding action falls in a
known age band whatever day the tests run. Every fact is still a span of its
seed document (``text == documents.text[start_char:end_char]``).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import query_fixtures as fx
import sqlite_utils
from fact_rows import span

from pipeline import store

SEED2 = fx.CORPUS / "002_8ea32eccb86cc6f3.txt"
SEED3 = fx.CORPUS / "003_d45f0a9f36c25ba5.txt"
SEED4 = fx.CORPUS / "004_24f810791b9eb09d.txt"

BROMSGROVE = ("Bromsgrove District Council", "Overview and Scrutiny Board")
REDDITCH = ("Redditch Borough Council", "Crime and Disorder Scrutiny Panel")

#: meeting id -> days before today. m0 and m1 come from query_fixtures.
AGES_DAYS = {"m0": 60, "m1": 240, "m2": 425, "m3": 122, "m4": 30}

PACKS_ACTION = "Nominated Neighbour Scheme information packs be circulated for the consideration of Members"
PLAN_ACTION = "a new community safety action plan would be developed for 2024-27"
UPDATE_ACTION = "Members would be updated in due course"
AGREED_PLAN_ACTION = (
    "a new community safety action plan for North Worcestershire will be developed and agreed for 2024-27"
)
MINUTES_DECISION = (
    "the minutes of the meeting of the Crime and Disorder Scrutiny Panel held on Wednesday 2nd November 2022 "
    "be approved as a true and correct record and signed by the Chair"
)
#: The later sentence that closes fx.CAMERA_ACTION ("contact details would be provided to Members").
CLOSING_QUOTE = (
    "Details were also provided to Members on the reporting mechanisms for "
    "raising a county lines activity concern"
)
FAILED_PATH = "incoming/agenda-only.html"
FAILED_MESSAGE = "not minutes: the HTML page has no minutes, decisions or agenda items"


def day(meeting_id: str) -> str:
    today = datetime.now(timezone.utc).date()
    return (today - timedelta(days=AGES_DAYS[meeting_id])).isoformat()


def quarter(iso: str) -> str:
    """2026-07-27 -> 2026 Q3, as the tracker's chart labels quarters."""
    return f"{iso[:4]} Q{(int(iso[5:7]) + 2) // 3}"


def _document(db: sqlite_utils.Database, doc_id: str, meeting_id: str, seed: Path, item_title: str) -> str:
    text = seed.read_text(encoding="utf-8")
    db["documents"].insert(
        {
            "id": doc_id,
            "path": f"corpus/{seed.name}",
            "format": "text",
            "meeting_id": meeting_id,
            "text": text,
            "page_map": json.dumps([[0, 1]]),
            "pages": 1,
            "ingested_at": store.now(),
        }
    )
    db["agenda_items"].insert(
        {
            "id": f"{doc_id}-000",
            "meeting_id": meeting_id,
            "document_id": doc_id,
            "ordinal": 0,
            "number": "4",
            "title": item_title,
            "text": text,
            "start_char": 0,
            "end_char": len(text),
            "page_start": 1,
            "page_end": 1,
            "themes": json.dumps(["Community safety"]),
        }
    )
    return text


def _fact(text: str, doc_id: str, meeting_id: str, needle: str, kind: str) -> dict:
    return fx._fact(doc_id, meeting_id, f"{doc_id}-000", text, needle, kind)


def _action(fact: dict, *, status: str = "open", owner: str | None = None) -> dict:
    return {**fact, "owner": owner, "context": fact["text"], "from_resolution": 0,
            "themes": json.dumps(["Community safety"]), "status": status}


def build(path: str | Path) -> sqlite_utils.Database:
    """Create the tracker fixture store at ``path`` and return it."""
    db = fx.build(path)
    for mid in ("m0", "m1"):
        db.execute("update meetings set date = ? where id = ?", [day(mid), mid])
    db["meetings"].insert_all(
        [
            {
                "id": "m2",
                "council": REDDITCH[0],
                "committee": REDDITCH[1],
                "date": day("m2"),
                "title": REDDITCH[1],
            },
            {
                "id": "m3",
                "council": BROMSGROVE[0],
                "committee": BROMSGROVE[1],
                "date": day("m3"),
                "title": BROMSGROVE[1],
            },
            {
                "id": "m4",
                "council": REDDITCH[0],
                "committee": REDDITCH[1],
                "date": day("m4"),
                "title": REDDITCH[1],
            },
        ]
    )
    t2 = _document(db, "d2", "m2", SEED2, "Community Safety Partnership Update")
    t3 = _document(db, "d3", "m3", SEED3, "Scrutiny of the Community Safety Partnership")
    t4 = _document(db, "d4", "m4", SEED4, "North Worcestershire Community Safety Partnership")

    t1 = fx.SEED1.read_text(encoding="utf-8")
    db["actions"].insert_all([
        _action(fx._fact("d1", "m1", "d1-000", t1, AGREED_PLAN_ACTION, "action")),
        _action(_fact(t2, "d2", "m2", PACKS_ACTION, "action")),
        _action(_fact(t3, "d3", "m3", UPDATE_ACTION, "action")),
        _action(_fact(t4, "d4", "m4", PLAN_ACTION, "action"), owner="The Community Safety Manager"),
    ])
    db["resolutions"].insert_all(
        [
            {
                **_fact(t2, "d2", "m2", PACKS_ACTION, "resolution"),
                "cue": "RESOLVED",
                "part": "1",
                "is_noting": 0,
                "themes": json.dumps(["Community safety"]),
            },
            {
                **_fact(t4, "d4", "m4", MINUTES_DECISION, "resolution"),
                "cue": "RESOLVED",
                "part": None,
                "is_noting": 0,
                "themes": json.dumps([]),
            },
        ]
    )
    db["amounts"].insert_all([
        {**_fact(t3, "d3", "m3", "£40k", "amount"), "raw": "£40k", "value_gbp": 40000.0, "kind": "capital"},
        {**_fact(t4, "d4", "m4", "£139,250", "amount"), "raw": "£139,250", "value_gbp": 139250.0,
         "period": "annual"},
        # in the sentence naming the fund (seed 001's £195,000 is in the sentence after its name)
        {**fx._fact("d1", "m1", "d1-000", t1, "£20,000", "amount"), "raw": "£20,000", "value_gbp": 20000.0,
         "kind": "capital"},
    ])
    neighbour = store.short_hash("scheme", "nominated neighbour scheme")
    cctv = store.short_hash("scheme", "pcc cctv capital fund")
    db["schemes"].insert(
        {
            "id": neighbour,
            "name": "Nominated Neighbour Scheme",
            "aliases": json.dumps(["Nominated Neighbour Scheme", "Nominate a Neighbour Scheme"]),
        }
    )
    db["scheme_mentions"].insert_all(
        [
            {
                **_fact(t2, "d2", "m2", "Nominated Neighbour Scheme", "scheme"),
                "scheme_id": neighbour,
                "name": "Nominated Neighbour Scheme",
                "score": 100.0,
            },
            {
                **_fact(t3, "d3", "m3", "Nominate a Neighbour Scheme", "scheme"),
                "scheme_id": neighbour,
                "name": "Nominate a Neighbour Scheme",
                "score": 96.0,
            },
            {
                **_fact(t4, "d4", "m4", "CCTV scheme", "scheme"),
                "scheme_id": cctv,
                "name": "CCTV scheme",
                "score": 90.0,
            },
            {
                **fx._fact("d1", "m1", "d1-000", t1, "CCTV capital fund", "scheme"),
                "scheme_id": cctv,
                "name": "CCTV capital fund",
                "score": 95.0,
            },
        ]
    )
    _follow_through(db, t4)
    db["problems"].insert(
        {"path": FAILED_PATH, "stage": "load", "message": FAILED_MESSAGE, "at": store.now()}
    )
    return db


def camera_action_id(db: sqlite_utils.Database) -> str:
    return str(db.execute("select id from actions where text = ?", [fx.CAMERA_ACTION]).fetchone()[0])


def _follow_through(db: sqlite_utils.Database, t4: str) -> None:
    """What the link stage writes: every action opened at its meeting, and the
    camera action done on evidence found at meeting m4."""
    start, end = span(t4, CLOSING_QUOTE)
    camera = camera_action_id(db)
    db["link_evidence"].insert({
        "id": "ev-camera", "subject_kind": "action", "subject_id": camera, "rule": "text_similarity",
        "status": "done", "score": 86.0, "meeting_id": "m4", "meeting_date": day("m4"),
        "evidence_document_id": "d4", "evidence_item_id": "d4-000", "start_char": start, "end_char": end,
        "quote": t4[start:end],
    })
    dates = dict(db.execute("select id, date from meetings").fetchall())
    for aid, doc, s, e, text, mid in db.execute(
        "select id, document_id, start_char, end_char, text, meeting_id from actions"
    ).fetchall():
        db["action_status_changes"].insert({"id": f"{aid}-0", "action_id": aid, "seq": 0, "status": "open",
                                            "rule": "extracted", "evidence_document_id": doc, "start_char": s,
                                            "end_char": e, "quote": text, "at": dates[mid]})
    db["action_status_changes"].insert({"id": f"{camera}-1", "action_id": camera, "seq": 1, "status": "done",
                                        "rule": "text_similarity", "evidence_document_id": "d4",
                                        "start_char": start, "end_char": end, "quote": t4[start:end],
                                        "score": 86.0, "at": day("m4")})
