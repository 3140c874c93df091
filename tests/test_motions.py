"""Motions printed in full: only what was carried is a decision, and only once.

Invented text in the forms UK minutes use; the last tests read two real Kent
County Council minutes (skipped when ../shared is not beside the project) and
check every resolution and action against the fates printed in them.
"""

from __future__ import annotations

import re

import pytest
from conftest import need_shared
from rule_runs import action_texts as commitments
from rule_runs import resolution_texts as decisions
from rule_runs import rule_pipeline

import extractors.actions
import extractors.resolutions  # noqa: F401  (registers minutes_resolutions)
from extractors.motions import motions, not_decision_at


@pytest.fixture(scope="module")
def nlp():
    return rule_pipeline()


LOST = (
    "4) Ms Green proposed, and Mr Brown seconded the motion that\n\n"
    "“This Council resolves to:\n\n• Ask the Leader to write to the Minister about bus fares.\n\n"
    "• Request that officers report on fare caps by June.”\n\n"
    "5) Following the debate, the Chairman put the motion to the vote and the voting was as follows:\n\n"
    "For (12)\n\nAgainst (30)\n\nMr Black Motion lost.\n"
)


def test_a_lost_motion_gives_no_resolution_and_no_action(nlp):
    assert decisions(nlp, LOST) == []
    assert commitments(nlp, LOST) == []
    (m,) = motions(LOST)
    assert m.fate == "lost" and m.status == "not_decision"


def test_an_amendment_carried_replaces_the_motion_and_the_resolved_text_is_the_decision(nlp):
    text = (
        "1) Mr Grey proposed, and Ms White seconded the motion that\n\n“Council "
        "is asked to adopt the parking plan.”\n\n"
        "2) Mr Stone proposed and Mrs Wood seconded the following amendment:\n\n"
        "“Council is asked to adopt the parking plan, subject to a review of charges in the town centre.”\n\n"
        "3) Following the debate the Chairman put the amendment to the vote.\n\nAmendment carried.\n\n"
        "4) The Chairman put the substantive motion to the vote.\n\nSubstantive motion carried.\n\n"
        "5) RESOLVED that Council adopts the parking plan, subject to a review "
        "of charges in the town centre.\n"
    )
    original, amendment = motions(text)
    assert original.fate == "replaced"
    assert amendment.fate == "carried" and amendment.recorded_after
    assert decisions(nlp, text) == [
        "Council adopts the parking plan, subject to a review of charges in the town centre"
    ]


def test_a_withdrawn_amendment_is_not_a_decision(nlp):
    text = (
        "Councillor Reed moved an amendment, seconded by Councillor Hall, that "
        "the Clerk be instructed to obtain three quotes for the new benches.\n\n"
        "With the consent of the meeting, Councillor Reed withdrew the amendment.\n"
    )
    assert not any("three quotes" in d for d in decisions(nlp, text))
    assert not any("three quotes" in c for c in commitments(nlp, text))


def test_a_carried_motion_recorded_nowhere_else_is_the_decision(nlp):
    text = (
        "Road Safety Motion Minutes:\nMoved by Councillor Park, Seconded by Councillor Lane;\n"
        "“That the Motion be referred to the Environment Committee for consideration.”\n"
        "On a vote, twelve Members voted for the proposal and three against and it was declared carried.\n"
    )
    assert decisions(nlp, text) == ["the Motion be referred to the Environment Committee for consideration"]


def test_agreement_written_after_the_proposal(nlp):
    text = (
        "12/24 Minutes of the last meeting: It was proposed by Cllr Vale that the draft minutes of the "
        "meeting held on 4 June were a true record. This was seconded by Cllr "
        "Moss and agreed by all present.\n"
    )
    assert decisions(nlp, text) == ["the draft minutes of the meeting held on 4 June were a true record"]


def test_a_second_motion_carried_on_a_casting_vote_replaces_the_first(nlp):
    text = (
        "Moved by Councillor Ash, Seconded by Councillor Elm;\n“That the motion be rejected.”\n"
        "Moved by Councillor Oak, Seconded by Councillor Yew,\n“That the motion "
        "be referred to the Council for debate.”\n"
        "On a vote, eight Members voted for the amendment and eight against and "
        "the Chairperson cast the deciding "
        "vote in favour of the amendment.\nThe amendment was then put to the "
        "Committee as the substantive motion and accordingly agreed.\n"
    )
    assert decisions(nlp, text) == ["the motion be referred to the Council for debate"]


