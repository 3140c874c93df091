"""What became of each motion: its fate, an amendment that replaced it, a RESOLVED that
records its decision again.

The fates, restatements ("the substantive motion") and RESOLVED labels printed
outside the motions' words are walked in text order; each fate goes to the latest
open motion of the kind it names, and a carried amendment replaces the motion it amends.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Any

from .record import AMEND_REACH, FAILED, FATE_REACH, RECORD_REACH, Motion, phrase_rows

_OUTCOMES = {"carried": "carried", "agreed": "carried", "approved": "carried", "passed": "carried",
             "lost": "lost", "defeated": "lost", "fell": "lost", "falls": "lost", "rejected": "lost",
             "not carried": "lost", "withdrawn": "withdrawn"}


def _events(text: str, found: list[Motion]) -> list[tuple[int, str, Any]]:
    """Fates, restatements and RESOLVED labels outside the motions' words, in text order."""
    starts = [m.body for m in found]

    def inside(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and found[i].holds(pos)

    events: list[tuple[int, str, Any]] = [(m.start, "intro", i) for i, m in enumerate(found)]
    taken: list[tuple[int, int]] = []
    for rx, fixed in phrase_rows()["fate"]:
        for m in rx.finditer(text):
            if inside(m.start()) or any(a < m.end() and m.start() < b for a, b in taken):
                continue
            groups = {k: v for k, v in m.groupdict().items() if v}
            outcome = fixed or next((v for k, v in groups.items() if k.startswith("outcome")), None)
            outcome = _OUTCOMES.get(re.sub(r"\s+", " ", outcome or "carried").lower(), "carried")
            taken.append((m.start(), m.end()))
            events.append((m.start(), "fate", ((groups.get("what") or "").lower(), outcome)))
    for rx, _ in phrase_rows()["substantive"]:
        for m in rx.finditer(text):
            events.append((m.start(), "restated", None))
    for rx, _ in phrase_rows()["decision_label"]:
        for m in rx.finditer(text):
            if not inside(m.start()):
                events.append((m.start(), "label", None))
    events.sort(key=lambda ev: (ev[0], ev[1] != "fate"))
    return events


def settle(text: str, found: list[Motion], fates: set[int]) -> list[Motion]:
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
