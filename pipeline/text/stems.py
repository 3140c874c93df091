"""Crude inflection folding, the one copy: "nominated"/"nominate" and
"patrols"/"patrol" share a stem, so wordings that differ only in inflection
compare equal (scheme names, near-duplicate decisions, the link processor).
Follow-through's weighted terms use a real stemmer (pipeline/link/terms.py)."""

from __future__ import annotations

SUFFIXES = ("ing", "ed", "es", "s", "e")


def fold(word: str) -> str:
    """``word`` (lower case) without one inflectional suffix; short words, and
    words ending "ss" ("awareness", "business"), are left alone, and what is
    left has four letters at least ("cases" -> "case", not "cas")."""
    if len(word) <= 4 or word.endswith("ss"):
        return word
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word
