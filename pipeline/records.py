"""The frozen records that travel between stages.

Data flows one way: load -> clean -> segment -> extract -> link -> store.
Each stage takes these records and returns new ones; spaCy objects stay inside
the extract stage and row dicts stay inside the store module.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Block:
    """One run of text from a source, in reading order.

    Structured sources (ModernGov XML, meeting-page HTML) know where agenda
    items start: they emit a block with ``role="item"`` carrying the printed
    ``number`` and ``title``; the segmenter trusts those. Unstructured sources
    (text, PDF) emit ``para``/``heading`` blocks and the segmenter finds items.
    """

    text: str
    page: int | None = None
    role: str = "para"  # "para" | "heading" | "item"
    number: str | None = None  # printed item number, for role == "item"
    title: str | None = None  # item title, for role == "item"
    issue_id: str | None = None  # ModernGov issue / agenda item id, when known
    # True when this block continues the previous block's paragraph (e.g. across a
    # PDF page break): clean joins the two with a space instead of a blank line.
    joins_previous: bool = False


@dataclass(frozen=True)
class MeetingMeta:
    """What a document says (or a manifest says) about its meeting."""

    council: str | None = None
    committee: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    title: str | None = None
    venue: str | None = None
    attendees: tuple[str, ...] = ()
    apologies: tuple[str, ...] = ()
    external_id: str | None = None  # e.g. ModernGov meeting id

    def merged(self, other: MeetingMeta) -> MeetingMeta:
        """Fill this record's gaps from ``other`` (this one wins)."""
        return MeetingMeta(
            council=self.council or other.council,
            committee=self.committee or other.committee,
            date=self.date or other.date,
            title=self.title or other.title,
            venue=self.venue or other.venue,
            attendees=self.attendees or other.attendees,
            apologies=self.apologies or other.apologies,
            external_id=self.external_id or other.external_id,
        )


@dataclass(frozen=True)
class LoadedDocument:
    """A source file turned into ordered blocks; nothing repaired yet."""

    doc_id: str  # sha256 of the file bytes
    path: str
    format: str  # "text" | "html" | "xml" | "pdf"
    blocks: tuple[Block, ...]
    meta: MeetingMeta = field(default_factory=MeetingMeta)
    source_url: str | None = None
    pages: int | None = None
    # Size and mtime from the same open as the bytes that were hashed and
    # parsed (None when the file changed while it was read): what the next
    # run compares to decide "unchanged".
    size: int | None = None
    mtime: float | None = None


@dataclass(frozen=True)
class PageSpan:
    start: int
    end: int
    page: int | None


@dataclass(frozen=True)
class BlockSpan:
    """Where one block landed in the cleaned text."""

    start: int
    end: int
    block: Block
    # Offset map back to the raw block: (offset into the cleaned span, offset
    # into block.text) pairs, sorted; between anchors the two advance together.
    anchors: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class CleanDocument:
    """The repaired full text that every stored offset refers to."""

    source: LoadedDocument
    text: str
    blocks: tuple[BlockSpan, ...]

    def page_at(self, offset: int) -> int | None:
        """Page of the block containing ``offset`` (or the nearest before it)."""
        page = None
        for span in self.blocks:
            if span.start > offset:
                break
            page = span.block.page if span.block.page is not None else page
        return page


@dataclass(frozen=True)
class AgendaItem:
    number: str | None
    title: str | None
    start_char: int  # into CleanDocument.text; text == doc.text[start:end]
    end_char: int
    text: str
    page_start: int | None = None
    page_end: int | None = None
    issue_id: str | None = None
    ordinal: int = 0  # position in the document, from 0


@dataclass(frozen=True)
class Fact:
    """Common provenance for every extracted fact."""

    kind: str  # "resolution" | "action" | "amount" | "scheme"
    start_char: int  # into CleanDocument.text
    end_char: int
    text: str  # exact source text, == doc.text[start_char:end_char]
    item_ordinal: int | None
    page: int | None


@dataclass(frozen=True)
class Resolution:
    fact: Fact
    cue: str | None  # "RESOLVED", "AGREED", ... or None when the label was lost
    part: str | None  # "1", "a", "ii" ... for numbered parts
    is_noting: bool
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Action:
    fact: Fact
    owner: str | None
    due: str | None  # as written
    due_date: str | None  # ISO when it resolves to a date
    context: str  # the bullet or paragraph it came from
    context_start: int
    context_end: int
    from_resolution: bool = False
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Amount:
    fact: Fact
    raw: str  # e.g. "£139,250k"
    value_gbp: float
    period: str | None = None  # "annual", "2022-23", ...
    kind: str | None = None  # "capital" | "revenue"
    purpose: str | None = None
    suspect: str | None = None  # why the written form looks wrong, if it does


@dataclass(frozen=True)
class SchemeMention:
    fact: Fact
    name: str  # the fullest form written in the document, acronyms expanded (fact.text is as written)
    canonical: str  # the normalised key used to group mentions


@dataclass(frozen=True)
class Extraction:
    """Everything the extract stage found in one document."""

    resolutions: tuple[Resolution, ...] = ()
    actions: tuple[Action, ...] = ()
    amounts: tuple[Amount, ...] = ()
    schemes: tuple[SchemeMention, ...] = ()
    item_themes: tuple[tuple[int, tuple[str, ...]], ...] = ()  # (item ordinal, themes)


@dataclass(frozen=True)
class ProcessedDocument:
    """The output of load+clean+segment+extract for one file, ready to store."""

    clean: CleanDocument
    items: tuple[AgendaItem, ...]
    extraction: Extraction
