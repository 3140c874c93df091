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
The phrases are data in ``patterns/motions.jsonl``; ``record`` holds the Motion
record and loads them, ``words`` finds each motion and where its words end,
``fates`` settles what became of it.
"""

from __future__ import annotations

from functools import lru_cache

from .fates import settle
from .record import FAILED, Motion
from .words import find

__all__ = ["FAILED", "Motion", "decided_motions", "fate_lines", "motions", "not_decision_at"]


def motions(text: str) -> tuple[Motion, ...]:
    """Every motion printed in full in ``text``, in order, with its fate."""
    return _settled(text)[0]


@lru_cache(maxsize=8)
def _settled(text: str) -> tuple[tuple[Motion, ...], frozenset[int]]:
    found = find(text)
    if not found:
        return (), frozenset()
    fates: set[int] = set()
    settled = settle(text, found, fates)
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
