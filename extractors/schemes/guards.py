"""What a capitalised run ending in a scheme word can be instead of a scheme
(GOLD-GUIDE.md, "Schemes": not organisations, committees, boards, posts,
departments, statutes, generic phrases, people, budget codes or awards).

Every rule that proposes a name asks these questions; each answers for one
form that minutes print, with its vocabulary in ``patterns/``.
"""

from __future__ import annotations

import re

from .lexicon import Lexicon, distinctive, lexicon

#: A budget or ledger reference ("MTP 03/020", "D0036"), not a year range ("2009/10").
BUDGET_CODE = re.compile(r"(?:\d{1,3}/\d{2,4}|[A-Z]{1,4}\d{3,}|\d{3,}[A-Z]{1,3})")
YEAR_RANGE = re.compile(r"(?:19|20)\d{2}[/–-]\d{2,4}")
#: A UK road number ("A4018", "M32"): part of a scheme's name, not a code.
ROAD = re.compile(r"[ABM][1-9]\d{0,3}")
#: ModernGov cuts long minutes with this marker: a name just before it may be cut short.
CUT_MARKER = re.compile(r"\s*(?:\.\.\.|…)\s*view the full", re.IGNORECASE)


def bare(word: str) -> str:
    """A word without the quotes or brackets around it."""
    return word.strip("‘’'“”\"()")


def after_honorific(words: list[str], lex: Lexicon | None = None) -> int:
    """Index of the first word after the last honorific or attendance role
    ("Cllr", "Mrs", "Chair", "Seconded"): what precedes it is a person's name
    or a list of them ("Present: ... Cllr Grant"), never part of a scheme."""
    lex = lex or lexicon()
    cut = 0
    for i, w in enumerate(words[:-1]):
        if bare(w).rstrip(".,:") in lex.honorifics:
            cut = i + 1
    return cut


def post_title_near(text: str, start: int, end: int) -> bool:
    """A post holder's title ends just before the name or opens it: "Head of
    Housing Services", "Cabinet Member for Community Safety"."""
    lex = lexicon()
    line_start = text.rfind("\n", 0, start) + 1
    before = " ".join(text[max(line_start, start - 40):start].split())
    inside = " ".join(text[start:end].split())
    return any(before.endswith(t) or t in inside for t in lex.post_titles)


INITIAL = re.compile(r"[A-Z]\.?")


def is_person(words: list[str]) -> bool:
    """"Katherine Bridget Grant", "Lisa Day", "P. Grant": a first name or an
    initial and at most two more words, the last of them a head that is also
    a surname."""
    first = bare(words[0])
    return len(words) <= 3 and (first in lexicon().first_names or INITIAL.fullmatch(first) is not None)


def has_budget_code(words: list[str]) -> bool:
    return any(
        BUDGET_CODE.fullmatch(bare(w)) and not YEAR_RANGE.fullmatch(bare(w)) and not ROAD.fullmatch(bare(w))
        for w in words
    )


def names_body(words: list[str]) -> bool:
    """An organisation, venue, award or a grant named only by its funder:
    "Department for Transport", "Village Hall", "King's Award for Voluntary
    Service", "Homes England grant", "Officer funding"."""
    lex = lexicon()
    plain = [bare(w) for w in words]
    if any(w in lex.awards for w in plain):
        return True
    # "Department for Education ...", "Ministry of Justice ..."
    return len(plain) > 1 and plain[0] in lex.orgs and plain[1].lower() in lex.connectors


def generic_single(word: str, head: str) -> bool:
    """One word before a lower-case head is a name only when it is distinctive
    ("KIDVA service", "Gainshare funding"); "CCTV scheme" is generic."""
    return head.islower() and not distinctive(word)


def cut_off(text: str, end: int) -> bool:
    """Does the text stop (or a ModernGov "... view the full" marker follow)
    right after this name, so the name may be cut short?"""
    tail = text.rstrip()
    if end >= len(tail) and not tail.endswith((".", "!", "?", ")", '"', "”")):
        return True
    return CUT_MARKER.match(text, end) is not None


ENUMERATOR = re.compile(r"\s*(?:\(?[a-z0-9]{1,3}[.)]|[•●▪\-–*])\s*")
BODIES_LEAD_IN = re.compile(
    r"\b(?:[Cc]ommittees|[Ss]ub-[Cc]ommittees|[Bb]oards|[Gg]roups|[Pp]anels|[Ff]orums|[Bb]odies)\b.*:[-–]?\s*$"
)


def in_body_list(text: str, start: int) -> bool:
    """Is the name an item of a list of bodies ("Consider Minutes of the
    following Committees:- (a) Hawick Common Good Fund 16 August 2023")? A
    fund's sub-committee is named after the fund; in such a list it is the
    committee that is meant."""
    line_start = text.rfind("\n", 0, start) + 1
    if not ENUMERATOR.fullmatch(text[line_start:start]) and text[line_start:start].strip():
        return False
    for _ in range(12):  # walk up over blank lines and other items of the list
        if line_start == 0:
            return False
        prev_start = text.rfind("\n", 0, line_start - 1) + 1
        line = text[prev_start:line_start - 1]
        if line.strip() and not ENUMERATOR.match(line):
            return BODIES_LEAD_IN.search(line) is not None
        line_start = prev_start
    return False
