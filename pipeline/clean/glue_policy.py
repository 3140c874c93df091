"""Which proposed cuts of glued words are made, judged over the whole document.

Text copied out of a web page without its element boundaries glues words all
through the document ("Planningmeeting inFebruary", "andagreed", "thePCC");
a printed PDF or a typed page almost never does, but holds names and compounds
that look glued ("Stepto", "Hotwells", "Pubwatch", "lengthsman"). So:

- ``case`` and ``acronym`` cuts (see ``glue``) are always made;
- a lower-case ``function`` cut is made unless the form recurs;
- the weak kinds (``camel``, ``content``, and any cut of a capitalised
  word) are made only in a document that shows the glued form (at least
  ``MIN_GLUED_SITES`` strong glue sites, and one in every ``WORDS_PER_SITE``
  words or more), and only between long parts (see ``_weak_ok``);
- a form seen elsewhere in the same document (the same letters again, in any
  case, or written with hyphens: "Crow-Brown" protects "CrowBrown") stays whole
  unless its cut is a strong one. Real names recur; lost spacing rarely
  produces the same run twice.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .glue import FUNCTION_WORDS, MAX_RUN, STRONG_KINDS, split_candidates, urlish

#: A document shows the glued form with at least this many strong sites ...
MIN_GLUED_SITES = 3
#: ... and at least one in this many words.
WORDS_PER_SITE = 400

_LETTERS = re.compile(r"[^\W\d_]+")
_HYPHENS = re.compile("[-\u2010\u2011]")


@dataclass(frozen=True)
class GlueContext:
    """What the document says about its own words: forms that recur, and whether it is glued."""

    repeated: frozenset[str] = frozenset()
    glued: bool = False

    def cuts(self, word: str, min_zipf: float) -> tuple[int, ...]:
        """Offsets in the letter run ``word`` where a space is inserted."""
        found = split_candidates(word, min_zipf)
        if not found:
            return ()
        protected = word.lower() in self.repeated
        edges = [0, *(c.at for c in found), len(word)]
        made = []
        for i, cut in enumerate(found):
            if cut.kind in STRONG_KINDS:
                made.append(cut.at)
            elif protected:
                continue
            elif _lower_function(word, cut.kind) or (
                self.glued and _weak_ok(word[edges[i] : cut.at], word[cut.at : edges[i + 2]], cut.kind)
            ):
                made.append(cut.at)
        return tuple(made)


def _weak_ok(left: str, right: str, kind: str) -> bool:
    """A weak cut in a glued document parts two long words ("Planning|meeting",
    "Hate|Crime") or a function word from a long word ("Police|for"). Short
    parts are how names and compounds are built ("Grass|mere", "Step|to"), and
    two lower-case content words are as often a compound as glue
    ("undernoted", "streetspace", "centrelines"), so those stay whole."""
    if left.lower() in FUNCTION_WORDS:
        return len(right) >= 5
    if right.lower() in FUNCTION_WORDS:
        return len(left) >= 5
    if kind == "camel":
        return len(left) >= 4 and len(right) >= 4
    return not (left + right).islower() and len(left) >= 5 and len(right) >= 5


NO_CONTEXT = GlueContext()


def _lower_function(word: str, kind: str) -> bool:
    return kind == "function" and word.islower()


def _strong_site(word: str, min_zipf: float, repeated: frozenset[str]) -> bool:
    found = split_candidates(word, min_zipf)
    if any(c.kind in STRONG_KINDS for c in found):
        return True
    return word.lower() not in repeated and any(_lower_function(word, c.kind) for c in found)


def context_of(texts: Iterable[str], min_zipf: float) -> GlueContext:
    """The glue context of a document from its raw block texts (linear in their length)."""
    found: list[str] = []  # counted once at the end: a Counter.update per token costs more than the rest
    joined: Counter[str] = Counter()
    for text in texts:
        for token in text.split():
            if urlish(token):
                continue
            letters = _LETTERS.findall(token)
            found += letters
            if len(letters) > 1 and _HYPHENS.search(token):  # "Crow-Brown" is a form of "CrowBrown"
                joined["".join(letters).lower()] += 1
    runs = Counter(run for run in found if len(run) <= MAX_RUN)
    forms: Counter[str] = Counter()
    for run, n in runs.items():
        forms[run.lower()] += n
    forms.update(joined)
    repeated = frozenset(form for form, n in forms.items() if n > 1)
    sites = sum(n for run, n in runs.items() if _strong_site(run, min_zipf, repeated))
    glued = sites >= MIN_GLUED_SITES and sites * WORDS_PER_SITE >= sum(runs.values())
    return GlueContext(repeated=repeated, glued=glued)
