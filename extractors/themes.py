"""Themes: which parts of the taxonomy a passage touches.

The taxonomy is configuration (``themes:`` in config.yaml): a researcher adds
a theme by adding a name and phrases there and re-running extraction. Phrases
in lower case match case-insensitively (PhraseMatcher on LOWER); phrases
written in capitals ("ASB", "DA", "CCTV") are acronyms and match exactly, so
"da" or "Asb" in running text do not trigger them. Optional token patterns
go to a Matcher. A theme with a ``parent`` is a sub-theme: its matches are
labelled with the parent too ("CCTV" -> community safety, CCTV and
surveillance). ``title_phrases`` count only in an agenda item's title, where a
bare word such as "Planning" or "Governance" names the business of the item.

A fact takes the themes named in its own sentence and in its agenda item's
title (``ThemeIndex.fact``), never those of a word somewhere else in a long
item: an item about the budget that mentions a bus route once is not about
transport, and neither are its decisions. In a sentence, a theme word inside
a job title or a ministry's name is not a cue ("the Cabinet Member for
Economic Development", "the Ministry of Housing, Communities and Local
Government": ``patterns/theme_not_cues.jsonl``); in a title it still is.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from .clauses import load_jsonl

KEY = "themes"
#: Theme spans that count in an item's title: every match, title phrases too.
TITLE_KEY = "themes_title"
NOT_CUES = "theme_not_cues.jsonl"
#: Kinds of not-a-cue names that hold in titles too: "Minutes of the Planning
#: Committee" is the approval of minutes, whatever the committee does.
TITLE_NOT_CUES = ("minutes",)
#: Where a sentence ends, for the fact's own sentence when the sentence
#: splitter ran two together: a full stop, then space and anything but a
#: lower-case word (a capital, a digit, a bullet, a quote).
_SENTENCE_END = re.compile(r"[.!?](?=\s+[^\sa-z])")


def is_acronym(phrase: str) -> bool:
    letters = [c for c in phrase if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(phrase) <= 8


@Language.factory("minutes_themes", assigns=["doc.spans"], default_config={"themes": []})
def make_themes(nlp: Language, name: str, themes: list[dict[str, Any]]) -> ThemeTagger:
    return ThemeTagger(nlp, themes)


class _Phrases:
    """Phrases (case-insensitive, acronyms exact) and token patterns, by label."""

    def __init__(self, nlp: Language) -> None:
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.matcher = Matcher(nlp.vocab)
        self.nlp = nlp

    def add(self, label: str, phrases: Iterable[str], patterns: Iterable[Any] = ()) -> None:
        phrases = [str(p) for p in phrases]
        exact = [self.nlp.make_doc(p) for p in phrases if is_acronym(p)]
        lower = [self.nlp.make_doc(p.lower()) for p in phrases if not is_acronym(p)]
        if exact:
            self.exact.add(label, exact)
        if lower:
            self.lower.add(label, lower)
        patterns = [list(p) for p in patterns]
        if patterns:
            self.matcher.add(label, patterns)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        found = [*self.lower(doc), *self.exact(doc), *(self.matcher(doc) if len(self.matcher) else ())]
        return sorted(found, key=lambda m: (m[1], m[2]))


class ThemeTagger:
    """Writes one span per theme phrase found, labelled with the theme name:
    ``doc.spans["themes"]`` those that count in a sentence,
    ``doc.spans["themes_title"]`` those that count in a title."""

    def __init__(self, nlp: Language, themes: Iterable[Mapping[str, Any]]) -> None:
        self.anywhere = _Phrases(nlp)
        self.in_titles = _Phrases(nlp)
        self.not_cues = Matcher(nlp.vocab)
        for number, row in enumerate(load_jsonl(NOT_CUES, frozenset({"kind", "pattern"}))):
            self.not_cues.add(f"{row['kind']}-{number}", [row["pattern"]])
        self.order: dict[str, int] = {}
        self.parent: dict[str, str] = {}
        for theme in themes:
            name = str(theme["name"])
            self.order.setdefault(name, len(self.order))
            if theme.get("parent"):
                self.parent[name] = str(theme["parent"])
            self.anywhere.add(name, theme.get("phrases", ()), theme.get("patterns", ()))
            self.in_titles.add(name, theme.get("title_phrases", ()) or ())

    def _spans(self, doc: Doc, matches: Iterable[tuple[int, int, int]]) -> list[Span]:
        vocab = doc.vocab.strings
        spans = []
        for match_id, start, end in matches:
            label = vocab[match_id]
            if label in self.parent:  # the theme first, then the sub-theme
                spans.append(Span(doc, start, end, label=self.parent[label]))
            spans.append(Span(doc, start, end, label=label))
        return spans

    def __call__(self, doc: Doc) -> Doc:
        matches = self.anywhere(doc)
        names = self.not_cues(doc)
        in_sentence = _covering([(s, e) for _, s, e in names])
        in_title = _covering([(s, e) for m, s, e in names if doc.vocab.strings[m].startswith(TITLE_NOT_CUES)])
        doc.spans[KEY] = self._spans(doc, [m for m in matches if not in_sentence(m[1], m[2])])
        title = sorted([*matches, *self.in_titles(doc)], key=lambda m: (m[1], m[2]))
        doc.spans[TITLE_KEY] = self._spans(doc, [m for m in title if not in_title(m[1], m[2])])
        return doc


def _covering(ranges: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """Whether a token range lies inside one of ``ranges`` (merged first)."""
    covered: list[tuple[int, int]] = []
    for s, e in sorted(ranges):
        if covered and s <= covered[-1][1]:
            covered[-1] = (covered[-1][0], max(covered[-1][1], e))
        else:
            covered.append((s, e))
    starts = [s for s, _ in covered]

    def inside(start: int, end: int) -> bool:
        i = bisect_right(starts, start) - 1
        return i >= 0 and end <= covered[i][1]

    return inside


class _Index:
    """Labelled character spans, queried by range."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans = [(s.start_char, s.end_char, s.label_) for s in spans]
        self.starts = [s[0] for s in self.spans]

    def within(self, start: int, end: int) -> tuple[str, ...]:
        if not self.spans or end <= start:
            return ()
        # a span starting before `start` can overlap it: look back a little
        lo = max(0, bisect_left(self.starts, start) - 8)
        hi = bisect_left(self.starts, end)
        found = [label for s, e, label in self.spans[lo:hi] if e > start and s < end]
        return tuple(dict.fromkeys(found))


