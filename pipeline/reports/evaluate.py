"""Precision and recall of the extractors against hand-written gold files.

Gold files (tests/gold/*.gold.json, format in ../shared/GOLD-GUIDE.md) name a
document; we find it, run the per-document stages on it, and match predicted
facts to gold entries one-to-one:

The matching is the one written in ../shared/GOLD-GUIDE.md ("How gold is
matched"), so that figures here and an annotator's agree:

- resolutions, actions: the prediction holds at least 70% of the gold text's
  words and at least 40% of the prediction's words are in the gold text;
- amounts: within 0.5% of ``value_gbp`` (each mention counts);
- schemes: one entry per distinct scheme per document; a close fuzzy match
  (rapidfuzz ``WRatio`` >= 85) to the predicted name or any of its surface forms;
- items: equal printed number (when gold has one) or a similar title.

Every gold entry matches at most one prediction, best pairs first.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from ..config import PROJECT_ROOT, Config
from ..records import MeetingMeta, ProcessedDocument
from ..run.process import Failure, process_file
from .meta_score import Accuracy, FieldResult, accuracy, score_meeting

GOLD_COVERAGE = 0.70  # share of the gold text's words the prediction must hold
PRED_PRECISION = 0.40  # share of the prediction's words that must be in the gold text
NAME_CUTOFF = 85.0
AMOUNT_TOLERANCE = 0.005
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
    body_type: str = "principal council"
    meeting: dict[str, FieldResult] = field(default_factory=dict)  # meeting metadata, field by field


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

    def by_body_type(self) -> dict[str, dict[str, Score]]:
        out: dict[str, dict[str, Score]] = defaultdict(lambda: {k: Score() for k in KINDS})
        for d in self.documents:
            for k, s in d.scores.items():
                out[d.body_type][k].add(s)
        return dict(sorted(out.items()))

    def meeting_accuracy(self) -> dict[str, Accuracy]:
        """Meeting date, committee and council right, out of the documents whose gold states them."""
        return accuracy([d.meeting for d in self.documents])

    def as_dict(self) -> dict[str, Any]:
        return {
            "by_kind": {k: s.as_dict() for k, s in self.by_kind().items()},
            "meeting": {k: a.as_dict() for k, a in self.meeting_accuracy().items()},
            "by_body_type": {c: {k: s.as_dict() for k, s in ks.items()} for c, ks in self.by_body_type().items()},
            "by_council": {c: {k: s.as_dict() for k, s in ks.items()} for c, ks in self.by_council().items()},
            "documents": [
                {
                    "document": d.document,
                    "council": d.council,
                    "body_type": d.body_type,
                    "error": d.error,
                    "scores": {k: s.as_dict() for k, s in d.scores.items()},
                    "misses": d.misses,
                    "extras": d.extras,
                    "meeting": {k: vars(r) for k, r in d.meeting.items()},
                }
                for d in self.documents
            ],
        }


def default_search_paths() -> list[Path]:
    shared = PROJECT_ROOT.parent / "shared"
    return [PROJECT_ROOT / "corpus", shared / "seeds", shared / "corpus", shared / "dev2"]


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
        lambda g, p: text_similarity(g["text"], p.fact.text), 1e-9,
        lambda g: g["text"], lambda p: p.fact.text,
    )
    record(
        "actions", gold.get("actions", []), list(ex.actions),
        lambda g, p: text_similarity(g["text"], p.fact.text), 1e-9,
        lambda g: g["text"], lambda p: p.fact.text,
    )
    record(
        "amounts", gold.get("amounts", []), list(ex.amounts),
        lambda g, p: 100.0 if _same_amount(float(g["value_gbp"]), p.value_gbp) else 0.0, 100.0,
        lambda g: f"{g.get('raw')} = {g['value_gbp']}", lambda p: f"{p.raw} = {p.value_gbp}",
    )
    schemes = _distinct_schemes(ex.schemes)
    record(
        "schemes", gold.get("schemes", []), schemes,
        lambda g, p: max(name_similarity(g["name"], form) for form in p), NAME_CUTOFF,
        lambda g: g["name"], lambda p: p[0],
    )
    return DocumentResult(gold.get("document", "?"), gold.get("council"), scores, misses, extras,
                          body_type=body_type(gold.get("council"), gold.get("committee")),
                          meeting=score_meeting(gold, processed.clean.source.meta))


def _same_amount(gold: float, predicted: float) -> bool:
    if gold == 0:
        return abs(predicted) < 0.005
    return abs(predicted - gold) <= AMOUNT_TOLERANCE * abs(gold)


def name_similarity(gold_name: str, predicted: str) -> float:
    """rapidfuzz ``WRatio`` of the normalised names, as the guide matches schemes."""
    a, b = norm(gold_name), norm(predicted)
    if not a or not b:
        return 0.0
    return float(fuzz.WRatio(a, b))


def _distinct_schemes(mentions: Iterable[Any]) -> list[tuple[str, ...]]:
    """One entry per distinct scheme: its name first, then every surface form."""
    groups: dict[str, list[str]] = {}
    for m in mentions:
        forms = groups.setdefault(m.canonical, [m.name])
        for form in (m.name, m.fact.text):
            if form not in forms:
                forms.append(form)
    return [tuple(forms) for forms in groups.values()]


#: Body types for the per-type table, tried in order on the gold's council and committee.
BODY_TYPES: tuple[tuple[str, str], ...] = (
    ("parish/town/community council", r"\b(parish|town|community) council\b|\bparish meeting\b"),
    ("combined authority", r"\bcombined authority\b"),
    ("fire/police/national park", r"\bfire\b|\bpolice\b|\bnational park\b"),
    ("health board", r"\bintegration joint board\b|\bhealth and wellbeing\b|\bhealth & wellbeing\b"),
)


def body_type(council: str | None, committee: str | None) -> str:
    """A coarse kind of body, read from the gold's council and committee names."""
    text = f"{council or ''} {committee or ''}".lower()
    for name, pattern in BODY_TYPES:
        if re.search(pattern, text):
            return name
    return "principal council"


def evaluate(
    gold_dirs: str | Path | Sequence[str | Path],
    *,
    search: Sequence[Path] | None = None,
    config: Config | None = None,
) -> Report:
    """Score every gold file in one or more gold folders.

    A gold file names its document; it is looked for beside the gold folder
    first (``gold/../``), then in ``search``."""
    if isinstance(gold_dirs, (str, Path)):
        gold_dirs = [gold_dirs]
    results: list[DocumentResult] = []
    for gold_dir in gold_dirs:
        roots = [Path(gold_dir).parent, *(search or default_search_paths())]
        for gold_path in sorted(Path(gold_dir).glob("*.gold.json")):
            results.append(_evaluate_one(gold_path, roots, config))
    return Report(results)


def _evaluate_one(gold_path: Path, roots: Sequence[Path], config: Config | None) -> DocumentResult:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    name = gold.get("document") or gold_path.name.removesuffix(".gold.json")
    kind = body_type(gold.get("council"), gold.get("committee"))
    doc_path = find_document(name, roots)
    unread = score_meeting(gold, MeetingMeta())  # a document not read states no meeting
    if doc_path is None:
        return DocumentResult(name, gold.get("council"), {}, error="document not found", body_type=kind, meeting=unread)
    processed = process_file(str(doc_path), None, config)
    if isinstance(processed, Failure):
        empty = {k: Score(fn=len(gold.get(k, []))) for k in KINDS}
        return DocumentResult(name, gold.get("council"), empty, error=processed.message, body_type=kind, meeting=unread)
    return evaluate_document(gold, processed)
