"""`python -m bench [--quick] [--json]`: the end-to-end ingest benchmark.

Builds N varied copies of the real documents in a temporary folder, runs the
ingest in child processes and prints each figure beside its target. Exits 1
when a target is missed. Numbers from a shared or busy machine are noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from . import measure
from .corpus import build, find_seeds
from .report import Figure, table

GB = 1024**3
MB = 1024**2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="1 copy per 1x run instead of 3 (10x run: 10 copies)."
    )
    parser.add_argument("--copies", type=int, help="Copies of the seed documents in the 1x corpus.")
    parser.add_argument("--workers", type=int, default=2, help="Workers for the parallel runs (default 2).")
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON only.")
    parser.add_argument("--keep", action="store_true", help="Keep the temporary corpus and stores.")
    args = parser.parse_args(argv)
    copies = args.copies or (1 if args.quick else 3)
    log = (lambda *_: None) if args.json else (lambda msg: print(msg, file=sys.stderr, flush=True))

    load_before = os.getloadavg()[0]
    seeds = find_seeds()
    work = Path(tempfile.mkdtemp(prefix="minutes-bench-"))
    try:
        figures, context = run(work, seeds, copies=copies, workers=args.workers, log=log)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    # Other work on the machine skews every figure, the speed-up most: show it.
    context["load_avg_1min"] = f"{load_before:.1f}->{os.getloadavg()[0]:.1f}"
    missed = [f.name for f in figures if f.met is False]
    if args.json:
        print(
            json.dumps(
                {"context": context, "figures": [f.as_dict() for f in figures], "missed": missed}, indent=2
            )
        )
    else:
        print(" ".join(f"{k}={v}" for k, v in context.items()))
        print(table(figures))
        print(f"\n{len(missed)} target(s) missed" + (f": {', '.join(missed)}" if missed else ""))
    return 1 if missed else 0


def run(work: Path, seeds, *, copies: int, workers: int, log) -> tuple[list[Figure], dict[str, object]]:  # type: ignore[no-untyped-def]
    log(f"building {copies * 10} copies of {seeds.count} seed documents in {work}")
    folders = build(work / "corpus", seeds, copies * 10)
    base = folders[:copies]
    base_pdf = [f / "pdf" for f in base]
    base_other = [f / "other" for f in base]
    pdf_files = sorted(p for d in base_pdf for p in d.iterdir())
    other_files = sorted(p for d in base_other for p in d.iterdir())
    pages = measure.pdf_pages(pdf_files)
    dbs = work / "db"
    dbs.mkdir()
    figures: list[Figure] = []

    log(f"PDF: ingest {len(pdf_files)} PDFs ({pages} pages) with {workers} workers, then pdftotext -layout")
    pdf_run = measure.run_ingest(dbs / "pdf.db", base_pdf, workers=workers)
    pdftotext = measure.pdftotext_seconds(pdf_files, workers=workers)
    ok_pdf = pdf_run.summary["new"] + pdf_run.summary["unchanged"]
    pdf_rate = pages / pdf_run.seconds if ok_pdf else None
    pdf_note = (
        f"{pdf_run.summary['failed']} of {len(pdf_files)} PDFs failed" if pdf_run.summary["failed"] else ""
    )
    figures += [
        Figure("PDF pages/s end to end", pdf_rate, "pages/s", note=pdf_note),
        Figure(
            "pdftotext -layout pages/s", pages / pdftotext, "pages/s", note=f"{workers} processes at a time"
        ),
        Figure(
            "PDF end-to-end / pdftotext",
            pdf_rate / (pages / pdftotext) if pdf_rate else None,
            "x",
            0.5,
            ">=",
            pdf_note,
        ),
    ]

    log(f"HTML/XML/text: ingest {len(other_files)} documents, then bare parsing")
    other_run = measure.run_ingest(dbs / "other.db", base_other, workers=workers)
    bare = measure.bare_parse_seconds(other_files)
    other_rate = len(other_files) / other_run.seconds
    other_note = f"{other_run.summary['failed']} failed" if other_run.summary["failed"] else ""
    figures += [
        Figure("HTML/XML/text docs/s end to end", other_rate, "docs/s", note=other_note),
        Figure("bare parse docs/s (lxml / decode)", len(other_files) / bare, "docs/s", note="one core"),
        Figure("HTML/XML/text end-to-end / bare parse", other_rate / (len(other_files) / bare), "x"),
    ]

    log(f"1x: {len(base)} copies with {workers} workers")
    one = measure.run_ingest(dbs / "1x.db", base, workers=workers)
    log(f"10x: {len(folders)} copies with {workers} workers, then with 1 worker")
    ten = measure.run_ingest(dbs / "10x.db", folders, workers=workers)
    # Speed-up at 10x: start-up, warm-up and linking (serial by nature) are
    # amortised there, as they are on a real corpus.
    serial = measure.run_ingest(dbs / "10x-serial.db", folders, workers=1)
    log("re-ingest of the unchanged 10x corpus")
    again = measure.run_ingest(dbs / "10x.db", folders, workers=workers)
    docs_10x = ten.stored + ten.summary["failed"]
    calibration = measure.machine_speedup(workers)
    figures += [
        Figure(
            "1x corpus ingest",
            one.seconds,
            "s",
            note=f"{one.stored + one.summary['failed']} docs, {one.summary['failed']} failed",
        ),
        Figure(
            "10x corpus ingest", ten.seconds, "s", note=f"{docs_10x} docs, {ten.summary['failed']} failed"
        ),
        Figure("10x time / 1x time", ten.seconds / one.seconds, "x", 11, "<="),
        Figure(
            f"speed-up {workers} workers over 1",
            serial.seconds / ten.seconds,
            "x",
            1.7,
            ">=",
            f"10x corpus: {serial.seconds:.1f} s vs {ten.seconds:.1f} s",
        ),
        Figure(
            f"machine: CPU-burn speed-up {workers} vs 1",
            calibration,
            "x",
            note="ceiling for the line above on this machine right now",
        ),
        Figure("peak RSS at 1x (tree)", one.peak_rss / MB, "MB", 1024, "<="),
        Figure("peak RSS at 10x (tree)", ten.peak_rss / MB, "MB", 1024, "<="),
        Figure("peak RSS 10x / 1x (flat)", ten.peak_rss / one.peak_rss, "x", 1.25, "<="),
        Figure(
            "re-ingest unchanged corpus",
            again.seconds,
            "s",
            2.0,
            "<=",
            f"{docs_10x} docs, {again.summary['unchanged']} unchanged, {again.summary['new']} new"
            + ("" if docs_10x >= 1000 else "; target is for 1,000 docs (use full run)"),
        ),
    ]

    log("extraction over the stored 1x texts, then linking")
    tokens, seconds, docs = measure.extraction_rate(dbs / "1x.db")
    figures.append(Figure("extraction tokens/s", tokens / seconds if seconds else None, "tok/s",
                          note=f"{tokens:,} tokens in {docs} docs, one core"))
    started = time.perf_counter()
    linked = measure.link_seconds(dbs / "10x.db")
    figures.append(Figure("follow-through linking (10x store)", linked, "s",
                          note="pipeline.link not available" if linked is None else f"{docs_10x} docs"))
    log(f"done in {time.perf_counter() - started:.0f} s (linking)")
    context = {"copies_1x": copies, "copies_10x": copies * 10, "seeds": seeds.count, "workers": workers,
               "cores": measure.psutil.cpu_count()}
    return figures, context


if __name__ == "__main__":
    sys.exit(main())
