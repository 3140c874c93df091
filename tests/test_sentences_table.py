"""Follow-through's old sentence splitter and the project's one splitter
(pipeline/text/sentences.py, clause by clause as follow-through reads) run over
every gold document; every sentence start only one of them finds is decided.

The old splitter cut after every full stop followed by a space, so "Cllr.
Smith" and "Mr. Jones" ended sentences and an action's owner was cut off its
evidence. The new one knows abbreviations and initials, and wants a sentence
to open like one."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT, SHARED, need_shared
from legacy_sentences import sentences as old_sentences

from pipeline.load import load
from pipeline.reports.evaluate import default_search_paths, find_document
from pipeline.text.sentences import is_abbreviation, sentences

BULLETS = "•●▪◦■□➢►‣∙·"
#: What a sentence opens with, for the new splitter (pipeline/text/sentences.SENTENCE_END).
OPENER = re.compile(r"[\"'“‘(\[]?[A-Z0-9£•]")
#: A list marker at the start of a line: "a.", "2.", "(iii)", "b)".
ENUMERATOR = re.compile(r"\(?(?:[a-zA-Z]|[ivxIVX]{1,4}|\d{1,3}(?:\.\d{1,3})*)[.)]")


def _text(path: Path) -> str:
    if path.suffix.lower() == ".txt":
        return path.read_text(encoding="utf-8", errors="replace")
    return "\n\n".join(b.text for b in load(path).blocks)


@pytest.fixture(scope="module")
def texts() -> list[tuple[str, str]]:
    need_shared("dev2", "gold")
    out = []
    for gold_dir in (ROOT / "tests" / "gold", SHARED / "dev2" / "gold"):
        roots = [gold_dir.parent, *default_search_paths()]
        for gold_path in sorted(gold_dir.glob("*.gold.json")):
            name = json.loads(gold_path.read_text(encoding="utf-8"))["document"]
            doc = find_document(name, roots)
            assert doc is not None, name
            out.append((name, _text(doc)))
    return out


def decide(text: str, start: int, only_in: str, piece: str) -> str:
    """Why a sentence starts at ``start`` for one splitter only."""
    near = text[max(0, start - 3) : start + 2]
    if any(b in near for b in BULLETS) or text[:start].rstrip(" \t\n\xa0")[-1:] in tuple(BULLETS):
        return "a bullet: the new splitter starts the sentence at the bullet, the old one after it"
    if only_in == "new" and len(piece) < 3:
        return "a piece under three characters: the old splitter dropped it"
    before = text[:start].rstrip()
    if only_in == "old" and before.endswith("."):
        if is_abbreviation(text, len(before) - 1):
            return "an abbreviation, an initial or a number ends no sentence (the fix)"
        if not OPENER.match(text, start):
            return "what follows the full stop does not open a sentence"
    if only_in == "old" and before.endswith(("!", "?")) and not OPENER.match(text, start):
        return "what follows the full stop does not open a sentence"
    if only_in == "new" and re.search(r"[.!?][\"'”’)\]]+$", before):
        return "a sentence ending inside a closing quote or bracket"
    if only_in == "new" and re.search(r"\s[–-]$", before):
        return "a dash between clauses: the clause starts after the dash"
    if only_in == "new" and ENUMERATOR.match(piece):
        return "a list marker stays with its sentence (the old splitter cut it off and dropped it)"
    return "undecided"


@pytest.fixture(scope="module")
def differences(texts: list[tuple[str, str]]) -> list[tuple[str, int, str, str]]:
    out = []
    for name, text in texts:
        old = {s.start: s.text for s in old_sentences(text)}
        new = {s.start: s.text for s in sentences(text, clauses=True)}
        for start in old.keys() ^ new.keys():
            only_in = "old" if start in old else "new"
            piece = (old if start in old else new)[start]
            out.append((name, start, only_in, decide(text, start, only_in, piece)))
    return out


def test_the_documents_hold_enough_sentences_to_judge(texts: list[tuple[str, str]]) -> None:
    assert len(texts) >= 30
    assert sum(1 for _name, text in texts for _ in sentences(text)) > 3000


def test_every_difference_is_decided(
    texts: list[tuple[str, str]], differences: list[tuple[str, int, str, str]]
) -> None:
    by_name = dict(texts)
    undecided = [
        (name, only_in, by_name[name][max(0, start - 40) : start + 40])
        for name, start, only_in, why in differences
        if why == "undecided"
    ]
    assert undecided == []
    counts = Counter(why for *_, why in differences)
    assert counts["an abbreviation, an initial or a number ends no sentence (the fix)"] > 0


def test_an_honorific_no_longer_ends_a_sentence() -> None:
    text = "Cllr. Smith asked Mr. Jones to circulate the map. The Clerk agreed; figures were awaited."
    assert [s.text for s in old_sentences(text)][:2] == ["Cllr.", "Smith asked Mr."]
    assert [s.text for s in sentences(text, clauses=True)] == [
        "Cllr. Smith asked Mr. Jones to circulate the map.",
        "The Clerk agreed;",
        "figures were awaited.",
    ]
