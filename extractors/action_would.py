"""The "would / will" forms: a commitment reported in the future-in-the-past.

A would/will is an action when someone named says it of themselves or of the
officers ("The chair added that he would follow up ..."), when a named party is
the subject ("The group would look into ...", "HL would ask for a status
report"), or when something is to be handed over: to the meeting ("copies would
be circulated to Members") or, for papers and figures, at all ("the results
would be made available"). Plans of other bodies, events that will take place
and things that "would be considered" are not.
"""

from __future__ import annotations

import re

from .action_record import NOT_SUBJECT, Commitment, commitment, owner_before, sentence, speaker
from .action_words import NP, PARTICIPLE, PERSON, ROLE, info_noun_rx, is_party, verb_rx

_RECIPIENT = re.compile(
    r"\b(?:to|with)\s+(?:all\s+)?(?:the\s+)?(?:(?:committee|panel|board)\s+)?"
    r"(?:members|committee|panel|board|councillors|group|partnership|cabinet|sub-committee|forum)\b",
    re.IGNORECASE,
)
_SUBJECT_MEMBERS = re.compile(
    r"\b(?:members|the\s+(?:committee|panel|board|group|forum)|councillors)\s*$", re.IGNORECASE
)
#: Handing something over, when no recipient is written: "made available", "sent by email", "added to the
#: document".
_HANDED_OVER = re.compile(
    r"(?:made\s+available|circulated|re-?circulated|sent|shared|e-?mailed|distributed|forwarded|added|published|provided|posted|uploaded)\b",
    re.IGNORECASE,
)
_RECIPIENT_VERBS = ("updated", "informed", "advised", "notified", "given")
#: "would try to", "will also", "would continue to", "will endeavour to": words before the verb itself.
_SOFT = (
    r"(?:(?:also|further|now|then|personally|\w+ly)\s+)*(?:(?:try|endeavour|"
    r"seek|aim|continue|be\s+able)\s+to\s+)?"
)


#: An aside between "would" and its verb: "officers would, subject to the decision, create ...".
_ASIDE = r"(?:,[^,.;]{1,100},)?"


def read_would(text: str, cue_start: int, cue_end: int) -> Commitment | None:
    """"The chair added that he would follow up ...", "copies would be circulated to Members"."""
    s, e = sentence(text, cue_start)
    after = text[cue_end:e]
    before = text[s:cue_start]
    rx = verb_rx()
    passive = re.match(
        rf"\s+be\s+(?:\w+ly\s+)?(?:{PARTICIPLE}\s+(?:[\w’',]+\s+){{0,8}}?and\s+)?(?P<verb>{PARTICIPLE}(?:\s+\w+)?)",
        after,
        re.IGNORECASE,
    )
    if passive:
        return _handed_over(text, s, e, cue_start, passive.group("verb"))
    active = re.match(
        rf"{_ASIDE}\s+(?:be\s+)?(?:(?:\w+ly)\s+)?(?:{rx['active'].pattern}|\w+ing)", after, re.IGNORECASE
    )
    if active is None:
        return None
    said = re.search(
        rf"(?P<np>{NP}|{ROLE}|[Oo]fficers)\s+(?:also\s+|"
        rf"further\s+)?(?:{rx['reporting'].pattern})\s+(?:\w+\s+){{0,"
        rf"3}}?that\s+(?P<subj>[\w’' ]{{1,60}}?)\s*$",
        before,
    ) or re.search(
        rf"(?P<np>{NP}|{ROLE})\s+(?:also\s+|further\s+)?(?:said|stated|confirmed|added|replied|responded|indicated|explained)\s+(?P<subj>he|she|they|we)\s*$",
        before,
    )
    if said is None:
        return _party_would(text, s, e, cue_start, cue_end)
    subj = said.group("subj")
    joint = re.match(r"(he|she|they|we)\s+and\s+(?P<other>(?:the\s+)?[\w’' ]{1,40}?)$", subj, re.IGNORECASE)
    if joint is not None and (
        PERSON.search(joint.group("other"))
        or re.search(r"\b(?:Member|Holder|[A-Z][a-z]+)$", joint.group("other"))
    ):
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


def _handed_over(text: str, s: int, e: int, cue_start: int, verb: str) -> Commitment | None:
    """ "copies would be circulated to Members", "Members would be updated",
    "the results would be made available"."""
    start = _clause_start(text, s, cue_start)
    subject = text[start:cue_start].strip()
    if re.search(r"\bif\b.*\bthen\b", text[s:cue_start], re.IGNORECASE | re.DOTALL):
        return None  # "if the Mayor cannot attend, then written responses would be provided": a standing rule
    after = text[cue_start:e]
    to_meeting = _RECIPIENT.search(after) or _SUBJECT_MEMBERS.search(text[s:cue_start])
    if verb.lower().startswith(_RECIPIENT_VERBS):
        return commitment(text, start, e, None) if _SUBJECT_MEMBERS.search(text[s:cue_start]) else None
    if not _HANDED_OVER.match(verb) and not re.search(
        r"\b(?:brought|bought|reported|fed)\s+back\b|\bpresented\b", verb, re.IGNORECASE
    ):
        return None
    if to_meeting:
        return commitment(text, start, e, None)
    if _HANDED_OVER.match(verb) and (
        info_noun_rx().search(subject) or re.fullmatch(r"(?:This|These|They|It)", subject)
    ):
        return commitment(
            text, start, e, None
        )  # "the figures would be made available", "This will be sent by email"
    return None


