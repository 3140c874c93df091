"""Agenda item headings printed without a number.

Parish and older minutes print a title in capitals or a short title line over
its paragraph; ModernGov pages carry unnumbered rows (a declaration of
interest, a member leaving) between numbered ones; decision and CMIS pages
put "Status:" / "Decision Maker:" fields under the title. A short line is a
heading only when the minute's prose (or such a field) follows it, and never
when it is part of the meeting header (council, date, "Present", attendance).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .heading_forms import (
    FIELD_UNDER_TITLE,
    HEADER_LINE,
    LABEL,
    LETTERED,
    MEETING_PREAMBLE,
    PAGE_NUMBER,
    PERSON,
    PROCEDURAL_TITLE,
    SUB_ITEM,
)
from .heading_lines import Line, clean_title, is_date, is_prose, titleish, words

MAX_UNNUMBERED = 120
#: A label alone on its line between a title and its minute ("Minutes:").
_BARE_LABEL = re.compile(r"^(?:Minutes|Decision|Notes?)\s*:?$", re.IGNORECASE)
#: The paragraph that closes a minute: its decision.
_INITIALS = re.compile(r"^[A-Z]{2,3}$")
_PARAGRAPH_NUMBER = re.compile(r"^\d{1,2}[.)]\s+")
_CLOSES_ITEM = re.compile(r"^(?:DECISION|RESOLVED|AGREED|NOTED|Resolved|Agreed|Noted)\b")


@dataclass(frozen=True)
class Found:
    """An unnumbered (or lettered, or sub-numbered) heading on line ``index``."""

    index: int
    start: int
    number: str | None
    title: str


def title_line(line: Line) -> str | None:
    """The title if this line could be an unnumbered heading by itself.

    Not a label, a field ("Venue: ..."), the meeting's header, a date, a
    person or a list of people ("Paul Wilson PW, ..."), an address.
    """
    text = line.text
    if (
        len(text) > MAX_UNNUMBERED
        or any(mark in text for mark in (":", "|", "@", "http", "www."))
        or text.count(",") >= 2
    ):
        return None
    if (
        HEADER_LINE.match(text)
        or LABEL.match(text)
        or MEETING_PREAMBLE.match(text)
        or PAGE_NUMBER.match(text)
        or is_date(text)
    ):
        return None
    if (
        PERSON.match(text)
        or text[0] in "·•-–*("
        or text[0].isdigit()
        or (text.endswith(".") and len(words(text)) > 6)
    ):
        return None
    if not text.isupper() and sum(1 for w in text.split() if _INITIALS.match(w)) >= 2:
        return None  # "Trevor Smith TS Paul Wilson PW": members and their initials
    title = clean_title(text)
    return title if title and titleish(title, max_len=MAX_UNNUMBERED) else None


def named_title(line: Line) -> str | None:
    """A title that can stand without a number: two words or more, in capitals, or a procedural item."""
    title = title_line(line)
    if title and (len(words(title)) >= 2 or line.text.isupper() or PROCEDURAL_TITLE.match(title)):
        return title
    return None


def body_follows(lines: Sequence[Line], i: int, *, numbered: bool = False) -> bool:
    """The minute's prose follows line i (over one bare "Minutes:" label); with ``numbered``,
    also a numbered paragraph ("1. Mr Gough proposed ...")."""
    j = i + 1
    if j < len(lines) and _BARE_LABEL.match(lines[j].text):
        j += 1
    if j >= len(lines):
        return False
    text = _PARAGRAPH_NUMBER.sub("", lines[j].text) if numbered else lines[j].text
    return text[:1].isupper() and is_prose(text)


def before_first(lines: Sequence[Line], stop: int) -> list[Found]:
    """Unnumbered items above the first numbered one ("Commencement of the Meeting")."""
    out = []
    for i in range(stop):
        title = named_title(lines[i])
        if title and body_follows(lines, i, numbered=True):
            out.append(Found(i, lines[i].start, None, title))
    return out


def between(lines: Sequence[Line], lo: int, hi: int) -> list[Found]:
    """Unnumbered rows between two numbered items: after the previous decision, or a procedural title."""
    out = []
    for i in range(lo, hi):
        title = named_title(lines[i])
        if not title or not body_follows(lines, i):
            continue
        after_decision = i > 0 and (
            _CLOSES_ITEM.match(lines[i - 1].text) or (i > 1 and lines[i - 2].text.upper() == "DECISION")
        )
        if after_decision or PROCEDURAL_TITLE.match(title):
            out.append(Found(i, lines[i].start, None, title))
    return out


def sub_items(lines: Sequence[Line], parent: str, lo: int, hi: int) -> list[Found]:
    """Titled sub-items "4.1 Minute 6 - Annual Report" of item ``parent``;
    numbered paragraphs stay in the item."""
    out = []
    for i in range(lo, hi):
        match = SUB_ITEM.match(lines[i].text)
        if not match or match.group("parent") != parent:
            continue
        title = clean_title(match.group("title"))
        raw = match.group("title").strip()
        if not title or raw.endswith(".") or not titleish(raw, max_len=100) or i + 1 >= len(lines):
            continue
        if SUB_ITEM.match(lines[i + 1].text):
            continue  # a list of sub-headings with nothing under them
        out.append(Found(i, lines[i].start, f"{parent}.{match.group('sub')}", title))
    return out


def field_titles(lines: Sequence[Line]) -> list[Found]:
    """A title with "Status:" or "Decision Maker:" on the next line (CMIS and decision pages)."""
    out = []
    for i in range(len(lines) - 1):
        if FIELD_UNDER_TITLE.match(lines[i + 1].text):
            title = title_line(lines[i])
            if title:
                out.append(Found(i, lines[i].start, None, title))
    return out


def lettered(lines: Sequence[Line]) -> list[Found]:
    """ "(A) Budget Meeting Of The Committee", "(B) ...": titled lettered items in order from A."""
    out: list[Found] = []
    for i, line in enumerate(lines):
        match = LETTERED.match(line.text)
        if not match:
            continue
        letter = match.group("a") or match.group("b")
        raw = match.group("title").strip()
        if not titleish(raw, max_len=100) or raw.endswith(".") or not body_follows(lines, i):
            continue
        expected = chr(ord(out[-1].number or "@") + 1) if out else "A"
        if letter == expected:
            out.append(Found(i, line.start, letter, clean_title(raw) or raw))
        elif letter == "A" and len(out) < 2:
            out = [Found(i, line.start, letter, clean_title(raw) or raw)]
    return out if len(out) >= 2 else []


def capitals(lines: Sequence[Line], lettered_at: set[int]) -> list[Found]:
    """Titles printed in capitals over their minute (or over a lettered sub-item)."""
    out = []
    for i, line in enumerate(lines):
        title = title_line(line)
        if not title or not line.text.isupper() or len(words(title)) < 1:
            continue
        if body_follows(lines, i) or (i + 1) in lettered_at:
            out.append(Found(i, line.start, None, title))
    return out


def unnumbered_document(lines: Sequence[Line]) -> list[Found]:
    """Headings of a document that numbers none of its items."""
    found = {f.index: f for f in field_titles(lines)}
    letters = lettered(lines)
    for f in letters:
        found.setdefault(f.index, f)
    for f in capitals(lines, {f.index for f in letters}):
        found.setdefault(f.index, f)
    return [found[i] for i in sorted(found)]
