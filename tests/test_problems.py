"""`problems`: one row per file and failure; known failures are not retried nor fail a nightly run."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from pipeline import store
from pipeline.cli import main
from pipeline.run import ingest
from pipeline.store import write as store_write  # where save_document looks save_facts up

NOT_MINUTES_XML = b"""<?xml version="1.0" encoding="utf-8"?>
<committees xmlns="http://moderngov.co.uk/namespaces"><committee><committeeid>1</committeeid>
<committeetitle>Audit</committeetitle></committee></committees>"""


def _nightly(folder: Path, db: Path, *extra: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(
        main, ["ingest", str(folder), "--db", str(db), "--workers", "1", "--json", *extra]
    )


def _problems(db: Path) -> list[dict]:
    return list(store.connect(db)["problems"].rows)


def test_a_known_bad_file_fails_once_then_leaves_runs_green(seed_folder: Path, tmp_path: Path) -> None:
    (seed_folder / "GetCommittees.xml").write_bytes(NOT_MINUTES_XML)
    db = tmp_path / "m.db"
    first = _nightly(seed_folder, db)
    assert first.exit_code == 1 and json.loads(first.stdout)["failed"] == 1
    for _ in range(3):  # the nightly runs after it
        again = _nightly(seed_folder, db)
        assert again.exit_code == 0, again.output
        summary = json.loads(again.stdout)
        assert summary["failed"] == 0 and summary["not_retried"] == 1 and summary["failures"] == []
        assert "error:" not in again.stderr
    rows = _problems(db)
    assert len(rows) == 1 and rows[0]["path"].endswith("GetCommittees.xml") and rows[0]["sha256"]


def test_retry_failed_reads_it_again_and_still_keeps_one_row(seed_folder: Path, tmp_path: Path) -> None:
    (seed_folder / "GetCommittees.xml").write_bytes(NOT_MINUTES_XML)
    db = tmp_path / "m.db"
    _nightly(seed_folder, db)
    retried = _nightly(seed_folder, db, "--retry-failed")
    assert retried.exit_code == 1 and json.loads(retried.stdout)["failed"] == 1
    assert "GetCommittees.xml" in retried.stderr
    assert len(_problems(db)) == 1


def test_changed_bytes_are_read_again_and_a_fixed_file_clears_its_row(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    bad = folder / "minutes.txt"
    bad.write_bytes(b"")
    db = store.connect(tmp_path / "m.db")
    assert ingest([folder], db=db, workers=1).failed == 1
    bad.write_bytes(b"   \n")  # still empty, other bytes: read again, one row still
    assert ingest([folder], db=db, workers=1).failed == 1
    assert db["problems"].count == 1
    bad.write_text(
        "Minutes of the meeting held on 1 May 2025\n\nRESOLVED that the report be noted.\n", encoding="utf-8"
    )
    summary = ingest([folder], db=db, workers=1)
    assert summary.new == 1 and summary.failed == 0
    assert db["problems"].count == 0


def test_an_old_store_with_duplicate_rows_is_tidied(tmp_path: Path) -> None:
    db = store.connect(tmp_path / "m.db")
    for _ in range(3):  # what earlier versions wrote, one row per run
        db["problems"].insert(
            {"path": "x.xml", "stage": "load", "message": "not minutes", "at": "2025-01-01"}
        )
    store.record_problem(db, "x.xml", "load", "not minutes", "ab" * 32)
    rows = list(db["problems"].rows)
    assert len(rows) == 1 and rows[0]["sha256"] == "ab" * 32


def test_a_store_failure_is_retried(seed_folder: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db = store.connect(tmp_path / "m.db")
    real = store.save_facts

    def explode(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full")

    monkeypatch.setattr(store_write, "save_facts", explode)
    assert ingest([seed_folder], db=db, workers=1).failed == 5
    monkeypatch.setattr(store_write, "save_facts", real)
    summary = ingest([seed_folder], db=db, workers=1)
    assert summary.new == 5 and summary.not_retried == 0
    assert db["problems"].count == 0
