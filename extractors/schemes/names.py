"""The head-noun rule: a run of name words ending in a scheme head
("Nominated Neighbour Scheme", "White Ribbon campaign", "Levelling-up funding",
"Moorlands Connect bus service", "Melrose Common Good Fund").

The grammar (``lexicon.named``) proposes runs; this module trims each run to
the name it holds and keeps it only when the words before the head make it a
name rather than a post, body, department, person or generic phrase
(``guards``). Names are matched in ``wrapped_view`` text, so a name that a
PDF line break splits ("Economic\\nDevelopment Funding") is one name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import guards
from .lexicon import FILL, MAX_WORDS, Lexicon, distinctive, lexicon

EVENT_HEADS = {"day", "week", "month", "night", "fortnight"}
#: "funding" is a head only at the end of its phrase ("Safer Communities funding
#: to NWCSP") or before a kept follower ("Feasibility Funding Application"),
#: not in "Schools Funding Formula" or "High Needs Funding shortfall".
FUNDING_END = (
    r"[\s\x1f]*(?:[.,;:?!)\]\n–—-]|$|(?:of|for|to|from|was|were|is|are|has|had|have|would|will|could|should|may|and|or|"
    r"which|that|in|on|at|by|with|as|being|been|this|these|it|{followers})\b)"
)


@lru_cache(maxsize=1)
def _funding_end() -> re.Pattern[str]:
    return re.compile(FUNDING_END.format(followers="|".join(sorted(lexicon().kept_followers))))
ACRONYM_IN_NAME = re.compile(r"[ \t\x1f]+\([A-Z][A-Za-z&]{1,9}\)(?=[ \t\x1f])")
AND = re.compile(r"[ \t\x1f]+and[ \t\x1f]+")
WORD = re.compile(r"\S+")
LINE_END = re.compile(r"[.:;!?]\s*$")
LOOK_BACK = 40 * MAX_WORDS  # characters before a head that can hold its name


@dataclass(frozen=True)
class Found:
    """One mention: offsets into the document text, the scheme's name, and
    (after grouping) its canonical key and the score that put it there."""

    start: int
    end: int
    name: str  # as written, whitespace squashed; later the fullest form in the document
    canonical: str = ""
    score: float = 100.0


def squash(text: str) -> str:
    return " ".join(text.replace(FILL, " ").split())


def wrapped_view(text: str) -> str:
    """``text`` with the line breaks inside wrapped paragraphs turned into
    spaces (and the next line's indentation into FILL), same length, so
    offsets still point into ``text``. A break is a wrap when its line is
    long (PDF and Word minutes wrap near 60-100 characters) or the next line
    is a lone head word (a wrapped table cell: "A4018 Roadworks and Bus
    Lane\nScheme"), the line does not end a sentence or a label, and the
    next line goes on with a word."""
    out = list(text)
    pos = 0
    heads = lexicon().heads_lower
    for line in text.split("\n")[:-1]:
        nl = pos + len(line)
        pos = nl + 1
        next_end = text.find("\n", pos)
        nxt = text[pos:next_end if next_end >= 0 else len(text)].strip()
        lone_head = (
            nxt.lower() in heads and line.rstrip()[-1:].isalnum()
        )  # a table cell: "...Bus Lane\nScheme"
        if (len(line.strip()) < 60 and not lone_head) or LINE_END.search(line):
            continue
        indent = 0
        while pos + indent < len(text) and text[pos + indent] in " \t":
            indent += 1
        if pos + indent < len(text) and text[pos + indent].isalnum():
            out[nl] = " "
            out[pos:pos + indent] = FILL * indent
    return "".join(out)


def head_windows(text: str) -> list[tuple[int, int]]:
    """Where the head-noun rule can match: from the start of the run of name
    words before each head (the token that cannot be part of a name, kept in
    to be safe) to the end of the head's line, merged. A name is such a run
    ending in a head and never crosses a line break, so matching only inside
    these windows finds exactly what matching the whole text would, without
    trying every capitalised word of the document."""
    lex = lexicon()
    windows: list[tuple[int, int]] = []
    for h in lex.head_at.finditer(text):
        # a name is at most MAX_WORDS words: look back no further than that
        line_start = max(text.rfind("\n", 0, h.start()) + 1, h.start() - LOOK_BACK)
        start = h.start()
        for word in reversed(text[line_start:h.start()].split()):
            start = text.rfind(word, line_start, start)
            if not lex.name_token.fullmatch(word):
                break
        else:
            start = line_start
        end = text.find("\n", h.end())
        end = len(text) if end < 0 else end
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def head_names(text: str) -> list[Found]:
    """Every name the head-noun rule finds in ``text`` (a ``wrapped_view``)."""
    named = lexicon().named
    found: list[Found] = []
    pos = 0
    for start, end in head_windows(text):
        for m in named.finditer(text, max(start, pos), end):
            pos = m.end()
            found.extend(_split_and_name(text, m.start(), m.end()))
    return found


def _split_and_name(text: str, start: int, end: int) -> list[Found]:
    """A run may hold two names joined by "and": "Pubwatch and Street Pastors
    Project", "Nominated Neighbour Scheme and Respect Programme", "the ‘Walk
    Safe’ and ‘Ride Safe’ campaign". It splits where the word before "and"
    ends a name of its own (a head, a well-known name, a body or a quoted
    name); "Kent and Medway Business Fund" stays whole."""
    lex = lexicon()
    head = squash(text[start:end]).split()[-1]
    out: list[Found] = []
    seg_start = start
    for m in AND.finditer(text, start, end):
        left = text[seg_start:m.start()].split()
        if not left:
            continue
        last = left[-1]
        quoted = last.endswith(("’", "”", '"')) and text[m.end()] in "‘“\""
        if quoted and left[0][0] in "‘“\"":
            name = f"{squash(text[seg_start:m.start()])} {head}"
            out.append(Found(seg_start, m.start(), name))
        elif not (last.lower() in lex.heads_lower or last.lower() in lex.gazetteer_lower or last in lex.orgs
                  or last in lex.leading or quoted):
            continue
        elif last.lower() in lex.heads_lower and lex.named.fullmatch(text, seg_start, m.start()):
            found = name_at(text, seg_start, m.start())
            out.extend([found] if found else [])
        seg_start = m.end()
    found = name_at(text, seg_start, end)
    return out + ([found] if found else [])


def trim(text: str, start: int, end: int, lex: Lexicon) -> int:
    """Where the name in a run starts: after a possessive owner ("KCC’s No Use
    Empty scheme"), an honorific or attendance role ("Cllr Grant", "Seconded
    Cllr ..."), leading stop words ("The", "Members"), connectors and numbers
    ("£450k of Integrated Transport Block funding")."""
    words = [(m.start(), m.group(0)) for m in WORD.finditer(text, start, end)]  # FILL is whitespace to \S
    cut = guards.after_honorific([w for _, w in words], lex)
    for i, (_, w) in enumerate(words[:-1]):
        owner = w[:-2]
        if w.endswith(("'s", "’s")) and (owner in lex.orgs or owner.isupper() or owner in lex.leading):
            cut = max(cut, i + 1)
    for i, (_, w) in enumerate(words[:-2]):
        if w.isdigit() and guards.bare(words[i + 1][1]) in lex.first_names:
            cut = max(cut, i + 1)  # a table row's number and a person: "Southville 25 Susie Holt ..."
    while cut < len(words) - 1:
        at, w = words[cut]
        if any(text.startswith(kept, at) for kept in lex.kept_compounds):
            break  # "Council Tax Reduction Scheme", "City Region Sustainable Transport Settlement"
        if not (w in lex.leading or w.rstrip(":") in lex.leading or w in lex.connectors or w[0].isdigit()):
            break
        cut += 1
    return words[cut][0]


def name_at(text: str, start: int, end: int) -> Found | None:
    """The name in one run ending in a head, or None when it is not one."""
    lex = lexicon()
    start = trim(text, start, end, lex)
    acronym = ACRONYM_IN_NAME.search(text, start, end)
    if acronym and acronym.group(0).strip(" \t\x1f()") in lex.acronym_stop:
        # "Special Educational Needs and Disabilities (SEND) service": a service area, like "SEND service"
        return None
    words = squash(ACRONYM_IN_NAME.sub("", text[start:end])).split()
    if len(words) > 2 and words[-1] == "funding" and words[-2].lower() in lex.heads_lower:
        end = (
            start + text[start:end].rstrip().rfind(words[-2]) + len(words[-2])
        )  # "Safer Streets Fund funding"
        words = words[:-1]
    if len(words) < 2:
        return None
    if guards.bare(words[0]) in lex.first_names and len(words) > 3 and words[1][:1].isupper():
        # "08 Angharad Hughes East Bristol Liveable Neighbourhood": a person in a
        # table row before the name; "William Hill Trust Fund" is named after one
        third = list(WORD.finditer(text, start, end))[2]
        rest = name_at(text, third.start(), end)
        if rest is not None:
            return rest
    if words[-1].lower() == "funding" and not _funding_end().match(text, end):
        return None
    if lex.org_follower.match(text, end) or guards.post_title_near(text, start, end) or not acceptable(words):
        return None  # "the Pub Watch group", "Head of Housing Services"
    if guards.in_body_list(text, start):
        return None
    return Found(start, end, squash(ACRONYM_IN_NAME.sub("", text[start:end])))


def _split_head(words: list[str], lex: Lexicon) -> tuple[list[str], str, bool]:
    """(words before the head, head, whether the head is a compound such as
    "Trust Fund" whose first word is not a modifier)."""
    lower = [w.lower() for w in words]
    for compound in lex.compound:
        parts = compound.lower().split()
        if len(words) > len(parts) and lower[-len(parts):] == parts:
            return words[:-len(parts)], compound, True
    return words[:-1], words[-1], False


def acceptable(words: list[str]) -> bool:
    """Do the words before the head make this run a scheme's name?"""
    lex = lexicon()
    modifiers, head, compound = _split_head(words, lex)
    h = head.lower()
    own = [guards.bare(w) for w in modifiers]
    if own and own[-1] in lex.kind_words:
        own = own[:-1]  # "Moorlands Connect bus service": "bus" says what kind, not which
    if not own or not own[-1]:
        return False
    if h in lex.capitalised_only and head[0].islower():
        return False  # "Knife Crime awareness", "Family Hub awareness": a topic, not a name
    if h in lex.two_words and len(own) < 2:
        return False  # "the Community Hub", "Scam Awareness", "Transport Levy": generic or a tax
    if guards.is_person(words) or guards.names_body(own) or guards.has_budget_code(own):
        return False
    if len(own) == 1 and guards.generic_single(own[0], words[-1]):
        return False  # "CCTV scheme", "the project"; but "KIDVA service", "Gainshare funding"
    if not compound and any(w.lower() in lex.excluded.get(h, ()) for w in own):
        return False  # "Pension Fund", "Capital Programme", "Police Service"
    if h in lex.needing and not any(w in lex.needing[h] for w in own) and not _event_name(own, h, lex):
        return False  # "Next Week", "Youth Zone"; but "National Adoption Week"
    if h in lex.plural and not any(distinctive(w) for w in own):
        # "Children's Services", "Corporate and Traded Services", "Future of
        # Commissioned Services": a plural head names a department or a report
        # unless a word of its own marks a name ("KIDVA Services")
        return False
    if any(part in lex.orgs for w in own if "/" in w for part in w.split("/")[:-1]):
        return False  # "Northwold Care Group/Car Scheme": a payee and what was paid for, in a table
    last = own[-1]
    if last.lower() in lex.connectors or last in lex.funders:
        return False  # "... of Fund", "Homes England grant"
    if last in lex.orgs and len(own) < 3 and not compound:
        return False  # "Council Fund", "PCC Fund"; but "Safer Roads Partnership programme"
    return not any(w in lex.post_words for w in own)  # "Enhanced Partnership Officer funding"


def _event_name(own: list[str], head: str, lex: Lexicon) -> bool:
    """An awareness day or week without a cue word still counts when it is
    "National/World ... Week" or has two words of its own ("CPP Takeover Day")."""
    if head not in EVENT_HEADS:
        return False
    words = [w for w in own if w.lower() not in lex.connectors]
    return own[0] in lex.event_prefixes or len(words) >= 2
