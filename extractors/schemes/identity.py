"""Which mentions are one scheme: inside a document (the fullest name written
wins, a bracketed description is an alias) and across documents (a canonical
key compared with rapidfuzz; ``pipeline/schemes_link.py`` stores it).

The key drops case, stop words, generic type heads ("scheme", "project") and
inflections, so "Nominate a Neighbour Scheme" and "Nominated Neighbour" share
one; rapidfuzz compares keys with the scorer and cutoff from config, and below
the cutoff a name is a new scheme, never "the closest one".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from itertools import pairwise

from rapidfuzz import process

from pipeline.text.fuzzy import scorer_for
from pipeline.text.stems import fold

from .lexicon import lexicon
from .names import Found

WORD = re.compile(r"[a-z0-9]+")


def canonical_key(name: str) -> str:
    """Lowercase, stopwords and generic heads dropped, inflections folded:
    "Nominate a Neighbour Scheme" and "Nominated Neighbour" share a key."""
    lex = lexicon()
    words = [
        w for w in WORD.findall(name.lower().replace("’", "'").replace("'s", "")) if w not in lex.key_stop
    ]
    if len(words) > 1 and words[-1] in lex.key_dropped:
        words = words[:-1]
    return " ".join(fold(w) for w in words)


def group(found: list[Found], *, scorer: str, cutoff: float) -> list[Found]:
    """Give every mention the canonical key of the first similar name in the
    document (score >= cutoff), or its own key when none is similar."""
    fn = scorer_for(scorer, setting="schemes.scorer")
    keys: list[str] = []
    out = []
    for f in found:
        key = canonical_key(f.name)
        best = process.extractOne(key, keys, scorer=fn, processor=None, score_cutoff=cutoff) if keys else None
        if best is None:
            keys.append(key)
            out.append(replace(f, canonical=key, score=100.0))
        else:
            out.append(replace(f, canonical=best[0], score=float(best[1])))
    return out


def _head(name: str) -> str | None:
    words = name.lower().split()
    last = words[-1] if words else ""
    return last if last in lexicon().heads_lower else None


def contained(short: str, long: str) -> bool:
    """Is ``short`` a shorter way of writing ``long``? Its key words are the
    start or the end of the longer key ("Devolution Programme" / "Devolution
    Priority Programme", "Youth Justice Service" / "Kent Youth Justice
    Service", "White Ribbon" / "White Ribbon Domestic Abuse Campaign"), or
    two words or more inside a longer name without a head ("Housing Policy
    programme" / "West of England Housing Policy Development"; but the
    "Temple Quarter project" is not the "Bristol Temple Quarter Southern
    Gateway Project"). A head, when it has one, is the
    longer name's head ("CCTV Scheme" is not the "CCTV Capital Fund"), or a
    generic type word ("scheme", "programme") when the longer name has no head
    ("Nature Recovery programme" / "Nature Recovery Workplan"). A kind word
    may be left out ("Gainshare funding" / "Gainshare capital funding")."""
    lex = lexicon()
    s_head, l_head = _head(short), _head(long)
    if s_head is not None and s_head != l_head and not (l_head is None and s_head in lex.key_dropped):
        return False
    s_key, l_key = canonical_key(short).split(), canonical_key(long).split()
    if not s_key or len(s_key) >= len(l_key):
        return False
    kinds = {fold(k) for k in lex.kind_words}
    if s_key == [w for w in l_key if w not in kinds]:
        return True  # "Gainshare funding" / "Gainshare capital funding"
    n = len(s_key)
    if l_key[:n] == s_key or l_key[-n:] == s_key:
        return True
    return n >= 2 and l_head is None and any(l_key[i:i + n] == s_key for i in range(1, len(l_key) - n))


def consolidate(found: list[Found], text: str) -> list[Found]:
    """One name per scheme in a document: a name in brackets straight after
    another ("Ask for Angela (Night Time Economy Safety Campaign)") describes
    it, and a shorter form takes the fullest form's name (``fact.text`` keeps
    the words as written)."""
    found = sorted(found, key=lambda f: f.start)
    alias: dict[str, str] = {}
    for a, b in pairwise(found):
        bracketed = re.fullmatch(r"\s*\(\s*", text[a.end : b.start]) and re.match(
            r"\s*\)", text[b.end : b.end + 3]
        )
        if bracketed and canonical_key(b.name) != canonical_key(a.name):
            alias.setdefault(b.name, a.name)
    found = [replace(f, name=alias.get(f.name, f.name)) for f in found]
    counts = Counter(f.name for f in found)
    distinct = sorted(counts, key=lambda n: (len(n), counts[n]), reverse=True)
    fullest: dict[str, str] = {}
    for name in distinct:
        wider = [fullest.get(longer, longer) for longer in distinct if contained(name, longer)]
        # the form written most often among the fuller ones, then the longest
        fullest[name] = max(wider, key=lambda n: (counts[n], len(n))) if wider else name
    return [replace(f, name=fullest[f.name]) for f in found]
