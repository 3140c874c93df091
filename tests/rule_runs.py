"""Running the resolution and action rules on invented text, for the extractor
tests (test_actions, test_action_*, test_motions, test_resolutions,
test_resolution_*): one blank-English pipeline with the rule components, and
each fact kind read back with its text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import spacy
from spacy.language import Language

import extractors.resolutions  # noqa: F401  (registers minutes_resolutions)
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
