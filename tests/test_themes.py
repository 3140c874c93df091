"""Themes: built from config, acronyms exact, phrases case-insensitive."""

from __future__ import annotations

import json
from pathlib import Path

import spacy
from click.testing import CliRunner

import extractors.sentences  # noqa: F401  (registers minutes_sentences)
from extractors.themes import ThemeIndex, title_span
from pipeline.cli import main
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
    nlp = tagger(
        [{"name": "knives", "patterns": [[{"LOWER": "knife"}, {"LOWER": {"IN": ["crime", "arches"]}}]]}]
    )
    assert labels(nlp("Knife arches were deployed.")) == ["knives"]


def test_a_theme_added_to_config_is_picked_up_without_code_changes() -> None:
    base = load_config()
    from dataclasses import replace

    config = replace(base, themes=(*base.themes, ThemeConfig(name="road safety", phrases=("speeding",))))
    nlp = build_nlp(config)
    assert "road safety" in labels(nlp("Speeding on the high street was raised."))
    assert nlp_for_config(base) is nlp_for_config(base)


def test_project_taxonomy_covers_the_whole_of_council_business() -> None:
    themes = {t.name: t for t in load_config().themes}
    assert {"housing", "planning", "finance and budget", "transport and highways", "environment and climate",
            "children and education", "adult social care and health", "community safety",
            "economy and regeneration", "leisure and culture", "governance and democracy"} <= set(themes)
    # the community-safety taxonomy lives on as its sub-themes
    for sub in (
        "anti-social behaviour",
        "domestic abuse",
        "serious violence",
        "hate crime",
        "CCTV and surveillance",
        "drugs and county lines",
        "exploitation and safeguarding",
        "shoplifting and neighbourhood crime",
    ):
        assert themes[sub].parent == "community safety", sub
    assert all(t.parent is None or t.parent in themes for t in themes.values())


def test_index_widens_to_the_sentence() -> None:
    nlp = tagger([{"name": "cctv", "phrases": ["CCTV"]}, {"name": "da", "phrases": ["domestic abuse"]}])
    text = "The CCTV scheme was noted and it be extended. Domestic abuse was next."
    index = ThemeIndex(nlp(text))
    start = text.index("it be extended")
    assert index.around(start, start + 14) == ("cctv",)
    assert index.within(0, len(text)) == ("cctv", "da")


def test_a_sub_theme_carries_its_theme() -> None:
    nlp = tagger([{"name": "safety", "phrases": ["crime"]},
                  {"name": "cctv", "parent": "safety", "phrases": ["CCTV"]}])
    assert labels(nlp("New CCTV cameras.")) == ["safety", "cctv"]


def test_title_phrases_count_only_in_titles() -> None:
    nlp = tagger([{"name": "planning", "phrases": ["planning application"], "title_phrases": ["planning"]}])
    text = "Planning\n\nThe planning meeting was moved. A planning application was refused."
    doc = nlp(text)
    index = ThemeIndex(doc)
    moved = text.index("The planning meeting")
    assert index.own(moved, moved + 20) == ()
    assert index.title(text, 0, len(text), "Planning") == ("planning",)
    refused = text.index("A planning application")
    assert index.own(refused, refused + 10) == ("planning",)


def test_a_theme_word_in_a_job_title_is_no_cue_in_a_sentence() -> None:
    nlp = tagger([{"name": "health", "phrases": ["public health"]},
                  {"name": "housing", "phrases": ["housing"]}])
    text = ("Report of the Director of Public Health\n\n"
            "The Director of Public Health agreed to circulate the dates. "
            "A grant came from the Ministry of Housing, Communities and Local Government. "
            "Public health funding was agreed.")
    index = ThemeIndex(nlp(text))
    for needle in ("The Director of Public Health agreed", "A grant came from"):
        start = text.index(needle)
        assert index.own(start, start + len(needle)) == (), needle
    start = text.index("Public health funding")
    assert index.own(start, start + 10) == ("health",)
    # in an item's title a job title still says what the item is about
    assert index.title(text, 0, len(text), "Report of the Director of Public Health") == ("health",)


def test_a_fact_takes_its_own_sentence_and_its_title_not_the_whole_item() -> None:
    nlp = tagger([{"name": "finance", "phrases": ["budget", "overspend"]},
                  {"name": "transport", "phrases": ["bus route"]},
                  {"name": "housing", "phrases": ["homelessness"]}])
    text = ("Budget Monitoring Report\n\nA member asked about the bus route to the depot. "
            "It was agreed that the figures be noted. Homelessness was raised later.")
    index = ThemeIndex(nlp(text))
    title = index.title(text, 0, len(text), "Budget Monitoring Report")
    start = text.index("the figures be noted")
    assert index.fact(start, start + 20, title) == ("finance",)
    start = text.index("Homelessness")
    assert index.fact(start, start + 12, title) == ("housing", "finance")


