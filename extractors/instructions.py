"""Instructing clauses: the parts of a decision that tell someone to do something.

A resolution part such as "the Clerk write to the Highways Authority" or
"Officers be asked to report back" is a decision and an action at once; this
module finds those clauses (and their owner) inside a decision's text. The
verbs are data in ``patterns/action_verbs.jsonl``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .action_words import find_due
from .clauses import alternation, trim, word_list

#: Words that look like an owner at the start of a clause but are not one.
_NOT_OWNERS = {
    "the",
    "a",
    "an",
    "agree",
    "agrees",
    "to",
    "note",
    "notes",
    "endorse",
    "endorses",
    "request",
    "requests",
    "where",
    "that",
}
CLAUSE_SPLIT = re.compile(
    r";\s*(?:and\s+|or\s+)?|,?\s+and\s+that\s+|,\s+and\s+(?=(?:the|a|an|that)\s)|\s+and\s+(?=the\s+\w+(?:\s+\w+){0,5}\s+be\s)"
    # parts numbered inline: "... website. 2) The HSE be asked"
    r"|(?<=[.:)])\s+\(?(?:\d{1,2}|[a-hj-z])[.)]\s+(?=[A-Z])",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def instruction_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(passive, active-with-owner, not-an-instruction) built from ``action_verbs.jsonl``."""
    passive = alternation(word_list("action_verbs.jsonl", "instruction_passive"))
    active = verb_forms(word_list("action_verbs.jsonl", "instruction_active"))
    owner = (
        r"(?:the\s+)?[A-Z][\w’'\-]*(?:\s+(?:of\s+the\s+|of\s+|for\s+|"
        r"and\s+)?[A-Z][\w’'\-]*)*|[Oo]fficers|[Mm]embers"
    )
    return (
        re.compile(
            rf"(?<!\bto\s)\b(?:be|would\s+be|should\s+be|will\s+be|is|are)\s+(?:\w+ly\s+)?(?:\w+ed\s+(?:and|or)\s+)?(?:{passive})\b",
            re.IGNORECASE,
        ),
        re.compile(
            rf"^(?:that\s+)?(?:[^,]{{0,40}},\s*)?(?:(?:agree[sd]?\s+)?to\s+|(?P<owner>{owner})\s+(?:to\s+|should\s+|shall\s+|will\s+|would\s+|must\s+)?)?(?:{active})\b(?!\s+(?:was|were|is|are|be|been|has|have|had|will|would)\b)"
        ),
        re.compile(alternation(word_list("action_verbs.jsonl", "not_instruction")), re.IGNORECASE),
    )


def instructions(
    text: str, start: int, end: int, owner: str | None
) -> tuple[tuple[int, int, str | None], ...]:
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
    for s, e in _contrasts(text, bounds):
        s, e = trim(text, s, e)
        clause = text[s:e]
        if not clause:
            continue
        if (
            _SCHEDULED.search(clause)
            and _FORWARD.search(find_due(clause) or "")
            and "minutes" not in clause.lower()
        ):
            out.append((s, e, owner))  # "a work programme to be agreed at the next board"
            continue
        if excluded.search(clause):
            continue
        a = None if _ASKS_FIRST.match(clause) and _ASKS.search(clause) else active.match(clause)
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
                at = (
                    s + asked.start() if _NOTES_FIRST.match(clause) else s
                )  # "agrees the terms and asks X to ...": the asking part
                out.append((at, e, asked.group("owner")))
            elif _IMPERATIVE.match(clause) or _CONSULT.search(clause) or _RECEIVES.search(clause):
                out.append((s, e, owner))
            else:
                then = _and_then(clause)
                if then is not None:
                    lead = _LEAD_OWNER.match(clause)
                    out.append((s + then, e, lead.group("owner") if lead else owner))
    return tuple(out)


#: "X will apply to ..., but the Committee will be updated on ...": what follows the contrast is
#: read on its own, so a statement of scope before it is not taken for the instruction after it.
_CONTRAST = re.compile(r",\s+but\s+(?=(?:the|a|an|this|these|any|all|officers|members)\b)|;\s+however,?\s+",
                       re.IGNORECASE)


