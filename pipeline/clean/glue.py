"""Where a glued word could be cut, and how sure each cut is: "inFebruary", "andagreed".

This module only proposes cuts; ``glue_policy`` decides with the whole
document in view which of them are made. A token that wordfreq knows as a word
(``McDonald``, ``Bromsgrove``), an all-capitals acronym (``NWCSP``) or a token
with digits is never cut. Every part of a cut must be a common word (Zipf >=
``min_zipf``) or a short function word.

Each cut carries a kind, strongest first:

- ``case``: a lower-case word then a capital ("inFebruary", "thePCC"). No
  English word or name is spelt so, so this is glue wherever it occurs.
- ``acronym``: capitals then a lower-case word ("NWCSPreviewed", "BCCdonation").
- ``function``: a function word and a common word of four letters or more, in
  lower case ("andagreed", "toidentify", "teamwould").
- ``camel``: two capitalised words ("HateCrime"), weak: "ModernGov",
  "CrowBrown" and "AskBristol" are names.
- ``content``: two content words, or any cut of a capitalised word ("Planningmeeting"),
  weak: "Hotwells", "Stepto", "lengthsman", "soakaway" are real.

Runs longer than ``MAX_RUN`` letters are never cut: no two glued words are that
long, and it keeps the work per run bounded, so repair is linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from ..text.words import zipf

#: A glued pair of words longer than this is not plausible; longer runs stay whole.
MAX_RUN = 40
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
#: Words whose glue to a neighbour is a strong sign of lost spacing ("andagreed", "issuesat").
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "that",
        "this",
        "these",
        "those",
        "which",
        "would",
        "could",
        "should",
        "will",
        "not",
        "also",
        "via",
        "into",
        "its",
        "their",
        "they",
        "than",
    ]
)
# A capitalised name prefix before another capital: McDonald, MacLeod, LeBlanc, DeSouza.
NAME_PREFIXES = frozenset(
    ["mc", "mac", "fitz", "de", "di", "da", "du", "le", "la", "van", "von", "o", "d", "al", "el", "st"]
)
#: Lower-case brand prefixes before a capital: "myAccount", "eBay", "iPhone".
BRAND_PREFIXES = frozenset(["my", "e", "i"])
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
STRONG_KINDS = frozenset({"case", "acronym"})

_URLISH = re.compile(r"@|://|^www\.|\.(?:gov|org|com|co|net|uk|ac|nhs)\b", re.IGNORECASE)
_LOWER_UPPER = re.compile(r"(?<=[a-z])(?=[A-Z])")
_ACRONYM_WORD = re.compile(r"^([A-Z]{2,})([a-z]{3,})$")


@dataclass(frozen=True)
class Cut:
    at: int  # offset in the word where a space belongs
    kind: str  # "case" | "acronym" | "function" | "camel" | "content"


def urlish(token: str) -> bool:
    """An address or e-mail ("policycommittees@bristol.gov.uk"): its letters are never cut."""
    if "." not in token and "@" not in token and ":" not in token:
        return False  # every _URLISH branch needs one of these: most words skip the search
    return _URLISH.search(token) is not None


def _part_ok(part: str, min_zipf: float) -> bool:
    low = part.lower()
    if len(part) <= 2:
        return low in SHORT_WORDS and (part.islower() or len(part) == 1 or part.istitle())
    return zipf(part) >= (max(min_zipf, 3.5) if len(part) == 3 else min_zipf)


def _is_acronym(part: str) -> bool:
    """"PCC", "SNTs": two or more capitals, maybe a plural s."""
    bare = part.rstrip("s")
    return len(bare) >= 2 and bare.isupper() and bare.isalpha()


def _dictionary_cut(word: str, min_zipf: float) -> Cut | None:
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
    if best is None:
        return None
    return Cut(best[1], _dictionary_kind(word[: best[1]], word[best[1] :]))


def _dictionary_kind(left: str, right: str) -> str:
    """"function" for a lower-case function word glued to a word of four letters or more."""
    if not (left + right).islower():
        return "content"
    lf, rf = left in FUNCTION_WORDS, right in FUNCTION_WORDS
    if (lf and rf) or (lf and len(right) >= 4) or (rf and len(left) >= 4):
        return "function"
    return "content"


def _case_cut(left: str, right: str, min_zipf: float) -> str | None:
    """The kind of cut "left|Right" (a lower-to-upper boundary), or None when it stands."""
    low = left.lower()
    if low in NAME_PREFIXES or (len(left) == 1 and left != "a") or (left.islower() and low in BRAND_PREFIXES):
        return None
    if not _part_ok(left, min_zipf):
        return None
    if _is_acronym(right):
        return "case" if left.islower() and zipf(left) >= 4.0 else None  # "thePCC", "theSNTs"
    if not _part_ok(right, min_zipf):
        return None
    return "case" if left.islower() else "camel"


@lru_cache(maxsize=100_000)
def split_candidates(word: str, min_zipf: float) -> tuple[Cut, ...]:
    """Cuts in ``word`` (letters only) that would part it into words; () when it stands."""
    if len(word) < 3 or len(word) > MAX_RUN or word.isupper() or zipf(word) > 0:
        return ()
    acronym = _ACRONYM_WORD.match(word)
    if acronym:  # "NWCSPreviewed": NWCSP|reviewed or NWCS|Previewed, whichever word is commoner
        caps, rest = acronym.groups()
        options = [(zipf(rest), len(caps), "acronym"), (zipf(caps[-1] + rest), len(caps) - 1, "camel")]
        options = [o for o in options if o[0] >= min_zipf and o[1] >= 2]
        if not options:
            return ()
        _, at, acronym_kind = max(options)
        return (Cut(at, acronym_kind),)
    bounds = [m.start() for m in _LOWER_UPPER.finditer(word)]
    if not bounds:
        cut = _dictionary_cut(word, min_zipf) if len(word) >= 4 else None
        return (cut,) if cut else ()
    edges = [0, *bounds, len(word)]
    cuts: list[Cut] = []
    for i, at in enumerate(bounds):
        case_kind = _case_cut(word[edges[i] : at], word[at : edges[i + 2]], min_zipf)
        if case_kind:
            cuts.append(Cut(at, case_kind))
    if not cuts:
        return ()
    # a piece between case cuts may itself be glued in lower case ("Communitiesincluding")
    result: list[Cut] = []
    pieces = [0, *(c.at for c in cuts), len(word)]
    for a, b in pairwise(pieces):
        piece = word[a:b]
        inner = _dictionary_cut(piece, min_zipf) if len(piece) >= 4 and zipf(piece) == 0 else None
        if inner:
            result.append(Cut(a + inner.at, inner.kind))
    return tuple(sorted([*cuts, *result], key=lambda c: c.at))


def split_points(word: str, min_zipf: float) -> tuple[int, ...]:
    """Offsets of every proposed cut, whatever its kind (the context-free view)."""
    return tuple(c.at for c in split_candidates(word, min_zipf))
