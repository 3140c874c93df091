"""Finding agenda item headings in plain text (PDF and unstructured exports).

Evidence, strongest first:

0. Decision recording forms: "(a) Subject: <title> (agenda item N)".
1. An agenda reference line "(Item 4)" under a heading (Kent-style PDFs). The
   heading is the line(s) above it, with the minute number when printed
   ("84. Apologies").
2. ModernGov issue histories: each "Meeting: dd/mm/yyyy - <Committee> (Item N)"
   line starts an item.
3. Numbered headings in any printed form ("326. Apologies", "39/20 Budget",
   "C124/20 ...", "14.CTV.1 ...", "* O&S 95 ...", "Item 64 ...", "1.Present:
   ...", a number alone over its title), kept when they form the agenda's run
   (``numbered_heads``); with them titled sub-items ("4.1 ...") and unnumbered
   items before and between (``unnumbered_heads``).
4. Minute-year numbers inside flattened one-line text (``inline_heads``).
5. In a document with no numbers: titles over "Status:"/"Decision Maker:"
   fields, titles in capitals, lettered titles "(A) ...".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..load.meta import ISSUE_MEETING
from ..text.itemtext import strip_furniture
from .heading_forms import AGENDA_REFERENCE, ANCHOR, FORM_FIELD, INLINE_ANCHOR, PAGE_NUMBER, SUBJECT_FIELD
from .heading_lines import Line, clean_title, split_lines, titleish
from .heading_runs import best_run
from .inline_heads import inline_minutes
from .numbered_heads import Candidate, candidates
from .unnumbered_heads import Found, before_first, between, sub_items, unnumbered_document


@dataclass(frozen=True)
class Heading:
    start: int  # offset of the heading's first character in the text
    number: str | None
    title: str | None
    issue_id: str | None = None


#: A minute number before a heading that an "(Item N)" line confirms: "88. 24/00108 - Revenue ..."
MINUTE_NUMBER = re.compile(r"^(?P<number>\d{1,4}[a-z]?)(?:\.\s*|\s+)(?P<title>[A-Z0-9(‘'\"].*)$")
_SENTENCE_END = (".", "!", "?", ":", ";")
#: A wrapped heading line is long; a short line above a title did not wrap into it.
WRAPPED_LINE = 50
WRAPPED_TITLE = 80  # a form's title wraps onto a short next line


def find_headings(text: str) -> list[Heading]:
    lines = split_lines(text)
    subjects = _decision_subjects(lines)
    if subjects:
        return subjects
    anchored = _anchored(lines)
    if len(anchored) >= 2:
        first = next(line.index for line in lines if line.start == anchored[0].start)
        return [_heading(f) for f in before_first(lines, first)] + anchored
    issues = _issue_meetings(lines)
    if issues:
        return issues
    numbered = numbered_headings(lines)
    if numbered:
        return numbered
    flat = inline_minutes(text)
    if flat:
        return [Heading(start, number, title) for start, number, title in flat]
    return [_heading(f) for f in unnumbered_document(lines)]


def numbered_headings(lines: list[Line]) -> list[Heading]:
    """The numbered run with its titled sub-items and the unnumbered items around it."""
    run = best_run(lines, candidates(lines))
    if not run:
        return []
    found: dict[int, Heading] = {c.index: Heading(c.start, c.number, c.title) for c in run}
    extra: list[Found] = before_first(lines, run[0].index)
    for cand, nxt in zip(run, [*run[1:], None]):
        hi = nxt.index if nxt is not None else len(lines)
        extra += sub_items(lines, _parent(cand), cand.last + 1, hi)
        extra += between(lines, cand.last + 1, hi)
    for f in extra:
        found.setdefault(f.index, _heading(f))
    return [found[i] for i in sorted(found)]


def _parent(cand: Candidate) -> str:
    return cand.number if cand.family[0] == "plain" else ""


def _heading(found: Found) -> Heading:
    return Heading(found.start, found.number, found.title)


def _decision_subjects(lines: list[Line]) -> list[Heading]:
    """Decision recording forms: "(a) Subject: <title> (agenda item N)" opens each decision.

    The title may wrap onto the next line, and the agenda reference with it.
    """
    heads = []
    for i, line in enumerate(lines):
        match = SUBJECT_FIELD.match(line.text)
        if not match:
            continue
        title = match.group("title")
        for nxt in lines[i + 1 : i + 3]:
            if AGENDA_REFERENCE.search(title) or FORM_FIELD.match(nxt.text) or len(nxt.text) >= WRAPPED_TITLE:
                break
            title = f"{title} {nxt.text}"
        reference = AGENDA_REFERENCE.search(title)
        number = reference.group("n") if reference else None
        heads.append(Heading(line.start, number, clean_title(AGENDA_REFERENCE.sub("", title))))
    return heads if any(h.number for h in heads) else []


def _issue_meetings(lines: list[Line]) -> list[Heading]:
    """Issue history: "Meeting: ... (Item 55)" starts an item; the next line holds "55 <title>"."""
    heads = []
    for i, line in enumerate(lines):
        meeting = ISSUE_MEETING.fullmatch(line.text)
        if not meeting:
            continue
        number = meeting.group("number").strip().rstrip(".")
        title = None
        if i + 1 < len(lines):
            heading = strip_furniture(lines[i + 1].text)
            if heading.startswith((number + " ", number + ". ")):
                title = clean_title(heading[len(number) :].lstrip(". "))
            elif titleish(heading):
                title = clean_title(heading)
        heads.append(Heading(line.start, number, title))
    return heads


def _anchored(lines: list[Line]) -> list[Heading]:
    heads: list[Heading] = []
    for i, line in enumerate(lines):
        match = ANCHOR.match(line.text)
        if not match:
            continue
        head = _heading_above(lines, i, match.group("n"))
        if head is not None and (not heads or head.start > heads[-1].start):
            heads.append(head)
    return heads


def _heading_above(lines: list[Line], anchor: int, item_number: str) -> Heading | None:
    j = anchor - 1
    while j >= 0 and PAGE_NUMBER.match(lines[j].text):
        j -= 1
    if j < 0 or ANCHOR.match(lines[j].text):
        return None
    taken = [j]
    while len(taken) < 4:
        if MINUTE_NUMBER.match(lines[taken[-1]].text):
            break
        prev = taken[-1] - 1
        if prev < 0 or ANCHOR.match(lines[prev].text) or lines[taken[-1]].after_blank:
            break  # a title wraps within its paragraph, never across a blank line
        above = lines[prev].text
        if len(above) < WRAPPED_LINE or above.endswith(_SENTENCE_END) or PAGE_NUMBER.match(above):
            break
        taken.append(prev)
    first = taken[-1]
    title = " ".join(lines[k].text for k in reversed(taken))
    number = item_number
    numbered = MINUTE_NUMBER.match(lines[first].text)
    if numbered:
        number = numbered.group("number")
        title = " ".join([numbered.group("title")] + [lines[k].text for k in reversed(taken[:-1])])
    return Heading(lines[first].start, number, _anchored_title(title))


def _anchored_title(title: str) -> str | None:
    title = strip_furniture(INLINE_ANCHOR.sub("", re.sub(r"\s+", " ", title)))
    return title or None
