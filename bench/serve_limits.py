"""`python -m bench.serve_limits [--code DIR]`: hostile read-only SQL against a
real `minutes serve`, with the server's peak RSS for each query.

Builds the small test store, starts the server (from ``--code``, default this
checkout, so an older checkout can be measured the same way), sends each query
once as JSON and samples the server's memory every 10 ms until it answers.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024

QUERIES = {
    "zeroblob 200 MB": "select zeroblob(200000000) as v",
    "one 20 MB string": (
        "select replace(hex(cast(printf('%.*c', 1000000, 'x') as blob)), '7', '7777777777') as v"
    ),
    "200 rows of 1 MB": (
        "with recursive r(n) as (select 1 union all select n + 1 from r where n < 200) "
        "select printf('%.*c', 1000000, 'x') as v from r"
    ),
    "one row, 60 columns of 3 MB": "select "
    + ", ".join(f"printf('%.*c', 3000000, 'x') as c{i}" for i in range(60)),
    "endless recursion": (
        "with recursive r(n) as (select 1 union all select n + 1 from r) select count(*) from r"
    ),
}


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def measure(url: str, proc: psutil.Process, query: str) -> tuple[int, float, int, str]:
    """(HTTP status, seconds, peak RSS above the idle server, first words of the answer)."""
    idle = proc.memory_info().rss
    peak = idle
    answer: dict[str, Any] = {}

    def fetch() -> None:
        full = url + "/minutes.json?" + urllib.parse.urlencode({"sql": query, "_shape": "array"})
        try:
            with urllib.request.urlopen(full, timeout=300) as response:
                answer["status"], answer["body"] = response.status, response.read(200)
        except urllib.error.HTTPError as exc:
            answer["status"], answer["body"] = exc.code, exc.read(400)
        except OSError as exc:
            answer["status"], answer["body"] = 0, str(exc).encode()

    started = time.perf_counter()
    worker = threading.Thread(target=fetch)
    worker.start()
    while worker.is_alive():
        try:
            peak = max(peak, proc.memory_info().rss)
        except psutil.Error:
            break
        time.sleep(0.01)
    seconds = time.perf_counter() - started
    body = bytes(answer.get("body", b"")).decode("utf-8", "replace")
    words = " ".join(body.split())
    marker = words.find('"error"')
    return (
        int(answer.get("status", 0)),
        seconds,
        peak - idle,
        words[marker : marker + 80] if marker >= 0 else words[:60],
    )


@contextmanager
def serving(code: Path, db: Path) -> Iterator[tuple[str, psutil.Process]]:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(code.resolve())}
    with (db.parent / "serve.log").open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "pipeline.cli", "serve", "--db", str(db), "--port", str(port)],
            cwd=code, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                urllib.request.urlopen(url + "/-/versions.json", timeout=5).close()
                break
            except OSError:
                time.sleep(0.2)
        yield url, psutil.Process(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.serve_limits", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--code", type=Path, default=ROOT, help="Checkout whose `minutes serve` runs (default: this one)."
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "tests"))
    import query_fixtures as fx

    with tempfile.TemporaryDirectory(prefix="minutes-serve-bench-") as tmp:
        db = Path(tmp) / "minutes.db"
        fx.build(db).conn.close()
        print(f"code={args.code.resolve()} (a fresh server for each query)")
        print(f"{'query':<30} {'status':>6} {'seconds':>8} {'peak RSS +MB':>13}  answer")
        for name, query in QUERIES.items():
            with serving(args.code, db) as (url, proc):
                status, seconds, grown, words = measure(url, proc, query)
            print(f"{name:<30} {status:>6} {seconds:>8.2f} {grown / MB:>13,.0f}  {words}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