def test_a_procedural_motion_between_does_not_replace_the_motion(nlp):
    text = (
        "1) Mrs Hill proposed, and Mr Dale seconded the motion that\n\n“Council "
        "is asked to endorse the pay policy.”\n\n"
        "2) Mr Ford proposed and Ms Lake seconded that the motion be put to the vote.\n\nAgreed.\n\n"
        "3) The Chairman put the motion set out in paragraph 1 to the vote.\n\nMotion carried.\n\n"
        "4) RESOLVED that Council endorses the pay policy.\n"
    )
    first, closure = motions(text)
    assert first.fate == "carried" and first.recorded_after
    assert closure.fate == "carried" and closure.procedural
    assert decisions(nlp, text) == ["the motion be put to the vote", "Council endorses the pay policy"]


def test_a_motion_amended_before_the_text_ends_is_not_a_decision(nlp):
    text = (
        "Moved by Councillor Ash, Seconded by Councillor Elm,\nThat the minutes "
        "of the Finance Committee be approved and adopted.\n"
        "Amendment\nMoved by Councillor Oak, Seconded by Councillor Yew,\n“That "
        "the minute on parking charges be referred back.”\n"
    )
    assert not any("approved and adopted" in d for d in decisions(nlp, text))


def test_not_decision_at_names_the_failed_motion():
    m = not_decision_at(LOST, LOST.index("bus fares"))
    assert m is not None and m.fate == "lost"
    assert not_decision_at(LOST, LOST.index("Following the debate")) is m  # the debate up to its fate
    assert not_decision_at(LOST + "\n6) RESOLVED that the report be noted.\n", len(LOST) + 4) is None


# ---------------------------------------------------------------- the Kent County Council minutes

PARAGRAPH = re.compile(r"^[^\S\n]*\d{1,2}[.)][^\S\n]+", re.MULTILINE)
INTRO = re.compile(r"\bproposed\b.{0,80}\bseconded\b", re.DOTALL)
PROCEDURE = re.compile(r"proposed|seconded|Following|Chairman|put|RESOLVED|voting", re.IGNORECASE)


def _failed_motion_spans(text: str) -> list[tuple[int, int, str]]:
    """Independent reading of Kent's layout: numbered paragraphs "N) Mr A proposed, and Mr B
    seconded the motion/amendment ..." hold a motion; a later "Motion lost."/"Amendment lost." or
    an amendment carried (or accepted as the substantive motion) settles the latest one of its kind."""
    paragraphs = []
    starts = [m.start() for m in PARAGRAPH.finditer(text)]
    for i, s in enumerate(starts):
        line = text[s : text.find("\n", s) if "\n" in text[s:] else len(text)]
        if not INTRO.search(line) or "be put to the vote" in line or "extend the meeting" in line:
            continue
        end = next((t for t in starts[i + 1 :] if PROCEDURE.search(text[t : t + 60])), len(text))
        paragraphs.append((s, end, "amendment" in line.split("seconded")[-1][:40]))
    failed = []
    for m in re.finditer(r"(Motion lost|Amendment lost|Amendment carried|agreed to the amendment)", text):
        before = [p for p in paragraphs if p[0] < m.start()]
        if m.group(1) == "Motion lost":
            s, e, _ = before[-1]
            failed.append((s, e, "lost"))
        elif m.group(1) == "Amendment lost":
            s, e, _ = [p for p in before if p[2]][-1]
            failed.append((s, e, "lost"))
        else:
            amendment = [p for p in before if p[2]][-1]
            s, e, _ = [p for p in before if not p[2] and p[0] < amendment[0]][-1]
            failed.append((s, e, "replaced"))
    return failed


@pytest.fixture(
    scope="module",
    params=[
        "kent_cc_county_council_2024-12-19_minutes.pdf",
        "kent_cc_county_council_2025-03-13_printed_minutes.pdf",
    ],
)
def kent(request):
    path = need_shared("corpus", "pdf", request.param)
    from pipeline.run.process import process_file

    processed = process_file(str(path), None, None)
    assert not hasattr(processed, "message"), processed
    return processed


def test_kent_minutes_have_failed_motions_to_check(kent):
    failed = _failed_motion_spans(kent.clean.text)
    assert len(failed) >= 2


def test_kent_no_resolution_or_action_comes_from_a_lost_or_replaced_motion(kent):
    text = kent.clean.text
    failed = _failed_motion_spans(text)
    facts = [("resolution", r.fact) for r in kent.extraction.resolutions] + [
        ("action", a.fact) for a in kent.extraction.actions
    ]
    bad = [(kind, f.text[:80], fate) for kind, f in facts for s, e, fate in failed if s <= f.start_char < e]
    assert bad == []


def test_kent_every_recorded_resolution_is_still_found(kent):
    text = kent.clean.text
    found = [r.fact.start_char for r in kent.extraction.resolutions]
    labels = [
        m.end() for m in re.finditer(r"^[^\S\n]*(?:\d{1,2}[.)][^\S\n]*)?RESOLVED\b", text, re.MULTILINE)
    ]
    assert labels
    assert [at for at in labels if not any(at <= s <= at + 400 for s in found)] == []
