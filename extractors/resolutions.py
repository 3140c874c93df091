"""Resolutions: the formal decisions of a meeting, one record per numbered part.

Cues ("RESOLVED that", "AGREED", "The Committee agreed to", "DECISION:", a
label-less "That the minutes ... be approved") are spaCy Matcher patterns in
``patterns/resolution_cues.jsonl``; the words that mark noting and
instructions are in ``patterns/resolution_phrases.jsonl`` and
``patterns/action_verbs.jsonl``. After a cue the decision is read in character
space: up to the end of its sentence, or one record per part for "(a) (b)",
"1) 2)", "(i) (ii)", "1. 2." lists whose markers run in sequence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable

from rapidfuzz import fuzz
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from pipeline.records import Fact, Resolution

from .clauses import (
    SPACE,
    anchor_regex,
    build_matcher,
    doc_text,
    load_jsonl,
    normalise,
    sentence_end,
    sentence_start,
    set_found_spans,
    skip_space,
    stored_records,
    strip_that,
    trim,
    windowed_matches,
)
from .instructions import CLAUSE_SPLIT as _CLAUSE_SPLIT
from .instructions import instruction_patterns, instructions

KEY = "resolutions"
EXT = "minutes_resolution"
MAX_BODY = 2500  # characters a single decision may run to
MAX_PARTS = 40
DUPLICATE_RATIO = 85.0  # fuzz.ratio of normalised texts above which two decisions in one item are one
RANK = {"label": 3, "label_line": 3, "body": 2, "it_was": 2, "elided": 2, "bare": 2, "that": 1, "minutes": 1, "deferral": 1, "noted": 1, "put_vote": 1}
MOTION_REACH = 3000  # characters around a decision searched for the motion it sits in and that motion's fate
_IN_MOTION = ("body", "that", "elided", "it_was")  # kinds of find that can be words of a motion printed in full

_MARKER = re.compile(
    r"[^\S\n]*(?:\((?P<p>\d{1,2}|[a-zA-Z]|[ivxIVX]{1,5})\)|(?P<b>\d{1,2}|[a-zA-Z]|[ivxIVX]{1,5})(?P<bp>[.)]))(?:[^\S\n]+|(?=\n)|$)"
)
_BULLETS = "•●▪◦■□➢►‣∙·"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
          "xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15}
_HEADINGISH = re.compile(r"[^\S\n]*(?:\d{1,4}\.?[^\S\n]*$|\(Item\b|(?:Minutes|Decision|Supporting documents|Reasons?)\b)")
_DECIMAL_NUMBER = re.compile(r"\d+\.\d+\.?[^\S\n]*$")
_LINE_PREFIX = re.compile(
    rf"(?:^|[\n|]|[.:;]\s)[{SPACE}]*(?:[•●▪◦■□➢►‣∙·\-–*][{SPACE}]*)?"
    rf"(?:\(?[0-9a-zA-Z]{{1,4}}[.)][{SPACE}]*)?(?:(?:Minutes|Decision|Cabinet|Council|Committee)\s*:?[{SPACE}]*)?$"
)


@dataclass(frozen=True)
class Hit:
    """One decision (or one part of one) found in the text."""

    start: int
    end: int
    cue: str | None
    part: str | None
    kind: str
    is_noting: bool
    owner: str | None = None  # the deciding body named in a stem ("RESOLVED that Cabinet: 1. Agree to ...")
    instructions: tuple[tuple[int, int, str | None], ...] = field(default=())  # (start, end, owner)

    @property
    def rank(self) -> int:
        return RANK.get(self.kind, 0)


# ---------------------------------------------------------------- rules (data)


@lru_cache(maxsize=1)
def cue_rows() -> tuple[dict[str, Any], ...]:
    return tuple(load_jsonl("resolution_cues.jsonl", frozenset({"cue", "kind", "pattern"})))


@lru_cache(maxsize=1)
def phrases() -> dict[str, re.Pattern[str]]:
    """Regexes by kind from ``resolution_phrases.jsonl`` (one alternation per kind)."""
    grouped: dict[str, list[str]] = {}
    for row in load_jsonl("resolution_phrases.jsonl", frozenset({"kind", "regex"})):
        grouped.setdefault(row["kind"], []).append(f"(?:{row['regex']})")
    return {kind: re.compile("|".join(rx), re.I) for kind, rx in grouped.items()}


@lru_cache(maxsize=1)
def _anchors() -> re.Pattern[str]:
    return anchor_regex(list(cue_rows()))


# ---------------------------------------------------------------- component


@Language.factory("minutes_resolutions", assigns=["doc.spans"], requires=[])
def make_resolutions(nlp: Language, name: str) -> "ResolutionFinder":
    return ResolutionFinder(nlp)


class ResolutionFinder:
    """Writes ``doc.spans["resolutions"]``; each span's ``._.minutes_resolution`` holds its Hit."""

    def __init__(self, nlp: Language) -> None:
        if not Span.has_extension(EXT):
            Span.set_extension(EXT, default=None)
        self.matcher, self.rows = build_matcher(nlp.vocab, list(cue_rows()))

    def __call__(self, doc: Doc) -> Doc:
        hits = find_hits(doc, self.matcher, self.rows)
        set_found_spans(doc, KEY, EXT, hits, lambda hit: f"{hit.cue or 'NONE'}:{hit.part or ''}")
        return doc


