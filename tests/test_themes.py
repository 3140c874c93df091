"""Themes: built from config, acronyms exact, phrases case-insensitive."""

from __future__ import annotations

import spacy

import extractors.sentences  # noqa: F401  (registers minutes_sentences)
from extractors.themes import ThemeIndex
from pipeline.config import ThemeConfig, load_config
from pipeline.extract.nlp import build_nlp, nlp_for_config


def tagger(themes: list[dict]) -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("minutes_sentences")
    nlp.add_pipe("minutes_themes", config={"themes": themes})
    return nlp


def labels(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.label_ for s in doc.spans["themes"]]


def test_phrases_match_any_case_and_acronyms_only_exactly() -> None:
    nlp = tagger([{"name": "asb", "phrases": ["anti-social behaviour", "ASB"]}])
    assert labels(nlp("Anti-Social Behaviour rose; ASB is down.")) == ["asb", "asb"]
    assert labels(nlp("the word asb in lower case")) == []


def test_token_patterns_from_config_are_used() -> None:
    nlp = tagger([{"name": "knives", "patterns": [[{"LOWER": "knife"}, {"LOWER": {"IN": ["crime", "arches"]}}]]}])
    assert labels(nlp("Knife arches were deployed.")) == ["knives"]


def test_a_theme_added_to_config_is_picked_up_without_code_changes() -> None:
    base = load_config()
    from dataclasses import replace

    config = replace(base, themes=(*base.themes, ThemeConfig(name="road safety", phrases=("speeding",))))
    nlp = build_nlp(config)
    assert "road safety" in labels(nlp("Speeding on the high street was raised."))
    assert nlp_for_config(base) is nlp_for_config(base)


def test_project_taxonomy_covers_the_brief() -> None:
    names = {t.name for t in load_config().themes}
    assert {"anti-social behaviour", "domestic abuse", "serious violence", "hate crime", "CCTV and surveillance",
            "drugs and county lines", "exploitation and safeguarding", "funding and grants", "governance",
            "shoplifting and neighbourhood crime"} <= names


def test_index_widens_to_the_sentence() -> None:
    nlp = tagger([{"name": "cctv", "phrases": ["CCTV"]}, {"name": "da", "phrases": ["domestic abuse"]}])
    text = "The CCTV scheme was noted and it be extended. Domestic abuse was next."
    index = ThemeIndex(nlp(text))
    start = text.index("it be extended")
    assert index.around(start, start + 14) == ("cctv",)
    assert index.within(0, len(text)) == ("cctv", "da")
