"""Schemes: named schemes, projects, programmes, campaigns, funds, operations,
services and awareness weeks (GOLD-GUIDE.md, "Schemes").

Three rules, all driven by ``patterns/schemes.json``:
* a run of capitalised words ending in a head noun ("Nominated Neighbour
  Scheme", "White Ribbon campaign"); organisations, committees and duties are
  not heads, and a run ending in an organisation word is dropped;
* "Operation X";
* a gazetteer of well-known schemes written without a head ("Ask for Angela").
Every name found is then searched again case-insensitively so each mention is
a row, and acronyms the document defines ("Multi-Agency Targeted Enforcement
(MATE)") are expanded. Mentions are grouped under one canonical key with
rapidfuzz (scorer and cutoff from config; below the cutoff is a new scheme).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from pipeline.records import Fact, SchemeMention

KEY = "schemes"
PATTERNS = Path(__file__).parent / "patterns" / "schemes.json"
KNOWN_KEYS = {
    "heads", "heads_needing_cue", "connectors", "leading_stopwords", "excluded_modifiers", "key_dropped_heads",
    "key_stopwords", "gazetteer", "operation_pattern", "operation_excluded", "organisation_words",
    "rejected_followers",
}
WS = r"[ \t]+"  # names never cross a line break (headers, "From: X\nService Area:")
CAP = r"(?:[A-Z][A-Za-z0-9’'\-]*|\d+[A-Za-z]*)"
ACRONYM_DEF = re.compile(r"((?:[A-Z][\w’'\-]*[ \t]+(?:(?:of|for|and|&|the|on|in|to)[ \t]+)?){1,9})\(([A-Z][A-Za-z&]{1,9})\)")


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    name: str  # as written, acronyms expanded
    canonical: str = ""
    score: float = 100.0


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    data = json.loads(PATTERNS.read_text(encoding="utf-8"))
    unknown = set(data) - KNOWN_KEYS
    if unknown:
        raise ValueError(f"{PATTERNS}: unknown keys {sorted(unknown)}")
    heads = sorted(data["heads"], key=len, reverse=True)
    conn = "|".join(re.escape(c) for c in data["connectors"])
    head = "|".join(re.escape(h) for h in heads)
    followers = "|".join(re.escape(f) for f in data["rejected_followers"])
    named = re.compile(rf"(?:{CAP}{WS}(?:(?:{conn}){WS})?)+(?i:{head})(?![\w’'])(?![ \t]+(?:{followers})\b)")
    return {
        **data,
        "named": named,
        "operation": re.compile(data["operation_pattern"]),
        "heads_lower": {h.lower(): h for h in heads},
        "leading": set(data["leading_stopwords"]),
        "orgs": set(data["organisation_words"]),
        "excluded": {k.lower(): set(v) for k, v in data["excluded_modifiers"].items()},
        "needing": {k.lower(): set(v) for k, v in data["heads_needing_cue"].items()},
        "dropped": set(data["key_dropped_heads"]),
        "stop": set(data["key_stopwords"]),
    }


# --- canonical keys --------------------------------------------------------

WORD = re.compile(r"[a-z0-9]+")


def _stem(word: str) -> str:
    """Crude inflection folding: nominated/nominate, patrols/patrol, awareness stays."""
    if len(word) <= 4 or word.endswith("ss"):
        return word
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def canonical_key(name: str) -> str:
    """Lowercase, stopwords and generic heads dropped, inflections folded:
    "Nominate a Neighbour Scheme" and "Nominated Neighbour" share a key."""
    r = rules()
    words = [w for w in WORD.findall(name.lower().replace("’", "'").replace("'s", "")) if w not in r["stop"]]
    if len(words) > 1 and words[-1] in r["dropped"]:
        words = words[:-1]
    return " ".join(_stem(w) for w in words)


def scorer_for(name: str) -> Callable[..., float]:
    scorer = getattr(fuzz, name, None)
    if scorer is None:
        raise ValueError(f"schemes.scorer: rapidfuzz.fuzz has no scorer {name!r}")
    return scorer  # type: ignore[no-any-return]


def group(found: list[Found], *, scorer: str, cutoff: float) -> list[Found]:
    """Give every mention the canonical key of the first similar name in the
    document (score >= cutoff), or its own key when none is similar."""
    fn = scorer_for(scorer)
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


# --- finding names ---------------------------------------------------------


def _words(name: str) -> list[str]:
    return name.split()


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop leading stopwords and anything up to a possessive; None if no name is left."""
    r = rules()
    name = text[start:end]
    for m in re.finditer(r"\S+", name):
        word = m.group(0)
        owner = word[:-2]
        if word.endswith(("'s", "’s")) and (owner in r["orgs"] or owner.isupper() or owner in r["leading"]):
            start_at = start + m.end()
            return _trim(text, start_at + (len(text[start_at:end]) - len(text[start_at:end].lstrip())), end)
    while True:
        m = re.match(r"(\S+)\s+", text[start:end])
        if not m or (m.group(1) not in r["leading"] and m.group(1).rstrip(":") not in r["leading"]
                     and not m.group(1)[0].isdigit()):
            break
        start += m.end()
    words = _words(text[start:end])
    if len(words) < 2:
        return None
    return start, end