def test_title_span_finds_a_title_broken_over_lines() -> None:
    text = "7 Opportunities to promote walking through a review\nof footway repairs\n\nThe Committee..."
    assert title_span(
        text, 0, len(text), "Opportunities to promote walking through a review of footway repairs"
    ) == (2, text.index("\n\n"))
    assert title_span(text, 0, len(text), "Something else") is None
    assert title_span(text, 0, len(text), None) is None


MINUTES = """Minutes of the Community Panel held on 12 March 2024

1. Budget Monitoring Report

The Head of Finance presented the quarter three position. A member asked whether the bus route \
past the leisure
centre would be affected, and was told it would not.

RESOLVED that the forecast overspend of £120,000 be noted.

2. Parks and Open Spaces

The Panel discussed the condition of the play area on Mill Lane.

RESOLVED that officers repair the play equipment before the summer.

3. Any Other Business

The Director of Public Health agreed to circulate the dates of the next workshop.

RESOLVED that a report on homelessness be brought to the next meeting.
"""


def test_ingested_facts_take_themes_from_their_sentence_and_title(tmp_path: Path) -> None:
    """End to end on invented minutes: an item about the budget that mentions
    a bus route and a leisure centre once is not about transport or leisure,
    and neither are its decisions; `minutes themes` counts; an unknown theme
    is exit 2 listing the known ones."""
    path = tmp_path / "panel.txt"
    path.write_text(MINUTES, encoding="utf-8")
    db = str(tmp_path / "themes.db")
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(path), "--db", db, "--council", "Invented Council",
                                  "--committee", "Community Panel", "--date", "2024-03-12", "-q"])
    assert result.exit_code == 0, result.stderr

    def listed(*args: str) -> list[dict]:
        done = runner.invoke(main, [*args, "--db", db, "--json"])
        assert done.exit_code == 0, done.stderr
        return json.loads(done.stdout)

    themes = {r["text"]: r["themes"] for r in listed("resolutions")}
    assert themes == {
        "the forecast overspend of £120,000 be noted": ["finance and budget"],
        "officers repair the play equipment before the summer": ["leisure and culture"],
        "a report on homelessness be brought to the next meeting": ["housing"],
    }
    (action,) = listed("actions")
    assert action["themes"] == []  # "Public Health" is the officer's title here, not the subject
    assert [a["raw"] for a in listed("amounts", "--theme", "Finance and Budget")] == ["£120,000"]
    assert listed("resolutions", "--theme", "transport and highways") == []
    counts = {r["theme"]: r for r in listed("themes")}
    assert counts["finance and budget"]["resolutions"] == 1 and counts["finance and budget"]["amounts"] == 1
    assert counts["anti-social behaviour"]["parent"] == "community safety"
    assert counts["housing"]["items"] == 0 and counts["leisure and culture"]["items"] == 1

    unknown = runner.invoke(main, ["actions", "--theme", "parking meters", "--db", db])
    assert unknown.exit_code == 2 and unknown.stdout == ""
    (line,) = unknown.stderr.strip().splitlines()
    assert (
        "unknown theme 'parking meters'" in line and "housing" in line and "governance and democracy" in line
    )


def test_the_approval_of_a_committees_minutes_is_not_about_what_the_committee_does() -> None:
    nlp = tagger([{"name": "planning", "phrases": ["planning committee", "planning application"]}])
    text = ("MINUTES OF THE PLANNING COMMITTEE MEETING HELD ON 3 MAY\n\n"
            "The minutes of the Planning Committee be confirmed. The Planning Committee refused the planning "
            "application.")
    index = ThemeIndex(nlp(text))
    assert index.title(text, 0, len(text), "MINUTES OF THE PLANNING COMMITTEE MEETING HELD ON 3 MAY") == ()
    start = text.index("The minutes of")
    assert index.own(start, start + 30) == ()
    start = text.index("The Planning Committee refused")
    assert index.own(start, start + 30) == ("planning",)


def test_the_national_budget_is_not_the_councils() -> None:
    nlp = tagger([{"name": "finance", "phrases": ["budget"]}])
    text = "Members opposed the tax change in the Government’s October Budget. The budget was set."
    index = ThemeIndex(nlp(text))
    assert index.own(0, 10) == ()
    start = text.index("The budget")
    assert index.own(start, start + 10) == ("finance",)


def test_a_full_stop_ends_the_facts_sentence_even_when_the_splitter_missed_it() -> None:
    nlp = tagger(
        [{"name": "transport", "phrases": ["bus stops"]}, {"name": "finance", "phrases": ["funding"]}]
    )
    text = (
        "DH agreed to explore costs and funding options.  Bus Timetable Information: new boards at bus stops."
    )
    doc = nlp.make_doc(text)
    for token in doc:  # one sentence, as a splitter that missed the boundary would give
        token.is_sent_start = token.i == 0
    index = ThemeIndex(nlp.get_pipe("minutes_themes")(doc))
    assert index.own(0, text.index(".")) == ("finance",)
