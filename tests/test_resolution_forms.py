"""Resolutions in the forms councils nobody has read use: one test per form, on invented text."""

from __future__ import annotations

import pytest
import spacy

import extractors.resolutions  # noqa: F401  (registers minutes_resolutions)
from extractors.resolutions import resolutions
from pipeline.records import Fact


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("minutes_resolutions")
    return nlp


def run(nlp, text: str, item_at=lambda s: 0):
    doc = nlp(text)
    return resolutions(doc, fact=lambda s, e: Fact("resolution", s, e, text[s:e], item_at(s), None))


def texts(nlp, text: str) -> list[str]:
    return [r.fact.text for r in run(nlp, text)]


def test_label_lost_after_a_minutes_label_run_into_the_title_row(nlp):
    text = "Street Lighting Motion PDF 210 KB Minutes: That the Motion be referred to the Environment Committee.\n"
    assert texts(nlp, text) == ["the Motion be referred to the Environment Committee"]


def test_an_amendment_heading_leaves_the_motion_before_it_undecided(nlp):
    text = (
        "Moved by Councillor Ash, Seconded by Councillor Elm,\n\nThat the minutes of the Housing Committee be approved and adopted.\n\n"
        "Amendment\n\nRent Arrears\n\nAt the request of Councillor Oak, the Council agreed that the minute on rent arrears be referred back.\n"
    )
    assert texts(nlp, text) == ["the minute on rent arrears be referred back"]


def test_it_was_approved_that_then_the_decision_as_its_own_paragraph(nlp):
    text = (
        "On being put to the vote the recommendation was CARRIED unanimously. It was APPROVED that;\n\n"
        "The Housing Committee approved a pilot of shared bins in two wards. Subject to funding, the roll-out\n"
        "was delegated to the Director of Place.\n\n10 Next Item\n"
    )
    (r,) = run(nlp, text)
    assert r.cue == "APPROVED"
    assert r.fact.text.startswith("The Housing Committee approved a pilot") and r.fact.text.endswith("Director of Place")


def test_a_body_stem_without_a_colon_over_numbered_parts(nlp):
    text = (
        "It was APPROVED that;\n\nThat the Committee for Parks and Leisure\n"
        "1. Approved the submission of the lido business case.\n2. Authorised the Director to procure the works.\n"
    )
    assert [(r.part, r.fact.text) for r in run(nlp, text)] == [
        ("1", "Approved the submission of the lido business case"),
        ("2", "Authorised the Director to procure the works"),
    ]


def test_that_the_body_over_parts_with_no_cue_at_all(nlp):
    text = "That the Parks and Leisure Policy Committee:\n1. Noted the membership of the Committee.\n2. Noted the dates of its meetings.\n"
    assert [r.part for r in run(nlp, text)] == ["1", "2"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Committee for Parks and Leisure noted the update report.", "The Committee for Parks and Leisure noted the update report"),
        ("That the Parks Committee noted the report.", "the Parks Committee noted the report"),
        ("The Committee confirmed the minutes of the meeting held on 3 May as a true record.", "The Committee confirmed the minutes of the meeting held on 3 May as a true record"),
        ("Members confirmed their support for the application and agreed to fund it in full.", "Members confirmed their support for the application and agreed to fund it in full"),
        ("With the consent of members, the Chair advised that the committee noted Part A of the report.", "the committee noted Part A of the report"),
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
    text = "The Cabinet RESOLVED:\n\n1. To consult on the revised criteria; and\n\n2. That the new arrangements be implemented.\n"
    assert [r.part for r in run(nlp, text)] == ["1", "2"]


def test_one_decision_in_the_cabinets_words_and_the_resolutions_words_is_one(nlp):
    text = (
        "Decision:\n1. That Cabinet approve the highway schemes detailed at Appendix 1.\n"
        "2. That Cabinet approve the budget variation requested at Appendix 2.\n"
        "Minutes:\n12.1 The Cabinet considered a report of the Director.\n"
        "12.2 RESOLVED - That the Cabinet accepted the following recommendations:\n"
        "(1) That the highway schemes detailed at Appendix 1 be approved.\n"
        "(2) That the budget variation requested at Appendix 2 be approved.\n"
    )
    assert len(run(nlp, text)) == 2


def test_parts_of_one_list_that_differ_only_in_their_figures_are_all_kept(nlp):
    text = (
        "Decision:\n\nThe Joint Committee:\n\n1) Approved the funding application and the award of £40,000 for the tree planting workplan.\n\n"
        "2) Approved the funding application and the award of £55,000 for the river restoration workplan.\n\n"
        "3) Approved the funding application and the award of £40,000 for the flood resilience workplan.\n"
    )
    assert [r.part for r in run(nlp, text)] == ["1", "2", "3"]


def test_resolved_to_recommend_to_another_body_then_the_decision(nlp):
    text = "Members considered the report. It was\n\nResolved to RECOMMEND: (to Council)\n\nThat the revised scheme of delegation be approved.\n"
    assert texts(nlp, text) == ["the revised scheme of delegation be approved"]


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


def test_a_part_cut_by_the_page_with_a_view_the_full_text_link_is_not_a_decision(nlp):
    text = "Decision:\n\nThe Board:\n\n1) Approved the annual plan.\n\n2) ... view the full decision text for item 7.\n"
    assert texts(nlp, text) == ["Approved the annual plan"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("3. Minutes of the meeting held on 2nd May 2024 read and signed by the Chairman\n4. Planning", "Minutes of the meeting held on 2nd May 2024 read and signed by the Chairman"),
        ("5.Minutes of previous meeting held on 1st March approved & signed by chair\n", "Minutes of previous meeting held on 1st March approved & signed by chair"),
        ("Minutes of the last meeting, provided by the Clerk, agreed and signed.\n", "Minutes of the last meeting, provided by the Clerk, agreed and signed"),
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
        ("7. Planning:- AB/2024/01234 Mill Cottage, Church Lane: rear extension – no objections.", "AB/2024/01234 Mill Cottage, Church Lane: rear extension – no objections"),
        ("1. PL/KT/0524/0311 Hill Farm, Top Road : no comments\n", "PL/KT/0524/0311 Hill Farm, Top Road : no comments"),
        ("24/01122/FUL Two storey side extension, 3 The Green – Object.\n", "24/01122/FUL Two storey side extension, 3 The Green – Object"),
    ],
)
def test_the_councils_response_to_a_planning_consultation(nlp, text, expected):
    assert texts(nlp, text) == [expected]


