"""The "would / will" forms: a commitment reported in the future-in-the-past.

"The chair added that he would follow up ...", "copies would be circulated to
Members": a would/will is an action only when someone named says it of
themselves (or of the officers), or when something is to be delivered to the
meeting.
"""

from __future__ import annotations

import re

from .action_record import NOT_SUBJECT, Commitment, commitment, sentence
from .action_words import NP, PERSON, ROLE, verb_rx


def read_would(text: str, cue_start: int, cue_end: int) -> Commitment | None:
    """"The chair added that he would follow up ...", "copies would be circulated to Members"."""
    s, e = sentence(text, cue_start)
    after = text[cue_end:e]
    before = text[s:cue_start]
    rx = verb_rx()
    passive = re.match(rf"\s+be\s+(?:\w+ly\s+)?(?:{rx['delivery_passive'].pattern})", after, re.I)
    if passive:
        recipient = re.search(r"\b(?:to|with)\s+(?:all\s+)?(?:the\s+)?(?:(?:committee|panel|board)\s+)?(?:members|committee|panel|board|councillors|group|partnership|cabinet|sub-committee)\b", after, re.I)
        subject_members = re.search(r"\b(?:members|the\s+(?:committee|panel|board|group)|councillors)\s*$", before, re.I)
        if not (recipient or subject_members):
            return None
        start = _clause_start(text, s, cue_start)
        return commitment(text, start, e, None)
    active = re.match(rf"\s+(?:be\s+)?(?:(?:\w+ly)\s+)?(?:{rx['active'].pattern}|\w+ing)", after, re.I)
    if active is None:
        return None
    said = re.search(
        rf"(?P<np>{NP}|{ROLE}|[Oo]fficers)\s+(?:also\s+|further\s+)?(?:{rx['reporting'].pattern})\s+(?:\w+\s+){{0,3}}?that\s+(?P<subj>[\w’' ]{{1,60}}?)\s*$",
        before,
    ) or re.search(
        rf"(?P<np>{NP}|{ROLE})\s+(?:also\s+|further\s+)?(?:said|stated|confirmed|added|replied|responded|indicated|explained)\s+(?P<subj>he|she|they|we)\s*$",
        before,
    )
    if said is None:
        return None
    subj = said.group("subj")
    joint = re.match(r"(he|she|they|we)\s+and\s+(?P<other>(?:the\s+)?[\w’' ]{1,40}?)$", subj, re.I)
    if joint is not None and (PERSON.search(joint.group("other")) or re.search(r"\b(?:Member|Holder|[A-Z][a-z]+)$", joint.group("other"))):
        return commitment(text, s + said.start("subj"), e, f"{said.group('np')} and {joint.group('other')}")
    if re.search(r"\b(?:could|should|might|may|which|who|that)\b", subj) or len(subj.split()) > 6:
        return None
    if (subj + " ").lower().startswith(NOT_SUBJECT):
        return None
    if subj.lower() not in ("he", "she", "they", "officers", "we") and not PERSON.search(subj):
        return None
    owner = said.group("np") if subj.lower() in ("he", "she", "they", "officers", "we") else subj
    if subj.lower() in ("it", "this", "there", "that") or subj.lower().startswith(("it ", "there ")):
        return None
    start = s + said.start("subj")
    return commitment(text, start, e, owner)


def _clause_start(text: str, s: int, pos: int) -> int:
    """Start of the clause holding ``pos``: after the last "that", "but" or ", and" before it."""
    said = re.search(rf"(?:{verb_rx()['reporting'].pattern})\s+(?:\w+\s+){{0,3}}?that\s+", text[s:pos])
    best = s + said.end() if said is not None else s
    base = best
    for m in re.finditer(r"\b(?:but|however,?)\s+|,\s+and\s+", text[base:pos]):
        best = base + m.end()
    return best
