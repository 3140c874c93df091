"""Shorthand action forms of small councils (extractors/action_shorthand.py), on invented text."""

from __future__ import annotations

import pytest
from rule_runs import action_texts as texts
from rule_runs import find_actions as run
from rule_runs import rule_pipeline

import extractors.resolutions  # noqa: F401  (registers minutes_resolutions)


@pytest.fixture(scope="module")
def nlp():
    return rule_pipeline()


@pytest.mark.parametrize(
    "text, expected, owner",
    [
        (
            "7. Footpaths: the stile on FP4 is broken. Clerk to contact the Rights of Way officer.",
            "Clerk to contact the Rights of Way officer",
            "Clerk",
        ),
        (
            "3. Play area – RT & MH to inspect the swings before the next meeting.",
            "RT & MH to inspect the swings before the next meeting",
            "RT & MH",
        ),
        (
            (
                "Members asked about the strategy. Priya Shah and Tom Ellis to draft a "
                "paragraph on the partnerships."
            ),
            "Priya Shah and Tom Ellis to draft a paragraph on the partnerships",
            "Priya Shah and Tom Ellis",
        ),
        (
            "2. Vacancies: two seats remain empty. New clerk to include a notice in the spring newsletter.",
            "New clerk to include a notice in the spring newsletter",
            "New clerk",
        ),
        (
            "5. Bus shelter: Cllr Oduya was asked to obtain a second quote.",
            "Cllr Oduya was asked to obtain a second quote",
            "Cllr Oduya",
        ),
    ],
)
def test_someone_to_do_something(nlp, text, expected, owner):
    (a,) = run(nlp, text)
    assert a.fact.text == expected and a.owner == owner


def test_two_tasks_in_one_sentence_are_two_actions(nlp):
    text = (
        "4. Green: the hedge needs trimming soon. In the meantime the gutters to "
        "be cleared and Brightwell asked to quote for new fencing."
    )
    assert texts(nlp, text) == ["the gutters to be cleared", "Brightwell asked to quote for new fencing"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "6. Finance\n1. Monthly accounts – need to request the grant from the district council.\n",
            "need to request the grant from the district council",
        ),
        (
            (
                "8. Matters arising\n1. Warden post needs to be advertised in the parish "
                "magazine again\n2. Benches – no update\n"
            ),
            "Warden post needs to be advertised in the parish magazine again",
        ),
        (
            (
                "4. Clerk reported she is away in December. To decide next month whether "
                "the December meeting goes ahead.\n"
            ),
            "To decide next month whether the December meeting goes ahead",
        ),
        ("5. The see-saw failed its inspection. To make safe.\n", "To make safe"),
        (
            "• Noticeboard – to be replaced with the new oak board. JS\n",
            "to be replaced with the new oak board",
        ),
    ],
)
def test_tasks_with_no_owner(nlp, text, expected):
    assert texts(nlp, text) == [expected]


def test_next_steps_in_the_imperative(nlp):
    text = (
        "9. Next steps on residents' priorities\n1. Await the allotment "
        "society's plan\n2. Reply to the residents about mowing\n"
        "3. Put the goal nets back on the field\n4. Report of the tree warden\n"
    )
    assert texts(nlp, text) == [
        "Await the allotment society's plan",
        "Reply to the residents about mowing",
        "Put the goal nets back on the field",
    ]


def test_keep_someone_informed_after_a_status(nlp):
    text = "2. Defibrillator – an application has gone in, keep the Hall committee informed\n"
    assert texts(nlp, text) == ["keep the Hall committee informed"]


@pytest.mark.parametrize(
    "text",
    [
        "3. To receive declarations of interest.",
        "The Board to receive the annual report of the Director of Public Health.",
        "4. Notes of the last meeting to be approved as minutes.",
        "7. Another meeting with the police to be held in March.",
        "8. Invoice for the hall hire to be paid.",
        "2. Highways – pothole on Back Lane yet to be reported.",
        "The Crime and Disorder Act to ensure that violence is a priority was discussed.",
        "Authority is delegated to the Director, Place and Regeneration to implement the scheme.",
        "Solutions continued to be sought by officers.",
        "Bus lanes would need to be designed carefully to work well.",
        "Are new signs to be erected on the green?",
        "1. Draft Revenue Budget 2025-26 and Capital Programme\n",
        "Members were asked to note the dates in their diaries.",
        "The applicant offered to plant a new hedge.",
    ],
)
def test_not_shorthand_actions(nlp, text):
    assert run(nlp, text) == []


