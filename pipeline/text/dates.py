"""UK date parsing: day-first numbers and written dates, to ISO yyyy-mm-dd.

Minutes print dates as "10/02/2026", "Wednesday 2nd November 2022",
"Thursday, 16th November, 2017" or "9 January 2025". The common shapes are
parsed by regex (fast, no surprises); dateparser handles the rest, always
day-first because these are UK documents.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?,?\s+)?"

#: "2nd November 2022", "Thursday, 16th November, 2017", "the 28th July, 2017"
WRITTEN_DATE = re.compile(
    _WEEKDAY + r"(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
#: "November 2nd, 2022" (rare in UK minutes, but seen in US-styled templates)
MONTH_FIRST_DATE = re.compile(
    _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
#: "10/02/2026", "1.12.09", "01-12-2009": day first
NUMERIC_DATE = re.compile(r"\b(?P<day>\d{1,2})[/.\-](?P<month>\d{1,2})[/.\-](?P<year>(?:19|20)?\d{2})\b")


def _iso(year: int, month: int, day: int) -> str | None:
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _from_match(match: re.Match[str]) -> str | None:
    month = match.group("month")
    month_number = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
    return _iso(int(match.group("year")), month_number, int(match.group("day")))


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first date written in ``text``: (iso, start, end), or None."""
    best: tuple[str, int, int] | None = None
    for pattern in (WRITTEN_DATE, MONTH_FIRST_DATE, NUMERIC_DATE):
        for match in pattern.finditer(text):
            iso = _from_match(match)
            if iso is not None:
                if best is None or match.start() < best[1]:
                    best = (iso, match.start(), match.end())
                break
    return best


def parse_date(text: str) -> str | None:
    """ISO date for a string that is (or starts with) a date; day-first."""
    found = find_date(text)
    if found is not None:
        return found[0]
    text = text.strip()
    if not re.search(r"(?<!\d)\d{1,2}(?!\d)", text):
        return None  # "May 2024" is a month, not a date
    import dateparser  # slow to import; only for shapes the regexes miss

    parsed = dateparser.parse(text, languages=["en"], settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date().isoformat() if parsed else None
