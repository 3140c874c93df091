"""Scheme names read as a run of name words that ends at a cue: what a bid or a
business case is for, what an award of money is for, a name with a bracketed
description of a service, strands named in a list before one plural head, and
funding streams named by abbreviation or an acronym before a plural head.

Every run goes through ``_run_name``, which trims its opening stop words and
rejects bodies, venues, people, posts, statutes and budget codes (``guards``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import guards
from .lexicon import CAP, MAX_WORDS, WS, distinctive, lexicon
from .names import Found, squash, trim

LOWER_PLURAL_HEADS = "schemes|programmes|projects|initiatives|grants|campaigns|services|funds|pilots"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """Patterns built on the name grammar (a run of name words and connectors)."""
    lex = lexicon()
    conn = "|".join(
        sorted((re.escape(c) for c in lex.connectors if c not in ("the", "a")), key=len, reverse=True)
    )
    run = rf"(?:{CAP}{WS}(?:(?:{conn}){WS})?){{0,{MAX_WORDS}}}{CAP}"
    # "City Centre Transport Corridor – Bond St"
    dashed = rf"(?:{CAP}{WS}(?:(?:{conn}|[–-]){WS})?){{0,{MAX_WORDS}}}{CAP}"
    money = r"£[\d,.]+(?:[ ]?(?:m|k|bn|million|billion)\b)?"
    return {
        "bid": re.compile(rf"({run}){WS}(?:bid|Bid|bids|Bids)\b"),
        "case": re.compile(
            rf"({dashed}){WS}(?:\((?:FBC|OBC|SOBC)\){WS})?(?:(?:Full|Outline|Strategic{WS}Outline|Final){WS})?"
            rf"Business{WS}Case\b"
        ),
        "case_for": re.compile(rf"\b[Bb]usiness{WS}[Cc]ase{WS}for{WS}(?:an?|the){WS}({run})"),
        "funded": re.compile(
            rf"\b(?:award|allocation|grant|funding|investment|contribution)s?{WS}of{WS}{money}{WS}"
            rf"(?:for|towards){WS}(?:the{WS})?({run})"
        ),
        "described": re.compile(rf"({run}){WS}\((?:an?{WS}|the{WS})?([a-z][^()\n]{{4,160}})\)"),
        "abbreviation": re.compile(
            r"(?<![\w\-])(?:"
            + "|".join(sorted(lex.scheme_abbreviations, key=len, reverse=True))
            + r")(?![\w\-])"
        ),
        "coordinated": re.compile(
            rf"(?:{run}{WS}[–-]{WS})?{CAP}(?:,{WS}{CAP})+,?{WS}and{WS}{CAP}{WS}"
            rf"(?:{'|'.join(sorted(h for h in lex.heads_lower.values() if h.lower() in lex.plural))})\b"
        ),
        "acronym_head": re.compile(rf"(?<![\w(])([A-Z][A-Z0-9&]{{1,7}})[ ](?:{LOWER_PLURAL_HEADS})\b"),
    }


def _run_name(text: str, start: int, end: int, *, single_ok: bool = False) -> Found | None:
    """A run of capitalised words proposed by one of the forms, as a name: its
    opening stop words trimmed, and rejected when it names a body, venue,
    person or post, or is one common word ("the Lottery bid")."""
    lex = lexicon()
    start = trim(text, start, end, lex)
    words = squash(text[start:end]).split()
    plain = [guards.bare(w) for w in words]
    if not plain or plain[-1] in lex.leading or plain[-1].lower() in lex.connectors:
        return None
    if len(plain) == 1 and not (single_ok or distinctive(plain[0])):
        return None
    if plain[-1] in lex.funders or any(
        (w.rstrip(",") in lex.orgs or w.rstrip(",") in lex.venues)
        and (i + 1 == len(plain) or w.endswith(",") or plain[i + 1].lower() in lex.connectors)
        for i, w in enumerate(plain)
    ):
        # "the Council bid", "the Village Hall", "the Chambers Institution in
        # Peebles", "Committee, Selection and Member Services", "Homes
        # England"; a body word as a modifier is fine ("City Centre Transport
        # Corridor", "Council Tax Support")
        return None
    if any(w in lex.statutes for w in plain) or guards.is_person(words) or guards.names_body(plain):
        return None
    if guards.has_budget_code(plain) or guards.post_title_near(text, start, end):
        return None
    return Found(start, end, squash(text[start:end]))


#: Patterns that open with a run of name words are tried only near the word
#: that ends them ("bid", "Business Case", "(", a plural head): a run tried
#: from every capitalised word of a long line in capitals would take time
#: quadratic in the line's length.
ANCHORS = {
    "bid": re.compile(r"[ \t\x1f](?:bid|Bid|bids|Bids)\b"),
    "case": re.compile(r"Business[ \t\x1f]+Case\b"),
    "described": re.compile(r"\("),
    "coordinated": re.compile(r"[ \t\x1f](?:Services|Funds|Strands)\b"),
}
WINDOW = 250
#: What must follow an anchor for a match to contain it (the pattern's own
#: tail): "(" that does not open a lower-case description is skipped before
#: the window is searched, with the same result and a fraction of the work.
TAILS = {"described": re.compile(rf"(?:an?{WS}|the{WS})?[a-z][^()\n]{{4,160}}\)")}


def _matches(pattern: str, text: str) -> list[re.Match[str]]:
    """Matches of one of the patterns; an anchored one only in a window around its anchor."""
    compiled = _patterns()[pattern]
    anchor = ANCHORS.get(pattern)
    if anchor is None:
        return list(compiled.finditer(text))
    tail = TAILS.get(pattern)
    out: dict[tuple[int, int], re.Match[str]] = {}
    for a in anchor.finditer(text):
        if tail is not None and not tail.match(text, a.end(), min(len(text), a.end() + WINDOW)):
            continue
        lo = max(0, a.start() - WINDOW)
        while 0 < lo < a.start() and not text[lo - 1].isspace():
            lo += 1  # start at a word
        for m in compiled.finditer(text, lo, min(len(text), a.end() + WINDOW)):
            if m.start() <= a.start() < m.end():
                out.setdefault(m.span(), m)
    return [out[span] for span in sorted(out)]


def _groups(pattern: str, text: str, *, single_ok: bool = False) -> list[Found]:
    out = []
    for m in _matches(pattern, text):
        found = _run_name(text, m.start(1), m.end(1), single_ok=single_ok)
        if found is not None:
            out.append(found)
    return out


def bids(text: str) -> list[Found]:
    """What a bid is for is a funding stream: "the HIF bid", "Town Deal bid"."""
    lex = lexicon()
    out = []
    for f in _groups("bid", text):
        words = f.name.split()
        last_head = max((i for i, w in enumerate(words) if w.lower() in lex.heads_lower), default=None)
        if last_head == len(words) - 1:
            continue  # "the Coastal Towns Fund bid": the head-noun rule has it
        if last_head is not None:  # "the Levelling Up Fund Round 2 bid" is a bid to the fund
            cut = list(re.finditer(r"\S+", text[f.start:f.end]))[last_head]
            f = Found(f.start, f.start + cut.end(), " ".join(words[:last_head + 1]))
        out.append(f)
    return out


CASE_QUALIFIERS = re.compile(r"(?:[ \t\n\x1f]+(?:Full|Outline|Strategic|Final|Draft))+$")


def business_cases(text: str) -> list[Found]:
    """A business case (Full, Outline) is written for a scheme: "the Southern
    Gateway and Friary Full Business Case", "a business case for an M32 Park
    and Ride"."""
    lex = lexicon()
    out = []
    for f in _groups("case", text) + _groups("case_for", text):
        qualifier = CASE_QUALIFIERS.search(text, f.start, f.end)
        end = qualifier.start() if qualifier else f.end
        name = squash(text[f.start:end])
        words = name.split()
        if not words or words[-1].lower() in lex.connectors or words[0].lower() in lex.heads_lower:
            continue  # "the Outline Business Case and Full Business Case", "Scheme Development and OBC"
        out.append(Found(f.start, end, name))
    return out


