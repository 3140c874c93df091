"""Inputs that used to stop a whole ingest: a file name that is not UTF-8, an
impossible date (from the CLI, a manifest, or already in an old store), a
file changed while it was read, and two overlapping ingests."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEED_TEXTS

import pipeline.run as run_mod
from pipeline import store
from pipeline.cli import main
from pipeline.errors import StoreError
from pipeline.records import MeetingMeta
from pipeline.run import ingest
from pipeline.run.process import process_file
from pipeline.store import linkstate


def cli(*args: str):
    return CliRunner().invoke(main, list(args))


def test_a_file_name_that_is_not_utf8_is_stored_by_its_bytes(seed_folder, tmp_path):
    odd = os.path.join(os.fsencode(seed_folder), b"caf\xe9 minutes.txt")  # a Windows-1252 name
    with open(odd, "wb") as fh:
        fh.write(SEED_TEXTS[0].read_bytes() + b"\nAn extra paragraph of our own.\n")
    db_path = tmp_path / "m.db"
    first = cli("ingest", str(seed_folder), "--db", str(db_path), "--json", "-q", "--workers", "1")
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["new"] == len(SEED_TEXTS) + 1
    db = store.connect(db_path)
    [shown] = [r[0] for r in db.execute("select path from documents where path like '%caf%'")]
    assert shown.endswith("caf\\xe9 minutes.txt")
    again = cli("ingest", str(seed_folder), "--db", str(db_path), "--json", "-q", "--workers", "1", "--prune")
    assert json.loads(again.stdout)["unchanged"] == len(SEED_TEXTS) + 1  # found again by its stored name
    assert json.loads(again.stdout)["forgotten"] == 0


# ---------------------------------------------------------------- impossible dates


def test_an_impossible_cli_date_is_a_usage_error(seed_folder, tmp_path):
    result = cli("ingest", str(seed_folder), "--db", str(tmp_path / "m.db"), "--date", "2025-02-30", "-q")
    assert result.exit_code == 2
    assert "2025-02-30" in result.output and "not a date" in result.output
    assert not (tmp_path / "m.db").exists() or store.connect(tmp_path / "m.db")["documents"].count == 0


def test_the_store_refuses_an_impossible_date_from_any_source(tmp_path):
    doc = process_file(str(SEED_TEXTS[0]), MeetingMeta(date="2024-13-45", committee="Cabinet"))
    db = store.connect(tmp_path / "m.db")
    with pytest.raises(StoreError, match="2024-13-45"):
        store.save_document(db, doc)
    assert db["documents"].count == 0 and db["meetings"].count == 0
    # Through the runner it is one problem row, and the rest of the batch is stored.
    summary = ingest([SEED_TEXTS[0], SEED_TEXTS[1]], db=db, workers=1, meta=MeetingMeta(date="2025-02-30"))
    assert summary.failed == 2 and summary.new == 0
    assert {f.stage for f in summary.failures} == {"store"}
    assert all("2025-02-30" in f.message for f in summary.failures)


@pytest.fixture(scope="module")
def bad_date_store(tmp_path_factory):
    """A store an older version wrote: one meeting dated 2024-13-45."""
    path = tmp_path_factory.mktemp("bad") / "m.db"
    db = store.connect(path)
    ingest(SEED_TEXTS, db=db, workers=1)
    db.execute("update meetings set date = '2024-13-45' where id = (select meeting_id from actions limit 1)")
    return path


@pytest.mark.parametrize(
    "argv",
    [
        ["flag"],
        ["flag", "--format", "csv"],
        ["flag", "--json"],
        ["link"],
        ["stats"],
        ["actions"],
        ["resolutions"],
        ["amounts"],
        ["consistency"],
        ["export", "--format", "csv", "--out", "{tmp}/x"],
    ],
    ids=lambda a: " ".join(a),
)
def test_read_commands_survive_an_impossible_stored_date(bad_date_store, tmp_path, argv):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    result = CliRunner().invoke(main, [*argv, "--db", str(bad_date_store)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 3), result.output


def test_flag_lists_an_action_of_a_badly_dated_meeting_as_a_problem(bad_date_store):
    result = CliRunner().invoke(
        main, ["flag", "--json", "--db", str(bad_date_store), "--as-of", "2030-01-01"]
    )
    assert result.exit_code == 3, result.output
    rows = json.loads(result.stdout)["actions"]
    bad = [r for r in rows if "2024-13-45" in json.dumps(r)]
    assert bad and all(r["problem"] and "2024-13-45" in r["problem"] for r in bad)
    assert "2024-13-45" in result.stderr  # and said, once, on stderr


# ---------------------------------------------------------------- read once


def test_a_file_changed_while_ingested_is_read_again_next_run(seed_folder, tmp_path, monkeypatch):
    target = seed_folder / SEED_TEXTS[3].name
    real = run_mod.process_file

    def process_then_edit(path, *rest):
        result = real(path, *rest)
        if Path(path).name == target.name:  # an officer saves a correction while the worker works
            with open(target, "ab") as fh:
                fh.write(b"\nA correction saved mid-ingest.\n")
            st = target.stat()
            os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
        return result

    monkeypatch.setattr(run_mod, "process_file", process_then_edit)
    db = store.connect(tmp_path / "m.db")
    ingest([seed_folder], db=db, workers=1)
    monkeypatch.setattr(run_mod, "process_file", real)
    second = ingest([seed_folder], db=db, workers=1)
    assert (second.new, second.replaced) == (1, 1)
    text = db.execute("select text from documents where path = ?", [str(target)]).fetchone()[0]
    assert "A correction saved mid-ingest." in text
    assert db["documents"].count == len(SEED_TEXTS)


# ---------------------------------------------------------------- link state per run


def test_a_second_ingest_does_not_clear_the_first_ones_pending_link(tmp_path, monkeypatch):
    """A stores one document; B runs whole (and links); A stores another and is
    killed before linking. The rerun must link A's second document."""
    from test_link_ingest import FIRST, PANEL, SECOND

    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "1.txt").write_text(FIRST, encoding="utf-8")
    (folder / "2.txt").write_text(SECOND, encoding="utf-8")
    other = tmp_path / "b"
    other.mkdir()
    shutil.copy(SEED_TEXTS[0], other)
    path = tmp_path / "m.db"
    dates = {"1.txt": "2019-10-01", "2.txt": "2019-12-03"}
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("file,council,committee,date\n" + "".join(
        f"{n},{PANEL.council},{PANEL.committee},{d}\n" for n, d in dates.items()))
    from pipeline.run.manifest import ManifestIndex

    real_link = run_mod._link
    in_b: list[bool] = []

    def b_runs_meanwhile(p, outcome):
        if p.endswith("1.txt"):
            in_b.append(True)
            ingest([other], db=store.connect(path), workers=1)
            in_b.pop()

    def killed(db, config_path):
        if in_b:
            return real_link(db, config_path)
        raise KeyboardInterrupt  # SIGKILL stand-in: A's documents are committed, its link is not

    monkeypatch.setattr(run_mod, "_link", killed)
    with pytest.raises(KeyboardInterrupt):
        ingest([folder], db=store.connect(path), workers=1, manifest=ManifestIndex.from_file(manifest),
               on_progress=b_runs_meanwhile)
    monkeypatch.setattr(run_mod, "_link", real_link)
    db = store.connect(path)
    assert linkstate.pending(db)
    rerun = ingest([folder], db=db, workers=1, manifest=ManifestIndex.from_file(manifest))
    assert rerun.new == 0
    status = db.execute("select status from actions where text like '%information packs%'").fetchone()[0]
    assert status == "done"  # closed by the second meeting, which only the rerun's link saw
    assert not linkstate.pending(db)
