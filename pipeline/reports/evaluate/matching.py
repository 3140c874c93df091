"""How a predicted fact matches a gold entry: the rules of ../shared/GOLD-GUIDE.md
("How gold is matched"), so that figures here and an annotator's agree.

- resolutions, actions: the prediction holds at least 70% of the gold text's
  words and at least 40% of the prediction's words are in the gold text;
- amounts: within 0.5% of ``value_gbp`` (each mention counts);
- schemes: one entry per distinct scheme per document; a close fuzzy match
  (rapidfuzz ``WRatio`` >= 85) to the predicted name or any of its surface forms;
- items: equal printed number (when gold has one) or a similar title.

Every gold entry matches at most one prediction, best pairs first.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from rapidfuzz import fuzz

from .scores import Score

GOLD_COVERAGE = 0.70  # share of the gold text's words the prediction must hold
PRED_PRECISION = 0.40  # share of the prediction's words that must be in the gold text
NAME_CUTOFF = 85.0
AMOUNT_TOLERANCE = 0.005


def norm(text: str | None) -> str:
    text = (text or "").lower().replace("’", "'")
    text = re.sub(r"[^\w£'%.,/-]+", " ", text)
    return " ".join(text.split()).strip(" .;,")


def match(
    gold: Sequence[Any], pred: Sequence[Any], similar: Callable[[Any, Any], float], cutoff: float
) -> tuple[Score, list[int], list[int]]:
    """Greedy one-to-one matching, best-scoring pairs first.

    Returns the score and the indexes of unmatched gold and predicted entries.
    """
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            s = similar(g, p)
            if s >= cutoff:
                pairs.append((s, gi, pi))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _s, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
    score = Score(tp=len(used_g), fp=len(pred) - len(used_p), fn=len(gold) - len(used_g))
    return (
        score,
        [i for i in range(len(gold)) if i not in used_g],
        [i for i in range(len(pred)) if i not in used_p],
    )


def _words(text: str | None) -> Counter[str]:
    return Counter(w.strip(".,;:'") for w in norm(text).split() if w.strip(".,;:'"))


def text_similarity(gold: str, predicted: str) -> float:
    """The guide's rule as a score: 0 unless the prediction holds >= 70% of the
    gold words and >= 40% of its own words are gold words; otherwise the mean
    of the two shares (x100), so that better-fitting pairs are matched first."""
    g, p = _words(gold), _words(predicted)
    if not g or not p:
        return 0.0
    common = sum((g & p).values())
    coverage, precision = common / sum(g.values()), common / sum(p.values())
    if coverage < GOLD_COVERAGE or precision < PRED_PRECISION:
        return 0.0
    return 50.0 * (coverage + precision)


def same_amount(gold: float, predicted: float) -> bool:
    if gold == 0:
        return abs(predicted) < 0.005
    return abs(predicted - gold) <= AMOUNT_TOLERANCE * abs(gold)


def name_similarity(gold_name: str, predicted: str) -> float:
    """rapidfuzz ``WRatio`` of the normalised names, as the guide matches schemes."""
    a, b = norm(gold_name), norm(predicted)
    if not a or not b:
        return 0.0
    return float(fuzz.WRatio(a, b))
