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
