"""Numbered agenda item headings: every line that could be one, weighted by how much it reads like a title.

Numbered paragraphs inside an item ("1. The Director introduced ...",
resolution parts "1. That ...", a parish item's own "1. 2. 3." list) look like
headings; ``heading_runs`` picks the run that is the agenda. Here each
candidate gets its printed number, the number that orders it, its printed
form (a run keeps to one) and a weight: a title weighs 1, a title ending in a
full stop or running on into its minute a little less, a sentence little.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..text.dates import find_date
from ..text.itemtext import strip_furniture
from .heading_forms import (
    CODE_ALONE,
    CUE_START,
    INLINE_ANCHOR,
    LABEL,
    NOT_PREFIXES,
    NUMBER_ALONE,
    NUMBERED_FORMS,
    PAGE_NUMBER,
)
from .heading_lines import Line, clean_title, is_date, is_sentence, run_on_title, titleish, words

MIN_WEIGHT = 0.3
LONG_TITLE_WORDS = 12
RUN_ON = 0.8  # a title with its minute on the same line
WRAPS_AT = 60  # a heading line this long may have wrapped
MAX_WRAPPED_TAIL = 40
#: "Title: body" / "Title:- body" on one line (parish minutes); not a time "7:30".
_COLON = re.compile(r"^(?P<title>[^:]{2,120}?)\s*(?P<sep>:-?)(?:\s+|$)(?P<body>.*)$")


@dataclass(frozen=True)
class Candidate:
    index: int  # first line of the heading
    last: int  # last line of the heading (the title line under a lone number)
    start: int
    family: tuple[str, str, str]  # form, prefix, suffix: one run shares all three
    key: int
    number: str
    title: str | None
    weight: float
    body: bool  # the item's text starts on the heading's own line


def split_title(rest: str) -> tuple[str, str]:
    """Title and inline body of "Co-option of Councillors: Three vacancies remain"."""
    rest = INLINE_ANCHOR.sub("", rest).strip()
    match = _COLON.match(rest)
    if match:
        title, body = match.group("title").strip(), match.group("body").strip()
        if not body:
            return title, ""
        # "Board: Seminar On 7 December" is one title; "Apologies:- Cllr Penn, on holiday." is a title and its
        # minute
        title_like_tail = (
            titleish(body) and len(words(body)) >= 2 and len(body) <= 60 and not body.endswith(".")
        )
        if titleish(title) and (match.group("sep") == ":-" or not title_like_tail):
            return title, body
    return rest, ""


def weight(title: str) -> float:
    """How much a numbered line's title reads like an item title (0 = not at all).

    A line that opens with a title and runs on into its minute ("Police
    Report The PCSO presented ...") weighs as a title, a little less.
    """
    title = strip_furniture(title)
    head = run_on_title(title)
    if head != title and not is_sentence(head):
        return max(RUN_ON * _weight(head), _weight(title))
    return _weight(title)


def _weight(title: str) -> float:
    if not title or CUE_START.match(title) or is_date(title):
        return 0.0
    if titleish(title, max_len=120):
        return 0.8 if title.endswith(".") else 1.0
    if len(words(title)) <= 16 and not is_sentence(title):
        return 0.5
    return 0.3  # a parish item whose minute runs on from its title


def candidates(lines: Sequence[Line]) -> list[Candidate]:
    """Every line that could head a numbered item, weighted."""
    repeated = _repeated(lines)
    out: list[Candidate] = []
    for i, line in enumerate(lines):
        cand = _inline(line) or _alone(lines, i, repeated)
        if cand is not None and cand.weight >= MIN_WEIGHT:
            out.append(_wrapped(lines, cand))
    return _without_running_headers(out)


def _without_running_headers(cands: list[Candidate]) -> list[Candidate]:
    """A page number before a dated header ("12 Cabinet 30 January 2025") on every page is not an item."""
    counts: dict[str, int] = defaultdict(int)
    for cand in cands:
        counts[cand.title or ""] += 1
    return [c for c in cands if not (c.title and counts[c.title] >= 3 and find_date(c.title))]


def _wrapped(lines: Sequence[Line], cand: Candidate) -> Candidate:
    """A long heading whose last words wrapped onto a short line of their own
    ("... parking policies" / "and charges")."""
    nxt = cand.last + 1
    line = lines[cand.last].text
    if not cand.title or len(line) < WRAPS_AT or nxt >= len(lines) or ":" in line or is_sentence(line):
        return cand
    tail = lines[nxt].text
    closed = nxt + 1 >= len(lines) or lines[nxt + 1].after_blank
    if lines[nxt].after_blank or not closed or len(tail) > MAX_WRAPPED_TAIL or tail.endswith((".", ":")):
        return cand
    if (
        LABEL.match(tail)
        or PAGE_NUMBER.match(tail)
        or NUMBER_ALONE.match(tail)
        or any(p.match(tail) for _f, p in NUMBERED_FORMS)
    ):
        return cand
    return replace(cand, last=nxt, title=clean_title(f"{cand.title} {tail}"))


def _inline(line: Line) -> Candidate | None:
    for form, pattern in NUMBERED_FORMS:
        match = pattern.match(line.text)
        if not match:
            continue
        groups = match.groupdict()
        prefix, suffix = groups.get("prefix") or "", groups.get("suffix") or ""
        if form == "prefix" and prefix.lower() in NOT_PREFIXES:
            return None
        key = int(match.group("key"))
        if len(suffix) >= 3 and suffix.isdigit():
            key, suffix = int(suffix), match.group("key")  # "Minute 23/045": year 23, minute 45
        if match.group("key").startswith("0") and not prefix:
            prefix = "0"  # "07 Ann Baker ...": a reference list, not the agenda's numbers
        title, body = split_title(match.group("title"))
        return Candidate(
            line.index,
            line.index,
            line.start,
            (form, prefix, suffix),
            key,
            re.sub(r"\s+", " ", match.group("number")),
            clean_title(run_on_title(title)),
            weight(title),
            _has_body(title, body),
        )
    return None


def _has_body(title: str, body: str) -> bool:
    """The item's minute starts on its heading line (after a colon, or run on as a sentence)."""
    return (
        bool(body)
        or is_sentence(title)
        or len(words(title)) > LONG_TITLE_WORDS
        or run_on_title(title) != title
    )


def _alone(lines: Sequence[Line], i: int, repeated: set[str]) -> Candidate | None:
    """ "39." alone, the title on the next line; "PAR" / "1" / title for a committee code."""
    match = NUMBER_ALONE.match(lines[i].text)
    if not match or i + 1 >= len(lines):
        return None
    nxt = lines[i + 1].text
    if (
        NUMBER_ALONE.match(nxt)
        or PAGE_NUMBER.match(nxt)
        or nxt in repeated
        or any(p.match(nxt) for _f, p in NUMBERED_FORMS)
    ):
        return None
    title, body = split_title(nxt)
    number, family, first = match.group("number"), ("plain", "", ""), lines[i]
    if i > 0 and CODE_ALONE.match(lines[i - 1].text) and lines[i - 1].text.lower() not in NOT_PREFIXES:
        first = lines[i - 1]
        number, family = f"{first.text} {number}", ("prefix", first.text, "")
    return Candidate(
        first.index,
        i + 1,
        first.start,
        family,
        int(match.group("key")),
        number,
        clean_title(run_on_title(title)),
        weight(title),
        _has_body(title, body),
    )


def _repeated(lines: Sequence[Line]) -> set[str]:
    """Lines printed three or more times: running headers, not titles."""
    counts: dict[str, int] = defaultdict(int)
    for line in lines:
        counts[line.text] += 1
    return {text for text, n in counts.items() if n >= 3}
