"""Actions: commitments made or recorded at a meeting for something to happen after it.

Anchors ("ACTION:", "as an action", "undertook to", "would", "were to",
"asked ... to") are Matcher patterns in ``patterns/action_cues.jsonl``; verb
lists are in ``patterns/action_verbs.jsonl`` and due-date phrases in
``patterns/action_due.jsonl``. Each anchor is read in its own sentence: who
commits (owner, as written), what (the commitment), by when (due). A
resolution part that instructs ("packs be circulated to Members") is also an
action, read from the ``minutes_resolutions`` spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

from rapidfuzz import fuzz
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from pipeline.records import Action, Fact

from . import motions
from . import resolutions as res
from .clauses import (
    alternation, anchor_regex, block_bounds, build_matcher, doc_text, load_jsonl, normalise, sentence_end,
    sentence_start, set_found_spans, stored_records, trim, windowed_matches, word_list,
)
from .dates import resolve_due

KEY = "actions"
EXT = "minutes_action"
VERBS = "action_verbs.jsonl"

_NP = r"(?:(?:the|The)\s+)?(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|PC|Inspector|Chief\s+Inspector|Sgt)\.?\s+)?[A-Z][\w’'\-]*(?:\s+(?:of\s+the\s+|of\s+|for\s+|and\s+|&\s+)?[A-Z][\w’'\-]*){0,6}(?:\s+(?:officers?|members?|team|manager|staff|representatives?|colleagues))?"
_ROLE = r"[Tt]he\s+(?:vice[- ])?(?:chair\w*|clerk|officer|manager|director|leader|lead\s+officer)"
_OWNER_NP = re.compile(rf"(?:^|(?<=[\s,(–—-]))(?P<np>{_NP}|[Oo]fficers|[Tt]he\s+[a-z]+\s+(?:officers?|team|members)|[Hh]e|[Ss]he|[Tt]hey)\s*$")
_LEAD_NP = re.compile(rf"^(?P<np>{_NP}|[Oo]fficers)\b")
_NOT_SUBJECT = ("as ", "if ", "when ", "whereas ", "although ", "because ", "once ", "since ", "while ", "whilst ", "with ", "in ", "following ", "during ", "however", "after ", "before ")
_BODY_NOUN = re.compile(r"\b(?:committee|sub-committee|panel|board|cabinet|council|group|partnership|forum)\b", re.I)
_PERSON = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|PC|Inspector)\b|\b(?:officers?|chair\w*|manager|director|clerk|head|lead|leader|"
    r"co-?ordinator|team|inspector|commissioner|advis[eo]r|representatives?)\b",
    re.I,
)
_PRONOUNS = {"he", "she", "they", "it", "this", "that", "there", "members", "a member", "the member"}
_IT_WAS_AGREED = re.compile(r"^it\s+was\s+(?:also\s+|further\s+|then\s+|therefore\s+|subsequently\s+|formally\s+)*agreed\s*(?:,\s*)?(?:that\s+)?", re.I)
_AS_ACTION_TAIL = re.compile(r"(?:,?(?:\s+|(?<=[A-Z]{2}))(?:and\s+)?(?:was\s+)?(?:subsequently\s+)?(?:agreed\s+)?as\s+an?\s+action(?:\s+point)?(?:\s+to\s+follow)?)\s*[.;]?\s*$", re.I)


@dataclass(frozen=True)
class Commitment:
    """One action found in the text (offsets exact)."""

    start: int
    end: int
    owner: str | None
    due: str | None
    context_start: int
    context_end: int
    from_resolution: bool = False


# ---------------------------------------------------------------- rules (data)


@lru_cache(maxsize=1)
def cue_rows() -> tuple[dict[str, Any], ...]:
    return tuple(load_jsonl("action_cues.jsonl", frozenset({"kind", "pattern"})))


@lru_cache(maxsize=1)
def verb_rx() -> dict[str, re.Pattern[str]]:
    """Compiled verb alternations by kind."""
    out = {}
    for kind in ("active", "delivery_passive", "reporting", "requesters"):
        out[kind] = re.compile(rf"(?:{alternation(word_list(VERBS, kind))})\b", re.I)
    return out


@lru_cache(maxsize=1)
def due_rx() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(due phrases, phrases that are not dues) from ``action_due.jsonl``."""
    rows = load_jsonl("action_due.jsonl", frozenset({"kind", "regex"}))
    due = "|".join(f"(?:{r['regex']})" for r in rows if r["kind"] == "due")
    not_due = "|".join(f"(?:{r['regex']})" for r in rows if r["kind"] == "not_due")
    return re.compile(due, re.I), re.compile(not_due, re.I)


