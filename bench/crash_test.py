"""`python -m bench.crash_test [--kills 50]`: kill `minutes ingest` with SIGKILL
at random moments and prove the store survives every time.

Each cycle starts a fresh store, starts an ingest, SIGKILLs it at a random
moment between the store appearing and the end of a clean run, then checks:

- ``PRAGMA integrity_check`` and ``foreign_key_check`` are clean and the FTS
  index matches its table (FTS5 'integrity-check');
- no document is half-stored: each stored document has exactly the agenda
  items and facts the clean run gave it, and nothing points at a missing row;
- a rerun completes (exit 0/1, as the clean run) and leaves a store whose
  contents equal the clean run's, table by table (timestamps aside).

``--mode subprocess`` (default) runs the real console script; ``--mode fork``
forks this process and calls the same CLI entry point (no interpreter start-up,
so the test suite can afford 20 kills). Prints one line per kill and a summary;
exits 1 if any check failed.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
#: Where the CLI runs from: the checkout, or a frozen copy of its code
#: (``snapshot_code``) so edits landing during a long run cannot skew it.
CODE_ROOT = ROOT

#: Tables whose rows are compared with the clean run; timestamps and file
#: stats are left out (they differ between runs by design).
VOLATILE_COLUMNS = {"ingested_at", "at", "mtime", "size"}
#: ``problems`` gains a row per failed file per run (the failures are retried),
#: so it is compared as the set of (path, stage, message), not row for row.
SKIP_TABLES = {"problems"}
FACT_TABLES = ("resolutions", "actions", "amounts", "scheme_mentions")


# ---------------------------------------------------------------- corpus


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


# ---------------------------------------------------------------- store checks


def _connect(db_path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(db_path), timeout=60)
    conn.execute("PRAGMA busy_timeout=60000")
    return conn


def check_store(db_path: Path, expected: dict[str, tuple[int, ...]] | None = None) -> list[str]:
    """Everything wrong with the store at ``db_path`` (empty list: nothing).

    ``expected`` maps document id -> (items, resolutions, actions, amounts,
    scheme mentions) from a clean run: a stored document must have all of them.
    """
    if not db_path.exists():
        return []
    bad: list[str] = []
    conn = _connect(db_path)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchall()
        if ok != [("ok",)]:
            bad.append(f"integrity_check: {ok[:3]}")
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            bad.append(f"foreign_key_check: {len(fk)} rows, e.g. {fk[:3]}")
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
        if "documents" not in tables:
            return bad  # killed before the schema was committed: an empty store
        if "agenda_items_fts" in tables:
            try:
                conn.execute("insert into agenda_items_fts(agenda_items_fts) values('integrity-check')")
            except sqlite3.DatabaseError as exc:
                bad.append(f"FTS index out of step with agenda_items: {exc}")
        for sql, what in (
            (
                (
                    "select count(*) from agenda_items i left join documents d on d.id = "
                    "i.document_id where d.id is null"
                ),
                "agenda items without their document",
            ),
            (
                (
                    "select count(*) from documents d left join meetings m on m.id = "
                    "d.meeting_id where m.id is null"
                ),
                "documents without their meeting",
            ),
            *(
                (
                    (
                        f"select count(*) from [{t}] f left join documents d on d.id = "
                        "f.document_id where d.id is null"
                    ),
                    f"{t} without their document",
                )
                for t in FACT_TABLES
            ),
            *(
                (
                    (
                        f"select count(*) from [{t}] f left join agenda_items i on i.id = f.item_id "
                        "where f.item_id is not null and i.id is null"
                    ),
                    f"{t} without their agenda item",
                )
                for t in FACT_TABLES
            ),
            (
                "select count(*) from (select id from documents group by id having count(*) > 1)",
                "duplicated documents",
            ),
            (
                (
                    "select count(*) from (select document_id, ordinal from agenda_items "
                    "group by 1, 2 having count(*) > 1)"
                ),
                "duplicated agenda items",
            ),
        ):
            n = conn.execute(sql).fetchone()[0]
            if n:
                bad.append(f"{n} {what}")
        if expected is not None:
            for doc_id, got in document_signature(conn).items():
                want = expected.get(doc_id)
                if want is None:
                    bad.append(f"document {doc_id[:12]} not in the clean run")
                elif got != want:
                    bad.append(f"document {doc_id[:12]} half-stored: {got} (items, facts...) != clean {want}")
    finally:
        conn.close()
    return bad


def document_signature(conn: sqlite3.Connection) -> dict[str, tuple[int, ...]]:
    """Per document: how many agenda items and facts of each kind it has."""
    sig: dict[str, list[int]] = {
        r[0]: [0] * (1 + len(FACT_TABLES)) for r in conn.execute("select id from documents")
    }
    for col, table in enumerate(("agenda_items", *FACT_TABLES)):
        for doc_id, n in conn.execute(f"select document_id, count(*) from [{table}] group by document_id"):
            if doc_id in sig:
                sig[doc_id][col] = n
    return {k: tuple(v) for k, v in sig.items()}


def contents(db_path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every user table's rows (volatile columns dropped), sorted: two stores
    with equal contents hold the same data."""
    conn = _connect(db_path)
    try:
        tables = [
            r[0] for r in conn.execute(
                "select name from sqlite_master where type='table' and name not like 'sqlite_%' "
                "and name not like '%_fts%' order by name"
            )
        ]
        out: dict[str, list[tuple[object, ...]]] = {}
        for t in tables:
            if t in SKIP_TABLES:
                out[t] = sorted(set(conn.execute(f"select path, stage, message from [{t}]")))
                continue
            cols = [r[1] for r in conn.execute(f"pragma table_info([{t}])") if r[1] not in VOLATILE_COLUMNS]
            col_sql = ", ".join(f"[{c}]" for c in cols)
            rows = conn.execute(f"select {col_sql} from [{t}]").fetchall()
            out[t] = sorted(rows, key=repr)
        return out
    finally:
        conn.close()


