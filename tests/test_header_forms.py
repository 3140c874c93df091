"""Meeting metadata from every header form, each on invented text in that form
(no real document's words): the committee, the date and the council a header
states, and nothing it does not."""

from __future__ import annotations

import pytest

from pipeline.load.bodies import body_of, looks_like_body
from pipeline.load.council import council_for_host, site_council
from pipeline.load.meta import meta_from_text
from pipeline.load.pdf_meta import parse_meta

FORMS = [
    # ModernGov meeting page: h2 "<Committee> - <Weekday>, <date> <time>"
    (
        "Agenda and minutes\n\nLicensing Panel - Tuesday, 4th March, 2025 2.00 pm\n\nVenue: Room 1",
        None,
        "Licensing Panel",
        "2025-03-04",
    ),
    # the authority, then its committee, with the date on the next line
    (
        (
            "Agenda and minutes\n\nWessex Fire and Rescue Authority - Finance and "
            "Resources\nFriday, 7th June, 2024 10.00 am\n"
        ),
        "Wessex Fire and Rescue Authority",
        "Finance and Resources",
        "2024-06-07",
    ),
    # ModernGov page title, both shapes
    (
        "Agenda and minutes: Planning Committee, Wednesday 5 June 2024\n\nItems\n",
        None,
        "Planning Committee",
        "2024-06-05",
    ),
    (
        "Agenda for Licensing Committee on Thursday 6 June 2024, 10.00 am\n\nAgenda and minutes\n",
        None,
        "Licensing Committee",
        "2024-06-06",
    ),
    (
        "Meeting of Audit Board on Monday, 3 June 2024, 6.30pm\n\nMeeting documents\n",
        None,
        "Audit Board",
        "2024-06-03",
    ),
    # ieIssueDetails
    (
        (
            "Issue - meetings\n\nHighways Scheme\n\nMeeting: 12/03/2024 - Cabinet "
            "(pre 2019) (Item 7)\n\n7 Highways Scheme\n"
        ),
        None,
        "Cabinet",
        "2024-03-12",
    ),
    # ieDecisionDetails
    (
        (
            "Decision details\n\nSome Scheme\n\nDecision Maker: Executive\n\nDecision status: Approved\n\n"
            "Decision:\n\nThat the scheme be approved.\n\nPublication date: "
            "20/03/2024\n\nDate of decision: 18/03/2024\n"
        ),
        None,
        "Executive",
        "2024-03-18",
    ),
    (
        (
            "Decision Maker: Integration Joint Board\n\nDate of decision: "
            "02/04/2024\n\nDecided at meeting: 02/04/2024 - Integration Joint Board\n"
        ),
        None,
        "Integration Joint Board",
        "2024-04-02",
    ),
    # decision notice over two lines
    (
        (
            "Decision Recording Form\nDecision determined at Parks & Open Spaces "
            "Policy\nCommittee meeting on 9 May 2024\n"
        ),
        None,
        "Parks & Open Spaces Policy Committee",
        "2024-05-09",
    ),
    # printed minutes sentence
    (
        (
            "ANYSHIRE COUNTY COUNCIL\n\nMINUTES of a meeting of the Cabinet held in "
            "the Council Chamber, County Hall, Anytown on "
            "Thursday, 11 January 2024.\n\nPRESENT: Mr A Smith (Chairman)\n"
        ),
        "Anyshire County Council",
        "Cabinet",
        "2024-01-11",
    ),
    # printed minutes heading over two lines (the Bristol failure)
    (
        (
            "Anytown City Council\nMinutes of the Housing & Communities "
            "Policy\nCommittee\n16 May 2024 at 4.30 pm\n\n"
            "Members Present:-\nCouncillors: A Smith (Chair)\n\n1 Welcome\n\n60 Mr B "
            "Jones Statement on the Riverside Scheme\n"
        ),
        "Anytown City Council",
        "Housing & Communities Policy Committee",
        "2024-05-16",
    ),
    # a full council meeting: the council itself met
    (
        (
            "Minutes of the Meeting of Riverton and Hillbury District Council held "
            "Remotely on Thursday 23 May 2024 at 4.00pm.\n\n"
            "Present:- Councillor A Smith (Mayor)\n"
        ),
        "Riverton and Hillbury District Council",
        "Council",
        "2024-05-23",
    ),
    (
        (
            "MINUTES OF THE PROCEEDINGS OF THE MEETING OF THE COUNCIL HELD AT THE "
            "CIVIC HALL ON MONDAY 21 OCTOBER 2024 AT 6.30 PM\n"
        ),
        None,
        "Council",
        "2024-10-21",
    ),
    # parish council forms
    (
        (
            "November 2024\n\nMIDDLEHAM PARISH COUNCIL\n\n   Minutes of the Meeting "
            "of the Parish Council held\n\n"
            "       In the Village Hall on 7/11/2024 at 7.30pm\n\nPresent:- Cllr A. Smith (Chairman)\n"
        ),
        "Middleham Parish Council",
        "Parish Council",
        "2024-11-07",
    ),
    (
        (
            "A Lowfield Parish Council Chairman: A Smith Minutes of the Parish "
            "Council's Monthly Meeting held on 10 March 2021 on "
            "the Zoom Platform Present: Councillors: A Smith (Chair)\n"
        ),
        None,
        "Parish Council",
        "2021-03-10",
    ),
    # Scottish form
    (
        (
            "Minutes of Meeting of the Education Committee held in Council Chamber, "
            "Council Headquarters, on Tuesday 4 June 2024 "
            "at 10.00 am.\n\nPresent:- Councillors A. Smith (Chair)\n"
        ),
        None,
        "Education Committee",
        "2024-06-04",
    ),
    # heading sentence split over blank lines, the date inside it
    (
        (
            "Minutes\n\nof the Meeting of the\n\nPlanning & Regulatory "
            "Committee\n\nWednesday, 12th June 2024\n\n"
            "held at the Town Hall, Anytown.\n"
        ),
        None,
        "Planning & Regulatory Committee",
        "2024-06-12",
    ),
    # a body in capitals over its date line
    (
        (
            "MEMORANDUM\n\nTo: All Members of the Committee\n\nOVERVIEW AND SCRUTINY "
            "COMMITTEE\n\n13 NOVEMBER 2024\n\nMINUTES\n"
        ),
        None,
        "Overview and Scrutiny Committee",
        "2024-11-13",
    ),
    (
        "LICENSING SUB-COMMITTEE No.2\n\n27 SEPTEMBER 2024 (EVE)\n\nMINUTES OF PROCEEDINGS\n",
        None,
        "Licensing Sub-Committee No. 2",
        "2024-09-27",
    ),
    # CMIS meeting details
    (
        "Meeting Details\n\nPlanning Committee\n17 Mar 2024 - 19:00 to 22:00\nOccurred\n",
        None,
        "Planning Committee",
        "2024-03-17",
    ),
    # a running header: "BODY– date"
    (
        (
            "CORPORATE PARENTING PANEL– 29 October 2024\n\nMINUTES of the meeting "
            "held in the Blue Room, County Hall.\n\n"
            "Minutes of the meeting held on 30 July 2024\n"
        ),
        None,
        "Corporate Parenting Panel",
        "2024-10-29",
    ),
    # "At a meeting of ..."
    (
        (
            "At a meeting of the Licensing Sub-Committee No. 3 held at 6pm on "
            "Tuesday 1 October 2024 in the Council Chamber\n"
        ),
        None,
        "Licensing Sub-Committee No. 3",
        "2024-10-01",
    ),
]


