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
