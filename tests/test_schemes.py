"""Schemes: the head-noun rule, exclusions, acronyms and canonical keys."""

from __future__ import annotations

import pytest
import spacy
from rule_runs import scheme_names as names
from rule_runs import scheme_pipeline
from spacy.language import Language

import extractors.sentences  # noqa: F401  (registers minutes_sentences)
from extractors.schemes import Found, SchemeFinder, canonical_key, group
from pipeline import store
from pipeline.config import SchemesConfig
from pipeline.store.schemes_link import link_scheme


@pytest.fixture(scope="module")
def nlp() -> Language:
    return scheme_pipeline()


@pytest.mark.parametrize(
    "name",
    [
        "Nominated Neighbour Scheme", "Street Pastors Project", "Respect Programme", "Operation Sceptre",
        "Ask for Angela", "CCTV Capital Fund", "White Ribbon campaign", "Hate Crime Awareness Week",
        "Hotspot Patrols initiative", "DISC Scheme", "Redeployable Camera Scheme", "Lifeline",
    ],
)
def test_named_scheme_is_found_in_a_sentence(nlp: Language, name: str) -> None:
    assert names(nlp, f"Members were updated on the {name} and its results.") == [name]


def test_leading_the_and_possessive_owner_are_not_part_of_the_name(nlp: Language) -> None:
    assert names(nlp, "The Street Pastors Project works well.") == ["Street Pastors Project"]
    assert names(nlp, "the PCC's CCTV Capital Fund paid.") == ["CCTV Capital Fund"]


@pytest.mark.parametrize(
    "text",
    [
        "Members asked about the scheme and the project.",
        "The CCTV upgrade and the CCTV scheme were discussed.",
        "The Serious Violence Duty applies from January.",
        "The North Worcestershire Community Safety Partnership met.",
        "The Safer Redditch Group and the Police Service attended.",
        "The Committee noted its Work Programme.",
        "The Bromsgrove Community Safety Project Officer helped.",
        "On Christmas Day and during Next Week nothing happened.",
        "Key projects and schemes were listed.",
    ],
)
def test_generic_phrases_organisations_and_duties_are_not_schemes(nlp: Language, text: str) -> None:
    assert names(nlp, text) == []


def test_name_cut_off_by_the_end_of_the_text_is_dropped(nlp: Language) -> None:
    assert names(nlp, "It was funded by the Safer Streets Fund") == []


def test_every_mention_is_found_in_any_case(nlp: Language) -> None:
    doc = nlp("The CCTV Capital Fund paid. Later the CCTV capital fund allocations were set.")
    assert len(doc._.schemes) == 2
    assert len({f.canonical for f in doc._.schemes}) == 1


def test_defined_acronym_is_expanded(nlp: Language) -> None:
    doc = nlp(
        "The Multi-Agency Targeted Enforcement Scheme (MATES) started. MATES "
        "Scheme work went well. MATES ended."
    )
    found = [f.name for f in doc._.schemes]
    assert "Multi-Agency Targeted Enforcement Scheme" in found
    assert found.count("Multi-Agency Targeted Enforcement Scheme") == 3


def test_spelling_variants_share_a_canonical_key() -> None:
    assert canonical_key("Nominate a Neighbour Scheme") == canonical_key("Nominated Neighbour Scheme")
    assert canonical_key("Nominated Neighbour") == canonical_key("Nominated Neighbour Scheme")
    assert canonical_key("Street Pastors Project") != canonical_key("Street Angels Project")


def test_grouping_below_cutoff_starts_a_new_scheme() -> None:
    found = [Found(0, 1, "Respect Programme"), Found(2, 3, "Redeployable Camera Scheme")]
    grouped = group(found, scorer="token_sort_ratio", cutoff=88)
    assert grouped[0].canonical != grouped[1].canonical


def test_store_links_near_identical_schemes_across_documents() -> None:
    db = store.connect(":memory:")
    config = SchemesConfig(scorer="token_sort_ratio", cutoff=88)
    first = link_scheme(db, name="Nominated Neighbour Scheme", canonical="", new_id="a", config=config)
    second = link_scheme(db, name="Nominate a Neighbour Scheme", canonical="", new_id="b", config=config)
    third = link_scheme(db, name="Street Pastors Project", canonical="", new_id="c", config=config)
    assert first.created and not second.created
    assert second.scheme_id == first.scheme_id
    assert third.scheme_id == "c"
    (aliases,) = db.execute("select aliases from schemes where id = 'a'").fetchone()
    assert "Nominate a Neighbour Scheme" in aliases


