"""`minutes ingest`: counts, idempotence, exit codes, one transaction per document."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEED_TEXTS

from pipeline import store
from pipeline.cli import main
from pipeline.run import ingest
from pipeline.store import write as store_write  # where save_document looks save_facts up

SEEDS = SEED_TEXTS


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def seeds(seed_folder: Path) -> Path:
    return seed_folder


def counts(db_path: Path) -> dict[str, int]:
    return store.stats(store.connect(db_path))


def test_ingest_then_reingest_stores_nothing_new(seeds, tmp_path):
    db = tmp_path / "m.db"
    first = run("ingest", str(seeds), "--db", str(db), "--json", "--quiet", "--workers", "1")
    assert first.exit_code == 0, first.output
    summary = json.loads(first.output)
    assert summary["new"] == len(SEEDS) and summary["failed"] == 0
    before = counts(db)
    second = json.loads(
        run("ingest", str(seeds), "--db", str(db), "--json", "--quiet", "--workers", "1").output
    )
    assert second["new"] == 0 and second["unchanged"] == len(SEEDS)
    assert counts(db) == before


def test_same_bytes_under_two_names_stored_once(seeds, tmp_path):
    shutil.copy(SEEDS[0], seeds / "copy-of-first.txt")
    db = tmp_path / "m.db"
    summary = json.loads(run("ingest", str(seeds), "--db", str(db), "--json", "-q", "--workers", "1").output)
    assert summary["new"] == len(SEEDS)
    assert summary["unchanged"] == 1
    assert counts(db)["documents"] == len(SEEDS)


def test_bad_file_fails_alone_with_exit_1(seeds, tmp_path):
    (seeds / "empty.txt").write_bytes(b"")
    db = tmp_path / "m.db"
    result = CliRunner().invoke(main, ["ingest", str(seeds), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 1
    assert counts(db)["documents"] == len(SEEDS)
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(error_lines) == 1 and "empty.txt" in error_lines[0] and "empty" in error_lines[0]
    problems = list(store.connect(db)["problems"].rows)
    assert [Path(p["path"]).name for p in problems] == ["empty.txt"]


def test_broken_word_file_named_directly_is_reported(tmp_path):
    odd = tmp_path / "minutes.docx"
    odd.write_bytes(b"PK\x03\x04 not really a docx")
    result = CliRunner().invoke(main, ["ingest", str(odd), "--db", str(tmp_path / "m.db")])
    assert result.exit_code == 1
    assert "minutes.docx" in result.stderr and "not a readable Word document" in result.stderr


def test_unsupported_types_are_reported_in_one_line_each(seeds, tmp_path):
    (seeds / "minutes.odt").write_bytes(b"PK\x03\x04 an OpenDocument file")
    (seeds / "budget.xlsx").write_bytes(b"PK\x03\x04 a spreadsheet")
    (seeds / "manifest.csv").write_text("file,council\n", encoding="utf-8")  # metadata: read, not reported
    result = CliRunner().invoke(
        main, ["ingest", str(seeds), "--db", str(tmp_path / "m.db"), "--workers", "1"]
    )
    assert result.exit_code == 0, result.output
    skipped = sorted(line for line in result.stderr.splitlines() if line.startswith("skipped:"))
    assert len(skipped) == 2
    assert skipped[0].endswith("budget.xlsx: unsupported type .xlsx")
    assert "minutes.odt: unsupported type .odt" in skipped[1]
    assert "2 skipped" in result.stdout
    assert counts(tmp_path / "m.db")["problems"] == 0


def test_usage_errors_exit_2(tmp_path):
    assert CliRunner().invoke(main, ["ingest"]).exit_code == 2
    assert CliRunner().invoke(main, ["ingest", str(tmp_path / "missing")]).exit_code == 2
    assert CliRunner().invoke(main, ["ingest", str(tmp_path), "--workers", "0"]).exit_code == 2


def test_json_output_is_only_json(seeds, tmp_path):
    result = CliRunner().invoke(
        main, ["ingest", str(seeds), "--db", str(tmp_path / "m.db"), "--json", "--workers", "1"]
    )
    json.loads(result.stdout)  # progress bar went to stderr, not stdout


def test_failed_save_rolls_back_the_whole_document(seeds, tmp_path, monkeypatch):
    """A crash half way through storing a document leaves none of it behind."""
    db = store.connect(tmp_path / "m.db")
    real = store.save_facts

    def explode(*args, **kwargs):
        real(*args, **kwargs)
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store_write, "save_facts", explode)
    summary = ingest([seeds / SEEDS[0].name, seeds / SEEDS[1].name], db=db, workers=1)
    assert summary.failed == 2 and "disk on fire" in summary.failures[0].message
    assert store.stats(db)["documents"] == 0
    assert store.stats(db)["agenda_items"] == 0
    monkeypatch.setattr(store_write, "save_facts", real)
    summary = ingest([seeds / SEEDS[0].name], db=db, workers=1)
    assert summary.new == 1


def test_items_slice_the_stored_text(seeds, tmp_path):
    db = store.connect(tmp_path / "m.db")
    ingest([seeds], db=db, workers=1)
    for row in db.execute(
        "select d.text, i.start_char, i.end_char, i.text from agenda_items i "
        "join documents d on d.id = i.document_id"
    ):
        assert row[0][row[1]:row[2]] == row[3]
