"""Precision and recall of the extractors against hand-written gold files.

Gold files (tests/gold/*.gold.json, format in ../shared/GOLD-GUIDE.md) name a
document; we find it, run the per-document stages on it, and match predicted
facts to gold entries one-to-one:

- resolutions, actions: text similarity (rapidfuzz ``token_set_ratio`` on
  normalised text) at or above ``TEXT_CUTOFF``; best pairs first;
- amounts: equal ``value_gbp`` (each mention counts);
- schemes: one entry per distinct scheme per document, names matched by
  ``name_similarity`` at or above ``NAME_CUTOFF`` (word order, a generic head
  word and a boundary keeping at least half the name are forgiven);
- items: equal printed number (when gold has one) or similar title.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from .config import PROJECT_ROOT
from .process import Failure, process_file
from .records import ProcessedDocument

TEXT_CUTOFF = 80.0
NAME_CUTOFF = 85.0
KINDS = ("items", "resolutions", "actions", "amounts", "schemes")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
        }


@dataclass
class DocumentResult:
    document: str
    council: str | None
    scores: dict[str, Score]
    misses: dict[str, list[str]] = field(default_factory=dict)  # gold entries not found
    extras: dict[str, list[str]] = field(default_factory=dict)  # predictions not in gold
    error: str | None = None


@dataclass
class Report:
    documents: list[DocumentResult]

    def by_kind(self) -> dict[str, Score]:
        total = {k: Score() for k in KINDS}
        for d in self.documents:
            for k, s in d.scores.items():
                total[k].add(s)
        return total

    def by_council(self) -> dict[str, dict[str, Score]]:
        out: dict[str, dict[str, Score]] = defaultdict(lambda: {k: Score() for k in KINDS})
        for d in self.documents:
            for k, s in d.scores.items():
                out[d.council or "(unknown)"][k].add(s)
        return dict(sorted(out.items()))

    def as_dict(self) -> dict[str, Any]:
        return {
            "by_kind": {k: s.as_dict() for k, s in self.by_kind().items()},
            "by_council": {c: {k: s.as_dict() for k, s in ks.items()} for c, ks in self.by_council().items()},
            "documents": [
                {
                    "document": d.document,
                    "council": d.council,
                    "error": d.error,
                    "scores": {k: s.as_dict() for k, s in d.scores.items()},
                    "misses": d.misses,
                    "extras": d.extras,
                }
                for d in self.documents
            ],
        }


def default_search_paths() -> list[Path]:
    shared = PROJECT_ROOT.parent / "shared"
    return [PROJECT_ROOT / "corpus", shared / "seeds", shared / "corpus"]


def find_document(name: str, search: Sequence[Path]) -> Path | None:
    for root in search:
        if not root.exists():
            continue
        direct = root / name
        if direct.is_file():
            return direct
        for hit in root.rglob(name):
            if hit.is_file():
                return hit
    return None


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
    return score, [i for i in range(len(gold)) if i not in used_g], [i for i in range(len(pred)) if i not in used_p]


def _text_similarity(a: str, b: str) -> float:
    a, b = norm(a), norm(b)
    if not a or not b:
        return 0.0
    # token_set_ratio forgives a trailing "; and" or a cue word kept on one side,
    # but two texts of very different length are not the same fact.
    length_ratio = min(len(a), len(b)) / max(len(a), len(b))
    return fuzz.token_set_ratio(a, b) if length_ratio >= 0.5 else fuzz.ratio(a, b)


def evaluate_document(gold: dict[str, Any], processed: ProcessedDocument) -> DocumentResult:
    ex = processed.extraction
    scores: dict[str, Score] = {}
    misses: dict[str, list[str]] = {}
    extras: dict[str, list[str]] = {}

    def record(kind: str, gold_list: list[Any], pred_list: list[Any], sim: Callable[[Any, Any], float],
               cutoff: float, show_g: Callable[[Any], str], show_p: Callable[[Any], str]) -> None:
        score, gmiss, pextra = match(gold_list, pred_list, sim, cutoff)
        scores[kind] = score
        if gmiss:
            misses[kind] = [show_g(gold_list[i]) for i in gmiss]
        if pextra:
            extras[kind] = [show_p(pred_list[i]) for i in pextra]

    items = list(processed.items)
    record(
        "items", gold.get("items", []), items,
        lambda g, p: 100.0 if g.get("number") and g["number"] == p.number else
        (fuzz.token_set_ratio(norm(g.get("title")), norm(p.title)) if g.get("title") and p.title else 0.0),
        NAME_CUTOFF,
        lambda g: f"{g.get('number')} {g.get('title')}", lambda p: f"{p.number} {p.title}",
    )
    record(
        "resolutions", gold.get("resolutions", []), list(ex.resolutions),
        lambda g, p: _text_similarity(g["text"], p.fact.text), TEXT_CUTOFF,
        lambda g: g["text"], lambda p: p.fact.text,
    )
    record(
        "actions", gold.get("actions", []), list(ex.actions),
        lambda g, p: _text_similarity(g["text"], p.fact.text), TEXT_CUTOFF,
        lambda g: g["text"], lambda p: p.fact.text,
    )
    record(
        "amounts", gold.get("amounts", []), list(ex.amounts),
        lambda g, p: 100.0 if abs(float(g["value_gbp"]) - p.value_gbp) < 0.005 else 0.0, 100.0,
        lambda g: f"{g.get('raw')} = {g['value_gbp']}", lambda p: f"{p.raw} = {p.value_gbp}",
    )
    names = _distinct(m.name for m in ex.schemes)
    record(
        "schemes", gold.get("schemes", []), names,
        lambda g, p: name_similarity(g["name"], p), NAME_CUTOFF,
        lambda g: g["name"], lambda p: p,
    )
    return DocumentResult(gold.get("document", "?"), gold.get("council"), scores, misses, extras)


HEAD_WORDS = {"scheme", "schemes", "initiative", "project", "programme", "program", "campaign", "the"}


def name_similarity(gold_name: str, predicted: str) -> float:
    """Scheme names: the same words in any order, forgiving a generic head word
    ("Hotspot Patrols" ~ "Hotspot Patrols initiative") and a boundary that
    kept most of the name ("Medway Business Fund" ~ "Kent and Medway Business
    Fund"), but never a fragment of half the name or less's length."""
    a = [w for w in norm(gold_name).split() if w not in HEAD_WORDS]
    b = [w for w in norm(predicted).split() if w not in HEAD_WORDS]
    if not a or not b:
        return 0.0
    strict = fuzz.token_sort_ratio(" ".join(a), " ".join(b))
    shorter, longer = sorted((a, b), key=len)
    if len(" ".join(shorter)) * 2 <= len(" ".join(longer)):
        return strict
    return max(strict, fuzz.token_set_ratio(" ".join(a), " ".join(b)))


def _distinct(names: Iterable[str]) -> list[str]:
    """One entry per distinct scheme name (spelling variants collapse)."""
    out: list[str] = []
    for name in names:
        if not any(fuzz.token_sort_ratio(norm(name), norm(seen)) >= NAME_CUTOFF for seen in out):
            out.append(name)
    return out


def evaluate(gold_dir: str | Path, *, search: Sequence[Path] | None = None, config_path: str | None = None) -> Report:
    """Score every gold file in ``gold_dir``."""
    search = list(search or default_search_paths())
    results: list[DocumentResult] = []
    for gold_path in sorted(Path(gold_dir).glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        name = gold.get("document") or gold_path.name.removesuffix(".gold.json")
        doc_path = find_document(name, search)
        if doc_path is None:
            results.append(DocumentResult(name, gold.get("council"), {}, error="document not found"))
            continue
        processed = process_file(str(doc_path), None, config_path)
        if isinstance(processed, Failure):
            empty = {k: Score(fn=len(gold.get(k, []))) for k in KINDS}
            results.append(DocumentResult(name, gold.get("council"), empty, error=processed.message))
            continue
        results.append(evaluate_document(gold, processed))
    return Report(results)
