"""Text helpers for follow-through: sentence spans, the similarity processor
and the status an evidence phrase implies. Phrases come from config."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, utils

from ..config import LinkConfig

STATUSES = ("open", "in progress", "done", "superseded", "dropped")
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
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+|\n\s*|\s+[•·]\s+|\s[–-]\s(?=[A-Z])")


def _stem(word: str) -> str:
    if len(word) > 4:
        for suffix in ("ing", "ed", "es", "s", "e"):
            if word.endswith(suffix):
                return word[: -len(suffix)]
    return word


def content_words(text: str) -> str:
    """Lower-case stems of the words that carry meaning, space-joined: the
    processor that stops "it was agreed that" from making two actions alike."""
    return " ".join(_stem(w) for w in _WORD.findall(text.lower()) if w not in STOP_WORDS)


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


def scorer_for(name: str) -> Callable[..., float]:
    fn = getattr(fuzz, name, None)
    if fn is None:
        raise ValueError(f"unknown rapidfuzz scorer {name!r}")
    return fn  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Sentence:
    start: int  # offsets into the text that was split
    end: int
    text: str


def sentences(text: str) -> Iterator[Sentence]:
    """Sentence-ish spans: split on sentence ends, line breaks and bullets."""
    pos = 0
    for match in _SENTENCE_END.finditer(text):
        yield from _span(text, pos, match.start())
        pos = match.end()
    yield from _span(text, pos, len(text))


def _span(text: str, start: int, end: int) -> Iterator[Sentence]:
    piece = text[start:end]
    stripped = piece.strip()
    if len(stripped) >= 3:
        lead = len(piece) - len(piece.lstrip())
        s = start + lead
        yield Sentence(s, s + len(stripped), stripped)


@dataclass(frozen=True)
class PhraseRules:
    """Compiled evidence phrases, checked most cautious first."""

    ordered: tuple[tuple[str, re.Pattern[str]], ...]

    def status_of(self, text: str) -> str | None:
        """The status a sentence's wording implies, or None if it implies none."""
        for status, pattern in self.ordered:
            if pattern.search(text):
                return status
        return None

    def strip(self, text: str) -> str:
        """The sentence without its verdict words: "the packs had been
        circulated" is compared with actions as "the packs"."""
        for _status, pattern in self.ordered:
            text = pattern.sub(" ", text)
        return text


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
            ("open", _pattern(config.outstanding_phrases)),
            ("dropped", _pattern(config.dropped_phrases)),
            ("superseded", _pattern(config.superseded_phrases)),
            ("in progress", _pattern(config.progress_phrases)),
            ("done", _pattern(config.done_phrases)),
        )
    )


@lru_cache(maxsize=8)
def review_pattern(config: LinkConfig) -> re.Pattern[str]:
    """Headings and openers of sections that report on earlier actions."""
    return _pattern(config.review_phrases)


def norm_key(value: str | None) -> str:
    """Council/committee names compared case- and space-insensitively."""
    return " ".join((value or "").lower().split())
