"""Corrections are updates: a file edited at the same path replaces its earlier
version (one document, the same facts, ids and officers' overrides carried
over); files that are gone are forgotten with --prune or `minutes forget`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEED_DIR

from pipeline import store
from pipeline.cli import main
from pipeline.config import load_config
from pipeline.link import link
from pipeline.link.overrides import set_override
from pipeline.records import MeetingMeta
from pipeline.run import ingest

PANEL = MeetingMeta(council="Redditch Borough Council", committee="Crime and Disorder Scrutiny Panel",
                    date="2019-10-01")

MINUTES = """Minutes

1. Nominated Neighbour Scheme

The Community Safety Manager presented an update on the Nominated Neighbour Scheme.

RESOLVED that Nominated Neighbour Scheme information packs be circulated to Members.

2. CCTV in Batchley

Members asked where the redeployable cameras had been placed. It was agreed that officers would \
provide the locations of the CCTV cameras in Batchley to Members as an action.

3. Safer Streets Fund bid

The Panel noted that £45,000 had been allocated to the Safer Streets Fund for 2019-20.

RESOLVED that the Safer Streets Fund bid report be deferred to the next meeting.
"""
CCTV = "provide the locations of the CCTV cameras in Batchley"


def fact_counts(db) -> dict[str, int]:
    return {t: db[t].count for t in ("documents", "agenda_items", *store.FACT_TABLES)}


def ids(db, table: str) -> set[str]:
    return {r[0] for r in db.execute(f"select id from [{table}]")}


def cctv_action(db) -> tuple[str, str, str]:
    return db.execute(
        "select id, status, document_id from actions where text like ?", [f"%{CCTV}%"]
    ).fetchone()


@pytest.fixture
def stored(tmp_path):
    """The minutes stored, with an officer's override on the CCTV action."""
    path = tmp_path / "in" / "2019-10-01.txt"
    path.parent.mkdir()
    path.write_text(MINUTES, encoding="utf-8")
    db = store.connect(tmp_path / "m.db")
    assert ingest([path.parent], db=db, meta=PANEL, workers=1).new == 1
    aid = cctv_action(db)[0]
    set_override(db, aid, status="done", note="Locations emailed to Members")
    link(db, config=load_config().link)
    return db, path


def test_an_edited_file_replaces_its_earlier_version(stored):
    db, path = stored
    before, action_ids, resolution_ids, amount_ids = (
        fact_counts(db),
        ids(db, "actions"),
        ids(db, "resolutions"),
        ids(db, "amounts"),
    )
    old_doc = cctv_action(db)[2]
    assert before["actions"] >= 1 and before["resolutions"] >= 2 and before["amounts"] >= 1
    path.write_text(MINUTES.replace("presented an update", "presented a short update"), encoding="utf-8")

    summary = ingest([path.parent], db=db, meta=PANEL, workers=1)

    assert fact_counts(db) == before  # one document, the same number of facts: nothing doubled
    assert (summary.new, summary.replaced, summary.failed) == (1, 1, 0)
    aid, status, doc_id = cctv_action(db)
    assert (
        doc_id != old_doc
        and db.execute("select count(*) from documents where id = ?", [old_doc]).fetchone()[0] == 0
    )
    assert status == "done"  # the officer's override is on the new version
    assert (
        ids(db, "actions") == action_ids
        and ids(db, "resolutions") == resolution_ids
        and ids(db, "amounts") == amount_ids
    )
    assert db.execute("select count(*) from meetings").fetchone()[0] == 1
    assert summary.warnings == []
    history = db.execute(
        "select status, rule from action_status_changes where action_id = ? order by seq", [aid]
    ).fetchall()
    assert history[-1] == ("done", "override")


