"""Benchmark link(): N synthetic actions across many committees, with a
proportionate number of later meetings, items and evidence sentences.

Prints the time for 10k and 100k actions and their ratio; blocking keeps the
work linear, so the ratio should stay near 10 (quadratic would be ~100).

    .venv/bin/python bench/bench_link.py [--sizes 10000 100000]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline import store
from pipeline.config import load_config
from pipeline.link import link

TOPICS = ("CCTV cameras", "information packs", "fly tipping", "graffiti", "shoplifting", "street lighting",
          "parking enforcement", "PSPO consultation", "youth provision", "hate crime reporting",
          "domestic abuse refuge", "knife crime", "drug dealing", "speed cameras", "park patrols")
PLACES = (
    "Batchley",
    "Winyates",
    "Rubery",
    "Sidemoor",
    "Charford",
    "Headless Cross",
    "Matchborough",
    "Lodge Park",
)
VERDICTS = (
    "had been circulated to Members",
    "remained outstanding",
    "an update was provided",
    "had been completed",
)
MEETINGS_PER_COMMITTEE, ACTIONS_PER_MEETING = 10, 5


def build(db_path: Path, n_actions: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    db = store.connect(db_path)
    committees = max(1, n_actions // (MEETINGS_PER_COMMITTEE * ACTIONS_PER_MEETING))
    meetings, docs, items, actions = [], [], [], []
    for c in range(committees):
        for m in range(MEETINGS_PER_COMMITTEE):
            mid, did = f"m{c}-{m}", f"d{c}-{m}"
            meetings.append((mid, f"Council {c % 50}", f"Committee {c}", f"20{10 + m:02d}-0{1 + c % 9}-15"))
            lines, acts = [], []
            for k in range(ACTIONS_PER_MEETING):
                topic, place = rnd.choice(TOPICS), rnd.choice(PLACES)
                lines.append(f"It was agreed that officers would report on {topic} in {place} to Members.")
                acts.append(lines[-1][19:-1])
            if m:  # later meetings report back on some earlier actions
                for _ in range(ACTIONS_PER_MEETING):
                    lines.append(
                        f"Matters arising: {rnd.choice(TOPICS)} in {rnd.choice(PLACES)} "
                        f"{rnd.choice(VERDICTS)}."
                    )
            text = "\n".join(lines)
            docs.append((did, f"bench/{did}.txt", mid, text))
            items.append(
                (
                    f"{did}-000",
                    mid,
                    did,
                    0,
                    "Matters arising" if m else "Community safety",
                    text,
                    0,
                    len(text),
                )
            )
            for a in acts:
                s = text.index(a)
                actions.append(
                    (store.action_id(did, a), did, mid, f"{did}-000", s, s + len(a), a, a, s, "open")
                )
    with store.transaction(db):
        db.conn.executemany("insert into meetings (id, council, committee, date) values (?,?,?,?)", meetings)
        db.conn.executemany("insert into documents (id, path, meeting_id, text) values (?,?,?,?)", docs)
        db.conn.executemany(
            "insert into agenda_items (id, meeting_id, document_id, ordinal, title, text, start_char,"
            " end_char) values (?,?,?,?,?,?,?,?)",
            items,
        )
        db.conn.executemany(
            "insert or ignore into actions (id, document_id, meeting_id, item_id, start_char, end_char,"
            " text, context, context_start, status) values (?,?,?,?,?,?,?,?,?,?)",
            actions,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--json", action="store_true", help="print {actions: seconds} as JSON only")
    args = parser.parse_args()
    config = load_config().link
    times = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            path = Path(tmp) / f"bench{n}.db"
            build(path, n)
            db = store.connect(path)
            started = time.perf_counter()
            summary = link(db, config=config)
            times[n] = time.perf_counter() - started
            if args.json:
                continue
            print(f"{n:>7,} actions: link {times[n]:6.2f}s  ({summary.evidence:,} evidence rows, "
                  f"statuses {dict(sorted(summary.status_counts.items()))})")
    if args.json:
        print(json.dumps(times))
    elif len(times) >= 2:
        (a, ta), (b, tb) = min(times.items()), max(times.items())
        print(
            f"ratio {b // a}x actions -> {tb / ta:.1f}x time (linear ~{b // a}, quadratic ~{(b // a) ** 2})"
        )


if __name__ == "__main__":
    main()
