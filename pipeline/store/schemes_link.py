"""Schemes across documents: reuse an existing scheme when a mention's
canonical key is close enough to one already stored.

rapidfuzz does the matching with the scorer and cutoff from config; below the
cutoff a mention starts a new scheme (never "the closest one"), and the score
is stored beside each mention so a researcher can audit merges.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import sqlite_utils
from rapidfuzz import process

from extractors.schemes import canonical_key

from ..config import SchemesConfig
from ..text.fuzzy import scorer_for


@dataclass(frozen=True)
class Link:
    scheme_id: str
    score: float
    created: bool


def known_keys(db: sqlite_utils.Database) -> dict[str, str]:
    """{canonical key: scheme id} for every stored scheme name and alias."""
    keys: dict[str, str] = {}
    for scheme_id, name, aliases in db.execute("select id, name, aliases from schemes"):
        for n in [name, *json.loads(aliases or "[]")]:
            keys.setdefault(canonical_key(n), scheme_id)
    return keys


_KEYS: dict[int, tuple[int, dict[str, str]]] = {}


def cached_known_keys(db: sqlite_utils.Database) -> dict[str, str]:
    """known_keys, rebuilt only when the schemes table changed behind our back.

    Rebuilding for every stored document made a large ingest's single writer
    slower with every scheme stored; link_scheme keeps the cached dict current
    with its own inserts and aliases, so the row count tells us when another
    process added schemes."""
    count = db.execute("select count(*) from schemes").fetchone()[0]
    cached = _KEYS.get(id(db.conn))
    if cached is None or cached[0] != count:
        cached = (count, known_keys(db))
        _KEYS[id(db.conn)] = cached
    return cached[1]


def _remember_count(db: sqlite_utils.Database, keys: dict[str, str]) -> None:
    cached = _KEYS.get(id(db.conn))
    if cached is not None and cached[1] is keys:
        _KEYS[id(db.conn)] = (cached[0] + 1, keys)


def link_scheme(
    db: sqlite_utils.Database, *, name: str, canonical: str, new_id: str, config: SchemesConfig,
    keys: dict[str, str] | None = None,
) -> Link:
    """The scheme row for a mention: an existing one scoring >= cutoff, else a new row."""
    keys = known_keys(db) if keys is None else keys
    key = canonical or canonical_key(name)
    if key in keys:  # the same key: no need to score every stored name
        best: tuple[str, float] | None = (key, 100.0)
    elif keys:
        found = process.extractOne(
            key,
            keys.keys(),
            scorer=scorer_for(config.scorer, setting="schemes.scorer"),
            processor=None,
            score_cutoff=config.cutoff,
        )
        best = (found[0], found[1]) if found else None
    else:
        best = None
    if best is None:
        inserted = db.execute("select 1 from schemes where id = ?", [new_id]).fetchone() is None
        db.table("schemes").insert({"id": new_id, "name": name, "aliases": json.dumps([name])}, ignore=True)
        if inserted:
            _remember_count(db, keys)
        keys[key] = new_id
        return Link(new_id, 100.0, True)
    scheme_id = keys[best[0]]
    _add_alias(db, scheme_id, name)
    keys.setdefault(key, scheme_id)
    return Link(scheme_id, float(best[1]), False)


def _add_alias(db: sqlite_utils.Database, scheme_id: str, name: str) -> None:
    """Record a new spelling; the longest spelling becomes the display name."""
    row = db.execute("select name, aliases from schemes where id = ?", [scheme_id]).fetchone()
    if row is None:
        return
    current, aliases = row[0], json.loads(row[1] or "[]")
    if name in aliases:
        return
    aliases.append(name)
    display = max([current, name], key=len)
    db.execute(
        "update schemes set name = ?, aliases = ? where id = ?", [display, json.dumps(aliases), scheme_id]
    )
