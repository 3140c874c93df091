"""Incremental ingest: unchanged files are recognised without parsing, first by
path+size+mtime, then (touched or copied) by the hash of their bytes."""

import os
import shutil
from pathlib import Path

import pytest
from conftest import SEED_TEXTS

import pipeline.run as run_mod
import pipeline.run.known as run_known
from pipeline import store
from pipeline.run import ingest

SEEDS = SEED_TEXTS


@pytest.fixture
def folder(seed_folder: Path) -> Path:
    return seed_folder


@pytest.fixture
def counted(monkeypatch):
    """Count parses (process_file calls) and hashes done by the runner."""
    calls = {"parse": [], "hash": 0}
    real_process, real_hash = run_mod.process_file, run_known.sha256_bytes

    def process(path, *rest):
        calls["parse"].append(Path(path).name)
        return real_process(path, *rest)

    def sha(data):
        calls["hash"] += 1
        return real_hash(data)

    monkeypatch.setattr(run_mod, "process_file", process)
    monkeypatch.setattr(run_known, "sha256_bytes", sha)  # where the runner hashes
    return calls


def _rows(db, table):
    return [tuple(r) for r in db.execute(f"select * from [{table}] order by 1").fetchall()]


def test_second_ingest_parses_nothing(folder, tmp_path, counted):
    db = store.connect(tmp_path / "m.db")
    first = ingest([folder], db=db, workers=1)
    assert first.new == len(SEEDS) and len(counted["parse"]) == len(SEEDS)
    counted["parse"].clear()
    counted["hash"] = 0
    second = ingest([folder], db=db, workers=1)
    assert (second.new, second.unchanged, second.failed) == (0, len(SEEDS), 0)
    assert counted["parse"] == []
    assert counted["hash"] == 0  # size+mtime matched: not even read


def test_touched_identical_file_recognised_by_hash_not_restored(folder, tmp_path, counted):
    db = store.connect(tmp_path / "m.db")
    ingest([folder], db=db, workers=1)
    touched = folder / SEEDS[0].name
    st = touched.stat()
    os.utime(touched, (st.st_atime + 1000, st.st_mtime + 1000))
    before = {t: _rows(db, t) for t in ("documents", "agenda_items", *store.FACT_TABLES)}
    counted["parse"].clear()
    counted["hash"] = 0

    summary = ingest([folder], db=db, workers=1)

    assert (summary.new, summary.unchanged) == (0, len(SEEDS))
    assert counted["parse"] == []
    assert counted["hash"] == 1  # only the touched file was hashed
    after = {t: _rows(db, t) for t in before}
    assert after["agenda_items"] == before["agenda_items"]
    assert all(after[t] == before[t] for t in store.FACT_TABLES)
    ingested = db.execute(
        "select ingested_at, mtime from documents where path = ?", [str(touched)]
    ).fetchone()
    old = next(r for r in before["documents"] if r[1] == str(touched))
    assert ingested[0] == old[list(store.SCHEMA["documents"]["columns"]).index("ingested_at")]
    assert ingested[1] == touched.stat().st_mtime  # refreshed: next run skips it without hashing

    counted["hash"] = 0
    ingest([folder], db=db, workers=1)
    assert counted["hash"] == 0 and counted["parse"] == []


def test_copy_under_new_name_not_parsed(folder, tmp_path, counted):
    db = store.connect(tmp_path / "m.db")
    ingest([folder], db=db, workers=1)
    shutil.copy(SEEDS[1], folder / "zz-copy.txt")
    counted["parse"].clear()
    summary = ingest([folder], db=db, workers=1)
    assert counted["parse"] == []
    assert (summary.new, summary.unchanged) == (0, len(SEEDS) + 1)
    assert db["documents"].count == len(SEEDS)


def test_changed_bytes_are_parsed_again(folder, tmp_path, counted):
    db = store.connect(tmp_path / "m.db")
    ingest([folder], db=db, workers=1)
    changed = folder / SEEDS[2].name
    changed.write_bytes(changed.read_bytes() + b"\nA late addendum paragraph.\n")
    counted["parse"].clear()
    summary = ingest([folder], db=db, workers=1)
    assert counted["parse"] == [SEEDS[2].name]
    assert summary.new == 1 and summary.unchanged == len(SEEDS) - 1
