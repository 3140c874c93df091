"""Make corpus/002_8ea32eccb86cc6f3.pdf: seed 002's text as a printed-minutes PDF.

The PDF carries what real printed minutes carry and the loader must remove: a
running header, a running footer and "Page N of M" on every page. It lets the
ingest of corpus/ exercise the PDF path without ../shared.

    python -m bench.make_sample_pdf            # needs fpdf2 (pip install -e .[test])
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

from fpdf import FPDF

from bench.sample_seed import ROOT, SEED, paragraphs

OUT = ROOT / "corpus" / "002_8ea32eccb86cc6f3.pdf"
HEADER = "Overview and Scrutiny Committee - Community Safety Partnership update"
FOOTER = "Minutes are draft until approved at the next meeting of the Committee"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


class MinutesPDF(FPDF):
    def header(self) -> None:
        self.set_font(self.body_font, size=9)
        self.cell(0, 6, HEADER, align="C", new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-18)
        self.set_font(self.body_font, size=8)
        self.cell(0, 5, FOOTER, align="C", new_x="LMARGIN", new_y="NEXT")
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")


def build(seed: Path = SEED, out: Path = OUT) -> Path:
    pdf = MinutesPDF(format="A4")
    if FONT.exists() and FONT_BOLD.exists():
        pdf.add_font("body", "", str(FONT))
        pdf.add_font("body", "B", str(FONT_BOLD))
        pdf.body_font = "body"
    else:  # core font: Latin-1 only
        pdf.body_font = "Helvetica"
    pdf.set_creation_date(datetime(2019, 10, 7, tzinfo=timezone.utc))  # reproducible bytes
    pdf.set_margins(22, 20, 22)
    pdf.set_auto_page_break(True, margin=25)
    pdf.add_page()
    text = seed.read_text(encoding="utf-8")
    if pdf.body_font == "Helvetica":
        text = text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "·": "-"}))
    for para in paragraphs(text):
        heading = para in {"Agenda item", "Minutes:"} or (len(para) < 90 and not para.endswith("."))
        pdf.set_font(pdf.body_font, style="B" if heading else "", size=11)
        pdf.multi_cell(0, 5.5, para, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.output(str(out))
    return out


if __name__ == "__main__":
    path = build()
    sys.stdout.write(f"wrote {path.relative_to(ROOT)}\n")
