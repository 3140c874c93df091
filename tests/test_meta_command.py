"""Supplied metadata fills gaps unless --override; `minutes meta` (and re-ingest
with --override) move stored documents to the right meeting, keep their facts
and re-link."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import store
from pipeline.cli import main
from pipeline.link.overrides import set_override

HEADED = """ANYSHIRE COUNTY COUNCIL

MINUTES of a meeting of the Highways Committee held in the Council Chamber, County Hall on \
Monday, 7 October 2019.

1. Pavement repairs

The Highways Manager presented the report on pavement repairs.

RESOLVED that the pavement repair programme be approved.

It was agreed that the Highways Manager would send the list of repaired pavements to Members as an action.
"""
LATER = """Minutes

1. Matters arising

The list of repaired pavements had been sent to Members by the Highways Manager.

2. Winter gritting

RESOLVED that the winter gritting plan be noted.
"""


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def meeting_of(db_path: Path, name: str) -> tuple:
    db = store.connect(db_path)
    return db.execute(
        "select m.id, m.council, m.committee, m.date from documents d join meetings m on m.id = d.meeting_id"
        " where d.path like ?", [f"%{name}"]).fetchone()


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "headed.txt").write_text(HEADED, encoding="utf-8")
    (tmp_path / "docs" / "later.txt").write_text(LATER, encoding="utf-8")
    return tmp_path


def test_supplied_metadata_fills_only_what_the_document_leaves_empty(folder):
    db = folder / "m.db"
    result = run("ingest", str(folder / "docs" / "headed.txt"), "--db", str(db), "-q",
                 "--committee", "Cabinet", "--date", "2020-01-01", "--council", "Otherton Council")
    assert result.exit_code == 0
    assert meeting_of(db, "headed.txt")[1:] == ("Anyshire County Council", "Highways Committee", "2019-10-07")
    run(
        "ingest",
        str(folder / "docs" / "later.txt"),
        "--db",
        str(db),
        "-q",
        "--committee",
        "Highways Committee",
        "--date",
        "2019-11-04",
        "--council",
        "Anyshire County Council",
    )
    assert meeting_of(db, "later.txt")[1:] == ("Anyshire County Council", "Highways Committee", "2019-11-04")


def test_override_makes_supplied_metadata_win(folder):
    db = folder / "m.db"
    run(
        "ingest",
        str(folder / "docs" / "headed.txt"),
        "--db",
        str(db),
        "-q",
        "--committee",
        "Cabinet",
        "--override",
    )
    assert meeting_of(db, "headed.txt")[1:] == ("Anyshire County Council", "Cabinet", "2019-10-07")


@pytest.mark.parametrize("bad", ["2025-13-45", "2025-02-31", "9 January 2025", "tomorrow"])
def test_a_bad_date_is_refused_in_one_line(folder, bad):
    db = folder / "m.db"
    for args in (["ingest", str(folder / "docs")], ["meta", str(folder / "docs" / "headed.txt")]):
        result = run(*args, "--db", str(db), "--date", bad)
        assert result.exit_code == 2
        assert len(result.stderr.strip().splitlines()) == 1 and bad in result.stderr
    assert not db.exists() or store.connect(db)["documents"].count == 0


@pytest.fixture
def stored(folder):
    db = folder / "m.db"
    run("ingest", str(folder / "docs"), "--db", str(db), "-q", "--council", "Anyshire County Council",
        "--committee", "Highways Committee")
    (folder / "docs" / "later-copy.txt").write_text(LATER.replace("\n\n", "\n\n\n"), encoding="utf-8")
    run("ingest", str(folder / "docs" / "later-copy.txt"), "--db", str(db), "-q")
    return db


def _facts(db_path: Path, name: str) -> list:
    db = store.connect(db_path)
    return sorted(
        db.execute(
            "select f.id, f.text, f.meeting_id = d.meeting_id from (select id, "
            "document_id, text, meeting_id from resolutions"
            " union all select id, document_id, text, meeting_id from actions) f "
            "join documents d on d.id = f.document_id"
            " where d.path like ?",
            [f"%{name}"],
        ).fetchall()
    )


def test_meta_moves_a_stored_document_and_keeps_its_facts(stored):
    before = _facts(stored, "later.txt")
    old_meeting = meeting_of(stored, "later.txt")[0]
    result = run(
        "meta",
        str(stored.parent / "docs" / "later.txt"),
        "--db",
        str(stored),
        "--date",
        "2019-11-04",
        "--json",
    )
    assert result.exit_code == 0
    change = json.loads(result.stdout)["documents"][0]
    assert change["changed"] and change["after"]["date"] == "2019-11-04"
    moved = meeting_of(stored, "later.txt")
    assert moved[1:] == ("Anyshire County Council", "Highways Committee", "2019-11-04")
    assert meeting_of(stored, "later-copy.txt")[0] == moved[0]  # its duplicate in the same words follows
    after = _facts(stored, "later.txt")
    assert [f[:2] for f in after] == [f[:2] for f in before] and all(f[2] for f in after)
    db = store.connect(stored)
    assert db.execute("select 1 from meetings where id = ?", [old_meeting]).fetchone() is None


def test_meta_relinks_and_keeps_an_officers_override(stored):
    db = store.connect(stored)
    run("meta", str(stored.parent / "docs" / "later.txt"), "--db", str(stored), "--date", "2019-11-04")
    action = db.execute(
        "select id, status from actions where text like '%list of repaired pavements%'"
    ).fetchone()
    assert action[1] == "done"
    dates = {
        r[0] for r in db.execute("select meeting_date from link_evidence where subject_id = ?", [action[0]])
    }
    assert dates == {"2019-11-04"}
    set_override(db, action[0], status="in progress", note="partly sent")
    assert (
        run("meta", "later.txt", "--db", str(stored), "--date", "2019-11-05").exit_code == 1
    )  # a name alone is not enough
    result = run(
        "meta", str(stored.parent / "docs" / "later.txt"), "--db", str(stored), "--date", "2019-11-05"
    )
    assert result.exit_code == 0
    db = store.connect(stored)
    assert db.execute("select status from actions where id = ?", [action[0]]).fetchone()[0] == "in progress"
    assert {
        r[0] for r in db.execute("select meeting_date from link_evidence where subject_id = ?", [action[0]])
    } == {"2019-11-05"}


def test_meta_joins_a_meeting_already_stored(stored):
    headed = meeting_of(stored, "headed.txt")
    run("meta", str(stored.parent / "docs" / "later.txt"), "--db", str(stored), "--date", headed[3])
    assert meeting_of(stored, "later.txt")[0] == headed[0]


def test_meta_by_document_id_and_unknown_paths(stored):
    db = store.connect(stored)
    doc_id = db.execute("select id from documents where path like '%headed.txt'").fetchone()[0]
    assert run("meta", doc_id[:12], "--db", str(stored), "--committee", "Cabinet").exit_code == 0
    assert meeting_of(stored, "headed.txt")[2] == "Cabinet"
    result = run("meta", "no-such-file.txt", "--db", str(stored), "--committee", "Cabinet")
    assert result.exit_code == 1 and "no stored document" in result.stderr
    assert run("meta", doc_id[:12], "--db", str(stored)).exit_code == 2  # nothing to set


def reingest(stored: Path, name: str, *options: str) -> dict:
    """`minutes ingest` of one stored file again: its JSON summary."""
    result = run("ingest", str(stored.parent / "docs" / name), "--db", str(stored), *options, "--json")
    return json.loads(result.stdout)


def test_reingest_with_override_moves_stored_files_without_reading_them(stored):
    db = store.connect(stored)
    ingested = db.execute("select ingested_at from documents where path like '%headed.txt'").fetchone()[0]
    summary = reingest(stored, "headed.txt", "--date", "2019-10-08", "--override")
    assert (summary["new"], summary["updated"]) == (0, 1)
    assert meeting_of(stored, "headed.txt")[3] == "2019-10-08"
    assert (
        db.execute("select ingested_at from documents where path like '%headed.txt'").fetchone()[0]
        == ingested
    )
    again = reingest(stored, "headed.txt", "--date", "2019-10-08", "--override")
    assert (again["updated"], again["unchanged"]) == (0, 1)


def test_reingest_without_override_only_fills_gaps(stored):
    assert reingest(stored, "headed.txt", "--date", "2019-10-08")["updated"] == 0
    assert meeting_of(stored, "headed.txt")[3] == "2019-10-07"
    assert reingest(stored, "later.txt", "--date", "2019-11-04")["updated"] == 1
    assert meeting_of(stored, "later.txt")[3] == "2019-11-04"