class ThemeIndex:
    """Theme spans of a processed Doc, queried by character range.

    ``own`` widens the range to whole sentences first, so a resolution about
    "the scheme" inherits the theme named earlier in its sentence.
    """

    def __init__(self, doc: Doc) -> None:
        self._sentence = _Index(doc.spans.get(KEY, []))
        self._title = _Index(doc.spans.get(TITLE_KEY, []))
        if len(doc) and doc.has_annotation("SENT_START"):
            arr = doc.to_array([IDX, SENT_START]).astype("int64")
            sent = arr[arr[:, 1] == 1, 0].tolist()
        else:
            sent = [0]
        self._sentences = sent or [0]
        self._text = doc.user_data.get("minutes_text") or doc.text
        self._text_len = len(self._text)

    def within(self, start: int, end: int) -> tuple[str, ...]:
        """Themes of spans overlapping [start, end), in order of first mention."""
        return self._sentence.within(start, end)

    def _sentence_bounds(self, start: int, end: int) -> tuple[int, int]:
        i = bisect_right(self._sentences, start) - 1
        j = bisect_left(self._sentences, max(end, start + 1))
        s = self._sentences[i] if i >= 0 else 0
        e = self._sentences[j] if j < len(self._sentences) else self._text_len
        return s, max(e, end)

    def around(self, start: int, end: int) -> tuple[str, ...]:
        """Themes of the sentences covering [start, end)."""
        return self.within(*self._sentence_bounds(start, end))

    def own(self, start: int, end: int, reach: int = 300) -> tuple[str, ...]:
        """Themes of the fact's own sentence(s), at most ``reach`` characters
        either side of it (text with no sentence ends is not one sentence),
        and not past a full stop before or after the fact."""
        s, e = self._sentence_bounds(start, end)
        s, e = max(s, start - reach), min(e, end + reach)
        before = [m.end() for m in _SENTENCE_END.finditer(self._text, s, min(start + 3, self._text_len))
                  if m.end() <= start]
        after = _SENTENCE_END.search(self._text, end, e) if end < e else None
        return self.within(before[-1] if before else s, after.end() if after else e)

    def title(self, text: str, start: int, end: int, title: str | None) -> tuple[str, ...]:
        """Themes of an agenda item's title, found near the start of the item
        [start, end) however its lines were broken."""
        span = title_span(text, start, end, title)
        return self._title.within(*span) if span else ()

    def fact(self, start: int, end: int, title_themes: Iterable[str] = ()) -> tuple[str, ...]:
        """A fact's themes: its own sentence's, then its item title's."""
        return tuple(dict.fromkeys([*self.own(start, end), *title_themes]))


def title_span(text: str, start: int, end: int, title: str | None) -> tuple[int, int] | None:
    """Where ``title`` is written near the start of [start, end): any run of
    whitespace in the text may stand for a space in the title."""
    words = (title or "").split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
    found = pattern.search(text, start, min(end, start + len(title or "") * 2 + 400))
    return (found.start(), found.end()) if found else None


def themes(doc: Doc) -> list[tuple[int, int, str]]:
    """(start_char, end_char, theme) for every theme phrase found."""
    return [(s.start_char, s.end_char, s.label_) for s in doc.spans.get(KEY, [])]


__all__ = ["ThemeIndex", "ThemeTagger", "is_acronym", "themes", "title_span"]
