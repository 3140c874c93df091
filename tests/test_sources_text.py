"""Text exports: dialects, markers and decoding, on the real seeds and pages."""

from __future__ import annotations

import codecs

import pytest
from conftest import SEED_TEXTS, seed_path, shared_files

from pipeline.errors import SourceError
from pipeline.load import load
from pipeline.load.text import load_text


def items(doc):
    return [b for b in doc.blocks if b.role == "item"]


@pytest.mark.parametrize("path", SEED_TEXTS + shared_files("corpus/pages", "*.txt"), ids=lambda p: p.name)
def test_every_export_loads_without_ai_markers(path):
    doc = load(path)
    assert doc.format == "text"
    assert doc.blocks
    assert not any("<AI" in b.text or "</AI" in b.text for b in doc.blocks)


def test_table_dialect_recovers_numbers_from_item_references():
    doc = load(seed_path("004"))
    got = [(b.number, b.title) for b in items(doc)]
    assert [n for n, _ in got] == ["1", "2", "3", "4", "5"]
    assert got[0][1] == "Apologies and Named Substitutes"
    assert got[1][1] == "Declarations of Interest and of Party Whip"
    assert got[2][1] == "To confirm the accuracy of the minutes of the meeting held on 2nd November 2022"
    assert got[3][1] is None  # the export lost this title
    assert got[4][1] == "County Lines Drug Activity - An update on Prevention Strategies"


def test_table_dialect_without_references_leaves_numbers_unknown(shared_corpus):
    doc = load(shared_corpus / "pages" / "cheshireeast_ieListDocuments_CId735_MeetingId4655.txt")
    titles = [b.title for b in items(doc)]
    assert all(b.number is None for b in items(doc))
    assert titles[:3] == ["Apologies for Absence", "Declarations of Interest", "Whipping Declarations"]
    assert "Probation Service" in titles


def test_numbered_meeting_page_keeps_printed_numbers_and_sub_items(shared_corpus):
    doc = load(shared_corpus / "pages" / "carmarthenshire_dyfedpowys_pcp_ieListDocuments_CId193_MId1534.txt")
    assert [b.number for b in items(doc)] == ["1", "2", "3", "4", "4.1"]
    assert items(doc)[3].title == "MATTERS ARISING FROM THE MINUTES (IF ANY)"


def test_numbered_meeting_page_strips_pdf_link_sizes_from_titles(shared_corpus):
    doc = load(shared_corpus / "pages" / "brentwood_ieListDocuments_CId380_MeetingId1937.txt")
    assert [(b.number, b.title) for b in items(doc)] == [
        ("326", "Apologies for Absence"),
        ("327", "Minutes of the Previous Meeting"),
        ("328", "Community Safety Partnership"),
    ]


def test_issue_history_item_number_comes_from_meeting_line(shared_corpus):
    doc = load(shared_corpus / "pages" / "bromsgrove_ieIssueDetails_IId6611.txt")
    (item,) = items(doc)
    assert (item.number, item.title) == ("12", "Scrutiny of Crime and Disorder")
    assert doc.meta.date == "2009-12-01"
    assert doc.meta.committee == "Joint Overview and Scrutiny Board"


def test_agenda_item_page_title_only_when_printed(shared_corpus):
    titled = load(shared_corpus / "pages" / "durham_mgAi_30655.txt")
    untitled = load(shared_corpus / "pages" / "cityoflondon_mgAi_112927.txt")
    assert [b.title for b in items(titled)] == ["Police and Crime Panel"]
    assert [b.title for b in items(untitled)] == [None]


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
        lambda s: s.encode("utf-16"),
        lambda s: s.encode("utf-16-le"),
        lambda s: s.encode("cp1252"),
    ],
    ids=["utf-8-sig", "utf-16-bom", "utf-16-le-no-bom", "cp1252"],
)
def test_encodings_decode_to_the_same_text(encode, tmp_path):
    text = (
        "Agenda item\r\n\r\nCouncil Tax – £1,200 "
        "approved\r\n\r\nMinutes:\r\n\r\nRESOLVED that it be noted.\r\n"
    )
    doc = load_text(tmp_path / "x.txt", encode(text), "id")
    joined = "\n".join(b.text for b in doc.blocks)
    assert "Council Tax – £1,200 approved" in joined
    assert "\r" not in joined
    assert "\ufeff" not in joined


def test_binary_junk_is_not_a_text_file(tmp_path):
    junk = bytes(range(256)) * 20
    with pytest.raises(SourceError, match="not a text file"):
        load_text(tmp_path / "junk.txt", junk, "id")
