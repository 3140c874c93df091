"""Small rules about agenda item headings, shared by loaders and the segmenter.

ModernGov prints link furniture beside titles ("pdf icon PDF 145 KB",
"Additional documents:") and text renderings lose the cell borders between
the title, the agenda wording and the minute, so titles need trimming.
"""

from __future__ import annotations

import re

#: "pdf icon PDF 145 KB", "PDF 329 KB", "PDF 1 MB"
LINK_FURNITURE = re.compile(r"\s*(?:pdf icon\s*)?\bPDF\s+\d+(?:[.,]\d+)?\s*[KM]B\b\.?", re.IGNORECASE)
#: Labels that end a title in a flattened meeting-page row.
ROW_LABELS = re.compile(
    r"\b(?:Additional documents|Minutes|Decision|Note|Supporting documents)\s*:", re.IGNORECASE
)
#: Agenda wording that follows a title in a flattened row: "... Interest To invite Councillors ..."
AGENDA_WORDING = re.compile(
    r"\s(?=(?:To\s+(?:receive|invite|provide|give|consider|approve|agree|note|confirm|sign|declare|determine|"
    r"scrutinise|review|update|appoint|elect|discuss|hear)\b|Members\s+(?:are|were)\s+|Report\s+of\s+the\b))"
)
#: "8.", "39", "4.1", "12a.", "39/20", "14.CTV.1"
ITEM_NUMBER = re.compile(
    r"^(?:\d{1,4}[a-z]?(?:\.\d{1,3}[a-z]?)*|\d{1,4}/\d{2,4}|\d{1,3}\.[A-Z]{2,6}\.\d{1,3})\.?$"
)
#: "... view the full minutes text for item 4."
ITEM_REFERENCE = re.compile(
    r"view the full (?:minutes|agenda|decision) text for item\s+(\d{1,4}[a-z]?)", re.IGNORECASE
)


def strip_furniture(title: str) -> str:
    """Title without link sizes and surrounding whitespace."""
    return re.sub(r"\s+", " ", LINK_FURNITURE.sub("", title)).strip(" \t|:-–")


def looks_like_title(text: str, *, max_len: int = 200) -> bool:
    """A short single line that is not a sentence, label or bullet."""
    line = text.strip()
    if not line or "\n" in line or len(line) > max_len:
        return False
    if line.endswith((".", ";", ",", ":")) or line[0] in "·•-–*(":
        return False
    return line[0].isupper() or line[0].isdigit()


def row_title(row: str) -> str | None:
    """The title at the start of a flattened table row, if one was printed."""
    head = row.split("\n", 1)[0]
    cut = len(head)
    for pattern in (LINK_FURNITURE, ROW_LABELS):
        match = pattern.search(head)
        if match:
            cut = min(cut, match.start())
    head = head[:cut]
    wording = AGENDA_WORDING.search(head, 1)
    if wording:
        head = head[: wording.start()]
    title = strip_furniture(head)
    return title or None


def normalise_number(number: str) -> str:
    """Printed number without the trailing dot or spaces ("39." -> "39")."""
    return number.strip().rstrip(".").strip()
