"""Make corpus/002_8ea32eccb86cc6f3.docx: seed 002's text as a Word document.

It is laid out as a clerk would type it in Word: the item title as a heading,
"Agenda item" and "Minutes:" as smaller headings, the points as a bulleted
list and the resolution's parts as an automatically numbered "1)" list (the
numbers are not in the text: Word prints them). Ingesting corpus/ then checks
the Word path end to end: the document must be stored as a duplicate of the
text export, with the same facts (tests/test_sources_docx.py).

    python -m bench.make_sample_docx            # needs python-docx
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.text.paragraph import Paragraph

from bench.sample_seed import ROOT, SEED, paragraphs

OUT = ROOT / "corpus" / "002_8ea32eccb86cc6f3.docx"
STAMP = (2019, 10, 7, 0, 0, 0)  # fixed zip times and core properties: reproducible bytes
_BULLET = re.compile(r"^[·•]\s*")
_NUMBERED = re.compile(r"^(\d+)\)\s*")
_LIST_ID = 90  # abstractNumId / numId of the "1)" list added to the template's numbering


def _add_decimal_paren_list(document: docx.document.Document) -> str:
    """A numbering definition printing "1)", "2)" ... and return its numId."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{_LIST_ID}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="720"/></w:pPr></w:lvl>'
        "</w:abstractNum>"
    )
    first_num = numbering.find(f"{{{numbering.nsmap['w']}}}num")
    if first_num is not None:
        first_num.addprevious(abstract)  # abstractNum elements must come before num elements
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="{_LIST_ID}"><w:abstractNumId w:val="{_LIST_ID}"/></w:num>')
    )
    return str(_LIST_ID)


def _number(paragraph: Paragraph, num_id: str) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))


def build(seed: Path = SEED, out: Path = OUT) -> Path:
    document = docx.Document()
    props = document.core_properties
    props.created = props.modified = datetime(*STAMP, tzinfo=timezone.utc)
    props.author = props.last_modified_by = "Democratic Services"
    props.title = "Crime and Disorder Scrutiny Panel minutes"
    paren_list = _add_decimal_paren_list(document)
    paras = paragraphs(seed.read_text(encoding="utf-8"))
    for index, para in enumerate(paras):
        if para in {"Agenda item", "Minutes:"}:
            document.add_heading(para, level=3)
        elif index == 1:
            document.add_heading(para, level=1)
        elif _BULLET.match(para):
            document.add_paragraph(_BULLET.sub("", para), style="List Bullet")
        elif _NUMBERED.match(para):
            _number(document.add_paragraph(_NUMBERED.sub("", para)), paren_list)
        else:
            document.add_paragraph(para)
    buffer = io.BytesIO()
    document.save(buffer)
    out.write_bytes(_fixed_times(buffer.getvalue()))
    return out


def _fixed_times(data: bytes) -> bytes:
    """The same archive with every member dated ``STAMP`` (python-docx stamps the clock time)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(
                zipfile.ZipInfo(info.filename, date_time=STAMP),
                source.read(info.filename),
                zipfile.ZIP_DEFLATED,
            )
    return buffer.getvalue()


if __name__ == "__main__":
    path = build()
    sys.stdout.write(f"wrote {path.relative_to(ROOT)}\n")
