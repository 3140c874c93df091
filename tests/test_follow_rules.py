"""Follow-through pieces one at a time: terms, verdicts, minute references,
decision notices, parent bodies, "not trackable" and moved due dates."""

from __future__ import annotations

import dataclasses
import json

import pytest
from click.testing import CliRunner
from test_link_support import Minutes, add, status

from pipeline import store
from pipeline.cli import main
from pipeline.config import load_config
from pipeline.link import link
from pipeline.link.cues import find_reschedule, minute_ref, notice_date
from pipeline.link.terms import termer_for
from pipeline.link.text import phrase_rules
from pipeline.reports.flag import FlagQuery, flagged, untrackable

CFG = load_config().link
C, K = "Ashby Town Council", "Community Committee"


@pytest.fixture
def db(tmp_path):
    return store.connect(tmp_path / "r.db")


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


# -- terms ------------------------------------------------------------------
@pytest.mark.parametrize("a,b", [
    ("circulate the plan", "the map had been sent"),
    ("a briefing session", "the Members' workshop"),
    ("anti-social behaviour powers", "ASB powers"),
    ("the redeployable cameras were deployed", "the CCTV deployment"),
    ("he had written to the agency", "write to the agency"),
])
def test_different_wording_gives_the_same_terms(a, b):
    t = termer_for()
    ta, tb = set(t.terms(a)), set(t.terms(b))
    assert ta and tb and (ta <= tb or tb <= ta), (ta, tb)


def test_owner_words_are_left_out_and_rare_words_weigh_more():
    t = termer_for()
    terms = t.terms("The Licensing Manager would report back on the Pubwatch scheme",
                    drop=t.owner_words("The Licensing Manager"))
    assert "licens" not in terms and "pubwatch" in terms
    assert terms["pubwatch"] > terms["scheme"] > terms["report"]


# -- verdicts and cues ------------------------------------------------------
@pytest.mark.parametrize("sentence,expected", [
    ("The map had been circulated to Members.", "done"),
    ("The map had not been circulated.", "open"),
    ("The map will be circulated next week.", "open"),
    ("The bid would be circulated once it had been submitted.", "open"),
    ("The map had been circulated and would be discussed at the next meeting.", "done"),
    ("Figures were still awaited.", "open"),
    ("The review remained outstanding.", "open"),
    ("The Chairman confirmed that he had written to the Agency.", "done"),
    ("The briefing had taken place on 30 July.", "done"),
    ("An update was provided on the map.", "in progress"),
    ("The scheme had been superseded by the county scheme.", "superseded"),
    ("Members discussed the map.", None),
])
def test_leftmost_phrase_decides(sentence, expected):
    assert phrase_rules(CFG).status_of(sentence) == expected


def test_minute_references_and_notice_dates():
    assert minute_ref("Minute 16: the map had been circulated.") == "16"
    assert minute_ref("Min. 5/21 - data had been provided") == "5"
    assert minute_ref("The map (Minute 16 refers) had been sent.") == "16"
    assert minute_ref("The minutes of the meeting were approved.") is None
    assert (
        notice_date("Decision Notice\nDecision determined at Cabinet meeting on 15 May 2025") == "2025-05-15"
    )


def test_reschedule_cues():
    found = find_reschedule("The report would now be presented in October 2024.")
    assert found is not None and found.due_date == "2024-10-31"
    found = find_reschedule("The review had been deferred to the next meeting.")
    assert found is not None and found.next_meeting and found.due_date is None
    assert find_reschedule("The review had been completed.") is None


# -- rules in a store ---------------------------------------------------------
MAP = "Officers to circulate the map of the new bus shelters"
LIST = "Officers to circulate the list of bus shelter repairs"


def test_a_minute_reference_to_another_minute_does_not_close(db):
    ids = add(db, Minutes(C, K, "2024-01-09", [("Bus shelters", f"{MAP}."), ("Repairs", f"{LIST}.")],
                          actions=[(0, MAP), (1, LIST)], numbers={0: "7", 1: "8"}))
    add(db, Minutes(C, K, "2024-03-12", [("Matters arising",
                                          "Minute 8: the list of bus shelter repairs had been circulated.")]))
    link(db, config=CFG)
    assert status(db, ids[LIST]) == "done" and status(db, ids[MAP]) == "open"


