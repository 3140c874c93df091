"""Resolutions printed with no cue word (the deciding body as subject, passive records, routine
parish business, parts whose label was lost) and what is not one: invented text, one test per form."""

from __future__ import annotations

import pytest
from rule_runs import find_resolutions as run
from rule_runs import resolution_texts as texts
from rule_runs import rule_pipeline

import extractors.resolutions  # noqa: F401  (registers minutes_resolutions)


@pytest.fixture(scope="module")
def nlp():
    return rule_pipeline("minutes_resolutions")


def test_label_lost_after_a_minutes_label_run_into_the_title_row(nlp):
    text = (
        "Street Lighting Motion PDF 210 KB Minutes: That the Motion be referred "
        "to the Environment Committee.\n"
    )
    assert texts(nlp, text) == ["the Motion be referred to the Environment Committee"]


def test_a_body_stem_without_a_colon_over_numbered_parts(nlp):
    text = (
        "It was APPROVED that;\n\nThat the Committee for Parks and Leisure\n"
        "1. Approved the submission of the lido business case.\n2. Authorised "
        "the Director to procure the works.\n"
    )
    assert [(r.part, r.fact.text) for r in run(nlp, text)] == [
        ("1", "Approved the submission of the lido business case"),
        ("2", "Authorised the Director to procure the works"),
    ]


def test_that_the_body_over_parts_with_no_cue_at_all(nlp):
    text = (
        "That the Parks and Leisure Policy Committee:\n1. Noted the membership "
        "of the Committee.\n2. Noted the dates of its meetings.\n"
    )
    assert [r.part for r in run(nlp, text)] == ["1", "2"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The Committee for Parks and Leisure noted the update report.",
            "The Committee for Parks and Leisure noted the update report",
        ),
        ("That the Parks Committee noted the report.", "the Parks Committee noted the report"),
        (
            "The Committee confirmed the minutes of the meeting held on 3 May as a true record.",
            "The Committee confirmed the minutes of the meeting held on 3 May as a true record",
        ),
        (
            "Members confirmed their support for the application and agreed to fund it in full.",
            "Members confirmed their support for the application and agreed to fund it in full",
        ),
        (
            "With the consent of members, the Chair advised that the committee noted Part A of the report.",
            "the committee noted Part A of the report",
        ),
    ],
)
def test_the_deciding_body_as_subject_with_no_cue_word(nlp, text, expected):
    assert texts(nlp, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "At that meeting, Members agreed to refer the decision to full Council.",
        "• Members noted the challenges of managing limited funding.",
        "The Board noted that no declarations of interest were submitted.",
        "The Panel agreed with the concerns raised by residents.",
        "Last year the Committee approved a similar scheme.",
    ],
)
def test_remarks_and_other_meetings_decisions_are_not_resolutions(nlp, text):
    assert texts(nlp, text) == []


def test_a_narrative_decision_then_the_same_decision_under_a_label_is_one(nlp):
    text = (
        "During discussion, Members noted the application did not say where the bench would go. "
        "Members unanimously approved the application for financial assistance.\n\n"
        "DECISION\nAGREED to award the Association a grant of £900 for a bench.\n"
    )
    assert texts(nlp, text) == ["to award the Association a grant of £900 for a bench"]


def test_a_body_resolved_label_gives_only_its_parts(nlp):
    text = (
        "The Cabinet RESOLVED:\n\n1. To consult on the revised criteria; "
        "and\n\n2. That the new arrangements be implemented.\n"
    )
    assert [r.part for r in run(nlp, text)] == ["1", "2"]


def test_narrative_under_a_decision_label_is_not_a_decision(nlp):
    text = (
        "Decision:\n\nA correction was made to the answer given to a public question at the last meeting.\n\n"
        "The minutes of the meeting on 2 May were approved as an accurate record.\n"
    )
    assert texts(nlp, text) == ["The minutes of the meeting on 2 May were approved as an accurate record"]


@pytest.mark.parametrize(
    "text",
    [
        "This item was deferred to the end of the meeting as it contained exempt information.",
        "The item was taken later in the meeting.",
    ],
)
def test_a_change_to_the_order_of_business_is_not_a_decision(nlp, text):
    assert texts(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "3. Minutes of the meeting held on 2nd May 2024 read and signed by the Chairman\n4. Planning",
            "Minutes of the meeting held on 2nd May 2024 read and signed by the Chairman",
        ),
        (
            "5.Minutes of previous meeting held on 1st March approved & signed by chair\n",
            "Minutes of previous meeting held on 1st March approved & signed by chair",
        ),
        (
            "Minutes of the last meeting, provided by the Clerk, agreed and signed.\n",
            "Minutes of the last meeting, provided by the Clerk, agreed and signed",
        ),
    ],
)
def test_minutes_approved_under_a_run_in_heading(nlp, text, expected):
    assert texts(nlp, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "4. Minutes of the meeting held on 2 May to be approved as minutes:-\n",
        "Notes of the Informal Meeting held on 4 June To consider the notes Minutes: AGREED\n",
    ],
)
def test_an_agenda_line_about_the_minutes_is_not_their_approval(nlp, text):
    assert not any(t.startswith(("Minutes of", "Notes of")) for t in texts(nlp, text))


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "7. Planning:- AB/2024/01234 Mill Cottage, Church Lane: rear extension – no objections.",
            "AB/2024/01234 Mill Cottage, Church Lane: rear extension – no objections",
        ),
        (
            "1. PL/KT/0524/0311 Hill Farm, Top Road : no comments\n",
            "PL/KT/0524/0311 Hill Farm, Top Road : no comments",
        ),
        (
            "24/01122/FUL Two storey side extension, 3 The Green – Object.\n",
            "24/01122/FUL Two storey side extension, 3 The Green – Object",
        ),
    ],
)
def test_the_councils_response_to_a_planning_consultation(nlp, text, expected):
    assert texts(nlp, text) == [expected]


