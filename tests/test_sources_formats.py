"""Formats by content: Markdown, web pages under server extensions, tables as rows,
unsupported types in one line, agendas and non-minutes pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import shared_files

from pipeline.errors import NotMinutesError, SourceError
from pipeline.load import detect_format, load, skip_reason
from pipeline.load.page_kind import AGENDA_ONLY, NO_ITEMS
from pipeline.run.process import process_file

MARKDOWN_WITH_TABLE = """---
title: "Invented Parish Council - March"
date: "2019-04-01"
categories:
  - "parish-councils"
---

**INVENTED PARISH COUNCIL**

Minutes of the meeting held on 5 March 2019

<table><tbody><tr><td><p>1.0</p></td><td><b>Apologies</b></td><td>&nbsp;</td></tr>
<tr><td><p>1.1</p></td><td>Apologies were received from Cllr Stone.<div></div><i>Prop. AB, \
2<sup>nd</sup> CD</i></td><td><b>Clerk</b></td></tr>
<tr><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr></tbody></table>

Payments:

<table><tr><td>2044</td><td>Acme Play Ltd</td><td>Matting for the play area</td><td>1494.14</td></tr></table>

1.  MINUTES OF THE LAST MEETING\\
    These were agreed as correct.

2.  **Planning**
"""

PHP_PAGE = b"""<button class="clear">x</button>
<div class="minutes well">
<time datetime="2020-11-11">11 November 2020</time>
The Community Council held its meeting on the 11th November 2020.
<h4>1. WELCOME AND APOLOGIES</h4>
<p>The Chair welcomed everyone. It was agreed that the minutes were correct.</p>
</div>"""

MODERNGOV_AGENDA = b"""<html><head><title>Agenda for Audit Committee on Tuesday, 1st June, 2026</title></head>
<body><div class="mgContent"><h2 class="mgSubTitleTxt">Audit Committee - Tuesday, 1st June, 2026 10.00 am</h2>
<table class="mgItemTable"><tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">1.</p></td>
<td><p class="mgAiTitleTxt">Apologies for absence</p></td></tr>
<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">2.</p></td>
<td><p class="mgAiTitleTxt">Internal Audit Plan</p><div class="mgWordPara"><p>RECOMMENDED that the Committee
approves the Internal Audit Plan 2026/27.</p></div>
<p class="mgSubItemTitleTxt">Additional documents:</p></td></tr></table></div></body></html>"""

MODERNGOV_DECISIONS = MODERNGOV_AGENDA.replace(
    b'<p class="mgSubItemTitleTxt">Additional documents:</p>',
    b'<p class="mgSubItemTitleTxt">Decision:</p><div '
    b'class="mgWordPara"><p>The Committee approved the plan.</p></div>',
)

MODERNGOV_COMMITTEE_DETAILS = b"""<html><head><title>Committee details - Audit Committee</title></head>
<body><div class="mgContent"><h2 class="mgSubTitleTxt">Committee details</h2>
<h3>Purpose of committee</h3><p>The Committee oversees audit. Its agendas and minutes are published here.</p>
<ol><li>Members may submit questions.</li><li>Questions are answered in writing.</li></ol>
<h3>Membership</h3><ul><li>Councillor A (Chair)</li><li>Councillor B</li></ul></div></body></html>"""

TEXT_AGENDA = """AGENDA
Overview and Scrutiny Committee
Thursday 12 June 2025 at 7.00 pm