def _contrasts(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each clause split at a contrasting "but" / "however" (each side is read on its own)."""
    out = []
    for s, e in bounds:
        for m in _CONTRAST.finditer(text, s, e):
            out.append((s, m.start()))
            s = m.end()
        out.append((s, e))
    return out


def _and_then(clause: str) -> int | None:
    """"note the petition and provide a formal response": where the instruction after a
    noting or approving verb starts."""
    if not _NOTES_FIRST.match(clause):
        return None
    m = _and_active().search(clause)
    return m.start("verb") if m is not None else None


@lru_cache(maxsize=1)
def _and_active() -> re.Pattern[str]:
    active = verb_forms(word_list("action_verbs.jsonl", "instruction_active"))
    return re.compile(rf"\s+and\s+(?:to\s+|also\s+)?(?P<verb>(?:{active}))\b")


def verb_forms(phrases: tuple[str, ...]) -> str:
    """An alternation of verb phrases in the base form or the third person
    ("write" / "writes", "take part" / "takes part"), longest first."""
    out = []
    for phrase in sorted(phrases, key=len, reverse=True):
        first, _, rest = phrase.partition(" ")
        head = re.escape(first) + ("(?:es)?" if first.endswith(("s", "sh", "ch", "x")) else "s?")
        out.append(head + (r"\s+" + r"\s+".join(re.escape(w) for w in rest.split()) if rest else ""))
    return "|".join(out)


#: A part that opens by asking someone: its owner is the one asked, not the body asking.
_ASKS_FIRST = re.compile(
    r"^(?:that\s+)?(?:to\s+)?(?:asks?|requests?|urges?|instructs?|invites?|calls?\s+(?:on|upon)|directs?)\b",
    re.IGNORECASE,
)
#: "asks the Monitoring Officer to ...", "urges the Executive to ...", "requests that ...", "calls on
#: Government to ..."
_ASKS = re.compile(
    r"\b(?:asks?|request(?:s|ed)?|urges?|instructs?|calls?\s+(?:on|upon)|invites?|directs?)\s+"
    r"(?:(?P<owner>(?:the\s+|that\s+the\s+|all\s+)?[A-Z][\w’'\-]*(?:\s+(?:of\s+the\s+|of\s+|for\s+|and\s+|&\s+)?[A-Z][\w’'\-]*){0,6}|[Oo]fficers)\s+(?:to|be\s+asked\s+to)\s+(?!note\b|be\s+noted\b)|that\s+)",
)
#: "... the criteria for formal consultation with the neighbouring councils": the part sends something out.
_CONSULT = re.compile(r"\bfor\s+(?:formal\s+|public\s+|further\s+|wider\s+)?consultation\b", re.IGNORECASE)
#: "a work programme to be agreed by the board at its next meeting": business fixed for a later meeting.
_SCHEDULED = re.compile(
    r"\b(?:to\s+be|be|would\s+be|will\s+be)\s+(?:agreed|considered|discussed|reviewed|revisited|decided)\b",
    re.IGNORECASE,
)
#: "the Committee receives six-monthly updates on ...": the meeting is to be told something.
_RECEIVES = re.compile(
    r"^(?:that\s+)?(?:the\s+)?(?:[A-Z][\w&’'\-]*\s+){0,4}?(?:Committee|Sub-Committee|Panel|Board|Cabinet|Council|Forum|Partnership|Members|Councillors)\s+"
    r"(?:will\s+|should\s+|shall\s+|continues?\s+to\s+|to\s+)?receives?\s+(?:[\w\-]+\s+){0,3}?(?:updates?|reports?|briefings?|presentations?)\b",
    re.IGNORECASE,
)
#: A due that looks forward to a meeting ("the next board", "the March meeting"), not a past date.
_FORWARD = re.compile(r"\bnext\b|\bmeeting\b", re.IGNORECASE)
#: A part that opens by noting, approving or agreeing (optionally after the deciding body).
_NOTES_FIRST = re.compile(
    r"^(?:that\s+)?(?:(?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,5}\s+)?(?:to\s+)?(?:notes?|noted|approves?|approved|endorses?|endorsed|agrees?|agreed|welcomes?|welcomed|accepts?|accepted|receives?|received)\b",
)
_LEAD_OWNER = re.compile(
    r"^(?:that\s+)?(?P<owner>(?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,5})\s+(?:notes?|approves?|endorses?|agrees?|welcomes?|accepts?|receives?|note|approve|endorse|agree)\b"
)
#: A part that opens with an instruction: "Write again to ...", "Encourage ...", "Work with ...", "Inform ..."
_IMPERATIVE = re.compile(
    r"(?:that\s+)?(?:to\s+)?(?:[Ww]rite|[Ee]ncourage|[Ww]ork\s+with|[Ii]nform|[Ll]obby|[Ii]nstruct|[Uu]rge|[Cc]all\s+on|[Aa]sk|[Rr]equest)\b(?!\s+(?:off|down)\b)"
)
