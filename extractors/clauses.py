"""Local text helpers shared by the resolutions and actions extractors.

Both extractors find a cue with a spaCy Matcher and then work in character
space around it: where the sentence or bullet ends, where a numbered part
starts, how to trim "; and" off a part. Doing that on ``doc.text`` (not
tokens) keeps offsets exact on imperfect text and costs nothing per token.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import IDX
from spacy.matcher import Matcher
from spacy.tokens import Doc

from pipeline.text.sentences import SPACE, is_abbreviation

PATTERN_DIR = Path(__file__).parent / "patterns"

BULLETS = "•●▪◦■□➢►‣∙·"

#: A sentence or clause stops at: a blank line, a table cell bar, an inline
#: bullet, or end punctuation followed by space/end.
_STOP = re.compile(
    r"\n[^\S\n]*\n"
    r"|\|"
    rf"|(?<=\s)[{BULLETS}](?=\s)"
    r"|[.!?](?=[\"'”’)\]]*(?:\s|$|\|))"
)
#: A single newline before a line that cannot continue a sentence.
_HARD_LINE = re.compile(
    rf"\n(?=[^\S\n]*(?:[{BULLETS}]|\d{{1,3}}\.?[^\S\n]*(?:\n|$)|\(Item\b|"
    r"(?:Minutes|Decision|Supporting documents)\s*:))"
)
_TRAIL = re.compile(r"(?:[\s;,:.–—\-|]|\band\b|\bor\b)+$", re.IGNORECASE)
_LEAD = re.compile(rf"^[\s{BULLETS}:;,–—\-]+")
_LEAD_THAT = re.compile(r"that\b[\s,:–—\-]*", re.IGNORECASE)


def load_jsonl(name: str, allowed: frozenset[str]) -> list[dict[str, Any]]:
    """Rows of ``patterns/<name>``; an unknown key fails loudly (a typo must not silently drop a rule)."""
    rows = []
    path = PATTERN_DIR / name
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        unknown = set(row) - allowed
        if unknown:
            raise ValueError(
                f"{path}:{number}: unknown key {min(unknown)!r} (known: {sorted(allowed)})"
            )
        rows.append(row)
    return rows


_COMMON = frozenset({"the", "a", "an", "it", "was", "were", "is", "are", "to", "that", "this", "of", "and"})


def anchor_regex(rows: list[dict[str, Any]]) -> re.Pattern[str]:
    """A regex for the rarest required word of every pattern: a cheap pass over
    the text that tells the Matcher where to look (TEXT is case-sensitive, LOWER not)."""
    exact: set[str] = set()
    folded: set[str] = set()
    for row in rows:
        chosen: tuple[int, str, set[str]] | None = None
        for token in row["pattern"]:
            if token.get("OP") in ("?", "*"):
                continue
            for key in ("TEXT", "ORTH", "LOWER"):
                value = token.get(key)
                values = (
                    {value}
                    if isinstance(value, str)
                    else set(value.get("IN", []))
                    if isinstance(value, dict)
                    else set()
                )
                if values:
                    score = (
                        0
                        if any(v.lower() in _COMMON for v in values)
                        else 2
                        if all(v[:1].isalnum() for v in values)
                        else 1
                    )
                    if chosen is None or score >= chosen[0]:
                        chosen = (score, key, values)
                    break
        if chosen is None:
            raise ValueError(f"pattern has no literal word to anchor on: {row['pattern']}")
        (exact if chosen[1] != "LOWER" else folded).update(chosen[2])
    parts = []
    if exact:
        parts.append("|".join(re.escape(w) for w in sorted(exact, key=len, reverse=True)))
    if folded:
        parts.append("(?i:" + "|".join(re.escape(w) for w in sorted(folded, key=len, reverse=True)) + ")")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w])")


def windowed_matches(
    doc: Doc, text: str, matcher: Matcher, anchors: re.Pattern[str], reach: int = 80
) -> list[tuple[int, int, int]]:
    """Matcher results over small windows around anchor words only (same triples as ``matcher(doc)``)."""
    if len(doc) == 0:
        return []
    idx = None
    windows: list[list[int]] = []
    for m in anchors.finditer(text):
        a, b = max(0, m.start() - reach), min(len(text), m.end() + reach)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = b
        else:
            windows.append([a, b])
    if not windows:
        return []
    idx = numpy.asarray(doc.to_array([IDX]), dtype="int64").ravel()
    out: list[tuple[int, int, int]] = []
    for a, b in windows:
        ta = max(0, int(numpy.searchsorted(idx, a, side="right")) - 1)
        tb = min(len(doc), int(numpy.searchsorted(idx, b, side="left")) + 1)
        for match_id, start, end in matcher(doc[ta:tb]):
            out.append((match_id, start + ta, end + ta))
    return sorted(set(out), key=lambda m: (m[1], m[2]))


@lru_cache(maxsize=8)
def word_list(name: str, kind: str) -> tuple[str, ...]:
    """The ``words`` of row ``kind`` in ``patterns/<name>``."""
    for row in load_jsonl(name, frozenset({"kind", "words"})):
        if row["kind"] == kind:
            return tuple(row["words"])
    raise KeyError(f"{name}: no row of kind {kind!r}")


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation, longest first, with spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def sentence_end(text: str, start: int, limit: int | None = None) -> int:
    """Offset just after the sentence that runs on from ``start`` (a single
    newline is a PDF line wrap unless the next line opens a bullet or heading)."""
    limit = len(text) if limit is None else min(limit, len(text))
    pos = start
    while pos < limit:
        m = _STOP.search(text, pos, limit)
        h = _HARD_LINE.search(text, pos, limit)
        if h is not None and (m is None or h.start() < m.start()):
            return h.start()
        if m is None:
            return limit
        if m.group().startswith("."):
            if m.start() <= start or is_abbreviation(text, m.start()) or _open_quote(text, start, m.start()):
                pos = m.end()
                continue
            return m.end()
        if m.group()[0] in "!?":
            return m.end()
        return m.start()
    return limit


def _open_quote(text: str, start: int, pos: int) -> bool:
    """Is ``pos`` inside a quotation opened after ``start`` (a quoted full stop ends nothing)?"""
    chunk = text[start:pos]
    return chunk.count("“") > chunk.count("”")


def sentence_start(text: str, pos: int, floor: int = 0) -> int:
    """Offset where the sentence containing ``pos`` begins (not before ``floor``)."""
    i = pos
    while i > floor:
        ch = text[i - 1]
        if ch == "\n":
            if i - 2 >= floor and text[i - 2] == "\n" or not text[floor:i - 1].strip():
                break
            prev = text[text.rfind("\n", floor, i - 1) + 1 : i - 1].rstrip(SPACE)
            if prev.endswith((".", ":", ";", "!", "?")) or text[i:i + 3].lstrip(SPACE)[:1] in BULLETS:
                break
        elif (
            ch in BULLETS
            and (i - 2 < floor or text[i - 2].isspace())
            or ch == "|"
            or ch in ".!?"
            and i < len(text)
            and text[i].isspace()
            and not (ch == "." and is_abbreviation(text, i - 1))
            or ch in "–—"
            and i - 2 >= floor
            and text[i - 2].isspace()
            and text[max(floor, i - 5) : i - 2].rstrip(SPACE)[-1:] in ".?!"
        ):
            break
        i -= 1
    return skip_space(text, i)


def skip_space(text: str, pos: int, end: int | None = None) -> int:
    end = len(text) if end is None else end
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


#: A bullet glyph that opens a list entry (the whitespace before it is part of the entry's start).
_BULLET_MARK = re.compile(rf"(?:(?<=\s)|^)[{BULLETS}](?=\s)")


def block_bounds(text: str, pos: int) -> tuple[int, int]:
    """The bullet or paragraph around ``pos``: between blank lines, narrowed
    to one bullet when the paragraph is a list."""
    reach = 3000  # a text with no blank lines is not one paragraph to scan from every find
    para_start = text.rfind("\n\n", max(0, pos - reach), pos)
    para_start = max(0, pos - reach) if para_start < 0 else para_start + 2
    para_end = text.find("\n\n", pos, pos + reach)
    para_end = min(len(text), pos + reach) if para_end < 0 else para_end
    start, end = para_start, para_end
    window = text[para_start:para_end]
    marks = _BULLET_MARK.finditer(text, para_start, para_end) if any(b in window for b in BULLETS) else ()
    for m in marks:
        if m.start() <= pos:
            start = m.start()
        else:
            end = m.start()
            break
    return trim(text, start, end, keep_end_punct=True)


def trim(text: str, start: int, end: int, *, keep_end_punct: bool = False) -> tuple[int, int]:
    """Strip whitespace, bullets and list punctuation from both ends ("; and", ",", ".")."""
    chunk = text[start:end]
    lead = _LEAD.match(chunk)
    if lead:
        start += lead.end()
    chunk = text[start:end]
    if keep_end_punct:
        stripped = chunk.rstrip()
        end = start + len(stripped)
    else:
        tail = _TRAIL.search(chunk)
        if tail:
            end = start + tail.start()
    return start, max(start, end)


def strip_that(text: str, start: int, end: int) -> int:
    """Offset after a leading "that" (the cue's glue word, not the decision)."""
    m = _LEAD_THAT.match(text, start, end)
    return m.end() if m else start


def normalise(text: str) -> str:
    """Lower-case words only: the key used to spot a decision printed twice."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))