def test_initials_at_the_line_end_name_the_owner(nlp):
    text = ("• Bus shelter – the glass is cracked again. RB would ask the district for a repair date. RB\n"
            "• Lights – a small group would meet to plan the switch-on. KT/PW/RB\n"
            "• Verges – the grass was cut in May.\n")
    found = run(nlp, text)
    assert [(a.fact.text, a.owner) for a in found] == [
        ("RB would ask the district for a repair date", "RB"),
        ("a small group would meet to plan the switch-on", "KT/PW/RB"),
    ]


def test_initials_mark_a_shorthand_line_with_a_date(nlp):
    text = (
        "Parking by the surgery.\nCouncil to meet the practice manager about the "
        "overflow car park DS/PT 31/5\n"
    )
    (a,) = run(nlp, text)
    assert (
        a.fact.text == "Council to meet the practice manager about the overflow car park"
        and a.owner == "DS/PT"
    )


def test_initials_on_a_status_line_are_not_a_new_action(nlp):
    text = (
        "• Village sign – an update was awaited from the joiner. GD\n• Planter – "
        "funding bid still to be written. GD/IK\n"
    )
    assert run(nlp, text) == []


def test_action_label_with_only_an_owner_marks_the_sentence_before(nlp):
    text = "The hedge on Mill Lane is overgrown and needs cutting back before spring. Action: Clerk\n"
    (a,) = run(nlp, text)
    assert (
        a.fact.text == "The hedge on Mill Lane is overgrown and needs cutting back before spring"
        and a.owner == "Clerk"
    )


def test_owner_column_of_a_flattened_table(nlp):
    text = ("| Minute | Discussion | Action |\n|---|---|---|\n"
            "| 12/24 | The notice board glass is broken and a new panel is to be ordered. | Clerk |\n"
            "| 13/24 | Members noted the police report. | |\n")
    (a,) = run(nlp, text)
    assert a.owner == "Clerk"
    assert a.fact.text.startswith("The notice board glass is broken")
    assert text[a.fact.start_char : a.fact.end_char] == a.fact.text


def test_words_of_a_motion_printed_in_full_are_not_shorthand(nlp):
    text = ("Mr Ray proposed the motion that “This Council resolves to ask the Minister to:\n\n"
            "1. Replace the voting system for county elections with the single transferable vote.\n\n"
            "2. Clerk to write to all MPs.”\n\nThe motion was lost.\n")
    assert run(nlp, text) == []


def test_an_action_label_then_the_next_minute_on_the_same_line(nlp):
    text = (
        "4.3.21 Minutes approved. Approved minutes to be put on the noticeboard. "
        "Action: Clerk/Chair 5.3.21 To receive the police report."
    )
    (a,) = run(nlp, text)
    assert a.fact.text == "Approved minutes to be put on the noticeboard" and a.owner == "Clerk/Chair"


def test_an_adverb_before_a_shorthand_task(nlp):
    (a,) = run(
        nlp,
        "The lane is often blocked. Additionally, the fire service to be contacted about emergency access.",
    )
    assert a.fact.text == "the fire service to be contacted about emergency access"


@pytest.mark.parametrize(
    "text",
    [
        (
            "Parking Review\n\nThe Cabinet Member to report on the progress of the "
            "parking review.\n\nMinutes:\n\nThe Cabinet Member reported on "
            "progress.\n"
        ),
        "Planning Updates to Follow\n\nThe Director to introduce the item.\n",
    ],
)
def test_agenda_descriptions_are_not_tasks(nlp, text):
    assert run(nlp, text) == []


def test_reporting_back_is_a_task(nlp):
    (a,) = run(nlp, "7. Drainage: Cllr Reid to report back on the gully survey.")
    assert a.fact.text == "Cllr Reid to report back on the gully survey"
