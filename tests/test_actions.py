"""Actions: every commitment form, owners, dues, context, instructing resolutions, exclusions."""

from __future__ import annotations

import re

import pytest
from conftest import seed_path
from hypothesis import given, settings
from hypothesis import strategies as st
from rule_runs import find_actions as run
from rule_runs import rule_pipeline

import extractors.resolutions  # noqa: F401  (registers minutes_resolutions)
from extractors.actions import find_due
from extractors.dates import resolve_due


@pytest.fixture(scope="module")
def nlp():
    return rule_pipeline()


def seed(name: str) -> str:
    path = seed_path(name)
    return re.sub(r"</?AI\d+>", "", path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "text, snippet, owner",
    [
        ("ACTION: DO to arrange a site visit for Members.", "DO to arrange a site visit", "DO"),
        ("Action- RS to gather the figures for the next meeting.", "RS to gather the figures", "RS"),
        (
            "It was agreed that PC Arnold would liaise with Hazel Simmonds on crime stats.",
            "PC Arnold would liaise",
            "PC Arnold",
        ),
        ("Officers undertook to check the lighting on Station Road.", "check the lighting", "Officers"),
        (
            "Officers were to provide this document to the Panel in due course.",
            "provide this document",
            "Officers",
        ),
        (
            "The chair added that he would follow up the matter with the police.",
            "he would follow up",
            "The chair",
        ),
        (
            "Ms Gleave offered to raise the matter with the appropriate service.",
            "raise the matter",
            "Ms Gleave",
        ),
        (
            (
                "The Chairman asked for the relevant officers to consider this offline "
                "and report back to the Committee."
            ),
            "the relevant officers to consider this offline",
            "the relevant officers",
        ),
        (
            "It was agreed that contact details would be provided to Members as an action.",
            "contact details would be provided to Members",
            None,
        ),
        (
            "Members asked about the backlog. Officers agreed to recirculate advice on reporting.",
            "recirculate advice",
            "Officers",
        ),
        (
            "The Chair confirmed that copies would be circulated to Members.",
            "copies would be circulated to Members",
            None,
        ),
    ],
)
def test_action_forms_and_owners(nlp, text, snippet, owner):
    (a,) = run(nlp, text)
    assert snippet in a.fact.text
    assert a.owner == owner
    assert text[a.fact.start_char : a.fact.end_char] == a.fact.text


def test_as_an_action_text_drops_the_cue_words(nlp):
    (a,) = run(nlp, "It was agreed that the matter would be discussed with the SNT Inspector as an action.")
    assert a.fact.text == "the matter would be discussed with the SNT Inspector"
    assert a.owner is None


def test_instructing_resolution_is_also_an_action(nlp):
    text = "RESOLVED that\n\n1) information packs be circulated to Members; and\n\n2) the report be noted."
    (a,) = run(nlp, text)
    assert a.from_resolution
    assert a.fact.text == "information packs be circulated to Members"


def test_requesting_resolution_names_the_officer(nlp):
    text = (
        "RESOLVED that the Committee requests the Community Safety Officer to "
        "investigate the complaints and report back to the next meeting."
    )
    found = run(nlp, text)
    assert found and any(a.due == "the next meeting" for a in found)


def test_active_instruction_in_a_resolution_part_has_its_owner(nlp):
    text = (
        "RESOLVED that\n\n(a) the work programme be approved;\n\n(b) the "
        "Scrutiny Coordinator email all members seeking interest."
    )
    (a,) = run(nlp, text)
    assert a.owner == "the Scrutiny Coordinator"


@pytest.mark.parametrize(
    "text",
    [
        "Members requested that details be provided on the progress of the scheme.",
        "RESOLVED that the report be noted.",
        "RESOLVED that the minutes be approved and signed by the Chair.",
        "RESOLVED that authority be delegated to the Manager to authorise the expenditure.",
        "Members were advised that a new Officer would be recruited using grant funding.",
        "The proposal will be taken to Executive Committee.",
        "Officers confirmed that copies of these packs could be sent to Members.",
        "The aim of the team was to reduce reoffending.",
        "It was agreed that children should be placed close to home.",
    ],
)
def test_not_actions(nlp, text):
    assert run(nlp, text) == []


@pytest.mark.parametrize(
    "text, due",
    [
        ("an update be provided to the next meeting", "the next meeting"),
        ("report back by 31 March 2025", "by 31 March 2025"),
        ("a report be submitted in April", "in April"),
        ("the information be provided in due course", None),
        ("a presentation to a future meeting", None),
    ],
)
def test_due_as_written(text, due):
    assert find_due(text) == due


