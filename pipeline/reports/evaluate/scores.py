"""Counts of matched, extra and missed facts, and the report that adds them up
by kind, by council, by body type and by document."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from .meeting import Accuracy, FieldResult, accuracy

KINDS = ("items", "resolutions", "actions", "amounts", "schemes")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
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
            "by_body_type": {
                c: {k: s.as_dict() for k, s in ks.items()} for c, ks in self.by_body_type().items()
            },
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