def counts(snapshot: dict[str, list[tuple[object, ...]]]) -> dict[str, int]:
    return {t: len(rows) for t, rows in snapshot.items()}


def diff_contents(
    a: dict[str, list[tuple[object, ...]]], b: dict[str, list[tuple[object, ...]]]
) -> list[str]:
    out = []
    for t in sorted(set(a) | set(b)):
        ra, rb = a.get(t, []), b.get(t, [])
        if ra != rb:
            out.append(
                f"{t}: {len(ra)} rows vs {len(rb)} rows"
                + (" (same count, different rows)" if len(ra) == len(rb) else "")
            )
    return out


# ---------------------------------------------------------------- running the CLI


def snapshot_code(dest: Path) -> Path:
    """Freeze the code under test: copy pipeline/, extractors/ and config.yaml
    to ``dest`` and put it first on PYTHONPATH for every CLI run."""
    global CODE_ROOT
    for name in ("pipeline", "extractors"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(ROOT / "config.yaml", dest / "config.yaml")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(dest), os.environ.get("PYTHONPATH")]))
    CODE_ROOT = dest
    return dest


def minutes_command() -> list[str]:
    """The real console script beside this interpreter, else the module entry."""
    script = Path(sys.executable).parent / "minutes"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from pipeline.cli import main; main()"]


class Run:
    """One `minutes` process, started by fork or as a subprocess."""

    def __init__(self, argv: list[str], *, mode: str, log: Path) -> None:
        self.mode, self.log = mode, log
        self.started = time.monotonic()
        if mode == "subprocess":
            with open(log, "wb") as out:
                self.proc: subprocess.Popen[bytes] | None = subprocess.Popen(
                    [*minutes_command(), *argv], stdout=out, stderr=subprocess.STDOUT, cwd=CODE_ROOT,
                    stdin=subprocess.DEVNULL,
                )
            self.pid = self.proc.pid
        else:
            self.proc = None
            self.pid = _fork_cli(argv, log)
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is not None:
            return self.returncode
        if self.proc is not None:
            self.returncode = self.proc.poll()
        else:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float) -> int:
        deadline = time.monotonic() + timeout
        while self.poll() is None:
            if time.monotonic() > deadline:
                self.kill()
                raise TimeoutError(f"minutes did not finish within {timeout:.0f}s; log: {self.log}")
            time.sleep(0.02)
        assert self.returncode is not None
        return self.returncode

    def kill(self) -> bool:
        """SIGKILL; False if it had already exited."""
        if self.poll() is not None:
            return False
        os.kill(self.pid, signal.SIGKILL)
        if self.proc is not None:
            self.proc.wait()
        else:
            os.waitpid(self.pid, 0)
        self.returncode = -signal.SIGKILL
        return True

    @property
    def output(self) -> str:
        return self.log.read_text(errors="replace")


def _fork_cli(argv: list[str], log: Path) -> int:
    pid = os.fork()
    if pid:
        return pid
    code = 70
    try:  # the child: the CLI entry point, output to the log, never back into the caller's code
        fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        # pytest (or any caller) may have swapped sys.stdout for a capture object.
        sys.stdout = open(1, "w", closefd=False, encoding="utf-8", errors="replace")  # noqa: SIM115 - kept open
        sys.stderr = open(2, "w", closefd=False, encoding="utf-8", errors="replace")  # noqa: SIM115 - kept open
        os.chdir(ROOT)
        from pipeline.cli import main

        main.main(args=argv, prog_name="minutes", standalone_mode=True)
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # noqa: BLE001 - report and leave
        import traceback

        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def prewarm() -> None:
    """Fork mode: load the config and spaCy pipeline once, so children inherit them."""
    from pipeline.run.process import process_file

    process_file(str(min((ROOT / "corpus").glob("*.txt"))))


# ---------------------------------------------------------------- the experiment


