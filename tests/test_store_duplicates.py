"""The same minutes published twice (a text export and a PDF) are stored once."""

import sqlite3
from pathlib import Path

from pipeline import store
from pipeline.run import ingest

ROOT = Path(__file__).resolve().parents[1]
SEED_TXT = ROOT / "corpus" / "002_8ea32eccb86cc6f3.txt"
SEED_PDF = ROOT / "corpus" / "002_8ea32eccb86cc6f3.pdf"


def test_pdf_of_a_stored_text_export_adds_no_facts(tmp_path):
    db = store.connect(tmp_path / "m.db")
    ingest([SEED_TXT], db=db, workers=1)
    before = {t: db[t].count for t in ("agenda_items", "resolutions", "actions", "scheme_mentions")}
    assert before["resolutions"] > 0
    summary = ingest([SEED_PDF], db=db, workers=1)
    assert summary.new == 1 and summary.failed == 0
    after = {t: db[t].count for t in before}
    assert after == before
    rows = {r["format"]: r for r in db["documents"].rows}
    assert rows["pdf"]["duplicate_of"] == rows["text"]["id"]
    assert rows["pdf"]["meeting_id"] == rows["text"]["meeting_id"]


def test_a_different_document_is_not_a_duplicate(tmp_path):
    db = store.connect(tmp_path / "m.db")
    ingest([SEED_TXT, ROOT / "corpus" / "003_d45f0a9f36c25ba5.txt"], db=db, workers=1)
    assert [r["duplicate_of"] for r in db["documents"].rows] == [None, None]


def test_old_store_gains_new_columns(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("create table documents (id text primary key, path text, text text)")
    conn.commit()
    conn.close()
    db = store.connect(path)
    assert {"fingerprint", "duplicate_of", "page_map"} <= set(db["documents"].columns_dict)


def test_scheme_is_named_by_its_most_used_spelling(tmp_path):
    db = store.connect(tmp_path / "m.db")
    ingest(sorted((ROOT / "corpus").glob("00[0-4]_*.txt")), db=db, workers=1)
    names = [r[0] for r in db.execute("select name from schemes where lower(name) like '%neighbour%'")]
    assert names == ["Nominated Neighbour Scheme"]


def test_the_text_holds_the_facts_whichever_twin_is_stored_first(tmp_path):
    """Several workers store results as they finish: a PDF stored before its
    text export gives the facts up to the text, which reads better."""
    from pipeline.config import load_config
    from pipeline.link import link
    from pipeline.link.overrides import set_override

    text_first = store.connect(tmp_path / "a.db")
    ingest([SEED_TXT], db=text_first, workers=1)
    ingest([SEED_PDF], db=text_first, workers=1)
    pdf_first = store.connect(tmp_path / "b.db")
    ingest([SEED_PDF], db=pdf_first, workers=1)
    aid, words = pdf_first.execute("select id, text from actions order by start_char limit 1").fetchone()
    set_override(pdf_first, aid, status="done", note="Done before the text export arrived")
    link(pdf_first, config=load_config().link)

    summary = ingest([SEED_TXT], db=pdf_first, workers=1)

    assert summary.new == 1 and summary.failed == 0
    for db in (text_first, pdf_first):
        rows = {r["format"]: r for r in db["documents"].rows}
        assert rows["pdf"]["duplicate_of"] == rows["text"]["id"]
        assert rows["pdf"]["meeting_id"] == rows["text"]["meeting_id"]
    for table in ("agenda_items", "resolutions", "actions", "amounts", "scheme_mentions"):
        a = sorted(r[0] for r in text_first.execute(f"select text from [{table}]"))
        b = sorted(r[0] for r in pdf_first.execute(f"select text from [{table}]"))
        assert a == b, table
    # The two formats split the agenda differently, but only one action has these
    # words: it keeps its id, and the officer's override follows it to the text.
    assert pdf_first.execute("select id, status from actions where text = ?", [words]).fetchone() == (
        aid,
        "done",
    )
    assert summary.warnings == []