def test_unknown_scorer_is_rejected() -> None:
    with pytest.raises(ValueError):
        SchemeFinder(spacy.blank("en"), scorer="no_such_scorer", cutoff=88)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kent and Medway Business Fund approved loans.", ["Kent and Medway Business Fund"]),
        ("Pubwatch and Street Pastors Project work went well.", ["Pubwatch", "Street Pastors Project"]),
        ("The Pensioner ‘Just Missing Out’ scheme was agreed.", ["Pensioner ‘Just Missing Out’ scheme"]),
        ("It ran a campaign called ‘Release the Pressure’ in May.", ["Release the Pressure"]),
        ("During National Adoption Week a conference was held.", ["National Adoption Week"]),
        ("Feedback came from the CPP Takeover Day in June.", ["CPP Takeover Day"]),
        ("A Clean Air Night was held on 22nd January.", ["Clean Air Night"]),
        ("The PCC allocated Safer Communities funding to NWCSP.", ["Safer Communities funding"]),
        ("KCC’s No Use Empty (NUE) scheme continued.", ["No Use Empty scheme"]),
        ("Work included County Lines – Weeks of Action and patrols.", ["County Lines – Weeks of Action"]),
        ("Staff were offered Family Group Conferencing in time.", ["Family Group Conferencing"]),
        ("The Council Tax Reduction Scheme was reviewed.", ["Council Tax Reduction Scheme"]),
        ("Officers from the Youth Offending Service attended.", ["Youth Offending Service"]),
    ],
)
def test_coordinated_quoted_event_and_funding_names(nlp: Language, text: str, expected: list[str]) -> None:
    assert names(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Draft Capital Programme 2025-35 was approved.",
        "The PENSION FUND and the WORK PROGRAMME were noted.",
        "The ICT reserve would fund the Oracle Cloud program over two years.",
        "The Community Trigger process was explained.",
        "The Pub Watch group operated in the town centre.",
        "The Schools Funding Formula consultation closed.",
        "Council Tax funding and Capital Funding were discussed.",
        "Bonfire Night and St George's Day passed quietly.",
        "The Kent Superannuation Fund and the Kent Pay Scheme were noted.",
        "The Special Educational Needs and Disabilities (SEND) service oversees plans.",
    ],
)
def test_budget_documents_processes_and_bodies_are_not_schemes(nlp: Language, text: str) -> None:
    assert names(nlp, text) == []


def test_shorter_forms_and_bracketed_descriptions_take_the_fullest_name(nlp: Language) -> None:
    doc = nlp("The Devolution Priority Programme began. The Devolution Programme would help. "
              "Ask for Angela (Night Time Economy Safety Campaign) ran. The White Ribbon work went on.\n"
              "The White Ribbon Domestic Abuse Campaign was discussed.")
    found = [(doc.text[f.start:f.end], f.name) for f in doc._.schemes]
    assert found == [
        ("Devolution Priority Programme", "Devolution Priority Programme"),
        ("Devolution Programme", "Devolution Priority Programme"),
        ("Ask for Angela", "Ask for Angela"),
        ("Night Time Economy Safety Campaign", "Ask for Angela"),
        ("White Ribbon", "White Ribbon Domestic Abuse Campaign"),
        ("White Ribbon Domestic Abuse Campaign", "White Ribbon Domestic Abuse Campaign"),
    ]
    assert len({f.canonical for f in doc._.schemes}) == 3


def test_a_different_head_is_a_different_scheme(nlp: Language) -> None:
    doc = nlp("The CCTV Capital Fund paid for the CCTV Scheme upgrade. Both were noted.")
    assert sorted(f.name for f in doc._.schemes) == ["CCTV Capital Fund", "CCTV Scheme"]


def test_head_windows_find_what_the_whole_text_would() -> None:
    import random

    from extractors.schemes.lexicon import lexicon
    from extractors.schemes.names import head_windows

    named = lexicon().named
    words = [
        "The",
        "Safer",
        "Streets",
        "Fund",
        "scheme",
        "Project",
        "and",
        "of",
        "the",
        "iPhone",
        "(NUE)",
        "‘Just",
        "Out’",
        "Day",
        "Week",
        "Officer",
        "\n",
        ",",
        "funding",
        "Kent",
        "Scheme,",
        "Scheme-based",
        "123",
        "a",
        "Service",
        "Manager",
        "Programme",
        "for",
    ]
    rng = random.Random(7)
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(40)).replace(" \n ", "\n")
        whole = [m.span() for m in named.finditer(text)]
        windowed, pos = [], 0
        for start, end in head_windows(text):
            for m in named.finditer(text, max(start, pos), end):
                pos = m.end()
                windowed.append(m.span())
        assert windowed == whole, text