def find_due(text: str) -> str | None:
    """The deadline or target meeting as written, or None ("in due course" is none)."""
    due, _not_due = due_rx()
    m = due.search(text)
    if m is None:
        return None
    found = m.group().strip(" ,.")
    return re.sub(r"^(?:by|before|within|to|at|in|on|until|during)\s+", "", found, flags=re.I) if found.lower().startswith(("to ", "at ")) else found


@lru_cache(maxsize=1)
def _anchors() -> re.Pattern[str]:
    return anchor_regex(list(cue_rows()))


# ---------------------------------------------------------------- component


@Language.factory("minutes_actions", assigns=["doc.spans"], requires=[])
def make_actions(nlp: Language, name: str) -> "ActionFinder":
    return ActionFinder(nlp)


class ActionFinder:
    """Writes ``doc.spans["actions"]``; each span's ``._.minutes_action`` holds its Commitment."""

    def __init__(self, nlp: Language) -> None:
        if not Span.has_extension(EXT):
            Span.set_extension(EXT, default=None)
        self.matcher, self.rows = build_matcher(nlp.vocab, list(cue_rows()))

    def __call__(self, doc: Doc) -> Doc:
        set_found_spans(doc, KEY, EXT, find_commitments(doc, self.matcher, self.rows), lambda c: "ACTION")
        return doc


@lru_cache(maxsize=4)
def _matcher_for(vocab_id: int, vocab: Any) -> tuple[Matcher, dict[int, dict[str, Any]]]:
    return build_matcher(vocab, list(cue_rows()))


def commitments_of(doc: Doc) -> list[Commitment]:
    stored = stored_records(doc, KEY, EXT)
    if stored is not None:
        return stored
    matcher, rows = _matcher_for(id(doc.vocab), doc.vocab)
    return find_commitments(doc, matcher, rows)


# ---------------------------------------------------------------- the pure function


def actions(doc: Doc, *, fact: Callable[[int, int], Fact]) -> list[Action]:
    """Action records for ``doc``, each once per agenda item."""
    text = doc_text(doc)
    out: list[Action] = []
    seen: list[tuple[int | None, str]] = []
    for c in commitments_of(doc):
        f = fact(c.start, c.end)
        key = (f.item_ordinal, normalise(f.text))
        if any(k[0] == key[0] and (k[1] == key[1] or fuzz.ratio(k[1], key[1]) >= res.DUPLICATE_RATIO) for k in seen):
            continue
        seen.append(key)
        out.append(
            Action(
                fact=f,
                owner=c.owner,
                due=c.due,
                due_date=resolve_due(c.due) if c.due else None,
                context=text[c.context_start : c.context_end],
                context_start=c.context_start,
                context_end=c.context_end,
                from_resolution=c.from_resolution,
            )
        )
    return out


# ---------------------------------------------------------------- finding


def find_commitments(doc: Doc, matcher: Matcher, rows: dict[int, dict[str, Any]]) -> list[Commitment]:
    """Every commitment in ``doc`` in text order; overlapping finds keep the first."""
    text = doc_text(doc)
    found: list[Commitment] = []
    for hit in res.hits_of(doc):
        for s, e, owner in hit.instructions:
            found.append(_commitment(text, s, e, owner, from_resolution=True))
    decided = [(h.start, h.end) for h in res.hits_of(doc)]
    for match_id, start, end in windowed_matches(doc, text, matcher, _anchors()):
        kind = rows[match_id]["kind"]
        cue_start = doc[start].idx
        cue_end = doc[end - 1].idx + len(doc[end - 1].text)
        if kind != "request" and any(s <= cue_start < e for s, e in decided):
            continue  # inside a decision: its instructions were read above
        c = READERS[kind](text, cue_start, cue_end)
        if c is not None and motions.not_decision_at(text, c.start) is not None:
            continue  # words of a motion that was lost, withdrawn or replaced, or recorded after a RESOLVED
        if c is not None and c.end - c.start >= 8 and not any(_overlap(c, o) for o in found):
            found.append(c)
    found.sort(key=lambda c: c.start)
    return found


