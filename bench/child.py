"""One ingest, run as a child process so its time and memory (workers
included) are measured apart from the benchmark's own."""

from __future__ import annotations

import argparse
import json
import logging
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--executor", default="local")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)  # failures are counted, not printed
    started = time.perf_counter()
    from pipeline import store
    from pipeline.run import ingest

    db = store.connect(args.db)
    summary = ingest(args.paths, db=db, workers=args.workers, executor=args.executor)
    out = summary.as_dict()
    out["failures"] = out["failures"][:5]
    out["inner_seconds"] = time.perf_counter() - started
    print(json.dumps(out))


if __name__ == "__main__":
    main()
