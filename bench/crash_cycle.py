"""The parts of one kill cycle that both halves of bench/crash_test.py use:
the report they add up, the clean reference run, the moment a kill lands,
and counting what a killed run left in its store."""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bench.crash_runs import Run, prewarm
from bench.crash_store import check_store, connect, contents, document_signature, lost_and_duplicated


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

    def cycles(self, kills: int, most: int) -> Iterator[int]:
        """Cycle numbers 1, 2, ... until ``kills`` kills have landed; a failure
        (and no more cycles) when ``most`` cycles did not land them."""
        cycle = 0
        while self.kills < kills:
            cycle += 1
            if cycle > most:
                self.failures.append(f"only {self.kills} of {kills} kills landed in {cycle - 1} cycles")
                return
            yield cycle

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
        if appeared is not None and first is None and (count_documents(db) or 0) > 0:
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


def start(mode: str, seed: int) -> random.Random:
    """The cycles' random choices; forked runs import the pipeline once, first."""
    if mode == "fork":
        prewarm()
    return random.Random(seed)


def wait_until(run: Run, delay: float) -> None:
    """Until ``delay`` seconds into ``run``, or its end if sooner: the kill moment."""
    while run.poll() is None and time.monotonic() - run.started < delay:
        time.sleep(0.005)


def state_of(problems: list[str]) -> str:
    return "ok" if not problems else "FAILED: " + "; ".join(problems)


def count_documents(db: Path) -> int | None:
    if not db.exists():
        return None
    conn = connect(db)
    try:
        return int(conn.execute("select count(*) from documents").fetchone()[0])
    except Exception:  # noqa: BLE001 - the schema was never committed
        return None
    finally:
        conn.close()


def remove_store(db: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
