"""Deferrals and report-backs: "deferred until 25 April 2013", "deferred to
the next meeting", "report back to the next meeting on 3 November 2017".

Each names a later meeting of the same committee, by date or as "the next
meeting"; the link stage follows it there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.dates import find_date

#: a verb that sends the matter to a later meeting, then (within one clause) its target
CUE = re.compile(
    r"\b(?P<verb>defer(?:red|ral)?|postpone[ds]?|adjourned|brought\s+back|come\s+back|"
    r"report(?:ed)?\s+back|returned?|considered\s+again)\b"
    r"(?P<gap>[^.;]{0,80}?)\b(?:until|to|till|at|on)\s+(?:the\s+)?"
    r"(?:(?P<next>next\s+(?:scheduled\s+|available\s+|ordinary\s+)?meeting)(?:[^.;]{0,40}?\b(?:on|of)\s+)?|)"
    r"(?P<rest>[^.;]{0,40})",
    re.IGNORECASE,
)
#: what may stand between the target and its date: a date is the target only
#: when it comes first ("until Monday 25 April 2013"), not "until the work ... 2019"
LEAD_IN = re.compile(
    r"[\s,]*(?:on\s+|of\s+)?(?:the\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?", re.IGNORECASE
)
#: "to the next meeting on 3 November 2017" with no verb in reach
NEXT_ON_DATE = re.compile(r"\bto\s+the\s+next\s+meeting,?\s+on\s+", re.IGNORECASE)
#: a word every CUE verb or NEXT_ON_DATE contains: a text without one cannot
#: match, and a substring test is far cheaper than the patterns (run for every subject)
NEEDED = ("defer", "postpon", "adjourn", "back", "return", "again", "next")


@dataclass(frozen=True)
class Deferral:
    kind: str  # "deferred" | "report back"
    date: str | None  # ISO date of the named meeting, when a date is written
    next_meeting: bool  # "the next meeting" (with or without a date)
    start: int  # span of the phrase in the searched text
    end: int


def parse_date(text: str) -> tuple[str, int, int] | None:
    """The first UK-style date in ``text``: (iso, start, end) (the project's one date reader)."""
    return find_date(text)


def find_deferral(text: str) -> Deferral | None:
    """The first deferral or report-back in ``text`` that names a meeting."""
    low = (text or "").lower()
    if not any(word in low for word in NEEDED):
        return None
    for m in CUE.finditer(text or ""):
        verb = m.group("verb").lower()
        kind = "deferred" if verb.startswith(("defer", "postpone", "adjourn")) else "report back"
        next_meeting = m.group("next") is not None
        rest = m.group("rest")
        found = parse_date(rest)
        if found and LEAD_IN.fullmatch(rest[: found[1]]):
            iso = found[0]
            end = m.start("rest") + found[2]
        else:
            iso, end = None, m.end("next") if next_meeting else m.end()
        if iso or next_meeting:
            return Deferral(kind, iso, next_meeting, m.start(), end)
    for m in NEXT_ON_DATE.finditer(text or ""):
        found = parse_date(text[m.end() : m.end() + 40])
        if found and found[1] == 0:
            return Deferral("deferred", found[0], True, m.start(), m.end() + found[2])
    return None


__all__ = ["Deferral", "find_deferral", "parse_date"]
