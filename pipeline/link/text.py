"""Text helpers for follow-through: sentence spans, the similarity processor
and the status an evidence phrase implies. Phrases come from config."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import islice

from rapidfuzz import utils

from ..config import LinkConfig
from ..text.stems import fold

STATUSES = ("open", "in progress", "done", "superseded", "dropped", "not trackable")
CLOSED = ("done", "superseded", "dropped")

STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "for",
        "in",
        "on",
        "at",
        "by",
        "with",
        "be",
        "been",
        "being",
        "had",
        "has",
        "have",
        "was",
        "were",
        "is",
        "are",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "as",
        "would",
        "will",
        "should",
        "could",
        "can",
        "may",
        "might",
        "from",
        "into",
        "the",
        "their",
        "there",
        "they",
        "he",
        "she",
        "his",
        "her",
        "them",
        "we",
        "our",
        "which",
        "who",
        "whom",
        "also",
        "any",
        "all",
        "not",
        "no",
        "agreed",
        "action",
        "actions",
        "noted",
        "requested",
        "request",
        "matter",
        "item",
        "members",
        "member",
    ]
)

_WORD = re.compile(r"[a-z0-9]+")


def lower_words(text: str) -> list[str]:
    """The lower-cased words of ``text``, as terms and verdicts read them."""
    return _WORD.findall(text.lower())


def content_words(text: str) -> str:
    """Lower-case stems of the words that carry meaning, space-joined: the
    processor that stops "it was agreed that" from making two actions alike."""
    return " ".join(fold(w) for w in _WORD.findall(text.lower()) if w not in STOP_WORDS)


PROCESSORS: dict[str, Callable[[str], str]] = {
    "content_words": content_words,
    "default_process": utils.default_process,
    "none": lambda s: s,
}


def processor_for(config: LinkConfig) -> Callable[[str], str]:
    try:
        return PROCESSORS[config.processor]
    except KeyError:
        raise ValueError(
            f"link.processor: unknown processor {config.processor!r} (known: {', '.join(PROCESSORS)})"
        )


@dataclass(frozen=True)
class Verdict:
    status: str  # what the wording implies
    category: str  # the phrase list that said so ("future" implies "open")
    start: int
    end: int


@dataclass(frozen=True)
class PhraseRules:
    """Compiled evidence phrases. The leftmost phrase of a sentence decides (the
    main clause comes first: "the map had been circulated and would be
    discussed" is done, "the bid would be circulated once it had been
    submitted" is not); on a tie the more cautious list wins."""

    ordered: tuple[tuple[str, str, tuple[str, ...]], ...]  # (category, status, phrases)

    @cached_property
    def _starts(self) -> dict[str, tuple[tuple[tuple[str, ...], int], ...]]:
        """First word -> (phrase words, list index), cautious lists first, then longest."""
        out: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for i, (_c, _s, phrases) in enumerate(self.ordered):
            for phrase in phrases:
                words = tuple(_WORD.findall(phrase.lower()))
                if words:
                    out.setdefault(words[0], []).append((words, i))
        return {w: tuple(sorted(ps, key=lambda p: (p[1], -len(p[0])))) for w, ps in out.items()}

    @cached_property
    def _by_length(self) -> dict[str, tuple[tuple[int, dict[tuple[str, ...], int]], ...]]:
        """First word -> (length, phrase words -> list index) per phrase length:
        a position is tried with one dict look-up per length, not one
        comparison per phrase ("had" starts 46 of them)."""
        out: dict[str, dict[int, dict[tuple[str, ...], int]]] = {}
        for word, phrases in self._starts.items():
            for phrase, n in phrases:  # cautious lists first: keep the first index seen
                out.setdefault(word, {}).setdefault(len(phrase), {}).setdefault(phrase, n)
        return {w: tuple(sorted(by.items())) for w, by in out.items()}

    def verdict(self, text: str, words: list[str] | None = None) -> Verdict | None:
        """Word by word: the first position where a phrase starts decides.
        ``words``: ``text``'s lower-cased words, when the caller has them already."""
        starts = self._starts
        if words is None:
            words = _WORD.findall(text.lower())
        if starts.keys().isdisjoint(words):
            return None  # most sentences: no phrase starts anywhere (one C-level pass)
        by_length = self._by_length
        for i, word in enumerate(words):
            if word not in starts:
                continue
            # the phrase _starts would try first: lowest list index, then longest
            best: tuple[int, int] | None = None
            for length, phrases in by_length[word]:
                n = phrases.get(tuple(words[i : i + length]))
                if n is not None and (best is None or (n, -length) < best):
                    best = (n, -length)
            if best is not None:
                n, length = best[0], -best[1]
                category, status, _p = self.ordered[n]
                # the phrase's first and last word in ``text``: skip to them, no list of spans
                found = _WORD.finditer(text.lower())
                first = next(islice(found, i, None))
                last = first if length == 1 else next(islice(found, length - 2, None))
                return Verdict(status, category, first.start(), last.end())
        return None

    def status_of(self, text: str) -> str | None:
        """The status a sentence's wording implies, or None if it implies none."""
        found = self.verdict(text)
        return found.status if found else None


def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    if not phrases:
        return re.compile(r"(?!x)x")
    alts = sorted(
        (re.escape(p.strip()).replace(r"\ ", r"\s+") for p in phrases if p.strip()), key=len, reverse=True
    )
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=8)
def phrase_rules(config: LinkConfig) -> PhraseRules:
    return PhraseRules(
        (
            ("outstanding", "open", config.outstanding_phrases),
            ("dropped", "dropped", config.dropped_phrases),
            ("superseded", "superseded", config.superseded_phrases),
            ("future", "open", config.future_phrases),
            ("progress", "in progress", config.progress_phrases),
            ("done", "done", config.done_phrases),
        )
    )


@lru_cache(maxsize=8)
def untrackable_pattern(config: LinkConfig) -> re.Pattern[str]:
    """Commitments too vague to check: "would look into it", "would consider"."""
    return _pattern(config.untrackable_phrases)


@lru_cache(maxsize=8)
def review_pattern(config: LinkConfig) -> re.Pattern[str]:
    """Headings and openers of sections that report on earlier actions."""
    return _pattern(config.review_phrases)


def norm_key(value: str | None) -> str:
    """Council/committee names compared without case, spacing or punctuation,
    "&" read as "and": "Transport & Connectivity Policy Committee" on a
    decision notice is the "Transport and Connectivity Policy Committee"."""
    return " ".join(_WORD.findall((value or "").lower().replace("&", " and ")))