@lru_cache(maxsize=4)
def _matcher_for(vocab_id: int, vocab: Any) -> tuple[Matcher, dict[int, dict[str, Any]]]:
    return build_matcher(vocab, list(cue_rows()))


def hits_of(doc: Doc) -> list[Hit]:
    """The Hits on ``doc`` (running the finder if the component was not in the pipeline)."""
    stored = stored_records(doc, KEY, EXT)
    if stored is not None:
        return stored
    matcher, rows = _matcher_for(id(doc.vocab), doc.vocab)
    return find_hits(doc, matcher, rows)


# ---------------------------------------------------------------- the pure function


def resolutions(doc: Doc, *, fact: Callable[[int, int], Fact]) -> list[Resolution]:
    """Resolution records for ``doc``; a decision printed twice in one item is kept once."""
    kept: list[tuple[Hit, Fact]] = []
    for hit in hits_of(doc):
        f = fact(hit.start, hit.end)
        duplicate = _duplicate_of(hit, f, kept)
        if duplicate is None:
            kept.append((hit, f))
        elif hit.rank > kept[duplicate][0].rank:
            kept[duplicate] = (hit, f)
    return [Resolution(fact=f, cue=h.cue, part=h.part, is_noting=h.is_noting) for h, f in kept]


def _duplicate_of(hit: Hit, f: Fact, kept: list[tuple[Hit, Fact]]) -> int | None:
    key = normalise(f.text)
    for i, (other, of) in enumerate(kept):
        if of.item_ordinal != f.item_ordinal:
            continue
        okey = normalise(of.text)
        if key == okey or (min(len(key), len(okey)) > 20 and fuzz.ratio(key, okey) >= DUPLICATE_RATIO):
            return i
    return None


# ---------------------------------------------------------------- finding


def find_hits(doc: Doc, matcher: Matcher, rows: dict[int, dict[str, Any]]) -> list[Hit]:
    """Every decision in ``doc``, in text order, overlaps resolved in favour of the stronger cue."""
    text = doc_text(doc)
    candidates: list[tuple[int, int, int, dict[str, Any]]] = []
    for match_id, start, end in windowed_matches(doc, text, matcher, _anchors()):
        row = rows[match_id]
        candidates.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), start, row))
    candidates.sort(key=lambda c: (c[0], -RANK.get(c[3]["kind"], 0), -(c[1] - c[0])))
    cue_starts = sorted({c[0] for c in candidates if RANK.get(c[3]["kind"], 0) >= 2})
    hits: list[Hit] = []
    for cue_start, cue_end, tok, row in candidates:
        if any(h.start <= cue_start < h.end for h in hits if h.rank >= RANK.get(row["kind"], 0)):
            continue
        found = _read(doc, text, cue_start, cue_end, tok, row, cue_starts)
        for hit in found:
            hits = [h for h in hits if not (_overlaps(h, hit) and h.rank < hit.rank)]
            if not any(_overlaps(h, hit) for h in hits):
                hits.append(hit)
    hits.sort(key=lambda h: h.start)
    if any(h.kind in _IN_MOTION for h in hits):
        hits = [h for h in hits if h.kind not in _IN_MOTION or not _motion_not_decision(text, h, hits)]
    return hits