def test_an_override_whose_action_vanished_is_kept_and_reported(stored):
    db, path = stored
    aid = cctv_action(db)[0]
    path.write_text(MINUTES.replace(CCTV, "report on the CCTV cameras in Batchley"), encoding="utf-8")

    summary = ingest([path.parent], db=db, meta=PANEL, workers=1)

    assert summary.replaced == 1 and cctv_action(db) is None
    [warning] = summary.warnings
    assert warning.stage == "override" and aid in warning.message and "done" in warning.message
    assert warning.path == str(path)
    assert db.execute("select count(*) from action_overrides where action_id = ?", [aid]).fetchone()[0] == 1
    assert db.execute("select count(*) from problems where stage = 'override' and message like ?",
                      [f"%{aid}%"]).fetchone()[0] == 1


def test_the_cli_says_a_correction_replaced_an_earlier_version(stored, tmp_path):
    _db, path = stored
    path.write_text(MINUTES.replace("presented an update", "gave an update"), encoding="utf-8")
    result = CliRunner().invoke(
        main,
        [
            "ingest",
            str(path.parent),
            "--db",
            str(tmp_path / "m.db"),
            "--workers",
            "1",
            "-q",
            "--council",
            PANEL.council,
            "--committee",
            PANEL.committee,
            "--date",
            PANEL.date,
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("1 new (1 replacing an earlier version), 0 unchanged")


def test_prune_forgets_documents_whose_files_are_gone(seed_folder, tmp_path):
    db_path = tmp_path / "m.db"
    db = store.connect(db_path)
    ingest([seed_folder], db=db, workers=1)
    full = fact_counts(db)
    gone = sorted(seed_folder.iterdir())[1]
    gone_id = db.execute("select id from documents where path = ?", [str(gone)]).fetchone()[0]
    gone_facts = {t: db.execute(f"select count(*) from [{t}] where document_id = ?", [gone_id]).fetchone()[0]
                  for t in full if t != "documents"}
    gone.unlink()

    kept = ingest([seed_folder], db=db, workers=1)  # without --prune nothing is removed
    assert kept.forgotten == 0 and fact_counts(db) == full

    result = CliRunner().invoke(
        main,
        ["ingest", str(seed_folder), "--db", str(db_path), "--prune", "--json", "-q", "--workers", "1"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["forgotten"] == 1
    after = fact_counts(store.connect(db_path))
    assert after["documents"] == full["documents"] - 1
    assert all(after[t] == full[t] - gone_facts[t] for t in gone_facts)
    assert crash_free_links(store.connect(db_path), gone_id)


def crash_free_links(db, doc_id: str) -> bool:
    """No evidence or status history still points at a forgotten document."""
    ev = db.execute("select count(*) from link_evidence where evidence_document_id = ?", [doc_id]).fetchone()[
        0
    ]
    ch = db.execute(
        "select count(*) from action_status_changes where evidence_document_id = ?", [doc_id]
    ).fetchone()[0]
    return ev == 0 and ch == 0


def test_forget_removes_a_path_and_reports_an_unknown_one(stored, tmp_path):
    db, path = stored
    aid = cctv_action(db)[0]
    result = CliRunner().invoke(main, ["forget", str(path), str(tmp_path / "never-stored.txt"),
                                       "--db", str(tmp_path / "m.db")], catch_exceptions=False)
    assert result.exit_code == 1
    assert "1 document(s) forgotten" in result.stdout
    assert "never-stored.txt" in result.stderr and aid in result.stderr  # the override is reported
    db = store.connect(tmp_path / "m.db")
    assert fact_counts(db) == {t: 0 for t in fact_counts(db)}
    assert db.execute("select count(*) from action_overrides").fetchone()[0] == 1  # never dropped


def test_a_duplicate_left_with_the_old_words_becomes_a_document_of_its_own(tmp_path):
    """Text and PDF of the same minutes: the text holds the facts. Corrected,
    the text no longer matches the PDF, so the PDF is read again on its own."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = shutil.copy(SEED_DIR / "002_8ea32eccb86cc6f3.txt", folder / "b.txt")
    pdf = shutil.copy(SEED_DIR / "002_8ea32eccb86cc6f3.pdf", folder / "a.pdf")
    db = store.connect(tmp_path / "m.db")
    ingest([text], db=db, workers=1)
    ingest([pdf], db=db, workers=1)
    assert db.execute("select format from documents where duplicate_of is not null").fetchall() == [("pdf",)]
    Path(text).write_text(
        Path(text).read_text(encoding="utf-8") + "\nA late addendum paragraph.\n", encoding="utf-8"
    )

    summary = ingest([folder], db=db, workers=1)

    assert summary.replaced == 1 and summary.failed == 0
    rows = db.execute("select format, duplicate_of from documents order by format").fetchall()
    assert rows == [("pdf", None), ("text", None)]
    pdf_id = db.execute("select id from documents where format = 'pdf'").fetchone()[0]
    assert db.execute("select count(*) from agenda_items where document_id = ?", [pdf_id]).fetchone()[0] > 0


def test_a_file_overwritten_with_another_stored_file_forgets_its_own_version(seed_folder, tmp_path):
    db = store.connect(tmp_path / "m.db")
    ingest([seed_folder], db=db, workers=1)
    first, second = sorted(seed_folder.iterdir())[:2]
    shutil.copyfile(second, first)  # the same bytes as a stored document, at another path
    summary = ingest([seed_folder], db=db, workers=1)
    assert (summary.new, summary.failed) == (0, 0)
    assert db.execute("select count(*) from documents where path = ?", [str(first)]).fetchone()[0] == 0
    assert db["documents"].count == len(list(seed_folder.iterdir())) - 1
    assert db.execute("select count(*) from documents where path = ?", [str(second)]).fetchone()[0] == 1


def test_reused_ids_never_collide_with_new_ones():
    """Re-extraction put other words at a fact's old offsets (so at its old
    offset-derived id) while its words moved: both rows keep distinct ids."""
    from pipeline.records import CleanDocument, Extraction, Fact, LoadedDocument, ProcessedDocument
    from pipeline.store.versions import FactIds

    doc = ProcessedDocument(
        CleanDocument(LoadedDocument("d" * 64, "x.txt", "text", ()), "", ()), (), Extraction()
    )
    old_words = Fact("resolution", 50, 60, "the report be noted", None, None)
    new_words = Fact("resolution", 10, 20, "other words", None, None)
    ids = FactIds(doc, {("resolutions", "the report be noted", ""): ["id-at-10-20"]})
    first = ids("resolutions", {"id": "id-at-10-20"}, new_words)  # minted from its offsets
    second = ids("resolutions", {"id": "id-at-50-60"}, old_words)  # would reuse the same id
    assert first["id"] != second["id"]
    ids = FactIds(doc, {("resolutions", "the report be noted", ""): ["id-at-10-20"]})
    second = ids("resolutions", {"id": "id-at-50-60"}, old_words)  # the other order
    first = ids("resolutions", {"id": "id-at-10-20"}, new_words)
    assert second["id"] == "id-at-10-20" and first["id"] != second["id"]


def test_a_duplicate_re_saved_in_the_same_run_as_the_correction_is_still_read_again(tmp_path):
    """The PDF is re-saved (new bytes, same words) and the text corrected, in
    one run: the PDF's new version is first stored as the old text's duplicate,
    then released by the correction, and must be read again in that run."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = Path(shutil.copy(SEED_DIR / "002_8ea32eccb86cc6f3.txt", folder / "b.txt"))
    pdf = Path(shutil.copy(SEED_DIR / "002_8ea32eccb86cc6f3.pdf", folder / "a.pdf"))
    db = store.connect(tmp_path / "m.db")
    ingest([text], db=db, workers=1)
    ingest([pdf], db=db, workers=1)
    pdf.write_bytes(pdf.read_bytes() + b"\n")
    text.write_text(text.read_text(encoding="utf-8") + "\nA late addendum paragraph.\n", encoding="utf-8")

    summary = ingest([folder], db=db, workers=1)

    assert summary.failed == 0
    rows = db.execute("select format, duplicate_of from documents order by format").fetchall()
    assert rows == [("pdf", None), ("text", None)]
    pdf_id = db.execute("select id from documents where format = 'pdf'").fetchone()[0]
    assert db.execute("select count(*) from agenda_items where document_id = ?", [pdf_id]).fetchone()[0] > 0
