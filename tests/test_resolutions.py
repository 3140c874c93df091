"""Resolutions: every cue form, parts, noting, label-lost renderings, duplicates, exclusions."""

from __future__ import annotations

import re

import pytest
from conftest import seed_path
from hypothesis import given, settings
from hypothesis import strategies as st
from rule_runs import find_resolutions as run
from rule_runs import resolution_texts as texts
from rule_runs import rule_pipeline

import extractors.actions
import extractors.resolutions  # noqa: F401  (registers minutes_resolutions)


@pytest.fixture(scope="module")
def nlp():
    return rule_pipeline("minutes_resolutions")


def seed(name: str) -> str:
    path = seed_path(name)
    return re.sub(r"</?AI\d+>", "", path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("RESOLVED that the report be noted.", "the report be noted"),
        (
            "RESOLVED – the minutes be approved as a correct record.",
            "the minutes be approved as a correct record",
        ),
        (
            "RESOLVED: That all items be taken in public as proposed.",
            "all items be taken in public as proposed",
        ),
        ("RESOLVED, that – the public minutes be approved.", "the public minutes be approved"),
        ("Resolved: That the work programme be approved.", "the work programme be approved"),
        (
            "UNANIMOUSLY RESOLVED that the minutes be signed as a correct record.",
            "the minutes be signed as a correct record",
        ),
        ("It was resolved that the policy be adopted.", "the policy be adopted"),
        ("Council resolved to approve the budget for 2025/26.", "to approve the budget for 2025/26"),
        (
            "AGREED\nThat the notes of the informal meeting be approved.",
            "the notes of the informal meeting be approved",
        ),
        (
            "The Board agreed the review’s methodology and the appointments.",
            "the review’s methodology and the appointments",
        ),
        ("The Panel agreed that the item be deferred to June.", "the item be deferred to June"),
        ("DECISION: The scheme be extended for a further year.", "The scheme be extended for a further year"),
        ("RECOMMENDED that the Cabinet approve the strategy.", "the Cabinet approve the strategy"),
        ("RECOMMENDED to Council that the allowance be increased.", "the allowance be increased"),
        ("Minutes: RESOLVED that the terms of reference be noted.", "the terms of reference be noted"),
    ],
)
def test_cue_forms_give_the_decision_without_the_cue(nlp, text, expected):
    assert texts(nlp, text) == [expected]


def test_cue_word_is_recorded(nlp):
    (r,) = run(nlp, "AGREED: That the notes be approved.")
    assert r.cue == "AGREED"
    (r,) = run(nlp, "RESOLVED that the notes be approved.")
    assert r.cue == "RESOLVED"


def test_fact_offsets_cover_exactly_the_text(nlp):
    text = (
        "Intro.\n\nRESOLVED that\n\n1)   packs be circulated to Members; and\n\n2)   the report be noted.\n"
    )
    for r in run(nlp, text):
        assert text[r.fact.start_char : r.fact.end_char] == r.fact.text


@pytest.mark.parametrize(
    "body, labels",
    [
        ("(a) the plan be approved;\n(b) the report be noted.", ["a", "b"]),
        ("(i) the plan be approved;\n(ii) the report be noted.", ["i", "ii"]),
        ("1) the plan be approved; and\n\n2) the report be noted.", ["1", "2"]),
        ("1. That the plan be approved;\n2. Note the report.", ["1", "2"]),
    ],
)
def test_one_resolution_per_numbered_part(nlp, body, labels):
    found = run(nlp, "RESOLVED that:\n\n" + body)
    assert [r.part for r in found] == labels
    assert found[0].fact.text.lower().endswith("the plan be approved")
    assert not found[0].fact.text.endswith(";")


def test_numbers_out_of_sequence_are_not_parts(nlp):
    text = "RESOLVED that the minutes were a correct record\n79.\nCabinet Member Updates\n"
    (r,) = run(nlp, text)
    assert r.part is None and r.fact.text == "the minutes were a correct record"


def test_continuation_lines_belong_to_their_part(nlp):
    text = (
        "RESOLVED that\n\n(a) the work programme be approved;\n\n(b) the following members be appointed –\n\n"
        "Education – Councillor Rhys Thomas\n\nPlanning – Councillor Marston, "
        "and\n\n(c) the matter be considered at the next meeting.\n\n"
        "The meeting concluded at 12.40 p.m."
    )
    found = run(nlp, text)
    assert [r.part for r in found] == ["a", "b", "c"]
    assert "Councillor Marston" in found[1].fact.text
    assert "concluded" not in found[2].fact.text


def test_bulleted_parts_after_a_bare_stem(nlp):
    text = (
        "RESOLVED that Council:\n\n• Agrees the revised Terms of Reference; "
        "and\n\n• Delegates to the Monitoring Officer the changes."
    )
    assert len(run(nlp, text)) == 2


