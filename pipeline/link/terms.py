"""The terms of a sentence, for matching an action with its later evidence.

An action and the sentence that closes it seldom share their words: active
against passive ("circulate a plan" / "the map had been circulated"), the
owner named or not, a synonym (map/plan, circulate/send, briefing/session),
an abbreviation (ASB). Each text becomes a bag of terms: lower-cased words,
stemmed, mapped through the lexicon (``lexicon.yaml``: phrases, irregular
forms, synonym groups, stop and role words), each weighed by how rare it is
in English (wordfreq), so "Pubwatch" counts for more than "plan" and a verb
group ("send") for little.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import snowballstemmer  # type: ignore[import-untyped]
import yaml

LEXICON = Path(__file__).with_name("lexicon.yaml")
VERB_WEIGHT = 0.7  # a verb group: what kind of thing was asked, not which
PHRASE_WEIGHT = 3.0  # "asb", "wpl": a named thing
INITIALISM_WEIGHT = 1.5
MIN_WEIGHT, MAX_WEIGHT = 0.6, 4.0

_WORD = re.compile(r"[a-z0-9]+")
_CAPITALISED_RUN = re.compile(r"\b(?:[A-Z][a-z]+(?:\s+(?:of|&)\s+|\s+)){1,5}[A-Z][a-z]+\b")
# three capitalised words in a row, which initialisms() needs: a quick scan that
# rules out most sentences before the run pattern tries every capital
_THREE_CAPITALISED = re.compile(r"[A-Z][a-z]+\s+(?:(?:of|&)\s+)?[A-Z][a-z]+\s+(?:(?:of|&)\s+)?[A-Z][a-z]")

Terms = dict[str, float]  # term -> weight


@dataclass(frozen=True)
class Lexicon:
    phrase_starts: dict[
        str, tuple[tuple[tuple[str, ...], str], ...]
    ]  # first word -> (words, term), longest first
    phrase_terms: frozenset[str]
    irregular: dict[str, str]  # surface -> base form
    group_of: dict[str, str]  # stem -> group term
    verbs: frozenset[str]  # group terms that are verbs
    stop: frozenset[str]
    roles: frozenset[str]
    generic_titles: tuple[str, ...] = ()
    contrast_of: dict[str, int] = field(
        default_factory=dict
    )  # term -> its contrast set ("summer" / "winter")


_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return str(_STEMMER.stemWord(word))


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    data = yaml.safe_load(Path(path or LEXICON).read_text(encoding="utf-8"))
    starts: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for term, variants in data["phrases"].items():
        for v in variants:
            words = tuple(_WORD.findall(v.lower()))
            starts.setdefault(words[0], []).append((words, term))
    phrase_starts = {w: tuple(sorted(ps, key=lambda p: -len(p[0]))) for w, ps in starts.items()}
    irregular = {form: base for base, forms in data["irregular"].items() for form in forms}
    group_of: dict[str, str] = {}
    verbs = set()
    for name, spec in data["groups"].items():
        for word in spec["words"]:
            group_of[stem(_flat(word))] = name
        if spec.get("verb"):
            verbs.add(name)
    return Lexicon(
        phrase_starts, frozenset(t for ps in phrase_starts.values() for _w, t in ps), irregular, group_of,
        frozenset(verbs), frozenset(data["stop"].split()), frozenset(data["roles"].split()),
        tuple(_flat(t) for t in data.get("generic_titles", ())),
        {stem(w): n for n, words in enumerate(data.get("contrasts", ())) for w in words},
    )


def _flat(text: str) -> str:
    """A lexicon word as the tokeniser sees it ("e-mail" -> "e mail")."""
    return " ".join(_WORD.findall(text.lower()))


@lru_cache(maxsize=100_000)
def _word_weight(word: str) -> float:
    # wordfreq loads its word lists on import (~0.1 s): only a run that links pays for it,
    # not a read command that merely imports the link package (`minutes stats`).
    from wordfreq import zipf_frequency

    return min(MAX_WEIGHT, max(MIN_WEIGHT, 7.0 - zipf_frequency(word, "en")))


class Termer:
    """Turns text into weighted terms with one lexicon (cached per word)."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lex = lexicon or load_lexicon()
        self._word: dict[str, tuple[str, float] | None] = {}

    def word(self, surface: str) -> tuple[str, float] | None:
        """(term, weight) for one lower-case word, or None for a stop word."""
        if surface in self._word:
            return self._word[surface]
        lex = self.lex
        out: tuple[str, float] | None = None
        if surface in lex.phrase_terms and stem(surface) not in lex.group_of:
            out = (surface, PHRASE_WEIGHT)
        elif (
            surface not in lex.stop
            and surface not in lex.roles
            and not surface.isdigit()
            and len(surface) > 1
        ):
            base = lex.irregular.get(surface, surface)
            stemmed = stem(base)
            group = lex.group_of.get(stemmed) or lex.group_of.get(stem(surface))
            if group in lex.verbs:
                out = (group, VERB_WEIGHT)
            elif group:
                out = (group, _word_weight(group))
            elif any(c.isdigit() for c in surface):
                out = (surface, INITIALISM_WEIGHT)  # "a38", "cr12": a road, a reference
            else:
                out = (stemmed, _word_weight(surface))
        self._word[surface] = out
        return out

    def terms(
        self, text: str, *, drop: frozenset[str] = frozenset(), words: list[str] | None = None
    ) -> Terms:
        """Weighted terms of ``text``; words in ``drop`` (e.g. the owner's) are left out.
        ``words``: ``text``'s lower-cased words, when the caller has them already."""
        out: Terms = {}
        cache, starts = self._word, self.lex.phrase_starts
        if words is None:
            words = _WORD.findall(text.lower())
        i, n = 0, len(words)
        while i < n:
            surface = words[i]
            i += 1
            if surface in starts:
                for seq, term in starts[surface]:
                    if tuple(words[i - 1 : i - 1 + len(seq)]) == seq:
                        surface, i = term, i - 1 + len(seq)
                        break
            if surface in drop:
                continue
            found = cache[surface] if surface in cache else self.word(surface)
            if found is not None and found[1] > out.get(found[0], 0.0):
                out[found[0]] = found[1]
        for initials in self.initialisms(text):
            out.setdefault(initials, INITIALISM_WEIGHT)
        return out

    def initialisms(self, text: str) -> list[str]:
        """"East Bristol Liveable Neighbourhood" also reads as "ebln" (3+ letters,
        no role words: "Community Safety Manager" is an owner, not a subject)."""
        out: list[str] = []
        if not _THREE_CAPITALISED.search(text):
            return out
        for m in _CAPITALISED_RUN.finditer(text):
            words = [w for w in m.group(0).split() if w[0].isupper()]
            if len(words) >= 3 and not any(w.lower() in self.lex.roles for w in words) and words[0] != "The":
                out.append("".join(w[0] for w in words).lower())
        return out

    def is_generic_title(self, title: str) -> bool:
        """"Public Forum", "Apologies for Absence and Substitutions": no subject."""
        flat = _flat(title)
        return any(flat == t or flat.startswith(t + " ") for t in self.lex.generic_titles)

    def owner_words(self, owner: str | None) -> frozenset[str]:
        """The owner's own words, to leave out of the action's terms."""
        return frozenset(_WORD.findall((owner or "").lower()))


@lru_cache(maxsize=4)
def termer_for(path: str | None = None) -> Termer:
    return Termer(load_lexicon(path))
