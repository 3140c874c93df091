"""The nightly job's guarantees: read commands never create a store, the flag
report carries ids `minutes action` takes, says what is new since the last
run, takes --since, and honours MINUTES_AS_OF as its clock."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_link_support import Minutes, add

from pipeline import store
from pipeline.cli import main
from pipeline.config import load_config
from pipeline.link import link
from pipeline.store.ids import unique_prefixes as short_ids

CFG = load_config().link
C, K = "Wyvern District Council", "Audit Committee"
FIRST = "the Head of Finance would circulate the fraud risk register to Members"
SECOND = "the Monitoring Officer would report on the whistleblowing policy"
THIRD = "the Chairman would write to the external auditor about the late accounts"

READERS = [
    ["flag"],
    ["stats"],
    ["actions"],
    ["resolutions"],
    ["amounts"],
    ["schemes"],
    ["scheme", "CCTV"],
    ["consistency"],
    ["export", "--out", "exported"],
    ["search", "CCTV"],
    ["action", "3f9a2c"],
    ["link"],
    ["action", "3f9a2c", "--status", "done", "--note", "sent"],
    ["reextract"],
]


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False, env=env)


def meeting(db, date: str, action: str, title: str = "Audit matters") -> None:  # type: ignore[no-untyped-def]
    add(db, Minutes(C, K, date, [(title, f"Members discussed it. It was agreed that {action}.")],
                    actions=[(0, action)]))
    link(db, config=CFG)


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    path = tmp_path / "minutes.db"
    meeting(store.connect(path), "2025-01-14", FIRST)
    return str(path)


@pytest.mark.parametrize("args", READERS, ids=lambda a: " ".join(a[:3]))
def test_read_commands_never_create_a_store(args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for db in ([], ["--db", "elsewhere/minutes.db"]):  # the default path from the wrong folder, a wrong --db
        res = run(*args, *db)
        assert res.exit_code == 2, res.output
        assert res.stdout == "" and len(res.stderr.strip().splitlines()) == 1 and "no store at" in res.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_file_that_is_not_a_store_is_left_alone(tmp_path):
    # An empty file is an empty SQLite database (and what a store is for an
    # instant while an ingest creates it): nothing to read, not a foreign file.
    for name, content, says in (("empty.db", b"", "holds no minutes yet"),
                                ("notes.db", b"not a database at all", "not a Minutes Miner store")):
        path = tmp_path / name
        path.write_bytes(content)
        res = run("flag", "--db", str(path))
        assert res.exit_code == 2 and says in res.stderr, res.stderr
        assert len(res.stderr.strip().splitlines()) == 1
        assert path.read_bytes() == content
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("create table notes (body text)")
    conn.commit()
    conn.close()
    res = run("flag", "--db", str(other))
    assert res.exit_code == 2 and "not a Minutes Miner store (it has no documents table)" in res.stderr


def test_flag_on_a_store_without_minutes_checks_nothing_and_says_so(tmp_path):
    path = tmp_path / "new.db"
    store.connect(path).conn.close()
    res = run("flag", "--db", str(path), "--as-of", "2025-03-01")
    assert res.exit_code == 2 and res.stdout == "" and "holds no minutes" in res.stderr


def test_rows_carry_short_ids_that_minutes_action_takes(db_path):
    data = json.loads(run("flag", "--db", db_path, "--as-of", "2025-03-01", "--json").output)
    (row,) = data["actions"]
    assert len(row["short_id"]) == 8 and row["action_id"].startswith(row["short_id"])
    table = run("flag", "--db", db_path, "--as-of", "2025-03-01").output
    assert f"[{row['short_id']}]" in table
    shown = run("action", row["short_id"], "--db", db_path)
    assert shown.exit_code == 0 and FIRST in shown.output


def test_short_ids_grow_only_where_ids_share_a_prefix():
    every = ["abcdefgh01", "abcdefgh02", "abcdefzz99", "0123456789"]
    assert short_ids(every, every) == {"abcdefgh01": "abcdefgh01", "abcdefgh02": "abcdefgh02",
                                       "abcdefzz99": "abcdefzz", "0123456789": "01234567"}
    assert short_ids(every, ["abcdefgh03"]) == {"abcdefgh03": "abcdefgh03"}  # not stored: still unambiguous


def test_new_since_the_last_run(db_path):
    first = json.loads(run("flag", "--db", db_path, "--as-of", "2025-03-01", "--json").output)
    assert first["last_run"] is None and [a["new"] for a in first["actions"]] == [True]
    db = store.connect(db_path)
    meeting(db, "2025-03-04", SECOND, "Whistleblowing")
    later = run("flag", "--db", db_path, "--as-of", "2025-04-08", "--format", "markdown")
    assert later.exit_code == 3
    text = later.output
    new_part, before_part = text.split("## New since the last run (2025-03-01): 1")[1].split(
        "## Flagged before the last run and still outstanding: 1")
    assert SECOND in new_part and FIRST not in new_part and FIRST in before_part
    # the same night again: the same report (compared with the run before tonight, not with itself)
    assert run("flag", "--db", db_path, "--as-of", "2025-04-08", "--format", "markdown").output == text
    # another scope (a filter) has its own history
    other = json.loads(
        run("flag", "--db", db_path, "--as-of", "2025-04-08", "--committee", "audit", "--json").output
    )
    assert other["last_run"] is None
    runs = db.execute(
        "select as_of, flagged from flag_runs where scope like '%\"committee\": null%' order by as_of"
    )
    assert runs.fetchall() == [("2025-03-01", 1), ("2025-04-08", 2)]


def test_since_keeps_actions_first_seen_or_due_since(tmp_path):
    db = store.connect(tmp_path / "s.db")
    meeting(db, "2024-06-04", FIRST)
    add(db, Minutes(C, K, "2024-09-10", [("Accounts", f"It was agreed that {THIRD}.")], actions=[(0, THIRD)]),
        due={THIRD: "by 31 January 2025"})
    meeting(db, "2025-01-14", SECOND, "Whistleblowing")
    db.execute("update actions set due_date = '2025-01-31' where text = ?", [THIRD])
    path = str(tmp_path / "s.db")

    def texts(*extra: str) -> set[str]:
        res = run("flag", "--db", path, "--as-of", "2025-03-01", "--json", *extra)
        return {a["action"] for a in json.loads(res.output)["actions"]}

    assert texts() == {FIRST, SECOND, THIRD}
    assert texts("--since", "2025-01-01") == {SECOND, THIRD}  # SECOND minuted since, THIRD due since
    assert texts("--since", "2025-02-01") == set()
    res = run("flag", "--db", path, "--as-of", "2025-03-01", "--since", "2025-02-01")
    assert res.exit_code == 0 and "first seen or due since 2025-02-01" in res.output
    assert run("flag", "--db", path, "--since", "last week").exit_code == 2


def test_clock_from_the_environment_and_exit_codes(db_path):
    res = run("flag", "--db", db_path, "--json", env={"MINUTES_AS_OF": "2025-01-20"})
    assert res.exit_code == 0 and json.loads(res.output)["as_of"] == "2025-01-20"  # 6 days old: not yet
    res = run("flag", "--db", db_path, "--json", env={"MINUTES_AS_OF": "2025-03-01"})
    assert res.exit_code == 3 and json.loads(res.output)["flagged"] == 1
    assert run("flag", "--db", db_path, env={"MINUTES_AS_OF": "2025-02-30"}).exit_code == 2


def test_output_folder_is_created_and_nothing_else_is_printed(db_path, tmp_path):
    out = tmp_path / "reports" / "nightly" / "flag.md"
    res = run("flag", "--db", db_path, "--as-of", "2025-03-01", "--format", "markdown", "--output", str(out))
    assert res.exit_code == 3 and res.stdout == "" and res.stderr == ""
    assert out.read_text(encoding="utf-8").startswith("# Outstanding actions as of 2025-03-01: 1")
