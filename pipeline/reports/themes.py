"""`minutes themes` and the check behind every `--theme`: the themes the
configuration defines (with their sub-themes) and how many facts carry each.

A theme is known when config.yaml defines it or when stored facts carry it
(a store extracted with another configuration keeps its own themes). An
unknown ``--theme`` is a usage error that lists the known ones, never a
silent empty list.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from ..config import ThemeConfig
from ..errors import UsageError

#: What is counted per theme: (column in the output, SQL over json_each of themes).
_COUNTS = {
    "actions": (
        "select t.value, count(*) from actions f, json_each(coalesce(f.themes, '[]')) t group by t.value"
    ),
    "resolutions": "select t.value, count(*) from resolutions f, json_each(coalesce(f.themes, '[]')) t"
    " group by t.value",
    "amounts": "select t.value, count(*) from amounts f join agenda_items i on i.id = f.item_id,"
    " json_each(coalesce(i.themes, '[]')) t group by t.value",
    "items": (
        "select t.value, count(*) from agenda_items f, json_each(coalesce(f.themes, '[]')) t group by t.value"
    ),
}
COLUMNS = ["theme", "parent", "actions", "resolutions", "amounts", "items", "in_config"]


@dataclass(frozen=True)
class ThemeRow:
    theme: str
    parent: str | None
    actions: int
    resolutions: int
    amounts: int
    items: int
    in_config: bool

    def as_dict(self) -> dict[str, Any]:
        return {c: getattr(self, c) for c in COLUMNS}


def key(name: str) -> str:
    """Theme names compare without case, spaces, hyphens or underscores (as
    query._theme_key does in SQL)."""
    return "".join(ch for ch in name.lower() if ch not in " -_")


def _counts(db: sqlite_utils.Database) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for column, sql in _COUNTS.items():
        for theme, n in db.execute(sql).fetchall():
            if isinstance(theme, str):
                out.setdefault(theme, {})[column] = n
    return out


def theme_rows(db: sqlite_utils.Database, configured: Iterable[ThemeConfig]) -> list[ThemeRow]:
    """Configured themes in config order, each followed by its sub-themes,
    then themes only the store knows; with counts of the facts tagged."""
    configured = list(configured)
    counts = _counts(db)
    by_key: dict[str, dict[str, int]] = {}
    for theme, c in counts.items():
        merged = by_key.setdefault(key(theme), {})
        for column, n in c.items():
            merged[column] = merged.get(column, 0) + n
    parents = [t for t in configured if not t.parent]
    order: list[ThemeConfig] = []
    for top in parents:
        order.append(top)
        order += [t for t in configured if t.parent and key(t.parent) == key(top.name)]
    order += [t for t in configured if t not in order]  # a sub-theme whose parent is not defined
    seen = {key(t.name) for t in order}
    rows = [_row(t.name, t.parent, by_key.get(key(t.name), {}), True) for t in order]
    for theme in sorted(counts):
        if key(theme) not in seen:
            seen.add(key(theme))
            rows.append(_row(theme, None, by_key[key(theme)], False))
    return rows


def _row(name: str, parent: str | None, c: dict[str, int], in_config: bool) -> ThemeRow:
    return ThemeRow(name, parent, c.get("actions", 0), c.get("resolutions", 0), c.get("amounts", 0),
                    c.get("items", 0), in_config)


def known(db: sqlite_utils.Database, configured: Iterable[ThemeConfig]) -> list[str]:
    return [r.theme for r in theme_rows(db, configured)]


def check_theme(db: sqlite_utils.Database, theme: str | None, configured: Iterable[ThemeConfig]) -> None:
    """UsageError (exit 2) naming the known themes when ``theme`` is not one."""
    if theme is None:
        return
    names = known(db, configured)
    if key(theme) not in {key(n) for n in names}:
        raise UsageError(f"unknown theme {theme!r}; known themes: {', '.join(names) or '(none)'}")
