"""A council named only in a PDF's running footer (its committee e-mail on
every page) still names the meeting's council, though the footer is removed
from the stored text as furniture."""

from __future__ import annotations

from pathlib import Path

import pytest

fpdf = pytest.importorskip("fpdf")

from pipeline.load.pdf import load_pdf

FOOTER = "democratic.services@cardiff.gov.uk"


class _Notice(fpdf.FPDF):
    footer_text = FOOTER

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=8)
        self.cell(0, 5, self.footer_text, align="R")


def _notice(path: Path, footer: str = FOOTER) -> Path:
    pdf = _Notice(format="A4")
    pdf.footer_text = footer
    pdf.set_font("Helvetica", size=11)
    for page in range(3):
        pdf.add_page()
        if page == 0:
            pdf.multi_cell(0, 6, "Decision Recording Form\nDecision determined at Housing Committee "
                                 "meeting on 4 June 2025\n")
        for n in range(8):
            pdf.multi_cell(0, 6, f"{page * 8 + n + 1}. The Committee noted the report on tenant "
                                 f"repairs, part {page}-{n}, and agreed the next steps.")
            pdf.ln(2)
    pdf.output(str(path))
    return path


def test_a_council_only_in_the_running_footer_is_the_meetings_council(tmp_path: Path) -> None:
    path = _notice(tmp_path / "decision_notice.pdf")
    doc = load_pdf(path, path.read_bytes(), "x")
    assert FOOTER not in "\n".join(b.text for b in doc.blocks)  # furniture: not in the text
    assert doc.meta.council == "Cardiff Council"
    assert doc.meta.date == "2025-06-04"


def test_no_footer_address_no_council(tmp_path: Path) -> None:
    path = _notice(tmp_path / "plain.pdf", "Decision notices are published within five working days")
    assert load_pdf(path, path.read_bytes(), "x").meta.council is None
