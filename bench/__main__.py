"""`python -m bench [--quick] [--json]`: the end-to-end ingest benchmark.

Builds N varied copies of the real documents in a temporary folder, runs the
ingest in child processes and prints each figure beside its target, and each
ratio beside the baseline it is measured against in the same run (pdftotext,
the bare interpreter, the tokenizer alone, pure CPU work in 2 processes).
Exits 1 when a target is missed. Numbers from a shared or busy machine are
noisy: the load average is printed with them.
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

from . import measure, startup
from .corpus import SEED_DIRS, build, find_seeds
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
    parser.add_argument("--link-sizes", type=int, nargs=2, metavar=("N", "TEN_N"),
                        help="Synthetic actions to link (default 10000 100000; --quick: 1000 10000).")
    args = parser.parse_args(argv)
    copies = args.copies or (1 if args.quick else 3)
    log = (lambda *_: None) if args.json else (lambda msg: print(msg, file=sys.stderr, flush=True))

    load_before = os.getloadavg()[0]
    seeds = find_seeds()
    work = Path(tempfile.mkdtemp(prefix="minutes-bench-"))
    try:
        link_sizes = args.link_sizes or ((1_000, 10_000) if args.quick else (10_000, 100_000))
        figures, context = run(
            work, seeds, copies=copies, workers=args.workers, log=log, link_sizes=list(link_sizes)
        )
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


def run(
    work: Path, seeds, *, copies: int, workers: int, log, link_sizes: list[int]
) -> tuple[list[Figure], dict[str, object]]:  # type: ignore[no-untyped-def]
    log("machine: bare interpreter start-up, CPU-burn speed-up")
    python_start = startup.python_startup_seconds()
    calibration = measure.machine_speedup(workers)
    figures: list[Figure] = [
        Figure(
            f"machine: CPU-burn speed-up {workers} vs 1",
            calibration,
            "x",
            note="pure CPU work; the ceiling for any speed-up on this machine right now",
        ),
        Figure(
            "machine: python -c pass",
            python_start,
            "s",
            note="interpreter start-up, the floor under every command",
        ),
    ]
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

    log(f"PDF: ingest {len(pdf_files)} PDFs ({pages} pages) with {workers} workers, then pdftotext -layout")
    pdf_run = measure.run_ingest(dbs / "pdf.db", base_pdf, workers=workers)
    pdftotext = measure.pdftotext_seconds(pdf_files, workers=workers) if shutil.which("pdftotext") else None
    ok_pdf = pdf_run.summary["new"] + pdf_run.summary["unchanged"]
    pdf_rate = pages / pdf_run.seconds if ok_pdf else None
    pdf_note = (
        f"{pdf_run.summary['failed']} of {len(pdf_files)} PDFs failed" if pdf_run.summary["failed"] else ""
    )
    poppler_rate = pages / pdftotext if pdftotext else None
    figures += [
        Figure("PDF pages/s end to end", pdf_rate, "pages/s", note=pdf_note),
        Figure(
            "pdftotext -layout pages/s",
            poppler_rate,
            "pages/s",
            note=f"{workers} processes at a time"
            if pdftotext
            else "pdftotext missing: apt-get install poppler-utils",
        ),
        Figure(
            "PDF end-to-end / pdftotext",
            pdf_rate / poppler_rate if pdf_rate and poppler_rate else None,
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
    log("start-up: one small document ingested, `minutes stats` on the 1x store")
    small = startup.small_document(SEED_DIRS[0])
    one_doc = startup.one_document_seconds(small, dbs)
    stats = startup.stats_seconds(dbs / "1x.db")
    figures += [
        Figure(
            "one small document ingested",
            one_doc,
            "s",
            2.0,
            "<=",
            f"{small.name} ({small.stat().st_size:,} bytes), new store, default "
            "workers; start to exit, median of 3",
        ),
        Figure("`minutes stats`", stats, "s", 0.5, "<=", "start to exit, median of 5"),
    ]

    log(f"10x: {len(folders)} copies with {workers} workers, 1 worker, 1 worker, {workers} workers")
    # Speed-up at 10x: start-up, warm-up and linking (serial by nature) are
    # amortised there, as they are on a real corpus. Other jobs on a shared
    # machine come and go within minutes, so the runs go A B B A (a steady
    # drift cancels) and the machine's ceiling is measured before and after.
    ceiling_before, load_before = measure.machine_speedup(workers), os.getloadavg()[0]
    ten = measure.run_ingest(dbs / "10x.db", folders, workers=workers)
    serial = measure.run_ingest(dbs / "10x-serial.db", folders, workers=1)
    serial_b = measure.run_ingest(dbs / "10x-serial-b.db", folders, workers=1)
    ten_b = measure.run_ingest(dbs / "10x-b.db", folders, workers=workers)
    ceiling_after, load_after = measure.machine_speedup(workers), os.getloadavg()[0]
    ceiling = (ceiling_before + ceiling_after) / 2
    speedup = (serial.seconds + serial_b.seconds) / (ten.seconds + ten_b.seconds)
    log("re-ingest of the unchanged 10x corpus")
    again = measure.run_ingest(dbs / "10x.db", folders, workers=workers)
    docs_10x = ten.stored + ten.summary["failed"]
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
            speedup,
            "x",
            1.8,
            ">=",
            f"10x corpus, A B B A: {ten.seconds:.1f}, {serial.seconds:.1f}, "
            f"{serial_b.seconds:.1f}, {ten_b.seconds:.1f} s",
        ),
        Figure(
            f"machine: CPU-burn {workers} vs 1 around them",
            ceiling,
            "x",
            note=f"{ceiling_before:.2f}x before, {ceiling_after:.2f}x after; load "
            f"{load_before:.1f} -> {load_after:.1f}",
        ),
        Figure(
            "speed-up / machine ceiling",
            speedup / ceiling,
            "x",
            note="how much of what the machine gave the ingest took",
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
    tokens, seconds, tok_seconds, docs = measure.extraction_rate(
        dbs / "1x.db", path_contains=f"{os.sep}{base[0].name}{os.sep}"
    )
    figures += [
        Figure("extraction tokens/s", tokens / seconds if seconds else None, "tok/s", 150_000, ">=",
               f"{tokens:,} tokens in {docs} distinct docs, one core, warmed worker"),
        Figure("tokenizer alone tokens/s", tokens / tok_seconds if tok_seconds else None, "tok/s",
               note="a fresh spaCy tokenizer on the same texts: the floor's speed on this machine"),
        Figure("extraction / tokenizer alone", tok_seconds / seconds if seconds else None, "x",
               note="the share of the tokenizer's speed extraction keeps"),
    ]
    started = time.perf_counter()
    linked = measure.link_seconds(dbs / "10x.db")
    figures.append(Figure("follow-through linking (10x store)", linked, "s",
                          note="pipeline.link not available" if linked is None else f"{docs_10x} docs"))
    small_n, big_n = link_sizes
    by_size = startup.link_seconds_by_size([small_n, big_n], work)
    figures += [
        Figure(f"link {small_n:,} synthetic actions", by_size[small_n], "s", note="bench/bench_link.py"),
        Figure(
            f"link {big_n:,} synthetic actions",
            by_size[big_n],
            "s",
            10.0 if big_n >= 100_000 else None,
            "<=",
            "" if big_n >= 100_000 else "target is for 100,000 (use the full run)",
        ),
        Figure(
            f"link time {big_n // small_n}x actions / 1x",
            by_size[big_n] / by_size[small_n],
            "x",
            1.1 * big_n / small_n,
            "<=",
        ),
    ]
    log(f"done in {time.perf_counter() - started:.0f} s (linking)")
    context = {"copies_1x": copies, "copies_10x": copies * 10, "seeds": seeds.count, "workers": workers,
               "cores": measure.psutil.cpu_count()}
    return figures, context


if __name__ == "__main__":
    sys.exit(main())
