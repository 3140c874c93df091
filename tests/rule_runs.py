"""Running the extractors' rules on invented text, for the extractor tests
(test_actions, test_action_*, test_motions, test_resolutions,
test_resolution_*, test_schemes, test_scheme_names): one blank-English pipeline
with the rule components, and each fact kind read back with its text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import spacy
from spacy.language import Language

import extractors.resolutions
import extractors.schemes
import extractors.sentences  # noqa: F401  (registers minutes_sentences)
from extractors.actions import actions
from extractors.resolutions import resolutions
from pipeline.records import Fact


def rule_pipeline(*components: str) -> Language:
    """Blank English with ``components`` (default: resolutions, then actions)."""
    nlp = spacy.blank("en")
    for name in components or ("minutes_resolutions", "minutes_actions"):
        nlp.add_pipe(name)
    return nlp


def find_actions(nlp: Language, text: str) -> list[Any]:
    doc = nlp(text)
    return actions(doc, fact=lambda s, e: Fact("action", s, e, text[s:e], 0, None))


def action_texts(nlp: Language, text: str) -> list[str]:
    return [a.fact.text for a in find_actions(nlp, text)]


def find_resolutions(nlp: Language, text: str, item_at: Callable[[int], int] = lambda s: 0) -> list[Any]:
    """Resolutions, each in the agenda item ``item_at(start)`` (default: all in item 0)."""
    doc = nlp(text)
    return resolutions(doc, fact=lambda s, e: Fact("resolution", s, e, text[s:e], item_at(s), None))


def resolution_texts(nlp: Language, text: str) -> list[str]:
    return [r.fact.text for r in find_resolutions(nlp, text)]


def scheme_pipeline() -> Language:
    """Sentences, then schemes with the scorer and cutoff the scheme tests were written for."""
    nlp = spacy.blank("en")
    nlp.add_pipe("minutes_sentences")
    nlp.add_pipe("minutes_schemes", config={"scorer": "token_sort_ratio", "cutoff": 88.0})
    return nlp


def scheme_names(nlp: Language, text: str, *, distinct: bool = False) -> list[str]:
    """Scheme names as mentioned; with ``distinct``, each once, in order of first mention."""
    found = [f.name for f in nlp(text)._.schemes]
    return list(dict.fromkeys(found)) if distinct else found
