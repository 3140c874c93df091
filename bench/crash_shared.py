"""One shared store (``--shared-kills`` of bench/crash_test.py): two
overlapping ingests (folders A+B and B+C) on one store per cycle, one of them
SIGKILLed, files re-saved between cycles; at the end both run to completion
and the store must equal a serial clean run's."""

from __future__ import annotations

import shutil
from pathlib import Path

from bench.crash_cycle import (
    Report,
    clean_run,
    count_documents,
    ingest_argv,
    start,
    state_of,
    wait_until,
)
from bench.crash_runs import Run
from bench.crash_store import connect, contents, document_signature


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
    rng = start(mode, seed)
    first, second = split_corpus(corpus, work / "split")
    reference, signature = _serial_clean(first, second, work, "shared-clean", mode=mode, workers=workers,
                                         timeout=timeout)
    texts = sorted(p for folder in (*first, second[-1]) for p in folder.glob("*.txt"))
    db = work / "shared.db"
    report = Report()
    # After the first cycle most files are stored already and a run only does
    # the re-saved ones, so it ends far sooner than the clean run: aim each kill
    # inside the victim's latest observed duration, not the first run's.
    took = [reference, reference]
    for cycle in report.cycles(kills, most=kills * 5):
        for path in rng.sample(
            texts, rng.choice((0, 1, 2))
        ):  # re-saved: the next run replaces the stored version
            report.resaved += 1
            with open(path, "a", encoding="utf-8") as fh:
                fh.write("\n" + " " * (cycle % 7) + "\n")
        runs = [Run(ingest_argv(folders, db, workers), mode=mode, log=work / f"shared-{cycle}-{n}.log")
                for n, folders in enumerate((first, second))]
        victim = rng.randrange(2)
        # a share of that duration, not a fixed floor: a run with nothing new to
        # store can end in under 0.2 s, and a kill in start-up is a kill too
        delay = rng.uniform(0.1, 0.9) * took[victim]
        wait_until(runs[victim], delay)
        problems: list[str] = []
        killed = runs[victim].kill()
        if killed:
            report.killed(runs[victim])
        else:
            report.missed += 1
            took[victim] = runs[victim].took or took[victim]
        other = runs[1 - victim]
        rc = other.wait(timeout)
        took[1 - victim] = other.took or took[1 - victim]
        if rc not in (0, 1):
            problems.append(f"the run beside the killed one exited {rc}: {other.output[-500:]}")
        stored = count_documents(db)
        if killed:
            report.land(stored, len(signature))
        problems += report.check(db, signature, key="path")
        if problems:
            report.failures += [f"shared cycle {cycle} at {delay:.2f}s: {p}" for p in problems]
        if progress:
            what = (
                f"kill {report.kills:3d} of run {'AB'[victim]}"
                if killed
                else f"run {'AB'[victim]} done, no kill"
            )
            print(f"shared {what} at {delay:5.2f}s ({stored} docs stored): {state_of(problems)}", flush=True)
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
