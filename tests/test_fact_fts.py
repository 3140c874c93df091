"""The FTS5 indexes over actions, resolutions and amounts stay equal to the
facts through every way the store writes them, and the list views the UI
reads are there and current."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import query_fixtures as fx
import sqlite_utils

from pipeline import store
from pipeline.reports.fts import fts_query
from pipeline.store import fts, views
from pipeline.store.ensure import views_up_to_date


def indexed(db: sqlite_utils.Database, table: str) -> dict[int, tuple]:
    cols = ", ".join(c for c, _ in fts.FACT_FTS[table])
    return {r[0]: tuple(r[1:]) for r in db.execute(f"select rowid, {cols} from {table}_fts")}


def expected(db: sqlite_utils.Database, table: str) -> dict[int, tuple]:
    """What the index should hold, computed here from the rows (the amounts'
    context is the document text around the sum)."""
    out = {}
    if table == "amounts":
        for rowid, text, purpose, doc, start, end in db.execute(
            "select a.rowid, a.text, a.purpose, d.text, a.start_char, a.end_char"
            " from amounts a join documents d on d.id = a.document_id"
        ):
            lo = max(0, start - fts.AMOUNT_WINDOW)
            out[rowid] = (text, purpose, doc[lo:lo + end - start + 2 * fts.AMOUNT_WINDOW])
        return out
    cols = ", ".join(c for c, _ in fts.FACT_FTS[table])
    return {r[0]: tuple(r[1:]) for r in db.execute(f"select rowid, {cols} from {table}")}


def assert_in_step(db: sqlite_utils.Database) -> None:
    for table in fts.FACT_FTS:
        assert indexed(db, table) == expected(db, table), table
        db.execute(f"insert into {table}_fts ({table}_fts) values ('integrity-check')")


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    return fx.build(tmp_path / "m.db")


def test_a_new_store_indexes_every_fact(db: sqlite_utils.Database) -> None:
    assert (
        len(indexed(db, "actions")) == 2
        and len(indexed(db, "resolutions")) == 2
        and len(indexed(db, "amounts")) == 3
    )
    assert_in_step(db)


def test_insert_or_replace_update_and_delete_keep_the_index_in_step(db: sqlite_utils.Database) -> None:
    row = dict(zip([c[0] for c in db.execute("select * from actions").description],
                   db.execute("select * from actions where text = ?", [fx.ASB_ACTION]).fetchone()))
    # re-stored under the same id (what save_facts does with replace=True): one entry, not two
    db["actions"].insert({**row, "owner": "The Head of Community Services"}, replace=True)
    assert_in_step(db)
    assert db.execute("select count(*) from actions_fts where actions_fts match ?",
                      [fts_query("Head of Community Services")]).fetchone()[0] == 1
    db.execute("update actions set status = 'done' where id = ?", [row["id"]])  # not an indexed column
    db.execute("update resolutions set text = 'a changed resolution' where is_noting = 1 and part = '4.1'")
    db.execute("update amounts set purpose = 'youth diversion' where raw = '£50k'")
    assert_in_step(db)
    assert (
        db.execute("select count(*) from amounts_fts where amounts_fts match 'diversion'").fetchone()[0] == 1
    )
    store.delete_document_rows(db, "d0")
    assert_in_step(db)
    assert db.execute("select count(*) from actions_fts").fetchone()[0] == 0


def test_an_older_store_gets_its_indexes_filled_on_connect(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = fx.build(path)
    for name in fts.TRIGGERS:
        db.execute(f"drop trigger [{name}]")
    for table in fts.FACT_FTS:
        db.execute(f"drop table {table}_fts")
    db.execute("drop view action_list")
    db.execute("drop view resolution_list")
    db.execute("create view resolution_list as select 1 as stale")  # an older definition
    db.conn.close()
    db = store.connect(path)
    assert_in_step(db)
    assert views_up_to_date(db)
    assert "resolution" in [c[0] for c in db.execute("select * from resolution_list").description]


def test_amounts_are_found_by_the_words_around_them(db: sqlite_utils.Database) -> None:
    # "£195,000" is written in a sentence about the CCTV capital fund (seed 001).
    found = {
        r[0]
        for r in db.execute(
            "select a.raw from amounts_fts join amounts a on a.rowid = "
            "amounts_fts.rowid where amounts_fts match ?",
            [fts_query("CCTV")],
        )
    }
    assert "£195,000" in found and "£50k" not in found


def test_list_views_lead_with_the_fact_and_carry_links(db: sqlite_utils.Database) -> None:
    cols = [c[0] for c in db.execute("select * from action_list").description]
    assert cols[:9] == ["rowid", "action", "council", "committee", "date", "owner", "due", "status", "themes"]
    assert {"evidence", "history", "meeting", "id", "age", "year"} <= set(cols)
    row = db.execute("select action, council, meeting, age, year, themes from action_list where action = ?",
                     [fx.ASB_ACTION]).fetchone()
    assert row[1:3] == ("Bromsgrove District Council", "m0")
    assert row[3] in views.AGE_BANDS and row[4] == "2024"
    assert json.loads(row[5]) == ["Anti-social behaviour"]
    kinds = dict(db.execute("select resolution, kind from resolution_list").fetchall())
    assert set(kinds.values()) == {"noted"}


def test_a_run_of_the_real_pipeline_keeps_the_index_in_step(tmp_path: Path, seed_dir: Path) -> None:
    """Ingest and re-extract with the real stages: the triggers see INSERT OR
    REPLACE and the delete-and-insert of reextract."""
    from pipeline import run
    from pipeline.config import load_config
    from pipeline.run.reextract import reextract

    db = store.connect(tmp_path / "real.db")
    run.ingest([seed_dir], db=db, workers=1)
    assert db.execute("select count(*) from actions").fetchone()[0] > 0
    assert_in_step(db)
    reextract(db, config=load_config())
    assert_in_step(db)