@pytest.mark.parametrize(
    ("text", "council", "committee", "when"), FORMS, ids=[f"form{i}" for i in range(len(FORMS))]
)
def test_each_header_form(text, council, committee, when):
    meta = meta_from_text(text)
    assert (meta.committee, meta.date) == (committee, when)
    if council:
        assert meta.council == council


def test_an_earlier_meetings_minutes_item_does_not_give_the_date():
    meta = meta_from_text(
        "Agenda item\n\n4. Minutes of the meeting held on 3 May 2024\n\nRESOLVED "
        "that the minutes be approved.\n"
    )
    assert meta.date is None


def test_agenda_pack_with_the_previous_minutes_bound_in():
    """An agenda front sheet (the next meeting's date) with the last meeting's minutes after it:
    the facts are that earlier meeting's, so its date is the one its minutes item names."""
    front = [
        "Anytown Council", "Audit Committee", "A meeting of the Audit Committee will be held:",
        "Date: 22 October 2024 Time: 19:15 Venue: Committee Room", "22 October 2024",
        "3. Minutes of the meeting held on 24 September 2024", "(19:15 TO 19:25 AND 20:25 TO 20:27)",
        "PRESENT: A Smith (Chairman), Councillors B Jones and C Brown.", "1 DECLARATIONS OF INTEREST",
    ]
    meta = parse_meta(front)
    assert (meta.committee, meta.date) == ("Audit Committee", "2024-09-24")


def test_a_pure_agenda_keeps_its_own_date():
    meta = meta_from_text("A meeting of the Audit Committee will be held:\nDate: 22 October 2024\n\n"
                          "3. Minutes of the meeting held on 24 September 2024\n4. Any other business\n")
    assert meta.date == "2024-10-22"


@pytest.mark.parametrize("not_a_body", [
    "(19:15 To 19:25 and 20:25 To 20:27)", "60 Mr B Jones Statement on the Riverside Scheme", "That Council",
    "Meeting dated 3 January 2024 The minutes", "Agenda item", "",
])
def test_what_is_not_a_committee(not_a_body):
    assert not looks_like_body(not_a_body)
    assert body_of(not_a_body)[1] is None


def test_body_names_are_cleaned():
    assert body_of(
        "Joint meeting - Northern Authority Committee and Northern Joint Committee", need_noun=False
    ) == (None, "Northern Authority Committee and Northern Joint Committee")
    assert body_of("Cabinet (pre 2012)", need_noun=False) == (None, "Cabinet")
    assert body_of("FULL PARISH MEETING OF THE COUNCIL") == (None, "Parish Council")
    assert body_of("Upton & Downley City Council") == ("Upton & Downley City Council", "Council")


