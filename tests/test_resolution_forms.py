"""Resolutions after a cue, in the forms councils nobody has read use (fused and numbered cues,
parts, motions, duplicates): one test per form, on invented text."""

from __future__ import annotations

import pytest
from rule_runs import find_resolutions as run
from rule_runs import resolution_texts as texts
from rule_runs import rule_pipeline

import extractors.resolutions


@pytest.fixture(scope="module")
def nlp():
    return rule_pipeline("minutes_resolutions")


def test_an_amendment_heading_leaves_the_motion_before_it_undecided(nlp):
    text = (
        "Moved by Councillor Ash, Seconded by Councillor Elm,\n\nThat the "
        "minutes of the Housing Committee be approved and adopted.\n\n"
        "Amendment\n\nRent Arrears\n\nAt the request of Councillor Oak, the "
        "Council agreed that the minute on rent arrears be referred back.\n"
    )
    assert texts(nlp, text) == ["the minute on rent arrears be referred back"]


def test_it_was_approved_that_then_the_decision_as_its_own_paragraph(nlp):
    text = (
        "On being put to the vote the recommendation was CARRIED unanimously. It was APPROVED that;\n\n"
        "The Housing Committee approved a pilot of shared bins in two wards. "
        "Subject to funding, the roll-out\n"
        "was delegated to the Director of Place.\n\n10 Next Item\n"
    )
    (r,) = run(nlp, text)
    assert r.cue == "APPROVED"
    assert r.fact.text.startswith("The Housing Committee approved a pilot") and r.fact.text.endswith(
        "Director of Place"
    )


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
        "Decision:\n\nThe Joint Committee:\n\n1) Approved the funding "
        "application and the award of £40,000 for the tree planting workplan.\n\n"
        "2) Approved the funding application and the award of £55,000 for the river restoration workplan.\n\n"
        "3) Approved the funding application and the award of £40,000 for the flood resilience workplan.\n"
    )
    assert [r.part for r in run(nlp, text)] == ["1", "2", "3"]


def test_resolved_to_recommend_to_another_body_then_the_decision(nlp):
    text = (
        "Members considered the report. It was\n\nResolved to RECOMMEND: (to "
        "Council)\n\nThat the revised scheme of delegation be approved.\n"
    )
    assert texts(nlp, text) == ["the revised scheme of delegation be approved"]


def test_a_part_cut_by_the_page_with_a_view_the_full_text_link_is_not_a_decision(nlp):
    text = (
        "Decision:\n\nThe Board:\n\n1) Approved the annual plan.\n\n2) ... view "
        "the full decision text for item 7.\n"
    )
    assert texts(nlp, text) == ["Approved the annual plan"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Resolved:- That the grant of £500 to the Scouts be approved.",
            "the grant of £500 to the Scouts be approved",
        ),
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
        (
            (
                "The motion was put to the vote and carried:\n(1) that the policy be "
                "adopted; and\n(2) that it be published."
            ),
            ["1", "2"],
        ),
        (
            (
                "Following a vote it was carried:\n\n(a) that the report be "
                "noted;\n\n(b) that the plan be approved."
            ),
            ["a", "b"],
        ),
        (
            "The Committee noted:\n(i) the update on the budget;\n(ii) the risks set out in the report.",
            ["i", "ii"],
        ),
        (
            "The Committee resolved:-\n(i) to note the report; and\n(ii) to approve the revised charges.",
            ["i", "ii"],
        ),
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
        (
            "The Clerk proposed that the hedge be cut in March. No objections, so agreed.",
            "the hedge be cut in March",
        ),
        ("Cllr Smith proposed that the grass be cut monthly. All agreed.", "the grass be cut monthly"),
        (
            "It was proposed that the bus shelter be repainted. Agreed by unanimous vote.",
            "the bus shelter be repainted",
        ),
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
    assert [
        r.part
        for r in run(
            nlp, "RESOLVED that Council be recommended to:\n(a) approve the budget;\n(b) set the tax."
        )
    ] == ["a", "b"]


def test_a_part_cut_by_the_end_of_the_text_with_under_three_words_is_dropped(nlp):
    assert texts(nlp, "RESOLVED that\n(a) the report be noted; and\n(b) the") == ["the report be noted"]


def test_a_decision_cut_by_the_end_of_the_text_keeps_its_words(nlp):
    text = (
        "Members discussed other funds. It was therefore agreed that a payment from the Common Good Fund in t"
    )
    assert texts(nlp, text) == ["a payment from the Common Good Fund in t"]


def test_a_narrative_commitment_is_an_action_only(nlp):
    assert texts(nlp, "It was agreed that the Clerk would write to the landowner.") == []


def test_a_list_whose_letters_change_case_is_one_list(nlp):
    text = (
        "RESOLVED that Cabinet agree to:\n\nA) Note the forecast "
        "overspend.\n\nb) Note the savings delivered.\n\nc) Agree the capital "
        "changes.\n"
    )
    assert [r.part for r in run(nlp, text)] == ["a", "b", "c"]


def test_bullets_under_an_agreed_stem_stay_inside_the_decision(nlp):
    text = (
        "It was agreed that subject to the following amendments, the protocol be "
        "submitted to the Partnership:\n\n"
        "• That any reference to the Manager be amended to Head of Service. · "
        "That the second paragraph be deleted.\n\n"
        "RESOLVED\n\nThat subject to the amendments above, the protocol be submitted to the Partnership.\n"
    )
    assert not any(t.startswith(("any reference", "the second paragraph")) for t in texts(nlp, text))


