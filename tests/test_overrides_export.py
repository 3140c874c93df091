"""Officers' overrides are records: `--status` needs `--note`, every override
stays in the action's status history, and `minutes export` writes them (with
the evidence, status and due-date history and the flag runs) beside every
other table."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_link_support import Minutes, add

from pipeline import store
from pipeline.cli import main
from pipeline.config import load_config
from pipeline.link import link
from pipeline.link.overrides import set_override

C, K = "Wyvern District Council", "Audit Committee"
ACTION = "the Head of Finance would circulate the fraud risk register to Members"


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    path = tmp_path / "minutes.db"
    db = store.connect(path)
    add(
        db,
        Minutes(
            C,
            K,
            "2025-01-14",
            [("Fraud risk", f"Members discussed fraud. It was agreed that {ACTION}.")],
            actions=[(0, ACTION)],
        ),
    )
    add(db, Minutes(C, K, "2025-03-11", [("Matters arising", ("The fraud risk register had been circulated to"
                                          " Members on 3 February."))]))
    link(db, config=load_config().link)
    return str(path)


def action_id(db_path: str) -> str:
    return str(store.connect(db_path).execute("select id from actions").fetchone()[0])


def test_status_override_needs_a_note(db_path):
    aid = action_id(db_path)
    for note in ([], ["--note", "  "]):
        res = run("action", aid[:8], "--db", db_path, "--status", "dropped", *note)
        assert res.exit_code == 2 and res.stdout == "" and "--note" in res.stderr
    assert store.connect(db_path).execute("select count(*) from action_overrides").fetchone()[0] == 0
    with pytest.raises(ValueError):
        set_override(store.connect(db_path), aid, status="dropped", note="")


def test_every_override_stays_in_the_history(db_path):
    aid = action_id(db_path)
    assert (
        run(
            "action", aid[:8], "--db", db_path, "--status", "open", "--note", "register not yet received"
        ).exit_code
        == 0
    )
    res = run(
        "action",
        aid[:8],
        "--db",
        db_path,
        "--status",
        "done",
        "--note",
        "register received 14 March",
        "--json",
    )
    changes = json.loads(res.output)["changes"]
    assert [c["status"] for c in changes] == [
        "open",
        "done",
        "open",
        "done",
    ]  # minuted, evidence, two overrides
    assert [c["quote"] for c in changes if c["rule"] == "override"] == ["register not yet received",
                                                                       "register received 14 March"]
    # a re-link (as after any ingest) recomputes the history and keeps both
    link(store.connect(db_path), config=load_config().link)
    rows = store.connect(db_path).execute(
        "select status, quote from action_status_changes where action_id = ? and "
        "rule = 'override' order by seq",
        [aid],
    )
    assert rows.fetchall() == [("open", "register not yet received"), ("done", "register received 14 March")]


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_writes_every_table_overrides_and_history_included(db_path, tmp_path, fmt):
    aid = action_id(db_path)
    run("action", aid[:8], "--db", db_path, "--status", "in progress", "--note", "chased 2 April")
    assert run("flag", "--db", db_path, "--as-of", "2025-04-30", "--older-than", "0d").exit_code in (0, 3)
    out = tmp_path / "export"
    res = run("export", "--db", db_path, "--format", fmt, "--out", str(out))
    assert res.exit_code == 0
    db = store.connect(db_path)
    tables = {r[0] for r in db.execute("select name from sqlite_master where type = 'table'"
                                       " and name not like 'sqlite_%' and name not like '%fts%'")}
    assert {p.stem for p in out.iterdir()} == tables
    assert {
        "link_evidence",
        "action_status_changes",
        "action_due_changes",
        "action_overrides",
        "flag_runs",
    } <= tables

    def rows(table: str) -> list[dict]:
        path = out / f"{table}.{fmt}"
        if fmt == "json":
            return json.loads(path.read_text(encoding="utf-8"))
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))

    (override,) = rows("action_overrides")
    assert (
        override["action_id"] == aid
        and override["note"] == "chased 2 April"
        and override["status"] == "in progress"
    )
    history = rows("action_status_changes")
    assert [h["rule"] for h in history if h["action_id"] == aid][-1] == "override"
    assert any("had been circulated" in e["quote"] for e in rows("link_evidence"))
    for table in tables:  # every row of every table
        assert len(rows(table)) == db.execute(f"select count(*) from [{table}]").fetchone()[0], table
