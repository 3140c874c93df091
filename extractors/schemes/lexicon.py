"""The schemes vocabulary, loaded once from ``patterns/schemes.json`` (grammar
words: heads, connectors, stop words, followers) and
``patterns/scheme_lexicon.json`` (names and titles: the gazetteer, funding
abbreviations, honorifics, post titles, first names).

Both files are data; this module only checks their keys and compiles the
regular expressions the rules share, so a council's new head word or title is
an edit to a JSON list, not to code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from wordfreq import zipf_frequency

PATTERNS = Path(__file__).resolve().parent.parent / "patterns"
GRAMMAR = PATTERNS / "schemes.json"
LEXICON = PATTERNS / "scheme_lexicon.json"
GRAMMAR_KEYS = {
    "heads",
    "plural_heads",
    "compound_heads",
    "capitalised_only_heads",
    "heads_needing_two_words",
    "heads_needing_cue",
    "connectors",
    "leading_stopwords",
    "excluded_modifiers",
    "key_dropped_heads",
    "key_stopwords",
    "operation_pattern",
    "operation_excluded",
    "organisation_words",
    "rejected_followers",
    "kept_followers",
    "event_prefixes",
    "organisation_followers",
    "kept_compounds",
    "kind_words",
}
LEXICON_KEYS = {
    "gazetteer",
    "scheme_abbreviations",
    "acronym_stopwords",
    "honorifics",
    "post_titles",
    "award_words",
    "statute_words",
    "funder_suffixes",
    "venue_words",
    "description_cues",
    "first_names",
    "post_words",
}

#: A word of a name: capitalised (maybe opening or closing a quote, maybe
#: "TV/Film"), or a number ("20 is Plenty", "18+ Care Leaver Service").
CAP = r"(?:[‘“\"]?[A-Z][A-Za-z0-9’'\-]*(?:/[A-Z][A-Za-z0-9’'\-]*)*[”\"’]?|\d+[A-Za-z+]*)"
#: Words of a name are one or two spaces apart: a wider gap is a table column
#: in ``pdftotext -layout`` text ("Hannah Craven      SBLN scheme"), and a
#: name never crosses a line break ("From: X\nService Area:").
WS = r"(?:[ ]{1,2}|\t| \x1f+)"
#: What ``wrapped_view`` writes for the indentation after a joined line break.
FILL = "\x1f"
#: "the No Use Empty (NUE) scheme": an acronym between a name and its head.
ACRONYM_BEFORE_HEAD = r"(?:\([A-Z][A-Za-z&]{1,9}\)[ \t]+)?"
#: The most words a name holds before its head (a longer run keeps its last ones).
MAX_WORDS = 12
#: An acronym as written: "KIDVA", "CRSTS", "UKSPF", "S106", "A&E".
ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}")


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(data[key])


def _load(path: Path, known: set[str]) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    unknown = set(data) - known
    missing = known - set(data)
    if unknown or missing:
        raise ValueError(f"{path}: unknown keys {sorted(unknown)}, missing keys {sorted(missing)}")
    return dict(data)


@dataclass(frozen=True)
class Lexicon:
    """Every word list the scheme rules read, plus the patterns built from them."""

    heads_lower: dict[str, str]  # lower-case head -> as listed (singular, plural and compound)
    plural: frozenset[str]  # lower-case plural heads
    compound: tuple[str, ...]  # "Trust Fund": heads of two words whose first word is no modifier
    capitalised_only: frozenset[str]  # lower-case heads that count only when capitalised ("Awareness")
    two_words: frozenset[str]  # heads that need two words of a name before them ("Family Hub" is generic)
    needing: dict[str, frozenset[str]]  # lower-case head -> cue words one of which must precede it
    excluded: dict[str, frozenset[str]]  # lower-case head -> modifiers that make it no scheme
    leading: frozenset[str]
    orgs: frozenset[str]
    connectors: frozenset[str]
    kept_followers: frozenset[str]
    kind_words: frozenset[str]
    event_prefixes: frozenset[str]
    gazetteer: tuple[str, ...]
    gazetteer_lower: frozenset[str]
    scheme_abbreviations: frozenset[str]
    acronym_stop: frozenset[str]
    honorifics: frozenset[str]
    post_titles: tuple[str, ...]
    awards: frozenset[str]
    statutes: frozenset[str]
    funders: frozenset[str]
    venues: frozenset[str]
    description_cues: frozenset[str]
    first_names: frozenset[str]
    post_words: frozenset[str]
    key_dropped: frozenset[str]
    key_stop: frozenset[str]
    named: re.Pattern[str]  # a run of name words ending in a head
    head_at: re.Pattern[str]  # a head word anywhere (where the named rule may match)
    name_token: re.Pattern[str]  # one word that may belong to a name
    org_follower: re.Pattern[str]  # "group", "board", ... straight after a name
    operation: re.Pattern[str]
    operation_excluded: frozenset[str]
    kept_compounds: tuple[str, ...]
    rejected_followers: frozenset[str]


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The loaded vocabulary; an unknown or missing key in either file is an error."""
    g = _load(GRAMMAR, GRAMMAR_KEYS)
    x = _load(LEXICON, LEXICON_KEYS)
    all_heads = [*g["compound_heads"], *g["heads"], *g["plural_heads"]]
    head = _alternatives(all_heads)
    conn = _alternatives([*g["connectors"], "and"])
    rejected = _alternatives(g["rejected_followers"])
    kind = _alternatives(g["kind_words"])
    # The grammar of a name: name words joined by one or two spaces or by a
    # connector ("of", "for", "&", "and"); then maybe one lower-case kind word
    # ("Moorlands Connect bus service", "Gainshare capital funding") and a
    # bracketed acronym ("No Use Empty (NUE) scheme"); then a head that is a
    # whole word (not "Funding-led", not "Scheme’s") and not the first word
    # of a post or a body ("Project Officer", "Fund Board"). A name has at
    # most MAX_WORDS words before its head, which also keeps matching linear
    # in a long line of capitalised words.
    named = re.compile(
        rf"(?:{CAP}{WS}(?:(?:{conn}){WS})?){{1,{MAX_WORDS}}}(?:(?:{kind}){WS})?{ACRONYM_BEFORE_HEAD}(?i:{head})(?![\w’'\-])"
        rf"(?![ \t\x1f]+(?:{rejected})\b)"
    )
    return Lexicon(
        heads_lower={h.lower(): h for h in all_heads},
        plural=frozenset(h.lower() for h in g["plural_heads"]),
        compound=tuple(g["compound_heads"]),
        capitalised_only=frozenset(h.lower() for h in g["capitalised_only_heads"]),
        two_words=frozenset(h.lower() for h in g["heads_needing_two_words"]),
        needing={k.lower(): frozenset(v) for k, v in g["heads_needing_cue"].items()},
        excluded={k.lower(): frozenset(w.lower() for w in v) for k, v in g["excluded_modifiers"].items()},
        leading=_words(g, "leading_stopwords"),
        orgs=_words(g, "organisation_words"),
        connectors=frozenset([*g["connectors"], "and", "the"]),
        kept_followers=_words(g, "kept_followers"),
        kind_words=_words(g, "kind_words"),
        event_prefixes=_words(g, "event_prefixes"),
        gazetteer=tuple(x["gazetteer"]),
        gazetteer_lower=frozenset(n.lower() for n in x["gazetteer"]),
        scheme_abbreviations=_words(x, "scheme_abbreviations"),
        acronym_stop=_words(x, "acronym_stopwords"),
        honorifics=_words(x, "honorifics"),
        post_titles=tuple(x["post_titles"]),
        awards=_words(x, "award_words"),
        statutes=_words(x, "statute_words"),
        funders=_words(x, "funder_suffixes"),
        venues=_words(x, "venue_words"),
        description_cues=_words(x, "description_cues"),
        first_names=_words(x, "first_names"),
        post_words=_words(x, "post_words"),
        key_dropped=_words(g, "key_dropped_heads"),
        key_stop=_words(g, "key_stopwords"),
        named=named,
        head_at=re.compile(rf"(?<=[ \t\x1f])(?i:{head})(?![\w’'])"),
        name_token=re.compile(rf"{CAP}|(?:{conn}|{kind})|\([A-Z][A-Za-z&]{{1,9}}\)"),
        org_follower=re.compile(rf"[ \t\x1f]+(?i:{_alternatives(g['organisation_followers'])})(?![\w’'])"),
        operation=re.compile(g["operation_pattern"]),
        operation_excluded=_words(g, "operation_excluded"),
        kept_compounds=tuple(g["kept_compounds"]),
        rejected_followers=_words(g, "rejected_followers"),
    )


