"""Motions printed in full and what became of them.

Minutes often print a motion ("Mr A proposed, and Mr B seconded the motion
that ...", "Moved by X, Seconded by Y; “That ...”") before its fate ("Motion
lost.", "The amendment was carried", "On a vote ... it was declared carried")
and, when it was carried, often record the decision again after a RESOLVED.
The words of a motion are a decision of the meeting only when it was carried
and its decision is not recorded again after it; the words of a motion that
was lost, withdrawn or replaced by an amendment are no decision and no action.

Both extractors ask this module: resolutions drop finds inside a motion that
is not a decision (``not_decision_at``) and read the words of a carried motion
that nothing else records (``decided_motions``); actions drop commitments
found inside a motion that is not a decision (``not_decision_at``).
The phrases are data in ``patterns/motions.jsonl``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from .clauses import BULLETS, load_jsonl, sentence_end, skip_space

MAX_WORDS = 6000  # characters a motion printed in full may run to
RECORD_REACH = 3000  # characters after a motion's fate within which a RESOLVED records its decision
FATE_REACH = 4000  # a fate printed further than this after a motion's words is not its fate
AMEND_REACH = 3000  # a second motion moved this soon after an open one (with no fate between) amends it
FAILED = ("lost", "withdrawn", "replaced")
_QUOTES = {"“": "”", '"': '"'}
_OUTCOMES = {"carried": "carried", "agreed": "carried", "approved": "carried", "passed": "carried",
             "lost": "lost", "defeated": "lost", "fell": "lost", "falls": "lost", "rejected": "lost",
             "not carried": "lost", "withdrawn": "withdrawn"}
_MARKER = re.compile(r"[^\S\n]*(?:\(?[0-9a-zA-Z]{1,4}[.)]|[" + BULLETS + r"\-–]|[“\"‘])")


@dataclass(frozen=True)
class Motion:
    """One motion (or amendment) printed in full, and its fate."""

    start: int  # where its introduction ("Mr A proposed ...") begins
    body: int  # first character of its words
    end: int  # just after its words
    amendment: bool
    fate: str | None = None  # "carried" | "lost" | "withdrawn" | "replaced" | None (not recorded)
    fate_at: int | None = None  # where the (last) news of its fate is printed
    amended: bool = False  # another motion was moved against it before any fate
    procedural: bool = False  # "that the question be now put", "to extend the meeting": amends nothing
    recorded_after: bool = False  # a RESOLVED after its fate records the decision

    @property
    def status(self) -> str:
        """"decision" (its words are the decision), "not_decision", or "unclear"."""
        if self.fate in FAILED:
            return "not_decision"
        if self.fate == "carried":
            return "not_decision" if self.recorded_after else "decision"
        return "not_decision" if self.recorded_after or self.amended else "unclear"

    def holds(self, pos: int) -> bool:
        return self.body <= pos < self.end


@lru_cache(maxsize=1)
def _rows() -> dict[str, list[tuple[re.Pattern[str], str | None]]]:
    out: dict[str, list[tuple[re.Pattern[str], str | None]]] = {}
    for row in load_jsonl("motions.jsonl", frozenset({"kind", "regex", "outcome"})):
        out.setdefault(row["kind"], []).append(
            (re.compile(row["regex"], re.IGNORECASE | re.MULTILINE), row.get("outcome"))
        )
    return out


# ---------------------------------------------------------------- public


def motions(text: str) -> tuple[Motion, ...]:
    """Every motion printed in full in ``text``, in order, with its fate."""
    return _settled(text)[0]


@lru_cache(maxsize=8)
def _settled(text: str) -> tuple[tuple[Motion, ...], frozenset[int]]:
    found = _find(text)
    if not found:
        return (), frozenset()
    fates: set[int] = set()
    settled = _settle(text, found, fates)
    return tuple(settled), frozenset(fates)


def not_decision_at(text: str, pos: int) -> Motion | None:
    """The motion whose words hold ``pos`` when those words are no decision of the
    meeting (lost, withdrawn, replaced, amended, or recorded again after a RESOLVED).
    A motion lost or withdrawn also covers the debate up to its fate: an amendment set
    out loosely ("The amendment text as follows: ...") is all before "... was withdrawn"."""
    for m in motions(text):
        if m.status != "not_decision":
            continue
        if m.holds(pos) or (
            m.fate in ("lost", "withdrawn") and m.fate_at is not None and m.start <= pos < m.fate_at
        ):
            return m
    return None


def fate_lines(text: str) -> frozenset[int]:
    """Where the fate of some motion is printed ("Agreed.", "Motion carried."): a bare
    "Agreed." there is that motion's fate, not a decision of its own."""
    return _settled(text)[1]


def decided_motions(text: str) -> list[Motion]:
    """Carried motions whose words are the decision (nothing records it again)."""
    return [m for m in motions(text) if m.status == "decision" and m.end > m.body]


# ---------------------------------------------------------------- finding the motions


def _find(text: str) -> list[Motion]:
    rows = _rows()
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
    for rx, _ in _rows()["fate"]:
        m = rx.search(text, start, end)
        if m is not None and m.start() > start:
            cut = min(cut, m.start())
    return len(re.sub(r"(?:[\s,;–-]|\band)+$", "", text[:cut]))