def _acceptable(words: list[str]) -> bool:
    r = rules()
    head = words[-1].lower()
    modifiers = [w.rstrip("’'") for w in words[:-1]]
    if words[-1].islower() and len(modifiers) < 2:
        return False  # "CCTV scheme", "the project": generic, not a name
    if any(w in r["excluded"].get(head, ()) for w in modifiers):
        return False
    if head in r["needing"] and not any(w in r["needing"][head] for w in modifiers):
        return False
    if modifiers[-1] in r["orgs"] or modifiers[-1].lower() in {"the", "a", "of", "for", "&", "to", "in", "on"}:
        return False
    return True


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


def find_names(text: str) -> list[Found]:
    """Scheme names by the head-noun, Operation and gazetteer rules (no fuzzy grouping)."""
    r = rules()
    found: list[Found] = []
    for m in r["named"].finditer(text):
        trimmed = _trim(text, m.start(), m.end())
        if trimmed is None:
            continue
        start, end = trimmed
        if _acceptable(_words(text[start:end])):
            found.append(Found(start, end, " ".join(text[start:end].split())))
    for m in r["operation"].finditer(text):
        words = m.group(0).split()
        if words[1] not in r["operation_excluded"]:
            found.append(Found(m.start(), m.end(), " ".join(words)))
    return found


def _gazetteer_matches(doc: Doc, matcher: PhraseMatcher) -> list[Found]:
    return [Found(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), doc[s:e].text) for _, s, e in matcher(doc)]


def _all_mentions(text: str, names: list[Found], defined: dict[str, str]) -> list[Found]:
    """Each distinct name searched again (any case), plus bare uses of scheme acronyms."""
    out = list(names)
    distinct = {n.name.lower(): n.name for n in names}
    if distinct:
        alternatives = sorted(distinct.values(), key=len, reverse=True)
        pattern = r"(?<![\w])(?:" + "|".join(
            r"\s+".join(re.escape(w) for w in name.split()) for name in alternatives
        ) + r")(?![\w])"
        for m in re.finditer(pattern, text, re.I):
            written = m.group(0)
            name = distinct.get(" ".join(written.split()).lower(), written)
            out.append(Found(m.start(), m.end(), " ".join(written.split()) if written[0].isupper() else name))
    heads = rules()["heads_lower"]
    for acr, expansion in defined.items():
        if expansion.split()[-1].lower() in heads or expansion.lower() in distinct:
            for m in re.finditer(rf"(?<![\w(]){re.escape(acr)}(?![\w)])", text):
                out.append(Found(m.start(), m.end(), expansion))
    return out


def _expand(name: str, defined: dict[str, str]) -> str:
    words = name.split()
    out: list[str] = []
    for i, w in enumerate(words):
        if w in defined and defined[w] not in name:
            expansion = defined[w].split()
            if i + 1 < len(words) and expansion[-1].lower() == words[i + 1].lower():
                expansion = expansion[:-1]  # "MATES Scheme" -> "... Enforcement Scheme"
            out.extend(expansion)
        else:
            out.append(w)
    return " ".join(out)


def _dedupe(found: list[Found], text: str) -> list[Found]:
    """Longest mention wins where mentions overlap; a name cut off by the end of
    the text is dropped."""
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    out: list[Found] = []
    tail = text.rstrip()
    covered = 0
    for f in found:
        if f.start < covered:
            continue
        covered = f.end
        if f.end >= len(tail) and not tail.endswith((".", "!", "?", ")", '"', "”")):
            continue  # cut off: neither it nor a shorter name inside it counts
        out.append(f)
    return out


def find_schemes(doc: Doc, gazetteer: PhraseMatcher, *, scorer: str, cutoff: float) -> list[Found]:
    text = doc.text
    defined = acronyms(text)
    names = find_names(text) + _gazetteer_matches(doc, gazetteer)
    mentions = _dedupe(_all_mentions(text, names, defined), text)
    mentions = [replace(m, name=_expand(m.name, defined)) for m in mentions]
    return group(mentions, scorer=scorer, cutoff=cutoff)


if not Doc.has_extension("schemes"):
    Doc.set_extension("schemes", default=None)


@Language.factory(
    "minutes_schemes",
    assigns=["doc.spans", "doc._.schemes"],
    default_config={"scorer": "token_sort_ratio", "cutoff": 88.0},
)
def make_schemes(nlp: Language, name: str, scorer: str, cutoff: float) -> "SchemeFinder":
    return SchemeFinder(nlp, scorer=scorer, cutoff=cutoff)


class SchemeFinder:
    """Writes ``doc.spans["schemes"]`` (label = canonical key) and ``doc._.schemes``."""

    def __init__(self, nlp: Language, *, scorer: str, cutoff: float) -> None:
        scorer_for(scorer)
        self.scorer, self.cutoff = scorer, cutoff
        self.gazetteer = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.gazetteer.add("SCHEME", [nlp.make_doc(n) for n in rules()["gazetteer"]])

    def __call__(self, doc: Doc) -> Doc:
        found = find_schemes(doc, self.gazetteer, scorer=self.scorer, cutoff=self.cutoff)
        spans = []
        for f in found:
            span = doc.char_span(f.start, f.end, alignment_mode="expand", label=f.canonical)
            if span is not None:
                spans.append(span)
        doc.spans[KEY] = spans
        doc._.schemes = tuple(found)
        return doc


def schemes(doc: Doc, *, fact: Callable[[int, int], Fact]) -> list[SchemeMention]:
    """SchemeMention records for the mentions the component found."""
    return [SchemeMention(fact(f.start, f.end), f.name, f.canonical) for f in (doc._.schemes or ())]