@pytest.mark.parametrize(
    "due, iso",
    [
        ("by 31 March 2025", "2025-03-31"),
        ("by 03/04/2025", "2025-04-03"),
        ("the next meeting", None),
        ("April", None),
        (None, None),
    ],
)
def test_due_date_resolves_only_explicit_dates(due, iso):
    assert resolve_due(due) == iso


def test_context_is_the_whole_bullet(nlp):
    text = (
        "Members raised:\n\n  • A joy riding incident was discussed. It was "
        "agreed that the matter would be discussed "
        "with the SNT Inspector as an action.\n  • The next bullet is about graffiti."
    )
    (a,) = run(nlp, text)
    assert a.context.startswith("A joy riding incident")
    assert "graffiti" not in a.context
    assert text[a.context_start : a.context_end] == a.context


def test_seed_000_five_actions(nlp):
    found = run(nlp, seed("000"))
    texts = [a.fact.text for a in found]
    assert len(found) == 5
    assert (
        texts[0] == "relevant support could be arranged"
    )  # "X responded that ... and was agreed as an action": the frame goes
    assert found[0].owner == "The Community Safety Manager"
    assert any("reported to the relevant team" in t for t in texts)
    assert any("contact details would be provided to Members" in t for t in texts)
    assert any("joy" not in t and "Inspector" in t for t in texts)
    assert any(t.startswith("the matter would be discussed further") for t in texts)
    assert all(a.due is None for a in found)


def test_seed_002_action_is_the_instructing_resolution(nlp):
    found = run(nlp, seed("002"))
    assert [a.fact.text for a in found] == [
        "Nominated Neighbour Scheme information packs be circulated for the consideration of Members"
    ]
    assert found[0].from_resolution and found[0].owner is None


def test_seed_001_report_has_no_actions(nlp):
    assert run(nlp, seed("001")) == []


def test_seed_003_in_due_course_is_no_due(nlp):
    (a,) = run(nlp, seed("003"))
    assert a.fact.text == "Members would be updated in due course"
    assert a.due is None


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("ACTION: It was agreed that would be circulated to Members as an action offered to\n•–.")
        ),
        max_size=300,
    )
)
def test_never_raises_and_offsets_stay_inside(nlp, text):
    for a in run(nlp, text):
        assert text[a.fact.start_char : a.fact.end_char] == a.fact.text
        assert 0 <= a.context_start <= a.context_end <= len(text)


@pytest.mark.parametrize(
    "part, owner",
    [
        ("asks the Monitoring Officer to review the protocol", "the Monitoring Officer"),
        ("urges the Executive to lobby Government for fair funding", "the Executive"),
        ("requests that a report be brought to the next meeting", None),
        ("calls on the Government to fund social care properly", "the Government"),
        ("Write again to the Secretary of State about the funding gap", None),
        ("Encourage residents to register for the scheme", None),
        ("Work with partners to reduce fly-tipping", None),
        ("Inform the parish councils of the outcome", None),
    ],
)
def test_instructing_resolution_parts_are_actions(nlp, part, owner):
    text = f"RESOLVED that:\n\n(a) the report be noted;\n\n(b) {part}; and\n\n(c) the budget be approved.\n"
    found = run(nlp, text)
    assert [a.fact.text for a in found] == [part]
    assert found[0].from_resolution and found[0].owner == owner


def test_noting_and_approving_parts_are_not_actions(nlp):
    text = (
        "RESOLVED that the Council:\n\n(a) notes the report;\n\n(b) approves the "
        "budget; and\n\n(c) endorses the strategy.\n"
    )
    assert run(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected, owner",
    [
        (
            (
                "In response to a question from Mr Brown, Mr Green said that he and the "
                "Cabinet Member would liaise with the Highways team."
            ),
            "he and the Cabinet Member would liaise with the Highways team",
            "Mr Green and the Cabinet Member",
        ),
        (
            "Mr Brown asked about the crossing. Mr Green said he would write to him with the figures.",
            "he would write to him with the figures",
            "Mr Green",
        ),
        (
            "Mr Brown asked about parking. In reply, Mr Green stated his intention to meet the residents.",
            "Mr Green stated his intention to meet the residents",
            "Mr Green",
        ),
        (
            "Mr Brown asked about the crossing. Ms Carey offered to visit the site with him.",
            "Ms Carey offered to visit the site with him",
            "Ms Carey",
        ),
        (
            "Members asked that the Committee be kept advised of progress on the flood scheme.",
            "the Committee be kept advised of progress on the flood scheme",
            None,
        ),
    ],
)
def test_commitments_after_members_questions(nlp, text, expected, owner):
    (a,) = run(nlp, text)
    assert a.fact.text == expected and a.owner == owner and not a.from_resolution


def test_an_individual_asking_to_be_kept_informed_is_not_an_action(nlp):
    assert (
        run(nlp, "Mr Brown asked that the Committee be kept informed of progress on the flood scheme.") == []
    )
