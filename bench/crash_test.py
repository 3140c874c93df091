"""`python -m bench.crash_test [--kills 25] [--shared-kills 25]`: kill
`minutes ingest` with SIGKILL at random moments and prove the store survives.

**Fresh stores** (``--kills``): each cycle starts a new store and an ingest,
SIGKILLs it at a random moment between the store appearing and the end of a
clean run, checks the store, reruns, and compares the result with the clean
run's table by table.

**One shared store** (``--shared-kills``): every cycle may first re-save a
text file or two (blank lines appended: new bytes, the same words, so the
next ingest replaces the stored version, and each document's expected
items and facts stay known), then runs two overlapping ingests (folders A+B and B+C of the
corpus) on the same store and SIGKILLs one of them at a random moment while
the other finishes; the store is checked after each. At the end both ingests
run to completion and the store is compared with a serial clean run of the
two over the re-saved files on a new store.

Checked every time: ``PRAGMA integrity_check`` and ``foreign_key_check``, each
FTS5 index against its table, no half-stored document (each stored document
has exactly the agenda items and facts the clean run gave it), nothing
pointing at a missing row; then rows lost and rows duplicated against the
clean run, and orphaned workers: processes of the killed run's process group
still alive 5 s after the kill.

``--mode subprocess`` (default) runs the real console script; ``--mode fork``
forks this process and calls the same CLI entry point (no interpreter
start-up, so the test suite can afford it). Exits 1 if any check failed.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench.crash_cycle import (
    Report,
    clean_run,
    count_documents,
    ingest_argv,
    remove_store,
    start,
    state_of,
    wait_until,
)
from bench.crash_runs import ROOT, Run, minutes_command, snapshot_code
from bench.crash_shared import shared_cycles
from bench.crash_store import (
    VOLATILE_COLUMNS,
    check_store,
    contents,
    counts,
    diff_contents,
)

SHARED = ROOT.parent / "shared" / "corpus"

__all__ = ["SHARED", "VOLATILE_COLUMNS", "build_corpus", "check_store", "clean_run", "contents", "counts",
           "crash_cycles", "diff_contents", "minutes_command", "shared_cycles"]


def build_corpus(dest: Path, *, size: str = "small") -> Path:
    """Copies of the project's seeds and the shared corpus (read in place).

    ``small``: the 5 seeds, 4 council pages and 2 XML responses (one with
    minutes, one that is not minutes, which fails on every run).
    ``full``: every seed, page, XML response and PDF.
    """
    dest.mkdir(parents=True, exist_ok=True)
    seeds = sorted((ROOT / "corpus").glob("*.txt"))
    pages = sorted((SHARED / "pages").glob("*.txt"))
    xml = sorted((SHARED / "xml").glob("*.xml"))
    pdfs = sorted((SHARED / "pdf").glob("*.pdf"))
    if size == "small":
        picked = seeds + pages[:4] + [p for p in xml if "with_minutes" in p.name or "GetCommittees" in p.name]
    else:
        picked = seeds + pages + xml + pdfs
    for src in picked:
        shutil.copyfile(src, dest / src.name)
    return dest


def crash_cycles(
    corpus: Path,
    work: Path,
    *,
    kills: int,
    mode: str = "subprocess",
    workers: int = 1,
    seed: int = 0,
    timeout: float = 600,
    progress: bool = False,
) -> Report:
    """``kills`` cycles of fresh store -> ingest -> SIGKILL -> checks -> rerun -> compare."""
    rng = start(mode, seed)
    order_free = workers > 1  # several workers store in the order they finish
    clean = clean_run(corpus, work, mode=mode, workers=workers, timeout=timeout, order_free=order_free)
    report = Report()
    for cycle in report.cycles(kills, most=kills * 3):
        db = work / f"crash-{cycle}.db"
        run = Run(ingest_argv(corpus, db, workers), mode=mode, log=work / f"crash-{cycle}.log")
        delay = clean.kill_moment(rng)
        wait_until(run, delay)
        if not run.kill():
            report.missed += 1
            remove_store(db)
            continue
        report.killed(run)
        problems = report.check(db, clean.signature)
        stored = count_documents(db)
        report.land(stored, len(clean.signature))
        rerun = Run(ingest_argv(corpus, db, workers), mode=mode, log=work / f"rerun-{cycle}.log")
        rc = rerun.wait(timeout)
        report.reruns += 1
        # A file that failed before the kill with the same bytes is not retried
        # (problems keeps it), so the rerun may exit 0 where the clean run said 1.
        failed_before = rc == 0 and clean.returncode == 1 and "failed before" in rerun.output
        if rc != clean.returncode and not failed_before:
            problems.append(f"rerun exited {rc} (clean run: {clean.returncode}): {rerun.output[-500:]}")
        problems += report.check(db, clean.signature)
        problems += report.compare(db, clean.contents, "after rerun", order_free=order_free)
        if problems:
            report.failures += [f"kill {report.kills} at {delay:.2f}s: {p}" for p in problems]
        if progress:
            print(f"kill {report.kills:3d} at {delay:5.2f}s "
                  f"({stored if stored is not None else '-'} docs stored): {state_of(problems)}", flush=True)
        remove_store(db)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.crash_test", description=(__doc__ or "").splitlines()[0]
    )
    parser.add_argument("--kills", type=int, default=25, help="SIGKILLs on fresh stores (default 25).")
    parser.add_argument(
        "--shared-kills", type=int, default=25, help="SIGKILLs on one shared store (default 25)."
    )
    parser.add_argument("--mode", choices=["subprocess", "fork"], default="subprocess")
    parser.add_argument("--corpus", choices=["small", "full"], default="full",
                        help="small: seeds + 4 pages + 2 XML; full: also every page, XML and PDF (default).")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument(
        "--live-code",
        action="store_true",
        help="Run the checkout's code as it is edited (default: a frozen copy, subprocess mode).",
    )
    args = parser.parse_args(argv)
    failed = False
    with tempfile.TemporaryDirectory(prefix="crash-test-") as tmp:
        work = Path(tmp)
        if args.mode == "subprocess" and not args.live_code:
            snapshot_code(work / "code")
        corpus = build_corpus(work / "corpus with spaces", size=args.corpus)
        n = len(list(corpus.iterdir()))
        print(f"corpus: {n} files; mode {args.mode}; workers {args.workers}; seed {args.seed}", flush=True)
        for name, cycles, kills in (("fresh stores", crash_cycles, args.kills),
                                    ("one shared store", shared_cycles, args.shared_kills)):
            if kills <= 0:
                continue
            report = cycles(corpus, work, kills=kills, mode=args.mode, workers=args.workers, seed=args.seed,
                            progress=True)
            print(f"{name}: {report.line()}", flush=True)
            for f in report.failures:
                print("FAIL", f)
            failed = failed or bool(report.failures)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
