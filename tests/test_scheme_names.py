"""Scheme names: one test per form minutes print, and per thing such a form can
be instead of a scheme. All text is invented."""

from __future__ import annotations

import pytest
from rule_runs import scheme_names, scheme_pipeline
from spacy.language import Language

import extractors.sentences  # noqa: F401  (registers minutes_sentences)
from extractors.schemes import find_names  # registers minutes_schemes
from extractors.schemes.lexicon import coined, distinctive
from extractors.schemes.names import wrapped_view


@pytest.fixture(scope="module")
def nlp() -> Language:
    return scheme_pipeline()


def names(nlp: Language, text: str) -> list[str]:
    return scheme_names(nlp, text, distinct=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Clean Air Zone starts in the spring.", ["Clean Air Zone"]),
        ("Families used the Northbridge Family Hub every week.", ["Northbridge Family Hub"]),
        ("Volunteers joined the Warm Spaces Network this winter.", ["Warm Spaces Network"]),
        ("Residents set up a Rural Crime Watch in the valley.", ["Rural Crime Watch"]),
        ("Officers promoted Doorstep Scam Awareness at the fair.", ["Doorstep Scam Awareness"]),
        ("The Workplace Parking Levy consultation opens soon.", ["Workplace Parking Levy"]),
        ("The region joined the Youth Guarantee Trailblazer last year.", ["Youth Guarantee Trailblazer"]),
        ("The Eastfield Liveable Neighbourhood trial continues.", ["Eastfield Liveable Neighbourhood"]),
    ],
)
def test_names_ending_in_newer_head_words(nlp: Language, text: str, expected: list[str]) -> None:
    assert names(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The new Youth Zone opened in the town centre.",  # a building: Zone needs a cue word
        "The Clean Cities Network ranked the town eighth.",  # a body: Network needs a cue word
        "Red Watch attended the fire on Friday.",  # a fire crew
        "Officers ran Knife Crime awareness events in schools.",  # a topic written in lower case
        "The Tenants Network board met twice.",  # a body
        "Residents visited the Community Hub on the High Street.",  # one generic word before Hub
        "The Apprenticeship Levy costs the council £1m.",  # a tax: Levy needs two words of a name
    ],
)
def test_newer_head_words_do_not_make_every_phrase_a_scheme(nlp: Language, text: str) -> None:
    assert names(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("There was a warm response to the ‘Great Neighbour Week’ this year.", ["Great Neighbour Week"]),
        ("Posters for the ‘Look Both Ways’ campaign went up.", ["‘Look Both Ways’ campaign"]),
        (
            "Schools took part in the ‘Walk Safe’ and ‘Ride Safe’ campaign.",
            ["‘Walk Safe’ campaign", "‘Ride Safe’ campaign"],
        ),
        ("The council ran a campaign called ‘Mind the Gap’ in May.", ["Mind the Gap"]),
    ],
)
def test_quoted_names(nlp: Language, text: str, expected: list[str]) -> None:
    assert names(nlp, text) == expected


def test_a_quoted_petition_title_is_no_scheme(nlp: Language) -> None:
    assert names(nlp, "A petition titled ‘Stop the Lorries – Save the Lane’ was received.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Referrals to the TALVA service rose in the quarter.", ["TALVA service"]),
        ("The Sunrise project supports carers.", []),  # one common word: not enough
        ("The Careshare project supports carers.", ["Careshare project"]),  # a coined word is a name
        ("Members asked about Levelling-up funding for the harbour.", ["Levelling-up funding"]),
        ("Buses on the Dales Connect bus service were full.", ["Dales Connect bus service"]),
        ("The board agreed £3m of Gainshare capital funding for roads.", ["Gainshare capital funding"]),
    ],
)
def test_one_distinctive_word_before_a_lower_case_head(nlp: Language, text: str, expected: list[str]) -> None:
    assert names(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Committee approved the Site Readiness Funding Application in full.",
            ["Site Readiness Funding"],
        ),
        ("Officers submitted the Coastal Towns Fund bid last week.", ["Coastal Towns Fund"]),
        ("The HIF bid was successful.", ["HIF"]),
        ("The Harbour Deal bid was submitted in March.", ["Harbour Deal"]),
        ("The Coastal Towns Fund Round 2 bid failed.", ["Coastal Towns Fund"]),
    ],
)
def test_a_name_followed_by_application_or_bid(nlp: Language, text: str, expected: list[str]) -> None:
    assert names(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Planning Application for the barn was refused.",
        "The Council bid was late.",
        "A Lottery bid was considered.",
        "The Round 2 bid opens soon.",
    ],
)
def test_a_bid_or_application_alone_names_no_scheme(nlp: Language, text: str) -> None:
    assert names(nlp, text) == []


