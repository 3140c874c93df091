"""Segmentation of the layouts UK minutes are printed in, each on invented text.

Every test builds a small document in one layout (never a real document's
sentences) and checks the items found: their printed numbers and titles, and
that nothing inside an item (numbered paragraphs, resolution parts, page
headers, attendance lines, dates) became an item.
"""

from __future__ import annotations

from pipeline.clean import clean
from pipeline.load import load
from pipeline.records import Block, LoadedDocument
from pipeline.segment import segment


def _doc(text: str):
    """A text document whose paragraphs are separated by blank lines."""
    return clean(LoadedDocument("id", "x.txt", "text", tuple(Block(p) for p in text.split("\n\n"))))


def _items(text: str):
    doc = _doc(text)
    items = segment(doc)
    _assert_exact(doc, items)
    return items


def _loaded(tmp_path, text: str, name: str = "page.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = clean(load(path))
    items = segment(doc)
    _assert_exact(doc, items)
    return items


def _assert_exact(doc, items):
    for ordinal, item in enumerate(items):
        assert item.text == doc.text[item.start_char : item.end_char]
        assert item.ordinal == ordinal
    assert [i.start_char for i in items] == sorted(i.start_char for i in items)


def _numbers(items):
    return [i.number for i in items]


def _titles(items):
    return [i.title for i in items]


# --- parish minutes -------------------------------------------------------------------


def test_parish_titles_with_the_minute_after_a_colon():
    items = _items(
        "ASHCOMBE PARISH COUNCIL\n\nMinutes of the meeting held in the Village Hall on 3/3/2025 at 7pm\n\n"
        "Present:- Cllr B. Hale (Chair), Cllr R Moss, Cllr T. Vine.\n\n"
        "1. Apologies for Absence:- Cllr Penn, on holiday.\n\n"
        "2.Declarations of Interest: None.\n\n"
        "3.. Minutes of the last meeting to be signed:-\n\nThe minutes were signed as correct.\n\n"
        "4. Footpaths:- The stile near the church needs repair and the clerk "
        "will ask the county for a date.\n\n"
        "5 Correspondence:- None received."
    )
    assert _numbers(items) == ["1", "2", "3", "4", "5"]
    assert _titles(items) == [
        "Apologies for Absence",
        "Declarations of Interest",
        "Minutes of the last meeting to be signed",
        "Footpaths",
        "Correspondence",
    ]
    assert "Present" not in items[0].text


def test_parish_titles_ending_in_a_full_stop_on_single_lines():
    items = _items(
        "Notes of the Extraordinary Meeting of the Town Council held on Monday 4th March.\n"
        "Councillors present: Cllr A. Dean (AD), Cllr P. Rowe (PR).\n"
        "1. Apologies for absence.\n"
        "To receive apologies from members.\n"
        "None were received.\n"
        "2. To agree the lease of the pavilion.\n"
        "The clerk reported that the lease was ready for signature and members agreed to sign it.\n"
        "3. To consider quotes for the bus shelter.\n"
        "Two quotes had been received and the lower one was accepted."
    )
    assert _numbers(items) == ["1", "2", "3"]
    assert items[1].title == "To agree the lease of the pavilion"


def test_a_list_restarting_at_one_under_an_item_stays_in_that_item():
    items = _items(
        "2nd June 2024\n"
        "1.Present: Councillors Abbot (RA), Bell (CB), Cole (DC)\n"
        "2.Apologies: None\n"
        "3. Declaration of Interest None\n"
        "4.Minutes of last meeting held on Monday 6th May 2024 read and signed by chair RA\n"
        "5.Matters arising\n"
        "1. Verge cutting on the lane has still not been done and the clerk will chase it again\n"
        "2. Noticeboard: repainted by volunteers last month\n"
        "3. Grit bin on the hill needs refilling before the winter\n"
        "4. Playground: the swing chains were replaced after the inspection\n"
        "6. Finance\n"
        "1. Bank balance reported by the clerk and accepted by the council\n"
        "2. Insurance renewal due next month"
    )
    assert _numbers(items) == ["1", "2", "3", "4", "5", "6"]
    assert "Playground" in items[4].text
    assert items[5].title == "Finance"


def test_minute_year_numbers_with_a_council_prefix():
    items = _items(
        "Minutes of the Meeting of the Council held on Thursday 6 June 2024.\n\n"
        "Present:- Councillor A Smith (Chair); Councillors B Jones and C Brown.\n\n"
        "P45/24 Apologies\n\nApologies were received from Councillor Lee.\n\n"
        "P46/24 Declarations of Interest\n\nThere were none.\n\n"
        "Business for Decision\n\n"
        "P47/24 Allotment Rents\n\nMembers agreed to hold rents at the present level for a further year."
    )
    assert _numbers(items) == ["P45/24", "P46/24", "P47/24"]
    assert items[2].title == "Allotment Rents"
    assert "Business for Decision" in items[1].text


def test_minute_word_numbers():
    items = _items(
        "Header\n\nMinute 23/045 - Apologies\n\nNone were received.\n\nMinute "
        "23/046 - Planning\n\nNo objections were raised."
    )
    assert _numbers(items) == ["23/045", "23/046"]
    assert items[1].title == "Planning"


def test_minute_numbers_inside_text_saved_as_one_line():
    body = (
        "Hollow End Parish Council Minutes of the Monthly Meeting held on 9 "
        "April 2025 in the hall starting at 7pm "
        "Present: Councillors: R Dale (Chair); S Fenn; T Gower. Clerk: M Hart "
        "31/25 Apologies for Absence P Innes "
        "32/25 Declaration of Interests Members were reminded to declare any interests. None were declared. "
        "33/25 Planning Applications 25/01234/FUL Rear extension at Mill Cottage, no objection. 25/01300/HHE "
        "Garage at Oak Farm, no objection. 34/25 Highways The Clerk reported the pothole on Mill Lane again "
        "and was asked to press for a repair date. 35/25 Accounts Payments for the month were approved."
    )
    items = _items(body)
    assert _numbers(items) == ["31/25", "32/25", "33/25", "34/25", "35/25"]
    assert items[3].title == "Highways"
    assert items[2].text.startswith("33/25 Planning Applications")


def test_run_on_titles_end_where_the_minute_begins():
    items = _items(
        "Minutes of a Meeting held on Tuesday 1 April 2025 in the Community Hall\n\n"
        "1. Police Report The PCSO presented the report for March and noted two incidents of vandalism.\n\n"
        "2. Treasurer's Report AB presented the accounts and the balance was noted by members.\n\n"
        "3. Date of Next Meeting The next meeting will be held on 6 May 2025."
    )
    assert _titles(items) == ["Police Report", "Treasurer's Report", "Date of Next Meeting"]


# --- unnumbered headings --------------------------------------------------------------


def test_titles_in_capitals_with_lettered_sub_items():
    items = _items(
        "POLICY COMMITTEE\n\n12 MARCH 2024\n\nMINUTES\n\nATTENDANCE\n\nMEMBERS OF THE COMMITTEE\n\n"
        "A B Carter, D E Frost (Chairman), G H Irwin\n\n"
        "CHAIRMAN'S ANNOUNCEMENTS\n\n"
        "(A)Spring Seminar For Members\n\nThe Chairman reminded members that the "
        "seminar would be held in the library.\n\n"
        "(B)Room Changes\n\nMeetings in May would move to the council chamber "
        "while the committee room was repaired.\n\n"
        "ROAD SAFETY REVIEW\n\nThe Committee received a report on road safety "
        "schemes and asked for a further update."
    )
    assert _titles(items) == [
        "CHAIRMAN'S ANNOUNCEMENTS",
        "Spring Seminar For Members",
        "Room Changes",
        "ROAD SAFETY REVIEW",
    ]
    assert _numbers(items) == [None, "A", "B", None]
    assert not any(t in ("MINUTES", "ATTENDANCE", "12 MARCH 2024") for t in _titles(items))


def test_titles_over_status_fields():
    items = _items(
        "Meeting of Licensing Committee on Tuesday, 4 June 2024, 6pm\n\n"
        "Present: Councillors A. Brook (Chair), C. Dale.\n\n"
        "APOLOGIES FOR ABSENCE\n\nStatus: Noted\n\nBusiness: There were no apologies.\n\n"
        "APPOINTMENT OF VICE-CHAIR\n\nStatus: Agreed\n\nDecision: It was "
        "RESOLVED that Cllr Dale be Vice-Chair."
    )
    assert _titles(items) == ["APOLOGIES FOR ABSENCE", "APPOINTMENT OF VICE-CHAIR"]


def test_decision_page_title_over_decision_maker():
    items = _items(
        "Decision details\n\nAnnual Review of Sheltered Housing - HSG.25.010\n\nDecision Maker: Cabinet\n\n"
        "Decision status: Approved\n\nDecision:\n\n(i) to note the review; "
        "and\n\n(ii) to approve the action plan."
    )
    (item,) = items
    assert item.title == "Annual Review of Sheltered Housing - HSG.25.010"
    assert item.text.startswith("Annual Review")


def test_short_title_before_the_numbered_items():
    items = _items(
        "Minutes of the Meeting of Council held in the Civic Centre on Monday, 2 June 2025\n\n"
        "PRESENT: The Mayor Councillor A Brown\n\nAldermen B Clark and D Evans\n\n"
        "Welcome to New Members\n\nThe Mayor welcomed the two councillors "
        "elected at the by-election last month.\n\n"
        "1. Business of the Mayor\n\n1.1 Civic Service\n\nThe Mayor thanked "
        "everyone who had attended the civic service.\n\n"
        "2. Minutes\n\nThe minutes of the previous meeting were agreed."
    )
    assert _titles(items) == ["Welcome to New Members", "Business of the Mayor", "Civic Service", "Minutes"]
    assert _numbers(items) == [None, "1", "1.1", "2"]


def test_numbered_paragraphs_under_an_item_are_not_sub_items():
    items = _items(
        "Header\n\n7. Budget Monitoring\n\n7.1 The Director introduced the "
        "report on the budget position for the year.\n\n"
        "7.2 Members asked about the reserves and were told they were "
        "adequate.\n\n8. Work Programme\n\nNoted."
    )
    assert _numbers(items) == ["7", "8"]


# --- ModernGov text exports -----------------------------------------------------------


def test_lone_number_over_a_title_ending_in_a_full_stop(tmp_path):
    items = _loaded(
        tmp_path,
        "Agenda and minutes\n\nItems\nNo. Item\n\n1.\n\nProvost's "
        "Remarks.\n\nMinutes:\n\nThe Provost congratulated the volunteers.\n\n"
        "2.\n\nMinute pdf icon PDF 120 KB\n\nMinutes:\n\nThe Minute of the last meeting was approved.\n\n"
        "3.\n\nAudit Report\n\nMinutes:\n\nThe Committee noted the report.",
    )
    assert _numbers(items) == ["1", "2", "3"]
    assert items[0].title == "Provost's Remarks"


def test_unnumbered_rows_between_numbered_items(tmp_path):
    items = _loaded(
        tmp_path,
        "Agenda and minutes\n\nItems\nNo. Item\n\nDeclaration of Interest\n\n"
        "Councillor Grey declared an interest in the next item and left the room during the discussion.\n\n"
        "1.\n\nGrant to the Riverside Club\n\nMinutes:\n\nMembers considered the application.\n\nDECISION\n\n"
        "AGREED to award the club a grant towards new "
        "goalposts.\n\nMember\n\nCouncillor Grey returned to the meeting.\n\n"
        "2.\n\nGrant to the Heritage Trust\n\nMinutes:\n\nMembers considered the application and agreed it.",
    )
    assert _titles(items) == [
        "Declaration of Interest", "Grant to the Riverside Club", "Member", "Grant to the Heritage Trust"
    ]
    assert _numbers(items) == [None, "1", None, "2"]


def test_flattened_table_rows_each_start_an_item(tmp_path):
    items = _loaded(
        tmp_path,
        "Venue: Main Hall\nNo. | Item |\nApologies Minutes: None were reported.\nMinutes Minutes: |\n"
        "Motions Minutes: Two motions had been received.\n"
        "Bus Lane on the High Street PDF 210 KB Minutes: That the motion be referred to the Council.\n"
        "Minutes: Moved by Councillor Ash, Seconded by Councillor Birch,\n“That the motion be noted.” |\n"
        "Tree Planting Week PDF 205 KB Minutes: That the motion be referred to the Environment Committee.",
    )
    assert _titles(items) == [
        "Apologies",
        "Minutes",
        "Motions",
        "Bus Lane on the High Street",
        "Tree Planting Week",
    ]
    assert "Councillor Ash" in items[3].text  # a row whose title was lost stays in the item above


def test_issue_history_without_blank_lines():
    items = _items(
        "Issue - meetings\nLibrary Opening Hours\nMeeting: 14/03/2024 - Cabinet (Item 42)\n"
        "42 Library Opening Hours PDF 80 KB\nDecision:\n1. That the new hours be approved.\nMinutes:\n"
        "42.1 The Cabinet considered the report."
    )
    (item,) = items
    assert (item.number, item.title) == ("42", "Library Opening Hours")
    assert item.text.startswith("Meeting:")


def test_agenda_item_page_takes_its_first_line_as_title(tmp_path):
    items = _loaded(
        tmp_path,
        "Agenda item\n\n\nTo receive the annual report of the Partnership.\n\n\n"
        "The manager introduced the report.\n\n\nAgreed that the report be noted.",
    )
    (item,) = items
    assert item.title == "To receive the annual report of the Partnership"


# --- printed minutes and forms --------------------------------------------------------


def test_committee_code_alone_over_a_lone_number():
    items = _items(
        "Minutes of the Planning Committee\n\nPAR\n\n1\n\nPublic Speaking\n\nThe "
        "applicant addressed the meeting.\n\n"
        "PAR\n\n2\n\nSite Visits\n\nMembers agreed the visits."
    )
    assert _numbers(items) == ["PAR 1", "PAR 2"]
    assert items[1].title == "Site Visits"


def test_decision_recording_form_subjects():
    items = _items(
        "Decision Recording Form\n\n(a) Subject: Bus Shelter Programme (agenda item 6)\n\n(b) Ward:\n\n"
        "(d) Decision taken\n\n1. Approved the programme.\n\n"
        "(a) Subject: Parking Charges Review for the\ncity centre\n(agenda item "
        "7)\n\n(b) Ward:\n\n(d) Decision taken\n\n"
        "1. Noted the review."
    )
    assert _numbers(items) == ["6", "7"]
    assert _titles(items) == ["Bus Shelter Programme", "Parking Charges Review for the city centre"]


def test_a_contents_page_before_the_minutes_is_not_taken():
    items = _items(
        "Agenda\n\n1. Declarations of interest 1\n\n2. Apologies for "
        "absence\n\n3. Minutes of the last meeting 3\n\n"
        "4. Annual audit letter 9\n\n5. Work programme 21\n\nMINUTES\n\nPRESENT: Councillors A, B and C.\n\n"
        "1 DECLARATIONS OF INTEREST\n\nNone were made.\n\n2 MINUTES OF THE LAST MEETING\n\nAgreed.\n\n"
        "3 ANNUAL AUDIT LETTER\n\nThe auditor presented the letter."
    )
    assert _titles(items) == [
        "DECLARATIONS OF INTEREST",
        "MINUTES OF THE LAST MEETING",
        "ANNUAL AUDIT LETTER",
    ]


def test_resolution_parts_introduced_by_a_colon_are_not_items():
    items = _items(
        "Report of the Town Clerk\n\nThe Committee considered the draft strategy.\n\n"
        "RESOLVED – That the report be received and Members agree:\n\n1. To adopt the strategy\n\n"
        "2. The principle of an annual review\n\n3. Where needed, a working group"
    )
    (item,) = items
    assert item.number is None


def test_a_reference_list_of_statements_is_not_the_agenda():
    items = _items(
        "1 Welcome\n\nThe Chair welcomed everyone to the meeting of the committee.\n\n"
        "2 Public Forum\n\nThe following statements were received:\n"
        "01 Ann Baker Cycle lanes on the ring road\n02 Carl Dunn Parking permits\n03 Eve Ford Bus services\n"
        "04 Gary Hunt Street lights\n05 Ian Jones School streets\n06 Kim Lane "
        "Road safety\n07 Liam Moss Trees\n"
        "08 Mia Nash Pavements\n09 Ned Owen Potholes\n10 Pat Quinn Bins\n11 Ray "
        "Sims Benches\n12 Sue Tate Signs\n\n"
        "3 Annual Report\n\nThe Committee noted the annual report.\n\n4 Work "
        "Programme\n\nThe work programme was agreed."
    )
    assert _numbers(items) == ["1", "2", "3", "4"]


def test_an_officers_report_is_one_item_not_its_sections():
    items = _items(
        "Report to the Community Panel\n\n1 Summary\n\nThis report sets out progress.\n\n2 Background\n\n"
        "The partnership was formed in 2019.\n\n3 Current Position\n\nWork continues on three themes.\n\n"
        "4 Recommendation\n\nThat the report be noted."
    )
    (item,) = items
    assert item.number is None


def test_dates_page_numbers_and_attendance_are_not_items():
    items = _items(
        "CITY OF ELMBRIDGE\n\nLICENSING PANEL No.2\n\n14 OCTOBER 2024\n\nMINUTES OF PROCEEDINGS\n\n"
        "At a meeting of the Licensing Panel held at 10am on Monday 14 October 2024 in Room 3\n\n"
        "Present: Councillors: Jo Baker (Chair)\nSam Cole\n\n"
        "1 Membership\n\nThere were no changes.\n\n2 Declarations of Interest\n\nNone.\n\n7\n\n"
        "3 Licensing Applications\n\nThe panel considered two applications."
    )
    assert _numbers(items) == ["1", "2", "3"]
    assert "7" in items[1].text


def test_printed_minutes_titles_that_wrap_or_open_with_a_figure():
    items = _items(
        "Minutes of the Transport Committee\n\n"
        "6 Review of the waiting restrictions and loading bays on the approach roads to the\n"
        "station forecourt\n\nThe Committee considered the report and agreed the changes.\n\n"
        "7 20 mph Review\n\nThe Committee noted the progress of the review.\n\n"
        "8 Work Programme\n\nThe work programme was agreed."
    )
    assert _numbers(items) == ["6", "7", "8"]
    assert items[0].title.endswith("approach roads to the station forecourt")
    assert items[1].title == "20 mph Review"


def test_page_numbers_before_a_running_header_are_not_items():
    page = "{n} Planning Committee 12 March 2025\n\n"
    items = _items(
        "Minutes of the Planning Committee\n\n"
        + page.format(n=1)
        + "21. Apologies\n\nNone were received.\n\n"
        + page.format(n=2)
        + "22. Minutes\n\nThe minutes were agreed.\n\n"
        + page.format(n=3)
        + "23. Land at Mill Farm\n\nThe application was refused.\n\n"
        + page.format(n=4)
    )
    assert _numbers(items) == ["21", "22", "23"]


def test_lettered_resolution_parts_are_not_items():
    items = _items(
        "HOUSING PANEL\n\nMINUTES\n\nRENT SETTING\n\nThe Panel considered the annual report on rents.\n\n"
        "RESOLVED that:\n\n(A) The rent increase of three per cent be approved.\n\n"
        "(B) That officers report back in March.\n\n(a) tenants be consulted on service charges.\n\n"
        "GARAGE SITES\n\nThe Panel noted the survey of garage sites."
    )
    assert _titles(items) == ["RENT SETTING", "GARAGE SITES"]
