"""Sentence and paragraph boundaries on the spaCy Doc.

The boundaries are the project's one sentence splitter
(pipeline/text/sentences.py: paragraph breaks and bullets split, "Cllr." and
"No." do not); this component writes them as ``token.is_sent_start`` in one
numpy pass and puts one span per paragraph in ``doc.spans["paragraphs"]``.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.text.sentences import paragraph_bounds, sentence_starts

__all__ = ["SentenceSplitter", "doc_text", "set_sentences"]


def doc_text(doc: Doc) -> str:
    """``doc.text`` once per Doc: spaCy rebuilds it from every token on each
    access, so extract() stores the cleaned text in ``doc.user_data`` and
    components read it from there (a Doc made elsewhere gets it cached here)."""
    text = doc.user_data.get("minutes_text")
    if text is None:
        text = doc.user_data["minutes_text"] = doc.text
    return text


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
