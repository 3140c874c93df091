"""Time text repair of long letter runs: glued-word splitting must be linear in the input.

A run of letters with no space (a table flattened without separators, a
base64 blob pasted into a page) once took 54 s at 20,000 letters because every
cut of the run was looked up as a word. Each shape is timed at 2k, 20k and
200k letters, plus a text of ordinary glued tokens of the same length:

    python -m bench.bench_glue [--sizes 2000 20000 200000] [--json]

Each figure is the time of the first repair (caches cleared), in seconds, and
the time per 1,000 letters, which stays flat when repair is linear.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable

from pipeline.clean import glue
from pipeline.clean.textrepair import _repair_chars, repair_text
from pipeline.text.words import zipf

WORDS = [
    "council",
    "agreed",
    "the",
    "planning",
    "meeting",
    "february",
    "resolved",
    "report",
    "budget",
    "members",
]


def _lower(n: int, rng: random.Random) -> str:
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(n))


def _camel(n: int, rng: random.Random) -> str:
    out: list[str] = []
    while sum(map(len, out)) < n:
        out.append(rng.choice(WORDS).title())
    return "".join(out)[:n]


def _glued_words(n: int, rng: random.Random) -> str:
    out: list[str] = []
    while sum(map(len, out)) < n:
        out.append(rng.choice(WORDS))
    return "".join(out)[:n]


def _glued_text(n: int, rng: random.Random) -> str:
    """Ordinary text in which every other pair of words is glued ("andagreed inFebruary")."""
    out: list[str] = []
    size = 0
    while size < n:
        word = rng.choice(WORDS) + rng.choice(["", " "]) + rng.choice(WORDS).title()
        out.append(word)
        size += len(word) + 1
    return " ".join(out)


SHAPES: dict[str, Callable[[int, random.Random], str]] = {
    "lower-case run": _lower,
    "camel-case run": _camel,
    "glued-word run": _glued_words,
    "glued text": _glued_text,
}


def _clear_caches() -> None:
    for cached in (glue.split_candidates, _repair_chars, zipf):
        cached.cache_clear()


def time_repair(text: str) -> float:
    _clear_caches()
    start = time.perf_counter()
    repair_text(text)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_glue", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2_000, 20_000, 200_000])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rng = random.Random(12)
    repair_text("warm up the word list inFebruary")  # loading wordfreq is not repair time
    rows = []
    for shape, make in SHAPES.items():
        for size in args.sizes:
            seconds = time_repair(make(size, rng))
            rows.append(
                {
                    "shape": shape,
                    "letters": size,
                    "seconds": round(seconds, 4),
                    "ms_per_1k": round(1000 * seconds / size * 1000, 3),
                }
            )
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(f"{'shape':<16} {'letters':>9} {'seconds':>9} {'ms/1k letters':>14}")
    for row in rows:
        print(f"{row['shape']:<16} {row['letters']:>9,} {row['seconds']:>9.4f} {row['ms_per_1k']:>14.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
