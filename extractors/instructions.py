"""Instructing clauses: the parts of a decision that tell someone to do something.

A resolution part such as "the Clerk write to the Highways Authority" or
"Officers be asked to report back" is a decision and an action at once; this
module finds those clauses (and their owner) inside a decision's text. The
verbs are data in ``patterns/action_verbs.jsonl``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .clauses import alternation, trim, word_list

#: Words that look like an owner at the start of a clause but are not one.
_NOT_OWNERS = {"the", "a", "an", "agree", "agrees", "to", "note", "notes", "endorse", "endorses", "request", "requests", "where", "that"}
CLAUSE_SPLIT = re.compile(
    r";\s*(?:and\s+|or\s+)?|,?\s+and\s+that\s+|,\s+and\s+(?=(?:the|a|an|that)\s)|\s+and\s+(?=the\s+\w+(?:\s+\w+){0,5}\s+be\s)",
    re.I,
)


@lru_cache(maxsize=1)
def instruction_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(passive, active-with-owner, not-an-instruction) built from ``action_verbs.jsonl``."""
    passive = alternation(word_list("action_verbs.jsonl", "instruction_passive"))
    active = alternation(word_list("action_verbs.jsonl", "instruction_active"))
    owner = r"(?:the\s+)?[A-Z][\w’'\-]*(?:\s+(?:of\s+the\s+|of\s+|for\s+|and\s+)?[A-Z][\w’'\-]*)*|[Oo]fficers|[Mm]embers"
    return (
        re.compile(rf"(?<!\bto\s)\b(?:be|would\s+be|should\s+be|will\s+be)\s+(?:\w+ly\s+)?(?:{passive})\b", re.I),
        re.compile(
            rf"^(?:that\s+)?(?:[^,]{{0,40}},\s*)?(?:(?:agree[sd]?\s+)?to\s+|(?P<owner>{owner})\s+(?:to\s+)?)?(?:{active})\b"
        ),
        re.compile(alternation(word_list("action_verbs.jsonl", "not_instruction")), re.I),
    )


def instructions(text: str, start: int, end: int, owner: str | None) -> tuple[tuple[int, int, str | None], ...]:
    """Clauses of a decision that tell someone to do something (these are also actions)."""
    passive, active, excluded = instruction_patterns()
    out = []
    pos = start
    body = text[start:end]
    bounds = []
    for m in CLAUSE_SPLIT.finditer(body):
        bounds.append((pos, start + m.start()))
        pos = start + m.end()
    bounds.append((pos, end))
    for s, e in bounds:
        s, e = trim(text, s, e)
        clause = text[s:e]
        if not clause or excluded.search(clause):
            continue
        a = active.match(clause)
        if a is not None:
            who = a.group("owner")
            if who and (who.lower() in _NOT_OWNERS or who.split()[0].lower() in _NOT_OWNERS - {"the"}):
                who = None
            out.append((s, e, who or owner))
        elif passive.search(clause):
            out.append((s, e, None))
        else:
            asked = _ASKS.search(clause)
            if asked is not None:
                out.append((s, e, asked.group("owner")))
            elif _IMPERATIVE.match(clause):
                out.append((s, e, owner))
    return tuple(out)


#: "asks the Monitoring Officer to ...", "urges the Executive to ...", "requests that ...", "calls on Government to ..."
_ASKS = re.compile(
    r"\b(?:asks?|request(?:s|ed)?|urges?|instructs?|calls?\s+(?:on|upon)|invites?|directs?)\s+"
    r"(?:(?P<owner>(?:the\s+|that\s+the\s+|all\s+)?[A-Z][\w’'\-]*(?:\s+(?:of\s+the\s+|of\s+|for\s+|and\s+|&\s+)?[A-Z][\w’'\-]*){0,6}|[Oo]fficers)\s+(?:to|be\s+asked\s+to)\s+(?!note\b|be\s+noted\b)|that\s+)",
)
#: A part that opens with an instruction: "Write again to ...", "Encourage ...", "Work with ...", "Inform ..."
_IMPERATIVE = re.compile(
    r"(?:that\s+)?(?:to\s+)?(?:[Ww]rite|[Ee]ncourage|[Ww]ork\s+with|[Ii]nform|[Ll]obby|[Ii]nstruct|[Uu]rge|[Cc]all\s+on|[Aa]sk|[Rr]equest)\b(?!\s+(?:off|down)\b)"
)
