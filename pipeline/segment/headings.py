"""Finding agenda item headings in plain text (PDF and unstructured exports).

Two kinds of evidence, strongest first:

1. An agenda reference line "(Item 4)" under a heading (Kent-style PDFs). The
   heading is the line(s) above it, with the minute number when printed
   ("84. Apologies").
2. Numbered heading lines ("326. Apologies", "39/20 Budget", "14.CTV.1 ...",
   "* O&S 95 ...", "Item 64 ...", "1 DECLARATIONS OF INTEREST"). Numbered
   paragraphs inside an item look the same, so a candidate must read like a
   title, lists of candidates with no prose between them (an agenda's contents
   page) are dropped, and the kept headings must form one increasing run of
   numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.itemtext import strip_furniture


@dataclass(frozen=True)
class Heading:
    start: int  # offset of the heading's first character in the text
    number: str | None
    title: str | None
    issue_id: str | None = None


@dataclass(frozen=True)
class _Line:
    start: int
    text: str  # stripped
    after_blank: bool = False  # a blank line separates it from the line above


@dataclass(frozen=True)
class _Candidate:
    index: int  # line index
    key: int  # the number used to check order
    number: str
    title: str


ANCHOR = re.compile(r"^\(\s*(?:Agenda\s+)?Item\s+(?P<n>\d{1,3}[a-z]?)\s*\)$", re.IGNORECASE)
INLINE_ANCHOR = re.compile(r"\s*\(\s*(?:Agenda\s+)?Item\s+\d{1,3}[a-z]?\s*\)\s*$", re.IGNORECASE)
#: Numbered heading forms; each names the group that orders them.
NUMBERED = (
    re.compile(r"^(?P<number>(?P<key>\d{1,4})/\d{2,4})\.?\s+(?P<title>\S.*)$"),  # 39/20
    re.compile(r"^(?P<number>\d{1,3}\.[A-Z]{2,6}\.(?P<key>\d{1,3}))\.?\s+(?P<title>\S.*)$"),  # 14.CTV.1
    re.compile(r"^(?:Item|Minute|Min\.?)\s+(?P<number>(?P<key>\d{1,4})[a-z]?)\s*[.:\-–]?\s+(?P<title>\S.*)$", re.IGNORECASE),
    re.compile(r"^\*?\s*(?P<number>[A-Z][A-Za-z&]{0,5}\s+(?P<key>\d{1,4}))[.:]?\s+(?P<title>[A-Z]\S.*)$"),  # * O&S 95
    re.compile(r"^(?P<number>(?P<key>\d{1,4})[a-z]?)(?:\.|\s)\s*(?P<title>[A-Z(‘'\"].*)$"),  # 84. Apologies / 1 DECLARATIONS
)
#: A minute number before a heading that an "(Item N)" line confirms: "88. 24/00108 - Revenue ..."
MINUTE_NUMBER = re.compile(r"^(?P<number>\d{1,4}[a-z]?)(?:\.\s*|\s+)(?P<title>[A-Z0-9(‘'\"].*)$")
_PAGE_NUMBER = re.compile(r"^(?:Page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$", re.IGNORECASE)
_SENTENCE_END = (".", "!", "?", ":", ";")
_CUE_START = re.compile(r"^(?:RESOLVED|AGREED|NOTED|DECISION|RECOMMENDED|It was|That\b|Further to)", re.IGNORECASE)
_SMALL = {"and", "of", "the", "for", "in", "on", "to", "a", "an", "at", "by", "with", "from", "or", "as"}
#: A wrapped heading line is long; a short line above a title did not wrap into it.
WRAPPED_LINE = 50
MAX_TITLE = 160
MAX_STEP = 6  # items skipped in numbering (exempt business) stay in one run


def find_headings(text: str) -> list[Heading]:
    lines = _lines(text)
    anchored = _anchored(lines)
    if len(anchored) >= 2:
        return anchored
    return _numbered(lines)


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    blank = False
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            out.append(_Line(pos + raw.index(stripped[0]), stripped, blank))
            blank = False
        else:
            blank = True
        pos += len(raw) + 1
    return out


def _anchored(lines: list[_Line]) -> list[Heading]:
    heads: list[Heading] = []
    for i, line in enumerate(lines):
        match = ANCHOR.match(line.text)
        if not match:
            continue
        head = _heading_above(lines, i, match.group("n"))
        if head is not None and (not heads or head.start > heads[-1].start):
            heads.append(head)
    return heads


def _heading_above(lines: list[_Line], anchor: int, item_number: str) -> Heading | None:
    j = anchor - 1
    while j >= 0 and _PAGE_NUMBER.match(lines[j].text):
        j -= 1
    if j < 0 or ANCHOR.match(lines[j].text):
        return None
    taken = [j]
    while len(taken) < 4:
        numbered = _match_numbered(lines[taken[-1]].text, last=True)
        if numbered:
            break
        prev = taken[-1] - 1
        if prev < 0 or ANCHOR.match(lines[prev].text) or lines[taken[-1]].after_blank:
            break  # a title wraps within its paragraph, never across a blank line
        above = lines[prev].text
        if len(above) < WRAPPED_LINE or above.endswith(_SENTENCE_END) or _PAGE_NUMBER.match(above):
            break
        taken.append(prev)
    first = taken[-1]
    title = " ".join(lines[k].text for k in reversed(taken))
    number = item_number
    numbered = _match_numbered(lines[first].text, last=True)
    if numbered:
        number = numbered.group("number")
        title = " ".join([numbered.group("title")] + [lines[k].text for k in reversed(taken[:-1])])
    return Heading(lines[first].start, number, _clean_title(title))


def _match_numbered(text: str, *, last: bool = False) -> re.Match[str] | None:
    patterns = (MINUTE_NUMBER,) if last else NUMBERED
    for pattern in patterns:
        match = pattern.match(text)
        if match:
            return match
    return None


def _clean_title(title: str) -> str | None:
    title = strip_furniture(INLINE_ANCHOR.sub("", re.sub(r"\s+", " ", title)))
    return title or None


def _titleish(title: str) -> bool:
    """Reads like a heading: short, not a sentence, mostly capitalised words."""
    if len(title) > MAX_TITLE or title.endswith((".", ",", ";")) or _CUE_START.match(title):
        return False
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’\-]*", title) if w.lower() not in _SMALL]
    if not words:
        return False
    if title.isupper() or len(words) <= 3:
        return True
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.6


def _numbered(lines: list[_Line]) -> list[Heading]:
    candidates: list[_Candidate] = []
    for i, line in enumerate(lines):
        match = _match_numbered(line.text)
        if not match:
            continue
        title = INLINE_ANCHOR.sub("", match.group("title")).strip()
        if _titleish(strip_furniture(title) or title):
            candidates.append(_Candidate(i, int(match.group("key")), match.group("number"), title))
    candidates = _drop_lists(lines, candidates)
    chain = _longest_run(candidates)
    return [Heading(lines[c.index].start, c.number, _clean_title(c.title)) for c in chain]


def _drop_lists(lines: list[_Line], candidates: list[_Candidate]) -> list[_Candidate]:
    """Remove runs of 3+ candidates with no sentence between them (contents pages, lists)."""
    kept: list[_Candidate] = []
    run: list[_Candidate] = []
    for cand in candidates:
        if run and not _prose_between(lines, run[-1].index, cand.index):
            run.append(cand)
            continue
        if len(run) < 3:
            kept.extend(run)
        run = [cand]
    if len(run) < 3:
        kept.extend(run)
    return kept


def _prose_between(lines: list[_Line], a: int, b: int) -> bool:
    return any(lines[k].text.endswith((".", "!", "?")) for k in range(a + 1, b))


def _longest_run(candidates: list[_Candidate]) -> list[_Candidate]:
    """The longest chain of strictly increasing numbers with small steps."""
    if not candidates:
        return []
    best_len = [1] * len(candidates)
    back = [-1] * len(candidates)
    for i, cand in enumerate(candidates):
        for j in range(i):
            step = cand.key - candidates[j].key
            if 1 <= step <= MAX_STEP and best_len[j] + 1 > best_len[i]:
                best_len[i], back[i] = best_len[j] + 1, j
    end = max(range(len(candidates)), key=lambda k: (best_len[k], -k))
    if best_len[end] < 2:
        return []
    chain = []
    while end != -1:
        chain.append(candidates[end])
        end = back[end]
    return chain[::-1]
