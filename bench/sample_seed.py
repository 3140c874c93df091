"""The seed the sample PDF and Word twins in corpus/ are made from, as paragraphs
(bench/make_sample_pdf.py, bench/make_sample_docx.py)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "002_8ea32eccb86cc6f3.txt"


def paragraphs(text: str) -> list[str]:
    """The seed's paragraphs with HTML-export spacing squeezed out."""
    paras = []
    for block in re.split(r"\n\s*\n", text):
        flat = re.sub(r"\s+", " ", block).strip()
        if flat:
            paras.append(flat)
    return paras
