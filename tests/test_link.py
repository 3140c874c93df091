"""Follow-through rules on hand-written minutes stored directly."""

from __future__ import annotations

import pytest
from test_link_support import Minutes, add, status

from pipeline import store
from pipeline.config import load_config
from pipeline.link import link
from pipeline.link.overrides import set_override

CFG = load_config().link
C, K = "Redditch Borough Council", "Crime and Disorder Scrutiny Panel"
PACKS = "Nominated Neighbour Scheme information packs be circulated for the consideration of Members"
CCTV = "Officers undertook to report the CCTV camera locations in Batchley to Members"


@pytest.fixture
def db(tmp_path):
    return store.connect(tmp_path / "t.db")


def first(db):
    return add(db, Minutes(C, K, "2019-10-01", [("NWCSP update", f"RESOLVED that {PACKS}. {CCTV}.")],
                           actions=[(0, PACKS), (0, CCTV)]))


def test_later_minutes_close_one_action_and_leave_the_other_open(db):
    ids = first(db)
    add(
        db,
        Minutes(
            C, K, "2019-12-03", [("Matters arising", "The information packs had been circulated to Members.")]
        ),
    )
    link(db, config=CFG)
    assert status(db, ids[PACKS]) == "done"
    assert status(db, ids[CCTV]) == "open"
    row = db.execute(
        "select rule, quote, score, at from action_status_changes where action_id = ? and seq = 1",
        [ids[PACKS]],
    ).fetchone()
    assert row[0] == "review_section" and "had been circulated" in row[1] and row[2] >= CFG.match_cutoff
    assert row[3] == "2019-12-03"


def test_evidence_in_an_earlier_meeting_is_ignored(db):
    add(
        db,
        Minutes(
            C, K, "2019-06-01", [("Matters arising", "The information packs had been circulated to Members.")]
        ),
    )
    ids = first(db)
    link(db, config=CFG)
    assert status(db, ids[PACKS]) == "open"


def test_other_committee_is_another_block(db):
    ids = first(db)
    add(
        db,
        Minutes(
            C,
            "Executive Committee",
            "2019-12-03",
            [("Matters arising", "The information packs had been circulated to Members.")],
        ),
    )
    link(db, config=CFG)
    assert status(db, ids[PACKS]) == "open"


def test_outstanding_phrase_keeps_it_open_then_done(db):
    ids = first(db)
    add(
        db,
        Minutes(
            C, K, "2019-12-03", [("Action log", "Batchley CCTV camera locations: an update was provided.")]
        ),
    )
    link(db, config=CFG)
    assert status(db, ids[CCTV]) == "in progress"
    add(
        db,
        Minutes(
            C, K, "2020-02-03", [("Action log", "The CCTV camera locations in Batchley remain outstanding.")]
        ),
    )
    link(db, config=CFG)
    assert status(db, ids[CCTV]) == "open"
    add(
        db,
        Minutes(
            C, K, "2020-03-03", [("Action log", "The Batchley CCTV camera locations had been provided.")]
        ),
    )
    link(db, config=CFG)
    assert status(db, ids[CCTV]) == "done"
    seq = [
        r[0]
        for r in db.execute(
            "select status from action_status_changes where action_id = ? order by seq", [ids[CCTV]]
        )
    ]
    assert seq == ["open", "in progress", "open", "done"]


def test_same_issue_id_links_even_without_shared_words(db):
    ids = add(db, Minutes(C, K, "2019-10-01", [("Budget", "Officers to prepare the plan.")],
                          actions=[(0, "Officers to prepare the plan")], issue_ids={0: "4242"}))
    add(db, Minutes(C, K, "2020-01-10", [("Budget (continued)", "The Panel considered the revised figures.")],
                    issue_ids={0: "4242"}))
    link(db, config=CFG)
    ev = db.execute(
        "select rule, status from link_evidence where subject_id = ?", [ids["Officers to prepare the plan"]]
    ).fetchall()
    assert ("issue_id", None) in ev
    assert status(db, ids["Officers to prepare the plan"]) == "in progress"