def _motion_not_decision(text: str, hit: Hit, hits: list[Hit]) -> bool:
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
    nxt = [h.start for h in hits if h.start >= hit.end and h.kind not in _IN_MOTION]
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


def _rank_at(hits: list[Hit], start: int) -> int:
    return max((h.rank for h in hits if h.start == start), default=0)


_BARE_REST = re.compile(r"[^\S\n]*(?:con\.?|(?:a\s+)?vote|by\s+consent|by\s+affirmation)?[^\S\n]*[.!]?[^\S\n]*(?=\n|$)", re.I)
_RECORDED_NEXT = re.compile(r"(?:\(?\d{1,3}[.)]?[^\S\n]*)?(?:(?:It\s+was\s+)?(?:RESOLVED|Resolved|AGREED|DECISION|Decision)\b)")
_DECISION_OPENER = re.compile(r"(?:[Tt]hat\b|[Tt]o\s|\(?(?:1|a|i|A|I)[.)]\s|[a-z]|[•·▪\-–])")


def _bare_label(text: str, cue_start: int, cue_end: int, cue: str | None) -> list[Hit] | None:
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
    s, e = trim(text, cue_start, rest.end())
    if cue == "AGREED" and line_start > 0:
        prev_end = len(text[:line_start].rstrip())
        para = text.rfind("\n\n", 0, prev_end)
        ps = skip_space(text, 0 if para < 0 else para + 2)
        m = re.match(r"(?:\(?[0-9a-zA-Z]{1,3}[.)][^\S\n]*)?That\s+", text[ps:prev_end])
        if m and prev_end - ps < MAX_BODY:
            s, e = trim(text, ps + m.end(), prev_end)
    return [_hit(text, s, e, cue, None, "bare")] if e - s >= 3 else []


def _item_noted(text: str, cue_start: int, cue_end: int) -> list[Hit]:
    """"The report was (otherwise) noted.": a decision to note, with no cue word."""
    s0 = sentence_start(text, cue_start)
    subject = text[s0:cue_start]
    if not re.match(r"(?:The|This|These|Its|Their)\s", subject) or len(subject.split()) > 10:
        return []
    if re.search(r"\b(?:that|which|who|it|if|when|would|had|where|whilst|while|as)\b", subject, re.I):
        return []
    end = sentence_end(text, s0, s0 + 400)
    if len(text[cue_end:end].split()) > 6 or re.search(r"\b(?:that|but|however)\b", text[cue_end:end], re.I):
        return []
    s, e = trim(text, s0, end)
    return [Hit(s, e, None, None, "noted", True)]


def _put_to_vote(text: str, cue_start: int, cue_end: int) -> list[Hit]:
    """"... moved that the motion be put to the vote, which was agreed": a procedural decision."""
    lead = re.search(r"\bthat\s+((?:the\s+)?(?:motion|question|amendment|matter|recommendations?|item)\s*)$", text[max(0, cue_start - 60) : cue_start], re.I)
    if lead is None:
        return []
    start = cue_start - len(lead.group(1))
    tail = re.match(r"(?:[^\S\n]+to\s+the\s+vote)?", text[cue_end:])
    end = cue_end + tail.end()
    after = text[end : end + 160]
    stop = sentence_end(text, end, end + 160) - end
    nxt = text[end : end + stop + 80]
    if not re.search(r"\b(?:was|were|being)\s+(?:duly\s+|then\s+|unanimously\s+)?(?:agreed|carried|approved)\b|\b(?:agreed|carried)\b", nxt, re.I) or re.search(r"\b(?:lost|defeated|not\s+agreed|fell)\b", after[: stop + 80], re.I):
        return []
    return [_hit(text, start, end, None, None, "put_vote")]


def _overlaps(a: Hit, b: Hit) -> bool:
    return a.start < b.end and b.start < a.end


