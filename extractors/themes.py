"""Themes: which parts of the taxonomy a passage touches.

The taxonomy is configuration (``themes:`` in config.yaml): a researcher adds
a theme by adding a name and phrases there and re-running extraction. Phrases
in lower case match case-insensitively (PhraseMatcher on LOWER); phrases
written in capitals ("ASB", "DA", "CCTV") are acronyms and match exactly, so
"da" or "Asb" in running text do not trigger them. Optional token patterns
go to a Matcher.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from typing import Any

from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

KEY = "themes"


def is_acronym(phrase: str) -> bool:
    letters = [c for c in phrase if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(phrase) <= 8


@Language.factory("minutes_themes", assigns=["doc.spans"], default_config={"themes": []})
def make_themes(nlp: Language, name: str, themes: list[dict[str, Any]]) -> "ThemeTagger":
    return ThemeTagger(nlp, themes)


class ThemeTagger:
    """Writes one span per theme phrase found, labelled with the theme name."""

    def __init__(self, nlp: Language, themes: Iterable[Mapping[str, Any]]) -> None:
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.matcher = Matcher(nlp.vocab)
        self.order: dict[str, int] = {}
        for theme in themes:
            name = str(theme["name"])
            self.order.setdefault(name, len(self.order))
            phrases = [str(p) for p in theme.get("phrases", ())]
            exact = [nlp.make_doc(p) for p in phrases if is_acronym(p)]
            lower = [nlp.make_doc(p.lower()) for p in phrases if not is_acronym(p)]
            if exact:
                self.exact.add(name, exact)
            if lower:
                self.lower.add(name, lower)
            patterns = [list(p) for p in theme.get("patterns", ())]
            if patterns:
                self.matcher.add(name, patterns)

    def __call__(self, doc: Doc) -> Doc:
        matches = [*self.lower(doc), *self.exact(doc), *(self.matcher(doc) if len(self.matcher) else ())]
        matches.sort(key=lambda m: (m[1], m[2]))
        vocab = doc.vocab.strings
        doc.spans[KEY] = [Span(doc, start, end, label=vocab[match_id]) for match_id, start, end in matches]
        return doc


class ThemeIndex:
    """Theme spans of a processed Doc, queried by character range.

    ``around`` widens the range to whole sentences first, so a resolution
    about "the scheme" inherits the theme named earlier in its sentence.
    """

    def __init__(self, doc: Doc) -> None:
        spans = doc.spans[KEY] if KEY in doc.spans else []
        self._starts = [s.start_char for s in spans]
        self._spans = [(s.start_char, s.end_char, s.label_) for s in spans]
        self._order = {label: i for i, label in enumerate(dict.fromkeys(s[2] for s in self._spans))}
        if len(doc) and doc.has_annotation("SENT_START"):
            arr = doc.to_array([IDX, SENT_START]).astype("int64")
            sent = arr[arr[:, 1] == 1, 0].tolist()
        else:
            sent = [0]
        self._sentences = sent or [0]
        self._text_len = len(doc.user_data.get("minutes_text") or doc.text)

    def within(self, start: int, end: int) -> tuple[str, ...]:
        """Themes of spans overlapping [start, end), in order of first mention."""
        if not self._spans or end <= start:
            return ()
        # a span starting before `start` can overlap it: look back a little
        lo = max(0, bisect_left(self._starts, start) - 8)
        hi = bisect_left(self._starts, end)
        found = [label for s, e, label in self._spans[lo:hi] if e > start and s < end]
        return tuple(dict.fromkeys(found))

    def around(self, start: int, end: int) -> tuple[str, ...]:
        """Themes of the sentences covering [start, end)."""
        i = bisect_right(self._sentences, start) - 1
        j = bisect_left(self._sentences, max(end, start + 1))
        s = self._sentences[i] if i >= 0 else 0
        e = self._sentences[j] if j < len(self._sentences) else self._text_len
        return self.within(s, max(e, end))


def themes(doc: Doc) -> list[tuple[int, int, str]]:
    """(start_char, end_char, theme) for every theme phrase found."""
    return [(s.start_char, s.end_char, s.label_) for s in doc.spans.get(KEY, [])]


__all__ = ["ThemeIndex", "ThemeTagger", "is_acronym", "themes"]