def _overlap(a: Commitment, b: Commitment) -> bool:
    return a.start < b.end and b.start < a.end


def _commitment(text: str, start: int, end: int, owner: str | None, *, from_resolution: bool = False) -> Commitment:
    start, end = trim(text, start, end)
    cs, ce = block_bounds(text, start)
    owner = _clean_owner(owner)
    return Commitment(start, end, owner, find_due(text[start:end]), min(cs, start), max(ce, end), from_resolution)


def _clean_owner(owner: str | None) -> str | None:
    if owner is None:
        return None
    owner = owner.strip(" ,–—-")
    if not owner or owner.lower() in _PRONOUNS or owner.lower().startswith(("it ", "there ")):
        return None
    return owner


def _sentence(text: str, pos: int) -> tuple[int, int]:
    s = sentence_start(text, pos)
    return s, sentence_end(text, s, s + 2000) if s <= pos else sentence_end(text, pos, pos + 2000)


def _owner_before(text: str, s: int, pos: int) -> str | None:
    """The noun phrase just before ``pos`` in its sentence ("Ms Gleave offered to")."""
    chunk = text[s:pos].rstrip()
    m = _OWNER_NP.search(chunk)
    if m is None or re.search(r"\b(?:of|to|for|with|by)\s*$", chunk[: m.start()]):
        return None
    return m.group("np")


def _speaker(text: str, s: int, pos: int) -> str | None:
    """The sentence's opening noun phrase, for "X shared that ... and offered to"."""
    m = _LEAD_NP.match(text[s:pos])
    if m is None or (m.group("np") + " ").lower().startswith(_NOT_SUBJECT):
        return None
    return m.group("np")


def _read_label(text: str, cue_start: int, cue_end: int) -> Commitment | None:
    """"ACTION: DO to arrange ...", "Action- RS to gather ..."."""
    if not res._at_line_start(text, cue_start) and text[max(0, cue_start - 2) : cue_start].strip() not in ("", "–", "-", "."):
        return None
    body = cue_end
    while body < len(text) and (text[body].isspace() or text[body] in ":-–—"):
        body += 1
    end = sentence_end(text, body, body + 1500)
    clause = text[body:end]
    m = re.match(rf"(?P<owner>{_NP}|[A-Z]{{2,4}}(?:\s*/\s*[A-Z]{{2,4}})*|[Oo]fficers|All)\s+(?:to|will|would)\s", clause)
    return _commitment(text, body, end, m.group("owner") if m else None)


def _read_as_action(text: str, cue_start: int, cue_end: int) -> Commitment | None:
    """"... it was agreed this would be reported to the relevant team as an action"."""
    s, e = _sentence(text, cue_start)
    s = _after_dash(text, s, cue_start)
    head = _IT_WAS_AGREED.match(text[s:cue_start])
    start = s + head.end() if head else s
    tail = _AS_ACTION_TAIL.search(text[start:e])
    end = start + tail.start() if tail else cue_start
    clause = text[start:end]
    owner = None
    m = re.match(rf"(?P<np>{_NP}|[Oo]fficers)\s+(?:{verb_rx()['reporting'].pattern})", clause)
    if m:
        owner = m.group("np")
    else:
        a = re.match(rf"(?P<np>{_NP}|[Oo]fficers)\s+(?:would|will|to|agreed\s+to|undertook\s+to)\s+(?!be\s)", clause)
        owner = a.group("np") if a else None
    return _commitment(text, start, end, owner)


def _after_dash(text: str, s: int, pos: int) -> int:
    """Minutes often write "question. – Answer": the commitment starts after the dash."""
    dash = max(text.rfind(" – ", s, pos), text.rfind(" - ", s, pos))
    return dash + 3 if dash >= 0 else s


