"""The extract stage on the seeds: provenance, money and schemes end to end."""

from __future__ import annotations

import itertools

import pytest
from conftest import seed_path

from pipeline import store
from pipeline.clean import clean
from pipeline.config import load_config
from pipeline.extract import extract
from pipeline.load import load
from pipeline.records import CleanDocument, Extraction, ProcessedDocument
from pipeline.segment import segment
from pipeline.text.sentences import sentence_starts

CONFIG = load_config()


def seed(prefix: str) -> CleanDocument:
    return clean(load(str(seed_path(prefix))), config=CONFIG.clean)


@pytest.fixture(scope="module")
def extracted() -> dict[str, tuple[CleanDocument, tuple, Extraction]]:
    out = {}
    for prefix in ("000", "001", "002", "003", "004"):
        doc = seed(prefix)
        items = segment(doc)
        out[prefix] = (doc, items, extract(doc, items, config=CONFIG))
    return out


def test_seed_001_amounts(extracted) -> None:  # type: ignore[no-untyped-def]
    _, _, ex = extracted["001"]
    assert [(a.raw, a.value_gbp) for a in ex.amounts] == [
        ("£195,000", 195000), ("£130k", 130000), ("£20,000", 20000), ("£139,250", 139250)
    ]
    assert all(a.suspect is None for a in ex.amounts)


def test_seed_000_thousands_typo_is_suspect(extracted) -> None:  # type: ignore[no-untyped-def]
    _, _, ex = extracted["000"]
    (typo,) = [a for a in ex.amounts if a.raw == "£139,250k"]
    assert typo.value_gbp == 139_250_000 and typo.suspect


def test_every_fact_text_is_the_source_slice(extracted) -> None:  # type: ignore[no-untyped-def]
    for doc, items, ex in extracted.values():
        for rec in (*ex.amounts, *ex.schemes, *ex.resolutions, *ex.actions):
            assert doc.text[rec.fact.start_char : rec.fact.end_char] == rec.fact.text
            if rec.fact.item_ordinal is not None:
                item = next(i for i in items if i.ordinal == rec.fact.item_ordinal)
                assert item.start_char <= rec.fact.start_char < item.end_char


def test_item_themes_cover_every_item(extracted) -> None:  # type: ignore[no-untyped-def]
    _doc, items, ex = extracted["004"]
    assert [o for o, _ in ex.item_themes] == sorted(i.ordinal for i in items)
    themes = dict(ex.item_themes)
    # an item's themes come from its title: "County Lines Drug Activity - ..."; "Apologies ..." has none
    titled = {i.title: themes[i.ordinal] for i in items}
    assert (
        "drugs and county lines" in titled["County Lines Drug Activity - An update on Prevention Strategies"]
    )
    assert titled["Apologies and Named Substitutes"] == ()


def test_nominated_neighbour_is_one_scheme_across_seeds(extracted) -> None:  # type: ignore[no-untyped-def]
    db = store.connect(":memory:")
    for doc, items, ex in extracted.values():
        store.save_document(db, ProcessedDocument(doc, items, ex))
    rows = db.execute(
        "select distinct m.scheme_id, m.document_id from scheme_mentions m where "
        "lower(m.name) like 'nominate%neighbour%'"
    ).fetchall()
    assert len({r[0] for r in rows}) == 1
    docs = {r[1] for r in rows}
    expected = {extracted[p][0].source.doc_id for p in ("001", "002", "003")}
    assert expected <= docs


def test_white_space_only_document_gives_nothing() -> None:
    doc = seed("002")
    from dataclasses import replace

    empty = replace(doc, text="   ", blocks=())
    assert extract(empty, (), config=CONFIG) == Extraction()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cllr. Smith spoke. Minute No. 4 was agreed, e.g. by all.",
            ["Cllr. Smith spoke. ", "Minute No. 4 was agreed, e.g. by all."],
        ),
        ("Heading\n\nbody text here", ["Heading\n\n", "body text here"]),
        ("Actions:\n• first thing\n• second thing", ["Actions:\n", "• first thing\n", "• second thing"]),
        ("It rose. The Panel noted it.", ["It rose. ", "The Panel noted it."]),
    ],
)
def test_sentence_starts(text: str, expected: list[str]) -> None:
    starts = sentence_starts(text) + [len(text)]
    assert [text[a:b] for a, b in itertools.pairwise(starts)] == expected