def test_funding_streams_named_by_abbreviation(nlp: Language) -> None:
    assert names(nlp, "The DSG deficit grew again this year.") == ["DSG"]
    doc = nlp("The Dedicated Schools Grant (DSG) was discussed. The DSG deficit grew.")
    assert {f.name for f in doc._.schemes} == {"Dedicated Schools Grant"}


def test_a_defined_acronym_before_funding_is_the_scheme_itself(nlp: Language) -> None:
    doc = nlp("The Community Infrastructure Levy (CIL) receipts were noted. CIL funding was spent on paths.")
    assert {f.name for f in doc._.schemes} == {"Community Infrastructure Levy"}


def test_an_acronym_is_written_out_from_its_initials_in_the_document(nlp: Language) -> None:
    doc = nlp(
        "The Metro Region Bus Settlement was agreed. Two MRBS schemes were "
        "paused.\nThe MRBS schemes restart in May."
    )
    assert {f.name for f in doc._.schemes} == {"Metro Region Bus Settlement schemes"}
    assert {doc.text[f.start:f.end] for f in doc._.schemes} == {"MRBS schemes"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Committee approved the Harbourside Link Full Business Case.", ["Harbourside Link"]),
        (
            "Work began on an outline business case for a Northgate Park and Ride.",
            ["Northgate Park and Ride"],
        ),
        ("Officers will develop the Outline Business Case and Full Business Case.", []),
    ],
)
def test_the_subject_of_a_business_case(nlp: Language, text: str, expected: list[str]) -> None:
    assert names(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Committee approved the award of £205,000 for the Coastal Resilience Workplan.",
            ["Coastal Resilience Workplan"],
        ),
        (
            "It approved the award of £1.2m for Town Centre Capacity which includes staff.",
            ["Town Centre Capacity"],
        ),
        ("A grant of £5,000 for the Village Hall was agreed.", []),
        ("Funding of £4m for the Corn Exchange Institute in Ayr was announced.", []),
    ],
)
def test_what_an_award_of_money_is_for(nlp: Language, text: str, expected: list[str]) -> None:
    assert names(nlp, text) == expected


def test_a_name_with_a_bracketed_description_of_a_service(nlp: Language) -> None:
    text = "Cases went to SafeStep (a multi-agency support service for young people at risk) in May."
    assert names(nlp, text) == ["SafeStep"]
    assert names(nlp, "Mr Jones (Chair of the Trust) spoke.") == []


def test_names_listed_before_one_plural_head(nlp: Language) -> None:
    text = "Work covered the Harbour Safety – Protect, Prevent and Prepare Strands this year."
    assert names(nlp, text) == ["Harbour Safety – Protect, Prevent and Prepare Strands"]


def test_bodies_listed_before_a_plural_head_are_departments(nlp: Language) -> None:
    assert names(nlp, "The report of Committee, Electoral and Member Services was noted.") == []


def test_lower_case_names_in_a_list_of_schemes(nlp: Language) -> None:
    text = (
        "Officers supported campaigns such as hate crime awareness week and the "
        "good neighbour scheme in town."
    )
    assert names(nlp, text) == ["hate crime awareness week", "good neighbour scheme"]
    bullets = (
        "The projects included:\n- community speedwatch\n- the safer homes grant "
        "scheme\n- coffee mornings\n\nNext."
    )
    assert names(nlp, bullets) == ["community speedwatch", "safer homes grant scheme"]


