"""`minutes consistency`: magnitudes across documents, counts inside one."""

from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import seed_path
from test_link_support import Minutes, add

from pipeline import store
from pipeline.cli import main
from pipeline.reports.consistency import count_issues_in, figure_issues, significant_digits


def test_significant_digits():
    assert significant_digits("£139,250k") == significant_digits("£139,250") == "13925"
    assert significant_digits("£28,724.22") == "2872422"


def test_seed_001_states_11_cpws_then_lists_8_and_7():
    text = seed_path("001").read_text(encoding="utf-8")
    (issue,) = count_issues_in("d1", "001", text)
    assert issue.stated == 11 and [p[0] for p in issue.parts] == [8, 7] and issue.total_of_parts == 15
    assert "CPW" in issue.noun
    assert text[issue.stated_at[0] : issue.stated_at[1]].startswith("11 Community Protection Warnings")


def test_seed_004_adds_up():
    assert count_issues_in("d4", "004", seed_path("004").read_text(encoding="utf-8")) == []


def test_lists_without_a_stated_total_are_not_flagged():
    text = (
        "Requests:\n19 requests from Residents\n13 requests from Elected "
        "Members\n24 requests from Partner Agencies\n"
    )
    assert count_issues_in("d", "x", text) == []
    text = "In total 10 visits (HSVs) were made.\n4 HSVs in Batchley.\n6 HSVs in Winyates.\n"
    assert count_issues_in("d", "x", text) == []


def _amount(db, doc_needle, raw, value, suspect=None):
    doc_id, meeting_id, text = db.execute(
        "select d.id, d.meeting_id, d.text from documents d where d.text like ?", [f"%{doc_needle}%"]
    ).fetchone()
    s = text.index(raw)
    db["amounts"].insert(
        {
            "id": store.short_hash(doc_id, raw),
            "document_id": doc_id,
            "meeting_id": meeting_id,
            "start_char": s,
            "end_char": s + len(raw),
            "text": raw,
            "raw": raw,
            "value_gbp": value,
            "suspect": suspect,
        }
    )


def test_same_digits_different_magnitude_across_documents(tmp_path):
    db = store.connect(tmp_path / "c.db")
    add(
        db,
        Minutes(
            "Redditch",
            "C&D",
            "2023-11-01",
            [("NWCSP", "an annual ring-fenced amount from the PCC of £139,250.")],
        ),
    )
    add(
        db,
        Minutes(
            "Bromsgrove",
            "O&S",
            "2024-07-01",
            [("NWCSP", "an annual ring-fenced amount from thePCC of£139,250k to")],
        ),
    )
    _amount(db, "PCC of £139,250.", "£139,250", 139250.0)
    _amount(db, "£139,250k", "£139,250k", 139250000.0, suspect="k after thousands separators")
    issues = figure_issues(db)
    kinds = sorted(i.kind for i in issues)
    assert kinds == ["magnitude", "suspect"]
    mag = next(i for i in issues if i.kind == "magnitude")
    assert {a.meeting_date for a in mag.amounts} == {"2023-11-01", "2024-07-01"}
    res = CliRunner().invoke(main, ["consistency", "--db", str(tmp_path / "c.db"), "--json"])
    assert res.exit_code == 3 and len(json.loads(res.output)["figures"]) == 2


def test_nothing_to_report_exits_0(tmp_path):
    store.connect(tmp_path / "e.db").conn.close()  # an empty store (a missing one is exit 2)
    res = CliRunner().invoke(main, ["consistency", "--db", str(tmp_path / "e.db")])
    assert res.exit_code == 0 and res.output.startswith("0 figure")
