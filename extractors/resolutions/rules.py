"""The shared vocabulary of the resolution readers: the Hit record, the cue
patterns and phrase regexes (data in ``patterns/``), and how a Hit is made."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..clauses import anchor_regex, load_jsonl
from ..instructions import CLAUSE_SPLIT, instruction_patterns, instructions

MAX_BODY = 2500  # characters a single decision may run to
#: How strongly a kind of cue marks a decision: a stronger find wins an overlap.
RANK = {
    "label": 3,
    "label_line": 3,
    "body": 2,
    "it_was": 2,
    "elided": 2,
    "bare": 2,
    "that": 1,
    "minutes": 1,
    "deferral": 1,
    "noted": 1,
    "put_vote": 1,
    "motion": 2,
    "body_past": 2,
    "planning": 1,
    "payment": 1,
    "apologies": 1,
    "carried": 2,
}


@dataclass(frozen=True)
class Hit:
    """One decision (or one part of one) found in the text."""

    start: int
    end: int
    cue: str | None
    part: str | None
    kind: str
    is_noting: bool
    owner: str | None = None  # the deciding body named in a stem ("RESOLVED that Cabinet: 1. Agree to ...")
    instructions: tuple[tuple[int, int, str | None], ...] = field(default=())  # (start, end, owner)
    group: int = -1  # where the list a part belongs to begins (-1 for a decision without parts)

    @property
    def rank(self) -> int:
        return RANK.get(self.kind, 0)


@lru_cache(maxsize=1)
def cue_rows() -> tuple[dict[str, Any], ...]:
    return tuple(load_jsonl("resolution_cues.jsonl", frozenset({"cue", "kind", "pattern"})))


@lru_cache(maxsize=1)
def phrases() -> dict[str, re.Pattern[str]]:
    """Regexes by kind from ``resolution_phrases.jsonl`` (one alternation per kind)."""
    grouped: dict[str, list[str]] = {}
    for row in load_jsonl("resolution_phrases.jsonl", frozenset({"kind", "regex"})):
        grouped.setdefault(row["kind"], []).append(f"(?:{row['regex']})")
    return {kind: re.compile("|".join(rx), re.IGNORECASE) for kind, rx in grouped.items()}


@lru_cache(maxsize=1)
def anchors() -> re.Pattern[str]:
    return anchor_regex(list(cue_rows()))


def make_hit(
    text: str,
    start: int,
    end: int,
    cue: str | None,
    part: str | None,
    kind: str,
    owner: str | None = None,
    *,
    group: int = -1,
) -> Hit:
    body = text[start:end]
    # a part recording the body's own approval or authorisation ("Approved ...", "Authorised the
    # Director to ...") or a motion referred for debate tells nobody to do anything (guide: not actions)
    told = () if phrases()["not_instructing"].search(body) else instructions(text, start, end, owner)
    return Hit(start, end, cue, part, kind, is_noting(body), owner, told, group)


def is_noting(body: str) -> bool:
    """Noting when some clause notes and none does anything else."""
    rx = phrases()
    clauses = [c for c in CLAUSE_SPLIT.split(body) if c and c.strip()]
    if not clauses:
        return False
    noting = [bool(rx["noting"].search(c.strip())) for c in clauses]
    substantive = rx["substantive"].search(body) is not None
    passive, _active, _not = instruction_patterns()
    return any(noting) and all(noting) and not substantive and passive.search(body) is None
