"""Follow-through end to end: documents written for the purpose, the seeds and
the City of London deferral chain, ingested with pipeline.run.ingest."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import store
from pipeline.cli import main
from pipeline.config import load_config
from pipeline.link import link
from pipeline.link.overrides import set_override
from pipeline.records import MeetingMeta
from pipeline.run import ingest

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("extractors.actions") is None
    or importlib.util.find_spec("extractors.resolutions") is None,
    reason="needs the action and resolution extractors",
)

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
PANEL = MeetingMeta(council="Redditch Borough Council", committee="Crime and Disorder Scrutiny Panel")

FIRST = """Minutes

1. Nominated Neighbour Scheme

The Community Safety Manager presented an update on the Nominated Neighbour Scheme.

RESOLVED that Nominated Neighbour Scheme information packs be circulated to Members.

2. CCTV in Batchley

Members asked where the redeployable cameras had been placed. It was agreed that officers would \
provide the locations of the CCTV cameras in Batchley to Members as an action.

3. Safer Streets Fund bid

RESOLVED that the Safer Streets Fund bid report be deferred to the next meeting.
"""
SECOND = """Minutes

1. Matters arising

The information packs for the Nominated Neighbour Scheme had been circulated to Members.

2. Safer Streets Fund bid

The Panel considered the Safer Streets Fund bid report deferred from the previous meeting.

RESOLVED that the Safer Streets Fund bid be submitted.
"""


def _ingest(db, path: Path, text: str, date: str, meta: MeetingMeta = PANEL) -> None:
    path.write_text(text, encoding="utf-8")
    summary = ingest([path], db=db, meta=MeetingMeta(date=date).merged(meta), workers=1)
    assert summary.failed == 0


@pytest.fixture
def panel(tmp_path):
    db = store.connect(tmp_path / "p.db")
    _ingest(db, tmp_path / "2019-10-01.txt", FIRST, "2019-10-01")
    _ingest(db, tmp_path / "2019-12-03.txt", SECOND, "2019-12-03")
    return db


def _action(db, words: str) -> tuple[str, str]:
    return db.execute("select id, status from actions where text like ?", [f"%{words}%"]).fetchone()


def test_action_closed_by_later_minutes_and_one_left_open(panel):
    assert _action(panel, "information packs")[1] == "done"
    assert _action(panel, "CCTV cameras in Batchley")[1] == "open"
    quote = panel.execute("select quote from action_status_changes where action_id = ? and status = 'done'",
                          [_action(panel, "information packs")[0]]).fetchone()[0]
    assert "had been circulated to Members" in quote


def test_deferred_item_picked_up_at_the_next_meeting(panel):
    rows = panel.execute(
        "select e.rule, e.meeting_date from link_evidence e join resolutions r on r.id = e.subject_id"
        " where r.text like '%deferred to the next meeting%' order by e.meeting_date").fetchall()
    assert rows == [("deferred", "2019-10-01"), ("deferral", "2019-12-03")]


def test_override_survives_reingest(panel, tmp_path):
    aid = _action(panel, "CCTV cameras in Batchley")[0]
    set_override(panel, aid, status="done", note="Locations emailed to Members")
    link(panel, config=load_config().link)
    doc_id = panel.execute("select document_id from actions where id = ?", [aid]).fetchone()[0]
    with store.transaction(panel):
        store.delete_document_rows(panel, doc_id)
    assert _action(panel, "CCTV cameras in Batchley") is None
    (tmp_path / "2019-10-01.txt").unlink()
    _ingest(panel, tmp_path / "2019-10-01.txt", FIRST, "2019-10-01")
    assert _action(panel, "CCTV cameras in Batchley") == (aid, "done")
    assert _action(panel, "information packs")[1] == "done"


def test_city_of_london_deferral_chain(tmp_path, shared_corpus):
    pages = shared_corpus / "pages"
    db = store.connect(tmp_path / "col.db")
    group = MeetingMeta(
        council="City of London Corporation", committee="Safer City Partnership Strategy Group"
    )
    for name, when in (
        ("cityoflondon_mgAi_64244.txt", "2017-09-13"),
        ("cityoflondon_mgAi_66092.txt", "2017-11-03"),
    ):
        ingest([pages / name], db=db, meta=MeetingMeta(date=when).merged(group), workers=1)
    rows = db.execute(
        "select e.rule, e.meeting_date, d.path from link_evidence e join "
        "documents d on d.id = e.evidence_document_id"
        " order by e.meeting_date"
    ).fetchall()
    assert ("deferral", "2017-11-03", str(pages / "cityoflondon_mgAi_66092.txt")) in rows
    assert any(r[:2] == ("deferred", "2017-09-13") for r in rows)


def test_seeds_flag_2024_and_2019_actions(tmp_path):
    db_path = tmp_path / "seeds.db"
    db = store.connect(db_path)
    ingest(sorted(CORPUS.glob("00[0-4]_*.txt")), db=db, workers=1)
    res = CliRunner().invoke(main, ["flag", "--db", str(db_path), "--as-of", "2026-11-23", "--json"])
    assert res.exit_code == 3
    flagged = json.loads(res.output)["actions"]
    seed000 = [a for a in flagged if "000_7ee41a706ab96347" in a["document"]]
    assert len(seed000) >= 4 and any(
        "contact details would be provided to Members" in a["action"] for a in seed000
    )
    assert any("information packs be circulated" in a["action"] and "002_8ea32eccb86cc6f3" in a["document"]
               for a in flagged)
