"""When two finds in one agenda item are one decision printed twice: under
"Decision:" and again under "Minutes:", at the vote and again in a summary,
in the Cabinet's words ("That Cabinet approve the schemes at Appendix 1") and
in the resolution's ("That the schemes at Appendix 1 be approved")."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from pipeline.text.stems import fold

from ..clauses import normalise

DUPLICATE_RATIO = 85.0  # fuzz.ratio of normalised texts above which two decisions in one item are one
SAME_WORDS = 0.8  # share of content words two wordings of one decision have in common

#: Words that change between two wordings of one decision without changing the decision.
_FRAME = frozenset(
    [
        "that",
        "the",
        "a",
        "an",
        "be",
        "is",
        "are",
        "was",
        "were",
        "to",
        "of",
        "and",
        "cabinet",
        "committee",
        "council",
        "panel",
        "board",
        "sub",
        "resolved",
        "agreed",
        "decision",
        "decided",
        "it",
        "its",
        "this",
        "these",
    ]
)
_NUMBER = re.compile(r"[£$]?\d[\d,.]*[kmb]?\b", re.IGNORECASE)


def _content(text: str) -> set[str]:
    return {fold(w) for w in normalise(text).split() if w not in _FRAME}


def same_decision(a: str, b: str) -> bool:
    """One decision in two wordings: the same words near enough, the same figures exactly."""
    if sorted(_NUMBER.findall(a)) != sorted(_NUMBER.findall(b)):
        return False
    ka, kb = normalise(a), normalise(b)
    if ka == kb:
        return True
    if min(len(ka), len(kb)) > 20 and fuzz.ratio(ka, kb) >= DUPLICATE_RATIO:
        return True
    ca, cb = _content(a), _content(b)
    if min(len(ca), len(cb)) < 3:
        return False
    return len(ca & cb) / len(ca | cb) >= SAME_WORDS
