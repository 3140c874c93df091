"""A worker sends back only what the store needs (pipeline/run/slim.py): the
slimmed document stores exactly what the full one stores, table by table, for
a text document and a PDF with pages, and through a real 2-worker ingest."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from conftest import SEED_DIR, SEED_TEXTS

from pipeline import store
from pipeline.run.process import Failure, process_file
from pipeline.run.slim import for_store

SEED_PDF = next(SEED_DIR.glob("*.pdf"))


def _tables(db) -> dict[str, list[tuple]]:
    names = [
        r[0]
        for r in db.execute("select name from sqlite_master where type = 'table' and name not like '%fts%'")
    ]
    skip = {"ingested_at"}  # a timestamp
    out = {}
    for name in names:
        cols = [r[1] for r in db.execute(f"pragma table_info([{name}])") if r[1] not in skip]
        if cols:
            out[name] = sorted(
                db.execute(f"select {', '.join(f'[{c}]' for c in cols)} from [{name}]").fetchall(), key=repr
            )
    return out


@pytest.mark.parametrize("path", [SEED_TEXTS[1], SEED_PDF], ids=["text", "pdf"])
def test_the_slim_document_stores_what_the_full_one_stores(path: Path, tmp_path: Path) -> None:
    full = process_file(str(path))
    assert not isinstance(full, Failure)
    slim = for_store(full)
    assert (
        slim.clean.text == full.clean.text and slim.items == full.items and slim.extraction == full.extraction
    )
    assert slim.clean.source.blocks == () and len(slim.clean.blocks) < len(full.clean.blocks)
    assert len(pickle.dumps(slim)) < len(pickle.dumps(full))
    a, b = store.connect(tmp_path / "full.db"), store.connect(tmp_path / "slim.db")
    store.save_document(a, full)
    store.save_document(b, slim)
    assert store.page_map(slim) == store.page_map(full)
    assert _tables(a) == _tables(b)


def test_a_failure_comes_back_as_it_is() -> None:
    failure = Failure("x.pdf", "load", "not a PDF")
    assert for_store(failure) is failure
