"""Instructing parts of a decision (extractors/instructions.py): every verb form, on invented text."""

from __future__ import annotations

import pytest
from rule_runs import find_actions as run
from rule_runs import rule_pipeline

import extractors.resolutions  # noqa: F401  (registers minutes_resolutions)
from extractors.instructions import instructions


@pytest.fixture(scope="module")
def nlp():
    return rule_pipeline()


def parts(text: str) -> list[str]:
    return [text[s:e] for s, e, _owner in instructions(text, 0, len(text), None)]


@pytest.mark.parametrize(
    "part",
    [
        "the Town Clerk writes to the water company about the flooding on Mill Lane",
        "the Partnership takes part in the county study of community transport",
        "the Clerk continue to chase the highway authority about the gully",
        "to draw down the agreed loan and to serve notice on the landlord of the present office",
        "the revised grant criteria be sent out for formal consultation with the neighbouring councils",
        "subject to no objections being received, the new opening hours are implemented",
        "the footpath survey be considered and brought back to a later meeting",
    ],
)
def test_instructing_verb_forms(part):
    assert parts(part) == [part]


def test_noting_then_instructing_keeps_only_the_instruction():
    text = "the Panel note the petition and provide a written answer from the Panel Chair"
    ((s, e, owner),) = instructions(text, 0, len(text), None)
    assert text[s:e] == "provide a written answer from the Panel Chair"
    assert owner == "the Panel"


def test_business_fixed_for_the_next_meeting_is_an_instruction():
    text = "at the next meeting a forward plan of reports to be agreed by the Forum"
    assert parts(text) == [text]


@pytest.mark.parametrize(
    "part",
    [
        "the minutes of the meeting held on 4 May be agreed as a correct record",
        "the Head of Finance be authorised to procure the new payroll system",
        "authority be delegated to the Director to award the contract",
        "Member updates were deferred to the next meeting",
        "the report be noted",
    ],
)
def test_not_instructions(part):
    assert parts(part) == []


def test_a_delegation_in_the_sense_of_a_group_of_people_does_not_block_an_instruction():
    text = "the Minister be invited to meet a cross-party delegation from the Council"
    assert parts(text) == [text]


def test_instructing_part_through_the_pipeline_has_its_due(nlp):
    text = (
        "RESOLVED that:\n\n1. the Strategy be approved; and\n\n2. at the next "
        "meeting a programme of visits to be agreed by the Board.\n"
    )
    (a,) = run(nlp, text)
    assert a.from_resolution and a.due == "the next meeting"


def test_the_officer_asked_owns_the_request(nlp):
    text = (
        "RESOLVED: That the Committee:-\n\n(a) notes the information; and\n\n(b) "
        "requests the Policy Officer to investigate the issues raised.\n"
    )
    (a,) = run(nlp, text)
    assert a.owner == "the Policy Officer"