def test_a_decision_notice_of_the_same_meeting_is_not_later_evidence(db):
    action = "Officers to bring the allotment rents review back to the Committee for decision"
    ids = add(db, Minutes(C, K, "2024-01-09", [("Allotments", f"{action}.")], actions=[(0, action)]))
    # the notice for that meeting, published a week later and stored as if it were a meeting of that date
    add(
        db,
        Minutes(
            C,
            K,
            "2024-01-16",
            [
                (
                    "Decision notice",
                    ("Decision determined at Community Committee meeting on 9 January 2024."),
                ),
                (
                    "Allotments",
                    (
                        "Decision taken: the allotment rents review be brought back"
                        " to the Committee for decision."
                    ),
                ),
            ],
        ),
    )
    link(db, config=CFG)
    assert status(db, ids[action]) == "open"
    add(
        db,
        Minutes(
            C,
            K,
            "2024-04-20",
            [
                ("Decision notice", ("Decision determined at Community Committee meeting on 16 April 2024.")),
                (
                    "Allotment rents review",
                    ("Decision taken: the Committee approved the allotment rents review."),
                ),
            ],
        ),
    )
    link(db, config=CFG)
    assert status(db, ids[action]) == "done"
    rule = db.execute("select rule from action_status_changes where action_id = ? and status = 'done'",
                      [ids[action]]).fetchone()[0]
    assert rule in ("decision_notice", "report_back")


def test_configured_parent_body(db):
    action = "The Chair to write to the bus operator about the withdrawn Sunday service"
    ids = add(db, Minutes(C, "Transport Working Group", "2024-01-09", [("Buses", f"{action}.")],
                          actions=[(0, action)]))
    add(db, Minutes(C, K, "2024-02-13", [("Transport", ("The Chair had written to the bus operator about the"
                                                        " withdrawn Sunday service."))]))
    link(db, config=CFG)
    assert status(db, ids[action]) == "open"  # not linked: nothing says the group reports to the committee
    link(
        db, config=dataclasses.replace(CFG, parent_bodies=("Transport Working Group > Community Committee",))
    )
    assert status(db, ids[action]) == "done"
    assert (
        db.execute("select rule from link_evidence where subject_id = ?", [ids[action]]).fetchone()[0]
        == "parent_body"
    )


VAGUE = "Officers would look into the provision of dog bins near the playing field"


def test_not_trackable_is_listed_apart_and_never_overdue(db, tmp_path):
    ids = add(
        db,
        Minutes(C, K, "2024-01-09", [("Playing field", f"{VAGUE}. {MAP}.")], actions=[(0, VAGUE), (0, MAP)]),
    )
    link(db, config=CFG)
    assert status(db, ids[VAGUE]) == "not trackable"
    query = FlagQuery("2024-12-01", 28)
    assert [r.action for r in flagged(db, query)] == [MAP]
    assert [r.action for r in untrackable(db, query)] == [VAGUE]
    path = str(tmp_path / "r.db")
    res = run("flag", "--db", path, "--as-of", "2024-12-01")
    assert res.exit_code == 3 and res.output.startswith("1 outstanding")
    assert "Not trackable" in res.output and VAGUE in res.output
    data = json.loads(run("flag", "--db", path, "--as-of", "2024-12-01", "--json").output)
    assert data["flagged"] == 1 and [r["action"] for r in data["not_trackable"]] == [VAGUE]
    # evidence of completion still closes it
    add(
        db,
        Minutes(
            C, K, "2024-03-12", [("Playing field", "Two dog bins had been installed near the playing field.")]
        ),
    )
    link(db, config=CFG)
    assert status(db, ids[VAGUE]) == "done"


def test_only_vague_actions_flag_nothing(db, tmp_path):
    add(db, Minutes(C, K, "2024-01-09", [("Playing field", f"{VAGUE}.")], actions=[(0, VAGUE)]))
    link(db, config=CFG)
    assert run("flag", "--db", str(tmp_path / "r.db"), "--as-of", "2024-12-01").exit_code == 0


def test_a_due_date_makes_a_vague_commitment_trackable(db):
    ids = add(
        db,
        Minutes(C, K, "2024-01-09", [("Playing field", f"{VAGUE} by 1 March 2024.")], actions=[(0, VAGUE)]),
    )
    db.execute("update actions set due_date = '2024-03-01' where id = ?", [ids[VAGUE]])
    link(db, config=CFG)
    assert status(db, ids[VAGUE]) == "open"


TAXI = "The Licensing Manager to present the review of taxi licensing fees"


