"""Workers: a worker that dies or overruns costs one document, never the batch;
results are stored as they finish; workers die with their parent.

The documents are invented: a long set of minutes (slow to extract from) and a
PDF whose one page inflates to hundreds of megabytes (a decompression bomb).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SEED_TEXTS

from pipeline import store
from pipeline.config import Config, load_config
from pipeline.run import ingest
from pipeline.run.pool import Limits, Lost, WorkerPool

LINUX = sys.platform.startswith("linux")


def long_minutes(path: Path, items: int) -> Path:
    """Invented minutes with ``items`` agenda items: seconds of extraction."""
    paras = [
        f"{i + 1}. Community safety plan, part {i}\n\nThe Panel considered the "
        "report of the Community Safety "
        f"Manager. Members asked about the redeployable cameras in ward {i} and "
        "it was agreed that officers would "
        f"provide the locations to Members by the next meeting. RESOLVED that the report be noted and that "
        f"£{i * 1000:,} be allocated to the Safer Streets Fund."
        for i in range(items)
    ]
    path.write_text("Minutes\n\n" + "\n\n".join(paras), encoding="utf-8")
    return path


def bomb_pdf(path: Path, megabytes: int) -> Path:
    """A valid one-page PDF whose content stream inflates to ``megabytes`` MB."""
    z = zlib.compressobj(9)
    chunk = b"0 0 m 1 1 l S\n" * (1024 * 1024 // 14)
    data = b"".join([z.compress(chunk) for _ in range(megabytes)] + [z.flush()])
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(
        b"%010d 00000 n \n" % o for o in offsets
    )
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def config_with(tmp_path: Path, **ingest_keys: object) -> Config:
    """The packaged defaults with these ``ingest:`` limits, read as a user's file."""
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump({"ingest": ingest_keys}), encoding="utf-8")
    return load_config(path)


def vm_mb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) // 1024
    raise AssertionError("no VmSize")


@pytest.fixture
def folder(seed_folder: Path) -> Path:
    return seed_folder


def _problems(db) -> dict[str, tuple[str, str]]:
    return {Path(r["path"]).name: (r["stage"], r["message"]) for r in db["problems"].rows}


def test_a_worker_killed_mid_document_is_one_problem_and_the_batch_goes_on(folder, tmp_path):
    slow = long_minutes(folder / "000_a_long.txt", 2000)  # sorts second: the worker's next task
    db = store.connect(tmp_path / "m.db")
    outcomes: list[tuple[str, str]] = []

    def progress(path: str, outcome: str) -> None:
        outcomes.append((Path(path).name, outcome))
        if len(outcomes) == 1:  # the worker is now reading the long minutes: the OOM killer strikes
            (worker,) = multiprocessing.active_children()
            os.kill(worker.pid, signal.SIGKILL)

    summary = ingest([folder], db=db, workers=1, isolate=True, on_progress=progress)
    assert (summary.new, summary.failed) == (len(SEED_TEXTS), 1)
    stage, message = _problems(db)[slow.name]
    assert stage == "worker" and "killed" in message and "out of memory?" in message
    assert summary.failures[0].path == str(slow)
    assert db["documents"].count == len(SEED_TEXTS)


def test_a_document_over_the_time_limit_is_stopped_and_the_rest_stored(folder, tmp_path):
    slow = long_minutes(folder / "002_long.txt", 4000)
    db = store.connect(tmp_path / "m.db")
    summary = ingest([folder], db=db, workers=1, isolate=True,
                     config=config_with(tmp_path, max_seconds_per_document=3))
    assert (summary.new, summary.failed) == (len(SEED_TEXTS), 1)
    stage, message = _problems(db)[slow.name]
    assert stage == "worker" and "longer than 3 s" in message and "max_seconds_per_document" in message


@pytest.mark.skipif(not LINUX, reason="reads /proc/self/status")
def test_a_pdf_that_inflates_past_the_memory_ceiling_fails_alone(folder, tmp_path):
    bomb = bomb_pdf(folder / "001_bomb.pdf", 400)
    db = store.connect(tmp_path / "m.db")
    # The ceiling is on address space: leave the worker room for itself, not for 400 MB more.
    summary = ingest([folder], db=db, workers=1, isolate=True,
                     config=config_with(tmp_path, max_memory_mb=vm_mb() + 250))
    assert (summary.new, summary.failed) == (len(SEED_TEXTS), 1)
    _stage, message = _problems(db)[bomb.name]
    assert "memory" in message, message


def test_results_are_stored_as_they_finish(folder, tmp_path):
    long_minutes(folder / "000_a_long.txt", 2000)  # second in line, and far slower than the rest
    db = store.connect(tmp_path / "m.db")
    order: list[str] = []
    ingest([folder], db=db, workers=2, isolate=True, on_progress=lambda p, o: order.append(Path(p).name))
    assert len(order) == len(SEED_TEXTS) + 1
    assert order[-1] == "000_a_long.txt", order


def test_memory_error_in_a_worker_is_lost_and_the_pool_goes_on():
    with WorkerPool(1, Limits(memory_mb=vm_mb() + 200)) as pool:
        results = dict(pool.run(bytearray, [(2 * 1024**3,), (8,)]))
    assert isinstance(results[0], Lost) and "memory ceiling" in results[0].reason
    assert results[1] == bytearray(8)


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2:].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                out.append(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


@pytest.mark.skipif(not LINUX, reason="reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_workers_die_with_their_parent(folder, tmp_path, sig):
    for n in range(3):
        long_minutes(folder / f"00{n}_a_long.txt", 2000)
    minutes = Path(sys.executable).parent / "minutes"
    argv = (
        [str(minutes)]
        if minutes.exists()
        else [sys.executable, "-c", "from pipeline.cli import main; main()"]
    )
    proc = subprocess.Popen(
        [*argv, "ingest", str(folder), "--db", str(tmp_path / "m.db"), "--workers", "2", "-q"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)
            workers = _children(proc.pid)
        assert len(workers) == 2, "the ingest never started its two workers"
        os.kill(proc.pid, sig)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 15
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert [w for w in workers if _alive(w)] == []
    finally:  # leave nothing running, whatever happened
        if proc.poll() is None:
            proc.kill()
        for w in workers:
            if _alive(w):
                os.kill(w, signal.SIGKILL)
