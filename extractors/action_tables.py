"""Owners written beside the minute rather than in it: action columns.

Parish and community council minutes often keep an "Action" column: flattened
to text it shows as the owner's initials at the end of the line ("... refer to
the roads officer. HL", "... with the surgery MPO/TMA 31/5"), or as a table
row whose last cell names who acts ("| Clerk to write to Highways | Clerk |").
The line or row is then an action of that owner.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from .action_record import Commitment, commitment
from .clauses import block_bounds, sentence_start

#: Initials at a line end after the sentence: "... a status report. HL", "... forward. KC/GD/IK", "...
#: surgery MPO/TMA31/5".
_TRAILING = re.compile(
    r"(?:(?<=[.!?])[^\S\n]+(?P<one>[A-Z]{2,4}(?:[^\S\n]*[/&,][^\S\n]*[A-Z]{2,4})*)"
    r"|[^\S\n]+(?P<many>[A-Z]{2,4}(?:[^\S\n]*/[^\S\n]*[A-Z]{2,4})+))"
    r"(?P<date>[^\S\n]*\d{1,2}/\d{1,2}(?:/\d{2,4})?)?[^\S\n]*$",
    re.MULTILINE,
)
#: Capitals that end sentences without being anyone's initials.
_NOT_INITIALS = {
    "UK",
    "EU",
    "NHS",
    "PCC",
    "MP",
    "MSP",
    "AM",
    "PM",
    "CC",
    "SBC",
    "HSE",
    "OK",
    "TBC",
    "TBA",
    "NB",
    "PS",
    "AOB",
    "ACTION",
    "NOTED",
    "AGREED",
}
#: "Topic – what is to be done": the action is after the dash.
_TOPIC_DASH = re.compile(r"[^\n.]{1,60}?\s[–—-]\s+")
#: A table header naming the column that says who acts.
_OWNER_HEADER = re.compile(
    r"^\s*(?:action(?:\s+by)?|owner|responsible|who|lead|by\s+whom)\s*$", re.IGNORECASE
)


def line_owners(text: str, found: list[Commitment]) -> list[Commitment]:
    """``found`` with owners read from trailing initials, plus the lines those initials mark."""
    out = list(found)
    for m in _TRAILING.finditer(text):
        who = m.group("one") or m.group("many")
        if set(re.split(r"[^A-Z]+", who)) & _NOT_INITIALS:
            continue
        end = m.start()
        while end > 0 and text[end - 1] in " \t.":
            end -= 1
        block_start, _block_end = block_bounds(text, end - 1)
        same = [i for i, c in enumerate(out) if block_start <= c.start and c.end <= end + 1]
        if same:
            for i in same:
                if _generic(out[i].owner):
                    out[i] = replace(out[i], owner=who)
            continue
        start = max(sentence_start(text, end - 1), block_start)
        topic = _TOPIC_DASH.match(text, start, end)
        if topic is not None and start == block_start and topic.end() < end:
            start = topic.end()
        if (
            end - start >= 8
            and _TASK.search(text[start:end])
            and not re.search(r"\b(?:still|yet)\s+to\s+be\b", text[start:end])
        ):
            out.append(commitment(text, start, end, who))
    return out


#: The marked sentence reads as a task: "would meet", "to be drawn up", "to pursue", "needs to", "agreed to".
_TASK = re.compile(
    r"\b(?:would|will)\s+(?:(?:also|now|then|further)\s+)?(?:be\s+(?:\w+ed|made|sent|put|taken|done|given)\b|(?!be\b|allow|need|have|like|not\b|seem|appear|mean)[a-z]+\b)"
    r"|^(?:to\s+be|to\s+[a-z]+)\b|^(?:(?!was\b|were\b|is\b|are\b|had\b|has\b|given\b)[\w’'\-]+\s+){1,4}to\s+[a-z]+\b|\bneeds?\s+to\b|\bagreed\s+to\s+(?!adopt|approve|note|accept|support)"
)


def _generic(owner: str | None) -> bool:
    """An owner the initials improve on: none, or a description ("a small group", "the officers")."""
    return owner is None or owner[:1].islower() or owner.lower().startswith(("a ", "the ", "officers"))


def table_rows(text: str) -> Iterable[Commitment]:
    """Rows of a "|" table whose header has an action/owner column: the row's
    text cell, owned by that cell."""
    lines = text.split("\n")
    pos = 0
    owner_col: int | None = None
    for line in lines:
        start_of_line = pos
        pos += len(line) + 1
        if "|" not in line:
            owner_col = None
            continue
        cells = _cells(line, start_of_line)
        names = [line[s - start_of_line : e - start_of_line] for s, e in cells]
        header = [i for i, n in enumerate(names) if _OWNER_HEADER.match(n)]
        if header:
            owner_col = header[0]
            continue
        if owner_col is None or owner_col >= len(cells) or re.fullmatch(r"[\s|:\-]*", line):
            continue
        os_, oe = cells[owner_col]
        owner = text[os_:oe].strip()
        if not owner or len(owner.split()) > 5:
            continue
        body = max(
            (c for i, c in enumerate(cells) if i != owner_col), key=lambda c: c[1] - c[0], default=None
        )
        if body is None or body[1] - body[0] < 8:
            continue
        yield commitment(text, body[0], body[1], owner)


def _cells(line: str, offset: int) -> list[tuple[int, int]]:
    """(start, end) of each cell's text in a "|" row, as offsets into the whole text."""
    out = []
    col = 0
    for part in line.split("|"):
        lead = len(part) - len(part.lstrip())
        out.append((offset + col + lead, offset + col + len(part.rstrip())))
        col += len(part) + 1
    if out and out[0][0] == out[0][1] and line.lstrip().startswith("|"):
        out = out[1:]
    if out and out[-1][0] == out[-1][1] and line.rstrip().endswith("|"):
        out = out[:-1]
    return out
