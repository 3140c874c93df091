"""Cached English word frequencies, shared by de-hyphenation and glued-word repair.

wordfreq lookups cost a few microseconds each and the same words recur in every
document, so every lookup goes through one process-wide cache.
"""

from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in English (0 when unknown); case-insensitive."""
    if not word:
        return 0.0
    return zipf_frequency(word.lower(), "en", wordlist="best")


def join_hyphenated(left: str, right: str) -> str:
    """The word a line-end hyphen split: ``re-`` + ``sponsibility`` -> ``responsibility``.

    wordfreq splits hyphenated forms into their parts, so it cannot say whether
    ``ring-fenced`` is a word; instead the hyphen goes only when the joined
    word is common in its own right, or the right half is no word at all.
    Real compounds (``ring-fenced``, ``anti-social``, ``non-compliance``) keep it.
    """
    joined = left + right
    whole = zipf(joined)
    if whole >= 3.5 or (whole > 0 and zipf(right) < 2.5):
        return joined
    return f"{left}-{right}"
