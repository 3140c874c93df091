"""Segmentation on real documents: item numbers as printed and exact offsets."""

from __future__ import annotations

import pytest
from conftest import SEED_TEXTS, seed_path, shared_files

from pipeline.clean import clean
from pipeline.load import load
from pipeline.records import Block, LoadedDocument
from pipeline.segment import segment

#: The seeds (always there) and, when ../shared is beside the project, its council pages.
TEXTS = SEED_TEXTS + shared_files("corpus/pages", "*.txt")


def items_of(path):
    doc = clean(load(path))
    return doc, segment(doc)


def assert_exact(doc, items):
    for ordinal, item in enumerate(items):
        assert item.text == doc.text[item.start_char : item.end_char]
        assert item.ordinal == ordinal
        assert item.text.strip() == item.text
    starts = [i.start_char for i in items]
    assert starts == sorted(starts)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_every_text_document_segments_with_exact_offsets(path):
    doc, items = items_of(path)
    assert items
    assert_exact(doc, items)
    assert not any("<AI" in i.text for i in items)


def test_seed_004_has_exactly_five_items():
    _doc, items = items_of(seed_path("004"))
    assert [i.number for i in items] == ["1", "2", "3", "4", "5"]
    assert "view the full minutes text for item 5" in items[4].text


def test_meeting_header_is_not_an_item(shared_corpus):
    _doc, items = items_of(shared_corpus / "pages" / "coventry_ieListDocuments_MId11774.txt")
    assert [i.number for i in items] == ["39", "40", "41", "42"]
    assert "Venue:" not in items[0].text
    assert items[0].text.startswith("39.")


def test_document_without_items_is_one_unnumbered_item(shared_corpus):
    _doc, items = items_of(shared_corpus / "pages" / "cityoflondon_mgAi_66092.txt")
    (item,) = items
    assert item.number is None
    assert "To consider the draft strategy" in item.text  # its numbered list did not become items


def test_kent_cabinet_items_use_minute_numbers(shared_corpus):
    doc, items = items_of(shared_corpus / "pdf" / "kent_cc_cabinet_2025-01-30_printed_minutes.pdf")
    assert [i.number for i in items] == [str(n) for n in range(84, 93)]
    assert items[4].title.startswith("24/00108 - Revenue and Capital Budget Monitoring Report")
    assert items[4].page_start is not None and items[4].page_end >= items[4].page_start
    assert_exact(doc, items)


def test_kent_panel_without_minute_numbers_uses_agenda_numbers(shared_corpus):
    doc, items = items_of(shared_corpus / "pdf" / "kent_cc_cpp_2024-10-29_minutes.pdf")
    assert [i.number for i in items] == [str(n) for n in range(1, 13)]
    assert items[0].title == "Apologies and Substitutes"
    assert items[8].title == "The Joint Housing Protocol for Care Leavers"
    assert_exact(doc, items)


def test_contents_page_is_not_taken_for_minutes(shared_corpus):
    _doc, items = items_of(
        shared_corpus / "pdf" / "merton_audit_committee_2009-10-22_agenda_with_minutes_2009-09-24.pdf"
    )
    assert [i.number for i in items] == ["1", "2", "3", "4", "5", "6", "7"]
    assert items[0].title == "DECLARATIONS OF INTEREST"
    assert items[0].page_start == 3


def _doc(text: str):
    return clean(LoadedDocument("id", "x.txt", "text", tuple(Block(p) for p in text.split("\n\n"))))


def test_numbered_paragraphs_inside_an_item_are_not_items():
    text = (
        "MINUTES of the meeting\n\n"
        "12. Budget Monitoring Report\n\n"
        "1. The Director introduced the report on the budget position for the year.\n\n"
        "2. Members Asked About Reserves\n\nThe answer was given.\n\n"
        "13. Work Programme\n\nThe work programme was noted."
    )
    doc = _doc(text)
    items = segment(doc)
    assert [i.number for i in items] == ["12", "13"]
    assert_exact(doc, items)


@pytest.mark.parametrize(
    "first, second, number",
    [
        ("39/20 Apologies", "40/20 Minutes", "39/20"),
        ("14.CTV.1 Apologies", "14.CTV.2 Minutes", "14.CTV.1"),
        ("* O&S 95 Apologies", "* O&S 96 Minutes", "O&S 95"),
        ("Item 64 Apologies", "Item 65 Minutes", "64"),
    ],
)
def test_numbering_styles(first, second, number):
    doc = _doc(f"Header\n\n{first}\n\nNone were received.\n\n{second}\n\nApproved as a correct record.")
    items = segment(doc)
    assert next(i.number for i in items) == number
    assert len(items) == 2
