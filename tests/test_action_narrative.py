"""Narrative commitment forms (extractors/action_cues.py, action_would.py), on invented text."""

from __future__ import annotations

import pytest
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
            "The members discussed the bus shelter. The Vice-Chair intended to raise this with the operator.",
            "The Vice-Chair intended to raise this with the operator",
            "The Vice-Chair",
        ),
        (
            "Mrs Pike stated her intention, should funding allow, to extend the trial to Westfield ward.",
            "Mrs Pike stated her intention, should funding allow, to extend the trial to Westfield ward",
            "Mrs Pike",
        ),
        (
            "It was agreed to write to the bus operator about the missed services.",
            "to write to the bus operator about the missed services",
            None,
        ),
        (
            (
                "The costs were discussed and it was agreed for further quotes to be "
                "obtained before a decision is made."
            ),
            "for further quotes to be obtained before a decision is made",
            None,
        ),
        (
            (
                "It was agreed that the talks with the landowner would continue, and the "
                "matter would be brought back to the Forum."
            ),
            "the talks with the landowner would continue, and the matter would be brought back to the Forum",
            None,
        ),
    ],
)
def test_narrative_commitments(nlp, text, expected, owner):
    (a,) = run(nlp, text)
    assert a.fact.text == expected and a.owner == owner and not a.from_resolution


def test_the_frame_around_an_agreed_action_is_dropped(nlp):
    text = "The Parks Manager replied that new signs could be ordered and this was agreed as an action."
    (a,) = run(nlp, text)
    assert a.fact.text == "new signs could be ordered" and a.owner == "The Parks Manager"


def test_a_commitment_introducing_a_list_stops_before_the_list(nlp):
    text = (
        "Officers agreed to obtain the following figures;\n- the number of "
        "permits issued\n- the cost of enforcement\n"
    )
    (a,) = run(nlp, text)
    assert a.fact.text == "Officers agreed to obtain the following figures"


@pytest.mark.parametrize(
    "text",
    [
        "It was agreed that the meeting on 3 March would start at 6.30pm.",
        "It was agreed to note the update from the Treasurer.",
        "The Chairman asked the Committee to consider moving the March meeting to the afternoon.",
        "The Government has announced an intention to review the precept rules next year.",
        "The applicant said there was no intention to extend the opening hours.",
        "If a substitute whose intention to attend has been given arrives late, he may not vote.",
        "Written answers will be sent to committee members in advance of the meeting and published online.",
        "DECISION\nAGREED to award the Sports Club a grant of £500.",
        "Members were told that the contractor intended to start work in May.",
    ],
)
def test_not_actions(nlp, text):
    assert run(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected, owner",
    [
        (
            (
                "In reply to questions it was confirmed that:\n- The working group would "
                "look into publishing its notes.\n"
            ),
            "The working group would look into publishing its notes",
            "The working group",
        ),
        (
            "Officers will work with the bus operators to restore the evening service.",
            "Officers will work with the bus operators to restore the evening service",
            "Officers",
        ),
        (
            "Marisol reported that the bid had been sent. Marisol would keep the Board informed of progress.",
            "Marisol would keep the Board informed of progress",
            "Marisol",
        ),
        (
            "Cllr Okafor will try to attend next month's meeting as well.",
            "Cllr Okafor will try to attend next month's meeting as well",
            "Cllr Okafor",
        ),
        (
            "The skate park was discussed. TR would ask the contractor for a revised price.",
            "TR would ask the contractor for a revised price",
            "TR",
        ),
        (
            "The survey results would be made available, but they would not cover the side roads.",
            "The survey results would be made available",
            None,
        ),
        (
            "A printed guide was handed round. This will be laminated and sent to all councillors by email.",
            "This will be laminated and sent to all councillors by email",
            None,
        ),
        (
            "A short note will be added to the published answers to correct the date.",
            "A short note will be added to the published answers to correct the date",
            None,
        ),
        (
            "Options were discussed but agreed for further prices to be sought before a decision is made.",
            "for further prices to be sought before a decision is made",
            None,
        ),
    ],
)
def test_would_and_will_commitments(nlp, text, expected, owner):
    (a,) = run(nlp, text)
    assert a.fact.text == expected and a.owner == owner


@pytest.mark.parametrize(
    "text",
    [
        (
            "The wardens are paid from funding agreed last year. Funding will "
            "provide two more wardens next year."
        ),
        "The proposals will be considered by the Planning Committee in June.",
        "The new fence will be installed by the contractor in May.",
        "If the Chair cannot attend, then written answers would be provided to the questioners.",
        "Residents had offered to paint the shelter themselves.",
        "Another meeting with the police would be held in January.",
    ],
)
def test_would_and_will_that_are_not_actions(nlp, text):
    assert run(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("After discussion the Committee will receive an update on the flood works at its next meeting.",
         "the Committee will receive an update on the flood works at its next meeting"),
        ("The Chair confirmed that Members would continue to receive quarterly reports on complaints.",
         "Members would continue to receive quarterly reports on complaints"),
    ],
)
def test_the_meeting_as_recipient(nlp, text, expected):
    (a,) = run(nlp, text)
    assert a.fact.text == expected and a.owner is None