@pytest.mark.parametrize(
    "text",
    [
        "The Head of Housing Services reported on voids.",
        "The Cabinet Member for Integrated Children's Services attended.",
        "The report of the Director of Adult Services was noted.",
        "Children's Services and Corporate and Traded Services presented budgets.",
        "The Future of Commissioned Services report was deferred.",
    ],
)
def test_posts_departments_and_report_titles_are_not_schemes(nlp: Language, text: str) -> None:
    assert names(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Present: Cllr Ann Lee Chair Cllr Tom Hart Cllr Grant\nApologies were noted.",
        "This was proposed by Cllr Jones and seconded Cllr Grant, all agreed.",
        "Questions from Lucy Ann Grant were answered.",
        "An update was given by Grant Thornton.",
        "Thanks were given to Mrs P Grant and J. Day for their help.",
    ],
)
def test_surnames_that_look_like_heads_are_people(nlp: Language, text: str) -> None:
    assert names(nlp, text) == []


def test_a_person_before_a_name_in_a_table_row_is_left_out(nlp: Language) -> None:
    text = (
        "Statements received:\n08 Helen Price North Town Liveable "
        "Neighbourhood\n09 Tom Hart Parking Charges\n"
    )
    assert names(nlp, text) == ["North Town Liveable Neighbourhood"]


def test_a_name_after_a_person_s_first_name_is_kept_when_it_is_named_after_them(nlp: Language) -> None:
    assert names(nlp, "A payment from the Thomas Bell Trust Fund was agreed.") == ["Thomas Bell Trust Fund"]


@pytest.mark.parametrize(
    "text",
    [
        "The volunteers won the King's Award for Voluntary Service last year.",
        "The budget line MTP 03/020 Scheme was closed.",
        "A Homes England grant is already secured.",
        "The board accepted Enhanced Partnership Officer funding from the DfT.",
        "The Remembrance Day service was well attended.",
    ],
)
def test_awards_budget_codes_funders_posts_and_services_of_worship_are_not_schemes(
    nlp: Language, text: str
) -> None:
    assert names(nlp, text) == []


def test_a_road_number_is_part_of_a_name_not_a_code(nlp: Language) -> None:
    assert names(nlp, "Residents objected to the A4321 Bus Lane Scheme works.") == ["A4321 Bus Lane Scheme"]


def test_a_fund_in_a_list_of_committees_is_the_committee(nlp: Language) -> None:
    text = (
        "Consider Minutes of the following Committees:-\n\n(a) Ardmore Common "
        "Good Fund 16 May 2023\n\n(b) Audit 2 June\n"
    )
    assert names(nlp, text) == []
    assert names(nlp, "A payment from the Ardmore Common Good Fund was agreed.") == [
        "Ardmore Common Good Fund"
    ]


def test_a_name_before_the_moderngov_cut_marker_may_be_cut_short(nlp: Language) -> None:
    assert names(nlp, "Members praised the Harbour Watch ... view the full minutes text for item 9.") == []


def test_a_name_wrapped_across_lines_in_a_pdf_paragraph_is_one_name(nlp: Language) -> None:
    text = ("The Committee considered a report which sought approval to draw down Economic\n"
            "Development Funding to implement the scheme in the coming financial year.")
    assert names(nlp, text) == ["Economic Development Funding"]


def test_a_short_line_is_not_joined_to_the_next() -> None:
    text = "From: Kent\nFund Manager: Jo Bloggs\n"
    assert wrapped_view(text) == text


def test_a_lone_head_word_continues_a_table_cell() -> None:
    text = "03 Jo Bloggs Harbour Road and Bus Lane\nScheme\n04 Next row\n"
    view = wrapped_view(text)
    assert len(view) == len(text)
    assert "Bus Lane Scheme" in view and "\n04" in view


def test_found_offsets_point_at_the_written_name() -> None:
    text = ("The Committee considered a report which sought approval to draw down Economic\n"
            "   Development Funding from the combined authority at the meeting in June.\n")
    (found,) = [f for f in find_names(text) if "Development" in f.name]
    assert text[found.start:found.end].split() == ["Economic", "Development", "Funding"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Gainshare", True), ("Pubwatch", True), ("Whixall", False), ("Lottery", False), ("Kidva", False)],
)
def test_coined_words_are_two_common_words_run_together(word: str, expected: bool) -> None:
    assert coined(word) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("KIDVA", True),
        ("CCTV", False),
        ("GetSafe", True),
        ("Levelling-up", True),
        ("One-off", False),
        ("Lottery", False),
    ],
)
def test_distinctive_single_words(word: str, expected: bool) -> None:
    assert distinctive(word) is expected
