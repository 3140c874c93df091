"""Motions printed in full and what became of them.

Minutes often print a motion ("Mr A proposed, and Mr B seconded the motion
that ...") before its fate ("Motion lost.", "The amendment was carried") and
then record the decision again after a RESOLVED. Words of a motion are a
decision only when it was carried and its decision is not recorded elsewhere.
Both the resolutions and the actions extractors ask this module.
"""

from __future__ import annotations

from typing import Any, Sequence

from .resolutions.rules import phrases

MOTION_REACH = 3000  # characters around a decision searched for the motion it sits in and that motion's fate
IN_MOTION = ("body", "that", "elided", "it_was")  # kinds of find that can be words of a motion printed in full


def motion_not_decision(text: str, hit: Any, hits: Sequence[Any]) -> bool:
    """Is ``hit`` words of a motion printed in full ("X proposed and Y seconded the following
    motion:") that was lost, or that was carried with its decision recorded after it?"""
    rx = phrases()
    floor = max([h.end for h in hits if h.rank >= 3 and h.end <= hit.start] + [hit.start - MOTION_REACH, 0])
    lines = text[floor : hit.start].split("\n")
    intro = None
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if rx["motion_lost"].match(line) or rx["motion_carried"].match(line):
            return False  # an earlier motion's outcome: this decision comes after it
        if rx["motion_intro"].search(line):
            intro = i
            break
    if intro is None:
        return False
    ceiling = min(len(text), hit.end + MOTION_REACH)
    nxt = [h.start for h in hits if h.start >= hit.end and h.kind not in IN_MOTION]
    pos = hit.end
    for line in text[hit.end : ceiling].split("\n"):
        if rx["motion_lost"].match(line):
            return True
        if rx["motion_carried"].match(line):
            return any(s < pos + len(line) + 600 for s in nxt if _rank_at(hits, s) >= 3)
        if rx["motion_intro"].search(line):
            break
        pos += len(line) + 1
    return any(s < hit.end + 1500 for s in nxt if _rank_at(hits, s) >= 3)


def _rank_at(hits: Sequence[Any], start: int) -> int:
    return max((h.rank for h in hits if h.start == start), default=0)
