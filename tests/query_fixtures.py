"""A small store built from two real seed documents with hand-placed facts.

The query commands, Datasette UI and export are tested against it so they do
not depend on the extractors; offsets are found in the real text, so every
fact's ``text`` equals ``documents.text[start_char:end_char]``.
"""

from __future__ import annotations

import json
from pathlib import Path

import sqlite_utils
from fact_rows import fact_row

from pipeline import store

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SEED0 = CORPUS / "000_7ee41a706ab96347.txt"
SEED1 = CORPUS / "001_af92f7622ef826f5.txt"

ASB_ACTION = (
    "The Community Safety Manager responded that relevant support could be "
    "arranged and was subsequently agreed as an action"
)
CAMERA_ACTION = "It was agreed that contact details would be provided to Members as an action"
RESOLUTION0 = "the progress made by North Worcestershire Community Safety Partnership (NWCSP) be noted"
RESOLUTION1 = "That the progress made by North Worcestershire CSP be noted"


def _fact(
    doc_id: str, meeting_id: str, item_id: str, text: str, needle: str, kind: str, page: int | None = 1
) -> dict:
    return fact_row(kind, doc_id, meeting_id, item_id, text, needle, page=page)


def build(path: str | Path) -> sqlite_utils.Database:
    """Create the fixture store at ``path`` and return it."""
    db = store.connect(path)
    t0, t1 = SEED0.read_text(encoding="utf-8"), SEED1.read_text(encoding="utf-8")
    db["meetings"].insert_all(
        [
            {
                "id": "m0",
                "council": "Bromsgrove District Council",
                "committee": "Overview and Scrutiny Board",
                "date": "2024-07-15",
                "title": "Overview and Scrutiny Board",
            },
            {
                "id": "m1",
                "council": "Redditch Borough Council",
                "committee": "Crime and Disorder Scrutiny Panel",
                "date": "2023-11-20",
                "title": "Crime and Disorder Scrutiny Panel",
            },
        ]
    )
    db["documents"].insert_all(
        [
            {"id": "d0", "path": "corpus/000_7ee41a706ab96347.txt", "format": "text", "meeting_id": "m0",
             "text": t0, "page_map": json.dumps([[0, 1]]), "pages": 1},
            {"id": "d1", "path": "corpus/001_af92f7622ef826f5.txt", "format": "text", "meeting_id": "m1",
             "text": t1, "page_map": json.dumps([[0, 1], [len(t1) // 2, 2]]), "pages": 2},
        ]
    )
    db["agenda_items"].insert_all(
        [
            {"id": "d0-000", "meeting_id": "m0", "document_id": "d0", "ordinal": 0, "number": None,
             "title": "North Worcestershire Community Safety Partnership (Including Anti-Social Behaviour)",
             "text": t0, "start_char": 0, "end_char": len(t0), "page_start": 1, "page_end": 1,
             "themes": json.dumps(["Anti-social behaviour", "Community safety"])},
            {"id": "d1-000", "meeting_id": "m1", "document_id": "d1", "ordinal": 0, "number": "1",
             "title": "Review of the work of North Worcestershire Community Safety Partnership 2022-23",
             "text": t1, "start_char": 0, "end_char": len(t1), "page_start": 1, "page_end": 2,
             "themes": json.dumps(["CCTV", "Community safety"])},
        ]
    )
    asb = _fact("d0", "m0", "d0-000", t0, ASB_ACTION, "action")
    camera = _fact("d0", "m0", "d0-000", t0, CAMERA_ACTION, "action")
    db["actions"].insert_all(
        [
            {**asb, "owner": "The Community Safety Manager", "context": ASB_ACTION, "from_resolution": 0,
             "themes": json.dumps(["Anti-social behaviour"]), "status": "open"},
            {**camera, "owner": None, "context": CAMERA_ACTION, "from_resolution": 0,
             "themes": json.dumps(["CCTV"]), "status": "done"},
        ]
    )
    db["resolutions"].insert_all(
        [
            {**_fact("d0", "m0", "d0-000", t0, RESOLUTION0, "resolution"), "cue": "RESOLVED", "part": None,
             "is_noting": 1, "themes": json.dumps(["Community safety"])},
            {**_fact("d1", "m1", "d1-000", t1, RESOLUTION1, "resolution", page=2), "cue": None, "part": "4.1",
             "is_noting": 1, "themes": json.dumps(["Community safety"])},
        ]
    )
    db["amounts"].insert_all(
        [
            {**_fact("d0", "m0", "d0-000", t0, "£50k", "amount"), "raw": "£50k", "value_gbp": 50000.0},
            {
                **_fact("d1", "m1", "d1-000", t1, "£195,000", "amount"),
                "raw": "£195,000",
                "value_gbp": 195000.0,
                "kind": "capital",
                "purpose": "CCTV Capital Fund",
            },
            {
                **_fact("d1", "m1", "d1-000", t1, "£130k", "amount"),
                "raw": "£130k",
                "value_gbp": 130000.0,
                "kind": "capital",
                "purpose": "CCTV",
            },
        ]
    )
    cctv = store.short_hash("scheme", "pcc cctv capital fund")
    db["schemes"].insert(
        {"id": cctv, "name": "PCC's CCTV Capital Fund", "aliases": json.dumps(["PCC's CCTV Capital Fund"])}
    )
    db["scheme_mentions"].insert(
        {**_fact("d1", "m1", "d1-000", t1, "PCC's CCTV Capital Fund", "scheme"), "scheme_id": cctv,
         "name": "PCC's CCTV Capital Fund", "score": 100.0}
    )
    return db
