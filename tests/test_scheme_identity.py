"""Scheme identity: which mentions are one scheme, and the name it goes by.
All text is invented."""

from __future__ import annotations

import pytest

from extractors.schemes.identity import canonical_key, consolidate, contained
from extractors.schemes.mentions import by_initials, dedupe, expand
from extractors.schemes.names import Found


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("Devolution Programme", "Devolution Priority Programme"),  # start and end of the longer key
        ("Youth Justice Service", "Kent Youth Justice Service"),  # its end
        ("White Ribbon", "White Ribbon Domestic Abuse Campaign"),  # its start, no head of its own
        (
            "Housing Policy programme",
            "West of England Housing Policy Development",
        ),  # inside a name without a head
        (
            "Nature Recovery programme",
            "Nature Recovery Workplan",
        ),  # a generic type word for a name without one
        ("Gainshare funding", "Gainshare capital funding"),  # a kind word left out
    ],
)
def test_a_shorter_form_belongs_to_the_fuller_name(short: str, long: str) -> None:
    assert contained(short, long)


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("CCTV Scheme", "CCTV Capital Fund"),  # another head, another scheme
        (
            "Temple Quarter project",
            "Northgate Temple Quarter Southern Gateway Project",
        ),  # inside a headed name
        ("Street Pastors Project", "Street Pastors Project"),  # not shorter
        ("Safer Roads", "Safer Homes Fund"),
    ],
)
def test_a_different_scheme_is_not_a_shorter_form(short: str, long: str) -> None:
    assert not contained(short, long)


def test_every_mention_takes_the_fullest_name_written() -> None:
    text = "The Nature Recovery Workplan was funded. The Nature Recovery programme starts soon."
    found = [Found(4, 28, "Nature Recovery Workplan"), Found(46, 71, "Nature Recovery programme")]
    assert [f.name for f in consolidate(found, text)] == ["Nature Recovery Workplan"] * 2


def test_a_bracketed_name_after_another_describes_it() -> None:
    text = "Ask for Angela (Night Time Economy Safety Campaign) ran."
    found = [Found(0, 14, "Ask for Angela"), Found(16, 50, "Night Time Economy Safety Campaign")]
    assert [f.name for f in consolidate(found, text)] == ["Ask for Angela", "Ask for Angela"]


def test_an_acronym_is_read_from_the_initials_of_a_phrase_in_the_document() -> None:
    text = "The Metro Region Bus Settlement was agreed; the Metro Region Bus Settlement\nfunds roads. MRBS"
    assert by_initials(text, "MRBS") == "Metro Region Bus Settlement"
    assert by_initials(text, "MRBF") is None
    assert by_initials("The Bus Fund paid.", "BF") is None  # two letters are too easily matched


def test_an_expansion_drops_the_head_the_name_repeats() -> None:
    defined = {"MATES": "Multi-Agency Targeted Enforcement Scheme"}
    assert expand("MATES Scheme", defined, "") == "Multi-Agency Targeted Enforcement Scheme"
    assert expand("RPS schemes", {}, "Residents Parking Schemes Update") == "Residents Parking schemes"


def test_a_name_cut_off_by_the_end_of_the_text_is_dropped() -> None:
    text = "It was funded by the Safer Streets Fund"
    assert dedupe([Found(21, 39, "Safer Streets Fund")], text) == []
    complete = text + "."
    assert [f.name for f in dedupe([Found(21, 39, "Safer Streets Fund")], complete)] == ["Safer Streets Fund"]


def test_the_canonical_key_ignores_quotes_possessives_and_generic_heads() -> None:
    assert canonical_key("the ‘Walk Safe’ campaign") == canonical_key("Walk Safe Campaign")
    assert canonical_key("Kent's Fostering Project") == canonical_key("Kent Fostering")