def _read_it_was_agreed(text: str, cue_start: int, cue_end: int) -> Commitment | None:
    """"It was agreed that PC Arnold would liaise with ...": a commitment when the clause says would/will."""
    s, e = _sentence(text, cue_start)
    body = cue_end
    m = re.match(r"\s*(?:,\s*)?(?:that\s+)?", text[body:e])
    body += m.end() if m else 0
    clause = text[body:e]
    w = re.search(r"\b(?:would|will)\s+(?!be\s+(?:deferred|withdrawn|postponed))(?:be\s+)?\w+", clause)
    if w is None or re.search(r"\bshould\b|\bcould\b", clause[: w.start()]):
        return None
    end = e
    tail = _AS_ACTION_TAIL.search(text[body:e])
    if tail:
        end = body + tail.start()
    subject = clause[: w.start()].strip()
    passive = re.match(r"(?:would|will)\s+be\s+\w+ed\b", clause[w.start() :]) is not None
    owner = None if passive else subject
    return _commitment(text, body, end, owner)


def _read_undertaking(text: str, cue_start: int, cue_end: int) -> Commitment | None:
    """"Officers undertook to ...", "Ms Gleave offered to ...", "The Chair agreed to ..."."""
    word = text[cue_start:cue_end].split()[0].lower()
    if re.match(r"\s+(?:the|a|an|this|that|these|those|it|its|his|her|their|our|be|date)\b", text[cue_end : cue_end + 8], re.I):
        return None
    s, e = _sentence(text, cue_start)
    before = text[s:cue_start]
    if word.startswith("agree"):
        if re.search(r"\b(?:it\s+was|was|were|been|had)\s*$", before, re.I):
            return None
        if res.RANK and re.search(r"\b(?:committee|sub-committee|panel|board|cabinet|council|group|partnership|forum|members)\s*(?:also\s+|further\s+|unanimously\s+)?$", before, re.I):
            return None  # a body agreeing is a decision, read as a resolution
    owner = _owner_before(text, s, cue_start)
    lead_in = s  # where an "X stated his intention to" commitment starts
    if word.startswith("agree") and owner is None and _BODY_NOUN.search(before):
        return None
    if owner is None or owner.lower() in _PRONOUNS:
        lead = _speaker(text, s, cue_start)
        owner = lead or owner
        if word == "intention":
            m = re.search(rf"(?P<np>{_NP})\s+(?:stated|mentioned|confirmed|indicated|expressed|shared)\s+(?:his|her|their)\s*$", before)
            owner = m.group("np") if m else owner
            if m is not None and len(before[: m.start()]) <= 40:
                lead_in = s + m.start()  # "In reply, Mr Green stated his intention to ...": from the speaker
        start = cue_start if lead is None or not before.strip().startswith(lead) or len(before) > 80 else s
    else:
        start = s + text[s:cue_start].rfind(owner)
    if len(before.strip()) > 80 and start == s:
        start = cue_start
    if word == "intention":
        start = lead_in
    return _commitment(text, start, e, owner)


def _read_were_to(text: str, cue_start: int, cue_end: int) -> Commitment | None:
    """"Officers were to provide this document to the Panel in due course"."""
    if verb_rx()["active"].match(text, cue_end + 1) is None and verb_rx()["active"].match(text[cue_end:].lstrip()) is None:
        return None
    s, e = _sentence(text, cue_start)
    owner = _owner_before(text, s, cue_start)
    if owner is None or owner.lower() in ("it", "this", "the aim", "there"):
        return None
    start = s + text[s:cue_start].rfind(owner)
    return _commitment(text, start, e, owner)


