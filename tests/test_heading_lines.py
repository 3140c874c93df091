"""What a line reads like: the title in a run-on heading line, sentences, dates, prose (invented lines)."""

from __future__ import annotations

import pytest

from pipeline.segment.heading_lines import clean_title, is_date, is_prose, is_sentence, run_on_title, titleish


@pytest.mark.parametrize(
    "line, title",
    [
        ("Police Report The PCSO presented the figures for the month", "Police Report"),
        ("Treasurer's Report AB presented the accounts for the quarter", "Treasurer's Report"),
        ("Christmas Lights 2026 Concern was expressed about the lack of volunteers", "Christmas Lights 2026"),
        ("Footpath Repairs Cllr Webb reported the broken stile again", "Footpath Repairs"),
        ("Apologies for Absence Apologies were received from two members", "Apologies for Absence"),
        (
            "Minutes of the Meeting held on 2 May 2026 The minutes were approved as a correct record",
            "Minutes of the Meeting held on 2 May 2026",
        ),
        # titles that must stay whole
        ("Business of The Right Worshipful the Mayor", "Business of The Right Worshipful the Mayor"),
        (
            "Funding for Rural Bus Services Task and Finish Group Update report",
            "Funding for Rural Bus Services Task and Finish Group Update report",
        ),
        (
            "THE NEXT PUBLIC MEETING AND THE AUTUMN NEWSLETTER",
            "THE NEXT PUBLIC MEETING AND THE AUTUMN NEWSLETTER",
        ),
        (
            "Urgent item - Petition debate: Keep the Library Open!",
            "Urgent item - Petition debate: Keep the Library Open!",
        ),
    ],
)
def test_run_on_title(line, title):
    assert run_on_title(line) == title


def test_abbreviations_do_not_end_a_sentence():
    assert not is_sentence("Licence Review, The Crown, 4 St. Anne's Row WC1")
    assert is_sentence("The report was noted. Members asked for an update.")


def test_titles_and_prose():
    assert titleish("Declarations of Interest")
    assert titleish("APOLOGIES FOR ABSENCE")
    assert not titleish("That the report be noted")
    assert not titleish("The Committee noted the report and asked officers to report back in March.")
    assert is_prose("Councillor Reed declared an interest and left the room.")
    assert not is_prose("Present:- Cllr A. Reed, Cllr B. Shaw, Cllr C. Todd")
    assert not is_prose("A B Reed, C D Shaw, E F Todd")


def test_dates_are_not_titles():
    assert is_date("14 OCTOBER 2024")
    assert is_date("Wednesday, 3 July 2024")
    assert is_date("SEPTEMBER 2024 (EVENING)")
    assert not is_date("Date of Next Meeting")


def test_clean_title_drops_furniture_and_markdown():
    assert clean_title("Minutes pdf icon PDF 126 KB") == "Minutes"
    assert clean_title("**Welcome and Introductions**") == "Welcome and Introductions"
    assert clean_title("MINUTES OF THE LAST MEETING\\") == "MINUTES OF THE LAST MEETING"