def _read(doc: Doc, text: str, cue_start: int, cue_end: int, tok: int, row: dict[str, Any], cue_starts: list[int]) -> list[Hit]:
    kind = row["kind"]
    cue = row["cue"]
    if kind in ("label_line", "elided", "that") and not _at_line_start(text, cue_start):
        return []
    if kind == "body" and not _body_cue_ok(doc, tok, text, cue_end):
        return []
    if kind == "bare" or (kind == "label" and cue == "AGREED"):
        bare = _bare_label(text, cue_start, cue_end, cue)
        if bare is not None:
            return bare
        if kind == "bare":
            return []
    if kind == "noted":
        return _item_noted(text, cue_start, cue_end)
    if kind == "put_vote":
        return _put_to_vote(text, cue_start, cue_end)
    if kind == "that":
        return _label_lost(text, cue_start)
    if kind in ("minutes", "deferral"):
        return _recorded_decision(text, cue_start, kind)
    body = skip_space(text, cue_end)
    while body < len(text) and text[body] in ":;,–—-":
        body = skip_space(text, body + 1)
    body = strip_that(text, body, len(text))
    if kind == "it_was":
        return _it_was_agreed(text, cue, body)
    if kind == "label_line" and cue == "DECISION":
        head = text[body : body + 80]
        if phrases()["no_decision"].match(head.strip()) or any(body <= s < body + 80 for s in cue_starts):
            return []
    return _decision(text, body, cue, kind)


def _at_line_start(text: str, pos: int) -> bool:
    return _LINE_PREFIX.search(text[max(0, pos - 40) : pos]) is not None


def _body_cue_ok(doc: Doc, tok: int, text: str, cue_end: int) -> bool:
    """"The Committee agreed ..." but not "the Chair of the Committee agreed" or "agreed with"."""
    before = [t.lower_ for t in doc[max(0, tok - 2) : tok]]
    if "of" in before:
        return False
    after = text[cue_end : cue_end + 12].lstrip().lower()
    if text[max(0, cue_end - 8) : cue_end].lower().endswith("resolve") and not after.startswith(("to ", "that")):
        return False  # "The Partnership resolve community safety issues": a plural verb, not a decision
    return not after.startswith(("with", "by", "upon", "on the", "in principle that it", "."))


def _decision(text: str, body: int, cue: str | None, kind: str) -> list[Hit]:
    parts = _parts(text, body)
    if parts is None:
        end = sentence_end(text, body, body + MAX_BODY)
        start, end = trim(text, body, end)
        if end - start < 3:
            return []
        return [_hit(text, start, end, cue, None, kind)]
    stem, items = parts
    owner = _stem_owner(text, *stem) if stem else None
    hits = []
    if stem and phrases()["subjunctive"].search(text[stem[0] : stem[1]]):
        s, e = trim(text, *stem)
        if e - s >= 3:
            hits.append(_hit(text, s, e, cue, None, kind))
    for label, s, e in items:
        s = strip_that(text, s, e)
        s, e = trim(text, s, e)
        if e - s >= 3:
            hits.append(_hit(text, s, e, cue, label, kind, owner))
    return hits


def _stem_owner(text: str, start: int, end: int) -> str | None:
    """"Cabinet:" / "the Committee:" before a list of parts names who decides."""
    stem = text[start:end].strip().rstrip(":–-, ").strip()
    if 0 < len(stem) <= 40 and stem[:1].isupper() or stem.lower().startswith("the "):
        if len(stem.split()) <= 5 and not phrases()["subjunctive"].search(stem):
            return stem or None
    return None


def _hit(text: str, start: int, end: int, cue: str | None, part: str | None, kind: str, owner: str | None = None) -> Hit:
    body = text[start:end]
    return Hit(start, end, cue, part, kind, _is_noting(body), owner, instructions(text, start, end, owner))


def _is_noting(body: str) -> bool:
    """Noting when some clause notes and none does anything else."""
    rx = phrases()
    clauses = [c for c in _CLAUSE_SPLIT.split(body) if c and c.strip()]
    if not clauses:
        return False
    noting = [bool(rx["noting"].search(c.strip())) for c in clauses]
    substantive = rx["substantive"].search(body) is not None
    passive, _active, _not = instruction_patterns()
    return any(noting) and all(noting) and not substantive and passive.search(body) is None


