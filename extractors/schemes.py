"""Schemes: named schemes, projects, programmes, campaigns, funds, operations,
services and awareness weeks (GOLD-GUIDE.md, "Schemes").

Rules, all driven by ``patterns/schemes.json``:
* a run of capitalised words ending in a head noun ("Nominated Neighbour
  Scheme", "White Ribbon campaign"); organisations, committees and duties are
  not heads, and a run ending in an organisation word is dropped;
* "Operation X";
* a gazetteer of well-known schemes written without a head ("Ask for Angela"),
  unless it names a body ("the Pub Watch group");
* names joined by "and" ("Kent and Medway Business Fund"), quoted names before
  or after a head ("the Pensioner ‘Just Missing Out’ scheme", "a campaign
  called ‘Release the Pressure’"), an acronym before the head ("No Use Empty
  (NUE) scheme"), awareness days/weeks/nights ("National Adoption Week", "CPP
  Takeover Day"), "X Weeks of Action" and "X funding" at the end of a phrase;
* budget documents, pension/pay schemes and work programmes are not schemes.
Every name found is then searched again case-insensitively so each mention is
a row, and acronyms the document defines ("Multi-Agency Targeted Enforcement
(MATE)") are expanded. Mentions are grouped under one canonical key with
rapidfuzz (scorer and cutoff from config; below the cutoff is a new scheme),
after shorter forms and bracketed descriptions take the fullest name written
("Devolution Programme" -> "Devolution Priority Programme").
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from pipeline.records import Fact, SchemeMention

from .sentences import doc_text

KEY = "schemes"
PATTERNS = Path(__file__).parent / "patterns" / "schemes.json"
KNOWN_KEYS = {
    "heads", "heads_needing_cue", "connectors", "leading_stopwords", "excluded_modifiers", "key_dropped_heads",
    "key_stopwords", "gazetteer", "operation_pattern", "operation_excluded", "organisation_words",
    "rejected_followers", "event_prefixes", "organisation_followers", "kept_compounds",
}
WS = r"[ \t]+"  # names never cross a line break (headers, "From: X\nService Area:")
CAP = r"(?:[‘“\"]?[A-Z][A-Za-z0-9’'\-]*[”\"]?|\d+[A-Za-z]*)"  # a word of a name, maybe opening/closing a quote
#: "the No Use Empty (NUE) scheme": an acronym between a name and its head.
ACRONYM_BEFORE_HEAD = r"(?:\([A-Z][A-Za-z&]{1,9}\)[ \t]+)?"
#: "a campaign called ‘Release the Pressure’": a quoted name after its head.
QUOTED_AFTER_HEAD = re.compile(
    r"\b(?i:scheme|campaign|project|programme|initiative|fund|service)s?"
    r"(?:[ \t]+(?i:called|named|entitled|known[ \t]+as))?,?[ \t]+[‘“\"]([A-Z][^’”\"\n]{1,60}?)[’”\"]"
)
#: "County Lines – Weeks of Action", "National Day of Action".
OF_ACTION = re.compile(
    r"(?:[A-Z][A-Za-z0-9’'\-]*[ \t]+)+(?:[–-][ \t]+)?(?:Weeks?|Days?|Months?|Fortnights?)[ \t]+of[ \t]+Action(?![\w’'])"
)
OPENING_WORD = re.compile(r"(\S+)[ \t]+")
DETERMINERS = {"The", "This", "That", "A", "An", "Our", "Its", "Their", "During", "In", "At", "For", "Each", "Every"}
EVENT_HEADS = {"day", "week", "month", "night", "fortnight"}
CONNECTOR_WORDS = {"the", "a", "of", "for", "&", "to", "in", "on", "against", "and"}
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
    named = re.compile(
        rf"(?:{CAP}{WS}and{WS})?(?:{CAP}{WS}(?:(?:{conn}){WS})?)+{ACRONYM_BEFORE_HEAD}(?i:{head})(?![\w’'])"
        rf"(?![ \t]+(?:{followers})\b)"
    )
    org_followers = "|".join(re.escape(f) for f in data["organisation_followers"])
    return {
        **data,
        "named": named,
        "operation": re.compile(data["operation_pattern"]),
        "heads_lower": {h.lower(): h for h in heads},
        "head_at": re.compile(rf"(?<=[ \t])(?i:{head})(?![\w’'])"),
        "name_token": re.compile(rf"{CAP}|(?:{conn}|and)|\([A-Z][A-Za-z&]{{1,9}}\)"),
        "leading": set(data["leading_stopwords"]),
        "orgs": set(data["organisation_words"]),
        "excluded": {k.lower(): {w.lower() for w in v} for k, v in data["excluded_modifiers"].items()},
        "org_follower": re.compile(rf"[ \t]+(?i:{org_followers})(?![\w’'])"),
        "event_prefixes": set(data["event_prefixes"]),
        "gazetteer_lower": {g.lower() for g in data["gazetteer"]},
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
        if any(text.startswith(kept, start) for kept in r["kept_compounds"]):
            break  # "Council Tax Reduction Scheme", "County Lines Project"
        start += m.end()
    words = _words(text[start:end])
    if len(words) < 2:
        return None
    return start, end


def _acceptable(words: list[str]) -> bool:
    r = rules()
    head = words[-1].lower()
    modifiers = [w.strip("‘’'“”\"") for w in words[:-1]]
    if words[-1].islower() and len(modifiers) < 2:
        return False  # "CCTV scheme", "the project": generic, not a name
    if any(w.lower() in r["excluded"].get(head, ()) for w in modifiers):
        return False  # "Pension Fund", "PENSION FUND", "Capital Programme"
    if head in r["needing"] and not any(w in r["needing"][head] for w in modifiers):
        # an awareness day/week without a cue word still counts when it is
        # "National/World ... Week" or has two words of its own ("CPP Takeover Day")
        if head not in EVENT_HEADS:
            return False
        own = [w for w in modifiers if w.lower() not in CONNECTOR_WORDS]
        if modifiers[0] not in r["event_prefixes"] and len(own) < 2:
            return False
    if modifiers[-1] in r["orgs"] or modifiers[-1].lower() in CONNECTOR_WORDS:
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


AND_PREFIX = re.compile(r"(\S+)[ \t]+and[ \t]+")
PREVIOUS_WORD = re.compile(r"(\S+)[ \t]+$")
#: "funding" is a head only at the end of its phrase ("Safer Communities funding to
#: NWCSP"), not in "Schools Funding Formula" or "High Needs Funding shortfall".
FUNDING_END = re.compile(
    r"\s*(?:[.,;:?!)\]\n–—-]|$|(?:of|for|to|from|was|were|is|are|has|had|have|would|will|could|should|may|and|or|"
    r"which|that|in|on|at|by|with|as|being|been|this|these|it)\b)"
)
ACRONYM_IN_NAME = re.compile(r"[ \t]+\([A-Z][A-Za-z&]{1,9}\)(?=[ \t])")


def _named(text: str, start: int, end: int) -> Found | None:
    """A head-noun match as a name, or None when it is not one."""
    r = rules()
    prefix = AND_PREFIX.match(text, start, end)
    before = PREVIOUS_WORD.search(text, max(0, start - 40), start)
    if prefix and (prefix.group(1).lower() in r["gazetteer_lower"] or prefix.group(1) in r["orgs"]
                   or prefix.group(1) in r["leading"] or prefix.group(1).lower() in r["heads_lower"]
                   or (before is not None and before.group(1)[:1].isupper() and before.group(1) not in r["leading"])):
        # "Pubwatch and Street Pastors Project" is two names; in "Special
        # Educational Needs and Disabilities (SEND) service" the run started earlier
        start = prefix.end()
    trimmed = _trim(text, start, end)
    if trimmed is None:
        return None
    start, end = trimmed
    words = _words(ACRONYM_IN_NAME.sub("", text[start:end]))
    if len(words) > 2 and words[-1] == "funding" and words[-2].lower() in r["heads_lower"]:
        end = start + text[start:end].rstrip().rfind(words[-2]) + len(words[-2])  # "Safer Streets Fund funding"
        words = words[:-1]
    if words[-1].lower() == "funding" and not FUNDING_END.match(text, end):
        return None
    if not _acceptable(words):
        return None
    name = ACRONYM_IN_NAME.sub("", text[start:end])  # "No Use Empty (NUE) scheme"
    return Found(start, end, " ".join(name.split()))


def _head_windows(text: str) -> list[tuple[int, int]]:
    """Where the head-noun rule can match: from the start of the run of name
    words before each head (the token that cannot be part of a name, kept in
    to be safe) to the end of the head's line, merged. A name is such a run
    ending in a head and never crosses a line break, so matching only inside
    these windows finds exactly what matching the whole text would, without
    trying every capitalised word of the document."""
    r = rules()
    token = r["name_token"]
    windows: list[tuple[int, int]] = []
    for h in r["head_at"].finditer(text):
        line_start = text.rfind("\n", 0, h.start()) + 1
        start = h.start()
        for word in reversed(text[line_start:h.start()].split()):
            start = text.rfind(word, line_start, start)
            if not token.fullmatch(word):
                break
        else:
            start = line_start
        end = text.find("\n", h.end())
        end = len(text) if end < 0 else end
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def find_names(text: str) -> list[Found]:
    """Scheme names by the head-noun, Operation and gazetteer rules (no fuzzy grouping)."""
    r = rules()
    found: list[Found] = []
    pos = 0
    for start, end in _head_windows(text):
        for m in r["named"].finditer(text, max(start, pos), end):
            pos = m.end()
            named = _named(text, m.start(), m.end())
            if named is not None:
                found.append(named)
    for m in QUOTED_AFTER_HEAD.finditer(text):
        name = m.group(1).strip()
        if 1 <= len(name.split()) <= 8:
            found.append(Found(m.start(1), m.start(1) + len(name), " ".join(name.split())))
    for m in OF_ACTION.finditer(text) if "of Action" in text else ():
        start = m.start()
        while (word := OPENING_WORD.match(text, start, m.end())) and word.group(1) in DETERMINERS:
            start = word.end()
        found.append(Found(start, m.end(), " ".join(text[start:m.end()].split())))
    for m in r["operation"].finditer(text):
        words = m.group(0).split()
        if words[1] not in r["operation_excluded"]:
            found.append(Found(m.start(), m.end(), " ".join(words)))
    return found


def _gazetteer_matches(doc: Doc, matcher: PhraseMatcher, text: str) -> list[Found]:
    """Well-known names, except where they name a body ("the Pub Watch group")."""
    follower = rules()["org_follower"]
    out = []
    for _, s, e in matcher(doc):
        start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
        if follower.match(text, end):
            continue
        out.append(Found(start, end, text[start:end]))
    return out


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


def _head(words: list[str]) -> str | None:
    last = words[-1] if words else ""
    return last if last in rules()["heads_lower"] else None


def _contained(short: str, long: str) -> bool:
    """Is ``short`` a shorter way of writing ``long``? Its key words are the
    start or the end of the longer key ("Devolution Programme" / "Devolution
    Priority Programme", "Youth Justice Service" / "Kent Youth Justice
    Service", "White Ribbon" / "White Ribbon Domestic Abuse Campaign"), and a
    head, when it has one, is the longer name's head ("CCTV Scheme" is not the
    "CCTV Capital Fund")."""
    s_words, l_words = short.lower().split(), long.lower().split()
    s_head, l_head = _head(s_words), _head(l_words)
    if s_head is not None and s_head != l_head:
        return False
    s_key, l_key = canonical_key(short).split(), canonical_key(long).split()
    if not s_key or len(s_key) >= len(l_key):
        return False
    n = len(s_key)
    return l_key[:n] == s_key or l_key[-n:] == s_key


def consolidate(found: list[Found], text: str) -> list[Found]:
    """One name per scheme in a document: a name in brackets straight after
    another ("Ask for Angela (Night Time Economy Safety Campaign)") describes
    it, and a shorter form takes the fullest form's name (``fact.text`` keeps
    the words as written)."""
    found = sorted(found, key=lambda f: f.start)
    alias: dict[str, str] = {}
    for a, b in zip(found, found[1:]):
        if re.fullmatch(r"\s*\(\s*", text[a.end:b.start]) and re.match(r"\s*\)", text[b.end:b.end + 3]):
            if canonical_key(b.name) != canonical_key(a.name):
                alias.setdefault(b.name, a.name)
    found = [replace(f, name=alias.get(f.name, f.name)) for f in found]
    counts = Counter(f.name for f in found)
    distinct = sorted(counts, key=lambda n: (len(n), counts[n]), reverse=True)
    fullest: dict[str, str] = {}
    for name in distinct:
        wider = [fullest.get(longer, longer) for longer in distinct if _contained(name, longer)]
        # the form written most often among the fuller ones, then the longest
        fullest[name] = max(wider, key=lambda n: (counts[n], len(n))) if wider else name
    return [replace(f, name=fullest[f.name]) for f in found]


def find_schemes(doc: Doc, gazetteer: PhraseMatcher, *, scorer: str, cutoff: float) -> list[Found]:
    text = doc_text(doc)
    defined = acronyms(text)
    names = find_names(text) + _gazetteer_matches(doc, gazetteer, text)
    mentions = _dedupe(_all_mentions(text, names, defined), text)
    mentions = consolidate([replace(m, name=_expand(m.name, defined)) for m in mentions], text)
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