def _party_would(text: str, s: int, e: int, cue_start: int, cue_end: int) -> Commitment | None:
    """"The group would look into ...", "Officers will work with ...", "HL would ask for a status report"."""
    pronoun = _PRONOUN_SUBJECT.search(text, s, cue_start)
    lead = speaker(text, s, cue_start)
    if pronoun is not None and lead is not None and is_party(lead, text):
        other = pronoun.group("other")
        start, subject = (
            pronoun.start(),
            f"{lead} and {other}" if other else lead,
        )  # "Mr Gough ...; about which he and the Cabinet Member would liaise"
    else:
        start = _clause_start(text, s, cue_start)
        subject = text[start:cue_start].strip()
        if (
            not subject
            or len(subject.split()) > 6
            or not (is_party(subject, text) or subject in ("Officers", "officers"))
        ):
            return None
    if (subject + " ").lower().startswith(NOT_SUBJECT):
        return None
    verb = re.match(rf"{_ASIDE}\s+{_SOFT}(?P<verb>\w+)", text[cue_end:e], re.IGNORECASE)
    if verb is None or not verb_rx()["active"].fullmatch(verb.group("verb")):
        return None
    return commitment(text, start, e, subject)


#: "... which he and the Cabinet Member would ...": the speaker of the sentence, with someone else.
_PRONOUN_SUBJECT = re.compile(
    r"\b(?:he|she)(?:\s+and\s+(?P<other>(?:the\s+)?(?:[A-Z][\w\-]*\s+){0,4}[A-Z][\w\-]*))?\s+$"
)


def _clause_start(text: str, s: int, pos: int) -> int:
    """Start of the clause holding ``pos``: after the last "that", "but" or ", and" before it."""
    said = re.search(
        rf"(?:{verb_rx()['reporting'].pattern}|proposed|resolved|decided)\s+(?:\w+\s+){{0,3}}?that\s+",
        text[s:pos],
    )
    best = s + said.end() if said is not None else s
    base = best
    for m in re.finditer(r"\b(?:but|however,?)\s+|,\s+and\s+|\s[–—]\s+", text[base:pos]):
        best = base + m.end()
    return best


#: The meeting as the one to be given something: "the Committee will receive six-monthly updates".
_RECEIVER = re.compile(
    r"(?:^|\b)(?P<who>(?:the\s+|The\s+)?(?:[A-Z][\w&’'\-]*\s+){0,4}(?:Committee|Sub-Committee|Panel|Board|Cabinet|Council|Forum|Partnership|Group)"
    r"|[Mm]embers|[Cc]ouncillors)\s+(?:(?:will|would|shall|should)\s+)?$"
)
_RECEIVED_THING = re.compile(
    r"\s+(?:a|an|the|further|regular|quarterly|monthly|annual|six-monthly|twice-yearly|periodic|progress|an\s+annual)?\s*(?:[\w\-]+\s+){0,3}?"
    r"(?:updates?|reports?|briefings?|presentations?|progress\s+reports?)\b",
    re.IGNORECASE,
)


def read_receive(text: str, cue_start: int, cue_end: int) -> Commitment | None:
    """"The Committee will receive an update at its next meeting", "Members would continue to receive
    quarterly reports": a commitment that the meeting be told something (who tells it is not written).
    A bare "The Board to receive ..." opens an agenda item and is not one."""
    words = text[cue_start:cue_end].lower().split()
    if words[0] == "to":
        return None
    s, e = sentence(text, cue_start)
    who = _RECEIVER.search(text, s, cue_start)
    if who is None or not _RECEIVED_THING.match(text, cue_end):
        return None
    return commitment(text, who.start(), e, None)


def read_were_to(text: str, cue_start: int, cue_end: int) -> Commitment | None:
    """"Officers were to provide this document to the Panel in due course"; "a note is to be
    circulated before the next meeting" (something handed over, said of the thing)."""
    s, e = sentence(text, cue_start)
    if re.match(r"\s+be\s", text[cue_end : cue_end + 5]):
        return _to_be_handed_over(text, s, e, cue_start, cue_end)
    if (
        verb_rx()["active"].match(text, cue_end + 1) is None
        and verb_rx()["active"].match(text[cue_end:].lstrip()) is None
    ):
        return None
    owner = owner_before(text, s, cue_start)
    if owner is None or owner.lower() in ("it", "this", "the aim", "there"):
        return None
    start = s + text[s:cue_start].rfind(owner)
    return commitment(text, start, e, owner)


def _to_be_handed_over(text: str, s: int, e: int, cue_start: int, cue_end: int) -> Commitment | None:
    """"A briefing note is to be circulated", "Members were to be provided with the figures"."""
    verb = re.match(rf"\s+be\s+(?:\w+ly\s+)?(?P<verb>{PARTICIPLE})\b", text[cue_end:e])
    if verb is None or not verb_rx()["delivery_passive"].match(verb.group("verb")):
        return None
    subject = re.search(r"(?:^|[,;:–—]\s+|\bthat\s+)(?P<subject>[^,;:–—]{1,80}?)\s*$", text[s:cue_start])
    if subject is None:
        return None
    thing = subject.group("subject")
    recipients = re.search(
        r"\b(?:members|councillors|committee|panel|board|cabinet|forum)$", thing, re.IGNORECASE
    )
    if (
        verb.group("verb").lower() in ("updated", "informed", "advised", "notified", "given")
        and not recipients
    ):
        return None  # "the foreword was to be updated": a document, not the meeting, is updated
    if not (recipients or info_noun_rx().search(thing)):
        return None
    return commitment(text, s + subject.start("subject"), e, None)
