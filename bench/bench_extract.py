"""Extract-stage speed: spaCy's tokenizer alone vs the whole extract stage.

Run with ``.venv/bin/python -m bench.bench_extract [--repeat N] [--profile]``.

Texts from ./corpus, ../shared/seeds and ../shared/corpus (pages, xml, pdf)
are loaded, cleaned and segmented first (not timed). Then, side by side in one
process on one core, the best of ``--repeat`` alternating rounds of:

* tokenizer: ``nlp.make_doc(text)`` for every text;
* extract:   ``pipeline.extract.extract(clean, items, config=...)`` for every
  text (tokenizer + every component + building the records).

Both are reported in tokens/s (tokens counted once by the tokenizer) with the
ratio extract/tokenizer: the share of the tokenizer's speed the extractors
keep, which is steadier across machines than either figure alone.
``--profile`` prints the top cProfile entries of one extract round.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from pipeline.clean import clean
from pipeline.config import PROJECT_ROOT, cached_config
from pipeline.errors import MinutesError
from pipeline.extract import extract
from pipeline.extract.nlp import nlp_for_config
from pipeline.load import load
from pipeline.records import AgendaItem, CleanDocument
from pipeline.segment import segment

ROOTS = (
    PROJECT_ROOT / "corpus",
    PROJECT_ROOT.parent / "shared" / "seeds",
    PROJECT_ROOT.parent / "shared" / "corpus",
)
SUFFIXES = {".txt", ".pdf", ".xml", ".html", ".htm"}


@dataclass(frozen=True)
class Text:
    path: Path
    clean: CleanDocument
    items: tuple[AgendaItem, ...]


def load_texts() -> list[Text]:
    """Every readable document under ROOTS, cleaned and segmented."""
    config = cached_config(None)
    out: list[Text] = []
    for root in ROOTS:
        for path in sorted(root.rglob("*")):
            if path.suffix.lower() not in SUFFIXES or not path.is_file():
                continue
            try:
                cleaned = clean(load(str(path)), config=config.clean)
            except MinutesError as exc:  # not minutes (a councillor list, a cancelled meeting): skip
                print(f"skipped {path.name}: {exc}", file=sys.stderr)
                continue
            if cleaned.text.strip():
                out.append(Text(path, cleaned, tuple(segment(cleaned))))
    return out


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    gc.collect()
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="rounds of each; the best is reported")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of one extract round")
    args = parser.parse_args(argv)

    config = cached_config(None)
    nlp = nlp_for_config(config)
    texts = load_texts()
    tokens = sum(len(nlp.make_doc(t.clean.text)) for t in texts)
    chars = sum(len(t.clean.text) for t in texts)

    def tokenize() -> None:
        for t in texts:
            nlp.make_doc(t.clean.text)

    def extract_all() -> None:
        for t in texts:
            extract(t.clean, t.items, config=config)

    extract_all()  # warm up: pattern compilation, lazy imports
    tok_s = ext_s = float("inf")
    for _ in range(args.repeat):  # alternate, so both see the same load on a shared machine
        tok_s = min(tok_s, timed(tokenize))
        ext_s = min(ext_s, timed(extract_all))
    print(f"{len(texts)} documents, {tokens:,} tokens, {chars:,} characters (best of {args.repeat})")
    print(f"tokenizer alone  {tokens / tok_s:12,.0f} tokens/s  ({tok_s:.3f} s)")
    print(f"extract stage    {tokens / ext_s:12,.0f} tokens/s  ({ext_s:.3f} s)")
    print(f"ratio extract/tokenizer  {tok_s / ext_s:.3f}")
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        extract_all()
        prof.disable()
        pstats.Stats(prof, stream=sys.stdout).sort_stats("cumulative").print_stats(40)
        pstats.Stats(prof, stream=sys.stdout).sort_stats("tottime").print_stats(30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