def test_an_executive_members_decision_with_markers_alone_on_their_lines(nlp):
    text = (
        "The works now needed to be tendered. Decision\n\nof Executive "
        "Councillor for Housing\n\ni.\n\nApproved\n\n"
        "the issue of tenders for roof repairs to council flats. Reason for the "
        "Decision As set out in the report.\n"
    )
    (r,) = run(nlp, text)
    assert r.part == "i" and r.fact.text.endswith("roof repairs to council flats")


def test_approvals_authorisations_and_motion_referrals_tell_nobody_to_act(nlp):
    text = (
        "It was APPROVED that;\n\nThat the Committee:\n1. Approved to submit the "
        "business case to the Combined Authority.\n"
        "2. Authorised the Director to procure the works.\n\nMinutes: That the "
        "Motion be referred to the Council for debate.\n"
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
        "RESOLVED that the Committee:\n1. Approved the outline business "
        "case.\n2. Authorised the Director to procure the works.\n"
        "                                      committees@example.gov.uk\n\n\n"
        "3. Delegated approval of the full business case to the Director.\n"
    )
    assert [r.part for r in run(nlp, text)] == ["1", "2", "3"]


def test_an_amendment_set_out_loosely_and_withdrawn_gives_no_decision(nlp):
    text = (
        "The recommendations were moved by Councillor Ash and seconded by Councillor Elm.\n\n"
        "Councillor Oak moved an amendment which was seconded by Councillor Yew. "
        "The amendment text as follows:\n\n"
        "Where Stage One means scheme feasibility;\n\nStage One (A) Identify the revenue opportunities.\n\n"
        "That the Committee for Parks and Leisure\n\n   1.  Split the process "
        "into two parts.\n   2. Approve the first part at a cost of £50K.\n\n"
        "In response to the amendment, officers gave assurances about monitoring.\n\n"
        "The amendment was withdrawn on the above assurances.\n\n"
        "On the recommendation being put to the vote, the recommendation was CARRIED.\n\nIt was APPROVED;\n"
        "That the Committee for Parks and Leisure\n\n     3.   Approved the "
        "first stage at a cost of up to £100K.\n"
        "     4. Authorised the Director to award the contract.\n"
    )
    found = run(nlp, text)
    assert [r.fact.text for r in found] == [
        "Approved the first stage at a cost of up to £100K",
        "Authorised the Director to award the contract",
    ]


def test_a_running_footer_is_never_a_decision(nlp):
    assert texts(nlp, "It was APPROVED that;\n\n      committees@example.gov.uk\n\n") == []


def test_a_long_lettered_resolution_with_subheadings_after_parts_without_full_stops(nlp):
    text = (
        "(27) RESOLVED that:\n\nCouncil is asked to agree the "
        "following:\n\nCapital Programme\n\n(a) The capital programme of £10m\n\n"
        "(b) The directorate programmes as set out in appendix A\n\nKey Policies "
        "and Strategies\n\n(c) The Capital Strategy as set out in appendix B\n\n"
        "In addition:\n\n(d) To delegate authority to the Director to make minor technical changes.\n"
    )
    assert [r.part for r in run(nlp, text)] == ["a", "b", "c", "d"]


def test_a_second_sentence_that_carries_the_decision_on(nlp):
    text = (
        "5) RESOLVED that the Council makes comments on the decision. In "
        "particular, the Council urges the Executive to fund the hubs.\n"
    )
    assert texts(nlp, text) == [
        (
            "the Council makes comments on the decision. In particular, the Council "
            "urges the Executive to fund the hubs"
        )
    ]


def test_paragraphs_after_resolved_that_colon_opening_the_same_way(nlp):
    text = (
        "5) RESOLVED that:\n\nMembers note the work done to support veterans in the county.\n\n"
        "Members continue to support the covenant and endorse the Council’s "
        "commitment to it.\n\n302. Next Item\n"
    )
    assert len(run(nlp, text)) == 2


def test_a_carried_procedural_motion_is_decided_in_its_own_words(nlp):
    text = (
        "3) The Chairman proposed and the Vice-Chairman seconded that, under "
        "s14.48 of the Constitution, Council resolve to "
        "extend the meeting beyond 4.30pm.\n\n4) The Chairman put the motion set "
        "out in paragraph 3 to the vote.\n\nMotion carried.\n"
    )
    assert texts(nlp, text) == [
        "under s14.48 of the Constitution, Council resolve to extend the meeting beyond 4.30pm"
    ]


def test_a_line_naming_only_the_body_then_the_decision_paragraph(nlp):
    text = (
        "It was unanimously\n\nResolved:\n\nCommittee:\n\nEndorsed the amended "
        "terms of reference attached at Appendix 1.\n\n9. Work Plan\n"
    )
    assert texts(nlp, text) == ["Endorsed the amended terms of reference attached at Appendix 1"]


def test_sub_items_stay_inside_their_part(nlp):
    text = (
        "It was APPROVED that;\n\nThat the Committee for Parks:\n1.    Approved "
        "submission of the business case.\n"
        "2.    Authorised the Director, subject to approval of the business case, to\n"
        "      a.   Take all steps required to accept the funding\n      b.   "
        "Procure and award the contracts for the works\n\n"
        "Councillor Smith left the meeting.\n"
    )
    found = run(nlp, text)
    assert [r.part for r in found] == ["1", "2"]
    assert "Take all steps" in found[1].fact.text and found[1].fact.text.endswith("contracts for the works")


def test_a_decision_printed_at_the_vote_and_again_in_a_summary_is_one(nlp):
    text = (
        "RESOLVED that the parking strategy be approved.\n\n"
        "Summary of approved recommendations\n\n1. That the parking strategy be approved.\n"
    )
    assert texts(nlp, text) == ["the parking strategy be approved"]
