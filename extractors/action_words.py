"""The words the actions extractor reads by: cues, verb lists, due phrases, noun phrases.

Cue patterns are in ``patterns/action_cues.jsonl``, verb and noun lists in
``patterns/action_verbs.jsonl`` and due-date phrases in
``patterns/action_due.jsonl``; this module loads and compiles them once.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .clauses import alternation, load_jsonl, word_list

VERBS = "action_verbs.jsonl"

#: A named party: "Mr Green", "the Community Safety Manager", "PC Arnold", "Ross Jago".
NP = (
    r"(?:(?:the|The)\s+)?(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|PC|Inspector|Chief\s+Inspector|Sgt)\.?\s+)?"
    r"[A-Z][\w’'\-]*(?:\s+(?:of\s+the\s+|of\s+|for\s+|and\s+|&\s+)?[A-Z][\w’'\-]*){0,6}"
    r"(?:\s+(?:officers?|members?|team|manager|staff|representatives?|colleagues))?"
)
ROLE = r"[Tt]he\s+(?:vice[- ])?(?:chair\w*|clerk|officer|manager|director|leader|lead\s+officer)"
#: Words that make a noun phrase a person or a working group rather than a thing.
PERSON = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|PC|Inspector)\b|\b(?:officers?|chair\w*|manager|director|clerk|head|lead|leader|"
    r"co-?ordinator|team|inspector|commissioner|advis[eo]r|representatives?|"
    + alternation(word_list(VERBS, "party_nouns"))
    + r")\b",
    re.IGNORECASE,
)
#: A past participle, regular or one of the common irregular ones ("brought back", "sent", "kept").
PARTICIPLE = (
    r"(?:\w+(?:ed|en|wn|nt|pt)|brought|bought|sought|caught|made|kept|sent|given|taken|done|put|set|cut|shown|read|met|"
    r"told|held|led|paid|laid|built|sold|found|dealt|left|lost)"
)
#: A person's name or initials as minutes write them: "Kelechi", "Jonathan Kempster", "Cllr Muir", "HL",
#: "KC/GD".
NAMED = re.compile(
    r"(?!(?:The|This|These|That|Those|It|Its|A|An|All|Any|Each|Their|Our|Some|No|He|She|They|We|You|There|Here|How|What|When|Where|Why|Who|Whether|If|Nothing|None|Not|Please|Dear|Items?|Members?|Council|Committee|Board|Panel|Cabinet)\b)"
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+)?[A-Z][a-z’'\-]+(?:\s+[A-Z][a-z’'\-]+){0,2}"
    r"|(?:Cllrs?|Councillors)\.?\s+[A-Z][a-z’'\-]+(?:\s*(?:,|and|&)\s*[A-Z][a-z’'\-]+)*"
    r"|[A-Z]{2,4}(?:\s*(?:/|&|and)\s*[A-Z]{2,4})*"
)
BODY_NOUN = re.compile(
    r"\b(?:committee|sub-committee|panel|board|cabinet|council|group|partnership|forum)\b", re.IGNORECASE
)


@lru_cache(maxsize=1)
def cue_rows() -> tuple[dict[str, Any], ...]:
    return tuple(load_jsonl("action_cues.jsonl", frozenset({"kind", "pattern"})))


@lru_cache(maxsize=1)
def verb_rx() -> dict[str, re.Pattern[str]]:
    """Compiled verb alternations by kind."""
    out = {}
    for kind in ("active", "delivery_passive", "reporting", "requesters"):
        out[kind] = re.compile(rf"(?:{alternation(word_list(VERBS, kind))})\b", re.IGNORECASE)
    return out


@lru_cache(maxsize=1)
def due_rx() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(due phrases, phrases that are not dues) from ``action_due.jsonl``."""
    rows = load_jsonl("action_due.jsonl", frozenset({"kind", "regex"}))
    due = "|".join(f"(?:{r['regex']})" for r in rows if r["kind"] == "due")
    not_due = "|".join(f"(?:{r['regex']})" for r in rows if r["kind"] == "not_due")
    return re.compile(due, re.IGNORECASE), re.compile(not_due, re.IGNORECASE)


def find_due(text: str) -> str | None:
    """The deadline or target meeting as written, or None ("in due course" is none)."""
    due, _not_due = due_rx()
    m = due.search(text)
    if m is None:
        return None
    found = m.group().strip(" ,.")
    return (
        re.sub(r"^(?:by|before|within|to|at|in|on|until|during)\s+", "", found, flags=re.IGNORECASE)
        if found.lower().startswith(("to ", "at "))
        else found
    )


def is_party(phrase: str, text: str | None = None) -> bool:
    """Does ``phrase`` name someone who can act (a person, officer, role, team or initials)?

    A lone capitalised word ("Kelechi", but also "Funding" at a sentence start) counts as a
    name only when ``text`` never writes it in lower case."""
    phrase = " ".join(phrase.split())
    if PERSON.search(phrase):
        return True
    if NAMED.fullmatch(phrase) is None:
        return False
    if text is not None and re.fullmatch(r"[A-Z][a-z’'\-]+", phrase):
        return re.search(rf"(?<![\w-]){re.escape(phrase.lower())}(?![\w-])", text) is None
    return True


@lru_cache(maxsize=1)
def info_noun_rx() -> re.Pattern[str]:
    """A subject that is something to be handed over ("a note", "the results", "copies")."""
    return re.compile(rf"\b(?:{alternation(word_list(VERBS, 'info_nouns'))})$", re.IGNORECASE)
