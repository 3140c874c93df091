"""The sentence splitter pipeline/link/text.py had before follow-through read
sentences with the one splitter in ``pipeline.text.sentences``, kept verbatim
(bodies unchanged) so ``test_sentences_table`` can run it beside the new one
and decide every difference. Not used by the pipeline."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# --- pipeline/link/text.py (before) ---------------------------------------------------
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+|\n\s*|\s+[•·]\s+|\s[–-]\s(?=[A-Z])")


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
