"""Readers for the cue-anchored action forms: one function per cue kind.

Each reader gets the text and the cue's character span (found by the Matcher
rows in ``patterns/action_cues.jsonl``) and returns the commitment the cue
introduces, or None when the words around the cue say it is not one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import resolutions as res
from .action_record import PRONOUNS, Commitment, after_dash, commitment, owner_before, sentence, speaker
from .action_requests import read_request
from .action_words import BODY_NOUN, NP, PARTICIPLE, is_party, verb_rx
from .action_would import read_receive, read_were_to, read_would
from .clauses import sentence_end, sentence_start

_IT_WAS_AGREED = re.compile(
    r"^it\s+was\s+(?:also\s+|further\s+|then\s+|therefore\s+|subsequently\s+|formally\s+)*agreed\s*(?:,\s*)?(?:that\s+)?",
    re.IGNORECASE,
)
_AS_ACTION_TAIL = re.compile(
    r"(?:,?(?:\s+|(?<=[A-Z]{2}))(?:and\s+)?(?:this\s+|it\s+|that\s+)?(?:was\s+)?(?:subsequently\s+)?(?:agreed\s+)?as\s+an?\s+action(?:\s+point)?(?:\s+to\s+follow)?)\s*[.;]?\s*$",
    re.IGNORECASE,
)


def read_label(text: str, cue_start: int, cue_end: int) -> Commitment | None:
    """"ACTION: DO to arrange ...", "Action- RS to gather ..."."""
    if not res._at_line_start(text, cue_start) and text[max(0, cue_start - 2) : cue_start].strip() not in (
        "",
        "–",
        "-",
        ".",
    ):
        return None
    body = cue_end
    while body < len(text) and (text[body].isspace() or text[body] in ":-–—"):
        body += 1
    end = sentence_end(text, body, body + 1500)
    clause = text[body:end]
    alone = _OWNER_ONLY.fullmatch(clause.strip().strip(" .;")) or _OWNER_THEN_NEXT.match(text, body, end)
    if alone is not None and is_party(alone.group(), text):
        return _labelled_before(
            text, cue_start, alone.group()
        )  # "Clerk to write to the police. Action: Clerk"
    m = re.match(
        rf"(?P<owner>{NP}|[A-Z]{{2,4}}(?:\s*/\s*[A-Z]{{2,4}})*|[Oo]fficers|All)\s+(?:to|will|would)\s", clause
    )
    return commitment(text, body, end, m.group("owner") if m else None)


def _labelled_before(text: str, cue_start: int, owner: str) -> Commitment | None:
    """The sentence a bare "Action: <owner>" label follows."""
    end = cue_start
    while end > 0 and text[end - 1] in " \t\n.–-(":
        end -= 1
    if end == 0:
        return None
    start = sentence_start(text, end - 1)
    return commitment(text, start, end, owner) if end - start >= 8 else None


#: "Action: Clerk/Webmaster 5.7.20 To invite ...": the owner, then the next numbered minute on the same line.
_OWNER_THEN_NEXT = re.compile(
    r"(?:[A-Z][\w’'\-]*(?:\s*/\s*[A-Z][\w’'\-]*)*|[A-Z]{2,4}(?:\s*[/&,]\s*[A-Z]{2,4})*)(?=\s+\d[\d.]*\s)"
)
#: An action label followed by nobody but its owner: "Action: Clerk", "ACTION – JS/PT", "Action: all Members".
_OWNER_ONLY = re.compile(
    r"(?:(?:the|all|All)\s+)?(?:[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,2}|[A-Z]{2,4}(?:\s*[/&,]\s*[A-Z]{2,4})*|[Oo]fficers|[Cc]lerk|[Mm]embers)"
    r"(?:\s*(?:/|&|and|,)\s*(?:[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,2}|[A-Z]{2,4}))*"
)


def read_as_action(text: str, cue_start: int, cue_end: int) -> Commitment | None:
    """"... it was agreed this would be reported to the relevant team as an action"."""
    s, e = sentence(text, cue_start)
    s = after_dash(text, s, cue_start)
    head = _IT_WAS_AGREED.match(text[s:cue_start])
    start = s + head.end() if head else s
    tail = _AS_ACTION_TAIL.search(text[start:e])
    end = start + tail.start() if tail else cue_start
    clause = text[start:end]
    owner = None
    m = re.match(rf"(?P<np>{NP}|[Oo]fficers)\s+(?:{verb_rx()['reporting'].pattern})(?:\s+that\s+)?", clause)
    if m:
        owner = m.group("np")
        if m.group().rstrip().endswith("that"):
            start += m.end()  # "X responded that support could be arranged": the frame is not the commitment
    else:
        a = re.match(
            rf"(?P<np>{NP}|[Oo]fficers)\s+(?:would|will|to|agreed\s+to|undertook\s+to)\s+(?!be\s)", clause
        )
        owner = a.group("np") if a else None
    return commitment(text, start, end, owner)


def read_it_was_agreed(text: str, cue_start: int, cue_end: int) -> Commitment | None:
    """"It was agreed that PC Arnold would liaise with ...": a commitment when the clause says
    would/will of a party, or that something would be done; "It was agreed to write to ..."."""
    _s, e = sentence(text, cue_start)
    body = cue_end
    m = re.match(r"\s*(?:,\s*)?(?:that\s+)?", text[body:e])
    body += m.end() if m else 0
    clause = text[body:e]
    end = e
    tail = _AS_ACTION_TAIL.search(text[body:e])
    if tail:
        end = body + tail.start()
    if re.match(r"(?:for\s+.{1,60}?\s+)?to\s", clause):
        return _agreed_to(text, body, end)
    should = re.match(r"(?P<who>[^,;]{1,60}?)\s+should\s+(?P<verb>\w+)", clause)
    if (
        should is not None
        and is_party(should.group("who"), text)
        and verb_rx()["active"].fullmatch(should.group("verb"))
    ):
        return commitment(
            text, body, end, should.group("who")
        )  # "It was agreed that the Clerk should write to ..."
    w = re.search(r"\b(?:would|will)\s+(?!be\s+(?:deferred|withdrawn|postponed|held)\b)(?:be\s+)?\w+", clause)
    if w is None or re.search(r"\bshould\b|\bcould\b", clause[: w.start()]):
        return None
    subject = clause[: w.start()].strip()
    passive = re.match(rf"(?:would|will)\s+be\s+(?:\w+ly\s+)?{PARTICIPLE}\b", clause[w.start() :]) is not None
    if not passive and not is_party(subject) and not _DONE_LATER.search(clause, w.end()):
        return None  # "the meeting would start at 9am": an arrangement, nobody's commitment
    return commitment(text, body, end, subject if not passive and is_party(subject) else None)


def _agreed_to(text: str, body: int, end: int) -> Commitment | None:
    """"It was agreed to progress the due diligence", "it was agreed for funding to be investigated"."""
    clause = text[body:end]
    verb = re.match(r"(?:for\s+(?P<who>.{1,60}?)\s+)?to\s+(?:be\s+(?P<passive>\w+)|(?P<active>\w+))", clause)
    if verb is None:
        return None
    if verb.group("passive"):
        if verb.group("passive").lower() in _NOT_DONE or not re.fullmatch(PARTICIPLE, verb.group("passive")):
            return None
    elif verb.group("active").lower() in _NOT_DONE:
        return None
    elif not verb.group("who") and not verb_rx()["active"].fullmatch(verb.group("active")):
        return None  # "agreed to <verb>" needs a doing verb; "agreed for a log to record ..." any
    who = verb.group("who")
    return commitment(text, body, end, who if who and is_party(who) else None)


#: Verbs after "agreed to" that decide rather than commit: read as resolutions.
_NOT_DONE = {
    "note",
    "approve",
    "accept",
    "adopt",
    "agree",
    "consider",
    "defer",
    "receive",
    "support",
    "award",
    "pay",
    "grant",
    "held",
    "noted",
    "approved",
    "accepted",
    "adopted",
    "deferred",
    "paid",
    "granted",
    "awarded",
    "co-opt",
    "appoint",
}
#: A later clause of the same sentence that is done by someone: "..., and this item would be brought back".
_DONE_LATER = re.compile(rf"\b(?:would|will)\s+be\s+(?!held\b){PARTICIPLE}\b")


def read_agreed_for(text: str, cue_start: int, cue_end: int) -> Commitment | None:
    """"... but agreed for funding to be investigated before a decision": the agreement is the commitment."""
    s, e = sentence(text, cue_start)
    if re.search(r"\b(?:it\s+was|was|were|been|had|be)\s+(?:\w+\s+)?$", text[s:cue_start], re.IGNORECASE):
        # "it was agreed for": read by read_it_was_agreed; "to be agreed for the season": not a commitment
        return None
    return _agreed_to(text, cue_end - 3, e)


def read_undertaking(text: str, cue_start: int, cue_end: int) -> Commitment | None:
    """"Officers undertook to ...", "Ms Gleave offered to ...", "The Chair agreed to ..."."""
    word = text[cue_start:cue_end].split()[0].lower()
    if re.match(
        r"\s+(?:the|a|an|this|that|these|those|it|its|his|her|their|our|be|date|step|serve|stand|remain|act|become)\b",
        text[cue_end : cue_end + 12],
        re.IGNORECASE,
    ):
        return None  # "agreed to the proposal", "agreed to step up as Chair": not a task
    s, e = sentence(text, cue_start)
    before = text[s:cue_start]
    if re.search(r"\b(?:was|were|been|be|being)\s*$", before, re.IGNORECASE):
        return None  # "thanks were offered to all": a passive, nobody's undertaking
    if word.startswith("agree"):
        if re.search(r"\b(?:it\s+was|was|were|been|had)\s*$", before, re.IGNORECASE):
            return None
        if res.RANK and re.search(
            r"\b(?:committee|sub-committee|panel|board|cabinet|council|group|partnership|forum|members|councillors)\s*(?:also\s+|further\s+|unanimously\s+|all\s+)?$",
            before,
            re.IGNORECASE,
        ):
            return None  # a body agreeing is a decision, read as a resolution
    if _THE_PUBLIC.search(before):
        return None  # an offer by a resident or an applicant is not the meeting's action
    owner = owner_before(text, s, cue_start)
    if word.startswith("agree") and owner is None and BODY_NOUN.search(before):
        return None
    if owner is None or owner.lower() in PRONOUNS:
        lead = speaker(text, s, cue_start)
        owner = lead or owner
        start = cue_start if lead is None or not before.strip().startswith(lead) or len(before) > 80 else s
    else:
        start = s + text[s:cue_start].rfind(owner)
    if len(before.strip()) > 80 and start == s:
        start = cue_start
    return commitment(text, start, e, owner)


def read_intention(text: str, cue_start: int, cue_end: int) -> Commitment | None:
    """"Mr Green stated his intention to meet the residents", "her intention, if asked, to report ...":
    a speaker's own stated intention (not "an intention" of government, nor "no intention")."""
    s, e = sentence(text, cue_start)
    before = text[s:cue_start]
    poss = re.search(r"\b(?:his|her|their|our)\s+(?:firm\s+|clear\s+|stated\s+)?$", before, re.IGNORECASE)
    if poss is None:
        return None
    if text[cue_start:cue_end].endswith(",") and not re.match(r"[^.;]{0,160}?,\s+to\s+\w", text[cue_end:e]):
        return None  # "intention, if X, to Y": only when the "to" follows the aside
    said = re.search(
        rf"(?P<np>{NP})\s+(?:stated|mentioned|confirmed|indicated|expressed|shared|announced|signalled|gave)\s+(?:his|her|their|our)\s+\S*\s*$",
        before,
    )
    if said is not None:
        owner: str | None = said.group("np")
        start = s + said.start() if len(before[: said.start()]) <= 40 else s + poss.start()
    else:
        owner = speaker(text, s, cue_start)
        start = s if len(before) <= 80 else s + poss.start()
    return commitment(text, start, e, owner)


def read_intended(text: str, cue_start: int, cue_end: int) -> Commitment | None:
    """"The Chair intended to raise this with the Mayor": a named person's stated plan."""
    s, e = sentence(text, cue_start)
    owner = owner_before(text, s, cue_start)
    if owner is None or not is_party(owner):
        return None
    if re.search(r"\b(?:is|was|are|were|be|been|not)\s*$", text[s:cue_start]):
        return None
    return commitment(text, s + text[s:cue_start].rfind(owner), e, owner)




_THE_PUBLIC = re.compile(
    r"\b(?:residents?|members?\s+of\s+the\s+public|the\s+public|applicants?|objectors?|petitioners?|the\s+agent|landowners?|parishioners?)\b[^.;]{0,40}$",
    re.IGNORECASE,
)


READERS: dict[str, Callable[[str, int, int], Commitment | None]] = {
    "label": read_label,
    "as_action": read_as_action,
    "it_was_agreed": read_it_was_agreed,
    "agreed_for": read_agreed_for,
    "undertaking": read_undertaking,
    "intention": read_intention,
    "intended": read_intended,
    "were_to": read_were_to,
    "would": read_would,
    "request": read_request,
    "receive": read_receive,
}
