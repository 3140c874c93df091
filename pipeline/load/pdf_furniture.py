"""Find page furniture: running headers, footers and page numbers.

A line is furniture when it sits among the first or last few lines of a page
and either looks like a page number ("12", "Page 3 of 9", "- 4 -") or repeats,
digits aside, at about the same height on several pages. Content that merely
repeats (a motion printed twice) rarely lands at the same height on three
pages, and never on most of them.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .pdf_lines import Line, PageLines

ZONE_LINES = 5  # how many lines at each page edge may be furniture
SAME_HEIGHT = 6.0  # points: a running header moves less than this between pages

_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_BLANK_PAGE = re.compile(
    r"^this page (?:is |has been )?(?:intentionally|deliberately) (?:left )?blank\.?$", re.IGNORECASE
)


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text.lower())).strip()


def _zone(page: PageLines) -> list[Line]:
    lines = page.lines
    if len(lines) <= 2 * ZONE_LINES:
        return list(lines)
    return [*lines[:ZONE_LINES], *lines[-ZONE_LINES:]]


def is_page_number(line: Line) -> bool:
    """"12", "Page 3 of 9", "- iv -": only ever tested on lines at a page edge."""
    return bool(_PAGE_NUMBER.match(line.text))


def running_keys(pages: list[PageLines]) -> set[tuple[str, int]]:
    """(text key, height band) of lines repeated at a page edge across pages.

    A line's band counts when lines with its key sit within SAME_HEIGHT of it
    on enough distinct pages. Each key's lines are sorted by height and swept
    with a window, so a header on every one of 20,000 pages costs n log n,
    not n squared.
    """
    seen: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for page in pages:
        for line in _zone(page):
            seen[_key(line.text)].append((line.top, page.page))
    needed = 2 if len(pages) <= 3 else 3
    found: set[tuple[str, int]] = set()
    for key, hits in seen.items():
        if len(hits) < needed or len({p for _, p in hits}) < needed:
            continue
        found.update((key, band) for band in _dense_bands(sorted(hits), needed))
    return found


def _dense_bands(hits: list[tuple[float, int]], needed: int) -> set[int]:
    """Bands of the hits (sorted by height) that have lines from at least
    ``needed`` distinct pages within SAME_HEIGHT of them."""
    bands: set[int] = set()
    per_page: dict[int, int] = defaultdict(int)  # pages in the window -> their hits there
    lo = hi = 0
    for top, _page in hits:
        while hi < len(hits) and hits[hi][0] <= top + SAME_HEIGHT:
            per_page[hits[hi][1]] += 1
            hi += 1
        while hits[lo][0] < top - SAME_HEIGHT:
            page = hits[lo][1]
            per_page[page] -= 1
            if not per_page[page]:
                del per_page[page]
            lo += 1
        if len(per_page) >= needed:
            bands.add(round(top / SAME_HEIGHT))
    return bands


def _is_running(line: Line, keys: set[tuple[str, int]]) -> bool:
    key = _key(line.text)
    band = round(line.top / SAME_HEIGHT)
    return any((key, b) in keys for b in (band - 1, band, band + 1))


def _edge_furniture(lines: tuple[Line, ...], keys: set[tuple[str, int]]) -> set[int]:
    """Indexes of furniture lines, walking in from the top and from the bottom edge.

    Only an unbroken run from the edge counts, so a repeated line in the body
    of a page is never taken for a header.
    """
    found: set[int] = set()
    n = len(lines)
    for order in (range(min(ZONE_LINES, n)), range(n - 1, max(n - 1 - ZONE_LINES, -1), -1)):
        for i in order:
            line = lines[i]
            if _is_running(line, keys) or is_page_number(line) or _BLANK_PAGE.match(line.text):
                found.add(i)
            else:
                break
    return found


def strip_furniture(pages: list[PageLines]) -> list[PageLines]:
    """The pages without headers, footers, page numbers or "intentionally blank" notes."""
    keys = running_keys(pages)
    out: list[PageLines] = []
    for page in pages:
        drop = _edge_furniture(page.lines, keys)
        kept = tuple(line for i, line in enumerate(page.lines) if i not in drop)
        out.append(PageLines(page.page, page.width, page.height, kept))
    return out
