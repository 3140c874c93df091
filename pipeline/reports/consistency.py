"""Figures that disagree: (a) across documents, the same amount written at a
different magnitude ("£139,250k" in 2024, "£139,250" in 2023), amounts the
money extractor marked suspect, and one purpose + period given two values;
(b) inside one document, a stated total whose component counts of the same
noun sum to something else ("11 Community Protection Warnings (CPWs)" then
"8 CPWs ... 7 CPWs ...").

Amounts are grouped by a key (their significant digits; their purpose and
period), never compared pairwise across the store.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import sqlite_utils

MIN_SIGNIFICANT_DIGITS = 4  # "£5m" vs "£5k" is too little to call the same figure
COUNT_WINDOW = 2000  # components of a total are looked for this far after it


@dataclass(frozen=True)
class AmountRef:
    amount_id: str
    raw: str
    value_gbp: float
    document: str | None
    meeting_date: str | None
    page: int | None
    start_char: int
    end_char: int
    purpose: str | None
    period: str | None


@dataclass(frozen=True)
class FigureIssue:
    kind: str  # "magnitude" | "suspect" | "purpose"
    key: str
    message: str
    amounts: tuple[AmountRef, ...]


@dataclass(frozen=True)
class CountIssue:
    document: str | None
    document_id: str
    noun: str
    stated: int
    stated_at: tuple[int, int]
    parts: tuple[tuple[int, int, int], ...]  # (count, start_char, end_char)
    quote: str

    @property
    def total_of_parts(self) -> int:
        return sum(p[0] for p in self.parts)


def significant_digits(raw: str) -> str:
    """"£139,250k" -> "13925": the digits as written, scale and zeros dropped."""
    return re.sub(r"\D", "", raw).strip("0")


def figure_issues(db: sqlite_utils.Database) -> list[FigureIssue]:
    refs = [
        AmountRef(*row)
        for row in db.execute(
            "select a.id, a.raw, a.value_gbp, d.path, m.date, a.page, a.start_char, "
            "a.end_char, a.purpose, a.period"
            " from amounts a left join documents d on d.id = a.document_id left join "
            "meetings m on m.id = a.meeting_id"
            " order by m.date, d.path, a.start_char"
        )
    ]
    suspect = {
        aid: why for aid, why in db.execute("select id, suspect from amounts where suspect is not null")
    }
    issues: list[FigureIssue] = []
    by_digits: dict[str, list[AmountRef]] = defaultdict(list)
    by_purpose: dict[tuple[str, str], list[AmountRef]] = defaultdict(list)
    for r in refs:
        digits = significant_digits(r.raw or "")
        if len(digits) >= MIN_SIGNIFICANT_DIGITS:
            by_digits[digits].append(r)
        if r.purpose and r.period:
            by_purpose[(" ".join(r.purpose.lower().split()), r.period)].append(r)
    for digits, group in by_digits.items():
        values = {round(r.value_gbp or 0, 2) for r in group}
        if len(values) > 1 and len({r.document for r in group}) > 1:
            shown = ", ".join(sorted({r.raw for r in group}))
            issues.append(
                FigureIssue("magnitude", digits, f"same digits, different magnitude: {shown}", tuple(group))
            )
    for (purpose, period), group in by_purpose.items():
        if len({round(r.value_gbp or 0, 2) for r in group}) > 1 and len({r.document for r in group}) > 1:
            shown = ", ".join(r.raw for r in group)
            issues.append(
                FigureIssue("purpose", f"{purpose} ({period})", f"{purpose} {period}: {shown}", tuple(group))
            )
    for r in refs:
        if r.amount_id in suspect:
            issues.append(FigureIssue("suspect", r.raw, f"{r.raw}: {suspect[r.amount_id]}", (r,)))
    return issues


# -- counts inside one document ------------------------------------------------
_COUNT = re.compile(
    r"(?<![\d,.£$])(?P<n>\d{1,"
    r"6})(?![\d,.%])\s+(?:\*\*)?(?P<noun>[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,"
    r"4}|[a-z][\w-]*)(?:\*\*)?"
    r"(?:\s*\((?P<acr>[A-Z][A-Za-z]{1,9})\))?"
)
_TOTAL_CUE = re.compile(r"\b(?:total|in all|overall|altogether|to date|a combined)\b", re.IGNORECASE)
_SUBSET_BEFORE = re.compile(r"\b(?:of|of the|out of|including|incl\.?)\s*$", re.IGNORECASE)
_SENTENCE = re.compile(r"[.!?\n]")


def _singular(word: str) -> str:
    w = word.lower()
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def _keys(noun: str, acronym: str | None) -> set[str]:
    words = noun.split()
    keys = {" ".join(_singular(w) for w in words)}
    if len(words) > 1:  # "Community Protection Warnings" is also "cpw"
        keys.add("".join(w[0] for w in words).lower())
    if acronym:
        keys.add(_singular(acronym))
    return keys


def count_issues_in(document_id: str, path: str | None, text: str) -> list[CountIssue]:
    """Stated totals (marked by an acronym definition or a word such as "total"
    or "to date") whose later component counts of the same noun don't add up."""
    mentions = [(m, _keys(m.group("noun"), m.group("acr"))) for m in _COUNT.finditer(text)]
    issues: list[CountIssue] = []
    for i, (m, keys) in enumerate(mentions):
        sentence_start = max(text.rfind(c, 0, m.start()) for c in ".!?\n") + 1
        if not (m.group("acr") or _TOTAL_CUE.search(text[sentence_start : m.end() + 80].split(".")[0])):
            continue
        stated = int(m.group("n"))
        parts: list[tuple[int, int, int]] = []
        for later, later_keys in mentions[i + 1 :]:
            if later.start() - m.end() > COUNT_WINDOW:
                break
            if not keys & later_keys:
                continue
            if later.group("acr") or _SUBSET_BEFORE.search(text[max(0, later.start() - 12) : later.start()]):
                break  # a new defined total, or "one of the 8 CPWs": stop collecting
            parts.append((int(later.group("n")), later.start(), later.end()))
        if len(parts) >= 2 and all(p[0] <= stated for p in parts) and sum(p[0] for p in parts) != stated:
            noun = m.group("acr") or m.group("noun")
            quote = " … ".join(text[a:b] for a, b in [(m.start(), m.end())] + [(p[1], p[2]) for p in parts])
            issues.append(
                CountIssue(path, document_id, noun, stated, (m.start(), m.end()), tuple(parts), quote)
            )
    return issues


def count_issues(db: sqlite_utils.Database) -> list[CountIssue]:
    out: list[CountIssue] = []
    for did, path, text in db.execute("select id, path, text from documents order by path"):
        out.extend(count_issues_in(did, path, text or ""))
    return out
