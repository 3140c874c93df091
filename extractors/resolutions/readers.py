"""Readers for decisions introduced by a cue: "RESOLVED that", "AGREED",
"The Committee agreed to", "DECISION:", "It was agreed that", a bare "NOTED"
paragraph. Each takes the cue's offsets and returns the Hits it reads after it
(one per numbered part), or nothing when the cue is not a decision here."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..clauses import SPACE, sentence_end, skip_space, strip_that, trim
from .parts import MARKER
from .parts import parts as read_parts
from .rules import MAX_BODY, Hit, make_hit, phrases

_LINE_PREFIX = re.compile(
    rf"(?:^|[\n|]|[.:;]\s)[{SPACE}]*(?:[•●▪◦■□➢►‣∙·\-–*][{SPACE}]*)?"
    rf"(?:\(?[0-9a-zA-Z]{{1,4}}[.)][{SPACE}]*|\d{{1,3}}(?:\.\d{{1,3}})+\.?[{SPACE}]+)?(?:(?:Minutes|Decision|Cabinet|Council|Committee)\s*:?[{SPACE}]*)?$"
    rf"|\b(?:Minutes|Decision)\s*:[{SPACE}]*$"  # a ModernGov label run into the item's title row
)


_BARE_REST = re.compile(
    r"[^\S\n]*(?:con\.?|(?:a\s+)?vote|by\s+consent|by\s+affirmation)?[^\S\n]*[.!]?[^\S\n]*(?:\([^()\n]{1,40}\)[^\S\n]*)?(?=\n|$)",
    re.IGNORECASE,
)
_RECORDED_NEXT = re.compile(
    r"(?:\(?\d{1,3}[.)]?[^\S\n]*)?(?:(?:It\s+was\s+)?(?:RESOLVED|Resolved|AGREED|DECISION|Decision)\b)"
)
_DECISION_OPENER = re.compile(r"(?:[Tt]hat\b|[Tt]o\s|\(?(?:1|a|i|A|I)[.)]\s|[a-z]|[•·▪\-–])")


def bare_label(text: str, cue_start: int, cue_end: int, cue: str | None) -> list[Hit] | None:
    """A paragraph that is only "NOTED" / "Agreed." / "AGREED unanimously" after discussion:
    the decision is the label itself, or the "That ..." motion printed just before it."""
    line_start = text.rfind("\n", 0, cue_start) + 1
    if text[line_start:cue_start].strip(SPACE):
        return None
    rest = _BARE_REST.match(text, cue_end)
    if rest is None:
        return None
    nxt = skip_space(text, rest.end())
    if nxt < len(text) and _DECISION_OPENER.match(text, nxt):
        return None
    if _RECORDED_NEXT.match(text, nxt):
        return []  # "Agreed unanimously." then "2. RESOLVED that ...": the decision is recorded there
    paren = text.find("(", cue_end, rest.end())
    s, e = trim(
        text, cue_start, paren if paren >= 0 else rest.end()
    )  # "NOTED (19:28 to 20:24)": the time is no part
    if cue == "AGREED" and line_start > 0:
        prev_end = len(text[:line_start].rstrip())
        para = text.rfind("\n\n", 0, prev_end)
        ps = skip_space(text, 0 if para < 0 else para + 2)
        m = re.match(r"(?:\(?[0-9a-zA-Z]{1,3}[.)][^\S\n]*)?That\s+", text[ps:prev_end])
        if m and prev_end - ps < MAX_BODY:
            s, e = trim(text, ps + m.end(), prev_end)
    return [make_hit(text, s, e, cue, None, "bare")] if e - s >= 3 else []


def put_to_vote(text: str, cue_start: int, cue_end: int) -> list[Hit]:
    """"... moved that the motion be put to the vote, which was agreed": a procedural decision."""
    lead = re.search(
        r"\bthat\s+((?:the\s+)?(?:motion|question|amendment|matter|recommendations?|item)\s*)$",
        text[max(0, cue_start - 60) : cue_start],
        re.IGNORECASE,
    )
    if lead is None:
        return []
    start = cue_start - len(lead.group(1))
    tail = re.match(r"[^\S\n]+to\s+the\s+vote", text[cue_end : cue_end + 40])
    end = cue_end + (tail.end() if tail else 0)
    after = text[end : end + 160]
    stop = sentence_end(text, end, end + 160) - end
    nxt = text[end : end + stop + 80]
    if not re.search(
        r"\b(?:was|were|being)\s+(?:duly\s+|then\s+|unanimously\s+)?(?:agreed|carried|approved)\b|\b(?:agreed|carried)\b",
        nxt,
        re.IGNORECASE,
    ) or re.search(r"\b(?:lost|defeated|not\s+agreed|fell)\b", after[: stop + 80], re.IGNORECASE):
        return []
    return [make_hit(text, start, end, None, None, "put_vote")]


def at_line_start(text: str, pos: int) -> bool:
    return _LINE_PREFIX.search(text[max(0, pos - 40) : pos]) is not None


def body_cue_ok(doc: Doc, tok: int, text: str, cue_end: int) -> bool:
    """"The Committee agreed ..." but not "the Chair of the Committee agreed" or "agreed with"."""
    before = [t.lower_ for t in doc[max(0, tok - 2) : tok]]
    if "of" in before:
        return False
    after = text[cue_end : cue_end + 12].lstrip().lower()
    if text[max(0, cue_end - 8) : cue_end].lower().endswith("resolve") and not after.startswith(
        ("to ", "that")
    ):
        return False  # "The Partnership resolve community safety issues": a plural verb, not a decision
    return not after.startswith(("with", "by", "upon", "on the", "in principle that it", "."))


def decision(
    text: str, body: int, cue: str | None, kind: str, *, own_paragraph: bool = False, siblings: bool = False
) -> list[Hit]:
    """One Hit per part after ``body``; a decision set out as its own paragraph after a
    label alone on its line ("It was APPROVED that;") runs to the end of that paragraph,
    and after "RESOLVED that:" the next paragraphs opening the same way are decisions too."""
    found = read_parts(text, body)
    stem_end = _bare_body_stem_end(text, body) if found is None else None
    if stem_end is not None:  # "Resolved:" "Committee:" then the decision as its own paragraph
        return [
            h
            for h in decision(text, skip_space(text, stem_end), cue, kind, own_paragraph=True)
            if h.start >= stem_end
        ]
    if found is None:
        end = (
            paragraph_end(text, body)
            if own_paragraph
            else _continued(text, sentence_end(text, body, body + MAX_BODY))
        )
        section = phrases()["section_after"].search(text, body, end)
        start, end = trim(text, body, section.start() if section else end)
        if end - start < 3 or LIST_STEM.search(text[start : end + 2]):
            return []  # "That Council be recommended to:" with nothing after it
        hits = [make_hit(text, start, end, cue, None, kind)]
        return hits + (_sibling_paragraphs(text, start, end, cue, kind) if siblings else [])
    stem, items = found
    owner = _stem_owner(text, *stem) if stem else None
    hits = []
    if (
        stem
        and phrases()["subjunctive"].search(text[stem[0] : stem[1]])
        and not LIST_STEM.search(text[stem[0] : stem[1]])
    ):
        s, e = trim(text, *stem)
        if e - s >= 3:
            hits.append(make_hit(text, s, e, cue, None, kind))
    for label, s, e in items:
        s = strip_that(text, s, e)
        section = phrases()["section_after"].search(text, s, e)
        s, e = trim(text, s, section.start() if section else e)
        if e - s >= 3:
            hits.append(make_hit(text, s, e, cue, label, kind, owner, group=body))
    return hits


#: A stem that only introduces a list: "That Council be recommended to:", "the following:".
LIST_STEM = re.compile(r"\b(?:to|that|as\s+follows|the\s+following|following)\s*[:–\-]\s*$", re.IGNORECASE)
_CARRIED_BEFORE = re.compile(
    r"(?:\b(?:committee|sub-committee|panel|board|cabinet|council|forum|members)|\b(?:was|were|and|motion|amendment|recommendations?))"
    r"\s+(?:(?:also|then|unanimously|duly|therefore)\s+)?$",
    re.IGNORECASE,
)
_CARRIED_CUE = {"resolved": "RESOLVED", "agreed": "AGREED", "noted": "NOTED"}


def carried_parts(text: str, cue_start: int, body: int) -> list[Hit]:
    """"The motion was put to the vote and carried:" / "The Committee noted:" over numbered
    parts whose RESOLVED label is missing: one Hit per part (nothing without parts)."""
    if (
        read_parts(text, body) is None
        or "\n" not in text[cue_start:body]
        or not MARKER.match(text, skip_space(text, body))
    ):
        return []
    if not _CARRIED_BEFORE.search(text[max(0, cue_start - 60) : cue_start]):
        return []  # "The following points were raised and noted:" over bullets: discussion, not decision
    word = text[cue_start:body].split()[0].rstrip(":-–—").lower()
    return [h for h in decision(text, body, _CARRIED_CUE.get(word), "carried") if h.part is not None]


_BARE_BODY_STEM = re.compile(
    r"(?:that\s+)?(?:the\s+)?(?:[A-Z][\w&’'\-]*\s+){0,4}(?:committee|sub-committee|panel|board|cabinet|council|executive|forum|authority)"
    r"[^\S\n]*[:–\-][^\S\n]*\n",
    re.IGNORECASE,
)


def _bare_body_stem_end(text: str, body: int) -> int | None:
    """End of a line that only names the deciding body ("Committee:"), when a paragraph follows."""
    m = _BARE_BODY_STEM.match(text, body)
    if m is None or "\n" in text[body : m.end() - 1]:
        return None
    nxt = skip_space(text, m.end())
    return m.end() if nxt < len(text) and text.count("\n", m.end() - 1, nxt) >= 1 else None


#: A sentence that carries on the decision before it: "... reconsideration. In particular, the Council urges
#: ..."
_CONTINUES = re.compile(
    r"(?:In\s+particular|Furthermore|In\s+addition|Additionally|This\s+will\s+include|This\s+includes)\b"
)


def _continued(text: str, end: int) -> int:
    """``end`` moved over the following sentences of the paragraph that carry the decision on."""
    while end < len(text) and text[end - 1] in ".!?":
        nxt = skip_space(text, end)
        if text.count("\n", end, nxt) >= 2 or not _CONTINUES.match(text, nxt):
            break
        end = sentence_end(text, nxt, nxt + MAX_BODY)
    return end


def _sibling_paragraphs(text: str, start: int, end: int, cue: str | None, kind: str) -> list[Hit]:
    """"RESOLVED that:" then "Members note ..." and "Members continue to support ...": paragraphs
    opening with the first one's word are decisions of the same resolution."""
    opener = text[start:end].split(maxsplit=1)[0]
    hits: list[Hit] = []
    while len(hits) < 10 and opener[:1].isupper():
        while end < len(text) and text[end] in ".;,":
            end += 1
        nxt = skip_space(text, end)
        if text.count("\n", end, nxt) < 2 or not text.startswith(opener + " ", nxt):
            break
        s, end = trim(text, nxt, paragraph_end(text, nxt))
        hits.append(make_hit(text, s, end, cue, None, kind))
    return hits


