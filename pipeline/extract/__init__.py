"""Items -> facts: run the spaCy pipeline once over the cleaned text, then ask
each extractor module for its records.

Contract for extractor modules (``extractors/<kind>.py``)
---------------------------------------------------------
* A registered factory ``minutes_<kind>`` (``@Language.factory``) that writes
  ``doc.spans["<kind>"]`` (spans may overlap other keys) and keeps per-span
  details in a Span extension when it needs to.
* A pure function ``<kind>(doc, *, fact) -> list[Record]`` that reads those
  spans and builds records. No I/O, no global state.
* ``fact(start_char, end_char) -> Fact`` is provided here, already bound to the
  record kind ("resolution", "action", "amount", "scheme"). Offsets are into
  ``doc.text`` (== ``CleanDocument.text``); the callable fills ``text`` with the
  exact source slice, ``item_ordinal`` (the agenda item containing
  ``start_char``, or None) and ``page``. Use exact character offsets, not the
  expanded token span, when they differ (glued text such as "of£139,250k").
* Leave ``themes`` empty on Resolution/Action: this module fills them from the
  ``minutes_themes`` spans in the record's own sentence and its item's title.
* Read the text with ``extractors.sentences.doc_text(doc)`` (extract() puts
  it in ``doc.user_data["minutes_text"]``), never ``doc.text`` in a loop: spaCy
  rebuilds ``doc.text`` from every token on each access.
* ``minutes_sentences`` runs first: ``doc.sents`` splits on paragraph breaks,
  bullets and sentence ends (not after "Cllr.", "No.", "e.g."), and
  ``doc.spans["paragraphs"]`` holds one span per paragraph.

Registered pure functions are listed in ``EXTRACTORS`` (module, function, kind,
Extraction field); a module or function listed there that is missing is an
``ExtractError``, never a kind of fact silently left empty.
"""

from __future__ import annotations

import importlib
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # spaCy loads on first extract(): an unchanged re-ingest never pays for it
    from spacy.tokens import Doc

from ..config import Config
from ..errors import ExtractError
from ..records import AgendaItem, CleanDocument, Extraction, Fact

#: (module under ``extractors``, pure function, Fact.kind, Extraction field)
EXTRACTORS: tuple[tuple[str, str, str, str], ...] = (
    ("resolutions", "resolutions", "resolution", "resolutions"),
    ("actions", "actions", "action", "actions"),
    ("money", "amounts", "amount", "amounts"),
    ("schemes", "schemes", "scheme", "schemes"),
)

FactFn = Callable[[int, int], Fact]


class Locator:
    """Maps character offsets to agenda item ordinals and pages by bisection
    (``CleanDocument.page_at`` scans linearly; documents have many facts)."""

    def __init__(self, doc: CleanDocument, items: Sequence[AgendaItem]) -> None:
        self.text = doc.text
        ordered = sorted(items, key=lambda i: i.start_char)
        self._item_starts = [i.start_char for i in ordered]
        self._items = ordered
        pages = [(b.start, b.block.page) for b in doc.blocks if b.block.page is not None]
        self._page_starts = [p[0] for p in pages]
        self._pages = [p[1] for p in pages]

    def item_at(self, offset: int) -> int | None:
        i = bisect_right(self._item_starts, offset) - 1
        if i < 0:
            return None
        item = self._items[i]
        return item.ordinal if offset < max(item.end_char, item.start_char + 1) else None

    def page_at(self, offset: int) -> int | None:
        i = bisect_right(self._page_starts, offset) - 1
        return self._pages[i] if i >= 0 else None

    def fact_fn(self, kind: str) -> FactFn:
        def fact(start_char: int, end_char: int) -> Fact:
            start = max(0, min(start_char, len(self.text)))
            end = max(start, min(end_char, len(self.text)))
            return Fact(kind, start, end, self.text[start:end], self.item_at(start), self.page_at(start))

        return fact


@cache  # looked up once per process, not once per document
def _extractor(module: str, function: str) -> Callable[..., list[Any]]:
    """``extractors.<module>.<function>``; a missing one is an error (never a
    silently empty kind of fact)."""
    fn = getattr(extractor_module(module), function, None)
    if not callable(fn):
        raise ExtractError(
            f"extractors/{module}.py has no function {function}(): the extractor is incomplete"
        )
    return fn


def extractor_module(module: str) -> ModuleType:
    """Import ``extractors.<module>`` (registering its spaCy factory)."""
    try:
        return importlib.import_module(f"extractors.{module}")
    except ModuleNotFoundError as exc:
        if exc.name == f"extractors.{module}":
            raise ExtractError(
                f"extractor module extractors/{module}.py is missing: restore it or reinstall minutes-miner"
            ) from exc
        raise


def extract(doc: CleanDocument, items: tuple[AgendaItem, ...], *, config: Config) -> Extraction:
    """Every fact in ``doc``, with provenance, from one pass of the pipeline."""
    from .nlp import nlp_for_config

    if not doc.text.strip():
        return Extraction()
    nlp = nlp_for_config(config)
    sdoc = nlp.make_doc(doc.text)
    # components read the text from here: spaCy rebuilds doc.text from every token on each access
    sdoc.user_data["minutes_text"] = doc.text
    return extraction_from(nlp(sdoc), doc, items)


def extraction_from(sdoc: Doc, doc: CleanDocument, items: Sequence[AgendaItem]) -> Extraction:
    """Records from an already-processed spaCy Doc (lets callers use nlp.pipe)."""
    locator = Locator(doc, items)
    found: dict[str, tuple[Any, ...]] = {}
    for module, function, kind, field_name in EXTRACTORS:
        fn = _extractor(module, function)
        found[field_name] = tuple(fn(sdoc, fact=locator.fact_fn(kind)))
    from extractors.themes import ThemeIndex

    themes = ThemeIndex(sdoc)
    # a fact's themes: its own sentence's and its item title's (an item's: its title's)
    titles = {
        item.ordinal: themes.title(doc.text, item.start_char, item.end_char, item.title) for item in items
    }

    def of(f: Fact) -> tuple[str, ...]:
        return themes.fact(
            f.start_char, f.end_char, titles.get(f.item_ordinal, ()) if f.item_ordinal is not None else ()
        )

    found["resolutions"] = tuple(replace(r, themes=of(r.fact)) for r in found.get("resolutions", ()))
    found["actions"] = tuple(replace(a, themes=of(a.fact)) for a in found.get("actions", ()))
    item_themes = tuple(
        (item.ordinal, titles[item.ordinal]) for item in sorted(items, key=lambda i: i.ordinal)
    )
    return Extraction(item_themes=item_themes, **found)
