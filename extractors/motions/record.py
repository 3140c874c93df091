"""One motion printed in full, its fate, and the motion phrases (data in ``patterns/motions.jsonl``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..clauses import load_jsonl

MAX_WORDS = 6000  # characters a motion printed in full may run to
RECORD_REACH = 3000  # characters after a motion's fate within which a RESOLVED records its decision
FATE_REACH = 4000  # a fate printed further than this after a motion's words is not its fate
AMEND_REACH = 3000  # a second motion moved this soon after an open one (with no fate between) amends it
FAILED = ("lost", "withdrawn", "replaced")


@dataclass(frozen=True)
class Motion:
    """One motion (or amendment) printed in full, and its fate."""

    start: int  # where its introduction ("Mr A proposed ...") begins
    body: int  # first character of its words
    end: int  # just after its words
    amendment: bool
    fate: str | None = None  # "carried" | "lost" | "withdrawn" | "replaced" | None (not recorded)
    fate_at: int | None = None  # where the (last) news of its fate is printed
    amended: bool = False  # another motion was moved against it before any fate
    procedural: bool = False  # "that the question be now put", "to extend the meeting": amends nothing
    recorded_after: bool = False  # a RESOLVED after its fate records the decision

    @property
    def status(self) -> str:
        """"decision" (its words are the decision), "not_decision", or "unclear"."""
        if self.fate in FAILED:
            return "not_decision"
        if self.fate == "carried":
            return "not_decision" if self.recorded_after else "decision"
        return "not_decision" if self.recorded_after or self.amended else "unclear"

    def holds(self, pos: int) -> bool:
        return self.body <= pos < self.end


@lru_cache(maxsize=1)
def phrase_rows() -> dict[str, list[tuple[re.Pattern[str], str | None]]]:
    """kind -> [(compiled regex, fixed outcome or None)] from ``patterns/motions.jsonl``."""
    out: dict[str, list[tuple[re.Pattern[str], str | None]]] = {}
    for row in load_jsonl("motions.jsonl", frozenset({"kind", "regex", "outcome"})):
        out.setdefault(row["kind"], []).append(
            (re.compile(row["regex"], re.IGNORECASE | re.MULTILINE), row.get("outcome"))
        )
    return out