@pytest.mark.parametrize(
    "text, noting",
    [
        ("RESOLVED that the report be noted.", True),
        ("RESOLVED that the Panel noted the report.", True),
        ("RESOLVED that the update be noted.", True),
        ("RESOLVED that the terms of reference be noted.", True),
        ("RESOLVED that the strategy be approved.", False),
        ("RESOLVED that the report be noted and the recommendations be approved.", False),
        ("RESOLVED that the packs be circulated to Members.", False),
    ],
)
def test_noting_is_marked_apart(nlp, text, noting):
    (r,) = run(nlp, text)
    assert r.is_noting is noting


@pytest.mark.parametrize(
    "text",
    [
        (
            "·        That the minutes of the meeting held on 21 March be agreed as "
            "an accurate record and signed by the Chair."
        ),
        "That the verbal update be noted.",
        "The minutes of the meeting held on 28th August 2018 were agreed and signed as a true record.",
        (
            "The public minutes and summary of the meeting held on 14 September 2012 "
            "were approved and agreed as a correct record."
        ),
    ],
)
def test_decisions_whose_label_was_lost(nlp, text):
    (r,) = run(nlp, "Minutes\n\n" + text)
    assert r.cue is None
    assert "minutes" in r.fact.text.lower() or "noted" in r.fact.text


@pytest.mark.parametrize(
    "text",
    [
        "4. Recommendation\n\n4.1 That the progress made by North Worcestershire CSP be noted.",
        "Recommendations\n\nThat the progress be noted.",
        (
            "It was agreed that the following amendments be made:\n· That any "
            "reference to the Manager be amended to Head of Service."
        ),
        "The Partnership resolve community safety issues in Redditch.",
        "The partnership worked to resolve community safety issues.",
        "The minutes from the meeting were submitted for Members’ consideration.",
        "It was agreed that children should be placed as close to home as possible.",
        "It was agreed that contact details would be provided to Members as an action.",
        "Decision: No declarations of interest were made at the meeting.",
    ],
)
def test_not_resolutions(nlp, text):
    found = [r.fact.text for r in run(nlp, text)]
    assert not any(
        "amended to Head" in t or "progress" in t or "children" in t or "contact details" in t for t in found
    )
    if "agreed that the following" not in text:
        assert found == []


def test_decision_printed_twice_in_an_item_is_stored_once(nlp):
    text = (
        "Decision: Cabinet RESOLVED that the minutes of the previous meeting be "
        "approved as an accurate record. "
        "Minutes: RESOLVED that the minutes of the previous meeting be approved as an accurate record."
    )
    assert len(run(nlp, text)) == 1


def test_seed_002_gives_exactly_its_two_resolutions(nlp):
    found = run(nlp, seed("002"))
    assert [r.fact.text for r in found] == [
        "Nominated Neighbour Scheme information packs be circulated for the consideration of Members",
        "the report be noted",
    ]
    assert [r.is_noting for r in found] == [False, True]
    assert [r.part for r in found] == ["1", "2"]


def test_seed_000_resolution(nlp):
    (r,) = run(nlp, seed("000"))
    assert (
        r.fact.text
        == "the progress made by North Worcestershire Community Safety Partnership (NWCSP) be noted"
    )
    assert r.is_noting


def test_seed_001_officer_report_has_no_resolution(nlp):
    assert run(nlp, seed("001")) == []


def test_seed_004_minutes_approval(nlp):
    (r,) = run(nlp, seed("004"))
    assert r.fact.text.startswith("the minutes of the meeting of the Crime and Disorder Scrutiny Panel")
    assert r.fact.text.endswith("signed by the Chair")


def test_corpus_page_with_numbered_parts(nlp, shared_corpus):
    text = (shared_corpus / "pages" / "cityoflondon_mgAi_66092.txt").read_text(encoding="utf-8")
    parts = [r.part for r in run(nlp, text)]
    assert parts[-3:] == ["1", "2", "3"]


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("RESOLVED that AGREED (a)(b) 1) 2. be noted\n\n•·–:;.,xyz")),
        max_size=300,
    )
)
def test_never_raises_and_offsets_stay_inside(nlp, text):
    for r in run(nlp, text):
        assert 0 <= r.fact.start_char <= r.fact.end_char <= len(text)
        assert text[r.fact.start_char : r.fact.end_char] == r.fact.text


