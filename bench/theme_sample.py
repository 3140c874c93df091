"""Draw the sample of themed facts that theme precision is judged on by hand.

Run ``python -m bench.theme_sample --db STORE [--n 100] [--seed 17]`` on a
store ingested from ../shared/corpus and ../shared/dev2 (for example
``minutes ingest ../shared/corpus ../shared/dev2 --db output/themes.db``). It
takes every action and resolution that has a theme, keeps one of facts with
the same words and themes (the same minutes stored as text and as PDF), draws
``--n`` with a fixed seed, and prints each with its themes, its agenda item's
title and the cue that gave each theme (in the sentence, or in the title), so
a person can judge each theme right or wrong. Nothing is written anywhere.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
from bisect import bisect_left, bisect_right
from typing import Any

from extractors.themes import KEY, TITLE_KEY, ThemeIndex, title_span
from pipeline.config import load_config
from pipeline.extract.nlp import nlp_for_config


def themed_facts(db: sqlite3.Connection) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for kind in ("actions", "resolutions"):
        for r in db.execute(
            f"select '{kind}' as kind, f.id, f.document_id, f.item_id, f.start_char, "
            "f.end_char, f.text, f.themes,"
            f" i.title from {kind} f left join agenda_items i on i.id = f.item_id"
            " where f.themes != '[]' order by f.id"
        ):
            row = dict(r)
            key = (" ".join(row["text"].split()), row["themes"])
            if key not in seen:
                seen.add(key)
                rows.append(row)
    return rows


def cues(db: sqlite3.Connection, nlp: Any, cache: dict[str, Any], fact: dict[str, Any]) -> dict[str, Any]:
    """The sentence window the fact was themed from and the phrases found in it and in the title."""
    doc_id = fact["document_id"]
    if doc_id not in cache:
        (text,) = db.execute("select text from documents where id = ?", [doc_id]).fetchone()
        sdoc = nlp.make_doc(text)
        sdoc.user_data["minutes_text"] = text
        sdoc = nlp(sdoc)
        cache[doc_id] = (text, sdoc, ThemeIndex(sdoc))
    text, sdoc, index = cache[doc_id]
    starts = index._sentences
    i = bisect_right(starts, fact["start_char"]) - 1
    j = bisect_left(starts, max(fact["end_char"], fact["start_char"] + 1))
    s = max(starts[i] if i >= 0 else 0, fact["start_char"] - 300)
    e = min(starts[j] if j < len(starts) else len(text), fact["end_char"] + 300)
    own = sorted({(sp.text, sp.label_) for sp in sdoc.spans[KEY] if sp.end_char > s and sp.start_char < e})
    in_title: list[tuple[str, str]] = []
    if fact["item_id"]:
        item = db.execute(
            "select start_char, end_char, title from agenda_items where id = ?", [fact["item_id"]]
        ).fetchone()
        span = title_span(text, item[0], item[1], item[2]) if item else None
        if span:
            in_title = sorted({(sp.text, sp.label_) for sp in sdoc.spans[TITLE_KEY]
                               if sp.end_char > span[0] and sp.start_char < span[1]})
    return {"sentence": " ".join(text[s:e].split()), "in_sentence": own, "in_title": in_title}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--json", action="store_true", help="One JSON object per fact.")
    parser.add_argument(
        "--exclude",
        metavar="FILE",
        help="Leave out the facts whose ids (one a line, or the ids of a --json output) are in FILE, "
        "e.g. an earlier sample, to judge a fresh one.",
    )
    args = parser.parse_args()
    db = sqlite3.connect(args.db)
    db.row_factory = sqlite3.Row
    facts = themed_facts(db)
    if args.exclude:
        with open(args.exclude, encoding="utf-8") as f:
            lines = [line.strip() for line in f if line.strip() and not line.startswith("#")]
        ids = {json.loads(line)["id"] if line.startswith("{") else line for line in lines}
        facts = [f for f in facts if f["id"] not in ids]
    sample = random.Random(args.seed).sample(facts, min(args.n, len(facts)))
    nlp = nlp_for_config(load_config())
    cache: dict[str, Any] = {}
    left_out = " (after --exclude)" if args.exclude else ""
    print(
        f"# {len(facts)} distinct themed actions and resolutions{left_out}; "
        f"sample of {len(sample)}, seed {args.seed}"
    )
    for n, fact in enumerate(sample, 1):
        found = {**fact, "themes": json.loads(fact["themes"]), **cues(db, nlp, cache, fact)}
        if args.json:
            print(json.dumps({"n": n, **found}, ensure_ascii=False))
            continue
        print(f"\n[{n}] {fact['kind'][:-1]} {fact['id'][:8]}  themes: {', '.join(found['themes'])}")
        print(f"  title:    {fact['title']}")
        print(f"  fact:     {' '.join(fact['text'].split())}")
        print(f"  sentence: {found['sentence']}")
        print(f"  cues:     sentence {found['in_sentence']}  title {found['in_title']}")


if __name__ == "__main__":
    main()
