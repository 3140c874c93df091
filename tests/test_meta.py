"""Meeting metadata parsed from the text minutes print."""

from __future__ import annotations

from datetime import date

from conftest import seed_path
from hypothesis import given
from hypothesis import strategies as st

from pipeline.load.meta import find_council, meta_from_text, parse_subtitle, split_names
from pipeline.text.dates import parse_date


def test_written_dates_are_day_first():
    assert parse_date("Wednesday 2nd November 2022") == "2022-11-02"
    assert parse_date("Thursday, 16th November, 2017 10.30 am") == "2017-11-16"
    assert parse_date("the 28TH JULY, 2017") == "2017-07-28"


def test_numeric_dates_are_day_first():
    assert parse_date("10/02/2026") == "2026-02-10"
    assert parse_date("01/12/2009") == "2009-12-01"


def test_impossible_or_partial_dates_are_none():
    assert parse_date("31/02/2020") is None
    assert parse_date("May 2024") is None


@given(st.dates(min_value=date(1970, 1, 1), max_value=date(2099, 12, 31)))
def test_numeric_round_trip(day):
    assert parse_date(day.strftime("%d/%m/%Y")) == day.isoformat()


def test_subtitle_gives_committee_and_date():
    assert parse_subtitle("Crime and Disorder Scrutiny - Monday, 8th March, 2010 6.30 pm") == (
        "Crime and Disorder Scrutiny",
        "2010-03-08",
    )


def test_subtitle_drops_a_moved_from_clause():
    committee, date = parse_subtitle(
        "Moved from 9th October 2018, Cabinet - Tuesday, 2nd October, 2018 2.00 pm"
    )
    assert (committee, date) == ("Cabinet", "2018-10-02")


def test_minutes_of_a_meeting_line():
    meta = meta_from_text(
        "KENT COUNTY COUNCIL\nCABINET\nMINUTES of a meeting of the Cabinet held "
        "in the Council Chamber, Sessions\n"
        "House, County Hall, Maidstone on Thursday, 9 January 2025.\nPRESENT: Mr "
        "R W Gough (Chairman), Mr N Baker,\n"
        "Mr R C Love, OBE and Mr R J Thomas\nIN ATTENDANCE: Dr A Ghosh (Director of Public Health)\n"
    )
    assert meta.council == "Kent County Council"
    assert meta.committee == "Cabinet"
    assert meta.date == "2025-01-09"
    assert meta.venue == "Council Chamber, Sessions House, County Hall, Maidstone"
    assert meta.attendees == ("Mr R W Gough", "Mr N Baker", "Mr R C Love", "Mr R J Thomas")


def test_venue_label_without_view_directions():
    meta = meta_from_text(seed_path("004").read_text(encoding="utf-8"))
    assert meta.venue == "Council Chamber Town Hall"


def test_issue_meeting_line(shared_corpus):
    meta = meta_from_text(
        (shared_corpus / "pages" / "haringey_csp_ieIssueDetails_IId39204.txt").read_text(encoding="utf-8")
    )
    assert (meta.committee, meta.date) == ("Community Safety Partnership", "2013-06-13")


def test_council_in_an_affiliation_bracket_is_not_the_host():
    assert find_council("Apologies from Cllr K. Evans (Ceredigion County Council).") is None
    assert find_council("Apologies from Ann Lee (Senior Officer – Wexshire County Council).") is None
    assert find_council("Oakley Town Council (hosts) met. Apologies (Ann Lee).") == "Oakley Town Council"
    assert find_council("Redditch Borough Council's representative on the PCP") == "Redditch Borough Council"
    assert find_council("Contact your Parish Council") is None


def test_a_council_named_again_inside_a_longer_phrase_is_still_one_council():
    text = ("The Oakley Parish Council Chair opened the meeting. Minutes of Previous Meeting "
            "Meeting of Oakley Parish Council held on 3 May were approved.")
    assert find_council(text) == "Oakley Parish Council"
    assert meta_from_text(text).council == "Oakley Parish Council"  # named twice, no other
    assert meta_from_text("Minutes. Oakley Parish Council had agreed the plan.").council is None  # once
    # two different councils named: no guess
    assert find_council(text + " Notes from Wexcombe Town Council were read.") is None


def test_split_names_drops_roles_and_honours():
    assert split_names("Mr A Smith (Chairman), Mrs B Jones, OBE and Ms C Brown") == (
        "Mr A Smith",
        "Mrs B Jones",
        "Ms C Brown",
    )
