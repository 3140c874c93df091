"""Sentence and paragraph boundaries suited to minutes.

spaCy's sentencizer splits after every full stop ("Cllr. Smith", "Minute No. 4")
and never at a paragraph break without punctuation (headings, bullets). Minutes
need the opposite on both counts, so boundaries are found with a few regular
expressions over the text (one pass, no per-token Python) and written as
``token.is_sent_start``; ``doc.spans["paragraphs"]`` holds the paragraphs.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

PATTERNS = Path(__file__).parent / "patterns" / "abbreviations.json"

PARAGRAPH_BREAK = re.compile(r"\n[ \t\f\r\v]*\n\s*")
#: A line that opens with a bullet or an enumerator ("1.", "1.1", "(a)", "ii)", "•").
LIST_START = re.compile(
    r"\n[ \t]*(?=(?:[•●▪◦■□➢►‣∙·\-–*]|o(?=\s)|\(?\d{1,3}(?:\.\d{1,3})*[.)]?\s|"
    r"\(?[a-zA-Z]\)\s|\(?[ivxIVX]{1,4}\)\s)\S*)"
)
#: Bullets glued into running text by extraction ("... follows: • item").
INLINE_BULLET = re.compile(r"(?<=\S)[ \t]*(?=[•●▪➢►]\s)")
#: End punctuation, optional closing quote/bracket, space, then a plausible opener.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*[ \t]+(?=[\"'“‘(\[]?[A-Z0-9£•])")
SINGLE_NEWLINE = re.compile(r"(?<=\S)[ \t]*\n[ \t]*(?=\S)")
WORD_BEFORE = re.compile(r"(\S+)$")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Lower-cased abbreviations (without the final dot) after which a dot does not end a sentence."""
    return frozenset(a.lower().rstrip(".") for a in json.loads(PATTERNS.read_text(encoding="utf-8")))


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the '.' at ``dot`` the end of an abbreviation or an initial ("J. Smith")?"""
    match = WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if match is None:
        return False
    word = match.group(1).lstrip("(\"'“‘[")
    if len(word) == 1 and word.isalpha():
        return True
    return word.lower() in abbreviations()


def sentence_starts(text: str) -> list[int]:
    """Sorted character offsets where sentences begin (always including the first)."""
    starts: set[int] = set()
    first = len(text) - len(text.lstrip())
    if first < len(text):
        starts.add(first)
    for m in PARAGRAPH_BREAK.finditer(text):
        starts.add(m.end())
    for m in LIST_START.finditer(text):
        starts.add(m.end())
    for m in INLINE_BULLET.finditer(text):
        starts.add(m.end())
    for m in SENTENCE_END.finditer(text):
        dot = m.start() - 1
        while dot > 0 and text[dot] not in ".!?":
            dot -= 1
        if text[dot] == "." and _is_abbreviation(text, dot):
            continue
        starts.add(m.end())
    for m in SINGLE_NEWLINE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line = text[line_start : m.start()].rstrip()
        nxt = text[m.end() : m.end() + 1]
        if line.endswith((":", ";")) or (
            line and line[-1] in ".!?" and not _is_abbreviation(text, line_start + len(line) - 1)
        ):
            starts.add(m.end())
        elif nxt.isupper() and len(line) < 60 and not line.endswith((",", "-", "–", "&", "and", "of", "the")):
            starts.add(m.end())  # a heading or short label line
    return sorted(s for s in starts if s < len(text))


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: text between blank lines, stripped."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in PARAGRAPH_BREAK.finditer(text):
        _add_stripped(text, pos, m.start(), out)
        pos = m.end()
    _add_stripped(text, pos, len(text), out)
    return out


def doc_text(doc: Doc) -> str:
    """``doc.text`` once per Doc: spaCy rebuilds it from every token on each
    access, so extract() stores the cleaned text in ``doc.user_data`` and
    components read it from there (a Doc made elsewhere gets it cached here)."""
    text = doc.user_data.get("minutes_text")
    if text is None:
        text = doc.user_data["minutes_text"] = doc.text
    return text


def _add_stripped(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk) - len(chunk.rstrip())
    if start + lead < end - trail:
        out.append((start + lead, end - trail))


def set_sentences(doc: Doc) -> Doc:
    """Write sentence starts and paragraph spans onto ``doc``."""
    if len(doc) == 0:
        doc.spans["paragraphs"] = []
        return doc
    text = doc_text(doc)
    idx = doc.to_array([IDX]).astype("int64").ravel()
    starts = numpy.searchsorted(idx, numpy.asarray(sentence_starts(text), dtype="int64"), side="left")
    values = numpy.full(len(doc), -1, dtype="int32")
    values[starts[starts < len(doc)]] = 1
    values[0] = 1
    # whitespace tokens never open a sentence: move the start to the next token
    column: Any = values.astype("uint64").reshape(-1, 1)  # spaCy's stub says thinc's Ints2d: an ndarray
    doc.from_array([SENT_START], column)
    spans = []
    for start, end in paragraph_bounds(text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    doc.spans["paragraphs"] = spans
    return doc


@Language.factory("minutes_sentences", assigns=["token.is_sent_start", "doc.spans"])
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()


class SentenceSplitter:
    """The pipeline component: paragraph breaks and bullets always split;
    abbreviations ("Cllr.", "No.", "e.g.") never do."""

    def __call__(self, doc: Doc) -> Doc:
        return set_sentences(doc)
