"""Requests recorded at a meeting: which of them are actions.

A request by the chair or by the body ("The Chairman asked for the relevant
officers to ... report back", "The Councillors ... requested that the Clerk
writes to ...") is an action; a request by a member that nobody agreed to, and
a request to the meeting itself to consider something, are not.
"""

from __future__ import annotations

import re

from .action_record import Commitment, commitment, sentence
from .action_words import is_party, verb_rx


def read_request(text: str, cue_start: int, cue_end: int) -> Commitment | None:
    """A request by the chair or the body: "The Chairman asked for the relevant
    officers to ... report back"."""
    s, e = sentence(text, cue_start)
    before = text[s:cue_start]
    requester = re.search(
        rf"(?<!of\sthe\s)(?<!of\s)\b(?:{verb_rx()['requesters'].pattern})(?:’s|'s)?\s*(?:also\s+|further\s+)?$",
        before,
        re.IGNORECASE,
    )
    kept = _KEPT_INFORMED.match(text, cue_end, e)
    if kept is not None and (requester is not None or _BODY_OF_MEMBERS.search(before)):
        return commitment(
            text, kept.start("what"), e, None
        )  # the body asks to be kept informed: a request of the committee
    if (
        requester is None
        and _BODY_SUBJECT.match(before)
        and re.search(r"\b(?:agreed|resolved|decided)\b", before)
    ):
        requester = _BODY_SUBJECT.match(
            before
        )  # "The Parish Councillors agreed to object and requested that ..."
    if requester is None:
        return None
    if re.search(r"\bmembers?\b", before[-25:], re.IGNORECASE) and "chair" not in before.lower():
        return None
    after = text[cue_end:e]
    to = re.match(
        rf"\s+(?:for\s+)?(?:that\s+)?(?P<owner>(?:the\s+)?[\w’' ]{{1,"
        rf"60}}?)\s+to\s+(?={verb_rx()['active'].pattern}|consider\b)",
        after,
    )
    if to is not None:
        if _THE_MEETING.fullmatch(to.group("owner")) and _AT_THE_MEETING.match(text, cue_end + to.end()):
            return None  # "asked the Committee to consider ...": business of this meeting
        return commitment(text, cue_end + to.start("owner"), e, to.group("owner"))
    that = re.match(r"\s+that\s+", after)
    if that is None:
        return None
    if re.search(r"\bbe\s+\w+ed\b|\bbe\s+(?:sent|shown|given|held|made|brought|kept)\b", after):
        return commitment(
            text, cue_end + that.end(), e, None
        )  # "requested that a copy be shared": without the frame
    who = re.match(
        r"(?P<who>(?:the\s+|The\s+)?(?:[A-Z][\w’'\-]*\s+){0,4}[A-Z][\w’'\-]*|[Oo]fficers)\s+(?:should\s+|to\s+)?(?P<verb>[a-z]\w*)",
        text[cue_end + that.end() : e],
    )
    if (
        who is not None
        and is_party(who.group("who"), text)
        and re.fullmatch(rf"(?:{verb_rx()['active'].pattern})s?|\w+es", who.group("verb"))
    ):
        return commitment(
            text, cue_end + that.end(), e, who.group("who")
        )  # "requested that the Clerk writes to ..."
    return None


_BODY_SUBJECT = re.compile(
    r"\s*(?:The\s+|the\s+)?(?:[A-Z][\w\-]+\s+){0,3}(?:Councillors|Members|Committee|Council|Board|Panel|Cabinet|Forum)\b"
)
_THE_MEETING = re.compile(
    r"(?:the\s+)?(?:committee|sub-committee|panel|board|cabinet|council|meeting|members|councillors|forum)",
    re.IGNORECASE,
)
_AT_THE_MEETING = re.compile(
    r"(?:consider|note|agree|approve|endorse|comment|discuss|debate|decide|vote)\b", re.IGNORECASE
)
_KEPT_INFORMED = re.compile(
    r"\s+(?:for\s+)?that\s+(?P<what>(?:the\s+)?(?:[A-Z][\w&\-]*\s+){0,4}(?:committee|sub-committee|panel|board|members|councillors|group|forum|cabinet)\b[^.;]{0,40}?"
    r"\b(?:be|is|are)\s+(?:kept\s+)?(?:advised|informed|updated|apprised|appraised|briefed)\b)",
    re.IGNORECASE,
)
_BODY_OF_MEMBERS = re.compile(
    r"(?:^|\b(?:the|The)\s+|^\s*)(?:Members|members)(?:\s+of\s+the\s+\w+)?\s*(?:also\s+|further\s+)?$"
    r"|^\s*(?:The\s+|the\s+)?(?:Members|Committee|Panel|Board)\s+(?:noted|agreed|considered|welcomed)\b[^.;]{0,80}\band\s+$"
)
