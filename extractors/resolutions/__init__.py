"""Resolutions: the formal decisions of a meeting, one record per numbered part.

Cues ("RESOLVED that", "AGREED", "The Committee agreed to", "DECISION:", a
label-less "That the minutes ... be approved") are spaCy Matcher patterns in
``patterns/resolution_cues.jsonl``; the words that mark noting and
instructions are in ``patterns/resolution_phrases.jsonl`` and
``patterns/action_verbs.jsonl``. After a cue the decision is read in character
space (``readers``, ``uncued``): up to the end of its sentence, or one record
per part for "(a) (b)", "1) 2)", "(i) (ii)", "1. 2." lists whose markers run in
sequence (``parts``). Words of a motion that was lost, withdrawn or replaced
are dropped (``extractors.motions``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from pipeline.records import Fact, Resolution

from ..clauses import windowed_matches
from ..found_spans import build_matcher, found_or_run, set_found_spans
from ..motions import decided_motions, fate_lines, motions, not_decision_at
from ..sentences import doc_text
from .business import business_hits
from .dispatch import read
from .duplicates import DUPLICATE_RATIO, same_decision
from .readers import at_line_start, clip, motion_words
from .rules import RANK, Hit, anchors, cue_rows, phrases
from .uncued import lost_label_parts

__all__ = [
    "DUPLICATE_RATIO",
    "EXT",
    "KEY",
    "RANK",
    "Hit",
    "ResolutionFinder",
    "find_hits",
    "hits_of",
    "resolutions",
]

KEY = "resolutions"
EXT = "minutes_resolution"
QUOTE_REACH = 3000  # characters a quotation may span
RECORDED_NEXT = 500  # characters within which a labelled decision after a narrative one records it
_at_line_start = at_line_start  # read by the actions extractor


# ---------------------------------------------------------------- component


@Language.factory("minutes_resolutions", assigns=["doc.spans"], requires=[])
def make_resolutions(nlp: Language, name: str) -> ResolutionFinder:
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


def hits_of(doc: Doc) -> list[Hit]:
    """The Hits on ``doc`` (running the finder if the component was not in the pipeline)."""
    return found_or_run(doc, KEY, EXT, cue_rows, find_hits)


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
    """The kept decision ``hit`` repeats, if any: same item, same decision, and not the
    another part of the same list ("1) ... £742,500 ..." and "2) ... £205,000 ...")."""
    for i, (other, of) in enumerate(kept):
        if of.item_ordinal != f.item_ordinal:
            continue
        if other.group == hit.group != -1:
            continue
        if same_decision(of.text, f.text):
            return i
    return None


# ---------------------------------------------------------------- finding


def find_hits(doc: Doc, matcher: Matcher, rows: dict[int, dict[str, Any]]) -> list[Hit]:
    """Every decision in ``doc``, in text order, overlaps resolved in favour of the stronger cue."""
    text = doc_text(doc)
    candidates: list[tuple[int, int, int, dict[str, Any]]] = []
    for match_id, start, end in windowed_matches(doc, text, matcher, anchors()):
        row = rows[match_id]
        candidates.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), start, row))
    candidates.sort(key=lambda c: (c[0], -RANK.get(c[3]["kind"], 0), -(c[1] - c[0])))
    cue_starts = sorted(
        {c[0] for c in candidates if RANK.get(c[3]["kind"], 0) >= 2 and c[3]["kind"] != "body_past"}
    )
    hits: list[Hit] = []
    for cue_start, cue_end, tok, row in candidates:
        if any(h.start <= cue_start < h.end for h in hits if h.rank >= RANK.get(row["kind"], 0)):
            continue
        for hit in read(doc, text, cue_start, cue_end, tok, row, cue_starts):
            hits = [h for h in hits if not (_overlaps(h, hit) and h.rank < hit.rank)]
            if not any(_overlaps(h, hit) for h in hits):
                hits.append(hit)
    for hit in business_hits(text) + lost_label_parts(text):
        if not any(_overlaps(h, hit) for h in hits):
            hits.append(hit)
    hits.sort(key=lambda h: h.start)
    junk = phrases()["not_decision_text"]
    hits = [h for h in hits if not junk.search(text[h.start : h.end]) and not _cut_short(text, h)]
    hits = [h for h in hits if h.rank >= 3 or not _quoted(text, h.start)]
    hits = [h for h in hits if h.kind != "body_past" or not _recorded_next(h, hits)]
    return _against_motions(text, hits)


def _quoted(text: str, pos: int) -> bool:
    """Is ``pos`` inside a quotation ("“That the Panel notes ...”" reported from another body)?
    A quotation runs from “ to the next ” with no other “ between; a quoted motion that was
    carried is read from the motion itself."""
    opened = text.rfind("“", max(0, pos - QUOTE_REACH), pos)
    if opened < 0 or text.find("”", opened, pos) >= 0:
        return False
    close = text.find("”", pos, opened + QUOTE_REACH)
    return close >= 0 and text.find("“", pos, close) < 0


def _cut_short(text: str, hit: Hit) -> bool:
    """A part cut off by the end of the text with fewer than three words ("(b) the")."""
    return (
        hit.end >= len(text.rstrip()) - 1
        and len(text[hit.start : hit.end].split()) < 3
        and text[hit.end : hit.end + 1] not in (".", ";")
    )


def _recorded_next(hit: Hit, hits: list[Hit]) -> bool:
    """"Members unanimously approved the application." then "DECISION AGREED to award ...":
    the narrative sentence is the discussion's summary of the decision recorded under the label."""
    later = [h for h in hits if h.start >= hit.end]
    return bool(later) and later[0].rank >= 3 and later[0].start - hit.end <= RECORDED_NEXT


def _against_motions(text: str, hits: list[Hit]) -> list[Hit]:
    """Drop finds in the words of a motion that is no decision, and a bare "Agreed." that
    is only a motion's fate; read the words of a carried motion nothing else records."""
    if not motions(text):
        return hits
    fates = fate_lines(text)
    hits = [h for h in hits if not (h.kind == "bare" and h.start in fates)]
    hits = [h for h in hits if h.rank >= 3 or not_decision_at(text, h.start) is None]
    for motion in decided_motions(text):
        inside = [h for h in hits if motion.holds(h.start)]
        if len(inside) == 1 and inside[0].rank < 3 and inside[0].part is None:
            hits.remove(
                inside[0]
            )  # a cue inside the motion ("Council resolve to ..."): its words are the decision
            inside = []
        if not inside:
            hits.extend(motion_words(text, motion.body, motion.end))
        for h in inside:
            if h.end > motion.end:
                hits[hits.index(h)] = clip(text, h, motion.end)
    hits.sort(key=lambda h: h.start)
    return hits


def _overlaps(a: Hit, b: Hit) -> bool:
    return a.start < b.end and b.start < a.end
