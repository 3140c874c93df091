"""Split words glued together where HTML elements met: "inFebruary", "andagreed".

Conservative by design: a token that wordfreq knows as a word (``McDonald``,
``iPhone``, ``Bromsgrove``) is never split, nor is an all-capitals acronym
(``NWCSP``, ``GETSAFE``) or anything holding digits (``£139,250k``). A split is
made only when every part is itself a common word (Zipf >= ``min_zipf``) or a
short function word, so an unknown surname stays whole.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from ..text.words import zipf

# Two-letter parts are allowed only from this list: "isdefined", "toidentify".
SHORT_WORDS = frozenset(
    [
        "a",
        "of",
        "in",
        "to",
        "on",
        "at",
        "by",
        "an",
        "as",
        "is",
        "it",
        "or",
        "be",
        "we",
        "he",
        "no",
        "so",
        "do",
        "up",
        "us",
        "if",
        "my",
        "me",
    ]
)
# A capitalised name prefix before another capital: McDonald, MacLeod, LeBlanc, DeSouza.
NAME_PREFIXES = frozenset(
    ["mc", "mac", "fitz", "de", "di", "da", "du", "le", "la", "van", "von", "o", "d", "al", "el", "st"]
)

_LOWER_UPPER = re.compile(r"(?<=[a-z])(?=[A-Z])")
_ACRONYM_WORD = re.compile(r"^([A-Z]{2,})([a-z]{3,})$")


# Common endings of British surnames and place names: "Hamfield" is a name, not "Ham field".
NAME_ENDINGS = frozenset(
    [
        "field",
        "land",
        "ford",
        "ton",
        "son",
        "man",
        "ham",
        "worth",
        "bury",
        "hill",
        "more",
        "ley",
        "well",
        "wood",
        "by",
        "stone",
        "ridge",
        "dale",
        "gate",
        "brook",
        "shaw",
        "wick",
        "mouth",
        "port",
        "ing",
        "ings",
        "ard",
        "er",
        "ell",
        "ock",
        "all",
        "den",
        "don",
        "ville",
        "burn",
        "combe",
        "cott",
    ]
)
# A known word this common may follow an uncommon one: "Shopliftingand".
GLUE_WORDS = frozenset(["and", "the", "of", "to", "in", "for", "from", "with"])


def _part_ok(part: str, min_zipf: float) -> bool:
    low = part.lower()
    if len(part) <= 2:
        return low in SHORT_WORDS and (part.islower() or len(part) == 1 or part.istitle())
    return zipf(part) >= (max(min_zipf, 3.5) if len(part) == 3 else min_zipf)


def _is_acronym(part: str) -> bool:
    """"PCC", "SNTs": two or more capitals, maybe a plural s."""
    return (
        len(part) >= 2
        and part.rstrip("s").isupper()
        and part.rstrip("s").isalpha()
        and len(part.rstrip("s")) >= 2
    )


def _dictionary_split(word: str, min_zipf: float) -> int | None:
    """Where to cut an unknown all-letters word into two common words, if anywhere."""
    best: tuple[float, int] | None = None
    for cut in range(1, len(word)):
        left, right = word[:cut], word[cut:]
        if right[:1].isupper() and not left[:1].isupper() and not left.islower():
            continue
        if word[:1].isupper() and right.lower() in NAME_ENDINGS:
            continue
        left_ok = _part_ok(left, min_zipf) or (right in GLUE_WORDS and len(left) > 4 and zipf(left) >= 2.5)
        if left_ok and _part_ok(right, min_zipf):
            score = zipf(left) + zipf(right)
            if best is None or score > best[0]:
                best = (score, cut)
    return best[1] if best else None


def _case_cut_ok(left: str, right: str, min_zipf: float) -> bool:
    """May "left|Right" (a lower-to-upper boundary) be cut? "in|February", "the|PCC"."""
    if left.lower() in NAME_PREFIXES or (len(left) == 1 and left != "a"):
        return False
    if not _part_ok(left, min_zipf):
        return False
    if _is_acronym(right):
        return left.islower() and zipf(left) >= 4.0  # "thePCC", "theSNTs"
    return _part_ok(right, min_zipf)


@lru_cache(maxsize=100_000)
def split_points(word: str, min_zipf: float) -> tuple[int, ...]:
    """Offsets in ``word`` (letters only) where a space belongs; () when it stands."""
    if len(word) < 3 or zipf(word) > 0 or word.isupper():
        return ()
    acronym = _ACRONYM_WORD.match(word)
    if acronym:  # "NWCSPreviewed": NWCSP|reviewed or NWCS|Previewed, whichever word is commoner
        caps, rest = acronym.groups()
        options = [(zipf(rest), len(caps)), (zipf(caps[-1] + rest), len(caps) - 1)]
        options = [(z, cut) for z, cut in options if z >= min_zipf and cut >= 2]
        return (max(options)[1],) if options else ()
    cuts = [m.start() for m in _LOWER_UPPER.finditer(word)]
    if cuts:
        points: list[int] = []
        edges = [0, *cuts, len(word)]
        for i, cut in enumerate(cuts):
            left, right = word[edges[i] : cut], word[cut : edges[i + 2]]
            if _case_cut_ok(left, right, min_zipf):
                points.append(cut)
        if not points:
            return ()
        # a piece between case cuts may itself be glued in lower case ("Communitiesincluding")
        result: list[int] = []
        bounds = [0, *points, len(word)]
        for a, b in itertools.pairwise(bounds):
            piece = word[a:b]
            inner = _dictionary_split(piece, min_zipf) if len(piece) >= 4 and zipf(piece) == 0 else None
            if inner:
                result.append(a + inner)
            if b != len(word):
                result.append(b)
        return tuple(sorted(result))
    if len(word) < 4:
        return ()
    whole = _dictionary_split(word, min_zipf)
    return (whole,) if whole else ()
