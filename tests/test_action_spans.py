"""Where an action starts and stops, and when two finds are one commitment (invented text in the
forms UK minutes use: decision records, "ACTION:" lines under narrative, wrapped brackets, lists)."""

from __future__ import annotations

import pytest
import spacy

import extractors.resolutions  # noqa: F401  (registers minutes_resolutions)
from extractors.actions import actions
from pipeline.records import Fact


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("minutes_resolutions")
    nlp.add_pipe("minutes_actions")
    return nlp


def run(nlp, text: str):
    doc = nlp(text)
    return actions(doc, fact=lambda s, e: Fact("action", s, e, text[s:e], 0, None))


# ---------------------------------------------------------------- a statement of scope

DECISION_RECORD = (
    "Decision taken\n\n"
    "That the Committee for Housing:\n\n"
    "1. Approved the approach to the Northfield depot refurbishment as set out in the report.\n\n"
    "2. Authorised the Director of Place to take all steps required to submit the bid.\n\n"
    "3. The above decisions will also apply to any further grant offers received during the "
    "works, but the Committee will be briefed on each such offer.\n"
)


def test_a_scope_statement_in_a_decision_is_not_an_instruction(nlp):
    texts = [a.fact.text for a in run(nlp, DECISION_RECORD)]
    assert not any("will also apply" in t for t in texts), texts
    assert "the Committee will be briefed on each such offer" in texts


def test_a_scope_statement_alone_gives_no_action(nlp):
    text = DECISION_RECORD.replace(", but the Committee will be briefed on each such offer", "")
    assert [a.fact.text for a in run(nlp, text)] == []


# ---------------------------------------------------------------- one commitment written twice

RESTATED = (
    "Q12 - Ms Avery\n\n"
    "Officers confirmed that the survey of the junction had been completed. The cost of the design "
    "work was not to hand at the meeting. Officers advised that this information would be shared "
    "once the tender had closed. ACTION: Officers to provide the design cost figures to Ms Avery "
    "in writing.\n"
)


def test_a_narrative_commitment_restated_as_an_action_line_is_one_action(nlp):
    texts = [a.fact.text for a in run(nlp, RESTATED)]
    assert texts == ["Officers to provide the design cost figures to Ms Avery in writing"]


def test_the_narrative_stays_when_no_action_line_restates_it(nlp):
    text = RESTATED.split(" ACTION:")[0] + "\n"
    assert [a.fact.text for a in run(nlp, text)] == [
        "this information would be shared once the tender had closed"
    ]


def test_a_different_undertaking_beside_an_action_line_stays(nlp):
    text = (
        "The consultation page has been updated. Officers will work with the press office on a "
        "planned publicity campaign. ACTION: Briefing on the campaign to be sent to ward Councillors.\n"
    )
    texts = [a.fact.text for a in run(nlp, text)]
    assert texts == [
        "Officers will work with the press office on a planned publicity campaign",
        "Briefing on the campaign to be sent to ward Councillors",
    ]


def test_two_action_lines_are_both_kept(nlp):
    text = (
        "ACTION: Clerk to send the hedge quotes to all members.\n"
        "ACTION: Clerk to send the footpath map to the Ramblers.\n"
    )
    assert len(run(nlp, text)) == 2


def test_an_action_line_about_something_else_does_not_swallow_a_pointing_back_narrative(nlp):
    text = (
        "It was agreed that these talks would continue, and the item would be brought back to the "
        "Board in due course.\n\n"
        "ACTION: Members to receive an update on the spending of the town centre grant.\n"
    )
    assert len(run(nlp, text)) == 2


# ---------------------------------------------------------------- a sentence cut by a break

@pytest.mark.parametrize(
    "text, expected",
    [
        (
            (
                "Members asked for a tour of the depot. (ACTION: Clerk to arrange\n\n"
                "site visits for the new members.)\n\nThe meeting closed at 9pm.\n"
            ),
            "Clerk to arrange\n\nsite visits for the new members",
        ),
        (
            "ACTION: Officers to write to the\n\nhighway authority about the damaged verge.\n",
            "Officers to write to the\n\nhighway authority about the damaged verge",
        ),
    ],
)
def test_an_action_runs_to_the_end_of_its_sentence_across_a_break(nlp, text, expected):
    assert [a.fact.text for a in run(nlp, text)] == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ACTION: Clerk to arrange\n\nPlanning Applications\n\nNone received.\n", "Clerk to arrange"),
        ("(ACTION: Clerk to arrange\n\n5. Finance: the accounts were approved.\n", "Clerk to arrange"),
        (
            "ACTION: Clerk to order the new bins.\n\nThe meeting closed at 9pm.\n",
            "Clerk to order the new bins",
        ),
        (
            "(ACTION: Clerk to arrange\n\n- the hall booking for June.\n",
            "Clerk to arrange",
        ),
    ],
)
def test_a_finished_sentence_or_a_new_line_of_business_is_not_run_on(nlp, text, expected):
    assert [a.fact.text for a in run(nlp, text)][:1] == [expected]


# ---------------------------------------------------------------- a commitment introducing a list

LISTED = (
    "Q7 - Mr Hale\n\n"
    "Officers agreed to obtain the following figures;\n\n"
    "- the number of residents' permits issued in the zone, and how many were\n"
    "    refused.\n\n"
    "- the cost of enforcement over the last year.\n\n"
    "7 Annual Report\n\n"
    "The Committee noted the annual report.\n"
)


def test_the_list_a_commitment_introduces_is_kept_with_it(nlp):
    (a,) = run(nlp, LISTED)
    assert a.fact.text == "Officers agreed to obtain the following figures"
    assert "how many were\n    refused" in a.context
    assert a.context.endswith("the cost of enforcement over the last year.")
    assert "Annual Report" not in a.context


def test_a_long_list_is_capped():
    from extractors.action_extent import MAX_LIST_ITEMS, list_end

    text = "Clerk to buy the following:\n" + "".join(f"- item number {i}\n" for i in range(20)) + "\nEnd.\n"
    end = list_end(text, text.index(":"))
    assert end is not None
    assert text[:end].count("\n- ") == MAX_LIST_ITEMS


def test_a_numbered_minute_after_a_bulleted_list_ends_it():
    from extractors.action_extent import list_end

    text = "Clerk to order:\n• two benches\n• a litter bin\n8. Correspondence\nA letter was read.\n"
    end = list_end(text, text.index(":"))
    assert text[:end].endswith("a litter bin")


def test_no_list_after_an_intro_gives_none():
    from extractors.action_extent import list_end

    text = "The Clerk would look into the following:\nThe Committee then moved on.\n"
    assert list_end(text, text.index(":")) is None
