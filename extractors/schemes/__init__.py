"""Schemes: named schemes, projects, programmes, campaigns, funds, grants,
operations, services and awareness weeks (GOLD-GUIDE.md, "Schemes").

Finding names (every rule reads ``patterns/schemes.json`` and
``patterns/scheme_lexicon.json``):
* ``names``: a run of name words ending in a head ("Nominated Neighbour
  Scheme", "KIDVA service", "Melrose Common Good Fund");
* ``forms``, ``anchored``, ``lists``: quoted names, "Operation X", bids, business cases, what an award
  is for, described services, funding abbreviations;
* a gazetteer of well-known names written without a head ("Ask for Angela"),
  unless it names a body ("the Pub Watch group");
* ``guards``: what such a run can be instead (posts, bodies, departments,
  people, statutes, budget codes, names cut off by the excerpt's end).
Then ``mentions`` searches every name again and writes acronyms out, and
``identity`` gives each scheme its fullest name and a canonical key that
``pipeline/schemes_link.py`` compares across documents.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from pipeline.records import Fact, SchemeMention
from pipeline.text.fuzzy import scorer_for

from ..found_spans import set_found_spans
from ..sentences import doc_text
from .forms import other_forms
from .identity import canonical_key, consolidate, group
from .lexicon import coined, lexicon
from .mentions import acronyms, all_mentions, dedupe, with_expansions
from .names import Found, head_names, wrapped_view

__all__ = [
    "Found",
    "SchemeFinder",
    "canonical_key",
    "find_names",
    "find_schemes",
    "group",
    "schemes",
]

KEY = "schemes"


def find_names(text: str) -> list[Found]:
    """Scheme names by the head-noun rule and the other forms (no gazetteer,
    no grouping); ``text`` is the document text."""
    view = wrapped_view(text)
    return head_names(view) + other_forms(view)


def _distinct_in_lower_case(name: str) -> bool:
    words = name.split()
    lex = lexicon()
    return words[-1].lower() in lex.heads_lower or (len(words) == 1 and coined(words[0]))


def _gazetteer_matches(doc: Doc, matcher: PhraseMatcher, text: str) -> list[Found]:
    """Well-known names, except where they name a body ("the Pub Watch group")."""
    follower = lexicon().org_follower
    out = []
    for _, s, e in matcher(doc):
        start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
        if follower.match(text, end):
            continue
        out.append(Found(start, end, text[start:end]))
    return out


def find_schemes(doc: Doc, gazetteer: PhraseMatcher, *, scorer: str, cutoff: float) -> list[Found]:
    text = doc_text(doc)
    defined = acronyms(text)
    names = find_names(text) + _gazetteer_matches(doc, gazetteer, text)
    mentions = dedupe(all_mentions(text, names, defined), text)
    mentions = consolidate(with_expansions(mentions, defined, text), text)
    return group(mentions, scorer=scorer, cutoff=cutoff)


if not Doc.has_extension("schemes"):
    Doc.set_extension("schemes", default=None)


@Language.factory(
    "minutes_schemes",
    assigns=["doc.spans", "doc._.schemes"],
    default_config={"scorer": "token_sort_ratio", "cutoff": 88.0},
)
def make_schemes(nlp: Language, name: str, scorer: str, cutoff: float) -> SchemeFinder:
    return SchemeFinder(nlp, scorer=scorer, cutoff=cutoff)


class SchemeFinder:
    """Writes ``doc.spans["schemes"]`` (label = canonical key) and ``doc._.schemes``."""

    def __init__(self, nlp: Language, *, scorer: str, cutoff: float) -> None:
        scorer_for(scorer, setting="schemes.scorer")
        self.scorer, self.cutoff = scorer, cutoff
        lex = lexicon()
        self.gazetteer = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.gazetteer.add("SCHEME", [nlp.make_doc(n) for n in lex.gazetteer])
        # in lower case too where that cannot be an ordinary phrase: a name
        # ending in a head or a coined word ("neighbourhood watch", "pubwatch";
        # not "safer roads", "help to buy")
        self.gazetteer.add(
            "SCHEME", [nlp.make_doc(n.lower()) for n in lex.gazetteer if _distinct_in_lower_case(n)]
        )

    def __call__(self, doc: Doc) -> Doc:
        found = find_schemes(doc, self.gazetteer, scorer=self.scorer, cutoff=self.cutoff)
        set_found_spans(doc, KEY, None, found, lambda f: f.canonical)
        doc._.schemes = tuple(found)
        return doc


def schemes(doc: Doc, *, fact: Callable[[int, int], Fact]) -> list[SchemeMention]:
    """SchemeMention records for the mentions the component found."""
    return [SchemeMention(fact(f.start, f.end), f.name, f.canonical) for f in (doc._.schemes or ())]