def coordinated(text: str) -> list[Found]:
    """Strands or services named in a list before one plural head: "County
    Lines – Protect, Prevent and Prepare Strands"."""
    out = []
    for m in _matches("coordinated", text):
        found = _run_name(text, m.start(), m.end())
        if found is not None:
            out.append(found)
    return out


def funded_objects(text: str) -> list[Found]:
    """"the award of £205,000 for the Climate Resilience Workplan": what an
    award or allocation of money is for, when it is a name of two words or more."""
    return [f for f in _groups("funded", text) if len(f.name.split()) >= 2]


def described(text: str) -> list[Found]:
    """"GetSafe (multi-agency support and protection for children ...)": a
    name followed by a bracketed description of a service or scheme."""
    cues = lexicon().description_cues
    out = []
    for m in _matches("described", text):
        if cues.intersection(re.findall(r"[a-z]+", m.group(2))):
            found = _run_name(text, m.start(1), m.end(1))
            if found is not None:
                out.append(found)
    return out


def abbreviations(text: str) -> list[Found]:
    """Funding streams named by abbreviation ("DSG", "UKSPF"), as written."""
    return [Found(m.start(), m.end(), m.group(0)) for m in _patterns()["abbreviation"].finditer(text)]


def acronym_heads(text: str) -> list[Found]:
    """An acronym before a lower-case plural head: "RPS schemes", "TCR programmes"."""
    out = []
    for m in _patterns()["acronym_head"].finditer(text):
        if distinctive(m.group(1)):
            out.append(Found(m.start(), m.end(), squash(m.group(0))))
    return out


