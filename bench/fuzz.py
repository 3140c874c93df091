"""`python -m bench.fuzz --examples 10000`: property-based fuzzing of the
per-document stages (text loader, text repair, segmentation, every extractor).

Text mixes minutes-like fragments ("RESOLVED that", "£1,000k", "ACTION:",
"(Item 4)", "39/20", bullets, NBSP, glued words) with random unicode. For each
input the only exceptions allowed are the project's declared errors
(pipeline.errors.MinutesError), and every offset stored in a block span, an
agenda item or a fact lies inside the cleaned text and slices it to exactly
the stored text. Prints the inputs run and the failures (hypothesis shrinks a
failure to a minimal example); exits 1 on any failure.

The test suite (tests/test_reliability_fuzz.py) runs the same properties with
a modest number of examples.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.clean import clean, source_offset
from pipeline.config import cached_config
from pipeline.errors import MinutesError
from pipeline.extract import extract
from pipeline.records import Block, CleanDocument, LoadedDocument
from pipeline.segment import segment

FRAGMENTS = [
    "RESOLVED that",
    "RESOLVED:",
    "RESOLVED -",
    "AGREED that",
    "It was RESOLVED that",
    "Resolved (unanimously) that",
    "the report be noted",
    "the recommendations be approved",
    "be deferred to the next meeting",
    "£1,000k",
    "£1.2m",
    "£139,250k",
    "£ 5,000",
    "£2bn",
    "£0.5 million",
    "£12,345.67",
    "£-3",
    "£",
    "1,000,000",
    "ACTION:",
    "Action: Director of Finance",
    "ACTION – Clerk to circulate by 31 March 2025",
    "Owner:",
    "Due:",
    "(Item 4)",
    "Item 12.",
    "Agenda item",
    "Meeting: 09/01/2025 - Cabinet (Item 4)",
    "39/20",
    "1.",
    "2.3",
    "(a)",
    "(ii)",
    "iv)",
    "•",
    "·",
    "▪",
    "-",
    "*",
    "–",
    "\u00a0",
    "\u2009",
    "\u200b",
    "\ufeff",
    "\u00ad",
    "Minutes",
    "MINUTES of a meeting of the Cabinet held on 9 January 2025",
    "Present:",
    "Apologies",
    "Cllr Smith",
    "Councillor Jones",
    "the Highways Improvement Fund",
    "Levelling Up Fund",
    "Household Support Fund",
    "Capital Programme 2024/25",
    "revenue",
    "capital",
    "per annum",
    "2022-23",
    "thecommitteeresolvedthat",
    "Highwaysimprovementfund",
    "Membersnoted",
    "fi",
    "ﬁnance",
    "Ã©",
    "â€™",
    "Â£",
    "“",
    "”",
    "’",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\f",
    " ",
    "  ",
    ".",
    ";",
    ":",
    ",",
    "(",
    ")",
    "[",
    "]",
    "/",
]

separators = st.sampled_from(["", " ", "  ", "\n", "\n\n", "\u00a0", "\t", ". ", ", "])
fragment = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(max_size=12),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=6),
    st.from_regex(r"[A-Z][a-z]{2,12}( [a-z]{2,9}){0,6}", fullmatch=True),
)


@st.composite
def minutes_text(draw: st.DrawFn, max_fragments: int = 40) -> str:
    parts = draw(st.lists(st.tuples(fragment, separators), max_size=max_fragments))
    return "".join(a + b for a, b in parts)


@st.composite
def blocks(draw: st.DrawFn) -> tuple[Block, ...]:
    out = []
    for _ in range(draw(st.integers(0, 6))):
        role = draw(st.sampled_from(["para", "para", "heading", "item"]))
        number = draw(
            st.one_of(st.none(), st.sampled_from(["1", "2.", "4a", "39/20", "(ii)", ""]), st.text(max_size=4))
        )
        title = draw(st.one_of(st.none(), minutes_text(max_fragments=4)))
        out.append(Block(
            text=draw(minutes_text()),
            page=draw(st.one_of(st.none(), st.integers(1, 400))),
            role=role,
            number=number if role == "item" else None,
            title=title if role == "item" else None,
            issue_id=draw(st.one_of(st.none(), st.sampled_from(["123", "x"]))),
            joins_previous=draw(st.booleans()),
        ))
    return tuple(out)


@dataclass
class Tally:
    runs: int = 0
    declared_errors: int = 0
    facts: int = 0
    items: int = 0
    failures: list[str] = field(default_factory=list)


TALLY = Tally()


def loaded(blocks_: tuple[Block, ...], fmt: str = "text") -> LoadedDocument:
    return LoadedDocument(doc_id="f" * 64, path="fuzz.txt", format=fmt, blocks=blocks_)


def check_clean(doc: CleanDocument) -> None:
    n = len(doc.text)
    prev_end = 0
    for span in doc.blocks:
        assert 0 <= prev_end <= span.start <= span.end <= n, (
            "block span outside the text",
            span.start,
            span.end,
            n,
        )
        prev_end = span.end
        for probe in (span.start, span.end, (span.start + span.end) // 2):
            found = source_offset(doc, probe)
            assert found is not None, ("offset in a block not traced back", probe)
            raw_offset = found[1]
            assert 0 <= raw_offset <= len(found[0].block.text), (
                "raw offset outside the raw block",
                raw_offset,
            )


def check_items(doc: CleanDocument, items) -> None:  # type: ignore[no-untyped-def]
    n = len(doc.text)
    for ordinal, item in enumerate(items):
        assert item.ordinal == ordinal, ("ordinals not 0..n-1", item.ordinal, ordinal)
        assert 0 <= item.start_char <= item.end_char <= n, (
            "item outside the text",
            item.start_char,
            item.end_char,
            n,
        )
        assert doc.text[item.start_char:item.end_char] == item.text, "item.text != text[start:end]"


def check_extraction(doc: CleanDocument, items, extraction) -> int:  # type: ignore[no-untyped-def]
    n, text = len(doc.text), doc.text
    ordinals = {i.ordinal for i in items}
    count = 0
    for kind in ("resolutions", "actions", "amounts", "schemes"):
        for record in getattr(extraction, kind):
            fact = record.fact
            count += 1
            assert 0 <= fact.start_char <= fact.end_char <= n, (
                kind,
                "outside the text",
                fact.start_char,
                fact.end_char,
                n,
            )
            assert text[fact.start_char:fact.end_char] == fact.text, (kind, "fact.text != text[start:end]")
            assert fact.item_ordinal is None or fact.item_ordinal in ordinals, (
                kind,
                "unknown item",
                fact.item_ordinal,
            )
            if kind == "actions":
                assert 0 <= record.context_start <= record.context_end <= n, (
                    "action context outside the text",
                )
                assert text[record.context_start : record.context_end] == record.context, (
                    "context != text[start:end]"
                )
            if kind == "amounts":
                assert record.value_gbp == record.value_gbp, "amount is NaN"
    for ordinal, _themes in extraction.item_themes:
        assert ordinal in ordinals, ("themes for an unknown item", ordinal)
    return count


def run_stages(doc: LoadedDocument) -> None:
    """clean -> segment -> extract with every invariant checked; declared errors pass."""
    TALLY.runs += 1
    config = cached_config()
    try:
        cleaned = clean(doc, config=config.clean)
        check_clean(cleaned)
        items = segment(cleaned)
        check_items(cleaned, items)
        extraction = extract(cleaned, items, config=config)
        TALLY.facts += check_extraction(cleaned, items, extraction)
        TALLY.items += len(items)
    except MinutesError:
        TALLY.declared_errors += 1


def via_text_loader(text: str) -> None:
    """The same, from raw text through the text loader (decode, paragraphs, dialects)."""
    from pipeline.load.text import load_text

    TALLY.runs += 1
    try:
        doc = load_text(Path("fuzz.txt"), text.encode("utf-8", errors="surrogatepass"), "f" * 64)
    except MinutesError:
        TALLY.declared_errors += 1
        return
    TALLY.runs -= 1  # counted again by run_stages
    run_stages(doc)


def properties(examples: int):  # type: ignore[no-untyped-def]
    """The property tests, each set to ``examples`` inputs."""
    common = settings(max_examples=examples, deadline=None, database=None,
                      suppress_health_check=list(HealthCheck), print_blob=True)

    @common
    @given(blocks())
    def stages_over_blocks(blocks_: tuple[Block, ...]) -> None:
        run_stages(loaded(blocks_))

    @common
    @given(minutes_text(max_fragments=80))
    def stages_over_raw_text(text: str) -> None:
        via_text_loader(text)

    @common
    @given(minutes_text())
    def one_paragraph(text: str) -> None:
        run_stages(loaded((Block(text),)))

    return [stages_over_blocks, stages_over_raw_text, one_paragraph]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fuzz", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--examples", type=int, default=10_000, help="Inputs in total, split over the properties."
    )
    args = parser.parse_args(argv)
    props = properties(max(1, -(-args.examples // 3)))
    started = time.monotonic()
    for prop in props:
        before = TALLY.runs
        try:
            prop()
            status = "ok"
        except Exception as exc:  # noqa: BLE001 - a property failed: report it, run the others
            status = "FAILED"
            TALLY.failures.append(
                f"{prop.__name__}: {type(exc).__name__}: {exc}\n{traceback.format_exc(limit=-3)}"
            )
        print(f"{prop.__name__}: {TALLY.runs - before} inputs, {status}", flush=True)
    print(
        f"{TALLY.runs} inputs run in {time.monotonic() - started:.0f}s; "
        f"{TALLY.items} items and {TALLY.facts} facts "
        f"checked; {TALLY.declared_errors} declared errors; {len(TALLY.failures)} failures"
    )
    for f in TALLY.failures:
        print("FAIL", f)
    return 1 if TALLY.failures else 0


if __name__ == "__main__":
    sys.exit(main())
