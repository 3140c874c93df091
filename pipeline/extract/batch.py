"""Extraction over many documents at once, and a worker's warm-up.

``extract_many`` runs one ``nlp.pipe`` pass over a batch (the documents a
worker was handed), tokenising each text once and handing every component
the whole document, so nothing is split per agenda item and nothing is
re-tokenised between components. ``warm_up`` builds the pipeline and runs it
once on a short invented text, so the first real document does not pay for
the lazy parts (pattern tables, lexicons, first-call imports) and the time a
worker spends getting ready is paid before any document is timed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from ..config import Config
from ..records import AgendaItem, Block, BlockSpan, CleanDocument, Extraction, LoadedDocument

Batch = Iterable[tuple[CleanDocument, Sequence[AgendaItem]]]


def extract_many(batch: Batch, *, config: Config, batch_size: int = 16) -> Iterator[Extraction]:
    """Every document's facts, in input order, from one ``nlp.pipe`` pass."""
    from . import extraction_from
    from .nlp import nlp_for_config

    nlp = nlp_for_config(config)
    pairs = list(batch)
    docs = []
    for clean, _items in pairs:
        if not clean.text.strip():
            continue
        sdoc = nlp.make_doc(clean.text)
        # components read the text from here: spaCy rebuilds doc.text from every token on each access
        sdoc.user_data["minutes_text"] = clean.text
        docs.append(sdoc)
    processed = iter(nlp.pipe(docs, batch_size=batch_size))
    for clean, items in pairs:
        yield extraction_from(next(processed), clean, items) if clean.text.strip() else Extraction()


#: Invented minutes in the common forms: a decision with an instruction and a
#: due date, an undertaking, money, a named fund, a theme word.
WARM_UP_TEXT = (
    "1. Community Safety Partnership\n\n"
    "RESOLVED that the report be noted and the Head of Service be asked to report back by 31 March 2025.\n\n"
    "The Chairman agreed to write to the police about CCTV cameras. It was agreed that officers would "
    "circulate the figures to Members.\n\n"
    "2. Levelling Up Fund bid\n\n"
    "The Committee approved the award of £150,000 for the Town Centre Regeneration Programme, "
    "and noted the 2024/25 budget of £2.5m.\n"
)


def warm_up(config: Config) -> None:
    """Build the pipeline and run every component once (see the module docstring)."""
    text = WARM_UP_TEXT
    source = LoadedDocument(doc_id="warm-up", path="warm-up", format="text", blocks=(Block(text),))
    clean = CleanDocument(source=source, text=text, blocks=(BlockSpan(0, len(text), Block(text)),))
    second = text.index("2. ")
    items = (
        AgendaItem("1", "Community Safety Partnership", 0, second, text[:second], ordinal=0),
        AgendaItem("2", "Levelling Up Fund bid", second, len(text), text[second:], ordinal=1),
    )
    for _ in extract_many([(clean, items)], config=config):
        pass
