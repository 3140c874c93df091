"""The meeting-metadata scorer's matching rules (pipeline/reports/evaluate/meeting.py)."""

from __future__ import annotations

from pipeline.records import MeetingMeta
from pipeline.reports.evaluate.meeting import accuracy, same_committee, same_council, score_meeting


def test_committee_names_match_after_normalising():
    assert same_committee("Planning & Regulatory Committee", "Planning and Regulatory Committee")
    assert same_committee("Cabinet", "the Cabinet (pre 2012)")
    assert same_committee("Licensing Sub-Committee No. 5", "Licensing Sub-Committee No.5")


def test_full_council_names_are_one_body():
    assert same_committee("Council", "Parish Council")
    assert same_committee("County Council", "Council")
    assert not same_committee("Council", "Planning Committee")


def test_a_place_name_in_front_counts_only_when_it_is_the_councils():
    assert same_committee(
        "Health and Wellbeing Board", "Plymouth Health and Wellbeing Board", ("Plymouth City Council",)
    )
    assert not same_committee("Overview and Scrutiny Committee", "Scrutiny Committee", ("Anytown Council",))
    assert not same_committee(
        "Health and Wellbeing Board", "Plymouth Health and Wellbeing Board", ("Anytown Council",)
    )


def test_different_committees_do_not_match():
    assert not same_committee("Crime and Disorder Scrutiny Panel", "Community Safety Partnership")
    assert not same_committee("Cabinet", None)


def test_council_names_match_on_their_place_words():
    assert same_council("London Borough of Merton", "Merton Council")
    assert same_council("Brighton & Hove City Council", "Brighton and Hove City Council")
    assert not same_council("Aberdeen City Integration Joint Board", "Aberdeen City Council")
    assert not same_council("Kent County Council", None)


def test_only_what_the_gold_states_is_scored():
    gold = {"meeting_date": "2024-05-01", "committee": None, "council": "Anytown District Council"}
    fields = score_meeting(
        gold, MeetingMeta(council="Anytown District Council", committee="Cabinet", date="2024-05-02")
    )
    assert fields["date"].right is False
    assert fields["committee"].right is None
    assert fields["council"].right is True
    total = accuracy([fields, score_meeting(gold, MeetingMeta(date="2024-05-01"))])
    assert (total["date"].right, total["date"].stated) == (1, 2)
    assert (total["committee"].right, total["committee"].stated) == (0, 0)