@dataclass
class Report:
    kills: int = 0
    missed: int = 0  # the run finished before the kill landed
    reruns: int = 0
    failures: list[str] = field(default_factory=list)
    landed: Counter[str] = field(default_factory=Counter)  # where kills left the store

    def line(self) -> str:
        where = ", ".join(f"{k}: {v}" for k, v in sorted(self.landed.items()))
        return (f"{self.kills} kills survived ({where}); {self.reruns} reruns completed; "
                f"{len(self.failures)} failures")


def ingest_argv(corpus: Path, db: Path, workers: int) -> list[str]:
    return ["ingest", str(corpus), "--db", str(db), "--workers", str(workers), "--quiet"]


@dataclass
class Clean:
    contents: dict[str, list[tuple[object, ...]]]
    signature: dict[str, tuple[int, ...]]
    took: float
    appeared: float
    returncode: int


def clean_run(corpus: Path, work: Path, *, mode: str, workers: int, timeout: float) -> Clean:
    """Ingest once, untouched: the reference contents, the per-document
    signature, exit code, how long it took and when the store file appeared."""
    db = work / "clean.db"
    run = Run(ingest_argv(corpus, db, workers), mode=mode, log=work / "clean.log")
    appeared = None
    deadline = time.monotonic() + timeout
    while run.poll() is None:
        if appeared is None and db.exists():
            appeared = time.monotonic() - run.started
        if time.monotonic() > deadline:
            run.kill()
            raise TimeoutError(f"clean run did not finish within {timeout:.0f}s")
        time.sleep(0.01)
    took = time.monotonic() - run.started
    if run.returncode not in (0, 1):
        raise RuntimeError(f"clean run exited {run.returncode}:\n{run.output[-2000:]}")
    conn = _connect(db)
    try:
        signature = document_signature(conn)
    finally:
        conn.close()
    return Clean(contents(db), signature, took, appeared if appeared is not None else 0.0, run.returncode)


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
    clean = clean_run(corpus, work, mode=mode, workers=workers, timeout=timeout)
    reference, signature, took, appeared = clean.contents, clean.signature, clean.took, clean.appeared
    report = Report()
    cycle = 0
    while report.kills < kills:
        cycle += 1
        if cycle > kills * 3:
            report.failures.append(f"only {report.kills} of {kills} kills landed in {cycle - 1} cycles")
            break
        db = work / f"crash-{cycle}.db"
        run = Run(ingest_argv(corpus, db, workers), mode=mode, log=work / f"crash-{cycle}.log")
        delay = rng.uniform(appeared * 0.8, took)
        while run.poll() is None and time.monotonic() - run.started < delay:
            time.sleep(0.005)
        if not run.kill():
            report.missed += 1
            _remove(db)
            continue
        report.kills += 1
        problems = check_store(db, signature)
        stored = _count_documents(db)
        report.landed[
            "no store yet"
            if stored is None
            else "nothing stored"
            if stored == 0
            else "all documents stored"
            if stored == len(signature)
            else "some documents stored"
        ] += 1
        rerun = Run(ingest_argv(corpus, db, workers), mode=mode, log=work / f"rerun-{cycle}.log")
        rc = rerun.wait(timeout)
        report.reruns += 1
        if rc != clean.returncode:
            problems.append(f"rerun exited {rc} (clean run: {clean.returncode}): {rerun.output[-500:]}")
        problems += check_store(db, signature)
        differences = diff_contents(contents(db), reference)
        problems += [f"after rerun, {d} (clean run)" for d in differences]
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


def _count_documents(db: Path) -> int | None:
    if not db.exists():
        return None
    conn = _connect(db)
    try:
        return conn.execute("select count(*) from documents").fetchone()[0]
    except sqlite3.OperationalError:
        return None  # the schema was never committed
    finally:
        conn.close()


def _remove(db: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.crash_test", description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50, help="SIGKILLs to land (default 50).")
    parser.add_argument("--mode", choices=["subprocess", "fork"], default="subprocess")
    parser.add_argument("--corpus", choices=["small", "full"], default="full",
                        help="small: seeds + 4 pages + 2 XML; full: also every page, XML and PDF (default).")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument(
        "--live-code",
        action="store_true",
        help="Run the checkout's code as it is edited (default: a frozen copy, subprocess mode).",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="crash-test-") as tmp:
        work = Path(tmp)
        if args.mode == "subprocess" and not args.live_code:
            snapshot_code(work / "code")
        corpus = build_corpus(work / "corpus with spaces", size=args.corpus)
        n = len(list(corpus.iterdir()))
        print(f"corpus: {n} files; mode {args.mode}; workers {args.workers}; seed {args.seed}", flush=True)
        report = crash_cycles(corpus, work, kills=args.kills, mode=args.mode, workers=args.workers,
                              seed=args.seed, progress=True)
    print(report.line())
    for f in report.failures:
        print("FAIL", f)
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
