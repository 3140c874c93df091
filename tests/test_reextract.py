"""`minutes reextract`: extraction re-run from stored text gives the facts a
fresh ingest gives, swaps them atomically and keeps ids and overrides."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEED_TEXTS

import pipeline.run.reextract as rx
from pipeline import store
from pipeline.cli.commands.reextract import reextract_cmd
from pipeline.config import load_config
from pipeline.extract import extract
from pipeline.records import (
    Action,
    Block,
    BlockSpan,
    CleanDocument,
    Extraction,
    Fact,
    LoadedDocument,
    MeetingMeta,
    ProcessedDocument,
)
from pipeline.run import ingest
from pipeline.run.process import process_file
from pipeline.run.reextract import blocks_from_page_map, rebuild, reextract
from pipeline.store import write as store_write  # where save_document looks save_facts up

SEEDS = SEED_TEXTS
FACTS = store.FACT_TABLES


@pytest.fixture
def db(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    database = store.connect(tmp_path / "m.db")
    assert ingest([folder], db=database, workers=1).new == len(SEEDS)
    return database


def rows(db, table):
    return [tuple(r) for r in db.execute(f"select * from [{table}] order by id").fetchall()]


def test_page_map_blocks_cover_text_with_pages():
    text = "front matter page one text page two text"
    spans = blocks_from_page_map(text, [[6, 1], [27, 2]])
    assert [(s.start, s.end, s.block.page) for s in spans] == [(0, 6, None), (6, 27, 1), (27, len(text), 2)]
    assert all(text[s.start:s.end] == s.block.text for s in spans)


def test_empty_page_map_is_one_block_without_page():
    spans = blocks_from_page_map("abc", [])
    assert [(s.start, s.end, s.block.page) for s in spans] == [(0, 3, None)]


def test_rebuilt_document_extracts_the_same_facts_as_ingest(db):
    config = load_config()
    for path, doc_id in db.execute("select path, id from documents").fetchall():
        fresh = process_file(path)
        clean, items = rebuild(db, doc_id)
        assert clean.text == fresh.clean.text
        assert items == fresh.items
        assert clean.source.meta.date == fresh.clean.source.meta.date
        assert extract(clean, items, config=config) == fresh.extraction


def test_rebuilt_pages_match_original_pages(tmp_path):
    """A paged document round-trips through page_map: every fact keeps its page."""
    pages = [
        "Minutes of the Cabinet.\n1. Apologies none.",
        "2. Budget. RESOLVED that £2m be approved.",
        "3. Close.",
    ]
    blocks, spans, pos, parts = [], [], 0, []
    for n, body in enumerate(pages, start=1):
        if parts:
            parts.append("\n\n")
            pos += 2
        block = Block(body, page=n)
        blocks.append(block)
        spans.append(BlockSpan(pos, pos + len(body), block))
        parts.append(body)
        pos += len(body)
    text = "".join(parts)
    source = LoadedDocument("f" * 64, "paged.pdf", "pdf", tuple(blocks), MeetingMeta(council="Kent"), pages=3)
    clean = CleanDocument(source, text, tuple(spans))
    database = store.connect(tmp_path / "p.db")
    store.save_document(database, ProcessedDocument(clean, (), Extraction()))
    rebuilt, _ = rebuild(database, source.doc_id)
    assert rebuilt.text == text
    for offset in range(len(text)):
        assert rebuilt.page_at(offset) == clean.page_at(offset), offset
    assert rebuilt.source.meta.council == "Kent" and rebuilt.source.pages == 3


def test_reextract_restores_facts_and_keeps_documents_and_items(db):
    docs, items = rows(db, "documents"), rows(db, "agenda_items")
    facts = {t: rows(db, t) for t in FACTS}
    assert sum(len(v) for v in facts.values()) > 0, "the seeds should yield some facts"
    doc_id, meeting_id = db.execute("select id, meeting_id from documents limit 1").fetchone()
    with store.transaction(db):
        db["amounts"].delete_where()  # stale rules lost some facts ...
        db["amounts"].insert(
            {
                "id": "bogus",
                "document_id": doc_id,
                "meeting_id": meeting_id,
                "text": "x",
                "start_char": 0,
                "end_char": 1,
                "raw": "£1",
                "value_gbp": 1.0,
            }
        )  # ... and invented one

    summary = reextract(db, config=load_config())

    assert (summary.documents, summary.failed) == (len(SEEDS), 0)
    assert {t: rows(db, t) for t in FACTS} == facts
    assert rows(db, "documents") == docs
    assert rows(db, "agenda_items") == items


def test_action_status_override_survives(db, monkeypatch):
    doc_id = db.execute("select id from documents order by id limit 1").fetchone()[0]
    clean, _items = rebuild(db, doc_id)
    start = clean.text.index(" ") + 1
    fact = Fact("action", start, start + 10, clean.text[start:start + 10], None, None)
    action = Action(fact, owner="Director", due=None, due_date=None, context=fact.text,
                    context_start=start, context_end=start + 10)
    monkeypatch.setattr(
        rx,
        "extract",
        lambda c, i, config: Extraction(actions=(action,)) if c.source.doc_id == doc_id else Extraction(),
    )
    reextract(db, config=load_config(), doc_ids=[doc_id])
    action_id = store.action_id(doc_id, fact.text)
    assert db.execute("select status from actions where id = ?", [action_id]).fetchone() == ("open",)
    db.execute("update actions set status = 'done' where id = ?", [action_id])
    reextract(db, config=load_config(), doc_ids=[doc_id])
    assert db.execute("select status from actions where id = ?", [action_id]).fetchone() == ("done",)


def test_failure_mid_document_keeps_old_facts(db, monkeypatch):
    before = {t: rows(db, t) for t in FACTS}

    def broken(*args, **kwargs):
        raise RuntimeError("rule crashed")

    monkeypatch.setattr(store_write, "save_facts", broken)
    summary = reextract(db, config=load_config())
    assert summary.failed == len(SEEDS) and summary.documents == 0
    assert "rule crashed" in summary.failures[0][1]
    assert {t: rows(db, t) for t in FACTS} == before


def test_cli_reextract_json(db, tmp_path):
    path = db.execute("pragma database_list").fetchone()[2]
    result = CliRunner().invoke(reextract_cmd, ["--db", path, "--json", "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["documents"] == len(SEEDS) and out["failed"] == 0
    assert out["facts"] == sum(db[t].count for t in FACTS)


def test_cli_unknown_document_exit_1(db):
    path = db.execute("pragma database_list").fetchone()[2]
    result = CliRunner().invoke(reextract_cmd, ["--db", path, "--document", "nope", "-q", "--json"])
    assert result.exit_code == 1
    assert json.loads(result.output)["failures"][0]["document_id"] == "nope"
