"""Actions: commitments made or recorded at a meeting for something to happen after it.

One module per family of forms, all returning ``Commitment`` records (offsets exact):

- ``instructions`` - the parts of a decision that tell someone to do something
  ("the Clerk write to ...", "officers be asked to report back");
- ``action_cues`` - cue-anchored narrative forms ("ACTION:", "as an action",
  "undertook to", "It was agreed that X would", "his intention to"), with
  ``action_would`` ("would / will / were to", the meeting as recipient) and
  ``action_requests`` (requests by the chair or the body);
- ``action_shorthand`` - small councils' shorthand ("Clerk to contact ...",
  "the leaves to be swept", "need to ...", imperative next steps);
- ``action_tables`` - action columns (owner initials at a line end, "|" tables).

Cue patterns, verb lists and due phrases are data in ``patterns/action_*.jsonl``
(loaded by ``action_words``). Each commitment keeps its owner as written and its
due as written; the finders run in that order and an overlapping later find is
dropped, so a decision's own reading wins over a cue inside it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from pipeline.records import Action, Fact

from . import motions
from . import resolutions as res
from .action_cues import READERS
from .action_record import Commitment, commitment
from .action_restated import drop_restated
from .action_shorthand import shorthand
from .action_tables import line_owners, table_rows
from .action_words import cue_rows, find_due
from .clauses import anchor_regex, normalise, windowed_matches
from .dates import resolve_due
from .found_spans import build_matcher, found_or_run, set_found_spans
from .sentences import doc_text

__all__ = ["Commitment", "actions", "commitments_of", "find_commitments", "find_due"]

KEY = "actions"
EXT = "minutes_action"


@lru_cache(maxsize=1)
def _anchors() -> Any:
    return anchor_regex(list(cue_rows()))


# ---------------------------------------------------------------- component


@Language.factory("minutes_actions", assigns=["doc.spans"], requires=[])
def make_actions(nlp: Language, name: str) -> ActionFinder:
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


def commitments_of(doc: Doc) -> list[Commitment]:
    """The Commitments on ``doc`` (running the finder if the component was not in the pipeline)."""
    return found_or_run(doc, KEY, EXT, cue_rows, find_commitments)


# ---------------------------------------------------------------- the pure function


def actions(doc: Doc, *, fact: Callable[[int, int], Fact]) -> list[Action]:
    """Action records for ``doc``, each once per agenda item."""
    text = doc_text(doc)
    out: list[Action] = []
    seen: list[tuple[int | None, str]] = []
    for c, f in drop_restated(text, [(c, fact(c.start, c.end)) for c in commitments_of(doc)]):
        key = (f.item_ordinal, normalise(f.text))
        if any(
            k[0] == key[0] and (k[1] == key[1] or fuzz.ratio(k[1], key[1]) >= res.DUPLICATE_RATIO)
            for k in seen
        ):
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
            found.append(commitment(text, s, e, owner, from_resolution=True))
    decided = [(h.start, h.end) for h in res.hits_of(doc)]
    for match_id, start, end in windowed_matches(doc, text, matcher, _anchors()):
        kind = rows[match_id]["kind"]
        cue_start = doc[start].idx
        cue_end = doc[end - 1].idx + len(doc[end - 1].text)
        if kind != "request" and any(cue_start < e and s < cue_end for s, e in decided):
            continue  # inside a decision (or its cue): its instructions were read above
        c = READERS[kind](text, cue_start, cue_end)
        if (
            c is not None
            and c.end - c.start >= 8
            and not _standing_procedure(text, c)
            and not any(_overlap(c, o) for o in found)
        ):
            found.append(c)
    for c in [*shorthand(text, decided), *table_rows(text)]:
        if not _standing_procedure(text, c) and not any(_overlap(c, o) for o in found):
            found.append(c)
    found = line_owners(text, found)
    # words of a motion that was lost, withdrawn or replaced, or recorded again after a RESOLVED
    found = [c for c in found if motions.not_decision_at(text, c.start) is None]
    found.sort(key=lambda c: c.start)
    return found


#: "... will be circulated to committee members in advance of the meeting": how every meeting
#: runs (an agenda's notes on public questions), not a commitment made at this one.
_THIS_MEETING = re.compile(
    r"\b(?:in\s+advance\s+of|prior\s+to|ahead\s+of|before)\s+(?:the|this|each|every|a)\s+meeting\b",
    re.IGNORECASE,
)


def _standing_procedure(text: str, c: Commitment) -> bool:
    return _THIS_MEETING.search(text, c.start, c.end) is not None


def _overlap(a: Commitment, b: Commitment) -> bool:
    return a.start < b.end and b.start < a.end
