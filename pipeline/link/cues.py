"""Cues in later minutes that are not about a status: which earlier minute a
line refers to, whether a document is a decision notice, and whether a
sentence moves a deadline ("now expected in June 2025", "deferred to the
September meeting"). Patterns are data, written for forms of UK minutes.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from .deferrals import parse_date

#: "Minute 16:", "Min. 16/24", "(Minute No. 16 refers)", "Item 16 –" at a line's start
MINUTE_REF = re.compile(
    r"(?:^|\()\s*(?:minute|min\.?|item)\s*(?:no\.?\s*)?(?P<number>\d{1,4})(?:\s*/\s*\d{2,4})?\b(?:\s*refers)?",
    re.IGNORECASE,
)
#: the head of a decision notice or record of decision
NOTICE_HEAD = re.compile(
    r"\b(?:decision\s+notice|notice\s+of\s+(?:key\s+)?decision|record\s+of\s+(?:the\s+)?(?:executive\s+|officer\s+)?"
    r"decisions?|decision\s+recording\s+form|officer\s+(?:executive\s+)?decision|decision\s+determined\s+at)\b",
    re.IGNORECASE,
)
#: a moved deadline: the cue, then within the clause the new date or meeting
RESCHEDULE = re.compile(
    r"\b(?:now\s+(?:expected|due|scheduled|planned|anticipated)|(?:deadline|target\s+date|due\s+date|timescale)"
    r"\s+(?:had\s+been\s+|has\s+been\s+|was\s+)?(?:extended|moved|revised|changed|put\s+back|pushed\s+back)|"
    r"(?:deferred|postponed|delayed|put\s+back|slipped|carried\s+forward)|would\s+now\s+be|will\s+now\s+be|"
    r"(?:had\s+been\s+|has\s+been\s+|was\s+)?re-?scheduled)\b"
    r"(?P<rest>[^.;]{0,90})",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(
    r"\b(?:by|in|until|to|for|before|at\s+the\s+end\s+of|end\s+of)?\s*(?P<month>january|february|march|april|may|june|"
    r"july|august|september|october|november|december)\s+(?P<year>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
_MONTH_MEETING = re.compile(
    r"\b(?P<month>january|february|march|april|may|june|july|august|september|october|november|december)\s+meeting\b",
    re.IGNORECASE,
)
_NEXT_MEETING = re.compile(r"\bnext\s+(?:scheduled\s+|available\s+)?meeting\b", re.IGNORECASE)
_MONTHS = [m.lower() for m in calendar.month_name]


def minute_ref(text: str) -> str | None:
    """The earlier minute a line names ("Minute 16: ..."), as its number."""
    m = MINUTE_REF.match(text)
    if m is None:
        if "(" not in text:  # past the start, only "(Minute 16 refers)" counts
            return None
        m = MINUTE_REF.search(text)
        if m is None or "(" not in m.group(0):
            return None
    return m.group("number")


def item_number(number: str | None) -> str | None:
    """The leading number of an agenda item's number ("16", "16.", "CS/16" -> "16")."""
    m = re.search(r"\d{1,4}", number or "")
    return str(int(m.group(0))) if m else None


#: the word every NOTICE_HEAD branch contains, matched the same way (a quick scan of every document)
_NOTICE_WORD = re.compile("decision", re.IGNORECASE)


def is_decision_notice(text: str) -> bool:
    """A decision notice or record of decision (judged on its opening)."""
    head = text[:600]
    return _NOTICE_WORD.search(head) is not None and NOTICE_HEAD.search(head) is not None


@dataclass(frozen=True)
class Reschedule:
    """A new deadline named in a later sentence: a date, a month, "the next
    meeting" or "the September meeting" (resolved by the caller)."""

    due_text: str
    due_date: str | None  # ISO; None when it names a meeting not yet known
    next_meeting: bool
    month: int | None  # "the September meeting"
    start: int
    end: int


#: a word every RESCHEDULE branch contains: a quote without one is not searched
_RESCHEDULE_NEEDS = ("now", "extended", "moved", "revised", "changed", "back", "deferred", "postponed",
                     "delayed", "slipped", "forward", "schedul")


def find_reschedule(text: str) -> Reschedule | None:
    low = text.lower()
    if not any(word in low for word in _RESCHEDULE_NEEDS):
        return None
    m = RESCHEDULE.search(text)
    if m is None:
        return None
    rest, base = m.group("rest"), m.start("rest")
    found = parse_date(rest)
    if found:
        iso, s, e = found
        return Reschedule(rest[s:e], iso, False, None, m.start(), base + e)
    my = _MONTH_YEAR.search(rest)
    if my:
        month, year = _MONTHS.index(my.group("month").lower()), int(my.group("year"))
        last = calendar.monthrange(year, month)[1]
        return Reschedule(rest[my.start("month"):my.end()], f"{year:04d}-{month:02d}-{last:02d}", False, None,
                          m.start(), base + my.end())
    mm = _MONTH_MEETING.search(rest)
    if mm:
        return Reschedule(rest[mm.start():mm.end()], None, False, _MONTHS.index(mm.group("month").lower()),
                          m.start(), base + mm.end())
    nm = _NEXT_MEETING.search(rest)
    if nm:
        return Reschedule(rest[nm.start():nm.end()], None, True, None, m.start(), base + nm.end())
    return None


_NOTICE_MEETING = re.compile(r"\bmeeting\s+(?:held\s+)?on\s+(?:\w+day,?\s+)?", re.IGNORECASE)


def notice_date(head: str) -> str | None:
    """The meeting a decision notice records ("... Committee meeting on 15 May
    2025"): its decisions are that meeting's, not later evidence for it."""
    m = _NOTICE_MEETING.search(head)
    found = parse_date(head[m.end() : m.end() + 40]) if m else None
    return found[0] if found and found[1] == 0 else None