def paragraph_end(text: str, start: int) -> int:
    """End of the paragraph from ``start``: sentence after sentence until a blank line."""
    end = sentence_end(text, start, start + MAX_BODY)
    while end < len(text) and text[end - 1] in ".!?":
        nxt = skip_space(text, end)
        if nxt >= len(text) or text.count("\n", end, nxt) >= 2 or nxt - start >= MAX_BODY:
            break
        end = sentence_end(text, nxt, start + MAX_BODY)
    return end


def _stem_owner(text: str, start: int, end: int) -> str | None:
    """"Cabinet:" / "the Committee:" before a list of parts names who decides."""
    stem = text[start:end].strip().rstrip(":–-, ").strip()
    named = 0 < len(stem) <= 40 and stem[:1].isupper() or stem.lower().startswith("the ")
    if named and len(stem.split()) <= 5 and not phrases()["subjunctive"].search(stem):
        return stem or None
    return None




def it_was_agreed(text: str, cue: str | None, body: int) -> list[Hit]:
    """"It was agreed that X be ..." is a decision; "... X would ... as an action" is only an action."""
    end = sentence_end(text, body, body + MAX_BODY)
    clause = text[body:end]
    if re.search(r"\bas\s+an?\s+action\b", clause, re.IGNORECASE) or re.search(
        r"^[^,;]{0,80}?\bshould\b", clause
    ):
        return []
    if phrases()["subjunctive"].search(clause) and not re.search(
        r"\bwould\b(?!\s+be\s+(?:deferred|withdrawn|postponed))", clause
    ):
        return decision(text, body, cue, "it_was")
    if re.search(r"\bwould\s+be\s+(?:deferred|withdrawn|postponed)\b", clause):
        return decision(text, body, cue, "it_was")
    cut = end >= len(text.rstrip()) and text.rstrip()[-1:] not in ".!?;:)”\"'"
    if cut and len(clause.split()) >= 3 and not re.search(r"\b(?:would|will|should)\b", clause):
        return decision(text, body, cue, "it_was")  # cut by the end of the text before its verb
    return []


def motion_words(text: str, start: int, end: int) -> list[Hit]:
    """The decision in the words of a carried motion printed in full ("“That the Motion be referred ...”")."""
    start = skip_space(text, start)
    while start < end and text[start] in "“\"‘'":
        start += 1
    start = strip_that(text, skip_space(text, start), end)
    return [clip(text, hit, end) for hit in decision(text, start, None, "motion") if hit.start < end]


def clip(text: str, hit: Hit, end: int) -> Hit:
    """``hit`` cut at ``end`` (the end of the motion it was read from), without closing quotes."""
    s, e = trim(text, hit.start, min(hit.end, end))
    e = max(s, len(text[:e].rstrip("”\"’'. ")))
    return make_hit(text, s, e, hit.cue, hit.part, hit.kind, hit.owner, group=hit.group)
