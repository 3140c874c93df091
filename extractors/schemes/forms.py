"""Scheme names in forms other than "<name words> <head>": each function reads
one form that UK minutes print, and every one shares the guards in
``guards`` (posts, bodies, people, departments, codes).

* quoted names: "the ‘Big Thank You Week’", "the ‘Ride Safe’ campaign",
  "a campaign called ‘Release the Pressure’";
* "Operation X" and "X – Weeks of Action";
* runs of name words that end at a cue (``anchored``): "the HIF bid", "the
  Southern Gateway Full Business Case", "the award of £205,000 for the Climate
  Resilience Workplan", "GetSafe (multi-agency support for children ...)",
  "DSG", "RPS schemes";
* names in a list of schemes, in any case (``lists``).
"""

from __future__ import annotations

import re

from . import guards
from .anchored import (
    abbreviations,
    acronym_heads,
    bids,
    business_cases,
    coordinated,
    described,
    funded_objects,
)
from .lexicon import lexicon
from .lists import listed_names
from .names import Found, squash

#: A quoted phrase that starts like a name: up to 70 characters on one line.
QUOTED = re.compile(r"[‘“\"]([A-Z0-9][^‘’“”\"\n]{0,70}?)[’”\"](?![A-Za-z])")
#: "a campaign called ‘Release the Pressure’": a quoted name after its head.
QUOTED_AFTER_HEAD = re.compile(
    r"\b(?i:scheme|campaign|project|programme|initiative|fund|service)s?"
    r"(?:[ \t]+(?i:called|named|entitled|known[ \t]+as))?,?[ \t]+[‘“\"]([A-Z][^’”\"\n]{1,60}?)[’”\"]"
)
#: "County Lines – Weeks of Action", "National Day of Action".
OF_ACTION = re.compile(
    r"(?:[A-Z][A-Za-z0-9’'\-]*[ \t]+)+(?:[–-][ \t]+)?(?:Weeks?|Days?|Months?|"
    r"Fortnights?)[ \t]+of[ \t]+Action(?![\w’'])"
)
OPENING_WORD = re.compile(r"(\S+)[ \t]+")
DETERMINERS = {
    "The",
    "This",
    "That",
    "A",
    "An",
    "Our",
    "Its",
    "Their",
    "During",
    "In",
    "At",
    "For",
    "Each",
    "Every",
}
def quoted_names(text: str) -> list[Found]:
    """A quoted name that ends in a head ("the ‘Big Thank You Week’") or is
    followed by one ("the ‘Release the Pressure’ campaign"): the quotes mark
    it as a name, so an awareness week needs no cue word."""
    lex = lexicon()
    out = []
    for m in QUOTED.finditer(text):
        inner = squash(m.group(1))
        words = inner.split()
        if not 1 <= len(words) <= 8:
            continue
        after = re.match(r"[ ]+(\w+)", text[m.end():m.end() + 30])
        if words[-1].lower() in lex.heads_lower and len(words) >= 2:
            found = Found(m.start(1), m.end(1), inner)
        elif after and after.group(1).lower() in lex.heads_lower:
            found = Found(m.start(), m.end() + after.end(), f"{inner} {after.group(1)}")
        else:
            continue
        if not (guards.is_person(words) or guards.names_body([guards.bare(w) for w in words])):
            out.append(found)
    for m in QUOTED_AFTER_HEAD.finditer(text):
        name = m.group(1).strip()
        if 1 <= len(name.split()) <= 8:
            out.append(Found(m.start(1), m.start(1) + len(name), squash(name)))
    return out


def of_action(text: str) -> list[Found]:
    out = []
    for m in OF_ACTION.finditer(text) if "of Action" in text else ():
        start = m.start()
        while (word := OPENING_WORD.match(text, start, m.end())) and word.group(1) in DETERMINERS:
            start = word.end()
        out.append(Found(start, m.end(), squash(text[start:m.end()])))
    return out


def operations(text: str) -> list[Found]:
    lex = lexicon()
    out = []
    for m in lex.operation.finditer(text):
        words = m.group(0).split()
        if words[1] not in lex.operation_excluded:
            out.append(Found(m.start(), m.end(), " ".join(words)))
    return out


def other_forms(text: str) -> list[Found]:
    """Every name found by the forms in this module."""
    return [
        *quoted_names(text),
        *of_action(text),
        *operations(text),
        *bids(text),
        *business_cases(text),
        *funded_objects(text),
        *described(text),
        *abbreviations(text),
        *acronym_heads(text),
        *coordinated(text),
        *listed_names(text),
    ]
