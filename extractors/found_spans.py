"""What a rule component leaves on a Doc, and how a caller gets it back.

Each extractor with a spaCy component writes its finds to ``doc.spans[KEY]``
(the record itself on a Span extension, or on a Doc extension); a caller whose
pipeline did not run the component (a test, a one-off) gets the same records
found now, with the component's Matcher built once per vocabulary.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

Rows = dict[int, dict[str, Any]]


def build_matcher(vocab: Vocab, rows: list[dict[str, Any]]) -> tuple[Matcher, Rows]:
    """One Matcher rule per row; the match id maps back to the row."""
    matcher = Matcher(vocab)
    by_id: Rows = {}
    for i, row in enumerate(rows):
        key = f"minutes_cue_{i}"
        matcher.add(key, [row["pattern"]], greedy="LONGEST")
        by_id[vocab.strings[key]] = row
    return matcher, by_id


def set_found_spans(
    doc: Doc, key: str, ext: str | None, found: Sequence[Any], label: Callable[[Any], str]
) -> None:
    """Write ``found`` (records with .start/.end char offsets) to ``doc.spans[key]``,
    each span carrying its record in the ``ext`` extension (when there is one)."""
    spans = []
    for record in found:
        span = doc.char_span(record.start, record.end, label=label(record), alignment_mode="expand")
        if span is None or not len(span):
            continue
        if ext is not None:
            span._.set(ext, record)
        spans.append(span)
    doc.spans[key] = spans


def stored_records(doc: Doc, key: str, ext: str) -> list[Any] | None:
    """The records a component already put on ``doc``, or None if it did not run."""
    if key in doc.spans and Span.has_extension(ext):
        return [s._.get(ext) for s in doc.spans[key] if s._.get(ext) is not None]
    return None


@lru_cache(maxsize=8)
def _matcher_for(
    vocab_id: int, vocab: Vocab, rows: Callable[[], Sequence[dict[str, Any]]]
) -> tuple[Matcher, Rows]:
    return build_matcher(vocab, list(rows()))


def found_or_run(
    doc: Doc,
    key: str,
    ext: str,
    rows: Callable[[], Sequence[dict[str, Any]]],
    find: Callable[[Doc, Matcher, Rows], list[Any]],
) -> list[Any]:
    """The records the component left on ``doc``, or (it did not run) found now."""
    stored = stored_records(doc, key, ext)
    if stored is not None:
        return stored
    matcher, by_id = _matcher_for(id(doc.vocab), doc.vocab, rows)
    return find(doc, matcher, by_id)