def test_a_moved_deadline_is_kept_with_its_source_and_used_by_the_flag(db, tmp_path):
    ids = add(
        db,
        Minutes(C, K, "2024-03-05", [("Taxi licensing", f"{TAXI} by 30 June 2024.")], actions=[(0, TAXI)]),
        due={TAXI: "by 30 June 2024"},
    )
    db.execute("update actions set due_date = '2024-06-30' where id = ?", [ids[TAXI]])
    add(
        db,
        Minutes(
            C,
            K,
            "2024-07-10",
            [
                (
                    "Taxi licensing",
                    ("The review of taxi licensing fees would now be presented in October 2024."),
                )
            ],
        ),
    )
    link(db, config=CFG)
    rows = db.execute(
        "select seq, due_date, rule, quote, at from action_due_changes where action_id = ? order by seq",
        [ids[TAXI]],
    ).fetchall()
    assert [r[:3] for r in rows] == [(0, "2024-06-30", "minuted"), (1, "2024-10-31", "rescheduled")]
    assert "would now be presented in October 2024" in rows[1][3] and rows[1][4] == "2024-07-10"
    overdue = lambda as_of: [r.action for r in flagged(db, FlagQuery(as_of, 0))]
    assert overdue("2024-07-05") == [TAXI]  # the June deadline had passed; the move was not yet minuted
    assert overdue("2024-08-01") == []  # moved to October
    assert overdue("2024-11-15") == [TAXI]
    res = run("action", ids[TAXI], "--db", str(tmp_path / "r.db"))
    assert "due dates:  (moved)" in res.output and "due 2024-10-31 (rescheduled: October 2024)" in res.output
    assert "item Taxi licensing" in res.output


def test_deferred_to_the_next_meeting_resolves_once_it_is_stored(db):
    ids = add(db, Minutes(C, K, "2024-03-05", [("Taxi licensing", f"{TAXI}.")], actions=[(0, TAXI)]))
    add(
        db,
        Minutes(
            C,
            K,
            "2024-07-10",
            [
                (
                    "Taxi licensing",
                    ("The review of taxi licensing fees had been deferred to the next meeting."),
                )
            ],
        ),
    )
    link(db, config=CFG)
    row = db.execute(
        "select due_date, due_text from action_due_changes where action_id = ?", [ids[TAXI]]
    ).fetchone()
    assert row == (None, "next meeting")
    add(db, Minutes(C, K, "2024-09-11", [("Apologies", "None.")]))
    link(db, config=CFG)
    row = db.execute("select due_date from action_due_changes where action_id = ?", [ids[TAXI]]).fetchone()
    assert row == ("2024-09-11",)
    assert status(db, ids[TAXI]) == "open"


def test_flag_shows_the_absence_of_evidence(db, tmp_path):
    add(db, Minutes(C, K, "2024-01-09", [("Bus shelters", f"{MAP}.")], actions=[(0, MAP)]))
    link(db, config=CFG)
    res = run("flag", "--db", str(tmp_path / "r.db"), "--as-of", "2024-12-01")
    assert "last:     no evidence in later minutes" in res.output


def test_an_action_printed_in_the_notice_and_the_minutes_is_one_row(db, tmp_path):
    minutes = add(db, Minutes(C, K, "2024-01-09", [("Bus shelters", f"{MAP}.")], actions=[(0, MAP)],
                              path="minutes.txt"))
    add(
        db,
        Minutes(
            C,
            K,
            "2024-01-09",
            [
                (
                    "Decision notice",
                    ("Decision determined at Community Committee meeting on 9 January 2024."),
                ),
                ("Bus shelters", f"{MAP}."),
            ],
            actions=[(1, MAP)],
            path="notice.txt",
        ),
    )
    link(db, config=CFG)
    assert db.execute("select count(*) from actions").fetchone()[0] == 2
    (row,) = flagged(db, FlagQuery("2024-12-01", 28))
    assert row.action_id == minutes[MAP] and row.document == "minutes.txt"
    assert len(row.also_in) == 1 and row.also_in[0].startswith("notice.txt")
    res = run("flag", "--db", str(tmp_path / "r.db"), "--as-of", "2024-12-01")
    assert res.output.startswith("1 outstanding") and "also in:  notice.txt" in res.output


def test_committee_spelt_with_an_ampersand_and_no_council_is_the_same_committee(db):
    ids = add(db, Minutes(C, "Transport and Parking Committee", "2024-01-09", [("Bus shelters", f"{MAP}.")],
                          actions=[(0, MAP)]))
    add(db, Minutes(C, "Litter Panel", "2024-02-01", [("Litter", "Nothing to report.")]))
    add(db, Minutes(None, "Transport & Parking Committee", "2024-03-12",  # a notice that names no council
                    [("Bus shelters", "The map of the new bus shelters had been circulated.")]))
    link(db, config=CFG)
    assert status(db, ids[MAP]) == "done"