@lru_cache(maxsize=50_000)
def zipf(word: str) -> float:
    """How common ``word`` is in English (wordfreq's Zipf scale, 0 = unknown)."""
    return zipf_frequency(word.lower(), "en") if word else 0.0


def is_acronym(word: str) -> bool:
    return ACRONYM.fullmatch(word) is not None and any(c.isalpha() for c in word)


def coined(word: str) -> bool:
    """A made-up one-word name: unknown to wordfreq but two common words run
    together ("Gainshare", "Pubwatch", "Speedwatch"). Place names that are
    unknown words ("Whixall") do not split so."""
    w = word.lower()
    if not w.isalpha() or zipf(w) >= 1.0 or len(w) < 6:
        return False
    return any(zipf(w[:i]) >= 3.0 and zipf(w[i:]) >= 3.0 for i in range(3, len(w) - 2))


def distinctive(word: str) -> bool:
    """Can this one word name a scheme before a lower-case head ("KIDVA
    service", "GetSafe project", "Levelling-up funding", "Gainshare funding"),
    where "CCTV scheme" or "Lottery funding" would be generic?"""
    core = word.strip("‘’'“”\"")
    lex = lexicon()
    if core in lex.acronym_stop or core in lex.orgs or core in lex.leading:
        return False
    if is_acronym(core):
        return True
    if re.fullmatch(r"[A-Z][a-z]+[A-Z][A-Za-z]+", core):  # CamelCase: "GetSafe", "StreetSafe"
        return True
    if re.fullmatch(r"[A-Z][a-z]+-[A-Za-z]+", core):  # "Levelling-up"; not "One-off", "Anti-social"
        return min(zipf(part) for part in core.split("-")) < 3.5
    return coined(core)
