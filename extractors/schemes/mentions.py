"""From names found to every mention of them in one document: each name is
searched again in any case, acronyms are read from the document ("Multi-Agency
Targeted Enforcement (MATE)", or by their initials: "CRSTS" where "City Region
Sustainable Transport Settlement" is written), overlapping mentions keep the
longest, and a name cut off by the end of an excerpt is dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from . import guards
from .lexicon import is_acronym, lexicon
from .names import Found

ACRONYM_DEF = re.compile(
    r"((?:[A-Z][\w’'\-]*[ \t]+(?:(?:of|for|and|&|the|on|in|to)[ \t]+)?){1,9})\(([A-Z][A-Za-z&]{1,9})\)"
)
INITIAL_CONNECTORS = r"(?:of|for|and|&|the|in|on|to)"


def acronyms(text: str) -> dict[str, str]:
    """Acronyms the text defines: "Multi-Agency Targeted Enforcement (MATE)" -> {"MATE": ...}."""
    out: dict[str, str] = {}
    for m in ACRONYM_DEF.finditer(text):
        words = m.group(1).split()
        acr = m.group(2)
        # take the shortest tail of capitalised words whose initials spell the acronym
        for i in range(len(words)):
            tail = words[i:]
            initials = "".join(p[0] for w in tail if w[0].isupper() for p in w.split("-") if p)
            if initials.upper() == acr.upper().replace("&", ""):
                out.setdefault(acr, " ".join(tail))
                break
    return out


def by_initials(text: str, acr: str) -> str | None:
    """The phrase whose capitalised initials spell an undefined acronym
    ("CRSTS" -> "City Region Sustainable Transport Settlement"), the form
    written most often; None when the text has none."""
    letters = [c for c in acr if c.isalpha()]
    if len(letters) < 3 or not acr.isupper():
        return None
    pattern = r"\b" + rf"(?:[ \t]+{INITIAL_CONNECTORS})?[ \t\n]+".join(
        rf"{c}[a-z][\w’'\-]*" for c in letters
    ) + r"\b"
    forms = Counter(" ".join(m.group(0).split()) for m in re.finditer(pattern, text))
    return forms.most_common(1)[0][0] if forms else None


def expand(name: str, defined: dict[str, str], text: str, memo: dict[str, str | None] | None = None) -> str:
    """A name with its acronyms written out, from the document's own
    definitions or initials: "MATES Scheme" -> "Multi-Agency Targeted
    Enforcement Scheme", "RPS schemes" -> "Residents Parking schemes", "CIL
    funding" -> "Community Infrastructure Levy"."""
    memo = {} if memo is None else memo
    heads = lexicon().heads_lower
    words = name.split()
    out: list[str] = []
    skip = False
    for i, w in enumerate(words):
        if skip:
            skip = False
            continue
        if w not in memo:
            memo[w] = defined.get(w) or (by_initials(text, w) if is_acronym(w) else None)
        full = memo[w]
        if full and full not in name:
            expansion = full.split()
            following = words[i + 1] if i + 1 < len(words) else ""
            if expansion[-1].lower().rstrip("s") == following.lower().rstrip("s"):
                expansion = expansion[:-1]  # "MATES Scheme" -> "... Enforcement Scheme"
            elif expansion[-1].lower() in heads and following.islower() and following in heads:
                skip = True  # "CIL funding" -> "Community Infrastructure Levy"
            out.extend(expansion)
        else:
            out.append(w)
    return " ".join(out)


def all_mentions(text: str, names: list[Found], defined: dict[str, str]) -> list[Found]:
    """Each distinct name searched again (any case), plus bare uses of scheme acronyms."""
    out = list(names)
    distinct = {n.name.lower(): n.name for n in names}
    if distinct:
        alternatives = sorted(distinct.values(), key=len, reverse=True)
        pattern = r"(?<![\w])(?:" + "|".join(
            r"\s+".join(re.escape(w) for w in name.split()) for name in alternatives
        ) + r")(?![\w])"
        for m in re.finditer(pattern, text, re.IGNORECASE):
            written = m.group(0)
            name = distinct.get(" ".join(written.split()).lower(), written)
            out.append(Found(m.start(), m.end(), " ".join(written.split()) if written[0].isupper() else name))
    heads = lexicon().heads_lower
    for acr, expansion in defined.items():
        if expansion.split()[-1].lower() in heads or expansion.lower() in distinct:
            for m in re.finditer(rf"(?<![\w(]){re.escape(acr)}(?![\w)])", text):
                out.append(Found(m.start(), m.end(), expansion))
    return out


def dedupe(found: list[Found], text: str) -> list[Found]:
    """Longest mention wins where mentions overlap; a name cut off by the end
    of the text (or a "... view the full minutes text" marker) is dropped."""
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    out: list[Found] = []
    covered = 0
    for f in found:
        if f.start < covered:
            continue
        covered = f.end
        if guards.cut_off(text, f.end):
            continue  # cut off: neither it nor a shorter name inside it counts
        out.append(f)
    return out


def with_expansions(found: list[Found], defined: dict[str, str], text: str) -> list[Found]:
    memo: dict[str, str | None] = {}
    return [replace(f, name=expand(f.name, defined, text, memo)) for f in found]