def test_a_date_with_slashes_is_not_a_planning_reference(nlp):
    assert texts(nlp, "The survey of 12/05/2024 – no objections were raised by residents.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "12. To discuss new benches: Defer until the grant decision is known.\n",
            "Defer until the grant decision is known",
        ),
        ("13 To discuss the clock repairs:- Defer.\n14 Correspondence", "Defer"),
        ("9. Footpath lighting – Deferred to the March meeting.\n", "Deferred to the March meeting"),
    ],
)
def test_a_deferral_written_as_an_instruction(nlp, text, expected):
    assert texts(nlp, text) == [expected]


def test_deferred_items_heading_is_not_a_deferral(nlp):
    assert texts(nlp, "Deferred Items\n\nThe Clerk listed the items carried forward.\n") == []


def test_a_payment_agreed_in_a_finance_item(nlp):
    text = "8. Finance\n1. Monthly accounts reviewed. Invoice for grass cutting to be paid.\n"
    assert texts(nlp, text) == ["Invoice for grass cutting to be paid"]


def test_a_payment_reported_is_not_a_decision(nlp):
    assert texts(nlp, "The grant was to be paid in two instalments.\n") == []


def test_apologies_accepted_by_the_council(nlp):
    text = (
        "1. Apologies for absence.\nThe Clerk had received apologies from Cllrs. "
        "AB and CD, all accepted by council.\n"
    )
    assert texts(nlp, text) == [
        "The Clerk had received apologies from Cllrs. AB and CD, all accepted by council"
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Decision:\nThe scheme was approved.", "The scheme was approved"),
        ("The revised terms of reference were approved.", "The revised terms of reference were approved"),
        (
            "Accordingly, the minutes of the meeting held on 3 June were agreed as a correct record.",
            "the minutes of the meeting held on 3 June were agreed as a correct record",
        ),
        (
            "Minutes: The Minutes of the meeting of 5 May were signed and agreed as a correct record. |",
            "The Minutes of the meeting of 5 May were signed and agreed as a correct record",
        ),
        (
            "The minutes of the meeting held on 3 June were taken as read and confirmed.",
            "The minutes of the meeting held on 3 June were taken as read and confirmed",
        ),
    ],
)
def test_passive_decisions_with_no_cue(nlp, text, expected):
    assert texts(nlp, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The scheme was approved by Cabinet in March.",
        "The Planning Committee had approved the application in March.",
        "The hedge cutting was agreed as an action.",
        "Officers said the budget was approved.",
    ],
)
def test_passive_reports_of_other_decisions_are_not_resolutions(nlp, text):
    assert texts(nlp, text) == []


def test_lettered_parts_whose_resolved_label_was_lost_after_the_discussion(nlp):
    text = (
        "During the discussion members asked about timings.\n\n"
        "(a) subject to the changes agreed at the meeting, the forward work programme be approved;\n\n"
        "(b) Councillor Jones be appointed to the Housing Challenge Group, and\n\n"
        "(c) the Coordinator write to members seeking volunteers for the remaining places.\n\n"
        "The meeting concluded at 4.10 p.m."
    )
    assert [r.part for r in run(nlp, text)] == ["a", "b", "c"]


@pytest.mark.parametrize(
    "text",
    [
        (
            "Matters arising\n1. Vacancy needs to be advertised in the newsletter "
            "again\n2. Benches – no update\n3. Grit bin still to be filled\n"
        ),
        "Items\n(a) To agree the minutes of the last meeting\n(b) Matters arising\n",
        (
            "Issues\na) Parking: Cllr A asked that any reply be sent to all "
            "members.\nb) Library: the premises could be made available\nc) Budget: "
            "cuts were reported\n"
        ),
    ],
)
def test_numbered_narrative_and_agenda_lists_are_not_lost_label_parts(nlp, text):
    assert texts(nlp, text) == []


def test_noting_that_papers_had_been_received_is_a_formal_noting(nlp):
    assert texts(nlp, "The Committee noted that the following public statements had been received.") == [
        "The Committee noted that the following public statements had been received"
    ]


def test_a_bare_noted_with_the_time_of_the_item(nlp):
    assert texts(
        nlp, "7 WORK PROGRAMME (Agenda item 7)\n\nNOTED (19:28 TO 20:24)\n\nPRESENT: Councillors A and B.\n"
    ) == ["NOTED"]


def test_another_bodys_decision_reported_in_quotation_marks_is_not_a_resolution(nlp):
    text = (
        "Comments made by the Pensions Panel at its meeting on 2 March were reported:\n\n"
        "“That the Pensions Panel notes its disappointment that the accounts were adjusted.\n\n"
        "The Panel requests an update on the action plan at a later meeting.”\n\n"
        "Members noted these comments.\n"
    )
    assert texts(nlp, text) == []


def test_the_following_was_noted_introduces_the_discussion(nlp):
    assert texts(nlp, "The following was noted from discussions:\n\n- Members asked about staffing.\n") == []


@pytest.mark.parametrize(
    "text",
    [
        "The minutes of the meeting held on 3 June were duly NOTED.",
        "Minutes of the previous meeting were agreed as a true record.",
    ],
)
def test_more_wordings_of_approving_the_minutes(nlp, text):
    assert texts(nlp, text) == [text.rstrip(".")]


def test_it_was_agreed_to_do_something_is_an_action_only_even_at_the_end_of_the_text(nlp):
    assert texts(nlp, "It was agreed to write to the bus operator about the missed services.") == []
