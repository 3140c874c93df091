"""One commitment written twice in an item: the narrative and its "ACTION:" line.

Minutes often record an undertaking in the discussion and then restate it as an
action line: "Officers advised that this information would be shared. ACTION:
Officers to provide the cost information to the questioner." Both are one
commitment (issue 11: "a restated summary of a commitment already recorded is
the same action"), so the explicit line is kept and the narrative
dropped. A narrative commitment is the same one when, in the same agenda item
and close to the line, it does the same kind of thing (deliver, report, contact,
arrange, look into: verb classes are data in ``patterns/action_verbs.jsonl``)
to the same thing (a shared word, or "this"/"it" pointing back). A different
kind of undertaking beside an action line ("Officers will work with the
Communications Team ... ACTION: Briefing to be sent to Councillors") stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from pipeline.records import Fact
from pipeline.text.stems import fold

from .action_record import Commitment
from .clauses import alternation, word_list

#: How far (characters) a narrative commitment may sit from the action line that restates it.
REACH = 800
GIST_KINDS = ("gist_deliver", "gist_report", "gist_contact", "gist_arrange", "gist_look")
#: "ACTION:", "Action -", "(ACTION:" just before the commitment: the explicit line.
_LABEL = re.compile(r"\bactions?\s*(?:point\s*)?[:\-–—]\s*$", re.IGNORECASE)


#: A narrative commitment about something named before it: "this information would be shared",
#: "it will be circulated" (a pronoun, or a pronoun and an information noun, then the verb).
@lru_cache(maxsize=1)
def _points_back() -> re.Pattern[str]:
    nouns = alternation(word_list("action_verbs.jsonl", "info_nouns"))
    return re.compile(
        rf"^(?:(?:this|that|these|those|such)(?:\s+(?:{nouns}))?|it|they|the\s+(?:{nouns}))"
        r"\s+(?:would|will|could|should|can|is\s+to|are\s+to)\s",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _classes() -> tuple[dict[str, str], frozenset[str]]:
    """(folded verb -> its kind of doing, words that say nothing about what is done)."""
    verbs = {fold(w): kind for kind in GIST_KINDS for w in word_list("action_verbs.jsonl", kind)}
    return verbs, frozenset(word_list("action_verbs.jsonl", "gist_ignore"))


def _gist(text: str, owner: str | None) -> tuple[str | None, set[str]]:
    """(kind of doing, the other words) of a commitment's text, its owner's words left out."""
    classes, ignore = _classes()
    own = {fold(w) for w in re.findall(r"[a-z]+", (owner or "").lower())}
    kind = None
    rest: set[str] = set()
    for word in re.findall(r"[a-z]+", text.lower()):
        stem = fold(word)
        if stem in classes:
            kind = kind or classes[stem]
        elif word not in ignore and stem not in own and len(word) > 2:
            rest.add(stem)
    return kind, rest


def labelled(text: str, start: int) -> bool:
    """Is the commitment at ``start`` written on an "ACTION:" line?"""
    return _LABEL.search(text, max(0, start - 20), start) is not None


def restates(text: str, narrative: Commitment, line: Commitment) -> bool:
    """Does the action ``line`` restate the ``narrative`` commitment?"""
    n_text, l_text = text[narrative.start : narrative.end], text[line.start : line.end]
    n_kind, n_words = _gist(n_text, narrative.owner)
    l_kind, l_words = _gist(l_text, line.owner)
    if n_kind is None or n_kind != l_kind:
        return False
    return bool(n_words & l_words) or _points_back().match(n_text) is not None


def drop_restated(
    text: str, found: Sequence[tuple[Commitment, Fact]]
) -> list[tuple[Commitment, Fact]]:
    """``found`` without the narrative commitments an action line in the same item restates."""
    lines = [(c, f) for c, f in found if labelled(text, c.start)]
    out = []
    for c, f in found:
        if not labelled(text, c.start) and any(
            lf.item_ordinal == f.item_ordinal
            and abs(lc.start - c.start) <= REACH
            and restates(text, c, lc)
            for lc, lf in lines
        ):
            continue
        out.append((c, f))
    return out
