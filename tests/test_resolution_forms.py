"""Resolutions in the forms councils nobody has read use: one test per form, on invented text."""

from __future__ import annotations

import pytest
import spacy

import extractors.resolutions  # noqa: F401  (registers minutes_resolutions)
from extractors.resolutions import resolutions
from pipeline.records import Fact


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("minutes_resolutions")
    return nlp


def run(nlp, text: str, item_at=lambda s: 0):
    doc = nlp(text)
    return resolutions(doc, fact=lambda s, e: Fact("resolution", s, e, text[s:e], item_at(s), None))


def texts(nlp, text: str) -> list[str]:
    return [r.fact.text for r in run(nlp, text)]


def test_label_lost_after_a_minutes_label_run_into_the_title_row(nlp):
    text = "Street Lighting Motion PDF 210 KB Minutes: That the Motion be referred to the Environment Committee.\n"
    assert texts(nlp, text) == ["the Motion be referred to the Environment Committee"]


def test_an_amendment_heading_leaves_the_motion_before_it_undecided(nlp):
    text = (
        "Moved by Councillor Ash, Seconded by Councillor Elm,\n\nThat the minutes of the Housing Committee be approved and adopted.\n\n"
        "Amendment\n\nRent Arrears\n\nAt the request of Councillor Oak, the Council agreed that the minute on rent arrears be referred back.\n"
    )
    assert texts(nlp, text) == ["the minute on rent arrears be referred back"]
