"""extract_many (one nlp.pipe pass over a batch) gives what extract() gives
document by document, in order, empty documents included; warm_up runs the
whole pipeline on its invented text."""

from __future__ import annotations

from conftest import SEED_TEXTS

from pipeline.clean import clean
from pipeline.config import cached_config
from pipeline.extract import extract
from pipeline.extract.batch import WARM_UP_TEXT, extract_many, warm_up
from pipeline.load import load
from pipeline.records import Block, BlockSpan, CleanDocument, Extraction, LoadedDocument
from pipeline.segment import segment


def _empty() -> CleanDocument:
    source = LoadedDocument(doc_id="empty", path="empty.txt", format="text", blocks=(Block("   "),))
    return CleanDocument(source=source, text="   ", blocks=(BlockSpan(0, 3, Block("   ")),))


def test_a_batch_gives_what_each_document_gives_alone() -> None:
    config = cached_config(None)
    docs = []
    for path in SEED_TEXTS:
        cleaned = clean(load(path), config=config.clean)
        docs.append((cleaned, segment(cleaned)))
    docs.insert(2, (_empty(), ()))
    one_by_one = [extract(c, items, config=config) for c, items in docs]
    batched = list(extract_many(docs, config=config, batch_size=2))
    assert batched == one_by_one
    assert batched[2] == Extraction()
    assert sum(len(e.resolutions) + len(e.actions) for e in batched) > 0  # the seeds hold decisions


def test_warm_up_text_exercises_every_kind() -> None:
    warm_up(cached_config(None))  # runs without error on its own
    text = WARM_UP_TEXT
    source = LoadedDocument(doc_id="w", path="w.txt", format="text", blocks=(Block(text),))
    doc = CleanDocument(source=source, text=text, blocks=(BlockSpan(0, len(text), Block(text)),))
    (found,) = extract_many([(doc, segment(doc))], config=cached_config(None))
    assert found.resolutions and found.actions and found.amounts and found.schemes
