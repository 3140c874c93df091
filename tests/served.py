"""Start the real `minutes serve` on a free loopback port for a test, and stop it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def minutes_command() -> list[str]:
    minutes = Path(sys.executable).with_name("minutes")
    return [str(minutes)] if minutes.exists() else [sys.executable, "-m", "pipeline.cli"]


def wait_until_up(url: str, proc: subprocess.Popen, log: Path, *, attempts: int = 300) -> None:
    """Poll until the server answers (a start-up guard, not a timing assertion:
    a dead server fails at once with its own output)."""
    for _ in range(attempts):
        if proc.poll() is not None:
            pytest.fail(f"minutes serve exited with {proc.returncode}: {log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"minutes serve never answered at {url}")


@contextmanager
def served(db_path: Path) -> Iterator[str]:
    """`minutes serve --db db_path` on 127.0.0.1; yields its base URL."""
    port = free_port()
    log = db_path.with_name(f"{db_path.stem}-serve.log")
    # Output goes to a file: a pipe nobody reads fills up and stalls the server.
    with log.open("w") as out:
        proc = subprocess.Popen(
            [*minutes_command(), "serve", "--db", str(db_path), "--port", str(port)],
            stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_up(url + "/-/versions.json", proc, log)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
