"""What a user waits for at the command line: whole processes, start to exit.

Each figure is the median of a few runs of the real `minutes` console script
(``python -m pipeline.cli`` when the script is not installed), beside the
bare interpreter's start-up on the same machine in the same run.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def minutes_command() -> list[str]:
    script = Path(sys.executable).parent / "minutes"
    return [str(script)] if script.exists() else [sys.executable, "-m", "pipeline.cli"]


def _wall(cmd: list[str], *, ok: tuple[int, ...] = (0,)) -> float:
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if proc.returncode not in ok:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr[-2000:]}")
    return seconds


def python_startup_seconds(repeat: int = 5) -> float:
    """The interpreter alone (``python -c pass``): the floor under every command."""
    return statistics.median(_wall([sys.executable, "-c", "pass"]) for _ in range(repeat))


def one_document_seconds(document: Path, work: Path, repeat: int = 3) -> float:
    """`minutes ingest DOC` into a new store, default workers: process start to exit."""
    times = []
    for n in range(repeat):
        db = work / f"one-{n}.db"
        times.append(_wall([*minutes_command(), "ingest", str(document), "--db", str(db), "-q"]))
    return statistics.median(times)


def stats_seconds(db: Path, repeat: int = 5) -> float:
    """`minutes stats` on a stored corpus: process start to exit."""
    return statistics.median(_wall([*minutes_command(), "stats", "--db", str(db)]) for _ in range(repeat))


def link_seconds_by_size(sizes: list[int], work: Path) -> dict[int, float]:
    """bench/bench_link.py in a child process: seconds to link N synthetic actions."""
    cmd = [sys.executable, "-m", "bench.bench_link", "--json", "--sizes", *map(str, sizes)]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False, env=_tmp_env(work))
    if proc.returncode != 0:
        raise RuntimeError(f"bench_link failed: {proc.stderr[-2000:]}")
    return {int(k): float(v) for k, v in json.loads(proc.stdout.strip().splitlines()[-1]).items()}


def _tmp_env(work: Path) -> dict[str, str]:
    import os

    tmp = work / "tmp"
    tmp.mkdir(exist_ok=True)
    return {**os.environ, "TMPDIR": str(tmp)}


def small_document(seed_dir: Path) -> Path:
    """The smallest minutes text among the seeds (a single meeting's minutes)."""
    return min(seed_dir.glob("*.txt"), key=lambda p: p.stat().st_size)


__all__ = [
    "link_seconds_by_size", "minutes_command", "one_document_seconds", "python_startup_seconds",
    "small_document", "stats_seconds",
]
