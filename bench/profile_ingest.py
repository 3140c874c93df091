"""Where an ingest spends its time: one whole `ingest` (load, clean, segment,
extract, store, link) on copies of the real PDFs, in one process.

    .venv/bin/python -m bench.profile_ingest [--copies 8] [--top 25] [--no-cprofile]

Copies of the nine Kent and Merton PDFs are made unique as the benchmark
makes them (bench/corpus.py), so nothing dedupes. ``workers=1`` runs every
stage in this process, so every stage can be seen. Two runs:

1. stage times without a profiler: each stage's entry point wrapped with a
   CPU clock (the machine is shared: CPU seconds of this process, not wall);
2. cProfile (CPU clock) of a second ingest into a fresh store, top entries by
   cumulative and own time. The profiler's cost per call is large beside
   spaCy's small Cython calls (the Matcher, the tokenizer), so those rows read
   several times their real share: trust run 1 for proportions.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .corpus import SHARED, Seeds, build, find_seeds


@contextmanager
def stage_clock() -> Iterator[dict[str, float]]:
    """CPU seconds per stage while the block runs (entry points patched, then restored)."""
    from pipeline import run, store
    from pipeline.run import process

    spent: dict[str, float] = defaultdict(float)
    targets: list[tuple[Any, str, str]] = [
        (process, "load", "load"), (process, "clean", "clean"), (process, "segment", "segment"),
        (process, "_check_length", "extract: pipeline build (once)"), (process, "extract", "extract"),
        (store, "save_document", "store"), (run, "_link", "link"),
    ]
    saved = [(obj, attr, getattr(obj, attr)) for obj, attr, _ in targets if hasattr(obj, attr)]

    def timed(fn: Callable[..., Any], stage: str) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[stage] += time.process_time() - started

        return wrapper

    for obj, attr, stage in targets:
        if hasattr(obj, attr):
            setattr(obj, attr, timed(getattr(obj, attr), stage))
    try:
        yield spent
    finally:
        for obj, attr, fn in saved:
            setattr(obj, attr, fn)


def ingest_once(pdf_dirs: list[Path], db_path: Path) -> Any:
    from pipeline import store
    from pipeline.run import ingest

    return ingest(pdf_dirs, db=store.connect(db_path), workers=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=8, help="copies of each of the real PDFs (default 8)")
    parser.add_argument("--top", type=int, default=25, help="entries to print per table")
    parser.add_argument("--no-cprofile", action="store_true", help="stage times only")
    parser.add_argument("--out", help="also save the raw profile here (pstats format)")
    args = parser.parse_args(argv)

    seeds = find_seeds()
    real = tuple(p for p in seeds.pdf if p.parent == SHARED / "pdf")  # the Kent and Merton minutes
    work = Path(tempfile.mkdtemp(prefix="minutes-profile-"))
    try:
        folders = build(work / "corpus", Seeds(pdf=real, other=()), args.copies)
        pdf_dirs = [f / "pdf" for f in folders]
        n_files = sum(1 for d in pdf_dirs for _ in d.iterdir())
        cpu0, wall0 = time.process_time(), time.perf_counter()
        with stage_clock() as spent:
            summary = ingest_once(pdf_dirs, work / "timed.db")
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
        print(f"{n_files} PDFs ({len(real)} real ones x {args.copies}), one process: {cpu:.1f} CPU s, "
              f"{wall:.1f} s wall; {summary.new} new, {summary.failed} failed")
        print("\nstage                            CPU s   share")
        for stage, seconds in spent.items():
            print(f"{stage:<30} {seconds:7.2f}  {seconds / cpu:5.0%}")
        rest = cpu - sum(spent.values())
        print(f"{'other (imports, discovery, ...)':<30} {rest:7.2f}  {rest / cpu:5.0%}")
        if args.no_cprofile:
            return 0
        prof = cProfile.Profile(time.process_time)
        prof.enable()
        ingest_once(pdf_dirs, work / "profiled.db")
        prof.disable()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    stats = pstats.Stats(prof, stream=sys.stdout)
    if args.out:
        stats.dump_stats(args.out)
    print("\ncProfile of a second ingest (pipeline already built; CPU clock):")
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
