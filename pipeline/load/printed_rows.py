"""A table row read as it prints: one line, cells joined by " | ", a number or
label cell joined to the text it numbers ("5.1 Grit bin moved | NC",
"Present: Cllr A"). Shared by the HTML and Word loaders; a cell that holds a
whole page marks its table as layout, read as paragraphs instead.
"""

from __future__ import annotations

import itertools
import re

#: A cell this long, or with this many lines, holds a page laid out in a table.
LAYOUT_CELL_CHARS = 1200
LAYOUT_CELL_LINES = 15
_LABEL_CELL = re.compile(
    r"^(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-z][.)]|\(?[ivx]{1,5}[.)]|\d{1,3}/\d{1,3}(?:/\d{1,3})*\S*)$"
)


def layout_cell(text: str) -> bool:
    """A cell holding a page of text: its table is layout, not a table of rows."""
    return len(text) > LAYOUT_CELL_CHARS or text.count("\n") >= LAYOUT_CELL_LINES


def join_cells(texts: list[str]) -> str | None:
    """Filled cells joined as a printed row reads ("5.1 Grit bin moved | NC");
    "" when no cell is filled, None when only one is (read it as paragraphs)."""
    cells = [text for text in texts if text]
    if not cells:
        return ""
    if len(cells) < 2:
        return None
    out = cells[0]
    for before, cell in itertools.pairwise(cells):
        out += (" " if _LABEL_CELL.match(before) or before.endswith(":") else " | ") + cell
    return out
