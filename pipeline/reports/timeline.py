"""`minutes scheme NAME`: every mention of a scheme and the amounts beside
them, by year, across documents. NAME is matched against scheme names with
rapidfuzz (scorer, processor and cutoff from the link config); the score is
reported with each match."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

import sqlite_utils
from rapidfuzz import process

from ..config import LinkConfig
from ..link.text import processor_for, scorer_for

NEAR = 400  # an amount this close to a mention (same item) is listed with it


@dataclass(frozen=True)
class SchemeMatch:
    scheme_id: str
    name: str
    score: float


@dataclass(frozen=True)
class Mention:
    year: str  # "2024" or "undated"
    meeting_date: str | None
    council: str | None
    committee: str | None
    document: str | None
    page: int | None
    start_char: int
    end_char: int
    quote: str
    amounts: tuple[str, ...]


@dataclass
class Timeline:
    matches: list[SchemeMatch]
    years: dict[str, list[Mention]] = field(default_factory=dict)


def match_schemes(db: sqlite_utils.Database, name: str, *, config: LinkConfig) -> list[SchemeMatch]:
    """Schemes whose name or an alias matches ``name`` at or above the cutoff."""
    rows = list(db.execute("select id, name, aliases from schemes"))
    labels: list[tuple[str, str, str]] = []
    for sid, sname, aliases in rows:
        for label in {sname, *(json.loads(aliases) if aliases else [])}:
            labels.append((sid, sname, label))
    best: dict[str, SchemeMatch] = {}
    for _l, score, i in process.extract(
        name,
        [lab for *_x, lab in labels],
        scorer=scorer_for(config.scorer),
        processor=processor_for(config),
        score_cutoff=config.cutoff,
        limit=None,
    ):
        sid, sname, _label = labels[i]
        if sid not in best or score > best[sid].score:
            best[sid] = SchemeMatch(sid, sname, round(score, 1))
    return sorted(best.values(), key=lambda m: -m.score)


def scheme_timeline(db: sqlite_utils.Database, name: str, *, config: LinkConfig) -> Timeline:
    matches = match_schemes(db, name, config=config)
    timeline = Timeline(matches)
    if not matches:
        return timeline
    ids = [m.scheme_id for m in matches]
    marks = ",".join("?" * len(ids))
    amounts: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for did, start, raw in db.execute(
        f"select a.document_id, a.start_char, a.raw from amounts a where a.document_id in"
        f" (select document_id from scheme_mentions where scheme_id in ({marks})) order by a.start_char", ids
    ):
        amounts[did].append((start or 0, raw))
    years: dict[str, list[Mention]] = defaultdict(list)
    for did, s, e, page, path, mdate, council, committee, text in db.execute(
        "select sm.document_id, sm.start_char, sm.end_char, sm.page, d.path, "
        "m.date, m.council, m.committee, d.text"
        f" from scheme_mentions sm left join documents d on d.id = sm.document_id"
        f" left join meetings m on m.id = sm.meeting_id where sm.scheme_id in ({marks})"
        " order by m.date is null, m.date, d.path, sm.start_char",
        ids,
    ):
        s, e, text = s or 0, e or 0, text or ""
        near = tuple(raw for pos, raw in amounts.get(did, ()) if abs(pos - s) <= NEAR)
        year = mdate[:4] if mdate else "undated"
        years[year].append(
            Mention(year, mdate, council, committee, path, page, s, e, _around(text, s, e), near)
        )
    timeline.years = dict(years)
    return timeline


def _around(text: str, start: int, end: int, width: int = 120) -> str:
    a, b = max(0, start - width), min(len(text), end + width)
    return ("…" if a else "") + " ".join(text[a:b].split()) + ("…" if b < len(text) else "")
