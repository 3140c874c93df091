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
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench.crash_runs import ROOT, Run, minutes_command, prewarm, snapshot_code
from bench.crash_store import (
    VOLATILE_COLUMNS,
    check_store,
    connect,
    contents,
    counts,
    diff_contents,
    document_signature,
    lost_and_duplicated,
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


@dataclass
class Report:
    kills: int = 0
    missed: int = 0  # the run finished before the kill landed
    reruns: int = 0
    checks: int = 0  # store checks run (integrity, FTS, half-stored documents)
    checks_failed: int = 0
    failures: list[str] = field(default_factory=list)
    landed: Counter[str] = field(default_factory=Counter)  # where kills left the store
    orphans: int = 0  # workers still alive after their run was killed
    resaved: int = 0  # shared store: files given new bytes between cycles (stored versions to replace)
    lost: Counter[str] = field(default_factory=Counter)  # table -> rows of the clean run missing
    duplicated: Counter[str] = field(default_factory=Counter)  # table -> rows beyond the clean run

    def line(self) -> str:
        where = ", ".join(f"{k}: {v}" for k, v in sorted(self.landed.items()))
        resaved = f"; {self.resaved} files re-saved between cycles" if self.resaved else ""
        return (
            f"{self.kills} kills ({where}){resaved}; {self.reruns} reruns; rows lost "
            f"{sum(self.lost.values())}; "
            f"duplicates {sum(self.duplicated.values())}; integrity/FTS/half-stored checks "
            f"{self.checks - self.checks_failed}/{self.checks} clean; orphaned workers {self.orphans}; "
            f"{len(self.failures)} failures"
        )

    def check(self, db: Path, signature: dict[str, tuple[int, ...]], key: str = "id") -> list[str]:
        problems = check_store(db, signature, key=key)
        self.checks += 1
        self.checks_failed += bool(problems)
        return problems

    def land(self, stored: int | None, total: int) -> None:
        self.landed["no store yet" if stored is None else "nothing stored" if stored == 0
                    else "all documents stored" if stored >= total else "some documents stored"] += 1

    def compare(self, got: Path, want: dict[str, list[tuple[object, ...]]], when: str, *, order_free: bool,
                history_free: bool = False) -> list[str]:
        lost, extra = lost_and_duplicated(
            contents(got, order_free=order_free, history_free=history_free), want
        )
        self.lost.update(lost)
        self.duplicated.update(extra)
        return ([f"{when}: {n} {t} rows of the clean run lost" for t, n in lost.items()]
                + [f"{when}: {n} {t} rows beyond the clean run (duplicates)" for t, n in extra.items()])

    def killed(self, run: Run) -> None:
        self.kills += 1
        self.orphans += len(run.orphans)
        if run.orphans:
            self.failures.append(f"kill {self.kills}: workers {run.orphans} outlived their killed run")


def ingest_argv(corpus: Path | list[Path], db: Path, workers: int) -> list[str]:
    folders = corpus if isinstance(corpus, list) else [corpus]
    return ["ingest", *map(str, folders), "--db", str(db), "--workers", str(workers), "--quiet"]


@dataclass
class Clean:
    contents: dict[str, list[tuple[object, ...]]]
    signature: dict[str, tuple[int, ...]]
    took: float
    appeared: float
    returncode: int
    first_stored: float = 0.0  # when the first document was committed

    def kill_moment(self, rng: random.Random) -> float:
        """A random moment of a run: a quarter of kills anywhere from the store
        appearing, the rest while documents are being stored (workers take
        seconds to start, so uniform timing would mostly kill start-up)."""
        if rng.random() < 0.25 or self.first_stored <= 0:
            return rng.uniform(self.appeared * 0.8, self.took)
        return rng.uniform(self.first_stored * 0.9, self.took)


def clean_run(corpus: Path | list[Path], work: Path, *, mode: str, workers: int, timeout: float,
              name: str = "clean", order_free: bool = False) -> Clean:
    """Ingest once, untouched: the reference contents, the per-document
    signature, exit code, how long it took and when the store file appeared."""
    db = work / f"{name}.db"
    run = Run(ingest_argv(corpus, db, workers), mode=mode, log=work / f"{name}.log")
    appeared = first = None
    deadline = time.monotonic() + timeout
    while run.poll() is None:
        if appeared is None and db.exists():
            appeared = time.monotonic() - run.started
        if appeared is not None and first is None and (_count_documents(db) or 0) > 0:
            first = time.monotonic() - run.started
        if time.monotonic() > deadline:
            run.kill()
            raise TimeoutError(f"clean run did not finish within {timeout:.0f}s")
        time.sleep(0.01)
    took = time.monotonic() - run.started
    if run.returncode not in (0, 1):
        raise RuntimeError(f"clean run exited {run.returncode}:\n{run.output[-2000:]}")
    conn = connect(db)
    try:
        signature = document_signature(conn)
    finally:
        conn.close()
    return Clean(
        contents(db, order_free=order_free), signature, took, appeared or 0.0, run.returncode, first or 0.0
    )


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
    rng = random.Random(seed)
    if mode == "fork":
        prewarm()
    order_free = workers > 1  # several workers store in the order they finish
    clean = clean_run(corpus, work, mode=mode, workers=workers, timeout=timeout, order_free=order_free)
    report = Report()
    cycle = 0
    while report.kills < kills:
        cycle += 1
        if cycle > kills * 3:
            report.failures.append(f"only {report.kills} of {kills} kills landed in {cycle - 1} cycles")
            break
        db = work / f"crash-{cycle}.db"
        run = Run(ingest_argv(corpus, db, workers), mode=mode, log=work / f"crash-{cycle}.log")
        delay = clean.kill_moment(rng)
        while run.poll() is None and time.monotonic() - run.started < delay:
            time.sleep(0.005)
        if not run.kill():
            report.missed += 1
            _remove(db)
            continue
        report.killed(run)
        problems = report.check(db, clean.signature)
        stored = _count_documents(db)
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
            state = "ok" if not problems else "FAILED: " + "; ".join(problems)
            print(
                f"kill {report.kills:3d} at {delay:5.2f}s "
                f"({stored if stored is not None else '-'} docs stored): {state}",
                flush=True,
            )
        _remove(db)
    return report


def split_corpus(corpus: Path, dest: Path) -> tuple[list[Path], list[Path]]:
    """Three folders from one corpus; ingest A reads the first two, B the last two."""
    folders = [dest / name for name in ("a", "b", "c")]
    for f in folders:
        f.mkdir(parents=True, exist_ok=True)
    for n, src in enumerate(sorted(corpus.iterdir())):
        shutil.copyfile(src, folders[n % 3] / src.name)
    return folders[:2], folders[1:]


def shared_cycles(
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
    """``kills`` cycles of two overlapping ingests on one store, one SIGKILLed."""
    rng = random.Random(seed)
    if mode == "fork":
        prewarm()
    first, second = split_corpus(corpus, work / "split")
    reference, signature = _serial_clean(first, second, work, "shared-clean", mode=mode, workers=workers,
                                         timeout=timeout)
    texts = sorted(p for folder in (*first, second[-1]) for p in folder.glob("*.txt"))
    db = work / "shared.db"
    report = Report()
    cycle = 0
    while report.kills < kills:
        cycle += 1
        if cycle > kills * 3:
            report.failures.append(f"only {report.kills} of {kills} kills landed in {cycle - 1} cycles")
            break
        for path in rng.sample(
            texts, rng.choice((0, 1, 2))
        ):  # re-saved: the next run replaces the stored version
            report.resaved += 1
            with open(path, "a", encoding="utf-8") as fh:
                fh.write("\n" + " " * (cycle % 7) + "\n")
        runs = [Run(ingest_argv(folders, db, workers), mode=mode, log=work / f"shared-{cycle}-{n}.log")
                for n, folders in enumerate((first, second))]
        victim = rng.randrange(2)
        delay = rng.uniform(0.2, reference)
        while runs[victim].poll() is None and time.monotonic() - runs[victim].started < delay:
            time.sleep(0.005)
        problems: list[str] = []
        killed = runs[victim].kill()
        if killed:
            report.killed(runs[victim])
        else:
            report.missed += 1
        other = runs[1 - victim]
        rc = other.wait(timeout)
        if rc not in (0, 1):
            problems.append(f"the run beside the killed one exited {rc}: {other.output[-500:]}")
        stored = _count_documents(db)
        if killed:
            report.land(stored, len(signature))
        problems += report.check(db, signature, key="path")
        if problems:
            report.failures += [f"shared cycle {cycle} at {delay:.2f}s: {p}" for p in problems]
        if progress:
            state = "ok" if not problems else "FAILED: " + "; ".join(problems)
            what = (
                f"kill {report.kills:3d} of run {'AB'[victim]}"
                if killed
                else f"run {'AB'[victim]} done, no kill"
            )
            print(f"shared {what} at {delay:5.2f}s ({stored} docs stored): {state}", flush=True)
    for n, folders in enumerate((first, second)):  # both complete; then the store must equal the clean one
        rc = Run(ingest_argv(folders, db, workers), mode=mode, log=work / f"shared-final-{n}.log").wait(
            timeout
        )
        report.reruns += 1
        if rc not in (0, 1):
            report.failures.append(f"final run {n} exited {rc}")
    report.failures += [f"final shared store: {p}" for p in report.check(db, signature, key="path")]
    _took, _sig = _serial_clean(
        first, second, work, "shared-final-clean", mode=mode, workers=workers, timeout=timeout
    )
    want = contents(work / "shared-final-clean.db", order_free=True, history_free=True)
    report.failures += report.compare(db, want, "final shared store", order_free=True, history_free=True)
    return report


def _serial_clean(first: list[Path], second: list[Path], work: Path, name: str, *, mode: str, workers: int,
                  timeout: float) -> tuple[float, dict[str, tuple[int, ...]]]:
    """Ingest A then B, untouched, into a new store: how long A took, and
    each document's signature by path."""
    took = clean_run(first, work, mode=mode, workers=workers, timeout=timeout, name=name).took
    Run(ingest_argv(second, work / f"{name}.db", workers), mode=mode, log=work / f"{name}-2.log").wait(
        timeout
    )
    conn = connect(work / f"{name}.db")
    try:
        return took, document_signature(conn, key="path")
    finally:
        conn.close()


def _count_documents(db: Path) -> int | None:
    if not db.exists():
        return None
    conn = connect(db)
    try:
        return int(conn.execute("select count(*) from documents").fetchone()[0])
    except Exception:  # noqa: BLE001 - the schema was never committed
        return None
    finally:
        conn.close()


def _remove(db: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)


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