def _parts(text: str, body: int) -> tuple[tuple[int, int] | None, list[tuple[str, int, int]]] | None:
    """(stem, parts) when a sequenced list of parts follows ``body``; None for a single decision."""
    limit = min(len(text), body + MAX_BODY * 4)
    lines = _lines(text, body, limit)
    stem: tuple[int, int] | None = None
    parts: list[list[Any]] = []  # [label, start, end]
    style: str | None = None
    kinds: set[tuple[str, int]] = set()
    cont = False
    stem_colon = text[max(0, body - 20) : body].rstrip().endswith(":")
    for index, (s, e, blank_before) in enumerate(lines):
        if (blank_before or index == 0) and not cont and _subheading_before_part(text, lines, index, style, kinds, parts, stem, stem_colon):
            continue
        if text[s] in _BULLETS and (style == "bullet" or (not parts and _bare_stem(text, stem))):
            style = "bullet"
            parts.append([str(len(parts) + 1), skip_space(text, s + 1), e])
            cont = False
            continue
        marker = _MARKER.match(text, s, e + 1)
        if marker is not None:
            mstyle, readings = _reading(marker)
            if not parts and any(v == 1 for _, v in readings):
                if stem is not None and not text[stem[0] : stem[1]].rstrip().endswith((":", "–", "-", ",")):
                    return None
                style, kinds = mstyle, {r for r in readings if r[1] == 1}
                parts.append([_label(marker), marker.end(), e])
                cont = False
                continue
            if parts and mstyle == style:
                nxt = {r for r in readings if (r[0], r[1] - 1) in kinds}
                if nxt:
                    kinds = nxt
                    parts.append([_label(marker), marker.end(), e])
                    cont = False
                    if len(parts) >= MAX_PARTS:
                        break
                    continue
        if not parts:
            if index == 0:
                stem = (s, e)
                continue
            if stem is not None and not blank_before and not text[stem[0] : stem[1]].rstrip().endswith((".", ":")) and index < 3:
                stem = (stem[0], e)  # a wrapped stem line
                continue
            return None
        tail = text[parts[-1][1] : parts[-1][2]].rstrip()
        if _HEADINGISH.match(text, s, e) or tail.endswith("."):
            break
        if tail.endswith((":", "–", "-", ",")) or (cont and not blank_before):
            cont = True
            parts[-1][2] = e
            continue
        if cont and blank_before and not tail.endswith((";", ".")):
            parts[-1][2] = e
            continue
        if not blank_before and not tail.endswith(";"):
            parts[-1][2] = e  # a wrapped line
            continue
        break
    if not parts:
        return None
    return stem, [(str(label), start, end) for label, start, end in parts]


_SUBHEADING = re.compile(r"[^\S\n]*(?!\(?[0-9a-zA-Z]{1,4}[.)](?:\s|$))[A-Z0-9£][^\n]{0,70}?[^.:;,\s\-–—]$")


def _subheading_before_part(
    text: str,
    lines: list[tuple[int, int, bool]],
    index: int,
    style: str | None,
    kinds: set[tuple[str, int]],
    parts: list[list[Any]],
    stem: tuple[int, int] | None,
    stem_colon: bool,
) -> bool:
    """A short heading line ("2025-26 Revenue Budget") between a stem ending ":" (or a part)
    and the next part in sequence: skipped, not a stop."""
    s, e, _blank = lines[index]
    if len(text[s:e].split()) > 8 or not _SUBHEADING.fullmatch(text, s, e) or _HEADINGISH.match(text, s, e):
        return False
    if re.search(r"\b(?:and|or)$", text[s:e]):
        return False
    if parts and not text[parts[-1][1] : parts[-1][2]].rstrip().endswith((".", ";")):
        return False
    if not parts:
        if stem is None:
            if not stem_colon:
                return False
        elif not text[stem[0] : stem[1]].rstrip().endswith(":"):
            return False
    for j in range(index + 1, min(len(lines), index + 2)):
        ns, ne, _nblank = lines[j]
        marker = _MARKER.match(text, ns, ne + 1)
        if marker is None:
            return False
        mstyle, readings = _reading(marker)
        if not parts:
            return any(v == 1 for _, v in readings)
        return mstyle == style and any((r[0], r[1] - 1) in kinds for r in readings)
    return False


def _bare_stem(text: str, stem: tuple[int, int] | None) -> bool:
    """A stem with no content of its own ("that:", "Council:") introduces bulleted parts."""
    if stem is None:
        return True
    words = text[stem[0] : stem[1]].strip()
    return words.endswith((":", "–", "-")) and len(words.split()) <= 5 and not phrases()["subjunctive"].search(words)


