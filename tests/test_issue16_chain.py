"""Issue 16, end to end as a new user would run it: three meetings of one
panel written as minutes files, `minutes ingest`, then `minutes flag --as-of
2025-03-01`. Six actions; four are closed in later minutes (a matters-arising
line with a minute reference, a report-back item, a confirmation, a briefing
that had taken place); the flag lists exactly the other two, each with the
evidence that keeps it open."""

from __future__ import annotations

import importlib.util
import json

import pytest
from click.testing import CliRunner

from pipeline.cli import main

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("extractors.actions") is None, reason="needs the action extractor",
)

HEAD = (
    "Wyvern District Council\n\nMINUTES of a meeting of the Community Safety "
    "Scrutiny Panel held at the Council"
    " Offices, Wyvern on Tuesday, {date}.\n\n"
)
MARCH = (
    HEAD.format(date="19 March 2024")
    + """15. Minutes of the previous meeting

The minutes of the meeting held on 16 January 2024 were approved as a correct record.

16. CCTV in the town centre

Members asked where the redeployable cameras had been placed. The Community Safety Manager \
undertook to circulate a plan showing where the redeployable CCTV cameras were deployed.

17. Licensing and the night-time economy

Members discussed Pubwatch membership. It was agreed that the Licensing Manager would report back \
on the Pubwatch scheme to the next meeting.

18. Anti-social behaviour powers

The Panel received a presentation on the new powers. It was agreed that a Members' briefing \
session on the new anti-social behaviour powers be arranged.

19. Fly-tipping

Members raised repeated fly-tipping at Mill Lane. The Chairman agreed to write to the Environment \
Agency about the fly-tipping at Mill Lane.

20. Street lighting

Officers agreed to provide figures on street lighting faults in the town centre to Members.

21. Youth diversion

Members welcomed the youth diversion work in Eastgate. The Community Safety Officer agreed to \
circulate the youth diversion funding bid to Members.
"""
)
JUNE = (
    HEAD.format(date="11 June 2024")
    + """1. Minutes of the previous meeting

The minutes of the meeting held on 19 March 2024 were approved as a correct record.

2. Matters arising

Minute 16: the CCTV deployment map had been circulated to Members on 2 April 2024.

Minute 19: the Chairman confirmed that he had written to the Environment Agency regarding the \
fly-tipping at Mill Lane.

Minute 20: figures on street lighting faults were still awaited.

3. Pubwatch scheme

The Licensing Manager reported back on the Pubwatch scheme as requested at the previous meeting. \
Twelve premises now took part.

RESOLVED that the report be noted.
"""
)
SEPTEMBER = (
    HEAD.format(date="17 September 2024")
    + """1. Minutes of the previous meeting

The minutes of the meeting held on 11 June 2024 were approved as a correct record.

2. Matters arising

The Members' briefing on the new ASB powers had taken place on 30 July 2024.

3. Youth diversion

Members discussed youth diversion in Eastgate. The youth diversion funding bid will be circulated \
once it has been submitted.
"""
)


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def chain(tmp_path):
    folder = tmp_path / "panel"
    folder.mkdir()
    for name, text in (("2024-03-19", MARCH), ("2024-06-11", JUNE), ("2024-09-17", SEPTEMBER)):
        (folder / f"panel-{name}.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "panel.db")
    assert run("ingest", str(folder), "--db", db, "--workers", "1", "-q").exit_code == 0
    return db


def test_flag_lists_exactly_the_two_open_actions_with_their_evidence(chain):
    res = run("flag", "--db", chain, "--as-of", "2025-03-01", "--json")
    assert res.exit_code == 3
    rows = json.loads(res.output)["actions"]
    assert len(rows) == 2
    by_topic = {("street lighting" in r["action"]): r for r in rows}
    lighting, youth = by_topic[True], by_topic[False]
    assert "youth diversion funding bid" in youth["action"]
    assert "still awaited" in lighting["last_evidence"] and lighting["last_evidence_date"] == "2024-06-11"
    assert "will be circulated" in youth["last_evidence"] and youth["last_evidence_date"] == "2024-09-17"
    assert {r["meeting_date"] for r in rows} == {"2024-03-19"} and all(r["action_id"] for r in rows)


def test_the_four_completions_and_how_each_was_found(chain):
    res = run("actions", "--db", chain, "--json")
    actions = json.loads(res.output)
    actions = actions["actions"] if isinstance(actions, dict) else actions
    done = {a["id"]: a["text"] for a in actions if a["status"] == "done"}
    assert len(actions) == 6 and len(done) == 4
    rules = {}
    for aid, text in done.items():
        detail = json.loads(run("action", aid, "--db", chain, "--json").output)
        (change,) = [c for c in detail["changes"] if c["status"] == "done"]
        rules[text.split()[-1]] = (change["rule"], change["quote"])
    assert (
        rules["deployed"][0] == "minute_ref" and "deployment map had been circulated" in rules["deployed"][1]
    )
    assert rules["meeting"][0] == "report_back" and "as requested" in rules["meeting"][1]
    assert rules["Lane"][0] == "minute_ref" and "confirmed that he had written" in rules["Lane"][1]
    assert "had taken place" in rules["arranged"][1]


def test_as_of_before_the_later_meetings_all_but_the_one_not_yet_due_are_outstanding(chain):
    rows = json.loads(run("flag", "--db", chain, "--as-of", "2024-06-01", "--json").output)["actions"]
    # "report back ... to the next meeting": due on 11 June 2024, not yet overdue on 1 June
    assert len(rows) == 5 and not any("Pubwatch" in r["action"] or "Pub watch" in r["action"] for r in rows)
