"""`minutes flag`: what is listed, what is quiet, formats and exit codes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from test_link_support import Minutes, add

from pipeline import store
from pipeline.cli import main
from pipeline.config import load_config
from pipeline.link import link
from pipeline.link.overrides import set_override
from pipeline.reports.flag import FlagQuery, flagged
from pipeline.text.durations import parse_days

CFG = load_config().link
C, K = "Bromsgrove District Council", "Overview and Scrutiny Board"
OLD = "It was agreed that contact details would be provided to Members as an action"
NEW = "It was agreed that the matter would be discussed with the SNT Inspector as an action"
UNDATED = "Nominated Neighbour Scheme information packs be circulated for the consideration of Members"


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "flag.db"
    db = store.connect(path)
    add(db, Minutes(C, K, "2024-07-01", [("NWCSP", f"Camera Scheme discussed. {OLD}.")], actions=[(0, OLD)],
                    path="minutes/bromsgrove-2024-07-01.txt"))
    add(db, Minutes(C, K, "2026-11-10", [("Joy riding", f"Incident discussed. {NEW}.")], actions=[(0, NEW)]))
    add(db, Minutes("Redditch Borough Council", "Crime and Disorder Scrutiny Panel", None,
                    [("NWCSP update", f"RESOLVED that {UNDATED}.")], actions=[(0, UNDATED)]))
    link(db, config=CFG)
    return str(path)


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_parse_days():
    assert parse_days("90d") == 90 and parse_days("4w") == 28 and parse_days("28") == 28
    with pytest.raises(ValueError):
        parse_days("soon")


def test_default_is_quiet_about_young_actions_but_lists_undated(db_path):
    res = run("flag", "--db", db_path, "--as-of", "2026-11-23", "--json")
    assert res.exit_code == 3
    data = json.loads(res.output)
    texts = {a["action"]: a for a in data["actions"]}
    assert set(texts) == {OLD, UNDATED}  # NEW is 13 days old, under the 28d default
    assert (
        texts[OLD]["days_outstanding"] == (2026 - 2024) * 365 + 145
        and texts[OLD]["meeting_date"] == "2024-07-01"
    )
    assert texts[UNDATED]["meeting_date"] == "undated" and texts[UNDATED]["days_outstanding"] is None
    assert texts[OLD]["source"].startswith("minutes/bromsgrove-2024-07-01.txt p.1 chars ")
    assert texts[OLD]["context"] and texts[OLD]["item_title"] == "NWCSP"


def test_older_than_and_filters(db_path):
    res = run(
        "flag",
        "--db",
        db_path,
        "--as-of",
        "2026-11-23",
        "--older-than",
        "0d",
        "--council",
        "bromsgrove",
        "--format",
        "csv",
    )
    assert res.exit_code == 3
    lines = res.output.strip().splitlines()
    assert len(lines) == 3 and lines[0].startswith("action_id,council")
    res = run("flag", "--db", db_path, "--as-of", "2026-11-23", "--committee", "no such committee")
    assert res.exit_code == 0 and res.output.startswith("0 outstanding")


def test_done_and_overridden_actions_are_not_flagged(db_path):
    db = store.connect(db_path)
    add(
        db,
        Minutes(
            C, K, "2024-09-01", [("Matters arising", "The contact details had been provided to Members.")]
        ),
    )
    ids = {r[1]: r[0] for r in db.execute("select id, text from actions")}
    set_override(db, ids[UNDATED], status="dropped", note="Scheme closed in 2021")
    link(db, config=CFG)
    rows = flagged(db, FlagQuery("2026-11-23", 0))
    assert [r.action for r in rows] == [NEW]
    # as of a date before the closing minutes, the old action was still outstanding
    assert OLD in [r.action for r in flagged(db, FlagQuery("2024-08-15", 0))]


@pytest.mark.parametrize(
    "fmt,marker", [("markdown", "| council |"), ("html", "<table>"), ("table", "source:")]
)
def test_formats_and_output_file(db_path, tmp_path, fmt, marker):
    out = tmp_path / f"report.{fmt}"
    res = run("flag", "--db", db_path, "--as-of", "2026-11-23", "--format", fmt, "--output", str(out))
    assert res.exit_code == 3
    assert marker in out.read_text()
    assert res.stdout == ""


def test_action_command_shows_history_and_overrides(db_path):
    db = store.connect(db_path)
    aid = db.execute("select id from actions where text = ?", [OLD]).fetchone()[0]
    res = run("action", aid[:8], "--db", db_path, "--status", "done", "--note", "emailed 4 Nov")
    assert res.exit_code == 0
    assert "[done]" in res.output and "override" in res.output and "emailed 4 Nov" in res.output
    assert "source:  minutes/bromsgrove-2024-07-01.txt" in res.output
    res = run("action", "ffffffffffff", "--db", db_path)
    assert res.exit_code == 2


def test_an_action_across_a_paragraph_gap_is_printed_as_one_line_of_words(tmp_path):
    gapped = "Clerk to arrange\n\nsite visits for the new members"
    path = tmp_path / "gap.db"
    db = store.connect(path)
    add(db, Minutes(C, K, "2024-07-01", [("Depot", f"(ACTION: {gapped}.)")], actions=[(0, gapped)]))
    res = run("flag", "--db", str(path), "--as-of", "2026-11-23")
    assert "  action:   Clerk to arrange site visits for the new members\n" in res.output