def _lines_end(text: str, start: int, quoted: bool) -> int:
    """A motion set out on the lines after its introduction runs while its lines read
    as its words (wrapped lines, list items, a stem ending ':' and what follows it),
    or to its closing quotation mark, never past a line of procedure or a fate."""
    rows = _rows()
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


# ---------------------------------------------------------------- fates


def _events(text: str, found: list[Motion]) -> list[tuple[int, str, Any]]:
    """Fates, restatements and RESOLVED labels outside the motions' words, in text order."""
    starts = [m.body for m in found]

    def inside(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and found[i].holds(pos)

    events: list[tuple[int, str, Any]] = [(m.start, "intro", i) for i, m in enumerate(found)]
    taken: list[tuple[int, int]] = []
    for rx, fixed in _rows()["fate"]:
        for m in rx.finditer(text):
            if inside(m.start()) or any(a < m.end() and m.start() < b for a, b in taken):
                continue
            groups = {k: v for k, v in m.groupdict().items() if v}
            outcome = fixed or next((v for k, v in groups.items() if k.startswith("outcome")), None)
            outcome = _OUTCOMES.get(re.sub(r"\s+", " ", outcome or "carried").lower(), "carried")
            taken.append((m.start(), m.end()))
            events.append((m.start(), "fate", ((groups.get("what") or "").lower(), outcome)))
    for rx, _ in _rows()["substantive"]:
        for m in rx.finditer(text):
            events.append((m.start(), "restated", None))
    for rx, _ in _rows()["decision_label"]:
        for m in rx.finditer(text):
            if not inside(m.start()):
                events.append((m.start(), "label", None))
    events.sort(key=lambda ev: (ev[0], ev[1] != "fate"))
    return events


def _settle(text: str, found: list[Motion], fates: set[int]) -> list[Motion]:
    """Give each motion its fate, walking the events in order."""
    ms = list(found)
    open_: list[int] = []
    substantive: int | None = None
    last_label = last_fate = -1
    for pos, kind, data in _events(text, found):
        if kind == "intro":
            i = data
            for j in open_ if not ms[i].procedural else ():
                if ms[j].end + AMEND_REACH >= ms[i].start and ms[j].end > last_label:
                    ms[j] = replace(ms[j], amended=True)
            open_.append(i)
        elif kind == "restated":
            nxt = next((i for i, m in enumerate(ms) if m.start == pos), None)
            if substantive is not None and nxt is not None and substantive != nxt:
                ms[substantive] = replace(ms[substantive], fate="replaced", fate_at=pos)
            substantive = nxt
        elif kind == "fate":
            what, outcome = data
            target = _target(ms, [j for j in open_ if pos - ms[j].end <= FATE_REACH], what, substantive)
            if target is None:
                continue
            fates.add(pos)
            substantive = _apply(ms, open_, target, outcome, pos, substantive)
        elif kind == "label":
            for i, m in enumerate(ms):
                at = m.fate_at if m.fate_at is not None else m.end
                if (
                    at <= pos <= at + RECORD_REACH
                    and at >= last_fate
                    and m.fate not in FAILED
                    and not any(at < o.start < pos for o in ms)
                ):
                    ms[i] = replace(m, recorded_after=True)
            open_ = [j for j in open_ if ms[j].start > pos]
            last_label = pos
        if kind == "fate":
            last_fate = pos
    return ms


def _target(ms: list[Motion], open_: list[int], what: str, substantive: int | None) -> int | None:
    """Which motion a fate speaks of: the latest open one of the kind it names."""
    if "substantive" in what and substantive is not None:
        return substantive
    if "amendment" in what:
        amendments = [i for i in open_ if ms[i].amendment or _has_open_before(ms, open_, i)]
        if amendments:
            return amendments[-1]
        return open_[-1] if open_ else None
    if what:
        motions_ = [i for i in open_ if not ms[i].amendment]
        if motions_:
            return motions_[-1]
    return (
        open_[-1]
        if open_
        else (substantive if substantive is not None and ms[substantive].fate == "carried" else None)
    )


def _has_open_before(ms: list[Motion], open_: list[int], i: int) -> bool:
    return not ms[i].procedural and any(
        j != i and ms[j].start < ms[i].start and ms[i].start - ms[j].end <= AMEND_REACH for j in open_
    )


def _apply(
    ms: list[Motion], open_: list[int], target: int, outcome: str, pos: int, substantive: int | None
) -> int | None:
    """Record ``outcome`` for ``target``; a carried amendment replaces the motion it amends."""
    ms[target] = replace(ms[target], fate=outcome, fate_at=pos)
    was_amendment = ms[target].amendment or _has_open_before(ms, open_, target)
    if target in open_:
        open_.remove(target)
    if outcome == "carried" and was_amendment:
        originals = [j for j in open_ if ms[j].start < ms[target].start and not ms[j].amendment]
        if originals:
            j = originals[-1]
            ms[j] = replace(ms[j], fate="replaced", fate_at=pos)
            open_.remove(j)
        return target
    return substantive