def test_a_date_with_slashes_is_not_a_planning_reference(nlp):
    assert texts(nlp, "The survey of 12/05/2024 – no objections were raised by residents.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("12. To discuss new benches: Defer until the grant decision is known.\n", "Defer until the grant decision is known"),
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
    text = "1. Apologies for absence.\nThe Clerk had received apologies from Cllrs. AB and CD, all accepted by council.\n"
    assert texts(nlp, text) == ["The Clerk had received apologies from Cllrs. AB and CD, all accepted by council"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Resolved:- That the grant of £500 to the Scouts be approved.", "the grant of £500 to the Scouts be approved"),
        ("RESOLVED:- that the year-end accounts be accepted.", "the year-end accounts be accepted"),
        ("It was resolved:- to approve the precept for 2025/26.", "to approve the precept for 2025/26"),
        ("4.2 Resolved – that the work programme be noted.", "the work programme be noted"),
        ("It was RESOLVED to approve the precept of £12,000.", "to approve the precept of £12,000"),
        ("Resolved to pay the invoices listed in the schedule.", "pay the invoices listed in the schedule"),
    ],
)
def test_cues_fused_to_punctuation_or_after_a_decimal_number(nlp, text, expected):
    assert texts(nlp, text) == [expected]


@pytest.mark.parametrize(
    "text, labels",
    [
        ("The motion was put to the vote and carried:\n(1) that the policy be adopted; and\n(2) that it be published.", ["1", "2"]),
        ("Following a vote it was carried:\n\n(a) that the report be noted;\n\n(b) that the plan be approved.", ["a", "b"]),
        ("The Committee noted:\n(i) the update on the budget;\n(ii) the risks set out in the report.", ["i", "ii"]),
        ("The Committee resolved:-\n(i) to note the report; and\n(ii) to approve the revised charges.", ["i", "ii"]),
    ],
)
def test_parts_whose_resolved_label_is_missing(nlp, text, labels):
    assert [r.part for r in run(nlp, text)] == labels


