"""Plain-text tables: one line per row. On a terminal the table fits its width
(long cells cut with an ellipsis, the widest columns giving way first); piped
or redirected, nothing is cut, so `grep`, `less -S` and files get every word."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence
from typing import Any

from ...store.ids import unique_prefixes

GAP = "  "
MIN_WIDTH = 6
#: Other columns give way down to this before the flexible (text) ones shrink.
NARROW = 16
#: ...and then the flexible columns keep at least this share of the width.
FLEX_SHARE = 0.3
FLEX = ("text", "snippet", "purpose", "item_title", "item")
#: Columns that give way last (a source reference cut short is useless).
KEEP = ("id", "date", "source")


def cell(value: Any) -> str:
    """One-line text for a value: lists joined with commas, whitespace squeezed."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
    if isinstance(value, (list, tuple)):
        return ", ".join(cell(v) for v in value)
    return " ".join(str(value).split())


def cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def terminal_width() -> int | None:
    """The width to fit, or None (do not cut) when stdout is not a terminal."""
    return shutil.get_terminal_size((120, 24)).columns if stdout_is_terminal() else None


def render(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    *,
    width: int | None = None,
    flex: Sequence[str] = FLEX,
) -> str:
    """The rows as an aligned table no wider than ``width`` (default: the
    terminal's, or uncut when stdout is not a terminal). Short columns shrink to
    NARROW first, then the ``flex`` (long text) ones, then the KEEP ones."""
    width = width or terminal_width()
    cells = [[cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(c), *(len(row[i]) for row in cells)]) for i, c in enumerate(columns)]
    if width is None:
        width = sum(widths) + len(GAP) * (len(columns) - 1)
    budget = width - len(GAP) * (len(columns) - 1)
    firm = [i for i, c in enumerate(columns) if c not in flex and c not in KEEP]
    soft = [i for i, c in enumerate(columns) if c in flex]
    flex_min = max(MIN_WIDTH, int(budget * FLEX_SHARE / max(len(soft), 1)))
    while sum(widths) > budget:
        candidates = (
            [i for i in firm if widths[i] > NARROW]
            or [i for i in soft if widths[i] > flex_min]
            or [i for i in firm if widths[i] > NARROW // 2]
            or [i for i in range(len(widths)) if widths[i] > MIN_WIDTH]
        )
        if not candidates:
            break
        widths[max(candidates, key=widths.__getitem__)] -= 1
    lines = [GAP.join(cut(c, w).ljust(w) for c, w in zip(columns, widths)).rstrip()]
    lines.append(GAP.join("-" * w for w in widths))
    lines += [GAP.join(cut(v, w).ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines)


def short_ids(all_ids: Sequence[str], shown: Sequence[str], minimum: int = 8) -> dict[str, str]:
    """Each shown id cut to one length (at least ``minimum``) at which every
    one is still a unique prefix among ``all_ids``, so a column lines up and
    any id can be typed back, e.g. to `minutes action ID`."""
    prefixes = unique_prefixes(all_ids, shown, minimum)
    length = max((len(p) for p in prefixes.values()), default=minimum)
    return {ident: ident[:length] for ident in shown}