def test_an_agenda_line_to_receive_is_not_an_action(nlp):
    assert run(nlp, "The Board to receive the annual report of the Director of Public Health.") == []
    assert run(nlp, "The Committee received a report on the flood works.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("RESOLVED that the Chief Executive be requested to write to the Minister about the closure.",
         "the Chief Executive be requested to write to the Minister about the closure"),
        ("RESOLVED that the Youth Council is invited to submit its views by 30 June.",
         "the Youth Council is invited to submit its views by 30 June"),
        ("RESOLVED that the Committee receives six-monthly updates on the action plan.",
         "the Committee receives six-monthly updates on the action plan"),
    ],
)
def test_requesting_and_inviting_decisions(nlp, text, expected):
    found = run(nlp, text)
    assert [a.fact.text for a in found] == [expected] and found[0].from_resolution


def test_it_was_agreed_that_someone_should(nlp):
    (a,) = run(nlp, "It was agreed that the Clerk should write to the landowner about the hedge.")
    assert a.fact.text == "the Clerk should write to the landowner about the hedge" and a.owner == "the Clerk"


def test_a_request_by_the_body_names_who_must_act(nlp):
    text = (
        "The Councillors agreed to object to the application and requested that "
        "the Clerk writes to the planning officer."
    )
    (a,) = run(nlp, text)
    assert a.fact.text == "the Clerk writes to the planning officer" and a.owner == "the Clerk"


def test_a_chair_s_request_loses_its_frame(nlp):
    (a,) = run(nlp, "The Chair requested that a copy of the protocol be shared with the minutes.")
    assert a.fact.text == "a copy of the protocol be shared with the minutes"


def test_councillors_agreeing_to_object_is_a_decision_not_an_action(nlp):
    assert run(nlp, "The Parish Councillors agreed to object by a majority decision.") == []


def test_a_heading_line_and_an_aside_are_not_the_owner(nlp):
    text = "7. Correspondence\nPT agreed to represent the council at the flood forum AGM.\n"
    (a,) = run(nlp, text)
    assert a.owner == "PT" and a.fact.text == "PT agreed to represent the council at the flood forum AGM"
    (b,) = run(nlp, "After some discussion Ann Pryce (Treasurer) offered to draft the grant bid.")
    assert b.owner == "Ann Pryce"


@pytest.mark.parametrize(
    "text",
    [
        "Warm thanks were offered to all the volunteers who ran the fete.",
        "On a proposal from the Chair, Sam Reid agreed to step up as Vice-Chair for the year.",
    ],
)
def test_thanks_and_appointments_are_not_undertakings(nlp, text):
    assert run(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The dates were discussed. A briefing note is to be circulated prior to the next meeting.",
         "A briefing note is to be circulated prior to the next meeting"),
        ("The Chairman requested that a briefing be held in June on the new waste contract.",
         "a briefing be held in June on the new waste contract"),
        ("The Panel agreed that officers would circulate the revised map to Members.",
         "officers would circulate the revised map to Members"),
    ],
)
def test_narrative_passives_and_agreed_commitments(nlp, text, expected):
    found = run(nlp, text)
    assert [a.fact.text for a in found] == [expected]


def test_a_document_to_be_updated_is_not_an_action(nlp):
    assert (
        run(
            nlp,
            "The manager explained that the foreword was to be updated before the report went to Council.",
        )
        == []
    )


def test_members_noting_and_asking_to_be_kept_advised(nlp):
    text = (
        "Members noted these comments and asked that the Audit Committee be kept "
        "advised of progress on the pension issues."
    )
    (a,) = run(nlp, text)
    assert a.fact.text == "the Audit Committee be kept advised of progress on the pension issues"


def test_a_speaker_and_a_colleague_would(nlp):
    text = (
        "4) Mr Obi expressed concern at the bus cuts; and about which he and the "
        "Cabinet Member would write to the operator."
    )
    (a,) = run(nlp, text)
    assert (
        a.fact.text == "he and the Cabinet Member would write to the operator"
        and a.owner == "Mr Obi and the Cabinet Member"
    )


def test_agreeing_terms_and_asking_an_officer_keeps_the_asking_part(nlp):
    text = (
        "RESOLVED that Council agrees the revised Terms of Reference and asks "
        "the Monitoring Officer to update the Constitution accordingly."
    )
    (a,) = run(nlp, text)
    assert (
        a.fact.text == "asks the Monitoring Officer to update the Constitution accordingly"
        and a.owner == "the Monitoring Officer"
    )


def test_an_aside_between_would_and_its_verb(nlp):
    text = (
        "In reply to a question it was confirmed that officers would, once the "
        "review had ended, draft a new risk register."
    )
    (a,) = run(nlp, text)
    assert (
        a.fact.text == "officers would, once the review had ended, draft a new risk register"
        and a.owner == "officers"
    )


def test_it_was_proposed_that_a_named_member_would(nlp):
    (a,) = run(
        nlp, "It was proposed that Councillor Amin would follow up with the highways team about the verge."
    )
    assert (
        a.fact.text == "Councillor Amin would follow up with the highways team about the verge"
        and a.owner == "Councillor Amin"
    )


def test_a_lower_case_role_as_owner(nlp):
    text = (
        "As the County Council had approved the work, the clerk agreed to ask "
        "for the parish to be consulted first."
    )
    (a,) = run(nlp, text)
    assert a.owner == "the clerk" and a.fact.text.startswith("the clerk agreed to ask")