1. Apologies for absence
2. Declarations of interest
3. Budget Monitoring Report
RECOMMENDATION: That the Committee notes the report and approves the virements set out in Appendix A.
4. Date of next meeting
"""


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_markdown_reads_as_printed(tmp_path: Path) -> None:
    doc = load(_write(tmp_path, "invented-pc_minutes_2019-03-05.md", MARKDOWN_WITH_TABLE))
    assert doc.format == "markdown"
    texts = [b.text for b in doc.blocks]
    joined = "\n".join(texts)
    assert "INVENTED PARISH COUNCIL" in texts  # emphasis marks gone
    assert "categories" not in joined and "2019-04-01" not in joined  # front matter is not minutes
    assert not re.search(r"<\w+|&nbsp;|\*\*", joined)
    assert "1.0 Apologies" in texts  # a number cell joins the title it numbers; empty cells drop
    assert "1.1 Apologies were received from Cllr Stone.\nProp. AB, 2nd CD | Clerk" in texts
    assert "2044 | Acme Play Ltd | Matting for the play area | 1494.14" in texts
    assert "1. MINUTES OF THE LAST MEETING\nThese were agreed as correct." in texts  # list numbers kept
    assert "2. Planning" in texts


@pytest.mark.parametrize("suffix", [".php", ".aspx", ".asp"])
def test_web_pages_under_server_extensions_read_as_html(tmp_path: Path, suffix: str) -> None:
    path = _write(tmp_path, f"minutes{suffix}", PHP_PAGE)
    assert detect_format(path, PHP_PAGE) == "html"
    texts = [b.text for b in load(path).blocks]
    assert "1. WELCOME AND APOLOGIES" in texts


def test_plain_text_under_a_server_extension_reads_as_text(tmp_path: Path) -> None:
    data = (
        b"Minutes of the meeting held on 3 May 2021\n\n1. Apologies\n\nIt was "
        b"agreed that the accounts be approved."
    )
    path = _write(tmp_path, "minutes.php", data)
    assert detect_format(path, data) == "text"
    assert load(path).format == "text"


def test_a_page_saved_as_txt_is_read_as_html(tmp_path: Path) -> None:
    data = (
        b"<!DOCTYPE html><html><body><h1>Minutes</h1><p>RESOLVED that the report be noted.</p></body></html>"
    )
    assert detect_format(tmp_path / "page.txt", data) == "html"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        (
            "minutes.odt",
            b"PK\x03\x04\x14\x00 mimetypeapplication/vnd.oasis.opendocument.text",
            "unsupported type .odt",
        ),
        ("minutes.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "unsupported type .doc"),
        ("budget.xlsx", b"PK\x03\x04 sheet", "unsupported type .xlsx"),
        ("notes", b"just some notes", "unsupported type (no extension)"),
    ],
)
def test_types_not_read_say_so_in_one_line(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = _write(tmp_path, name, data)
    with pytest.raises(SourceError) as raised:
        load(path)
    assert reason in raised.value.reason and "\n" not in str(raised.value)


def test_a_folder_walk_judges_files_by_name() -> None:
    assert skip_reason(Path("x/minutes.docx")) is None
    assert skip_reason(Path("x/minutes.PHP")) is None
    assert skip_reason(Path("x/minutes.md")) is None
    assert (
        skip_reason(Path("x/minutes.odt")) == "unsupported type .odt (OpenDocument: save it as .docx or PDF)"
    )
    assert skip_reason(Path("x/gold.json")) == "unsupported type .json"
    assert skip_reason(Path("x/README.md")) == "README.md is a notes file, not minutes"
    assert skip_reason(Path("x/manifest.csv")) == ""  # read by the run, not reported


def test_moderngov_agenda_only_page_is_not_minutes(tmp_path: Path) -> None:
    result = process_file(str(_write(tmp_path, "agenda.html", MODERNGOV_AGENDA)))
    assert getattr(result, "message", None) == AGENDA_ONLY  # its recommendation never becomes a resolution


def test_moderngov_page_with_decisions_is_read(tmp_path: Path) -> None:
    result = process_file(str(_write(tmp_path, "decisions.html", MODERNGOV_DECISIONS)))
    assert not hasattr(result, "message"), result
    assert "The Committee approved the plan" in [
        r.fact.text.rstrip(".") for r in result.extraction.resolutions
    ]


def test_moderngov_page_with_no_items_is_not_minutes(tmp_path: Path) -> None:
    with pytest.raises(NotMinutesError, match="no agenda items"):
        load(_write(tmp_path, "details.html", MODERNGOV_COMMITTEE_DETAILS))


def test_text_agenda_is_not_minutes_and_yields_no_resolution(tmp_path: Path) -> None:
    result = process_file(str(_write(tmp_path, "agenda.txt", TEXT_AGENDA)))
    assert getattr(result, "message", None) == AGENDA_ONLY


def test_minutes_that_open_with_their_agenda_are_minutes(tmp_path: Path) -> None:
    text = TEXT_AGENDA + (
        "\nMINUTES\n\nPresent: Cllr A, Cllr B\n\n3. Budget Monitoring "
        "Report\n\nRESOLVED that the virements be approved.\n"
    )
    result = process_file(str(_write(tmp_path, "agenda-and-minutes.txt", text)))
    assert not hasattr(result, "message"), result
    assert any("virements be approved" in r.fact.text for r in result.extraction.resolutions)


# ---- real pages in ../shared/dev2 ----------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    shared_files("dev2/full", "*.md") + shared_files("dev2/full", "*.php"),
    ids=lambda p: getattr(p, "name", str(p)),
)
def test_parish_pages_read_without_markup(path: Path) -> None:
    doc = load(path)
    text = "\n".join(b.text for b in doc.blocks)
    assert not re.search(r"</?(?:td|tr|p|div|strong|table|b|br)\b|&nbsp;|colspan|cellpadding", text)


def test_norfolk_payment_tables_come_out_as_rows(dev2: Path) -> None:
    doc = load(dev2 / "full" / "northwold-pc_minutes_2016-09-06.md")
    rows = [b.text.split(" | ") for b in doc.blocks if b.text.count(" | ") == 3]
    payments = [r for r in rows if re.fullmatch(r"\d{4}", r[0]) and re.fullmatch(r"\d+\.\d\d", r[3])]
    assert len(payments) >= 15


def test_numbered_table_rows_keep_their_numbers(dev2: Path) -> None:
    doc = load(dev2 / "full" / "wereham-pc_minutes_2014-01-14.md")
    numbered = [b.text for b in doc.blocks if re.match(r"\d{1,2}\.\d{1,2} \S", b.text)]
    assert len(numbered) >= 30


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("weca_ieDocSearch_form.html", NO_ITEMS),
        ("weca_mgCommitteeDetails_combined-authority-committee.html", NO_ITEMS),
        ("weca_mgCommitteeDetails_joint-committee.html", NO_ITEMS),
        ("weca_ieListDocuments_overview-scrutiny_2026-06-01_agenda-only.html", AGENDA_ONLY),
    ],
)
def test_real_pages_that_are_not_minutes(dev2: Path, name: str, reason: str) -> None:
    with pytest.raises(NotMinutesError) as raised:
        load(dev2 / "html" / name)
    assert raised.value.reason == reason


def test_real_meeting_pages_with_minutes_or_decisions_are_read(dev2: Path) -> None:
    for name in [
        "weca_ieListDocuments_joint-meeting_2026-03-27_with-minutes.html",
        "weca_ieListDocuments_overview-scrutiny_2026-03-23_with-minutes.html",
        # named "agenda-only" in dev2, but every item of it carries its "Decision:"
        "weca_ieListDocuments_joint-meeting_2026-06-05_agenda-only.html",
    ]:
        assert any(b.role == "item" for b in load(dev2 / "html" / name).blocks)
