"""Crash safety: SIGKILL `minutes ingest` at random moments; the store stays whole.

The long run (50 kills of the real console script on the full corpus) is
`python -m bench.crash_test`; here 20 kills of forked CLI runs on a small corpus.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import crash_test
from pipeline import store
from pipeline.store import ensure


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return crash_test.build_corpus(tmp_path_factory.mktemp("crash") / "Comité minutes ü", size="small")


def test_twenty_sigkills_leave_a_whole_store_that_a_rerun_completes(corpus, tmp_path):
    report = crash_test.crash_cycles(
        corpus, tmp_path, kills=20, mode="fork", workers=1, seed=20240611, timeout=300
    )
    assert report.failures == [], "\n".join(report.failures)
    assert report.kills == 20 and report.reruns == 20
    # The kills must have hit the interesting window, not only start-up.
    assert report.landed["some documents stored"] >= 5, report.line()


def test_sigkills_on_one_shared_store_lose_nothing_and_orphan_no_worker(corpus, tmp_path):
    """Two overlapping ingests (two workers each) on one store, files corrected
    between cycles, one ingest SIGKILLed per cycle; then the store equals a
    clean serial run over the corrected files."""
    report = crash_test.shared_cycles(
        corpus, tmp_path, kills=8, mode="fork", workers=2, seed=20251126, timeout=300
    )
    assert report.failures == [], "\n".join(report.failures)
    assert report.kills == 8 and report.orphans == 0
    assert sum(report.lost.values()) == 0 and sum(report.duplicated.values()) == 0
    assert report.checks == report.kills + report.missed + 1 and report.checks_failed == 0


def test_orphan_count_is_not_vacuous():
    """Control: a process that outlives its killed parent is found in the group."""
    import os
    import signal
    import subprocess

    from bench.crash_runs import group_members

    parent = subprocess.Popen(["sh", "-c", "sleep 30 & wait"], start_new_session=True)
    try:
        deadline = time.monotonic() + 10
        while len(group_members(parent.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        left = group_members(parent.pid)
        assert len(left) == 1  # the sleep, orphaned
    finally:
        for pid in group_members(parent.pid):
            os.kill(pid, signal.SIGKILL)


def test_checks_catch_a_half_stored_document(corpus, tmp_path):
    """Control: the crash checks are not vacuous."""
    clean = crash_test.clean_run(corpus, tmp_path, mode="fork", workers=1, timeout=300)
    reference, signature = clean.contents, clean.signature
    # A committee list (in the corpus when ../shared is beside the project) is reported, the rest stored.
    not_minutes = any("GetCommittees" in p.name for p in corpus.iterdir())
    assert clean.returncode == (1 if not_minutes else 0)
    db = tmp_path / "clean.db"
    assert crash_test.check_store(db, signature) == []
    conn = sqlite3.connect(db)
    doc_id = conn.execute(
        "select document_id from agenda_items group by 1 having count(*) > 1 limit 1"
    ).fetchone()[0]
    conn.execute("pragma foreign_keys=off")
    conn.execute("delete from resolutions where document_id = ?", [doc_id])
    conn.execute("delete from actions where document_id = ?", [doc_id])
    conn.execute("delete from amounts where document_id = ?", [doc_id])
    conn.execute("delete from scheme_mentions where document_id = ?", [doc_id])
    conn.execute(
        "delete from agenda_items where id = (select max(id) from agenda_items where document_id = ?)",
        [doc_id],
    )
    conn.commit()
    conn.close()
    problems = crash_test.check_store(db, signature)
    assert any("half-stored" in p for p in problems), problems
    assert crash_test.diff_contents(crash_test.contents(db), reference)


def test_schema_creation_is_one_transaction(tmp_path, monkeypatch):
    """A kill while a new store is being created leaves either no schema or all
    of it: the FTS index never exists without the triggers that feed it."""
    path = tmp_path / "m.db"
    real_fts = ensure._ensure_fts

    def killed_half_way(db):  # the FTS table is created, then the process "dies"
        db.execute(store.FTS_SQL)
        raise KeyboardInterrupt

    monkeypatch.setattr(ensure, "_ensure_fts", killed_half_way)
    with pytest.raises(KeyboardInterrupt):
        store.connect(path)
    conn = sqlite3.connect(path)
    assert conn.execute("select count(*) from sqlite_master").fetchone()[0] == 0
    conn.close()
    monkeypatch.setattr(ensure, "_ensure_fts", real_fts)
    db = store.connect(path)
    names = {r[0] for r in db.execute("select name from sqlite_master")}
    assert {"documents", "agenda_items_fts", *store.FTS_TRIGGERS} <= names
    db.conn.close()
    # A store left with an FTS table but no triggers (an older, non-atomic
    # creation cut short) gets them back on the next connect.
    db = store.connect(path)
    for name in store.FTS_TRIGGERS:
        db.execute(f"drop trigger [{name}]")
    db.conn.close()
    db = store.connect(path)
    triggers = {r[0] for r in db.execute("select name from sqlite_master where type = 'trigger'")}
    assert set(store.FTS_TRIGGERS) <= triggers


def test_a_run_killed_before_linking_is_linked_by_the_next_run(tmp_path, monkeypatch):
    """Killed after storing every document but before follow-through: the rerun
    finds nothing new, and must still link (a 50-kill run caught this)."""
    from pipeline import run

    corpus = crash_test.build_corpus(tmp_path / "in", size="small")
    clean_db = store.connect(tmp_path / "clean.db")
    run.ingest([corpus], db=clean_db, workers=1)
    want = crash_test.contents(tmp_path / "clean.db")

    def killed(db, config_path):
        raise KeyboardInterrupt  # SIGKILL stand-in: the documents are committed, the link is not

    path = tmp_path / "killed.db"
    monkeypatch.setattr(run, "_link", killed)
    with pytest.raises(KeyboardInterrupt):
        run.ingest([corpus], db=store.connect(path), workers=1)
    monkeypatch.undo()
    assert crash_test.contents(path)["action_status_changes"] == []
    summary = run.ingest([corpus], db=store.connect(path), workers=1)
    assert summary.new == 0
    assert crash_test.diff_contents(crash_test.contents(path), want) == []