def test_preamble_then_parts_with_subheadings(nlp):
    text = (
        "(27) RESOLVED that:\n\nCouncil, having given due regard to the report, "
        "is asked to agree the following:\n\n"
        "Capital Programme 2025-28\n\n(a) The capital programme totalling £12m be approved.\n\n"
        "(b) The directorate programmes as set out in appendix A.\n\nRevenue Budget\n\n"
        "(c) The net revenue budget of £30.9m for 2025-26.\n\n(d) To note the financial plan.\n\n"
        "(28) The Chairman thanked officers.\n\n292. Next Item\n"
    )
    found = run(nlp, text)
    assert [r.part for r in found] == ["a", "b", "c", "d"]
    assert found[2].fact.text == "The net revenue budget of £30.9m for 2025-26"
    assert not any("asked to agree" in r.fact.text or "Chairman" in r.fact.text for r in found)


def test_subheading_then_parts_directly_after_cue(nlp):
    text = (
        "RESOLVED that:\n\nHousing Strategy\n\n(a) the strategy be "
        "adopted;\n\n(b) the action plan be published.\n\n292. Budget "
        "Monitoring\n\nThe report was presented."
    )
    found = run(nlp, text)
    assert [r.part for r in found] == ["a", "b"]


def test_heading_not_followed_by_a_part_stops_the_list(nlp):
    text = (
        "RESOLVED that:\n\n(a) the strategy be adopted;\n\n(b) the plan be "
        "published.\n\nPublic Questions\n\nA question was asked about parking."
    )
    found = run(nlp, text)
    assert [r.part for r in found] == ["a", "b"]
    assert "parking" not in found[1].fact.text


@pytest.mark.parametrize(
    "text, expected, noting",
    [
        ("Members discussed the update at length.\n\nNOTED\n\n5. Budget Monitoring\n", "NOTED", True),
        ("The Chair summarised the discussion.\n\nNoted.\n", "Noted", True),
        ("Members asked about the timetable.\n\nAGREED\n\nThe meeting closed at 5pm.", "AGREED", False),
        (
            "Officers answered questions. The report was otherwise noted.",
            "The report was otherwise noted",
            True,
        ),
        ("The update was noted.", "The update was noted", True),
        (
            "Council resolved to extend the meeting beyond 4.30pm.",
            "to extend the meeting beyond 4.30pm",
            False,
        ),
        (
            "Council resolve to extend the meeting beyond 4.30pm.",
            "to extend the meeting beyond 4.30pm",
            False,
        ),
        (
            "Councillor Smith moved that the question be now put to the vote, which was agreed.",
            "the question be now put to the vote",
            False,
        ),
    ],
)
def test_decisions_without_a_cue_or_with_a_bare_label(nlp, text, expected, noting):
    (r,) = run(nlp, text)
    assert r.fact.text == expected and r.is_noting is noting


def test_agreed_unanimously_takes_the_motion_before_it(nlp):
    text = (
        "Mr Smith proposed and Mr Jones seconded the following motion:\n\nThat "
        "this Council supports the campaign for safer roads.\n\nAgreed "
        "unanimously.\n"
    )
    (r,) = run(nlp, text)
    assert r.fact.text == "this Council supports the campaign for safer roads"


def test_bare_label_followed_by_the_recorded_resolution_is_not_counted_twice(nlp):
    text = (
        "1. Mr A proposed, and Mr B seconded that Mr C be elected "
        "Chair.\n\nAgreed unanimously.\n\n2. RESOLVED that Mr C be elected "
        "Chair.\n"
    )
    assert texts(nlp, text) == ["Mr C be elected Chair"]


@pytest.mark.parametrize(
    "text",
    [
        "The Partnership resolve community safety issues in the town.",
        "Councillor Smith moved that the question be now put. This was lost.",
        (
            "Mr Smith proposed and Mr Jones seconded the following motion:\n\nThis "
            "Council resolves to lobby the Government for fair funding.\n\nMotion "
            "lost.\n"
        ),
        (
            "Mr Smith proposed and Mr Jones seconded the following motion:\n\nThat "
            "this Council calls on the Government to act.\n\nThe motion was "
            "defeated.\n"
        ),
        "The report was noted that the scheme had finished.",
        "As the figures had changed, the report was noted.",
    ],
)
def test_lost_motions_and_plain_remarks_are_not_decisions(nlp, text):
    assert texts(nlp, text) == []


def test_carried_motion_keeps_only_the_recorded_resolution(nlp):
    text = (
        "Mr Smith proposed and Mr Jones seconded the following motion:\n\n"
        "This Council resolves to lobby the Government for fair funding.\n\nThe "
        "motion was carried and it was\n\n"
        "RESOLVED that this Council write to the Government seeking fair funding.\n"
    )
    assert texts(nlp, text) == ["this Council write to the Government seeking fair funding"]


def test_carried_motion_with_no_recorded_resolution_is_the_decision(nlp):
    text = (
        "Mr Smith proposed and Mr Jones seconded the following motion:\n\nThis "
        "Council resolves to lobby the Government for fair funding.\n\nCarried.\n"
    )
    (found,) = texts(nlp, text)
    assert found.endswith("to lobby the Government for fair funding")  # the carried motion's words