def test_points_raised_and_noted_over_bullets_are_not_parts(nlp):
    text = "The following points were raised and noted:\n• parking near the school;\n• the cost of repairs.\n"
    assert texts(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Decision:\nThe scheme was approved.", "The scheme was approved"),
        ("The revised terms of reference were approved.", "The revised terms of reference were approved"),
        ("Accordingly, the minutes of the meeting held on 3 June were agreed as a correct record.", "the minutes of the meeting held on 3 June were agreed as a correct record"),
        ("Minutes: The Minutes of the meeting of 5 May were signed and agreed as a correct record. |", "The Minutes of the meeting of 5 May were signed and agreed as a correct record"),
        ("The minutes of the meeting held on 3 June were taken as read and confirmed.", "The minutes of the meeting held on 3 June were taken as read and confirmed"),
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


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Clerk proposed that the hedge be cut in March. No objections, so agreed.", "the hedge be cut in March"),
        ("Cllr Smith proposed that the grass be cut monthly. All agreed.", "the grass be cut monthly"),
        ("It was proposed that the bus shelter be repainted. Agreed by unanimous vote.", "the bus shelter be repainted"),
    ],
)
def test_agreement_written_after_the_proposal(nlp, text, expected):
    assert texts(nlp, text) == [expected]


def test_a_proposal_with_no_agreement_recorded_is_not_a_decision(nlp):
    assert texts(nlp, "It was suggested that the summary would give Members enough detail.") == []


def test_scottish_body_instructs_an_officer(nlp):
    assert texts(nlp, "The Committee instructs the Chief Officer to report back in six months.") == [
        "the Chief Officer to report back in six months"
    ]


def test_a_list_stem_alone_is_not_a_resolution(nlp):
    assert texts(nlp, "RESOLVED that Council be recommended to:") == []
    assert [r.part for r in run(nlp, "RESOLVED that Council be recommended to:\n(a) approve the budget;\n(b) set the tax.")] == ["a", "b"]


def test_a_part_cut_by_the_end_of_the_text_with_under_three_words_is_dropped(nlp):
    assert texts(nlp, "RESOLVED that\n(a) the report be noted; and\n(b) the") == ["the report be noted"]


def test_a_decision_cut_by_the_end_of_the_text_keeps_its_words(nlp):
    text = "Members discussed other funds. It was therefore agreed that a payment from the Common Good Fund in t"
    assert texts(nlp, text) == ["a payment from the Common Good Fund in t"]


def test_a_narrative_commitment_is_an_action_only(nlp):
    assert texts(nlp, "It was agreed that the Clerk would write to the landowner.") == []


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
        "Matters arising\n1. Vacancy needs to be advertised in the newsletter again\n2. Benches – no update\n3. Grit bin still to be filled\n",
        "Items\n(a) To agree the minutes of the last meeting\n(b) Matters arising\n",
        "Issues\na) Parking: Cllr A asked that any reply be sent to all members.\nb) Library: the premises could be made available\nc) Budget: cuts were reported\n",
    ],
)
def test_numbered_narrative_and_agenda_lists_are_not_lost_label_parts(nlp, text):
    assert texts(nlp, text) == []


def test_a_list_whose_letters_change_case_is_one_list(nlp):
    text = "RESOLVED that Cabinet agree to:\n\nA) Note the forecast overspend.\n\nb) Note the savings delivered.\n\nc) Agree the capital changes.\n"
    assert [r.part for r in run(nlp, text)] == ["a", "b", "c"]


def test_bullets_under_an_agreed_stem_stay_inside_the_decision(nlp):
    text = (
        "It was agreed that subject to the following amendments, the protocol be submitted to the Partnership:\n\n"
        "• That any reference to the Manager be amended to Head of Service. · That the second paragraph be deleted.\n\n"
        "RESOLVED\n\nThat subject to the amendments above, the protocol be submitted to the Partnership.\n"
    )
    assert not any(t.startswith(("any reference", "the second paragraph")) for t in texts(nlp, text))


def test_an_executive_members_decision_with_markers_alone_on_their_lines(nlp):
    text = (
        "The works now needed to be tendered. Decision\n\nof Executive Councillor for Housing\n\ni.\n\nApproved\n\n"
        "the issue of tenders for roof repairs to council flats. Reason for the Decision As set out in the report.\n"
    )
    (r,) = run(nlp, text)
    assert r.part == "i" and r.fact.text.endswith("roof repairs to council flats")


def test_approvals_authorisations_and_motion_referrals_tell_nobody_to_act(nlp):
    text = (
        "It was APPROVED that;\n\nThat the Committee:\n1. Approved to submit the business case to the Combined Authority.\n"
        "2. Authorised the Director to procure the works.\n\nMinutes: That the Motion be referred to the Council for debate.\n"
    )
    doc = nlp(text)
    assert len(extractors.resolutions.hits_of(doc)) == 3
    assert all(h.instructions == () for h in extractors.resolutions.hits_of(doc))


def test_an_instructing_part_still_instructs(nlp):
    doc = nlp("RESOLVED that information packs be circulated to Members.")
    (hit,) = extractors.resolutions.hits_of(doc)
    assert hit.instructions


