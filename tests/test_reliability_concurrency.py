"""Concurrency: ingests and follow-through runs sharing one store.

Two `minutes ingest` processes over overlapping corpora and repeated
`minutes flag` runs, all at once against one (new) store, finish without
errors, and leave what a serial run leaves.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from conftest import SEED_TEXTS

from bench import crash_test
from pipeline import store
from pipeline.config import load_config
from pipeline.link import linker
from pipeline.run import ingest

SEEDS = SEED_TEXTS
PAGES = sorted((crash_test.SHARED / "pages").glob("*.txt"))
XML = sorted((crash_test.SHARED / "xml").glob("*.xml"))

#: Columns whose value depends on which of two copies of the same bytes, or of
#: two near-identical scheme names, got stored first: the order two concurrent
#: runs interleave in is not the serial order.
ORDER_DEPENDENT = {"path", "scheme_id", "aliases", "name"}


def _copy(files: list[Path], dest: Path) -> Path:
    dest.mkdir(parents=True)
    for f in files:
        shutil.copyfile(f, dest / f.name)
    return dest


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    base = tmp_path_factory.mktemp("conc")
    shared = _copy(SEEDS[:3] + PAGES[:3], base / "shared")  # the same paths, given to both runs
    only_a = _copy(SEEDS[3:] + PAGES[3:8], base / "only a")
    # B holds copies of some of A's files under other paths (same bytes), and its own.
    only_b = _copy(SEEDS[3:] + PAGES[6:12] + [x for x in XML if "with_minutes" in x.name], base / "only b")
    return [str(shared), str(only_a)], [str(only_b), str(shared)]


def _ingest(paths: list[str], db: Path) -> list[str]:
    return [*crash_test.minutes_command(), "ingest", *paths, "--db", str(db), "--workers", "1", "--quiet"]


def _snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Table contents without volatile or order-dependent columns."""
    conn = sqlite3.connect(db)
    try:
        out = {}
        for (t,) in conn.execute(
            "select name from sqlite_master where type='table' and name not like '%fts%' "
            "and name not like 'sqlite_%' and name not in ('problems', 'flag_runs')"
        ):
            cols = [r[1] for r in conn.execute(f"pragma table_info([{t}])")
                    if r[1] not in crash_test.VOLATILE_COLUMNS | ORDER_DEPENDENT]
            out[t] = sorted(
                conn.execute(f"select {', '.join(f'[{c}]' for c in cols)} from [{t}]").fetchall(), key=repr
            )
        return out
    finally:
        conn.close()


def test_two_ingests_and_flag_runs_at_once_equal_a_serial_run(corpora, tmp_path):
    paths_a, paths_b = corpora
    serial = tmp_path / "serial.db"
    for paths in (paths_a, paths_b):
        done = subprocess.run(
            _ingest(paths, serial), check=False, cwd=ROOT, capture_output=True, text=True, timeout=600
        )
        assert done.returncode == 0, done.stderr[-2000:]

    db = tmp_path / "together.db"  # new: both runs also race to create the schema
    procs = [
        subprocess.Popen(_ingest(p, db), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for p in (paths_a, paths_b)
    ]
    flag_runs = []
    deadline = time.monotonic() + 600
    while any(p.poll() is None for p in procs):  # flag (reads, and links) over and over while they write
        assert time.monotonic() < deadline, "concurrent ingests did not finish"
        flag = subprocess.run(
            [*crash_test.minutes_command(), "flag", "--db", str(db), "--json"],
            check=False, cwd=ROOT, capture_output=True, text=True, timeout=600,
        )
        flag_runs.append(flag)
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err[-2000:]
        assert "Traceback" not in err and "locked" not in err, err[-2000:]
    assert flag_runs, "no flag run overlapped the ingests"
    for f in flag_runs:
        # before the first document is stored there is nothing to check: one line, exit 2, never "all clear"
        early = f.returncode == 2 and ("no store at" in f.stderr or "holds no minutes" in f.stderr)
        assert f.returncode in (0, 3) or early, f.stderr[-2000:]
        assert "Traceback" not in f.stderr and "locked" not in f.stderr

    assert crash_test.check_store(db) == []
    together, alone = _snapshot(db), _snapshot(serial)
    assert {t: len(r) for t, r in together.items()} == {t: len(r) for t, r in alone.items()}
    assert together == alone
    conn = sqlite3.connect(db)
    dups = conn.execute("select count(*) - count(distinct id) from documents").fetchone()[0]
    assert dups == 0


def test_link_is_not_overwritten_by_a_stale_concurrent_link(tmp_path, monkeypatch):
    """Ingest A computes follow-through from what it read; meanwhile ingest B
    (another connection) stores a document and links. A's write must not
    drop B's evidence and status history: either B waits for A's lock, or A
    sees B's document."""
    path = tmp_path / "m.db"
    first, second = tmp_path / "a", tmp_path / "b"
    _copy(SEEDS[:2], first)
    _copy(SEEDS[2:], second)
    db_a = store.connect(path)
    ingest([first], db=db_a, workers=1)
    config = load_config().link
    real_overrides, real_save = linker.latest_overrides, store.save_document
    writing = threading.Event()
    errors: list[BaseException] = []

    def other_ingest() -> None:
        try:
            ingest([second], db=store.connect(path), workers=1)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            writing.set()

    def save_document(*args, **kwargs):
        writing.set()
        return real_save(*args, **kwargs)

    real_set_state = store.set_state

    def set_state(*args, **kwargs):  # B's first write
        writing.set()
        return real_set_state(*args, **kwargs)

    other = threading.Thread(target=other_ingest)

    def other_process_commits_meanwhile(db):  # A has read the store; B now tries to write
        if not other.is_alive() and not writing.is_set():
            other.start()
            assert writing.wait(timeout=300)
            other.join(timeout=3)  # unlocked (the bug): B stores and links before A writes
        return real_overrides(db)

    monkeypatch.setattr(store, "save_document", save_document)
    monkeypatch.setattr(store, "set_state", set_state)
    monkeypatch.setattr(linker, "latest_overrides", other_process_commits_meanwhile)
    linker.link(db_a, config=config)
    other.join(timeout=600)
    assert not other.is_alive() and errors == []
    monkeypatch.setattr(linker, "latest_overrides", real_overrides)
    after_race = _snapshot(path)
    assert len(after_race["documents"]) == len(SEEDS)
    linker.link(store.connect(path), config=config)  # what follow-through over the whole store gives
    fresh = _snapshot(path)
    for table in ("action_status_changes", "link_evidence", "actions"):
        assert after_race[table] == fresh[table], table
