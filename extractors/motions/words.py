"""Where a motion printed in full begins and where its words end.

A motion is introduced ("Mr A proposed, and Mr B seconded the motion that",
"Moved by X; “That ...”") and its words run on the same line to the end of the
sentence, or over the lines after the introduction while they read as its words
(wrapped lines, list items, a quotation), never past a line of procedure or a fate.
"""

from __future__ import annotations

import re

from ..clauses import BULLETS, sentence_end, skip_space
from .record import MAX_WORDS, Motion, phrase_rows

_QUOTES = {"“": "”", '"': '"'}
_MARKER = re.compile(r"[^\S\n]*(?:\(?[0-9a-zA-Z]{1,4}[.)]|[" + BULLETS + r"\-–]|[“\"‘])")


def find(text: str) -> list[Motion]:
    """Every motion introduced in ``text``, in order, with where its words end (no fate yet)."""
    rows = phrase_rows()
    intros: list[tuple[int, int, bool]] = []
    for kind in ("intro", "substantive"):
        for rx, _ in rows[kind]:
            for m in rx.finditer(text):
                amend = kind == "intro" and bool(m.groupdict().get("amend"))
                intros.append((m.start(), m.end(), amend))
    intros.sort()
    out: list[Motion] = []
    for start, end, amend in intros:
        if out and start < max(out[-1].end, out[-1].start + 1):
            continue
        body, words_end = _words(text, end)
        procedural = any(rx.search(text, body, words_end) for rx, _ in rows["procedural"])
        out.append(Motion(start, body, words_end, amend and not procedural, procedural=procedural))
    return out


def _words(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of a motion's words after its introduction ends at ``pos``."""
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    start = skip_space(text, pos)
    if start >= len(text):
        return start, start
    quoted = text[start] in _QUOTES
    if text[pos:line_end].strip() and not quoted:
        end = sentence_end(text, start, start + MAX_WORDS)
        return start, _cut_at_fate(text, start, end)
    return start, _lines_end(text, start, quoted)


def _cut_at_fate(text: str, start: int, end: int) -> int:
    """"... that the question be put, which was agreed": the words stop where their fate begins."""
    cut = end
    for rx, _ in phrase_rows()["fate"]:
        m = rx.search(text, start, end)
        if m is not None and m.start() > start:
            cut = min(cut, m.start())
    return len(re.sub(r"(?:[\s,;–-]|\band)+$", "", text[:cut]))


def _lines_end(text: str, start: int, quoted: bool) -> int:
    """A motion set out on the lines after its introduction runs while its lines read
    as its words (wrapped lines, list items, a stem ending ':' and what follows it),
    or to its closing quotation mark, never past a line of procedure or a fate."""
    rows = phrase_rows()
    stops = [
        rx for kind in ("intro", "substantive", "fate", "procedure", "decision_label") for rx, _ in rows[kind]
    ]
    close = _QUOTES.get(text[start], "") if quoted else ""
    end = pos = start
    blank, first, prev = False, True, ""
    limit = min(len(text), start + MAX_WORDS)
    while pos < limit:
        nl = text.find("\n", pos, limit)
        line_end = limit if nl < 0 else nl
        line = text[pos:line_end]
        if not line.strip():
            blank = True
            pos = line_end + 1
            continue
        s = pos + len(line) - len(line.lstrip())
        e = pos + len(line.rstrip())
        if not first and any(rx.search(text, pos, e) for rx in stops):
            break
        if prev.endswith((".", "!", "?", "”", '"')) and not quoted:
            blank = True  # one paragraph a line (web pages): a finished sentence ends it
        if (
            not quoted
            and not first
            and blank
            and not (
                _MARKER.match(text, s, e) or prev.endswith((":", ";", ",")) or text[s:e].endswith((":", ";"))
            )
        ):
            break
        closing = text.find(close, s + 1 if first else s, e) if close else -1
        if closing < 0 and close == "”":
            closing = text.find('"', s + 1 if first else s, e)
        if closing >= 0:
            return closing + 1
        end, prev, first, blank = e, text[s:e], False, False
        pos = line_end + 1
    return end
