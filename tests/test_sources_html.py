"""ModernGov HTML and generic HTML pages, from small fixtures built on MODERNGOV.md's class names."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.clean import clean
from pipeline.errors import NotMinutesError
from pipeline.load.moderngov_html import load_html
from pipeline.segment import segment

MEETING_PAGE = b"""<html><head><title>Agenda for Audit Committee on Tuesday, 10th February, \
2026</title></head>
<body><div id="modgov"><div class="mgContent" >
<h1 class="mgMainTitleTxt">Agenda and minutes</h1>
<h2 class="mgSubTitleTxt" >Audit Committee - Tuesday, 10th February, 2026 10.00 am</h2>
<p><span class="mgLabel">Venue: </span>Council Antechamber, Town Hall Extension. <a href="#">View \
directions</a></p>
<table class="mgItemTable"><tr><th>No.</th><th>Item</th></tr>
<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">1.</p></td>
<td><p class="mgAiTitleTxt"><a href="mgAi.aspx?ID=18831">Minutes</a> <a href="x.pdf">PDF 145 KB</a></p>
<p class="mgSubItemTitleTxt">Minutes:</p><div class="mgWordPara"><div class="WordSection1">
<p class="MsoNormal">RESOLVED &#40;1&#41; that the minutes be approved.</p><p \
class="MsoNormal">Signed by the Chair.</p></div></div></td></tr>
<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">9.</p></td>
<td><p class="mgAiTitleTxt"><a href="mgIssueHistoryHome.aspx?IId=6611">Work Programme</a></p>
<p class="mgSubItemTitleTxt">Decision:</p><div class="mgWordPara"><p>Noted.</p></div></td></tr>
</table></div></div></body></html>"""

AGENDA_ITEM_PAGE = b"""<html><body><div class="mgContent"><h1>Agenda item</h1>
<p class="mgAiTitleTxt">Scrutiny of the Community Safety Partnership</p>
<p class="mgSubItemTitleTxt">Minutes:</p><div class="mgWordPara"><p \
class="MsoNormal">Members<b>discussed</b> the report.</p>
<ul><li>Funding</li><li>CCTV</li></ul><p>RESOLVED that the update be noted.</p></div></div></body></html>"""

ISSUE_PAGE = b"""<html><body><h1>Issue - meetings</h1>
<h3>Meeting: 13/06/2013 - Community Safety Partnership (Item 64)</h3>
<p>64 Minutes <a href="m.pdf">PDF 75 KB</a></p><p>Minutes:</p><p>That the minutes be \
agreed.</p></body></html>"""


def test_meeting_page_rows_become_numbered_items():
    doc = load_html(Path("meeting.html"), MEETING_PAGE, "id")
    got = [(b.number, b.title, b.issue_id) for b in doc.blocks if b.role == "item"]
    assert got == [("1", "Minutes", None), ("9", "Work Programme", "6611")]


def test_meeting_page_metadata_from_subtitle_and_venue():
    doc = load_html(Path("meeting.html"), MEETING_PAGE, "id")
    assert (doc.meta.committee, doc.meta.date) == ("Audit Committee", "2026-02-10")
    assert doc.meta.venue == "Council Antechamber, Town Hall Extension"


def test_meeting_page_minute_text_stays_with_its_item():
    items = segment(clean(load_html(Path("meeting.html"), MEETING_PAGE, "id")))
    assert [i.number for i in items] == ["1", "9"]
    assert "RESOLVED (1) that the minutes be approved." in items[0].text
    assert "Noted." in items[1].text and "Noted." not in items[0].text


def test_block_boundaries_do_not_glue_words():
    doc = load_html(Path("ai.html"), AGENDA_ITEM_PAGE, "id")
    texts = [b.text for b in doc.blocks]
    assert "Funding" in texts and "CCTV" in texts
    assert "FundingCCTV" not in " ".join(texts)


def test_agenda_item_page_marks_its_title():
    doc = load_html(Path("ai.html"), AGENDA_ITEM_PAGE, "id")
    assert [b.title for b in doc.blocks if b.role == "item"] == [
        "Scrutiny of the Community Safety Partnership"
    ]


def test_issue_page_uses_the_meeting_line():
    doc = load_html(Path("issue.html"), ISSUE_PAGE, "id")
    assert [(b.number, b.title) for b in doc.blocks if b.role == "item"] == [("64", "Minutes")]
    assert doc.meta.date == "2013-06-13"


def test_generic_page_reads_paragraphs_rows_and_lists():
    page = (
        b"<html><body><h2>Minutes</h2><table><tr><td>Present:</td><td>Cllr "
        b"A</td></tr></table><p>RESOLVED that X.</p></body></html>"
    )
    texts = [b.text for b in load_html(Path("g.html"), page, "id").blocks]
    assert texts == ["Minutes", "Present: Cllr A", "RESOLVED that X."]


def test_page_without_minutes_is_not_minutes():
    with pytest.raises(NotMinutesError, match="not minutes"):
        load_html(Path("shop.html"), b"<html><body><p>Welcome to our shop</p></body></html>", "id")


def test_deeply_nested_markup_keeps_its_text():
    page = (
        b"<html><body>"
        + b"<div>" * 20000
        + b"<p>Minutes: RESOLVED deep</p>"
        + b"</div>" * 20000
        + b"<p>after</p></body></html>"
    )
    texts = [b.text for b in load_html(Path("deep.html"), page, "id").blocks]
    assert "Minutes: RESOLVED deep" in texts and "after" in texts


def test_ordered_list_items_keep_the_numbers_a_browser_shows() -> None:
    """HTML and Word lists share one counter printer (load/list_numbers.py): past z
    a lettered list goes on aa, ab as browsers count, roman past xxxix goes on xl."""
    from pipeline.load.html_blocks import blocks_of
    from pipeline.load.html_tree import parse_html

    markup = (
        '<ol type="a" start="26"><li>Grit bin</li><li>Bus shelter</li></ol>'
        '<ol type="I" start="39"><li>Footpath</li><li value="4">Verge</li></ol>'
        "<ol><li>Apologies</li><li value=\"7\">Minutes</li><li>Finance</li></ol>"
        "<ul><li>Unnumbered</li></ul>"
    )
    texts = [b.text for b in blocks_of(parse_html(markup))]
    assert texts == [
        "z. Grit bin", "aa. Bus shelter", "XXXIX. Footpath", "IV. Verge",
        "1. Apologies", "7. Minutes", "8. Finance", "Unnumbered",
    ]
