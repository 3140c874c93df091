"""`minutes scheme NAME`: every mention of a scheme and the amounts that
belong to it, by year, across documents, and the total they add up to. NAME is
matched against scheme names with rapidfuzz (scorer, processor and cutoff from
the link config); the score is reported with each match. Which amounts belong
is the store's ``scheme_amount_links`` view (store/scheme_money.py), the same
definition `minutes schemes` and the web UI read."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

import sqlite_utils
from rapidfuzz import process

from ..config import LinkConfig
from ..link.text import processor_for
from ..text.fuzzy import scorer_for


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
    amounts: tuple[str, ...]  # as written; "(printed again, counted once)" or "(suspect, not summed)" added


@dataclass(frozen=True)
class Total:
    """What one matched scheme's total adds up: each amount once, suspect ones left out."""

    scheme_id: str
    name: str
    total_gbp: float
    summed: tuple[str, ...]  # "£40million (path chars 120–130)"


@dataclass
class Timeline:
    matches: list[SchemeMatch]
    years: dict[str, list[Mention]] = field(default_factory=dict)
    totals: list[Total] = field(default_factory=list)


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
        scorer=scorer_for(config.scorer, setting="link.scorer"),
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
    linked: dict[str, list[str]] = defaultdict(list)
    for mention_id, raw, counted, suspect in db.execute(
        f"select mention_id, raw, counted, suspect from scheme_amount_links where scheme_id in ({marks})"
        " order by start_char", ids
    ):
        note = " (suspect, not summed)" if suspect else "" if counted else " (printed again, counted once)"
        linked[mention_id].append(f"{raw}{note}")
    years: dict[str, list[Mention]] = defaultdict(list)
    for mid, s, e, page, path, mdate, council, committee, text in db.execute(
        "select sm.id, sm.start_char, sm.end_char, sm.page, d.path, m.date, m.council, m.committee, d.text"
        f" from scheme_mentions sm left join documents d on d.id = sm.document_id"
        f" left join meetings m on m.id = sm.meeting_id where sm.scheme_id in ({marks})"
        " order by m.date is null, m.date, d.path, sm.start_char", ids
    ):
        s, e, text = s or 0, e or 0, text or ""
        year = mdate[:4] if mdate else "undated"
        years[year].append(Mention(year, mdate, council, committee, path, page, s, e, _around(text, s, e),
                                   tuple(linked.get(mid, ()))))
    timeline.years = dict(years)
    timeline.totals = [_total(db, m) for m in matches]
    return timeline


def _total(db: sqlite_utils.Database, match: SchemeMatch) -> Total:
    rows = db.execute(
        "select sa.raw, sa.value_gbp, d.path, sa.start_char, sa.end_char from scheme_amounts sa"
        " left join documents d on d.id = sa.document_id where sa.scheme_id = ? and sa.suspect is null"
        " order by d.path, sa.start_char", [match.scheme_id]
    ).fetchall()
    return Total(match.scheme_id, match.name, sum(r[1] or 0 for r in rows),
                 tuple(f"{raw} ({path} chars {s}–{e})" for raw, _v, path, s, e in rows))


def _around(text: str, start: int, end: int, width: int = 120) -> str:
    a, b = max(0, start - width), min(len(text), end + width)
    return ("…" if a else "") + " ".join(text[a:b].split()) + ("…" if b < len(text) else "")
