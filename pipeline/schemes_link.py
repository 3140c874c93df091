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

from extractors.schemes import canonical_key, scorer_for

from .config import SchemesConfig


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


def link_scheme(
    db: sqlite_utils.Database, *, name: str, canonical: str, new_id: str, config: SchemesConfig,
    keys: dict[str, str] | None = None,
) -> Link:
    """The scheme row for a mention: an existing one scoring >= cutoff, else a new row."""
    keys = known_keys(db) if keys is None else keys
    key = canonical or canonical_key(name)
    best = process.extractOne(
        key, list(keys), scorer=scorer_for(config.scorer), processor=None, score_cutoff=config.cutoff
    ) if keys else None
    if best is None:
        db["schemes"].insert({"id": new_id, "name": name, "aliases": json.dumps([name])}, ignore=True)
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
    db.execute("update schemes set name = ?, aliases = ? where id = ?", [display, json.dumps(aliases), scheme_id])
