"""Decisions written with the deciding body as the subject and no cue word:
"The Committee for Transport and Connectivity noted the report", "Members
confirmed their support ... and agreed in principle to fund it", "The Committee
confirmed the minutes ... as a true record", "That the Committee noted the
report", "That the Policy Committee:" over numbered parts."""

from __future__ import annotations

import re

from ..clauses import SPACE, sentence_end, sentence_start, strip_that, trim
from .parts import parts as read_parts
from .rules import MAX_BODY, Hit, make_hit

#: The deciding body as subject, with an optional qualifier ("... for Transport and Connectivity").
BODY = (
    r"(?:(?:the|this)\s+)?(?:[A-Z][\w&’'\-]*\s+(?:(?:and|&|of|for)\s+)?){0,6}"
    r"(?:Committee|Sub-Committee|Sub-committee|Panel|Board|Cabinet|Council|Executive|Forum|Authority|Commission|Partnership|committee|panel|board|cabinet|council)"
    r"(?:\s+(?:for|of|on)\s+[A-Z][\w&’'\-]*(?:\s+(?:and\s+|&\s+)?[\w&’'\-]+){0,4})?"
    r"|Members|members"
)
_SUBJECT = re.compile(
    rf"(?:That\s+)?(?P<subject>{BODY})\s+(?:(?:also|then|unanimously|formally|further|therefore)\s+)?$"
)
#: What may stand before the subject in its sentence: "With the consent of members, the Chair advised that
#: ...".
_LEAD = re.compile(r"(?:[^.;:\n]{0,80},\s+)?(?:[^.;:\n]{0,60}\b(?:advised|confirmed|announced)\s+that\s+)?")
#: After "noted": a paper or record noted ("the update report", "Part A"), not a remark or a concern.
_NOTED_OBJECT = re.compile(
    r"\s+(?:(?:the|its|this|these|all)\s+(?:[\w’'\-]+\s+){0,4}?"
    r"(?:report|reports|update|minutes|contents?|information|position|progress|recommendations?|membership|appointments?|"
    r"terms|dates|plan|programme|log|petition|statements?|outcome|response|paper|presentation|briefing|summary|item|"
    r"letter|correspondence|budget|forecast|accounts|decisions?|proposals?|approach|arrangements)\b|Part\s+[A-Z0-9]\b"
    r"|that\s+the\s+following\s+(?:[\w\-]+\s+){0,3}(?:had|have)\s+been\s+received\b)",
    re.IGNORECASE,
)
#: A lead-in that places the decision at another meeting or time: another body's earlier decision.
_ELSEWHERE = re.compile(
    r"\b(?:meeting|previous(?:ly)?|earlier|last|in\s+\d{4}|on\s+\d{1,2}(?:st|nd|rd|th)?\s)", re.IGNORECASE
)
_NOT_AFTER = re.compile(
    r"\s*(?:with|by|upon|on\s+the|that\s+(?:it|he|she|they|there|this|officers?)\b|[.,:;–-])", re.IGNORECASE
)
_BODY_STEM_LINE = re.compile(rf"That\s+(?:{BODY})[^\S\n]*[:;,\-–]?[^\S\n]*$")


def body_decision(text: str, cue_start: int, cue_end: int) -> list[Hit]:
    """"<Body> noted the report" / "<Body> approved ...": the sentence from its subject."""
    s0 = sentence_start(text, cue_start)
    head = text[s0:cue_start]
    lead = _LEAD.match(head)
    subject = None
    for start in dict.fromkeys([0, lead.end() if lead else 0]):
        m = _SUBJECT.fullmatch(head, start)
        if m is not None:
            subject = s0 + m.start("subject")
            break
    if subject is None or _ELSEWHERE.search(text[s0:subject]):
        return []
    if text[subject:cue_start].strip().lower().startswith("members") and subject != s0:
        # "At that meeting, Members agreed ...": only a sentence opening "Members ..." is the meeting's own
        return []
    verb = text[cue_start:cue_end].lower()
    after = text[cue_end : cue_end + 120]
    if verb == "noted" and not _NOTED_OBJECT.match(after):
        return []
    if _NOT_AFTER.match(after):
        return []
    end = sentence_end(text, cue_end, cue_end + MAX_BODY)
    s, e = trim(text, subject, end)
    return [make_hit(text, s, e, None, None, "body_past")] if len(text[cue_end:e].split()) >= 2 else []


def body_stem_parts(text: str, start: int) -> list[Hit] | None:
    """"That the Transport Committee:" then "1. Noted ...", "2. Approved ...": one Hit per part
    (None when the line is not such a stem)."""
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    if _BODY_STEM_LINE.match(text[start:line_end].rstrip(SPACE)) is None:
        return None
    found = read_parts(text, strip_that(text, start, line_end))
    if found is None:
        return None
    hits = []
    for label, s, e in found[1]:
        s, e = trim(text, strip_that(text, s, e), e)
        if e - s >= 3:
            hits.append(make_hit(text, s, e, None, label, "that", group=start))
    return hits