def test_a_council_the_text_only_mentions_is_not_the_host():
    """Members' own councils in the minutes of a joint body say nothing of where it sits."""
    text = (
        "Agenda and minutes\n\nJoint Transport Committee - Friday, 27th March, 2026 1.00 pm\n\nMinutes:\n\n"
        "Councillor A Smith (Northby Council) and Councillor B Jones (Southby District Council) attended.\n"
        "Northby Council's representative reported that Eastby Borough Council had agreed.\n"
    )
    assert meta_from_text(text).council is None


def test_a_joint_panel_is_not_its_own_council():
    meta = meta_from_text("Westshire Police and Crime Panel - Thursday, 16th November, 2024 10.00 am\n")
    assert meta.committee == "Westshire Police and Crime Panel"
    assert meta.council is None


def test_council_from_the_moderngov_site_the_page_names():
    text = ("Agenda and minutes\n\nCabinet - Monday, 3rd June, 2024 7.00 pm\n\n"
            "Contact: A Smith, Democratic Services  Email: a.smith@westsuffolk.gov.uk\n")
    assert meta_from_text(text).council == "West Suffolk Council"
    assert council_for_host("https://democracy.westofengland-ca.gov.uk/ieListDocuments.aspx?MId=1") == (
        "West of England Combined Authority")
    assert site_council("no address here", "https://moderngov.kent.gov.uk/x") == "Kent County Council"
    assert council_for_host("https://example.org/minutes") is None


def test_the_header_banner_names_the_council_not_a_later_mention():
    text = (
        "Anyshire County Council\nMinutes of the Environment Committee\n3 June "
        "2024\n\nOthershire County Council wrote.\n"
    )
    assert meta_from_text(text).council == "Anyshire County Council"


def test_a_year_left_off_is_read_from_the_weekday_and_the_years_the_text_names():
    text = (
        "Draft Notes from the Extraordinary Meeting of the Town Council held on "
        "Friday 23rd August at 09:00.\n\n"
        "The precept for 2024/25 was noted; the 2024 accounts were signed.\n"
    )
    meta = meta_from_text(text)
    assert (meta.committee, meta.date) == ("Town Council", "2024-08-23")


def test_a_date_standing_alone_at_the_top():
    meta = meta_from_text("7th August 2023\n1.Present: Councillors A, B and C\n2.Apologies: None\n")
    assert meta.date == "2023-08-07"


def test_a_page_that_approves_its_own_bodys_minutes_names_it():
    text = (
        "Agenda item\n\nTo approve the minutes.\n\nAccordingly, the minutes of "
        "the meeting of Cabinet held on "
        "16 November 2023 were agreed as a correct record and signed by the Chairman.\n"
    )
    assert meta_from_text(text).committee == "Cabinet"
    assert meta_from_text(text).date is None  # that is the earlier meeting's date


def test_a_headerless_page_names_the_body_that_acts_in_it():
    text = (
        "Agenda item\n\nThe Board to receive the strategy.\n\nThere was support "
        "on the Health and Wellbeing Board "
        "for the approach.\n\nThe Board agreed the strategy.\n"
    )
    assert meta_from_text(text).committee == "Health and Wellbeing Board"


def test_a_body_only_talked_about_is_not_named():
    text = (
        "Agenda item\n\nThe report on the Community Safety Partnership was "
        "presented. The Partnership had met "
        "twice and the Partnership's plan was circulated.\n"
    )
    assert meta_from_text(text).committee is None


def test_an_impossible_date_in_a_header_is_not_stored():
    meta = meta_from_text(
        "MINUTES of a meeting of the Cabinet held in the Council Chamber on Monday, 31 February 2025.\n"
    )
    assert meta.committee == "Cabinet"
    assert meta.date is None
    assert parse_meta(["ANYSHIRE COUNTY COUNCIL", "CABINET – 31 February 2025"]).date is None


def test_a_saved_moderngov_page_takes_its_sites_council(tmp_path):
    from pipeline.load import load

    page = tmp_path / "meeting.html"
    page.write_text(
        "<html><head><title>Agenda for Joint meeting - Northern Transport "
        "Committee on Friday, 27th March, 2026, "
        "1.00 pm - Modern Council</title></head><body><div class='mgContent'>"
        "<h2 class='mgSubTitleTxt'>Joint meeting - Northern Transport Committee "
        "- Friday, 27th March, 2026 1.00 pm</h2>"
        "<p>Contact: democratic.services@westofengland-ca.gov.uk</p>"
        "<p>Minutes:</p><p>Councillor A Smith (Northby Council) was present. "
        "RESOLVED that the plan be agreed.</p>"
        "<p><a href='https://www.westofengland-ca.gov.uk/'>Home</a></p></div></body></html>",
        encoding="utf-8",
    )
    meta = load(page).meta
    assert (meta.council, meta.committee, meta.date) == (
        "West of England Combined Authority", "Northern Transport Committee", "2026-03-27")
