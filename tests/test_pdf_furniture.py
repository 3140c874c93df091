"""Running headers and footers: the window sweep in running_keys finds exactly
what the rule says (a line whose key repeats within SAME_HEIGHT on enough
distinct pages), checked against the rule written out directly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.load.pdf_furniture import SAME_HEIGHT, ZONE_LINES, _key, running_keys, strip_furniture
from pipeline.load.pdf_lines import Line, PageLines


def page(n: int, rows: list[tuple[str, float]]) -> PageLines:
    lines = tuple(Line(text, n, top, top + 10, 50, 300, False, 10.0) for text, top in rows)
    return PageLines(n, 595, 842, lines)


def by_the_rule(pages: list[PageLines]) -> set[tuple[str, int]]:
    """Every edge line whose key has lines on `needed` distinct pages within SAME_HEIGHT of it."""
    needed = 2 if len(pages) <= 3 else 3
    edge = []
    for p in pages:
        lines = p.lines if len(p.lines) <= 2 * ZONE_LINES else p.lines[:ZONE_LINES] + p.lines[-ZONE_LINES:]
        edge += [(_key(line.text), line.top, p.page) for line in lines]
    found = set()
    for key, top, _ in edge:
        pages_near = {pg for k, t, pg in edge if k == key and abs(t - top) <= SAME_HEIGHT}
        if len(pages_near) >= needed:
            found.add((key, round(top / SAME_HEIGHT)))
    return found


texts = st.sampled_from(
    ["Planning Committee", "Page 1 of 9", "Page 2 of 9", "RESOLVED", "Item 4", "Draft minutes"]
)
tops = st.sampled_from([20.0, 24.0, 26.5, 30.0, 33.0, 400.0, 790.0, 795.0, 801.0])
pages_strategy = st.lists(st.lists(st.tuples(texts, tops), max_size=14), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(pages_strategy)
def test_running_keys_follow_the_rule(rows: list[list[tuple[str, float]]]) -> None:
    pages = [page(i + 1, r) for i, r in enumerate(rows)]
    assert running_keys(pages) == by_the_rule(pages)


def test_a_header_on_every_page_is_removed_and_body_lines_stay() -> None:
    pages = [
        page(
            n,
            [
                ("Planning Committee 9 January", 20.0 + (n % 3)),
                (f"Body line {chr(97 + n // 26)}{chr(97 + n % 26)}", 300.0),
                (f"Page {n} of 40", 800.0),
            ],
        )
        for n in range(1, 41)
    ]
    kept = strip_furniture(pages)
    assert all(len(p.lines) == 1 and p.lines[0].text.startswith("Body line") for p in kept)
