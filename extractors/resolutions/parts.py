"""Enumerated parts of a decision: "(a) (b)", "1) 2)", "(i) (ii)", "1. 2." and
bullets, read in character space after a cue. A list counts only when its
markers run in sequence, so "79." or a stray "(c)" never starts one."""

from __future__ import annotations

import re
from typing import Any

from ..clauses import BULLETS, skip_space
from .rules import MAX_BODY, phrases

MAX_PARTS = 40
MARKER = re.compile(
    r"[^\S\n]*(?:\((?P<p>\d{1,2}|[a-zA-Z]|[ivxIVX]{1,5})\)|(?P<b>\d{1,2}|[a-zA-Z]|[ivxIVX]{1,5})(?P<bp>[.)]))(?:[^\S\n]+|(?=\n)|$)"
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
          "xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15}
HEADINGISH = re.compile(
    r"[^\S\n]*(?:\d{1,4}\.?[^\S\n]*$|\(Item\b|(?:Minutes|Decision|Supporting documents|Reasons?)\b)"
)


def parts(text: str, body: int) -> tuple[tuple[int, int] | None, list[tuple[str, int, int]]] | None:
    """(stem, parts) when a sequenced list of parts follows ``body``; None for a single decision."""
    limit = min(len(text), body + MAX_BODY * 4)
    lines = lines_from(text, body, limit)
    stem: tuple[int, int] | None = None
    found: list[list[Any]] = []  # [label, start, end]
    style: str | None = None
    kinds: set[tuple[str, int]] = set()
    cont = False
    stem_colon = text[max(0, body - 20) : body].rstrip().endswith(":")
    for index, (s, e, blank_before) in enumerate(lines):
        if (
            (blank_before or index == 0)
            and not cont
            and _subheading_before_part(text, lines, index, style, kinds, found, stem, stem_colon)
        ):
            continue
        if text[s] in BULLETS and (style == "bullet" or (not found and _bare_stem(text, stem))):
            style = "bullet"
            found.append([str(len(found) + 1), skip_space(text, s + 1), e])
            cont = False
            continue
        marker = MARKER.match(text, s, e + 1)
        if marker is not None:
            mstyle, readings = reading(marker)
            if not found and (
                any(v == 1 for _, v in readings) or (stem is not None and _body_stem(text, stem))
            ):
                if (
                    stem is not None
                    and not text[stem[0] : stem[1]].rstrip().endswith((":", "–", "-", ",", ";"))
                    and not _body_stem(text, stem)
                ):
                    return None
                style, kinds = mstyle, ({r for r in readings if r[1] == 1} or set(readings))
                found.append([label_of(marker), marker.end(), e])
                cont = marker.end() >= e  # a marker alone on its line: its words follow
                continue
            if found and mstyle == style:
                nxt = {r for r in readings if (r[0], r[1] - 1) in kinds}
                if nxt:
                    kinds = nxt
                    found.append([label_of(marker), marker.end(), e])
                    cont = marker.end() >= e
                    if len(found) >= MAX_PARTS:
                        break
                    continue
        if not found:
            if index == 0:
                stem = (s, e)
                continue
            if (
                stem is not None
                and not blank_before
                and not text[stem[0] : stem[1]].rstrip().endswith((".", ":"))
                and index < 3
            ):
                stem = (stem[0], e)  # a wrapped stem line
                continue
            return None
        tail = text[found[-1][1] : found[-1][2]].rstrip()
        if HEADINGISH.match(text, s, e) or tail.endswith("."):
            break
        if tail.endswith((":", "–", "-", ",")) or (cont and not blank_before):
            cont = True
            found[-1][2] = e
            continue
        if cont and blank_before and not tail.endswith((";", ".")):
            found[-1][2] = e
            continue
        if not blank_before and not tail.endswith(";"):
            found[-1][2] = e  # a wrapped line
            continue
        break
    if not found:
        return None
    return stem, [(str(label), start, end) for label, start, end in found]


_SUBHEADING = re.compile(r"[^\S\n]*(?!\(?[0-9a-zA-Z]{1,4}[.)](?:\s|$))[A-Z0-9£][^\n]{0,70}?[^.:;,\s\-–—]:?$")


def _subheading_before_part(
    text: str,
    lines: list[tuple[int, int, bool]],
    index: int,
    style: str | None,
    kinds: set[tuple[str, int]],
    parts: list[list[Any]],
    stem: tuple[int, int] | None,
    stem_colon: bool,
) -> bool:
    """A short heading line ("2025-26 Revenue Budget") between a stem ending ":" (or a part)
    and the next part in sequence: skipped, not a stop."""
    s, e, _blank = lines[index]
    if len(text[s:e].split()) > 8 or not _SUBHEADING.fullmatch(text, s, e) or HEADINGISH.match(text, s, e):
        return False
    if re.search(r"\b(?:and|or)$", text[s:e]):
        return False
    if parts and not text[parts[-1][1] : parts[-1][2]].rstrip().endswith((".", ";")) and not lines[index][2]:
        return False  # no blank line before it: a wrapped line of the part, not a heading
    if not parts:
        if stem is None:
            if not stem_colon:
                return False
        elif not text[stem[0] : stem[1]].rstrip().endswith(":"):
            return False
    for j in range(index + 1, min(len(lines), index + 2)):
        ns, ne, _nblank = lines[j]
        marker = MARKER.match(text, ns, ne + 1)
        if marker is None:
            return False
        mstyle, readings = reading(marker)
        if not parts:
            return any(v == 1 for _, v in readings)
        return mstyle == style and any((r[0], r[1] - 1) in kinds for r in readings)
    return False


_BODY_STEM = re.compile(
    r"[^\S\n]*(?:that\s+)?(?:the\s+)?(?:[\w&’'\-]+\s+){0,4}(?:committee|sub-committee|panel|board|cabinet|council|executive|forum|authority)"
    r"(?:\s+(?:for|of|on)\s+[\w&’'\-]+(?:\s+(?:and|&)?\s*[\w&’'\-]+){0,4})?[^\S\n]*[:;,\-–]?[^\S\n]*",
    re.IGNORECASE,
)


def _body_stem(text: str, stem: tuple[int, int]) -> bool:
    """ "That the Committee for Transport and Connectivity" with no colon: the
    deciding body before its parts."""
    return _BODY_STEM.fullmatch(text, *stem) is not None


def _bare_stem(text: str, stem: tuple[int, int] | None) -> bool:
    """A stem with no content of its own ("that:", "Council:") introduces bulleted parts."""
    if stem is None:
        return True
    words = text[stem[0] : stem[1]].strip()
    return (
        words.endswith((":", "–", "-"))
        and len(words.split()) <= 5
        and not phrases()["subjunctive"].search(words)
    )


_PAGE_FURNITURE = re.compile(
    r"[^\S\n]*(?:\S+@\S+\.\S+|(?:https?://|www\.)\S+|Page\s+\d+(?:\s+of\s+\d+)?)[^\S\n]*", re.IGNORECASE
)


def lines_from(text: str, start: int, limit: int) -> list[tuple[int, int, bool]]:
    """(content start, content end, blank line before) for each non-blank line from ``start``."""
    out: list[tuple[int, int, bool]] = []
    pos = start
    blank = False
    while pos < limit and len(out) < 200:
        nl = text.find("\n", pos, limit)
        end = limit if nl < 0 else nl
        seg = text[pos:end]
        if _PAGE_FURNITURE.fullmatch(seg) and out:
            blank = False  # a running footer between two lines of one list ("clerk@council.gov.uk", "Page 4")
        elif seg.strip():
            lead = len(seg) - len(seg.lstrip())
            out.append((pos + lead, pos + len(seg.rstrip()), blank))
            blank = False
            if "|" in seg:
                break
        else:
            blank = True
        pos = end + 1
    return out


def reading(marker: re.Match[str]) -> tuple[str, set[tuple[str, int]]]:
    """The bracket style of a marker and every sequence it could belong to."""
    value = marker.group("p") or marker.group("b")
    style = "paren" if marker.group("p") else ("dot" if marker.group("bp") == "." else "close")
    readings: set[tuple[str, int]] = set()
    if value.isdigit():
        readings.add(("num", int(value)))
    else:
        lower = value.lower()
        # letter case is not part of the sequence: printed lists run "A) ... b) ... c)"
        if len(value) == 1:
            readings.add(("alpha", ord(lower) - ord("a") + 1))
        if lower in _ROMAN:
            readings.add(("roman", _ROMAN[lower]))
    return style, readings


def label_of(marker: re.Match[str]) -> str:
    return (
        (marker.group("p") or marker.group("b")).lower()
        if not (marker.group("p") or marker.group("b")).isdigit()
        else (marker.group("p") or marker.group("b"))
    )
