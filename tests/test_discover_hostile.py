"""Walking the folders given to `minutes ingest`: unreadable folders, links out
of the folder, FIFOs and names with control characters are each one line and
exit 1; the rest of the folder is stored."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import store
from pipeline.run import DISCOVER_SUFFIXES
from pipeline.run.walk import Skipped, walk

MINUTES = """Borough Council
Planning Committee
Minutes of the meeting held on 9 January 2025

1. Apologies for absence
Apologies were received from Councillor Ashdown.

2. Land at Mill Lane
RESOLVED: That the application be approved subject to conditions.
"""
ROOT = Path(__file__).resolve().parent.parent
OUTSIDE_FILE = Path("/etc/hostname") if Path("/etc/hostname").is_file() else Path("/etc/passwd")


def minutes_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("minutes")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "pipeline.cli"]


def ingest(*paths: Path, db: Path, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    """The real command in a child, with a bound: a hang fails instead of stalling the suite."""
    return subprocess.run(
        [*prefix, *minutes_cmd(), "ingest", *map(str, paths), "--db", str(db), "--workers", "1", "--json"],
        check=False, capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "minutes"
    root.mkdir()
    (root / "planning-2025-01-09.txt").write_text(MINUTES, encoding="utf-8")
    return root


def test_walk_reports_links_out_fifos_and_takes_links_in(folder: Path, tmp_path: Path) -> None:
    (folder / "sub").mkdir()
    (folder / "sub" / "inner.txt").write_text(MINUTES.replace("Mill Lane", "Kiln Road"), encoding="utf-8")
    (folder / "passwd.txt").symlink_to(OUTSIDE_FILE)
    (folder / "etc").symlink_to("/etc", target_is_directory=True)
    (folder / "alias.txt").symlink_to(folder / "sub" / "inner.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "notes.sock").write_text("ignored: not a minutes suffix")
    found = list(walk([folder], DISCOVER_SUFFIXES))
    files = sorted(p.name for p in found if isinstance(p, Path))
    skipped = {Path(s.path).name: s.reason for s in found if isinstance(s, Skipped)}
    assert files == ["alias.txt", "inner.txt", "planning-2025-01-09.txt"]
    assert set(skipped) == {"passwd.txt", "etc", "pipe.txt"}
    assert "outside" in skipped["passwd.txt"] and "not followed" in skipped["passwd.txt"]
    assert "FIFO" in skipped["pipe.txt"]


def test_a_fifo_named_directly_is_skipped(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.pdf")
    (found,) = list(walk([tmp_path / "pipe.pdf"], DISCOVER_SUFFIXES))
    assert isinstance(found, Skipped) and "FIFO" in found.reason


def test_ingest_skips_fifo_and_link_out_with_one_line_each(folder: Path, tmp_path: Path) -> None:
    os.mkfifo(folder / "pipe.pdf")
    (folder / "system.txt").symlink_to(OUTSIDE_FILE)
    db = tmp_path / "m.db"
    result = ingest(folder, db=db)
    assert result.returncode == 1, result.stderr
    lines = error_lines(result.stderr)
    assert len(lines) == 2
    assert any("pipe.pdf" in line and "FIFO" in line for line in lines)
    assert any("system.txt" in line and "outside" in line for line in lines)
    summary = json.loads(result.stdout)
    assert summary["new"] == 1 and summary["failed"] == 2
    paths = [r["path"] for r in store.connect(db)["documents"].rows]
    assert paths == [str(folder / "planning-2025-01-09.txt")]
    assert {r["stage"] for r in store.connect(db)["problems"].rows} == {"discover"}


def test_a_fifo_named_on_the_command_line_does_not_hang_the_run(folder: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = ingest(fifo, folder, db=tmp_path / "m.db")
    assert result.returncode == 1
    (line,) = error_lines(result.stderr)
    assert "pipe.txt" in line and "FIFO" in line
    assert json.loads(result.stdout)["new"] == 1


def test_a_newline_in_a_file_name_cannot_forge_an_error_line(folder: Path, tmp_path: Path) -> None:
    (folder / "bad\nerror: forged.txt").write_bytes(b"")
    result = ingest(folder, db=tmp_path / "m.db")
    assert result.returncode == 1
    lines = error_lines(result.stderr)
    assert len(lines) == 1
    assert "bad\\nerror: forged.txt" in lines[0]


def _unreadable_prefix() -> tuple[str, ...]:
    """Root reads any folder: drop the capabilities that let it, for the child."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if not setpriv:
        pytest.skip("running as root without setpriv: cannot make a folder unreadable")
    return (
        setpriv,
        "--bounding-set",
        "-dac_override,-dac_read_search",
        "--inh-caps",
        "-dac_override,-dac_read_search",
    )


def test_an_unreadable_folder_is_one_line_and_exit_1(folder: Path, tmp_path: Path) -> None:
    locked = folder / "locked"
    locked.mkdir()
    (locked / "hidden-minutes.txt").write_text(MINUTES, encoding="utf-8")
    locked.chmod(0)
    try:
        result = ingest(folder, db=tmp_path / "m.db", prefix=_unreadable_prefix())
    finally:
        locked.chmod(0o755)
    if result.returncode != 1 and "Operation not permitted" in result.stderr:
        pytest.skip(f"cannot drop capabilities here: {result.stderr.strip()}")
    assert result.returncode == 1, result.stderr
    lines = error_lines(result.stderr)
    assert len(lines) == 1 and "locked" in lines[0] and "cannot read this folder" in lines[0]
    assert json.loads(result.stdout)["new"] == 1
