"""Knowledge two stages share, one copy each in pipeline/text: fuzzy scorers
(config checks, scheme identity, the store, `minutes scheme`) and sentences
(the spaCy component, follow-through)."""

from __future__ import annotations

import pytest
from rapidfuzz import fuzz

from pipeline.text.fuzzy import is_scorer, scorer_for
from pipeline.text.sentences import sentence_starts, sentences
from pipeline.text.stems import fold


@pytest.mark.parametrize("name", ["ratio", "token_set_ratio", "token_sort_ratio", "WRatio"])
def test_a_rapidfuzz_scorer_is_found_by_name(name: str) -> None:
    assert is_scorer(name) and scorer_for(name) is getattr(fuzz, name)


@pytest.mark.parametrize("name", ["no_such_scorer", "_private", "", None, 3])
def test_anything_else_is_not_a_scorer(name: object) -> None:
    assert not is_scorer(name)


def test_an_unknown_scorer_is_named_with_its_setting() -> None:
    with pytest.raises(ValueError, match=r"^link\.scorer: rapidfuzz\.fuzz has no scorer 'tokn_set_ratio'$"):
        scorer_for("tokn_set_ratio", setting="link.scorer")


def _texts(text: str, **options: bool) -> list[str]:
    return [s.text for s in sentences(text, **options)]


def test_a_full_stop_and_a_no_break_space_end_a_sentence() -> None:
    text = "The item was noted.\xa0 Members asked for a report."
    assert [text[s:] for s in sentence_starts(text)][1] == "Members asked for a report."


def test_honorifics_and_initials_end_no_sentence() -> None:
    text = "Cllr. Smith and Mr. J. Jones visited No. 4 Mill Lane. The Clerk wrote."
    assert _texts(text) == ["Cllr. Smith and Mr. J. Jones visited No. 4 Mill Lane.", "The Clerk wrote."]


def test_clauses_cut_at_semicolons_line_breaks_and_dashes() -> None:
    text = "The map had been circulated; figures were awaited.\nA reply was due – It was agreed to wait."
    assert _texts(text, clauses=True) == [
        "The map had been circulated;", "figures were awaited.", "A reply was due –", "It was agreed to wait."
    ]
    assert _texts(text) == ["The map had been circulated; figures were awaited.", text.split("\n")[1]]


def test_offsets_point_at_the_sentence_text() -> None:
    text = "  First point.  Second point.\n\n• Third point"
    found = list(sentences(text))
    assert [text[s.start : s.end] for s in found] == [s.text for s in found]
    assert len(found) == 3


@pytest.mark.parametrize(
    ("a", "b"),
    [("nominated", "nominate"), ("patrols", "patrol"), ("cases", "case"), ("approved", "approve")],
)
def test_inflections_fold_together(a: str, b: str) -> None:
    assert fold(a) == fold(b)


@pytest.mark.parametrize("word", ["business", "awareness", "uses", "bus", "plan"])
def test_short_words_and_double_s_endings_stay(word: str) -> None:
    assert fold(word) == word