def _read_would(text: str, cue_start: int, cue_end: int) -> Commitment | None:
    """"The chair added that he would follow up ...", "copies would be circulated to Members"."""
    s, e = _sentence(text, cue_start)
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
        return _commitment(text, start, e, None)
    active = re.match(rf"\s+(?:be\s+)?(?:(?:\w+ly)\s+)?(?:{rx['active'].pattern}|\w+ing)", after, re.I)
    if active is None:
        return None
    speaker = re.search(
        rf"(?P<np>{_NP}|{_ROLE}|[Oo]fficers)\s+(?:also\s+|further\s+)?(?:{rx['reporting'].pattern})\s+(?:\w+\s+){{0,3}}?that\s+(?P<subj>[\w’' ]{{1,60}}?)\s*$",
        before,
    ) or re.search(
        rf"(?P<np>{_NP}|{_ROLE})\s+(?:also\s+|further\s+)?(?:said|stated|confirmed|added|replied|responded|indicated|explained)\s+(?P<subj>he|she|they|we)\s*$",
        before,
    )
    if speaker is None:
        return None
    subj = speaker.group("subj")
    joint = re.match(r"(he|she|they|we)\s+and\s+(?P<other>(?:the\s+)?[\w’' ]{1,40}?)$", subj, re.I)
    if joint is not None and (_PERSON.search(joint.group("other")) or re.search(r"\b(?:Member|Holder|[A-Z][a-z]+)$", joint.group("other"))):
        return _commitment(text, s + speaker.start("subj"), e, f"{speaker.group('np')} and {joint.group('other')}")
    if re.search(r"\b(?:could|should|might|may|which|who|that)\b", subj) or len(subj.split()) > 6:
        return None
    if (subj + " ").lower().startswith(_NOT_SUBJECT):
        return None
    if subj.lower() not in ("he", "she", "they", "officers", "we") and not _PERSON.search(subj):
        return None
    owner = speaker.group("np") if subj.lower() in ("he", "she", "they", "officers", "we") else subj
    if subj.lower() in ("it", "this", "there", "that") or subj.lower().startswith(("it ", "there ")):
        return None
    start = s + speaker.start("subj")
    return _commitment(text, start, e, owner)


def _clause_start(text: str, s: int, pos: int) -> int:
    """Start of the clause holding ``pos``: after the last "that", "but" or ", and" before it."""
    said = re.search(rf"(?:{verb_rx()['reporting'].pattern})\s+(?:\w+\s+){{0,3}}?that\s+", text[s:pos])
    best = s + said.end() if said is not None else s
    base = best
    for m in re.finditer(r"\b(?:but|however,?)\s+|,\s+and\s+", text[base:pos]):
        best = base + m.end()
    return best


def _read_request(text: str, cue_start: int, cue_end: int) -> Commitment | None:
    """A request by the chair or the body: "The Chairman asked for the relevant officers to ... report back"."""
    s, e = _sentence(text, cue_start)
    before = text[s:cue_start]
    requester = re.search(rf"(?<!of\sthe\s)(?<!of\s)\b(?:{verb_rx()['requesters'].pattern})(?:’s|'s)?\s*(?:also\s+|further\s+)?$", before, re.I)
    kept = _KEPT_INFORMED.match(text, cue_end, e)
    if kept is not None and (requester is not None or _BODY_OF_MEMBERS.search(before)):
        return _commitment(text, kept.start("what"), e, None)  # the body asks to be kept informed: a request of the committee
    if requester is None:
        return None
    if re.search(r"\bmembers?\b", before[-25:], re.I) and "chair" not in before.lower():
        return None
    after = text[cue_end:e]
    to = re.match(rf"\s+(?:for\s+)?(?:that\s+)?(?P<owner>(?:the\s+)?[\w’' ]{{1,60}}?)\s+to\s+(?={verb_rx()['active'].pattern}|consider\b)", after)
    if to is not None:
        return _commitment(text, cue_end + to.start("owner"), e, to.group("owner"))
    that = re.match(r"\s+that\s+", after)
    if that is not None and re.search(r"\bbe\s+\w+ed\b|\bbe\s+(?:sent|shown|given)\b", after):
        return _commitment(text, s, e, None)
    return None


_KEPT_INFORMED = re.compile(
    r"\s+(?:for\s+)?that\s+(?P<what>(?:the\s+)?(?:committee|sub-committee|panel|board|members|councillors|group|forum|cabinet)\b[^.;]{0,40}?"
    r"\b(?:be|is|are)\s+(?:kept\s+)?(?:advised|informed|updated|apprised|appraised|briefed)\b)",
    re.I,
)
_BODY_OF_MEMBERS = re.compile(r"(?:^|\b(?:the|The)\s+|^\s*)(?:Members|members)(?:\s+of\s+the\s+\w+)?\s*(?:also\s+|further\s+)?$")


READERS: dict[str, Callable[[str, int, int], Commitment | None]] = {
    "label": _read_label,
    "as_action": _read_as_action,
    "it_was_agreed": _read_it_was_agreed,
    "undertaking": _read_undertaking,
    "were_to": _read_were_to,
    "would": _read_would,
    "request": _read_request,
}
