"""How often the meeting a document is filed under is the one its gold states.

Scored only where the gold states a value (null means the text does not say):

- date: the ISO date, exactly;
- committee: equal after normalising (case, "&" = "and", punctuation and
  hyphens, a leading "the", a bracketed note such as "(pre 2012)"); or the one
  is the other with the council's place name in front ("Plymouth Health and
  Wellbeing Board" = "Health and Wellbeing Board"); or both name the full
  council ("Council" = "Parish Council" = "County Council"); or rapidfuzz
  ``ratio`` >= 90 of the normalised names (spelling variants such as
  "Sub-Committee No.5" / "Sub-Committee No. 5");
- council: the same normalising, then equal place words once the words that
  only say what kind of council it is are set aside ("London Borough of
  Merton" = "Merton Council"), or ``ratio`` >= 90.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from ...records import MeetingMeta

FIELDS = ("date", "committee", "council")
NAME_RATIO = 90.0
_KIND_WORDS = {
    "council", "city", "borough", "county", "district", "metropolitan", "london", "royal", "of", "the", "and",
    "parish", "town", "community", "corporation",
}
_FULL_COUNCIL = re.compile(
    r"(?:(?:full|ordinary|monthly|annual)\s+)?(?:(?:parish|town|community|county|city|borough|district)\s+)?council"
)


@dataclass(frozen=True)
class FieldResult:
    gold: str | None
    predicted: str | None
    right: bool | None  # None: the gold does not state it


def normalise(name: str | None) -> str:
    text = (name or "").lower().replace("&", " and ").replace("’", "'")
    text = re.sub(r"\([^)]*\)", " ", text)
    text = re.sub(r"[-‐–]", "", text)
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    text = re.sub(r"^\s*the\s+", "", text)
    return " ".join(text.split())


def same_committee(gold: str, predicted: str | None, councils: tuple[str | None, ...] = ()) -> bool:
    g, p = normalise(gold), normalise(predicted)
    if not p:
        return False
    if g == p or (_FULL_COUNCIL.fullmatch(g) and _FULL_COUNCIL.fullmatch(p)):
        return True
    places = {w for c in councils for w in normalise(c).split()} - _KIND_WORDS
    longer, shorter = (g, p) if len(g) > len(p) else (p, g)
    if longer.endswith(" " + shorter):
        extra = longer[: -len(shorter)].split()
        if extra and set(extra) <= places:
            return True
    return fuzz.ratio(g, p) >= NAME_RATIO


def same_council(gold: str, predicted: str | None) -> bool:
    g, p = normalise(gold), normalise(predicted)
    if not p:
        return False
    g_place, p_place = set(g.split()) - _KIND_WORDS, set(p.split()) - _KIND_WORDS
    return (bool(g_place) and g_place == p_place) or fuzz.ratio(g, p) >= NAME_RATIO


def score_meeting(gold: dict[str, Any], meta: MeetingMeta) -> dict[str, FieldResult]:
    """Right/wrong per field the gold states, for one document."""
    out: dict[str, FieldResult] = {}
    gold_date, gold_committee, gold_council = (
        gold.get("meeting_date"),
        gold.get("committee"),
        gold.get("council"),
    )
    out["date"] = FieldResult(gold_date, meta.date, None if not gold_date else meta.date == gold_date)
    out["committee"] = FieldResult(
        gold_committee,
        meta.committee,
        None
        if not gold_committee
        else same_committee(gold_committee, meta.committee, (gold_council, meta.council)),
    )
    out["council"] = FieldResult(
        gold_council, meta.council, None if not gold_council else same_council(gold_council, meta.council)
    )
    return out


@dataclass
class Accuracy:
    right: int = 0
    stated: int = 0

    @property
    def share(self) -> float:
        return self.right / self.stated if self.stated else 1.0

    def as_dict(self) -> dict[str, float | int]:
        return {"right": self.right, "stated": self.stated, "accuracy": round(self.share, 4)}


def accuracy(per_document: list[dict[str, FieldResult]]) -> dict[str, Accuracy]:
    """Right out of stated, per field, over documents."""
    total = {f: Accuracy() for f in FIELDS}
    for fields in per_document:
        for name, result in fields.items():
            if result.right is not None:
                total[name].stated += 1
                total[name].right += int(result.right)
    return total
