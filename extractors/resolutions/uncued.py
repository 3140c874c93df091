"""Decisions printed with no cue word: a "That the minutes ... be approved"
paragraph whose RESOLVED label was lost, "The minutes ... were approved as a
correct record", "X was deferred", "The report was noted"."""

from __future__ import annotations

import re

from ..clauses import BULLETS, SPACE, sentence_end, sentence_start, skip_space, strip_that, trim
from .parts import parts as read_parts
from .rules import MAX_BODY, Hit, make_hit, phrases

_LABEL_BEFORE = re.compile(r"\b(?:Minutes|Decision|Resolution)\s*:$")
#: What may stand before "the minutes ... were approved" in its sentence: a label, an adverb ("Accordingly,
#: ").
_MINUTES_LEAD = re.compile(r"(?:(?:Minutes|Decision)\s*:\s*)?(?:[A-Z][a-z]+(?:\s+[a-z]+){0,3},\s*)?")
_DECIMAL_NUMBER = re.compile(r"\d+\.\d+\.?[^\S\n]*$")


def item_noted(text: str, cue_start: int, cue_end: int) -> list[Hit]:
    """"The report was (otherwise) noted.", and on a line of its own "The scheme was approved.":
    a decision with no cue word (not "... was approved by Cabinet in May": another body's)."""
    s0 = sentence_start(text, cue_start)
    subject = text[s0:cue_start]
    if not re.match(r"(?:The|This|These|Its|Their)\s", subject) or len(subject.split()) > 10:
        return []
    if re.search(
        r"\b(?:that|which|who|it|if|when|would|had|where|whilst|while|as)\b", subject, re.IGNORECASE
    ):
        return []
    end = sentence_end(text, s0, s0 + 400)
    tail = text[cue_end:end]
    if (
        subject.lower().startswith("the following")
        or text[end - 1 : end] == ":"
        or tail.rstrip().endswith(":")
    ):
        return []  # "The following was noted from discussions:" introduces the discussion
    if len(tail.split()) > 6 or re.search(r"\b(?:that|but|however)\b", tail, re.IGNORECASE):
        return []
    noting = text[cue_start:cue_end].lower().endswith("noted")
    if not noting and (
        _ELSEWHERE.match(tail)
        or re.search(r"\bas\s+an?\s+action\b", tail, re.IGNORECASE)
        or not _opens_record(text, s0)
    ):
        return []
    s, e = trim(text, s0, end)
    return [Hit(s, e, None, None, "noted", True) if noting else make_hit(text, s, e, None, None, "noted")]


#: After "was approved": by another body, or at another time.
_ELSEWHERE = re.compile(
    r"\s*(?:by|in|on|at|last|previously|earlier|when|during|before|after|subject)\b", re.IGNORECASE
)


def _opens_record(text: str, pos: int) -> bool:
    """Does the sentence at ``pos`` open its line (or follow a "Decision:" label)?"""
    line_start = text.rfind("\n", 0, pos) + 1
    return (
        not text[line_start:pos].strip(SPACE)
        or _LABEL_BEFORE.search(text[line_start:pos].rstrip(SPACE)) is not None
    )


def label_lost(text: str, start: int) -> list[Hit]:
    """A paragraph "That the minutes ... be approved" whose RESOLVED label was lost."""
    line_start = text.rfind("\n", 0, start) + 1
    prefix = text[line_start:start]
    if _DECIMAL_NUMBER.search(prefix.strip(SPACE + "•·▪●◦") + " "):
        return []  # "4.1 That ..." is an officer's recommendation, not a decision
    para_start = text.rfind("\n\n", 0, start)
    para_start = max(para_start, 0)
    before = text[max(0, para_start - 400) : start].rstrip(SPACE + "\n" + BULLETS)
    if (before.endswith(":") and not _LABEL_BEFORE.search(before)) or re.search(
        rf":\s*[{BULLETS}]", text[para_start:start]
    ):
        return []  # an item in a list introduced by something else (amendments, recommendations)
    first = skip_space(text, para_start)
    if first < start and text[first] in BULLETS and text[:para_start].rstrip().endswith(":"):
        return []  # a later bullet of that list ("· That any reference to ... be amended")
    prev_para = text[max(0, para_start - 300) : para_start].strip().split("\n")[-1] if para_start else ""
    if phrases()["report_heading"].match(prev_para):
        return []
    end = sentence_end(text, start, start + MAX_BODY)
    s, e = trim(text, strip_that(text, start, end), end)
    body = text[s:e]
    verb = phrases()["subjunctive"].search(body)
    if verb is None or verb.start() > 200 or len(body) < 12:
        return []
    return [make_hit(text, s, e, None, None, "that")]


def recorded_decision(text: str, start: int, kind: str) -> list[Hit]:
    """ "The minutes ... were approved as a correct record", "X was deferred to
    ...": decisions without a cue word."""
    s0 = sentence_start(text, start)
    if kind == "minutes" and s0 != start and not _MINUTES_LEAD.fullmatch(text, s0, start):
        return []
    if kind == "deferral":
        if text[s0:start].lower().count(" that ") or s0 != skip_space(text, text.rfind("\n", 0, s0) + 1):
            return []
        if re.search(
            r"\b(?:motion|amendment|application|question|petition)\b", text[s0:start], re.IGNORECASE
        ):
            return []  # withdrawn by its mover or applicant: no decision of the meeting
    end = sentence_end(text, s0, s0 + MAX_BODY)
    s, e = trim(text, start if kind == "minutes" else s0, end)
    body = text[s:e]
    if kind == "minutes" and not phrases()["minutes_record"].search(body):
        return []
    if kind == "deferral" and phrases()["reordering"].search(body):
        return []  # "taken to the end of the meeting": the order of business, not a decision
    if len(body) < 12:
        return []
    return [make_hit(text, s, e, None, None, kind)]


_FIRST_PART = re.compile(r"(?m:^)[^\S\n]*(?:\((?:a|1|i)\)|(?:a|1|i)\))[^\S\n]+")
#: A part that decides: "the work programme be approved" (not "needs to be advertised").
_DECIDES = re.compile(
    r"(?:that\s+)?[^.;:\n]{0,200}?(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)(?<!\bshould\s)(?<!\bmust\s)(?<!\bcan\s)(?<!\bmay\s)"
    r"(?<!\bcould\s)(?<!\bmight\s)(?<!\bthat\s)\bbe\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ne|de|lt|pt|nt)\b",
    re.IGNORECASE,
)


def lost_label_parts(text: str) -> list[Hit]:
    """"(a) the work programme be approved; (b) ... be appointed; (c) ..." after the discussion,
    its RESOLVED label lost in the rendering: one Hit per part, when most parts decide
    something and the list is not introduced by a stem of its own ("... as follows:")."""
    out: list[Hit] = []
    for m in _FIRST_PART.finditer(text):
        if text[: m.start()].rstrip().endswith((":", "–", "-", ";", ",")):
            continue
        found = read_parts(text, m.start())
        if found is None or found[0] is not None or len(found[1]) < 2:
            continue
        items = [(label, *trim(text, strip_that(text, s, e), e)) for label, s, e in found[1]]
        if 2 * sum(
            1 for _, s, e in items if _DECIDES.match(text, s, e) and " that " not in text[s : s + 60]
        ) < len(items):
            continue
        out.extend(
            make_hit(text, s, e, None, label, "that", group=m.start()) for label, s, e in items if e - s >= 3
        )
    return out
