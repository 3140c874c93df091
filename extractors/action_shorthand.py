"""Shorthand action forms of parish, town and community council minutes.

Small councils write actions without a cue word: "Clerk to contact Highways.",
"AB & CD to inspect the bench", "the leaves to be swept", "Wicksteed asked to
quote for the repair", "need to request money from the district", "To decide
next month ...", a list of next steps in the imperative ("Reply to residents'
email"). Each form is read only where a clause starts (a line, a sentence, or
after a dash, colon or semicolon), so the same words inside running prose do
not count. Verb lists are data in ``patterns/action_verbs.jsonl``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .action_record import Commitment, commitment
from .action_words import PARTICIPLE, VERBS, find_due, is_party, verb_rx
from .clauses import alternation, sentence_end, word_list

#: Where a clause may start: a line (after a bullet or list number), a sentence, a dash, a colon or semicolon.
_OPENER = (
    r"(?:(?<=\n)|^|(?<=[.!?;:])[^\S\n]+|(?<=\s)[–—-][^\S\n]+)"
    r"(?:(?:DECISION|Decision|Action|ACTION|Actions?)\s*[:\-–]\s*)?"
    r"(?:[^\S\n]*(?:[-–•·*▪●◦]|\(?\d{1,3}(?:\.\d{1,2})?[.)]|\(?[a-z]{1,2}[.)]|\d{1,3}\.(?=[A-Z]))[^\S\n]*)?"
    r"(?:(?:DECISION|Decision|Action|ACTION|Actions?)\s*[:\-–]\s*)?"
    r"(?:(?:In\s+the\s+meantime|Meanwhile|Also|Then|In\s+addition|Additionally|Furthermore|Finally|Again),?\s+)?"
)
#: Someone who acts, as minutes abbreviate them: "Clerk", "New clerk", "Cllr Muir", "AB & CD", "Carole
#: Burgoyne and Ross Jago".
_WHO_UNIT = (
    r"(?:(?:the|The|New|new|All|all)\s+)?(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllrs?|Councillors?)\.?\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,3}"
    r"|[A-Z]{2,4}|(?:the\s+|The\s+|New\s+|new\s+)?(?:clerk|chair|officers?|councillors|members)"
)
_WHO = rf"(?P<who>(?:{_WHO_UNIT})(?:\s*(?:,|&|and|/)\s*(?:{_WHO_UNIT})){{0,4}})"
#: A thing to be done to, in a passive shorthand: "the leaves", "report", "Polite no parking signs".
_THING = (
    r"(?P<thing>(?!(?:but|and|or|with|for|if|whether|how|that|this|it|there|as|when|which|who|to|was|were|are|is|had|has|would|will)\b)"
    r"(?:[\w’'\-]+\s+){0,6}?[\w’'\-]+)"
)
#: Words that make a would-be subject a clause of its own: "Solutions continued to be sought", "X wished for
#: it to be recorded".
_FINITE = re.compile(
    r"(?<!^)\b(?:\w+ed|is|are|was|were|has|have|had|continues|remains|needs|seems|appears|wishes|hopes|would|will|may|might|could|should|must|can|for|this|it)\b",
    re.IGNORECASE,
)
_BODY = re.compile(
    r"^(?:the\s+)?(?:council|committee|board|panel|cabinet|members|councillors|forum|group|meeting)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _rx() -> dict[str, re.Pattern[str]]:
    agenda = alternation(word_list(VERBS, "agenda"))
    imperative = alternation(word_list(VERBS, "imperative"))
    return {
        "to": re.compile(
            rf"(?:{_OPENER}|(?<=\sand)\s+){_WHO}\s+(?:is\s+|are\s+)?to\s+(?!be\b)(?P<verb>[a-z][\w\-]*)",
            re.MULTILINE,
        ),
        "to_be": re.compile(
            rf"{_OPENER}{_THING}\s+(?:is\s+|are\s+|still\s+)?to\s+be\s+(?P<verb>{PARTICIPLE})\b",
            re.MULTILINE | re.IGNORECASE,
        ),
        "bare_to_be": re.compile(
            rf"(?:(?<=\s)[–—-][^\S\n]+|(?<=:)[^\S\n]+)(?P<thing>)(?:still\s+)?to\s+be\s+(?P<verb>{PARTICIPLE})\b"
        ),
        "asked": re.compile(
            rf"(?:{_OPENER}|(?<=\sand)\s+){_WHO}\s+(?:was\s+|were\s+|has\s+been\s+|have\s+been\s+)?(?:asked|requested|instructed|invited|tasked)\s+to\s+(?P<verb>[\w\-]+)",
            re.MULTILINE,
        ),
        "infinitive": re.compile(r"(?<=[.!?])[^\S\n]+To\s+(?P<verb>[a-z][\w\-]*)\b"),
        "need": re.compile(
            rf"(?:(?<=\n)|^|(?<=[–—-])[^\S\n]+|(?<=,)[^\S\n]+|(?<=:)[^\S\n]+)(?:[^\S\n]*\d{{1,3}}\.[^\S\n]*)?(?P<thing>(?:[\w’'\-]+\s+){{0,4}}?)needs?\s+to\s+(?:be\s+(?P<passive>{PARTICIPLE})|(?P<verb>[a-z]+))\b",
            re.MULTILINE,
        ),
        "imperative": re.compile(
            rf"^[^\S\n]*(?:[-–•·*▪●◦][^\S\n]*|\(?\d{{1,3}}(?:\.\d{{1,2}})?[.)][^\S\n]*)(?P<verb>{imperative})\s+(?!(?:of|on|from|for|re|regarding|about|by|and|received|details)\b)[\w’'\-]",
            re.MULTILINE,
        ),
        "keep": re.compile(
            r"(?:(?<=,)|(?<=[–—-]))[^\S\n]+(?P<verb>keep)\s+(?:[\w’'\-]+\s+){1,4}?(?:informed|updated|advised)\b"
        ),
        "agenda": re.compile(rf"(?:{agenda})$", re.IGNORECASE),
    }


def shorthand(text: str, decided: list[tuple[int, int]]) -> Iterator[Commitment]:
    """Every shorthand action in ``text`` (overlaps are settled by the caller). Inside a decision
    (``decided`` spans) only a named party's task counts: the rest of a decision is read by
    ``instructions``."""
    rx = _rx()
    for kind in ("to", "asked", "to_be", "bare_to_be", "need", "infinitive", "imperative", "keep"):
        for m in rx[kind].finditer(text):
            if kind not in ("to", "asked") and any(s <= m.start() < e for s, e in decided):
                continue
            if _in_quotation(text, m.start()):
                continue  # words of a motion printed in full: its fate is the decision's business
            c = _read(text, kind, m)
            if c is not None:
                yield c


def _read(text: str, kind: str, m: re.Match[str]) -> Commitment | None:
    verb = (m.groupdict().get("verb") or m.groupdict().get("passive") or "").lower()
    start = _start(kind, m)
    end = _clause_end(text, start, m.end())
    clause = text[start:end]
    if (
        len(clause.split()) > 40
        or len(clause.strip()) < 8
        or clause.rstrip().endswith("?")
        or not _opens_clause(text, start)
    ):
        return None
    due = find_due(clause)
    forward = due is not None and re.search(r"\bnext\b|\bmeeting\b|\bmonth\b", due, re.IGNORECASE) is not None
    if kind in ("to", "asked"):
        who = m.group("who")
        joined = re.search(r"(\S+)\s+and\s*$", text[max(0, start - 40) : start])
        if joined is not None and not joined.group(1)[:1].islower():
            return None  # "Crime and Disorder Act to ...": "and" inside a name, not between two tasks
        if not _who_ok(who, text):
            return None
        if re.search(
            r"\b(?:delegat\w*|authori[sz]\w*)\b[^.;]*$", text[max(0, start - 200) : start], re.IGNORECASE
        ):
            return None  # "delegates authority to the Director, Growth to implement": a delegation
        if kind == "asked" and re.fullmatch(r"(?:all\s+)?(?:members|councillors)", who, re.IGNORECASE):
            return None  # members asked to note their diaries: a request of the meeting, not a task
        if _rx()["agenda"].match(verb) and (_BODY.match(who) or verb in _FORMAL):
            return None  # "The Board to receive the Strategy": an agenda line
        if not verb_rx()["active"].fullmatch(verb) and not _rx()["agenda"].match(verb):
            return None
        if verb in _PRESENTING and not forward and not re.search(r"\bback\b", clause):
            # "The Chairman to report on ...", "Director to introduce the item": what happens at this meeting
            return None
        if _AGENDA_TEXT.match(text, end):
            return None  # the item's agenda text, printed before its "Minutes:"
        return commitment(text, start, end, who)
    if kind in ("to_be", "bare_to_be"):
        if verb in _NOT_DONE or (verb in _BUSINESS and not forward):
            return None  # "meeting to be held", "bill to be paid", "minutes to be approved"
        if re.search(r"\b(?:yet|still)\s+to\s+be\b", m.group(), re.IGNORECASE):
            return None  # "issue yet to be reported": the status of an earlier task, not a new one
        if kind == "to_be" and (
            _HEADING_START.match(text, m.start("thing")) or _FINITE.search(m.group("thing"))
        ):
            return None
        return commitment(text, start, end, None)
    if kind == "need":
        if re.search(
            r"\b(?:would|may|might|could|will|there|it|this)\s*$|\b(?:a|the)\s*$",
            text[max(0, m.start("thing") - 12) : m.start("thing")] + m.group("thing"),
            re.IGNORECASE,
        ):
            return None  # "would need to", "there is a need to": not a task
        if m.group("passive") and m.group("passive").lower() in _NOT_DONE:
            return None
        if (
            m.group("verb")
            and not verb_rx()["active"].fullmatch(m.group("verb"))
            and m.group("verb") not in ("get", "do")
        ):
            return None
        if len(clause.split()) > 16:
            return None
        return commitment(text, start, end, None)
    if kind == "infinitive":
        if _rx()["agenda"].match(verb) and not forward:
            return None
        if not (
            verb_rx()["active"].fullmatch(verb)
            or _rx()["agenda"].match(verb)
            or verb in ("make", "decide", "get")
        ):
            return None
        return commitment(text, start, end, None)
    if kind == "imperative":
        if (
            len(clause.split()) > 20
            or clause.rstrip().endswith(":")
            or re.match(r"\S+\s+[A-Z]\w*\s+[A-Z]", clause)
        ):
            return None  # "Draft Revenue Budget 2025-26", "Clean Air Night": a title, not an instruction
        return commitment(text, start, end, None)
    return commitment(text, start, end, None)  # "keep residents informed"


def _in_quotation(text: str, pos: int) -> bool:
    """Is ``pos`` inside a quotation opened in the text before it (a motion printed in full)?"""
    before = text[max(0, pos - 6000) : pos]
    return before.count("“") > before.count("”")


def _who_ok(who: str, text: str) -> bool:
    """Is every name in "AB & CD", "Carole Burgoyne and Ross Jago", "Clerk" someone who can act?"""
    units = [u for u in re.split(r"\s*(?:,|&|/|\band\b)\s*", who) if u]
    return bool(units) and all(is_party(u, text) or _ROLE_WORD.search(u) for u in units)


_ROLE_WORD = re.compile(r"\b(?:clerk|chair|officers?|councillors)\b", re.IGNORECASE)


def _opens_clause(text: str, pos: int) -> bool:
    """Is ``pos`` really where a clause opens? A PDF wraps lines anywhere: a line start counts
    only after a list marker, a blank line, or a line that ends a sentence or a heading."""
    line_start = text.rfind("\n", 0, pos) + 1
    lead = text[line_start:pos]
    if lead.strip() and not _LIST_LEAD.fullmatch(lead):
        return True  # mid-line: the opener regex already required a stop, dash or colon before it
    if line_start == 0:
        return True
    prev_end = line_start - 1
    prev_start = text.rfind("\n", 0, prev_end) + 1
    prev = text[prev_start:prev_end].rstrip()
    if lead.strip() or not prev.strip():
        return True
    return prev.endswith((".", ":", ";", "!", "?")) or len(prev.split()) <= 6


_LIST_LEAD = re.compile(
    r"[^\S\n]*(?:[-–•·*▪●◦]|\(?\d{1,3}(?:\.\d{1,2})?[.)]|\(?[a-z]{1,2}[.)]|\d{1,3}\.)[^\S\n]*(?:(?:DECISION|Decision|Action|ACTION)\s*[:\-–]\s*)?"
)


def _start(kind: str, m: re.Match[str]) -> int:
    """Where the commitment starts: at its owner or its subject when written, else at its verb."""
    if kind in ("to", "asked"):
        return m.start("who")
    if kind in ("to_be", "need") and m.group("thing"):
        return m.start("thing")
    for word in ("still to be", "to be", "need", "To"):
        at = m.group().find(word)
        if at >= 0 and kind in ("bare_to_be", "need", "infinitive"):
            return m.start() + at
    return m.start("verb")


def _clause_end(text: str, start: int, after: int) -> int:
    """The end of a shorthand clause: its sentence, or the next coordinated shorthand
    ("the leaves to be swept and Wicksteed asked to quote ...")."""
    end = sentence_end(text, start, start + 600)
    nxt = _NEXT_SHORTHAND.search(text, min(after, end), end)
    return nxt.start() if nxt is not None else end


_NEXT_SHORTHAND = re.compile(rf"\s+and\s+(?=(?:{_WHO_UNIT})\s+(?:was\s+)?(?:to|asked|requested)\s)")
#: Verbs of presenting business at the meeting itself; a task only with "back" or a later meeting.
_PRESENTING = {"report", "present", "introduce", "outline", "update", "give", "speak", "attend"}
#: The agenda text of a ModernGov item is followed by its "Minutes:" or "Decision:" label.
_AGENDA_TEXT = re.compile(r"[.\s]*(?:\n[^\n]{0,120}){0,3}?\n\s*(?:Minutes|Decision)\s*:", re.IGNORECASE)
#: Verbs of a meeting's formal business: not a task even for a named person ("Cllr X to note ...").
_FORMAL = {
    "receive",
    "note",
    "approve",
    "declare",
    "elect",
    "accept",
    "adopt",
    "sign",
    "ratify",
    "endorse",
    "welcome",
    "confirm",
}
#: Participles of business done at a meeting, not a task after it ("to be approved as minutes").
_BUSINESS = {"agreed", "considered", "discussed", "decided", "reviewed", "debated", "determined"}
_NOT_DONE = {
    "held",
    "paid",
    "approved",
    "signed",
    "noted",
    "received",
    "adopted",
    "confirmed",
    "elected",
    "appointed",
    "accepted",
    "seen",
    "funded",
    "allocated",
    "awarded",
    "granted",
    "spent",
    "met",
    "repaid",
    "charged",
    "retained",
}
#: A "to be" line that is an agenda heading: "4. Notes of last meeting to be approved as minutes".
_HEADING_START = re.compile(r"(?:Notes|Minutes|Apologies|Declarations?|Dates?)\b")