def test_deferred_to_a_named_date_is_followed_to_that_meeting(db):
    text = (
        "RESOLVED that the Safer City strategy be deferred until 25 April 2013 "
        "and officers revise the action plan."
    )
    action = "officers revise the action plan"
    ids = add(db, Minutes("City of London", "Safer City Group", "2013-02-01", [("Safer City Strategy", text)],
                          actions=[(0, action)]))
    add(
        db,
        Minutes(
            "City of London", "Safer City Group", "2013-03-01", [("Other business", "Nothing on strategy.")]
        ),
    )
    add(
        db,
        Minutes(
            "City of London",
            "Safer City Group",
            "2013-04-25",
            [
                ("Apologies", "None."),
                ("Safer City Strategy", "The Group considered the revised Safer City strategy."),
            ],
        ),
    )
    link(db, config=CFG)
    rows = db.execute(
        "select rule, meeting_date, quote from link_evidence where subject_id = ? order by meeting_date",
        [ids[action]],
    ).fetchall()
    assert rows[0][:2] == ("deferred", "2013-02-01") and "25 April 2013" in rows[0][2]
    assert ("deferral", "2013-04-25") in [r[:2] for r in rows]
    assert (
        db.execute("select due_date from actions where id = ?", [ids[action]]).fetchone()[0] == "2013-04-25"
    )


def test_next_meeting_due_date_resolves_once_that_meeting_is_stored(db):
    action = "officers report back on the PSPO consultation"
    ids = add(
        db,
        Minutes(C, K, "2023-10-01", [("PSPO", f"It was agreed that {action}.")], actions=[(0, action)]),
        due={action: "the next meeting"},
    )
    link(db, config=CFG)
    assert db.execute("select due_date from actions where id = ?", [ids[action]]).fetchone()[0] is None
    add(db, Minutes(C, K, "2023-12-05", [("Minutes", "Approved.")]))
    link(db, config=CFG)
    assert (
        db.execute("select due_date from actions where id = ?", [ids[action]]).fetchone()[0] == "2023-12-05"
    )


def test_scheme_block_crosses_committees(db):
    action = "officers to report how many residents joined the Nominated Neighbour Scheme"
    ids = add(
        db,
        Minutes(
            C,
            K,
            "2019-10-01",
            [("NWCSP", f"It was agreed that {action}.")],
            actions=[(0, action)],
            schemes=[(0, "Nominated Neighbour Scheme", "Nominated Neighbour Scheme")],
        ),
    )
    add(
        db,
        Minutes(
            C,
            "Executive Committee",
            "2020-01-01",
            [
                (
                    "Community safety",
                    "The number of residents who joined the Nominated Neighbour Scheme had been reported.",
                )
            ],
            schemes=[(0, "Nominated Neighbour Scheme", "Nominated Neighbour Scheme")],
        ),
    )
    link(db, config=CFG)
    assert status(db, ids[action]) == "done"
    assert (
        db.execute("select rule from link_evidence where subject_id = ?", [ids[action]]).fetchone()[0]
        == "scheme"
    )


def test_override_wins_and_survives_relink_and_reinsert(db):
    ids = first(db)
    set_override(db, ids[CCTV], status="done", note="Locations emailed to Members 4 Nov")
    link(db, config=CFG)
    assert status(db, ids[CCTV]) == "done"
    # re-extraction rewrites the action row with status open: the override must come back
    db.execute("delete from actions where id = ?", [ids[CCTV]])
    row = {"id": ids[CCTV], "text": CCTV, "status": "open"}
    db["actions"].insert(row)
    link(db, config=CFG)
    assert status(db, ids[CCTV]) == "done"
    last = db.execute(
        "select rule, quote from action_status_changes where action_id = ? order by seq desc", [ids[CCTV]]
    ).fetchone()
    assert last == ("override", "Locations emailed to Members 4 Nov")


def test_undated_meeting_gets_no_later_evidence(db):
    ids = add(db, Minutes(C, K, None, [("NWCSP", f"RESOLVED that {PACKS}.")], actions=[(0, PACKS)]))
    add(
        db,
        Minutes(
            C, K, "2019-12-03", [("Matters arising", "The information packs had been circulated to Members.")]
        ),
    )
    link(db, config=CFG)
    assert status(db, ids[PACKS]) == "open"


def test_noting_resolutions_are_not_followed(db):
    add(
        db,
        Minutes(
            C,
            K,
            "2019-10-01",
            [("NWCSP", "RESOLVED that the report be noted. RESOLVED that the CCTV plan be adopted.")],
            resolutions=[(0, "the report be noted", True), (0, "the CCTV plan be adopted", False)],
        ),
    )
    summary = link(db, config=CFG)
    assert summary.resolutions == 1