def test_a_running_footer_between_parts_does_not_end_the_list(nlp):
    text = (
        "RESOLVED that the Committee:\n1. Approved the outline business case.\n2. Authorised the Director to procure the works.\n"
        "                                      committees@example.gov.uk\n\n\n"
        "3. Delegated approval of the full business case to the Director.\n"
    )
    assert [r.part for r in run(nlp, text)] == ["1", "2", "3"]


def test_noting_that_papers_had_been_received_is_a_formal_noting(nlp):
    assert texts(nlp, "The Committee noted that the following public statements had been received.") == [
        "The Committee noted that the following public statements had been received"
    ]


def test_an_amendment_set_out_loosely_and_withdrawn_gives_no_decision(nlp):
    text = (
        "The recommendations were moved by Councillor Ash and seconded by Councillor Elm.\n\n"
        "Councillor Oak moved an amendment which was seconded by Councillor Yew. The amendment text as follows:\n\n"
        "Where Stage One means scheme feasibility;\n\nStage One (A) Identify the revenue opportunities.\n\n"
        "That the Committee for Parks and Leisure\n\n   1.  Split the process into two parts.\n   2. Approve the first part at a cost of £50K.\n\n"
        "In response to the amendment, officers gave assurances about monitoring.\n\n"
        "The amendment was withdrawn on the above assurances.\n\n"
        "On the recommendation being put to the vote, the recommendation was CARRIED.\n\nIt was APPROVED;\n"
        "That the Committee for Parks and Leisure\n\n     3.   Approved the first stage at a cost of up to £100K.\n"
        "     4. Authorised the Director to award the contract.\n"
    )
    found = run(nlp, text)
    assert [r.fact.text for r in found] == ["Approved the first stage at a cost of up to £100K", "Authorised the Director to award the contract"]


def test_a_running_footer_is_never_a_decision(nlp):
    assert texts(nlp, "It was APPROVED that;\n\n      committees@example.gov.uk\n\n") == []


def test_a_long_lettered_resolution_with_subheadings_after_parts_without_full_stops(nlp):
    text = (
        "(27) RESOLVED that:\n\nCouncil is asked to agree the following:\n\nCapital Programme\n\n(a) The capital programme of £10m\n\n"
        "(b) The directorate programmes as set out in appendix A\n\nKey Policies and Strategies\n\n(c) The Capital Strategy as set out in appendix B\n\n"
        "In addition:\n\n(d) To delegate authority to the Director to make minor technical changes.\n"
    )
    assert [r.part for r in run(nlp, text)] == ["a", "b", "c", "d"]


def test_a_second_sentence_that_carries_the_decision_on(nlp):
    text = "5) RESOLVED that the Council makes comments on the decision. In particular, the Council urges the Executive to fund the hubs.\n"
    assert texts(nlp, text) == ["the Council makes comments on the decision. In particular, the Council urges the Executive to fund the hubs"]


def test_paragraphs_after_resolved_that_colon_opening_the_same_way(nlp):
    text = (
        "5) RESOLVED that:\n\nMembers note the work done to support veterans in the county.\n\n"
        "Members continue to support the covenant and endorse the Council’s commitment to it.\n\n302. Next Item\n"
    )
    assert len(run(nlp, text)) == 2


def test_a_carried_procedural_motion_is_decided_in_its_own_words(nlp):
    text = (
        "3) The Chairman proposed and the Vice-Chairman seconded that, under s14.48 of the Constitution, Council resolve to "
        "extend the meeting beyond 4.30pm.\n\n4) The Chairman put the motion set out in paragraph 3 to the vote.\n\nMotion carried.\n"
    )
    assert texts(nlp, text) == ["under s14.48 of the Constitution, Council resolve to extend the meeting beyond 4.30pm"]


def test_a_bare_noted_with_the_time_of_the_item(nlp):
    assert texts(nlp, "7 WORK PROGRAMME (Agenda item 7)\n\nNOTED (19:28 TO 20:24)\n\nPRESENT: Councillors A and B.\n") == ["NOTED"]


def test_another_bodys_decision_reported_in_quotation_marks_is_not_a_resolution(nlp):
    text = (
        "Comments made by the Pensions Panel at its meeting on 2 March were reported:\n\n"
        "“That the Pensions Panel notes its disappointment that the accounts were adjusted.\n\n"
        "The Panel requests an update on the action plan at a later meeting.”\n\n"
        "Members noted these comments.\n"
    )
    assert texts(nlp, text) == []
