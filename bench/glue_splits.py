"""List every split text repair makes in real documents, to judge its precision by hand.

    python -m bench.glue_splits ../shared/corpus ../shared/dev2 [--sample 200] [--seed 1]

Prints one line per distinct split: how often it was made, the token as
loaded, the token as repaired, and the file. Splits are the cleaner's own
(each document judged with its own glue context, as ``clean`` does); spaces
put in after punctuation ("2024,the") are listed too. With ``--sample N`` a
random sample of N split occurrences is listed instead of all of them.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

from pipeline.clean.glue_policy import context_of
from pipeline.clean.textrepair import repair_token
from pipeline.config import CleanConfig
from pipeline.errors import MinutesError
from pipeline.load import load, skip_reason


def splits(paths: list[Path]) -> Counter[tuple[str, str, str]]:
    """(token, repaired, file name) -> times made."""
    config = CleanConfig()
    found: Counter[tuple[str, str, str]] = Counter()
    files = [p for root in paths for p in ([root] if root.is_file() else sorted(root.rglob("*")))]
    for path in files:
        if not path.is_file() or skip_reason(path) is not None:
            continue
        try:
            doc = load(path)
        except MinutesError:
            continue
        context = context_of((b.text for b in doc.blocks), config.min_part_zipf)
        for block in doc.blocks:
            for token in block.text.split():
                fixed = repair_token(token, False, config.fix_mojibake, True, config.min_part_zipf, context)[
                    0
                ]
                if fixed != token and fixed.replace(" ", "") == token.replace(" ", ""):
                    found[(token, fixed, path.name)] += 1
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.glue_splits", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--sample", type=int, help="list a random sample of this many split occurrences")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    found = splits(args.paths)
    rows = sorted(found.items(), key=lambda kv: (kv[0][2], kv[0][0]))
    if args.sample is not None:
        occurrences = [key for key, n in rows for _ in range(n)]
        picked = Counter(random.Random(args.seed).sample(occurrences, min(args.sample, len(occurrences))))
        rows = sorted(picked.items(), key=lambda kv: (kv[0][2], kv[0][0]))
    for (token, fixed, name), n in rows:
        sys.stdout.write(f"{n}\t{token}\t{fixed}\t{name}\n")
    sys.stdout.write(
        f"# {sum(found.values())} splits ({len(found)} distinct) in {len(args.paths)} folder(s)\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