def _lines(text: str, start: int, limit: int) -> list[tuple[int, int, bool]]:
    """(content start, content end, blank line before) for each non-blank line from ``start``."""
    out = []
    pos = start
    blank = False
    while pos < limit and len(out) < 200:
        nl = text.find("\n", pos, limit)
        end = limit if nl < 0 else nl
        seg = text[pos:end]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            out.append((pos + lead, pos + len(seg.rstrip()), blank))
            blank = False
            if "|" in seg:
                break
        else:
            blank = True
        pos = end + 1
    return out


def _reading(marker: re.Match[str]) -> tuple[str, set[tuple[str, int]]]:
    """The bracket style of a marker and every sequence it could belong to."""
    value = marker.group("p") or marker.group("b")
    style = "paren" if marker.group("p") else ("dot" if marker.group("bp") == "." else "close")
    readings: set[tuple[str, int]] = set()
    if value.isdigit():
        readings.add(("num", int(value)))
    else:
        lower = value.lower()
        case = "U" if value.isupper() else "L"
        if len(value) == 1:
            readings.add(("alpha" + case, ord(lower) - ord("a") + 1))
        if lower in _ROMAN:
            readings.add(("roman" + case, _ROMAN[lower]))
    return style, readings


def _label(marker: re.Match[str]) -> str:
    return (marker.group("p") or marker.group("b")).lower() if not (marker.group("p") or marker.group("b")).isdigit() else (marker.group("p") or marker.group("b"))


def _label_lost(text: str, start: int) -> list[Hit]:
    """A paragraph "That the minutes ... be approved" whose RESOLVED label was lost."""
    line_start = text.rfind("\n", 0, start) + 1
    prefix = text[line_start:start]
    if _DECIMAL_NUMBER.search(prefix.strip(SPACE + "•·▪●◦") + " "):
        return []  # "4.1 That ..." is an officer's recommendation, not a decision
    para_start = text.rfind("\n\n", 0, start)
    para_start = 0 if para_start < 0 else para_start
    before = text[max(0, para_start - 400) : start].rstrip(SPACE + "\n" + _BULLETS)
    if before.endswith(":") or re.search(rf":\s*[{_BULLETS}]", text[para_start:start]):
        return []  # an item in a list introduced by something else (amendments, recommendations)
    prev_para = text[max(0, para_start - 300) : para_start].strip().split("\n")[-1] if para_start else ""
    if phrases()["report_heading"].match(prev_para):
        return []
    end = sentence_end(text, start, start + MAX_BODY)
    s, e = trim(text, start, end)
    body = text[s:e]
    verb = phrases()["subjunctive"].search(body)
    if verb is None or verb.start() > 200 or len(body) < 12:
        return []
    return [_hit(text, s, e, None, None, "that")]


def _recorded_decision(text: str, start: int, kind: str) -> list[Hit]:
    """"The minutes ... were approved as a correct record", "X was deferred to ...": decisions without a cue word."""
    s0 = sentence_start(text, start)
    if kind == "minutes" and s0 != start:
        return []
    if kind == "deferral":
        if text[s0:start].lower().count(" that ") or s0 != skip_space(text, text.rfind("\n", 0, s0) + 1):
            return []
    end = sentence_end(text, s0, s0 + MAX_BODY)
    s, e = trim(text, s0, end)
    body = text[s:e]
    if kind == "minutes" and not phrases()["minutes_record"].search(body):
        return []
    if len(body) < 12:
        return []
    return [_hit(text, s, e, None, None, kind)]


def _it_was_agreed(text: str, cue: str | None, body: int) -> list[Hit]:
    """"It was agreed that X be ..." is a decision; "... X would ... as an action" is only an action."""
    end = sentence_end(text, body, body + MAX_BODY)
    clause = text[body:end]
    if re.search(r"\bas\s+an?\s+action\b", clause, re.I) or re.search(r"^[^,;]{0,80}?\bshould\b", clause):
        return []
    if phrases()["subjunctive"].search(clause) and not re.search(r"\bwould\b(?!\s+be\s+(?:deferred|withdrawn|postponed))", clause):
        return _decision(text, body, cue, "it_was")
    if re.search(r"\bwould\s+be\s+(?:deferred|withdrawn|postponed)\b", clause):
        return _decision(text, body, cue, "it_was")
    return []
